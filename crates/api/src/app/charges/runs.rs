//! Monthly charge runs (`RunCharges`): a run of a municipality and an ended
//! month computes every recipient's charge lines from the collectors
//! ([`crate::store::charges::Collector`]) in the background, showing its
//! progress; a re-run that changes nothing stores no lines and says so
//! (`changed: false`, its lines are the previous run's); one that does is a
//! new version whose differences per person can be listed. Exports: CSV
//! and XLSX for the accounting system.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::common::money;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::charges::{self as repo, ChargeProblem, Collector, NewLine, RunMonth};
use crate::store::entities::{charge_lines, charge_runs, persons};
use crate::store::scope::scoped;
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::charges::{
    ChargeSource, ChargeUnit, LineKey, differences, is_chargeable, is_credit, same_lines,
    totals_by_person,
};
use rust_decimal::Decimal;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// Lines inserted per statement (14 columns each).
const INSERT_CHUNK: usize = 1000;

/// Where a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// Computing; `processed_recipients` grows to `total_recipients`.
    Running,
    /// Finished.
    Done,
    /// Stopped; see `error`. The month can be run again.
    Failed,
}

impl RunStatus {
    fn as_str(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Done => "done",
            RunStatus::Failed => "failed",
        }
    }

    fn parse(code: &str) -> RunStatus {
        match code {
            "running" => RunStatus::Running,
            "done" => RunStatus::Done,
            _ => RunStatus::Failed,
        }
    }
}

/// A charge run.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChargeRunView {
    /// Id.
    pub id: Uuid,
    /// The month, `YYYY-MM`.
    pub month: String,
    /// 1 for the first run of the month, then 2, 3…
    pub version: i32,
    /// Where it is.
    pub status: RunStatus,
    /// People charged (known once the sources are read).
    pub total_recipients: i32,
    /// People whose lines are stored so far.
    pub processed_recipients: i32,
    /// The run of the month before this one.
    pub previous_run_id: Option<Uuid>,
    /// The run whose lines stand for this one: itself, or the previous run
    /// when nothing changed.
    pub lines_run_id: Option<Uuid>,
    /// Whether its lines differ from the previous run's (`false`: "no
    /// changes"; `None` while running or failed).
    pub changed: Option<bool>,
    /// Lines.
    pub line_count: i32,
    /// Their total, EUR.
    #[schema(value_type = String, example = "457.60")]
    pub total_amount: Decimal,
    /// Why it failed.
    pub error: Option<String>,
    /// The people it could not charge (their lines from that source are
    /// left out; e.g. income not recorded, R-FEE-1). Fix and run again.
    pub problems: Vec<ChargeProblem>,
    /// When it started.
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    /// When it finished.
    #[serde(with = "time::serde::rfc3339::option")]
    pub finished_at: Option<OffsetDateTime>,
}

impl From<charge_runs::Model> for ChargeRunView {
    fn from(r: charge_runs::Model) -> Self {
        ChargeRunView {
            id: r.id,
            month: r.month,
            version: r.version,
            status: RunStatus::parse(&r.status),
            total_recipients: r.total_recipients,
            processed_recipients: r.processed_recipients,
            previous_run_id: r.previous_run_id,
            lines_run_id: r.lines_run_id,
            changed: r.changed,
            line_count: r.line_count,
            total_amount: money(r.total_amount),
            error: r.error,
            problems: r
                .problems
                .and_then(|p| serde_json::from_value(p).ok())
                .unwrap_or_default(),
            started_at: r.started_at,
            finished_at: r.finished_at,
        }
    }
}

/// Start a run.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct StartRunRequest {
    /// The month, `YYYY-MM`; it must have ended (Vilnius time).
    #[schema(example = "2026-11")]
    #[validate(length(max = 7))]
    pub month: String,
}

/// A charge line.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChargeLineView {
    /// Id.
    pub id: Uuid,
    /// Who pays.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// The service's catalogue code.
    pub service_code: String,
    /// The source.
    pub source: ChargeSource,
    /// The record charged.
    pub source_id: Uuid,
    /// First day charged.
    pub period_from: Date,
    /// Last day charged.
    pub period_to: Date,
    /// How much.
    #[schema(value_type = String, example = "30")]
    pub quantity: Decimal,
    /// Of what.
    pub unit: ChargeUnit,
    /// EUR.
    #[schema(value_type = String, example = "457.60")]
    pub amount: Decimal,
    /// How it was computed (each part, the rates and their dates).
    pub breakdown: serde_json::Value,
    /// The rules applied (`R-FEE-8`, …).
    pub rules: Vec<String>,
}

/// A page of charge lines.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChargeLinePage {
    /// The lines, by person.
    pub items: Vec<ChargeLineView>,
    /// All lines of the run.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// A page of runs.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChargeRunPage {
    /// The runs, newest first.
    pub items: Vec<ChargeRunView>,
    /// All runs.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// A person whose charges changed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChargeDifference {
    /// The person.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// Their total in the previous run, EUR.
    #[schema(value_type = String)]
    pub previous: Decimal,
    /// Their total in this run, EUR.
    #[schema(value_type = String)]
    pub new: Decimal,
    /// `new − previous`.
    #[schema(value_type = String)]
    pub change: Decimal,
}

/// What changed between a run and the run before it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChargeDifferences {
    /// This run.
    pub run_id: Uuid,
    /// The run compared with (`None` for the first run of the month: every
    /// person is new).
    pub previous_run_id: Option<Uuid>,
    /// The people whose totals changed.
    pub items: Vec<ChargeDifference>,
}

fn full_name(p: &persons::Model) -> String {
    format!("{} {}", p.first_name, p.last_name)
}

/// Run `id` of the actor's municipality.
async fn find<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<charge_runs::Model> {
    Ok(scoped::<charge_runs::Entity>(actor)
        .filter(charge_runs::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(crate::store::StoreError::NotFound("charge run"))?)
}

/// Starts a run of `month` for the actor's municipality (`RunCharges`):
/// 422 `month_not_ended` for a month not yet ended (Vilnius time), 409
/// `charge_run_running` while another run of the month is running
/// (database-enforced). The computation continues in the background.
pub async fn start(
    state: &AppState,
    actor: &Actor,
    body: StartRunRequest,
) -> ApiResult<ChargeRunView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RunCharges).await?;
    let month = RunMonth::parse(body.month.trim()).ok_or_else(|| {
        ApiError::invalid_field("month", FieldCode::Invalid, "a month as YYYY-MM")
    })?;
    if month.last >= uow.today() {
        return Err(ApiError::new(
            ErrorCode::MonthNotEnded.status(),
            ErrorCode::MonthNotEnded,
            format!(
                "Charges of {} can be run from {} (the month has not ended).",
                month.month.code(),
                month
                    .last
                    .next_day()
                    .map_or_else(String::new, |d| d.to_string())
            ),
        ));
    }
    let now = uow.now();
    repo::fail_interrupted(uow.db(), now).await?;
    let code = month.month.code();
    let latest = scoped::<charge_runs::Entity>(actor)
        .filter(charge_runs::Column::Month.eq(code.clone()))
        .order_by_desc(charge_runs::Column::Version)
        .one(uow.db())
        .await?;
    if latest.as_ref().is_some_and(|r| r.status == "running") {
        return Err(running());
    }
    let previous_done = scoped::<charge_runs::Entity>(actor)
        .filter(charge_runs::Column::Month.eq(code.clone()))
        .filter(charge_runs::Column::Status.eq("done"))
        .order_by_desc(charge_runs::Column::Version)
        .one(uow.db())
        .await?;
    let run = charge_runs::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        month: Set(code.clone()),
        version: Set(latest.map_or(1, |r| r.version + 1)),
        status: Set(RunStatus::Running.as_str().to_owned()),
        total_recipients: Set(0),
        processed_recipients: Set(0),
        previous_run_id: Set(previous_done.map(|r| r.id)),
        lines_run_id: Set(None),
        changed: Set(None),
        line_count: Set(0),
        total_amount: Set(Decimal::ZERO),
        error: Set(None),
        problems: Set(None),
        started_by: Set(actor.user_id()),
        started_at: Set(now),
        heartbeat_at: Set(now),
        finished_at: Set(None),
    };
    let run = match charge_runs::Entity::insert(run)
        .exec_with_returning(uow.db())
        .await
    {
        Ok(run) => run,
        Err(e) if crate::store::is_unique_violation(&e) => return Err(running()),
        Err(e) => return Err(e.into()),
    };
    uow.audit(
        AuditEvent::new(AuditAction::ChargeRunStart, "charge_run", run.id).summary(json!({
            "month": code,
            "version": run.version,
            "previous_run_id": run.previous_run_id,
        })),
    )
    .await?;
    uow.commit().await?;
    let task_state = state.clone();
    let task_run = run.clone();
    tokio::spawn(async move { execute(task_state, task_run, month).await });
    Ok(run.into())
}

fn running() -> ApiError {
    ApiError::conflict(
        ErrorCode::ChargeRunRunning,
        "A charge run of this month is running; wait for it to finish.",
    )
}

/// The background part of a run: collects, compares with the previous
/// run, stores the lines with progress, and records the end (or the
/// failure) with its audit record.
pub async fn execute(state: AppState, run: charge_runs::Model, month: RunMonth) {
    let who = AuditActor::system("charge_run", Some(run.municipality_id));
    if let Err(error) = compute(&state, &run, month, &who).await {
        tracing::warn!(run = %run.id, %error, "charge run failed");
        let now = state.clock.now();
        let message = match &error {
            RunError::Collect(e) => e.to_string(),
            RunError::Db(_) => "the database failed during the run; run it again".to_owned(),
        };
        let failed = async {
            let txn = state.db.begin().await?;
            charge_runs::Entity::update_many()
                .col_expr(charge_runs::Column::Status, Expr::value("failed"))
                .col_expr(charge_runs::Column::Error, Expr::value(message.clone()))
                .col_expr(charge_runs::Column::FinishedAt, Expr::value(Some(now)))
                .filter(charge_runs::Column::Id.eq(run.id))
                .exec(&txn)
                .await?;
            audit::record(
                &txn,
                &who,
                now,
                AuditEvent::new(AuditAction::ChargeRunFinish, "charge_run", run.id)
                    .summary(json!({ "status": "failed", "error": message })),
            )
            .await?;
            txn.commit().await
        };
        if let Err(e) = failed.await {
            tracing::error!(run = %run.id, error = %e, "a failed charge run could not be marked failed");
        }
    }
}

#[derive(Debug, thiserror::Error)]
enum RunError {
    #[error(transparent)]
    Collect(#[from] repo::CollectError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

fn key_of(l: &NewLine) -> LineKey<Uuid> {
    LineKey {
        person: l.person_id,
        service: l.service_code.clone(),
        source: l.source,
        source_id: l.source_id,
        quantity: l.quantity,
        amount: l.amount,
    }
}

async fn progress<C: ConnectionTrait>(
    db: &C,
    run: Uuid,
    processed: usize,
    total: usize,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    charge_runs::Entity::update_many()
        .col_expr(
            charge_runs::Column::ProcessedRecipients,
            Expr::value(i32::try_from(processed).unwrap_or(i32::MAX)),
        )
        .col_expr(
            charge_runs::Column::TotalRecipients,
            Expr::value(i32::try_from(total).unwrap_or(i32::MAX)),
        )
        .col_expr(charge_runs::Column::HeartbeatAt, Expr::value(now))
        .filter(charge_runs::Column::Id.eq(run))
        .exec(db)
        .await?;
    Ok(())
}

async fn compute(
    state: &AppState,
    run: &charge_runs::Model,
    month: RunMonth,
    who: &AuditActor,
) -> Result<(), RunError> {
    let db = &state.db;
    let services = repo::services(db, run.municipality_id).await?;
    let mut lines = Vec::new();
    let mut problems: Vec<ChargeProblem> = Vec::new();
    for collector in Collector::ALL {
        let collected = collector.collect(db, run.municipality_id, month).await?;
        lines.extend(collected.lines);
        problems.extend(collected.problems);
    }
    // R-FEE-12: free services and zero amounts are never charged; R-FEE-11
    // refunds are kept as credits.
    lines.retain(|l| {
        let free = services.get(&l.service_code).is_some_and(|(f, _)| *f);
        is_chargeable(free, l.amount) || is_credit(free, l.amount)
    });
    let names = repo::persons_by_id(db, problems.iter().map(|p| p.person_id)).await?;
    for p in &mut problems {
        p.person_name = names.get(&p.person_id).map(full_name).unwrap_or_default();
    }
    problems.sort_by_key(|p| (p.person_id, p.source));
    let problems = serde_json::to_value(&problems).unwrap_or(serde_json::Value::Null);
    lines.sort_by(|a, b| {
        (a.person_id, a.source, a.source_id).cmp(&(b.person_id, b.source, b.source_id))
    });
    let mut recipients: Vec<Uuid> = lines.iter().map(|l| l.person_id).collect();
    recipients.dedup();
    let total = recipients.len();
    progress(db, run.id, 0, total, state.clock.now()).await?;
    let line_count = i32::try_from(lines.len()).unwrap_or(i32::MAX);
    let total_amount: Decimal = lines.iter().map(|l| l.amount).sum();

    // The lines that stand for the month so far.
    let previous_lines_run = match run.previous_run_id {
        Some(prev) => charge_runs::Entity::find_by_id(prev)
            .one(db)
            .await?
            .and_then(|r| r.lines_run_id),
        None => None,
    };
    if let Some(prev_lines) = previous_lines_run {
        // The keys only (not the breakdowns).
        let stored: Vec<LineKey<Uuid>> = charge_lines::Entity::find()
            .select_only()
            .columns([
                charge_lines::Column::PersonId,
                charge_lines::Column::ServiceCode,
                charge_lines::Column::Source,
                charge_lines::Column::SourceId,
                charge_lines::Column::Quantity,
                charge_lines::Column::Amount,
            ])
            .filter(charge_lines::Column::RunId.eq(prev_lines))
            .into_tuple::<(Uuid, String, String, Uuid, Decimal, Decimal)>()
            .all(db)
            .await?
            .into_iter()
            .filter_map(|(person, service, source, source_id, quantity, amount)| {
                Some(LineKey {
                    person,
                    service,
                    source: ChargeSource::parse(&source)?,
                    source_id,
                    quantity,
                    amount,
                })
            })
            .collect();
        let new: Vec<LineKey<Uuid>> = lines.iter().map(key_of).collect();
        if same_lines(&stored, &new) {
            return finish(
                state,
                run,
                who,
                Finished {
                    lines_run: prev_lines,
                    changed: false,
                    recipients: total,
                    line_count,
                    total_amount,
                    problems,
                },
            )
            .await;
        }
    }

    // Store the lines, one transaction per chunk, with the progress.
    let mut done_people = 0usize;
    let mut last_person = None;
    for chunk in lines.chunks(INSERT_CHUNK) {
        let txn = db.begin().await?;
        charge_lines::Entity::insert_many(chunk.iter().map(|l| charge_lines::ActiveModel {
            id: Set(Uuid::now_v7()),
            run_id: Set(run.id),
            municipality_id: Set(run.municipality_id),
            person_id: Set(l.person_id),
            service_code: Set(l.service_code.clone()),
            source: Set(l.source.as_str().to_owned()),
            source_id: Set(l.source_id),
            period_from: Set(l.period_from),
            period_to: Set(l.period_to),
            quantity: Set(l.quantity),
            unit: Set(l.unit.as_str().to_owned()),
            amount: Set(l.amount),
            breakdown: Set(l.breakdown.clone()),
            rules: Set(l.rules.to_owned()),
        }))
        .exec(&txn)
        .await?;
        for l in chunk {
            if last_person != Some(l.person_id) {
                done_people += 1;
                last_person = Some(l.person_id);
            }
        }
        progress(&txn, run.id, done_people, total, state.clock.now()).await?;
        txn.commit().await?;
    }
    finish(
        state,
        run,
        who,
        Finished {
            lines_run: run.id,
            changed: true,
            recipients: total,
            line_count,
            total_amount,
            problems,
        },
    )
    .await
}

/// How a run ended.
struct Finished {
    lines_run: Uuid,
    changed: bool,
    recipients: usize,
    line_count: i32,
    total_amount: Decimal,
    problems: serde_json::Value,
}

async fn finish(
    state: &AppState,
    run: &charge_runs::Model,
    who: &AuditActor,
    f: Finished,
) -> Result<(), RunError> {
    let Finished {
        lines_run,
        changed,
        recipients,
        line_count,
        total_amount,
        problems,
    } = f;
    let problem_count = problems.as_array().map_or(0, Vec::len);
    let now = state.clock.now();
    let total = i32::try_from(recipients).unwrap_or(i32::MAX);
    let txn = state.db.begin().await?;
    charge_runs::Entity::update_many()
        .col_expr(charge_runs::Column::Status, Expr::value("done"))
        .col_expr(
            charge_runs::Column::LinesRunId,
            Expr::value(Some(lines_run)),
        )
        .col_expr(charge_runs::Column::Changed, Expr::value(Some(changed)))
        .col_expr(charge_runs::Column::TotalRecipients, Expr::value(total))
        .col_expr(charge_runs::Column::ProcessedRecipients, Expr::value(total))
        .col_expr(charge_runs::Column::LineCount, Expr::value(line_count))
        .col_expr(charge_runs::Column::TotalAmount, Expr::value(total_amount))
        .col_expr(charge_runs::Column::Problems, Expr::value(Some(problems)))
        .col_expr(charge_runs::Column::HeartbeatAt, Expr::value(now))
        .col_expr(charge_runs::Column::FinishedAt, Expr::value(Some(now)))
        .filter(charge_runs::Column::Id.eq(run.id))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        who,
        now,
        AuditEvent::new(AuditAction::ChargeRunFinish, "charge_run", run.id).summary(json!({
            "status": "done",
            "changed": changed,
            "lines_run_id": lines_run,
            "recipients": recipients,
            "lines": line_count,
            "total_amount": money(total_amount),
            "problems": problem_count,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Run `id` (`RunCharges`).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<ChargeRunView> {
    actor.require(Permission::RunCharges)?;
    Ok(find(&state.db, actor, id).await?.into())
}

/// The runs of the actor's municipality, newest first (`RunCharges`).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    page: u64,
    per_page: u64,
) -> ApiResult<(Vec<ChargeRunView>, u64)> {
    actor.require(Permission::RunCharges)?;
    let q = scoped::<charge_runs::Entity>(actor);
    let total = q.clone().count(&state.db).await?;
    let items = q
        .order_by_desc(charge_runs::Column::StartedAt)
        .order_by_desc(charge_runs::Column::Version)
        .offset(crate::store::page_index(page) * per_page)
        .limit(per_page)
        .all(&state.db)
        .await?
        .into_iter()
        .map(ChargeRunView::from)
        .collect();
    Ok((items, total))
}

pub(super) fn line_view(
    l: charge_lines::Model,
    names: &HashMap<Uuid, persons::Model>,
) -> ChargeLineView {
    ChargeLineView {
        id: l.id,
        person_id: l.person_id,
        person_name: names.get(&l.person_id).map(full_name).unwrap_or_default(),
        source: ChargeSource::parse(&l.source).unwrap_or(ChargeSource::Stay),
        unit: ChargeUnit::parse(&l.unit).unwrap_or(ChargeUnit::Day),
        service_code: l.service_code,
        source_id: l.source_id,
        period_from: l.period_from,
        period_to: l.period_to,
        quantity: l.quantity.normalize(),
        amount: money(l.amount),
        breakdown: l.breakdown,
        rules: l.rules.split(',').map(str::to_owned).collect(),
    }
}

/// Records that the actor read the lines of run `run` (they name people).
async fn record_read(
    state: &AppState,
    actor: &Actor,
    run: Uuid,
    what: &'static str,
) -> ApiResult<()> {
    state
        .reads
        .record(
            &AuditActor::of(actor),
            state.clock.now(),
            AuditEvent::new(AuditAction::ChargeRunRead, "charge_run", run)
                .summary(json!({ "read": what })),
            Purpose::Payment,
        )
        .await?;
    Ok(())
}

/// A page of the lines of run `id` (`RunCharges`; the read is recorded).
pub async fn charges(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    page: u64,
    per_page: u64,
) -> ApiResult<ChargeLinePage> {
    actor.require(Permission::RunCharges)?;
    let run = find(&state.db, actor, id).await?;
    let Some(lines_run) = run.lines_run_id else {
        return Ok(ChargeLinePage {
            items: Vec::new(),
            total: 0,
            page,
            per_page,
        });
    };
    let q = charge_lines::Entity::find()
        .filter(charge_lines::Column::RunId.eq(lines_run))
        .filter(charge_lines::Column::MunicipalityId.eq(actor.municipality_id));
    let total = q.clone().count(&state.db).await?;
    let rows = q
        .order_by_asc(charge_lines::Column::PersonId)
        .order_by_asc(charge_lines::Column::Source)
        .order_by_asc(charge_lines::Column::SourceId)
        .offset(crate::store::page_index(page) * per_page)
        .limit(per_page)
        .all(&state.db)
        .await?;
    let names = repo::persons_by_id(&state.db, rows.iter().map(|l| l.person_id)).await?;
    record_read(state, actor, run.id, "lines").await?;
    Ok(ChargeLinePage {
        items: rows.into_iter().map(|l| line_view(l, &names)).collect(),
        total,
        page,
        per_page,
    })
}

async fn totals<C: ConnectionTrait>(
    db: &C,
    lines_run: Option<Uuid>,
) -> Result<BTreeMap<Uuid, Decimal>, DbErr> {
    let Some(lines_run) = lines_run else {
        return Ok(BTreeMap::new());
    };
    let lines = repo::lines_of(db, lines_run).await?;
    let pairs: Vec<(Uuid, Decimal)> = lines.iter().map(|l| (l.person_id, l.amount)).collect();
    Ok(totals_by_person(&pairs))
}

/// Per person, the previous run's total and this run's (`RunCharges`):
/// only the people whose totals changed.
pub async fn differences_of(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<ChargeDifferences> {
    actor.require(Permission::RunCharges)?;
    let run = find(&state.db, actor, id).await?;
    if run.status != "done" {
        return Err(ApiError::conflict(
            ErrorCode::ChargeRunRunning,
            "The run has not finished; its differences are known when it is done.",
        ));
    }
    let previous = match run.previous_run_id {
        Some(p) => Some(find(&state.db, actor, p).await?),
        None => None,
    };
    let before = totals(&state.db, previous.as_ref().and_then(|p| p.lines_run_id)).await?;
    let after = totals(&state.db, run.lines_run_id).await?;
    let diff = differences(&before, &after);
    let names = repo::persons_by_id(&state.db, diff.iter().map(|d| d.person)).await?;
    record_read(state, actor, run.id, "differences").await?;
    Ok(ChargeDifferences {
        run_id: run.id,
        previous_run_id: previous.map(|p| p.id),
        items: diff
            .into_iter()
            .map(|d| ChargeDifference {
                person_id: d.person,
                person_name: names.get(&d.person).map(full_name).unwrap_or_default(),
                previous: money(d.previous),
                new: money(d.new),
                change: money(d.change),
            })
            .collect(),
    })
}

/// One exported row.
pub struct ExportRow {
    /// Personal code (empty if not recorded).
    pub personal_code: String,
    /// First and last name.
    pub name: String,
    /// The service (Lithuanian name).
    pub service: String,
    /// `YYYY-MM-DD/YYYY-MM-DD`.
    pub period: String,
    /// Quantity.
    pub quantity: Decimal,
    /// Unit (Lithuanian abbreviation).
    pub unit: &'static str,
    /// EUR.
    pub amount: Decimal,
    /// Rules.
    pub rules: String,
    /// Source.
    pub source: &'static str,
    /// Source id.
    pub source_id: Uuid,
}

/// The rows of run `id`'s export (`RunCharges`; the read is recorded), and
/// the run.
pub async fn export_rows(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<(charge_runs::Model, Vec<ExportRow>)> {
    actor.require(Permission::RunCharges)?;
    let run = find(&state.db, actor, id).await?;
    let Some(lines_run) = run.lines_run_id else {
        return Err(ApiError::conflict(
            ErrorCode::ChargeRunRunning,
            "The run has no lines yet: export it when it is done.",
        ));
    };
    let lines = repo::lines_of(&state.db, lines_run).await?;
    let people = repo::persons_by_id(&state.db, lines.iter().map(|l| l.person_id)).await?;
    let services = repo::services(&state.db, actor.municipality_id).await?;
    let rows = lines
        .into_iter()
        .map(|l| {
            let person = people.get(&l.person_id);
            ExportRow {
                personal_code: person
                    .and_then(|p| p.personal_code.clone())
                    .unwrap_or_default(),
                name: person.map(full_name).unwrap_or_default(),
                service: services
                    .get(&l.service_code)
                    .map_or_else(|| l.service_code.clone(), |(_, n)| n.clone()),
                period: format!("{}/{}", l.period_from, l.period_to),
                quantity: l.quantity,
                unit: ChargeUnit::parse(&l.unit).map_or("", ChargeUnit::lt),
                amount: l.amount,
                rules: l.rules,
                source: ChargeSource::parse(&l.source).map_or("", ChargeSource::as_str),
                source_id: l.source_id,
            }
        })
        .collect();
    record_read(state, actor, run.id, "export").await?;
    Ok((run, rows))
}
