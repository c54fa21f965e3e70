//! Issue 12, reports (R-REP-1..3): the figures of a small fixed data set,
//! worked out by hand below; the CSV and XLSX exports; the recorded read of
//! the overdue list; the period checks; the roles; the municipality's
//! isolation.
//!
//! Today is 2026-03-20. The data set (Kelmė; every case built with
//! `store::demo_reports::record`):
//!
//! | case | person (born)       | service             | received   | due        | signed     | start                                 |
//! |------|---------------------|---------------------|------------|------------|------------|---------------------------------------|
//! | A    | P1 (1950-01-01)     | home_help           | 2026-01-02 | 2026-01-16 | 2026-01-16 | from 2026-01-20                       |
//! | B    | P4 (1960-05-05)     | home_help           | 2026-01-05 | 2026-01-19 | 2026-01-22 | from 2026-02-01                       |
//! | C    | P5 (1970-01-01)     | home_help           | 2026-02-02 | 2026-02-16 | —          | (overdue today, 32 days)              |
//! | D    | P6 (1980-01-01)     | home_help           | 2026-03-10 | 2026-03-24 | —          | (not due yet)                         |
//! | E    | P2 (2015-06-01)     | children_day_centre | 2026-01-10 | 2026-01-23 | 2026-01-20 | queue 01-20 → admitted 02-10 (stay)   |
//! | F    | P3 (2008-02-10)     | children_day_centre | 2026-01-12 | 2026-01-26 | 2026-01-26 | queue from 01-26, still waiting       |
//! | H    | P3                  | respite             | 2026-01-03 | 2026-01-17 | 2026-01-09 | from 2026-02-01 (P3 still 17)         |
//! | J    | P6                  | transport           | 2026-02-01 | 2026-02-15 | 2026-02-05 | refused                               |
//! | G    | P4                  | respite             | 2025-12-01 | 2025-12-15 | 2025-12-10 | from 2025-12-12                       |
//! | K    | (Kaunas district)   | home_help           | 2026-01-05 | 2026-01-10 | 2026-01-30 | from 2026-02-01 — never in Kelmė's    |

use crate::db_tests;
use crate::support::TestApp;
use atvejis_api::store::demo_reports::{HistoryCase, QueueSpellSpec, person, record};
use atvejis_api::store::entities::municipalities;
use atvejis_domain::places::PlaceKind;
use calamine::{Reader, Xlsx};
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;
use std::io::Cursor;
use time::Date;
use time::macros::date;
use uuid::Uuid;

db_tests!(
    reports_r_rep_3_timeliness_per_service_type_and_month_and_the_overdue_list,
    reports_r_rep_2_waiting_median_and_maximum_and_month_end_queue_lengths,
    reports_r_rep_1_yearly_summary_children_and_adults_with_the_previous_year,
    reports_exports_are_csv_and_xlsx_with_lithuanian_service_names,
    reports_periods_and_purposes_are_checked,
    reports_are_only_for_the_division,
);

const TODAY: Date = date!(2026 - 03 - 20);

async fn municipality(app: &TestApp, code: &str) -> Uuid {
    municipalities::Entity::find()
        .filter(municipalities::Column::Code.eq(code))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[allow(clippy::too_many_arguments)]
fn case(
    person_id: Uuid,
    service: &str,
    received_on: Date,
    due_on: Date,
    decided_on: Option<Date>,
    granted: bool,
    service_from: Option<Date>,
    queue: Option<QueueSpellSpec>,
) -> HistoryCase {
    HistoryCase {
        person_id,
        service: service.to_owned(),
        received_on,
        due_on: Some(due_on),
        decided_on,
        granted,
        service_from,
        queue,
    }
}

fn day_centre(joined_on: Date, admitted_on: Option<Date>) -> Option<QueueSpellSpec> {
    Some(QueueSpellSpec {
        facility: "vdc-parama".to_owned(),
        kind: PlaceKind::DayCare,
        joined_on,
        closed_on: admitted_on,
        admitted: admitted_on.is_some(),
        stay_ended_on: None,
    })
}

/// Builds the data set of the module's table.
async fn data_set(app: &TestApp) {
    app.clock.set_today(TODAY);
    let now = app.clock.now();
    let db = &app.db;
    let kelme = municipality(app, "kelme").await;
    let kaunas = municipality(app, "kauno-r").await;
    let p = |first: &'static str, birth: Date| async move {
        person(db, kelme, first, "Ataskaitaitė", Some(birth), now)
            .await
            .unwrap()
    };
    let p1 = p("Petronėlė", date!(1950 - 01 - 01)).await;
    let p2 = p("Gabija", date!(2015 - 06 - 01)).await;
    let p3 = p("Austėja", date!(2008 - 02 - 10)).await;
    let p4 = p("Birutė", date!(1960 - 05 - 05)).await;
    let p5 = p("Žydrūnė", date!(1970 - 01 - 01)).await;
    let p6 = p("Eglė", date!(1980 - 01 - 01)).await;
    let cases = [
        // A
        case(
            p1,
            "home_help",
            date!(2026 - 01 - 02),
            date!(2026 - 01 - 16),
            Some(date!(2026 - 01 - 16)),
            true,
            Some(date!(2026 - 01 - 20)),
            None,
        ),
        // B
        case(
            p4,
            "home_help",
            date!(2026 - 01 - 05),
            date!(2026 - 01 - 19),
            Some(date!(2026 - 01 - 22)),
            true,
            Some(date!(2026 - 02 - 01)),
            None,
        ),
        // C
        case(
            p5,
            "home_help",
            date!(2026 - 02 - 02),
            date!(2026 - 02 - 16),
            None,
            true,
            None,
            None,
        ),
        // D
        case(
            p6,
            "home_help",
            date!(2026 - 03 - 10),
            date!(2026 - 03 - 24),
            None,
            true,
            None,
            None,
        ),
        // E
        case(
            p2,
            "children_day_centre",
            date!(2026 - 01 - 10),
            date!(2026 - 01 - 23),
            Some(date!(2026 - 01 - 20)),
            true,
            None,
            day_centre(date!(2026 - 01 - 20), Some(date!(2026 - 02 - 10))),
        ),
        // F
        case(
            p3,
            "children_day_centre",
            date!(2026 - 01 - 12),
            date!(2026 - 01 - 26),
            Some(date!(2026 - 01 - 26)),
            true,
            None,
            day_centre(date!(2026 - 01 - 26), None),
        ),
        // H
        case(
            p3,
            "respite",
            date!(2026 - 01 - 03),
            date!(2026 - 01 - 17),
            Some(date!(2026 - 01 - 09)),
            true,
            Some(date!(2026 - 02 - 01)),
            None,
        ),
        // J
        case(
            p6,
            "transport",
            date!(2026 - 02 - 01),
            date!(2026 - 02 - 15),
            Some(date!(2026 - 02 - 05)),
            false,
            None,
            None,
        ),
        // G
        case(
            p4,
            "respite",
            date!(2025 - 12 - 01),
            date!(2025 - 12 - 15),
            Some(date!(2025 - 12 - 10)),
            true,
            Some(date!(2025 - 12 - 12)),
            None,
        ),
    ];
    for c in &cases {
        record(db, kelme, c, now).await.unwrap();
    }
    // K, in Kaunas district.
    let foreign = person(
        db,
        kaunas,
        "Kazys",
        "Kaunietis",
        Some(date!(1940 - 01 - 01)),
        now,
    )
    .await
    .unwrap();
    record(
        db,
        kaunas,
        &case(
            foreign,
            "home_help",
            date!(2026 - 01 - 05),
            date!(2026 - 01 - 10),
            Some(date!(2026 - 01 - 30)),
            true,
            Some(date!(2026 - 02 - 01)),
            None,
        ),
        now,
    )
    .await
    .unwrap();
}

fn row<'a>(rows: &'a Value, code: &str, month: &str) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["service"]["code"] == code && r["month"] == month)
        .unwrap_or_else(|| panic!("no row {code} {month} in {rows}"))
}

async fn reports_r_rep_3_timeliness_per_service_type_and_month_and_the_overdue_list(app: TestApp) {
    data_set(&app).await;
    let head = app.token("division_head").await;
    let report = app
        .get(
            "/api/v1/reports/timeliness?from=2026-01-01&to=2026-03-31",
            &head,
        )
        .await;
    let report = report.assert_status(200);
    assert_eq!(report["as_of"], "2026-03-20");
    let rows = &report["rows"];
    // Home help, January: A (signed on its due day: on time) and B (3 days
    // late): 1 of 2 = 50 %.
    let jan = row(rows, "home_help", "2026-01");
    assert_eq!(
        (jan["due"].as_u64(), jan["on_time"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(jan["share_percent"], 50.0);
    assert_eq!(jan["service"]["name_lt"], "Pagalba į namus");
    // Home help, February: C unsigned and past its due date: late, 0 of 1.
    let feb = row(rows, "home_help", "2026-02");
    assert_eq!(
        (feb["due"].as_u64(), feb["on_time"].as_u64()),
        (Some(1), Some(0))
    );
    assert_eq!(feb["share_percent"], 0.0);
    // March: D is due on the 24th, after today: it does not count yet.
    assert!(
        !rows
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["month"] == "2026-03"),
        "{rows}"
    );
    // Day centre, January: E (3 days early) and F (on its due day): 2 of 2.
    let dc = row(rows, "children_day_centre", "2026-01");
    assert_eq!(
        (dc["due"].as_u64(), dc["on_time"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(dc["share_percent"], 100.0);
    // Respite H (January) and the refused transport J (February) on time;
    // G was due in December, before the period; K is another municipality's.
    assert_eq!(row(rows, "respite", "2026-01")["due"], 1);
    assert_eq!(row(rows, "transport", "2026-02")["share_percent"], 100.0);
    assert_eq!(rows.as_array().unwrap().len(), 5, "{rows}");
    // Over the period, home help: 1 of 3 = 33.3 %.
    let total = report["totals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["service"]["code"] == "home_help")
        .unwrap();
    assert_eq!(
        (total["due"].as_u64(), total["share_percent"].as_f64()),
        (Some(3), Some(33.3))
    );

    // Today's overdue list: C only (D is not due yet), 32 days past
    // 2026-02-16; the read is recorded with its purpose.
    let overdue = app
        .get_for("/api/v1/reports/overdue", &head, Some("supervision"))
        .await;
    let overdue = overdue.assert_status(200);
    assert_eq!(overdue["total"], 1, "{overdue}");
    let item = &overdue["items"][0];
    assert_eq!(item["person_name"], "Žydrūnė Ataskaitaitė");
    assert_eq!(item["due_on"], "2026-02-16");
    assert_eq!(item["days_overdue"], 32);
    let auditor = app.token("auditor").await;
    let records = app.audit(&auditor, "action=report.overdue_read").await;
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["summary"]["purpose"], "supervision");
    assert_eq!(records[0]["summary"]["total"], 1);
}

fn waiting_row<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["service"]["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {report}"))
}

async fn reports_r_rep_2_waiting_median_and_maximum_and_month_end_queue_lengths(app: TestApp) {
    data_set(&app).await;
    let specialist = app.token("division_specialist").await;
    let report = app
        .get(
            "/api/v1/reports/waiting?from=2026-01-01&to=2026-03-31",
            &specialist,
        )
        .await;
    let report = report.assert_status(200);
    // Home help: A 14 days to the decision, B 17 → median (14+17)/2 = 15.5,
    // max 17; to the start: A 4 days (01-16 → 01-20), B 10 (01-22 → 02-01)
    // → median 7, max 10.
    let hh = waiting_row(report, "home_help");
    assert_eq!(hh["to_decision"]["count"], 2);
    assert_eq!(hh["to_decision"]["median"], 15.5);
    assert_eq!(hh["to_decision"]["max"], 17);
    assert_eq!(hh["to_start"]["median"], 7.0);
    assert_eq!(hh["to_start"]["max"], 10);
    // Day centre: E 10 days, F 14 → median 12; only E has started, from its
    // stay: 21 days after the decision (01-20 → 02-10).
    let dc = waiting_row(report, "children_day_centre");
    assert_eq!(dc["to_decision"]["median"], 12.0);
    assert_eq!(dc["to_decision"]["max"], 14);
    assert_eq!(dc["to_start"]["count"], 1);
    assert_eq!(dc["to_start"]["max"], 21);
    // Respite H: 6 days, then 23 to the start. Transport J was refused: a
    // decision (4 days) but no start.
    let respite = waiting_row(report, "respite");
    assert_eq!(
        (
            respite["to_decision"]["max"].as_i64(),
            respite["to_start"]["max"].as_i64()
        ),
        (Some(6), Some(23))
    );
    let transport = waiting_row(report, "transport");
    assert_eq!(transport["to_decision"]["max"], 4);
    assert!(transport["to_start"].is_null());
    assert_eq!(report["rows"].as_array().unwrap().len(), 4, "{report}");

    // The day centre's queue: end of January E and F (2), end of February
    // F only (E admitted on the 10th), March measured today: F (1).
    let queues = report["queues"].as_array().unwrap();
    let parama = queues
        .iter()
        .find(|q| q["name"] == "Vaikų dienos centras „Parama“")
        .unwrap_or_else(|| panic!("{queues:?}"));
    let lengths: Vec<(String, u64)> = parama["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_owned(),
                m["waiting"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lengths,
        [
            ("2026-01".to_owned(), 2),
            ("2026-02".to_owned(), 1),
            ("2026-03".to_owned(), 1)
        ]
    );
    // Other facilities of Kelmė, with nobody queued: zeros; none of Kaunas.
    assert!(
        queues
            .iter()
            .all(|q| q["name"] != "Čekiškės socialinės globos ir priežiūros namai")
    );
    let ggn = queues
        .iter()
        .find(|q| q["name"] == "Grupinio gyvenimo namai")
        .unwrap();
    assert!(
        ggn["months"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["waiting"] == 0)
    );
}

async fn reports_r_rep_1_yearly_summary_children_and_adults_with_the_previous_year(app: TestApp) {
    data_set(&app).await;
    let head = app.token("division_head").await;
    let summary = app
        .get("/api/v1/reports/yearly-summary?year=2026", &head)
        .await;
    let summary = summary.assert_status(200);
    assert_eq!(
        (summary["year"].as_i64(), summary["previous_year"].as_i64()),
        (Some(2026), Some(2025))
    );
    let line = |code: &str| {
        summary["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["service"]["code"] == code)
            .unwrap_or_else(|| panic!("no {code} in {summary}"))
            .clone()
    };
    // Home help 2026: A (P1) and B (P4), adults; C and D have no decision.
    let hh = line("home_help");
    assert_eq!(
        (
            hh["current"]["adults"].as_u64(),
            hh["current"]["children"].as_u64()
        ),
        (Some(2), Some(0))
    );
    assert_eq!(hh["previous"]["total"], 0);
    // Day centre: E's stay (P2, a child); F still waits, not a recipient.
    let dc = line("children_day_centre");
    assert_eq!(
        (
            dc["current"]["children"].as_u64(),
            dc["current"]["total"].as_u64()
        ),
        (Some(1), Some(1))
    );
    // Respite 2026: H, P3 on 2026-02-01 (turns 18 on 02-10): a child.
    // 2025: G, P4, an adult.
    let respite = line("respite");
    assert_eq!(respite["current"]["children"], 1);
    assert_eq!(respite["current"]["adults"], 0);
    assert_eq!(respite["previous"]["adults"], 1);
    // The refused transport J is nobody's service; K is Kaunas district's.
    assert_eq!(summary["lines"].as_array().unwrap().len(), 3, "{summary}");
    // People: P1, P4, P2, P3 in 2026; P4 in 2025.
    assert_eq!(
        (
            summary["people"].as_u64(),
            summary["people_previous"].as_u64()
        ),
        (Some(4), Some(1))
    );
    assert_eq!(summary["municipality"], "Kelmės rajono savivaldybė");
}

async fn download(app: &TestApp, path: &str, token: &str, purpose: Option<&str>) -> Vec<u8> {
    let mut request = app.request(Method::GET, path).bearer_auth(token);
    if let Some(p) = purpose {
        request = request.header("x-purpose", p);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200, "{path}");
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"),
    );
    response.bytes().await.unwrap().to_vec()
}

fn csv_lines(bytes: &[u8]) -> Vec<String> {
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a BOM");
    String::from_utf8(bytes[3..].to_vec())
        .unwrap()
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn sheet(bytes: Vec<u8>) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("an XLSX workbook");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).expect("its first sheet");
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

async fn reports_exports_are_csv_and_xlsx_with_lithuanian_service_names(app: TestApp) {
    data_set(&app).await;
    let head = app.token("division_head").await;

    // Timeliness: a header and the 5 rows of the JSON report.
    let csv = csv_lines(
        &download(
            &app,
            "/api/v1/reports/timeliness/export?from=2026-01-01&to=2026-03-31&format=csv",
            &head,
            None,
        )
        .await,
    );
    assert_eq!(
        csv[0],
        "Paslauga;Mėnuo;Sprendimų;Laiku pasirašyta;Dalis laiku, %"
    );
    assert_eq!(csv.len(), 6, "{csv:?}");
    assert!(
        csv.contains(&"Pagalba į namus;2026-01;2;1;50".to_owned()),
        "{csv:?}"
    );
    assert!(
        csv.iter().any(|l| l.starts_with(
            "Vaikų dienos socialinė priežiūra (vaikų dienos centras);2026-01;2;2;100"
        )),
        "{csv:?}"
    );
    let xlsx = sheet(
        download(
            &app,
            "/api/v1/reports/timeliness/export?from=2026-01-01&to=2026-03-31&format=xlsx",
            &head,
            None,
        )
        .await,
    );
    assert_eq!(xlsx.len(), 6);
    assert_eq!(xlsx[0][4], "Dalis laiku, %");

    // Yearly summary, XLSX: header + 3 services.
    let summary = sheet(
        download(
            &app,
            "/api/v1/reports/yearly-summary/export?year=2026&format=xlsx",
            &head,
            None,
        )
        .await,
    );
    assert_eq!(summary[0][0], "Paslauga");
    assert_eq!(summary[0][1], "2026 m. vaikų");
    assert_eq!(summary[0][5], "2025 m. vaikų");
    assert_eq!(summary.len(), 4, "{summary:?}");
    let respite = summary
        .iter()
        .find(|r| r[0] == "Laikino atokvėpio paslauga")
        .expect("respite by its Lithuanian name");
    assert_eq!((respite[1].as_str(), respite[6].as_str()), ("1", "1"));

    // Waiting, CSV: 4 services, then 3 facilities × 3 months.
    let waiting = csv_lines(
        &download(
            &app,
            "/api/v1/reports/waiting/export?from=2026-01-01&to=2026-03-31&format=csv",
            &head,
            None,
        )
        .await,
    );
    assert_eq!(waiting.len(), 1 + 4 + 3 * 3, "{waiting:?}");
    assert!(
        waiting.contains(&"Pagalba į namus;;2;15,5;17;2;7;10;".to_owned()),
        "{waiting:?}"
    );

    // The overdue list names people: its export is recorded like the read,
    // with the format and the number of rows.
    let overdue = csv_lines(
        &download(
            &app,
            "/api/v1/reports/overdue/export?format=csv",
            &head,
            Some("supervision"),
        )
        .await,
    );
    assert_eq!(overdue.len(), 2);
    assert!(
        overdue[1].starts_with("Žydrūnė Ataskaitaitė;Pagalba į namus;2026-02-02;2026-02-16;32;")
    );
    let auditor = app.token("auditor").await;
    let records = app.audit(&auditor, "action=report.overdue_read").await;
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["summary"]["format"], "csv");
    assert_eq!(records[0]["summary"]["rows"], 1);
}

async fn reports_periods_and_purposes_are_checked(app: TestApp) {
    let head = app.token("division_head").await;
    for path in [
        "/api/v1/reports/timeliness?from=2026-03-01&to=2026-02-28",
        "/api/v1/reports/waiting?from=2016-01-01&to=2026-01-01",
        "/api/v1/reports/timeliness/export?from=2026-03-01&to=2026-02-28&format=csv",
        "/api/v1/reports/yearly-summary?year=1999",
    ] {
        app.get(path, &head)
            .await
            .assert_problem(422, "validation_failed");
    }
    // Ten years less a day is allowed.
    app.get(
        "/api/v1/reports/waiting?from=2016-01-01&to=2025-12-31",
        &head,
    )
    .await
    .assert_status(200);
    for path in [
        "/api/v1/reports/timeliness?from=2026-03-01",
        "/api/v1/reports/timeliness?from=yesterday&to=2026-03-01",
        "/api/v1/reports/yearly-summary/export?year=2026&format=pdf",
    ] {
        app.get(path, &head)
            .await
            .assert_problem(400, "invalid_query");
    }
    // The overdue list says why it is read.
    app.get_for("/api/v1/reports/overdue", &head, None)
        .await
        .assert_problem(422, "validation_failed");
}

async fn reports_are_only_for_the_division(app: TestApp) {
    for user in [
        "social_worker",
        "case_manager",
        "auditor",
        "admin",
        "data_protection_officer",
    ] {
        let token = app.token(user).await;
        for path in [
            "/api/v1/reports/timeliness?from=2026-01-01&to=2026-03-31",
            "/api/v1/reports/waiting?from=2026-01-01&to=2026-03-31",
            "/api/v1/reports/yearly-summary?year=2026",
            "/api/v1/reports/overdue",
            "/api/v1/reports/yearly-summary/export?year=2026&format=csv",
        ] {
            app.get(path, &token).await.assert_problem(403, "forbidden");
        }
    }
    for user in ["division_specialist", "division_head"] {
        let token = app.token(user).await;
        app.get("/api/v1/reports/yearly-summary?year=2026", &token)
            .await
            .assert_status(200);
    }
}
