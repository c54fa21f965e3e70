//! Schedules of home help and respite: drawn up from a signed granting
//! decision (R-LIM-1 for respite at home), approved by the Centre's
//! director; visits are recorded only on an approved schedule.

use super::{granted_decision, positive_amount, rule_error, trimmed};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::deliveries::{self as repo, SCHEDULE_APPROVED, SCHEDULE_DRAFT};
use crate::store::entities::delivery_schedules;
use crate::store::page_index;
use crate::store::scope::scoped;
use crate::store::versioned;
use atvejis_domain::access::Permission;
use atvejis_domain::delivery::{RespiteOrganisation, check_respite_schedule};
use rust_decimal::Decimal;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Home help.
pub const HOME_HELP: &str = "home_help";
/// Respite.
pub const RESPITE: &str = "respite";

/// The service a schedule is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleService {
    /// Home help (pagalba į namus).
    HomeHelp,
    /// Respite (laikinas atokvėpis).
    Respite,
}

impl ScheduleService {
    fn parse(code: &str) -> Option<Self> {
        match code {
            HOME_HELP => Some(ScheduleService::HomeHelp),
            RESPITE => Some(ScheduleService::Respite),
            _ => None,
        }
    }
}

/// Where a schedule stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleStatus {
    /// Drawn up, awaiting the director's approval.
    Draft,
    /// Approved: visits may be recorded.
    Approved,
}

/// A schedule.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScheduleView {
    /// Id.
    pub id: Uuid,
    /// The person served.
    pub person_id: Uuid,
    /// The granting decision.
    pub decision_id: Uuid,
    /// Home help or respite.
    pub service: ScheduleService,
    /// Respite: how it is organised (R-LIM-1 applies at home, R-LIM-3 as
    /// short-term care); `None` for home help.
    pub respite_organisation: Option<RespiteOrganisation>,
    /// Hours a week.
    #[schema(value_type = String, example = "6")]
    pub hours_per_week: Decimal,
    /// Visits a week.
    pub visits_per_week: i32,
    /// First day.
    pub valid_from: Date,
    /// Last day.
    pub valid_until: Date,
    /// Notes.
    pub notes: Option<String>,
    /// Draft or approved.
    pub status: ScheduleStatus,
    /// Who approved it.
    pub approved_by: Option<Uuid>,
    /// When.
    #[serde(with = "time::serde::rfc3339::option")]
    pub approved_at: Option<OffsetDateTime>,
    /// For optimistic concurrency.
    pub version: i32,
}

impl TryFrom<delivery_schedules::Model> for ScheduleView {
    type Error = ApiError;
    fn try_from(s: delivery_schedules::Model) -> ApiResult<Self> {
        let corrupt = |v: &str| ApiError::from(crate::store::StoreError::corrupt("schedule", v));
        Ok(ScheduleView {
            id: s.id,
            person_id: s.person_id,
            decision_id: s.decision_id,
            service: ScheduleService::parse(&s.service_code)
                .ok_or_else(|| corrupt(&s.service_code))?,
            respite_organisation: match s.respite_organisation.as_deref() {
                None => None,
                Some(code) => Some(RespiteOrganisation::parse(code).ok_or_else(|| corrupt(code))?),
            },
            hours_per_week: s.hours_per_week.normalize(),
            visits_per_week: s.visits_per_week,
            valid_from: s.valid_from,
            valid_until: s.valid_until,
            notes: s.notes,
            status: if s.status == SCHEDULE_APPROVED {
                ScheduleStatus::Approved
            } else {
                ScheduleStatus::Draft
            },
            approved_by: s.approved_by,
            approved_at: s.approved_at,
            version: s.version,
        })
    }
}

/// A schedule to draw up.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct NewSchedule {
    /// A signed decision granting `home_help` or `respite`.
    pub decision_id: Uuid,
    /// Hours a week (at most 2 decimals); respite at home 1–10 (R-LIM-1).
    #[schema(value_type = String, example = "6")]
    pub hours_per_week: Decimal,
    /// Visits a week; respite at home at most 2 (R-LIM-1).
    #[validate(range(min = 1, max = 14))]
    pub visits_per_week: i32,
    /// First day (not before the decision's service start).
    pub valid_from: Date,
    /// Last day.
    pub valid_until: Date,
    /// Respite only: how it is organised (default at home).
    pub respite_organisation: Option<RespiteOrganisation>,
    /// Notes.
    #[validate(length(max = 2000))]
    pub notes: Option<String>,
}

/// Which schedules to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScheduleFilter {
    /// Of this person.
    pub person_id: Option<Uuid>,
    /// In this state.
    pub status: Option<ScheduleStatus>,
}

/// A page of schedules.
#[derive(Debug, Serialize, ToSchema)]
pub struct SchedulePage {
    /// The schedules, newest first.
    pub items: Vec<ScheduleView>,
    /// All matching.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// The schedules of the actor's municipality (`ReadDeliveries`).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    f: ScheduleFilter,
    page: u64,
    per_page: u64,
) -> ApiResult<SchedulePage> {
    actor.require(Permission::ReadDeliveries)?;
    let mut q = scoped::<delivery_schedules::Entity>(actor);
    if let Some(id) = f.person_id {
        q = q.filter(delivery_schedules::Column::PersonId.eq(id));
    }
    if let Some(status) = f.status {
        let code = match status {
            ScheduleStatus::Draft => SCHEDULE_DRAFT,
            ScheduleStatus::Approved => SCHEDULE_APPROVED,
        };
        q = q.filter(delivery_schedules::Column::Status.eq(code));
    }
    let paginator = q
        .order_by_desc(delivery_schedules::Column::ValidFrom)
        .order_by_desc(delivery_schedules::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let items = paginator
        .fetch_page(page_index(page))
        .await?
        .into_iter()
        .map(ScheduleView::try_from)
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(SchedulePage {
        items,
        total,
        page,
        per_page,
    })
}

/// Schedule `id` (`ReadDeliveries`).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<ScheduleView> {
    actor.require(Permission::ReadDeliveries)?;
    repo::schedule(&state.db, actor, id).await?.try_into()
}

/// Draws up a schedule from a signed decision granting home help or
/// respite (`RecordDeliveries`); a respite schedule at home has 1–10 hours
/// and at most 2 visits a week (R-LIM-1, 422
/// `respite_schedule_out_of_limits`).
pub async fn create(state: &AppState, actor: &Actor, body: NewSchedule) -> ApiResult<ScheduleView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let hours = positive_amount(
        "hours_per_week",
        body.hours_per_week,
        Decimal::from(168),
        2,
        false,
    )?;
    if body.valid_until < body.valid_from {
        return Err(ApiError::invalid_field(
            "valid_until",
            FieldCode::Range,
            "the last day is on or after the first",
        ));
    }
    let (decision, application) = granted_decision(
        uow.db(),
        actor,
        body.decision_id,
        &[HOME_HELP, RESPITE],
        "decision_id",
    )
    .await?;
    if decision
        .service_from
        .is_some_and(|from| body.valid_from < from)
    {
        return Err(ApiError::invalid_field(
            "valid_from",
            FieldCode::BeforeDecision,
            "a schedule starts on or after the decision's service start",
        ));
    }
    let organisation = if application.service_code == RESPITE {
        let organisation = body
            .respite_organisation
            .unwrap_or(RespiteOrganisation::AtHome);
        if organisation == RespiteOrganisation::AtHome {
            let visits = u32::try_from(body.visits_per_week).unwrap_or(0);
            check_respite_schedule(hours, visits).map_err(rule_error)?;
        }
        Some(organisation)
    } else {
        if body.respite_organisation.is_some() {
            return Err(ApiError::invalid_field(
                "respite_organisation",
                FieldCode::NotApplicable,
                "only a respite schedule has an organisation",
            ));
        }
        None
    };
    let now = uow.now();
    let row = delivery_schedules::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        person_id: Set(application.person_id),
        decision_id: Set(decision.id),
        service_code: Set(application.service_code.clone()),
        respite_organisation: Set(organisation.map(|o| o.as_str().to_owned())),
        hours_per_week: Set(hours),
        visits_per_week: Set(body.visits_per_week),
        valid_from: Set(body.valid_from),
        valid_until: Set(body.valid_until),
        notes: Set(trimmed(body.notes)),
        status: Set(SCHEDULE_DRAFT.to_owned()),
        approved_by: Set(None),
        approved_at: Set(None),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    let schedule = delivery_schedules::Entity::insert(row)
        .exec_with_returning(uow.db())
        .await?;
    uow.audit(
        AuditEvent::new(AuditAction::ScheduleCreate, "schedule", schedule.id).summary(json!({
            "person_id": schedule.person_id,
            "decision_id": schedule.decision_id,
            "service": schedule.service_code,
            "hours_per_week": schedule.hours_per_week,
            "visits_per_week": schedule.visits_per_week,
            "valid_from": schedule.valid_from,
            "valid_until": schedule.valid_until,
        })),
    )
    .await?;
    uow.commit().await?;
    schedule.try_into()
}

/// The Centre's director approves draft schedule `id` at `version`
/// (`ApproveSchedules`; 409 `invalid_transition` when already approved).
pub async fn approve(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
) -> ApiResult<ScheduleView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ApproveSchedules).await?;
    let schedule = repo::schedule(uow.db(), actor, id).await?;
    crate::app::lifecycle::check_version(schedule.version, version)?;
    if schedule.status != SCHEDULE_DRAFT {
        return Err(ApiError::conflict(
            ErrorCode::InvalidTransition,
            "The schedule is already approved.",
        ));
    }
    let now = uow.now();
    let result = versioned::update::<delivery_schedules::Entity>(actor, id, version, now)
        .col_expr(
            delivery_schedules::Column::Status,
            Expr::value(SCHEDULE_APPROVED),
        )
        .col_expr(
            delivery_schedules::Column::ApprovedBy,
            Expr::value(actor.user_id()),
        )
        .col_expr(
            delivery_schedules::Column::ApprovedAt,
            Expr::value(Some(now)),
        )
        .exec(uow.db())
        .await?;
    versioned::expect_one(result)?;
    uow.audit(
        AuditEvent::new(AuditAction::ScheduleApprove, "schedule", id).summary(json!({
            "person_id": schedule.person_id,
        })),
    )
    .await?;
    let schedule = repo::schedule(uow.db(), actor, id).await?;
    uow.commit().await?;
    schedule.try_into()
}
