//! Reports (R-REP-1..3): computed from the records of the reader's
//! municipality (and eldership, when their role sees only theirs), for a
//! period, each also as a CSV/XLSX table. The figures are aggregates; the
//! one list that names people — today's overdue decisions — is a read of
//! case content and is recorded with its purpose, as is its export.

use crate::actor::Actor;
use crate::app::read;
use crate::error::{ApiError, ApiResult};
use crate::export::{Cell, ExportFormat, Table};
use crate::field_code::FieldCode;
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::catalogue;
use crate::store::entities::municipalities;
use crate::store::reports::{self as store, Scope};
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::reports::{
    self as rules, PeriodError, Recipients, YearMonth, check_period, days_summary,
    month_end_queue_lengths, timeliness as timeliness_rows, yearly_recipients, yearly_summary,
};
use rust_decimal::Decimal;
use sea_orm::EntityTrait;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeMap;
use time::Date;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// `?from=&to=`: a report's period, both days included, at most 10 years.
#[derive(Debug, Clone, Copy, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// The first day (`YYYY-MM-DD`).
    pub from: Date,
    /// The last day (`YYYY-MM-DD`), not before `from`, less than 10 years after it.
    pub to: Date,
}

impl PeriodQuery {
    /// The period, or 422 `validation_failed` naming `to`.
    pub fn checked(self) -> ApiResult<(Date, Date)> {
        check_period(self.from, self.to).map_err(|e| {
            ApiError::invalid_field(
                "to",
                FieldCode::Range,
                match e {
                    PeriodError::Reversed => "the period ends before it starts",
                    PeriodError::TooLong => "a report covers at most 10 years",
                },
            )
        })?;
        Ok((self.from, self.to))
    }
}

/// `?year=`: the year of the summary.
#[derive(Debug, Clone, Copy, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The year, 2000–2100.
    pub year: i32,
}

impl YearQuery {
    /// The year, or 422 `validation_failed` naming `year`.
    pub fn checked(self) -> ApiResult<i32> {
        if (2000..=2100).contains(&self.year) {
            Ok(self.year)
        } else {
            Err(ApiError::invalid_field(
                "year",
                FieldCode::Range,
                "the year must be between 2000 and 2100",
            ))
        }
    }
}

/// A service type as reports name it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportService {
    /// Code, e.g. `home_help`.
    pub code: String,
    /// Lithuanian name.
    pub name_lt: String,
    /// English name.
    pub name_en: String,
}

/// One service type and month of the timeliness report.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelinessMonth {
    /// The service type.
    pub service: ReportService,
    /// The month of the due dates, `YYYY-MM`.
    pub month: String,
    /// Decisions due in the month that count: signed, or unsigned and past
    /// their due date.
    pub due: u64,
    /// Of those, signed by the due date (the due day included).
    pub on_time: u64,
    /// `on_time / due` in per cent, one decimal.
    pub share_percent: f64,
}

/// R-REP-3: the share of decisions signed by their due date.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelinessReport {
    /// The first day of the period.
    pub from: Date,
    /// The last day of the period.
    pub to: Date,
    /// The day the report was computed (unsigned decisions count as late
    /// once their due date is before it).
    pub as_of: Date,
    /// Per service type and month of the due date; months with nothing due
    /// are left out. By service code, then month.
    pub rows: Vec<TimelinessMonth>,
    /// Per service type over the whole period.
    pub totals: Vec<TimelinessMonth>,
}

/// One application whose decision is overdue.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OverdueItem {
    /// The application.
    pub application_id: Uuid,
    /// The person.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// The service type.
    pub service: ReportService,
    /// The application's status.
    pub status: String,
    /// When it was received.
    pub received_on: Date,
    /// When the decision was due.
    pub due_on: Date,
    /// Days past the due date, today.
    pub days_overdue: i64,
}

/// R-REP-3: the decisions overdue today.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OverdueReport {
    /// Today.
    pub as_of: Date,
    /// How many there are in all.
    pub total: u64,
    /// The oldest due first, at most 1,000.
    pub items: Vec<OverdueItem>,
}

/// Median and maximum of a set of day counts.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct DaysFigures {
    /// How many.
    pub count: u64,
    /// The median (of an even count: the mean of the two middle values).
    pub median: f64,
    /// The maximum.
    pub max: i64,
}

/// One service type of the waiting report.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WaitingRow {
    /// The service type.
    pub service: ReportService,
    /// Days from the application to the signed decision (decisions signed
    /// in the period).
    pub to_decision: Option<DaysFigures>,
    /// Days from the signed decision to the start of the service (granted
    /// decisions signed in the period whose service has started).
    pub to_start: Option<DaysFigures>,
}

/// One month's queue length.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QueueMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// People waiting at the end of the month (today for this month).
    pub waiting: u64,
}

/// A facility's queue at the end of each month.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FacilityQueueLengths {
    /// The facility.
    pub facility_id: Uuid,
    /// Its name.
    pub name: String,
    /// Month by month.
    pub months: Vec<QueueMonth>,
}

/// R-REP-2: waiting times and queue lengths.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WaitingReport {
    /// The first day of the period.
    pub from: Date,
    /// The last day of the period.
    pub to: Date,
    /// Per service type with a decision in the period, by code.
    pub rows: Vec<WaitingRow>,
    /// Per facility, by name: the months of the period up to today.
    pub queues: Vec<FacilityQueueLengths>,
}

/// Recipients of a year.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct RecipientCounts {
    /// Under 18 on their first day of the service in the year.
    pub children: u64,
    /// 18 or older on that day.
    pub adults: u64,
    /// No birth date recorded.
    pub unknown_age: u64,
    /// Everyone.
    pub total: u64,
}

impl From<Recipients> for RecipientCounts {
    fn from(r: Recipients) -> Self {
        RecipientCounts {
            children: r.children,
            adults: r.adults,
            unknown_age: r.unknown_age,
            total: r.total(),
        }
    }
}

/// One service type of the yearly summary.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SummaryLine {
    /// The service type.
    pub service: ReportService,
    /// The year asked for.
    pub current: RecipientCounts,
    /// The year before.
    pub previous: RecipientCounts,
}

/// R-REP-1: the yearly summary.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct YearlySummary {
    /// The year.
    pub year: i32,
    /// The year before.
    pub previous_year: i32,
    /// The municipality's name.
    pub municipality: String,
    /// Distinct people who received any service, this year and the year
    /// before.
    pub people: u64,
    /// The same, the year before.
    pub people_previous: u64,
    /// Per service type with a recipient in either year, by code.
    pub lines: Vec<SummaryLine>,
}

async fn services(state: &AppState, actor: &Actor) -> ApiResult<BTreeMap<String, ReportService>> {
    let rows = catalogue::list(&state.db, actor).await?;
    let mut out = BTreeMap::new();
    for row in rows {
        let spec = catalogue::spec_of(&row).map_err(crate::store::StoreError::from)?;
        out.insert(
            row.code.clone(),
            ReportService {
                code: row.code,
                name_lt: spec.name_lt,
                name_en: spec.name_en,
            },
        );
    }
    Ok(out)
}

fn service(names: &BTreeMap<String, ReportService>, code: &str) -> ReportService {
    names.get(code).cloned().unwrap_or_else(|| ReportService {
        code: code.to_owned(),
        name_lt: code.to_owned(),
        name_en: code.to_owned(),
    })
}

fn month_row(
    names: &BTreeMap<String, ReportService>,
    r: &rules::TimelinessRow,
    month: String,
) -> TimelinessMonth {
    TimelinessMonth {
        service: service(names, &r.service_code),
        month,
        due: r.due,
        on_time: r.on_time,
        share_percent: r.share_percent().unwrap_or(0.0),
    }
}

/// R-REP-3: the timeliness report for `from..=to`.
pub async fn timeliness(
    state: &AppState,
    actor: &Actor,
    period: PeriodQuery,
) -> ApiResult<TimelinessReport> {
    actor.require(Permission::ReadReports)?;
    let (from, to) = period.checked()?;
    let today = state.clock.today();
    let days = store::due_days(&state.db, Scope::of(actor), from, to, today).await?;
    let names = services(state, actor).await?;
    let monthly = timeliness_rows(&days);
    let mut by_service: BTreeMap<String, rules::TimelinessRow> = BTreeMap::new();
    for r in &monthly {
        let t = by_service
            .entry(r.service_code.clone())
            .or_insert_with(|| rules::TimelinessRow {
                service_code: r.service_code.clone(),
                month: r.month,
                due: 0,
                on_time: 0,
            });
        t.due += r.due;
        t.on_time += r.on_time;
    }
    Ok(TimelinessReport {
        from,
        to,
        as_of: today,
        rows: monthly
            .iter()
            .map(|r| month_row(&names, r, r.month.label()))
            .collect(),
        totals: by_service
            .values()
            .map(|r| month_row(&names, r, String::new()))
            .collect(),
    })
}

/// R-REP-3: the timeliness report as a table.
pub fn timeliness_table(report: &TimelinessReport) -> Table {
    let mut t = Table::new(
        "Terminai",
        &[
            "Paslauga",
            "Mėnuo",
            "Sprendimų",
            "Laiku pasirašyta",
            "Dalis laiku, %",
        ],
    );
    for r in &report.rows {
        t.push(vec![
            Cell::Text(r.service.name_lt.clone()),
            Cell::Text(r.month.clone()),
            Cell::Int(i64::try_from(r.due).unwrap_or(i64::MAX)),
            Cell::Int(i64::try_from(r.on_time).unwrap_or(i64::MAX)),
            number(r.share_percent),
        ]);
    }
    t
}

fn number(x: f64) -> Cell {
    Decimal::from_f64_retain(x).map_or(Cell::Empty, |d| Cell::Number(d.round_dp(1)))
}

/// R-REP-3: the decisions overdue today, read for `purpose` (recorded:
/// `report.overdue_read`, with how many were listed and, for an export,
/// its format).
pub async fn overdue(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    format: Option<ExportFormat>,
) -> ApiResult<OverdueReport> {
    actor.require(Permission::ReadReports)?;
    read::audited_event(state, actor, purpose, || async {
        let today = state.clock.today();
        let (rows, total) = store::overdue(&state.db, Scope::of(actor), today).await?;
        let names = services(state, actor).await?;
        let items: Vec<OverdueItem> = rows
            .into_iter()
            .map(|r| OverdueItem {
                application_id: r.application_id,
                person_id: r.person_id,
                person_name: format!("{} {}", r.first_name, r.last_name),
                service: service(&names, &r.service_code),
                status: r.status,
                received_on: r.received_on,
                due_on: r.due_on,
                days_overdue: (today - r.due_on).whole_days(),
            })
            .collect();
        let mut summary = json!({ "report": "overdue", "rows": items.len(), "total": total });
        if let Some(f) = format {
            summary["format"] = json!(match f {
                ExportFormat::Csv => "csv",
                ExportFormat::Xlsx => "xlsx",
            });
        }
        let event = AuditEvent {
            action: AuditAction::ReportOverdueRead,
            entity: "report",
            entity_id: Some("overdue".to_owned()),
            summary,
        };
        Ok((
            OverdueReport {
                as_of: today,
                total,
                items,
            },
            event,
        ))
    })
    .await
}

/// R-REP-3: the overdue list as a table.
pub fn overdue_table(report: &OverdueReport) -> Table {
    let mut t = Table::new(
        "Vėluojantys sprendimai",
        &[
            "Asmuo",
            "Paslauga",
            "Prašymas gautas",
            "Sprendimo terminas",
            "Vėluoja dienų",
            "Būsena",
        ],
    );
    for r in &report.items {
        t.push(vec![
            Cell::Text(r.person_name.clone()),
            Cell::Text(r.service.name_lt.clone()),
            Cell::Date(r.received_on),
            Cell::Date(r.due_on),
            Cell::Int(r.days_overdue),
            Cell::Text(r.status.clone()),
        ]);
    }
    t
}

fn figures(h: Option<&BTreeMap<i64, u64>>) -> Option<DaysFigures> {
    h.and_then(days_summary).map(|s| DaysFigures {
        count: s.count,
        median: s.median,
        max: s.max,
    })
}

/// R-REP-2: the waiting report for `from..=to`.
pub async fn waiting(
    state: &AppState,
    actor: &Actor,
    period: PeriodQuery,
) -> ApiResult<WaitingReport> {
    actor.require(Permission::ReadReports)?;
    let (from, to) = period.checked()?;
    let today = state.clock.today();
    let scope = Scope::of(actor);
    let to_decision = store::days_to_decision(&state.db, scope, from, to).await?;
    let to_start = store::days_to_start(&state.db, scope, from, to, today).await?;
    let names = services(state, actor).await?;
    let codes: std::collections::BTreeSet<&String> =
        to_decision.keys().chain(to_start.keys()).collect();
    let rows = codes
        .into_iter()
        .map(|c| WaitingRow {
            service: service(&names, c),
            to_decision: figures(to_decision.get(c)),
            to_start: figures(to_start.get(c)),
        })
        .collect();
    let months = if from > today {
        Vec::new()
    } else {
        YearMonth::range(from, to.min(today))
    };
    let queues = store::queues(&state.db, scope, from, to)
        .await?
        .into_iter()
        .map(|q| FacilityQueueLengths {
            facility_id: q.facility_id,
            name: q.name,
            months: month_end_queue_lengths(&q.spells, &months, today)
                .into_iter()
                .map(|(m, n)| QueueMonth {
                    month: m.label(),
                    waiting: n,
                })
                .collect(),
        })
        .collect();
    Ok(WaitingReport {
        from,
        to,
        rows,
        queues,
    })
}

/// R-REP-2: the waiting report as a table: one row per service type, then
/// one per facility and month.
pub fn waiting_table(report: &WaitingReport) -> Table {
    let mut t = Table::new(
        "Laukimas",
        &[
            "Paslauga arba įstaiga",
            "Mėnuo",
            "Sprendimų",
            "Iki sprendimo, mediana d.",
            "Iki sprendimo, daugiausia d.",
            "Pradėta teikti",
            "Iki pradžios, mediana d.",
            "Iki pradžios, daugiausia d.",
            "Eilėje mėnesio pabaigoje",
        ],
    );
    let int = |n: u64| Cell::Int(i64::try_from(n).unwrap_or(i64::MAX));
    for r in &report.rows {
        let d = r.to_decision;
        let s = r.to_start;
        t.push(vec![
            Cell::Text(r.service.name_lt.clone()),
            Cell::Empty,
            d.map_or(Cell::Empty, |d| int(d.count)),
            d.map_or(Cell::Empty, |d| number(d.median)),
            d.map_or(Cell::Empty, |d| Cell::Int(d.max)),
            s.map_or(Cell::Empty, |s| int(s.count)),
            s.map_or(Cell::Empty, |s| number(s.median)),
            s.map_or(Cell::Empty, |s| Cell::Int(s.max)),
            Cell::Empty,
        ]);
    }
    for q in &report.queues {
        for m in &q.months {
            t.push(vec![
                Cell::Text(q.name.clone()),
                Cell::Text(m.month.clone()),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                int(m.waiting),
            ]);
        }
    }
    t
}

/// R-REP-1: the yearly summary of `year` with the year before.
pub async fn summary(state: &AppState, actor: &Actor, year: YearQuery) -> ApiResult<YearlySummary> {
    actor.require(Permission::ReadReports)?;
    let year = year.checked()?;
    let scope = Scope::of(actor);
    let current = store::receipts(&state.db, scope, year).await?;
    let previous = store::receipts(&state.db, scope, year - 1).await?;
    // Every receipt the store gives is within its year.
    let people = |r: &[rules::ServiceReceipt]| {
        r.iter()
            .map(|x| x.person)
            .collect::<std::collections::BTreeSet<_>>()
            .len() as u64
    };
    let names = services(state, actor).await?;
    let municipality = municipalities::Entity::find_by_id(actor.municipality_id)
        .one(&state.db)
        .await
        .map_err(crate::store::StoreError::from)?
        .map(|m| m.name)
        .unwrap_or_default();
    let lines = yearly_summary(
        &yearly_recipients(year, &current),
        &yearly_recipients(year - 1, &previous),
    )
    .into_iter()
    .map(|r| SummaryLine {
        service: service(&names, &r.service_code),
        current: r.current.into(),
        previous: r.previous.into(),
    })
    .collect();
    Ok(YearlySummary {
        year,
        previous_year: year - 1,
        municipality,
        people: people(&current),
        people_previous: people(&previous),
        lines,
    })
}

/// R-REP-1: the yearly summary as a table.
pub fn summary_table(report: &YearlySummary) -> Table {
    let (y, p) = (report.year, report.previous_year);
    let columns = [
        "Paslauga".to_owned(),
        format!("{y} m. vaikų"),
        format!("{y} m. suaugusiųjų"),
        format!("{y} m. amžius nežinomas"),
        format!("{y} m. iš viso"),
        format!("{p} m. vaikų"),
        format!("{p} m. suaugusiųjų"),
        format!("{p} m. amžius nežinomas"),
        format!("{p} m. iš viso"),
    ];
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut t = Table::new(&format!("Suvestinė {y}"), &columns);
    let int = |n: u64| Cell::Int(i64::try_from(n).unwrap_or(i64::MAX));
    for l in &report.lines {
        t.push(vec![
            Cell::Text(l.service.name_lt.clone()),
            int(l.current.children),
            int(l.current.adults),
            int(l.current.unknown_age),
            int(l.current.total),
            int(l.previous.children),
            int(l.previous.adults),
            int(l.previous.unknown_age),
            int(l.previous.total),
        ]);
    }
    t
}
