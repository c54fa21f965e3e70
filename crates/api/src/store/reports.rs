//! The facts behind the reports (R-REP-1..3), gathered in the database:
//! counts per day and histograms of day counts, so that ten years of a
//! large municipality come back as a few thousand rows, never as one row
//! per decision. Every query is limited to the actor's municipality (and to
//! their eldership when their role sees only that one).
//!
//! Dates are stored as `date` on PostgreSQL and as `YYYY-MM-DD` text on
//! SQLite, so comparisons work the same on both; only the difference of two
//! dates in days is written per backend.

use super::StoreResult;
use crate::actor::Actor;
use atvejis_domain::access::RecordScope;
use atvejis_domain::reports::{DueDay, QueueSpell, ServiceReceipt};
use sea_orm::{ConnectionTrait, DatabaseBackend, FromQueryResult, Statement, Value};
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};

use uuid::Uuid;

/// The municipality and, for a reader who sees one eldership only, that
/// eldership.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    municipality: Uuid,
    eldership: Option<Uuid>,
}

impl Scope {
    /// What `actor` may see.
    pub fn of(actor: &Actor) -> Self {
        let eldership = match actor.record_scope() {
            RecordScope::OwnEldership => actor.eldership_id,
            _ => None,
        };
        Scope {
            municipality: actor.municipality_id,
            eldership,
        }
    }
}

/// Builds a statement with positional parameters written `$1`, `$2`, … and
/// turned into `?` for SQLite (which binds them in order of appearance, so
/// each number appears once and in order).
struct Sql {
    backend: DatabaseBackend,
    text: String,
    values: Vec<Value>,
}

impl Sql {
    fn new(backend: DatabaseBackend, text: &str) -> Self {
        Sql {
            backend,
            text: text.to_owned(),
            values: Vec::new(),
        }
    }

    /// Appends `text` with `{}` replaced by the next parameter, bound to `v`.
    fn push(&mut self, text: &str, v: impl Into<Value>) -> &mut Self {
        self.values.push(v.into());
        let mark = match self.backend {
            DatabaseBackend::Postgres => format!("${}", self.values.len()),
            _ => "?".to_owned(),
        };
        self.text.push_str(&text.replacen("{}", &mark, 1));
        self
    }

    fn raw(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// The eldership condition on `column`, when the scope has one.
    fn eldership(&mut self, scope: Scope, column: &str) -> &mut Self {
        if let Some(e) = scope.eldership {
            self.push(&format!(" AND {column} = {{}}"), e);
        }
        self
    }

    fn build(&self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text.clone(), self.values.clone())
    }
}

/// `later - earlier` in days, as SQL of the backend.
fn days_between(backend: DatabaseBackend, later: &str, earlier: &str) -> String {
    match backend {
        DatabaseBackend::Postgres => format!("CAST(({later} - {earlier}) AS BIGINT)"),
        _ => format!("CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"),
    }
}

/// The service code of a stay without a decision, by its place kind.
const STAY_SERVICE: &str = "CASE s.place_kind \
     WHEN 'shelter' THEN 'overnight_shelter' \
     WHEN 'day_care' THEN 'children_day_centre' \
     WHEN 'short_term_care' THEN 'group_living_short_term' \
     WHEN 'long_term_care' THEN 'group_living_long_term' \
     ELSE s.place_kind END";

/// Application statuses that owe no decision (any more, or yet).
const NOT_OWING: &str = "('draft', 'withdrawn')";

#[derive(Debug, FromQueryResult)]
struct DueRow {
    service_code: String,
    due_on: Date,
    due: i64,
    on_time: i64,
}

/// R-REP-3: per service type and due date in `from..=to`, the decisions
/// that count as of `today` and how many were signed by their due date.
/// The conditions are those of
/// [`atvejis_domain::reports::counts_on_time`], in SQL: signed, or unsigned
/// with the due date passed; on time when signed on or before it.
/// Withdrawn applications and drafts are left out.
pub async fn due_days<C: ConnectionTrait>(
    db: &C,
    scope: Scope,
    from: Date,
    to: Date,
    today: Date,
) -> StoreResult<Vec<DueDay>> {
    let mut q = Sql::new(
        db.get_database_backend(),
        "SELECT a.service_code AS service_code, a.decision_due_on AS due_on, \
         COUNT(*) AS due, \
         SUM(CASE WHEN d.decided_on IS NOT NULL AND d.decided_on <= a.decision_due_on \
             THEN 1 ELSE 0 END) AS on_time \
         FROM applications a LEFT JOIN decisions d ON d.application_id = a.id \
         WHERE ",
    );
    q.push("a.municipality_id = {}", scope.municipality)
        .push(" AND a.decision_due_on >= {}", from)
        .push(" AND a.decision_due_on <= {}", to)
        .raw(&format!(" AND a.status NOT IN {NOT_OWING}"))
        .push(
            " AND (d.decided_on IS NOT NULL OR a.decision_due_on < {})",
            today,
        )
        .eldership(scope, "a.eldership_id")
        .raw(" GROUP BY a.service_code, a.decision_due_on");
    let rows = DueRow::find_by_statement(q.build()).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|r| DueDay {
            service_code: r.service_code,
            due_on: r.due_on,
            due: u64::try_from(r.due).unwrap_or(0),
            on_time: u64::try_from(r.on_time).unwrap_or(0),
        })
        .collect())
}

/// One application whose decision is overdue today.
#[derive(Debug, Clone, FromQueryResult)]
pub struct OverdueRow {
    /// The application.
    pub application_id: Uuid,
    /// Its service type's code.
    pub service_code: String,
    /// Its status.
    pub status: String,
    /// When it was received.
    pub received_on: Date,
    /// When the decision was due.
    pub due_on: Date,
    /// The person.
    pub person_id: Uuid,
    /// Their first name.
    pub first_name: String,
    /// Their last name.
    pub last_name: String,
}

/// The most overdue items a report lists (the total is counted apart).
pub const OVERDUE_LIMIT: u64 = 1000;

#[derive(Debug, FromQueryResult)]
struct CountRow {
    n: i64,
}

/// R-REP-3: the applications whose decision is not signed and whose due
/// date has passed `today`, oldest due date first (at most
/// [`OVERDUE_LIMIT`]), and how many there are in all.
pub async fn overdue<C: ConnectionTrait>(
    db: &C,
    scope: Scope,
    today: Date,
) -> StoreResult<(Vec<OverdueRow>, u64)> {
    let backend = db.get_database_backend();
    let filter = |q: &mut Sql| {
        q.push("a.municipality_id = {}", scope.municipality)
            .push(" AND a.decision_due_on < {}", today)
            .raw(&format!(
                " AND d.decided_on IS NULL AND a.status NOT IN {NOT_OWING}"
            ))
            .eldership(scope, "a.eldership_id");
    };
    let mut q = Sql::new(
        backend,
        "SELECT a.id AS application_id, a.service_code AS service_code, \
         a.status AS status, a.received_on AS received_on, \
         a.decision_due_on AS due_on, p.id AS person_id, \
         p.first_name AS first_name, p.last_name AS last_name \
         FROM applications a JOIN persons p ON p.id = a.person_id \
         LEFT JOIN decisions d ON d.application_id = a.id WHERE ",
    );
    filter(&mut q);
    q.raw(&format!(
        " ORDER BY a.decision_due_on, a.received_on, a.id LIMIT {OVERDUE_LIMIT}"
    ));
    let rows = OverdueRow::find_by_statement(q.build()).all(db).await?;
    let mut c = Sql::new(
        backend,
        "SELECT COUNT(*) AS n FROM applications a \
         LEFT JOIN decisions d ON d.application_id = a.id WHERE ",
    );
    filter(&mut c);
    let total = CountRow::find_by_statement(c.build())
        .one(db)
        .await?
        .map_or(0, |r| r.n);
    Ok((rows, u64::try_from(total).unwrap_or(0)))
}

#[derive(Debug, FromQueryResult)]
struct DaysRow {
    service_code: String,
    days: i64,
    n: i64,
}

/// Day counts per service type, as histograms.
pub type Histograms = BTreeMap<String, BTreeMap<i64, u64>>;

fn histograms(rows: Vec<DaysRow>) -> Histograms {
    let mut out: Histograms = BTreeMap::new();
    for r in rows {
        *out.entry(r.service_code)
            .or_default()
            .entry(r.days)
            .or_default() += u64::try_from(r.n).unwrap_or(0);
    }
    out
}

/// R-REP-2: for the decisions signed in `from..=to`, the days from the
/// application's receipt to the signature, per service type.
pub async fn days_to_decision<C: ConnectionTrait>(
    db: &C,
    scope: Scope,
    from: Date,
    to: Date,
) -> StoreResult<Histograms> {
    let backend = db.get_database_backend();
    let days = days_between(backend, "d.decided_on", "a.received_on");
    let mut q = Sql::new(
        backend,
        &format!(
            "SELECT a.service_code AS service_code, {days} AS days, COUNT(*) AS n \
             FROM decisions d JOIN applications a ON a.id = d.application_id WHERE "
        ),
    );
    q.push("d.municipality_id = {}", scope.municipality)
        .push(" AND d.decided_on >= {}", from)
        .push(" AND d.decided_on <= {}", to)
        .eldership(scope, "a.eldership_id")
        .raw(&format!(" GROUP BY a.service_code, {days}"));
    Ok(histograms(
        DaysRow::find_by_statement(q.build()).all(db).await?,
    ))
}

/// R-REP-2: for the granted decisions signed in `from..=to` whose service
/// has started by `today`, the days from the signature to the start, per
/// service type. The start of a service given in a facility (the decision
/// names a facility or put the person in a queue) is the first stay under
/// the decision; of any other service, the decision's `service_from`.
pub async fn days_to_start<C: ConnectionTrait>(
    db: &C,
    scope: Scope,
    from: Date,
    to: Date,
    today: Date,
) -> StoreResult<Histograms> {
    let backend = db.get_database_backend();
    let days = days_between(backend, "x.started_on", "x.decided_on");
    // The first stay and the queue entry of each decision by one join each
    // (a subquery per decision took seconds over ten years).
    let mut q = Sql::new(
        backend,
        &format!(
            "SELECT x.service_code AS service_code, {days} AS days, COUNT(*) AS n FROM (\
             SELECT a.service_code AS service_code, d.decided_on AS decided_on, \
             CASE WHEN d.facility_id IS NOT NULL OR q.decision_id IS NOT NULL \
             THEN s.started_on ELSE d.service_from END AS started_on \
             FROM decisions d JOIN applications a ON a.id = d.application_id \
             LEFT JOIN (SELECT decision_id, MIN(started_on) AS started_on FROM stays WHERE "
        ),
    );
    q.push("municipality_id = {}", scope.municipality)
        .raw(
            " AND decision_id IS NOT NULL GROUP BY decision_id) s ON s.decision_id = d.id \
             LEFT JOIN (SELECT DISTINCT decision_id FROM queue_entries WHERE ",
        )
        .push("municipality_id = {}", scope.municipality)
        .raw(" AND decision_id IS NOT NULL) q ON q.decision_id = d.id WHERE ")
        .push("d.municipality_id = {}", scope.municipality)
        .push(" AND d.decided_on >= {}", from)
        .push(" AND d.decided_on <= {}", to)
        .raw(" AND d.outcome = 'granted'")
        .eldership(scope, "a.eldership_id")
        .raw(") x WHERE x.started_on IS NOT NULL")
        .push(" AND x.started_on <= {}", today)
        .raw(&format!(" GROUP BY x.service_code, {days}"));
    Ok(histograms(
        DaysRow::find_by_statement(q.build()).all(db).await?,
    ))
}

/// A facility's queue entries.
#[derive(Debug, Clone)]
pub struct FacilityQueue {
    /// The facility.
    pub facility_id: Uuid,
    /// Its name.
    pub name: String,
    /// The entries that overlap the period.
    pub spells: Vec<QueueSpell>,
}

#[derive(Debug, FromQueryResult)]
struct SpellRow {
    facility_id: Uuid,
    name: String,
    joined_at: OffsetDateTime,
    closed_at: Option<OffsetDateTime>,
}

/// R-REP-2: the queue entries of each facility of the municipality that
/// were open at some time in `from..=to` (joined before its end, not closed
/// before its start); every facility, also one without entries, by name.
pub async fn queues<C: ConnectionTrait>(
    db: &C,
    scope: Scope,
    from: Date,
    to: Date,
) -> StoreResult<Vec<FacilityQueue>> {
    use atvejis_domain::calendar::lithuanian_date;
    let backend = db.get_database_backend();
    // Timestamps are compared here, as Vilnius days, not in SQL (SQLite
    // keeps them as text).
    let mut q = Sql::new(
        backend,
        "SELECT f.id AS facility_id, f.name AS name, e.joined_at AS joined_at, \
         e.closed_at AS closed_at FROM queue_entries e \
         JOIN facilities f ON f.id = e.facility_id \
         JOIN persons p ON p.id = e.person_id WHERE ",
    );
    q.push("e.municipality_id = {}", scope.municipality)
        .eldership(scope, "p.eldership_id");
    let rows = SpellRow::find_by_statement(q.build()).all(db).await?;
    let mut f = Sql::new(
        backend,
        "SELECT f.id AS id, f.name AS name FROM facilities f WHERE ",
    );
    f.push("f.municipality_id = {}", scope.municipality)
        .raw(" ORDER BY f.name, f.id");
    let facilities = FacilityRow::find_by_statement(f.build()).all(db).await?;
    let mut out: Vec<FacilityQueue> = facilities
        .into_iter()
        .map(|f| FacilityQueue {
            facility_id: f.id,
            name: f.name,
            spells: Vec::new(),
        })
        .collect();
    for r in rows {
        let spell = QueueSpell {
            joined_on: lithuanian_date(r.joined_at),
            closed_on: r.closed_at.map(lithuanian_date),
        };
        if spell.joined_on > to || spell.closed_on.is_some_and(|c| c < from) {
            continue;
        }
        if let Some(f) = out.iter_mut().find(|f| f.facility_id == r.facility_id) {
            f.spells.push(spell);
        } else {
            out.push(FacilityQueue {
                facility_id: r.facility_id,
                name: r.name,
                spells: vec![spell],
            });
        }
    }
    Ok(out)
}

#[derive(Debug, FromQueryResult)]
struct FacilityRow {
    id: Uuid,
    name: String,
}

#[derive(Debug, FromQueryResult)]
struct ReceiptRow {
    service_code: String,
    person_id: Uuid,
    birth_date: Option<Date>,
    first_day: Date,
}

/// R-REP-1: every record that shows a person receiving a service in
/// `year`, with the first such day (one row per person and service type per
/// kind of record): a stay in a facility that overlaps the year (its
/// decision's service type, or by its place kind when it has none), a
/// delivery visit in the year, and the start (`service_from`, else the
/// signature) within the year of a granted decision on a service not given
/// in a facility. A granted decision whose person still waits for a place
/// is not a receipt.
pub async fn receipts<C: ConnectionTrait>(
    db: &C,
    scope: Scope,
    year: i32,
) -> StoreResult<Vec<ServiceReceipt>> {
    let backend = db.get_database_backend();
    let jan1 = Date::from_calendar_date(year, time::Month::January, 1)
        .map_err(|e| super::StoreError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
    let dec31 = Date::from_calendar_date(year, time::Month::December, 31)
        .map_err(|e| super::StoreError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
    let mut rows = Vec::new();

    let mut stays = Sql::new(
        backend,
        &format!(
            "SELECT COALESCE(a.service_code, {STAY_SERVICE}) AS service_code, \
             s.person_id AS person_id, p.birth_date AS birth_date, \
             MIN(s.started_on) AS first_day \
             FROM stays s JOIN persons p ON p.id = s.person_id \
             LEFT JOIN decisions d ON d.id = s.decision_id \
             LEFT JOIN applications a ON a.id = d.application_id WHERE "
        ),
    );
    stays
        .push("s.municipality_id = {}", scope.municipality)
        .push(" AND s.started_on <= {}", dec31)
        .push(" AND (s.ended_on IS NULL OR s.ended_on >= {})", jan1)
        .eldership(scope, "p.eldership_id")
        .raw(&format!(
            " GROUP BY COALESCE(a.service_code, {STAY_SERVICE}), s.person_id, p.birth_date"
        ));
    rows.extend(ReceiptRow::find_by_statement(stays.build()).all(db).await?);

    let mut visits = Sql::new(
        backend,
        "SELECT v.service_code AS service_code, v.person_id AS person_id, \
         p.birth_date AS birth_date, MIN(v.visit_on) AS first_day \
         FROM delivery_visits v JOIN persons p ON p.id = v.person_id WHERE ",
    );
    visits
        .push("v.municipality_id = {}", scope.municipality)
        .push(" AND v.visit_on >= {}", jan1)
        .push(" AND v.visit_on <= {}", dec31)
        .eldership(scope, "p.eldership_id")
        .raw(" GROUP BY v.service_code, v.person_id, p.birth_date");
    rows.extend(
        ReceiptRow::find_by_statement(visits.build())
            .all(db)
            .await?,
    );

    let mut decisions = Sql::new(
        backend,
        "SELECT a.service_code AS service_code, a.person_id AS person_id, \
         p.birth_date AS birth_date, \
         MIN(COALESCE(d.service_from, d.decided_on)) AS first_day \
         FROM decisions d JOIN applications a ON a.id = d.application_id \
         JOIN persons p ON p.id = a.person_id WHERE ",
    );
    decisions
        .push("d.municipality_id = {}", scope.municipality)
        .raw(
            " AND d.outcome = 'granted' AND d.decided_on IS NOT NULL \
             AND d.facility_id IS NULL \
             AND NOT EXISTS (SELECT 1 FROM queue_entries q WHERE q.decision_id = d.id) \
             AND NOT EXISTS (SELECT 1 FROM stays s WHERE s.decision_id = d.id)",
        )
        .push(" AND COALESCE(d.service_from, d.decided_on) >= {}", jan1)
        .push(" AND COALESCE(d.service_from, d.decided_on) <= {}", dec31)
        .eldership(scope, "a.eldership_id")
        .raw(" GROUP BY a.service_code, a.person_id, p.birth_date");
    rows.extend(
        ReceiptRow::find_by_statement(decisions.build())
            .all(db)
            .await?,
    );

    Ok(rows
        .into_iter()
        .map(|r| ServiceReceipt {
            service_code: r.service_code,
            person: r.person_id.as_u128(),
            birth_date: r.birth_date,
            first_day: r.first_day,
        })
        .collect())
}
