//! Issue 12, exports: every list downloads as CSV (UTF-8 with BOM, `;`) and
//! XLSX with the same filters, scope and order as on screen; each export is
//! recorded (`list.export`) with its purpose, format and row count.

use crate::db_tests;
use crate::places_support::{
    Staff, apply_with, assess, board, facility_id, forward, granted, person, set_capacity,
};
use crate::support::{DEFAULT_PURPOSE, TestApp};
use calamine::{Reader, Xlsx, open_workbook_from_rs};
use reqwest::Method;
use serde_json::{Value, json};
use time::macros::date;

db_tests!(
    export_persons_csv_and_xlsx_hold_the_search_results,
    export_persons_of_an_eldership_worker_hold_only_their_eldership,
    export_applications_and_inbox_hold_the_lists_lines,
    export_users_and_audit_hold_the_lists_lines,
    export_queue_board_holds_the_waiting_entries,
    export_refused_without_permission_format_or_purpose,
);

/// A downloaded file.
struct File {
    status: u16,
    content_type: String,
    disposition: String,
    bytes: Vec<u8>,
}

async fn download(app: &TestApp, path: &str, token: &str) -> File {
    let response = app
        .request(Method::GET, path)
        .bearer_auth(token)
        .header("x-purpose", DEFAULT_PURPOSE)
        .send()
        .await
        .expect("request");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (content_type, disposition) = (header("content-type"), header("content-disposition"));
    let status = response.status().as_u16();
    let bytes = response.bytes().await.expect("body").to_vec();
    File {
        status,
        content_type,
        disposition,
        bytes,
    }
}

/// The rows of a CSV export (header first), after checking the BOM, the
/// CRLF line ends and the media type.
fn csv_rows(file: &File) -> Vec<Vec<String>> {
    assert_eq!(file.status, 200, "{}", String::from_utf8_lossy(&file.bytes));
    assert_eq!(file.content_type, "text/csv; charset=utf-8");
    assert!(file.disposition.starts_with("attachment"));
    assert!(file.disposition.contains(".csv"), "{}", file.disposition);
    let text = String::from_utf8(file.bytes.clone()).expect("UTF-8");
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    assert!(body.ends_with("\r\n"));
    body.trim_end_matches("\r\n")
        .split("\r\n")
        .map(|line| line.split(';').map(str::to_owned).collect())
        .collect()
}

/// The rows of an XLSX export's first sheet (header first), read with
/// calamine.
fn xlsx_rows(file: &File) -> Vec<Vec<String>> {
    assert_eq!(file.status, 200, "{}", String::from_utf8_lossy(&file.bytes));
    assert_eq!(
        file.content_type,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(file.disposition.contains(".xlsx"), "{}", file.disposition);
    assert_eq!(&file.bytes[..2], b"PK");
    let mut book: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(file.bytes.clone())).expect("a workbook");
    let range = book
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("readable");
    range
        .rows()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect()
}

/// Both files of `path` (which has a query string) as rows.
async fn both(app: &TestApp, path: &str, token: &str) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let csv = csv_rows(&download(app, &format!("{path}&format=csv"), token).await);
    let xlsx = xlsx_rows(&download(app, &format!("{path}&format=xlsx"), token).await);
    (csv, xlsx)
}

fn has(rows: &[Vec<String>], text: &str) -> bool {
    rows.iter().flatten().any(|cell| cell.contains(text))
}

/// The newest `list.export` record, checked to say `list`, `format` and
/// `rows`, and the default purpose.
async fn assert_export_recorded(app: &TestApp, list: &str, format: &str, rows: usize) {
    let auditor = app.token("auditor").await;
    let records = app.audit(&auditor, "action=list.export").await;
    let record = records
        .iter()
        .find(|r| r["summary"]["list"] == list && r["summary"]["format"] == format)
        .unwrap_or_else(|| panic!("no {format} export of {list} recorded: {records:?}"));
    assert_eq!(record["entity"], list);
    assert_eq!(record["summary"]["rows"], rows);
    assert_eq!(record["summary"]["purpose"], DEFAULT_PURPOSE);
}

async fn new_person(app: &TestApp, token: &str, body: Value) -> Value {
    app.post("/api/v1/persons", token, body)
        .await
        .assert_status(201)
        .clone()
}

async fn eldership(app: &TestApp, token: &str, name: &str) -> Value {
    let org = app.get("/api/v1/organisation", token).await;
    org.body["elderships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no eldership {name}"))["id"]
        .clone()
}

const PERSON_COLUMNS: [&str; 8] = [
    "pavarde",
    "vardas",
    "asmens_kodas",
    "gimimo_data",
    "deklaruota_gyvenamoji_vieta",
    "seniunija",
    "telefonas",
    "el_pastas",
];

async fn export_persons_csv_and_xlsx_hold_the_search_results(app: TestApp) {
    let worker = app.token("social_worker").await;
    new_person(
        &app,
        &worker,
        json!({ "first_name": "Ona", "last_name": "Žemaitė", "birth_date": "1947-05-28",
                "declared_address": "Šiaulių g. 5, Kelmė" }),
    )
    .await;
    new_person(
        &app,
        &worker,
        json!({ "first_name": "Ąžuolė", "last_name": "Kairytė" }),
    )
    .await;
    new_person(
        &app,
        &worker,
        json!({ "first_name": "Petras", "last_name": "Žemaitis" }),
    )
    .await;
    let page = app.get("/api/v1/persons", &worker).await;
    let total = page.body["total"].as_u64().unwrap();
    assert_eq!(total, 3);
    let on_screen: Vec<&str> = page.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["first_name"].as_str().unwrap())
        .collect();
    let (csv, xlsx) = both(&app, "/api/v1/persons/export?", &worker).await;
    for rows in [&csv, &xlsx] {
        assert_eq!(rows[0], PERSON_COLUMNS);
        assert_eq!(rows.len() as u64, total + 1, "a header and one row each");
        assert!(has(rows, "Žemaitė") && has(rows, "Ąžuolė") && has(rows, "Kairytė"));
        // The search's order.
        let names: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
        assert_eq!(names, on_screen);
    }
    let ona = csv.iter().find(|r| r[1] == "Ona").unwrap();
    assert_eq!(ona[0], "Žemaitė");
    assert_eq!(ona[3], "1947-05-28");
    assert_eq!(ona[4], "Šiaulių g. 5, Kelmė");
    let ona = xlsx.iter().find(|r| r[1] == "Ona").unwrap();
    assert_eq!(ona[4], "Šiaulių g. 5, Kelmė");
    assert_export_recorded(&app, "persons", "csv", 3).await;
    assert_export_recorded(&app, "persons", "xlsx", 3).await;
    // The same filters as the search: `zemaite` finds Žemaitė only.
    let filtered = app.get("/api/v1/persons?q=zemaite", &worker).await;
    assert_eq!(filtered.body["total"], 1);
    let (csv, xlsx) = both(&app, "/api/v1/persons/export?q=zemaite", &worker).await;
    for rows in [&csv, &xlsx] {
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][0], "Žemaitė");
        assert_eq!(rows[1][1], "Ona");
    }
    let auditor = app.token("auditor").await;
    let records = app.audit(&auditor, "action=list.export").await;
    assert_eq!(records[0]["summary"]["rows"], 1);
    assert_eq!(records[0]["summary"]["filters"], json!(["name"]));
    let text = records[0]["summary"].to_string();
    assert!(!text.contains("zemaite"), "never the query text: {text}");
}

async fn export_persons_of_an_eldership_worker_hold_only_their_eldership(app: TestApp) {
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let kraziai = eldership(&app, &specialist, "Kražių seniūnija").await;
    new_person(
        &app,
        &specialist,
        json!({ "first_name": "Petras", "last_name": "Kražietis", "eldership_id": kraziai }),
    )
    .await;
    new_person(
        &app,
        &worker,
        json!({ "first_name": "Ona", "last_name": "Žemaitė" }),
    )
    .await;
    let (csv, xlsx) = both(&app, "/api/v1/persons/export?", &worker).await;
    for rows in [&csv, &xlsx] {
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(has(rows, "Žemaitė"));
        assert!(!has(rows, "Kražietis"));
    }
    let (csv, xlsx) = both(&app, "/api/v1/persons/export?", &specialist).await;
    for rows in [&csv, &xlsx] {
        assert_eq!(rows.len(), 3);
        assert!(has(rows, "Kražietis") && has(rows, "Kražių seniūnija"));
    }
}

const APPLICATION_COLUMNS: [&str; 11] = [
    "gauta",
    "pavarde",
    "vardas",
    "asmens_kodas",
    "paslauga",
    "statusas",
    "sprendimo_terminas",
    "veluoja",
    "pranesimo_terminas",
    "perdavimo_terminas",
    "seniunija",
];

async fn export_applications_and_inbox_hold_the_lists_lines(app: TestApp) {
    let staff = Staff::of(&app).await;
    app.clock.set_today(date!(2026 - 11 - 02));
    for (first, received) in [("Ąžuolė", "2026-11-02"), ("Jonas", "2026-11-01")] {
        let id = person(&app, &staff.worker, first, "1944-03-03").await;
        let application = apply_with(
            &app,
            &staff.worker,
            &id,
            "group_living_long_term",
            received,
            json!({}),
        )
        .await
        .assert_status(201)
        .clone();
        if first == "Ąžuolė" {
            let assessed = assess(&app, &staff.worker, &application, received).await;
            forward(&app, &staff.worker, &assessed).await;
        }
    }
    let list = app.get("/api/v1/applications", &staff.worker).await;
    let total = list.body["total"].as_u64().unwrap();
    assert_eq!(total, 2);
    let on_screen: Vec<&str> = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["person"]["first_name"].as_str().unwrap())
        .collect();
    let (csv, xlsx) = both(&app, "/api/v1/applications/export?", &staff.worker).await;
    for rows in [&csv, &xlsx] {
        assert_eq!(rows[0], APPLICATION_COLUMNS);
        assert_eq!(rows.len() as u64, total + 1);
        // The list's order.
        let names: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
        assert_eq!(names, on_screen);
        let azuole = rows.iter().find(|r| r[2] == "Ąžuolė").unwrap();
        assert_eq!(azuole[1], "Laukiantė");
        assert_eq!(azuole[5], "ready_for_decision");
    }
    assert!(csv.iter().any(|r| r[2] == "Ąžuolė" && r[0] == "2026-11-02"));
    assert_export_recorded(&app, "applications", "xlsx", 2).await;
    // The filters of the list.
    let (csv, _) = both(
        &app,
        "/api/v1/applications/export?status=ready_for_decision",
        &staff.worker,
    )
    .await;
    assert_eq!(csv.len(), 2);
    assert_eq!(csv[1][2], "Ąžuolė");
    // The inbox: the waiting application.
    let inbox = app
        .get("/api/v1/applications/inbox", &staff.specialist)
        .await;
    let lines = inbox.body["items"].as_array().unwrap().len()
        + inbox.body["follow_ups"].as_array().unwrap().len();
    assert_eq!(lines, 1);
    let (csv, xlsx) = both(
        &app,
        "/api/v1/applications/inbox/export?",
        &staff.specialist,
    )
    .await;
    for rows in [&csv, &xlsx] {
        assert_eq!(rows[0][0], "skiltis");
        assert_eq!(rows[0][1..], APPLICATION_COLUMNS);
        assert_eq!(rows.len(), lines + 1);
        assert_eq!(rows[1][0], "laukia_sprendimo");
        assert_eq!(rows[1][3], "Ąžuolė");
    }
    assert_export_recorded(&app, "inbox", "csv", 1).await;
    // The inbox is the division's.
    let refused = download(
        &app,
        "/api/v1/applications/inbox/export?format=csv",
        &staff.worker,
    )
    .await;
    assert_eq!(refused.status, 403);
}

async fn export_users_and_audit_hold_the_lists_lines(app: TestApp) {
    let admin = app.token("admin").await;
    let total = app.get("/api/v1/users?per_page=1", &admin).await.body["total"]
        .as_u64()
        .unwrap();
    let (csv, xlsx) = both(&app, "/api/v1/users/export?", &admin).await;
    for rows in [&csv, &xlsx] {
        assert_eq!(
            rows[0],
            [
                "prisijungimo_vardas",
                "vardas_pavarde",
                "roles",
                "seniunija",
                "aktyvus"
            ]
        );
        assert_eq!(rows.len() as u64, total + 1);
        assert!(has(rows, "Aušra Administratorė"));
        let worker = rows.iter().find(|r| r[0] == "social_worker").unwrap();
        assert_eq!(worker[1], "Rasa Petraitienė");
        assert_eq!(worker[2], "social_worker");
        assert_eq!(worker[3], "Kelmės miesto seniūnija");
        assert_eq!(worker[4], "taip");
    }
    let (csv, _) = both(&app, "/api/v1/users/export?role=auditor", &admin).await;
    assert_eq!(csv.len(), 2);
    assert_eq!(csv[1][1], "Dalia Auditorė");
    assert_export_recorded(&app, "users", "csv", 1).await;

    // The audit log, filtered as on screen: the logins so far.
    let auditor = app.token("auditor").await;
    let logins = app.audit(&auditor, "action=auth.login").await.len();
    assert!(logins >= 2);
    let (csv, xlsx) = both(&app, "/api/v1/audit/export?action=auth.login", &auditor).await;
    for rows in [&csv, &xlsx] {
        assert_eq!(
            rows[0],
            [
                "laikas",
                "veikejo_rusis",
                "veikejas",
                "veiksmas",
                "objektas",
                "objekto_id",
                "uzklausos_id",
                "adresas",
                "santrauka"
            ]
        );
        assert_eq!(rows.len(), logins + 1);
        assert!(rows[1..].iter().all(|r| r[3] == "auth.login"));
        assert!(has(rows, "auditor") && has(rows, "admin"));
    }
    // The export of the audit log is itself audited.
    assert_export_recorded(&app, "audit", "xlsx", logins).await;
    let exports = app.audit(&auditor, "action=list.export&entity=audit").await;
    assert_eq!(exports.len(), 2);
    assert_eq!(exports[0]["summary"]["filters"], json!(["action"]));
}

async fn export_queue_board_holds_the_waiting_entries(app: TestApp) {
    let staff = Staff::of(&app).await;
    app.clock.set_today(date!(2026 - 12 - 01));
    let ggn = facility_id(&app, &staff.specialist, "ggn").await;
    set_capacity(
        &app,
        &staff.specialist,
        &ggn,
        "long_term_care",
        0,
        date!(2026 - 12 - 01),
    )
    .await;
    for (first, received, signed) in [
        ("Ąžuolė", date!(2026 - 12 - 01), date!(2026 - 12 - 03)),
        ("Petras", date!(2026 - 12 - 02), date!(2026 - 12 - 04)),
    ] {
        granted(
            &app,
            &staff,
            first,
            "group_living_long_term",
            received,
            signed,
        )
        .await;
    }
    let view = board(&app, &staff.head, &ggn, "long_term_care").await;
    let waiting = view["entries"].as_array().unwrap().len();
    assert_eq!(waiting, 2);
    let path = format!("/api/v1/facilities/{ggn}/queue/export?place_kind=long_term_care");
    let (csv, xlsx) = both(&app, &path, &staff.head).await;
    for rows in [&csv, &xlsx] {
        assert_eq!(
            rows[0],
            [
                "eiles_nr",
                "vardas_pavarde",
                "vietos_rusis",
                "sprendimo_data",
                "prasymo_data",
                "registracijos_nr",
                "statusas",
                "laukia_dienu",
                "numatoma_laukti_dienu"
            ]
        );
        assert_eq!(rows.len(), waiting + 1);
        assert_eq!(rows[1][0], "1");
        assert_eq!(
            rows[1][1],
            view["entries"][0]["person_name"].as_str().unwrap()
        );
        assert!(rows[1][1].contains("Ąžuolė"));
        assert_eq!(rows[1][6], "waiting");
        assert_eq!(rows[2][0], "2");
    }
    assert_eq!(csv[1][3], "2026-12-03");
    assert_export_recorded(&app, "queue", "csv", 2).await;
    let auditor = app.token("auditor").await;
    let records = app.audit(&auditor, "action=list.export&entity=queue").await;
    assert_eq!(records[0]["entity_id"], ggn.as_str());
}

async fn export_refused_without_permission_format_or_purpose(app: TestApp) {
    let admin = app.token("admin").await;
    let worker = app.token("social_worker").await;
    let auditor = app.token("auditor").await;
    for (path, token) in [
        ("/api/v1/persons/export?format=csv", &admin),
        ("/api/v1/applications/export?format=xlsx", &admin),
        ("/api/v1/applications/inbox/export?format=csv", &worker),
        ("/api/v1/users/export?format=csv", &worker),
        ("/api/v1/users/export?format=csv", &auditor),
        ("/api/v1/audit/export?format=csv", &worker),
        ("/api/v1/audit/export?format=csv", &admin),
    ] {
        app.get(path, token).await.assert_problem(403, "forbidden");
    }
    for path in [
        "/api/v1/persons/export?format=pdf",
        "/api/v1/persons/export",
        "/api/v1/users/export?format=CSV",
    ] {
        let token = if path.contains("users") {
            &admin
        } else {
            &worker
        };
        app.get(path, token)
            .await
            .assert_problem(400, "invalid_query");
    }
    app.get_for("/api/v1/persons/export?format=csv", &worker, None)
        .await
        .assert_problem(422, "validation_failed");
    app.get_for(
        "/api/v1/persons/export?format=csv",
        &worker,
        Some("curiosity"),
    )
    .await
    .assert_problem(422, "validation_failed");
    // Nothing refused was recorded as an export.
    assert!(app.audit(&auditor, "action=list.export").await.is_empty());
}
