//! The procedure parameters of case management (R-CMP-1, -2, -4): the
//! product defaults, and the values an administrator sets for the
//! municipality from a date on. A case keeps the parameters in force on the
//! day it was opened (stored with it), so a later change never moves an
//! open case's terms. Read by administrators (`ManageReferenceData`) and by
//! those who read cases; changed only by administrators.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::cases::{parameters_in_force, parameters_of};
use crate::store::entities::procedure_parameters as rows;
use crate::store::scope::scoped;
use atvejis_domain::access::Permission;
use atvejis_domain::cases::{ParameterError, ProcedureParameters};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// A set of parameters from a date.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ParameterSetView {
    /// Id.
    pub id: Uuid,
    /// In force from (until the next set's date).
    pub valid_from: Date,
    /// R-CMP-1: working days from the notice to the assignment.
    pub assignment_working_days: u32,
    /// R-CMP-2: working days from the assignment to the first meeting.
    pub first_meeting_working_days: u32,
    /// R-CMP-4: months between reviews.
    pub review_interval_months: u32,
    /// Whether this set is the one in force today.
    pub in_force: bool,
    /// When it was entered.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// The municipality's parameters.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ParametersView {
    /// Every set, latest `valid_from` first.
    pub items: Vec<ParameterSetView>,
    /// The product defaults (in force before the first set).
    pub defaults: ProcedureParameters,
    /// What is in force today (for cases opened today).
    pub in_force: ProcedureParameters,
}

/// The parameters of the actor's municipality.
pub async fn list(state: &AppState, actor: &Actor) -> ApiResult<ParametersView> {
    if !actor.can(Permission::ManageReferenceData) && !actor.can(Permission::ReadCases) {
        return Err(ApiError::forbidden(
            "The procedure parameters are for administrators and case management.",
        ));
    }
    let today = state.clock.today();
    let sets = scoped::<rows::Entity>(actor)
        .order_by_desc(rows::Column::ValidFrom)
        .all(&state.db)
        .await
        .map_err(StoreError::from)?;
    let current = sets.iter().find(|s| s.valid_from <= today).map(|s| s.id);
    let items = sets
        .iter()
        .map(|s| {
            let p = parameters_of(s);
            ParameterSetView {
                id: s.id,
                valid_from: s.valid_from,
                assignment_working_days: p.assignment_working_days,
                first_meeting_working_days: p.first_meeting_working_days,
                review_interval_months: p.review_interval_months,
                in_force: Some(s.id) == current,
                created_at: s.created_at,
            }
        })
        .collect();
    Ok(ParametersView {
        items,
        defaults: ProcedureParameters::default(),
        in_force: parameters_in_force(&state.db, actor.municipality_id, today).await?,
    })
}

fn parameter_error(e: ParameterError) -> ApiError {
    let field = match e {
        ParameterError::AssignmentDays => "assignment_working_days",
        ParameterError::FirstMeetingDays => "first_meeting_working_days",
        ParameterError::ReviewMonths => "review_interval_months",
    };
    ApiError::invalid_field(field, FieldCode::OutOfRange, e.to_string())
}

fn as_i32(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// Sets the parameters from `valid_from` (today or later: 422 `in_past`);
/// each in its range (422 `out_of_range`); one set per day (409
/// `parameters_exist`).
pub async fn create(
    state: &AppState,
    actor: &Actor,
    valid_from: Date,
    parameters: ProcedureParameters,
) -> ApiResult<ParameterSetView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageReferenceData).await?;
    let today = uow.today();
    if valid_from < today {
        return Err(ApiError::invalid_field(
            "valid_from",
            FieldCode::InPast,
            "parameters take effect today at the earliest; cases opened before keep theirs",
        ));
    }
    parameters.check().map_err(parameter_error)?;
    let now = uow.now();
    let id = Uuid::now_v7();
    let row = rows::ActiveModel {
        id: Set(id),
        municipality_id: Set(actor.municipality_id),
        valid_from: Set(valid_from),
        assignment_working_days: Set(as_i32(parameters.assignment_working_days)),
        first_meeting_working_days: Set(as_i32(parameters.first_meeting_working_days)),
        review_interval_months: Set(as_i32(parameters.review_interval_months)),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        version: Set(1),
    };
    let row = match rows::Entity::insert(row)
        .exec_with_returning(uow.db())
        .await
    {
        Ok(row) => row,
        Err(e) if crate::store::is_unique_violation(&e) => {
            return Err(ApiError::conflict(
                ErrorCode::ParametersExist,
                "Parameters from that date exist; withdraw them first or choose another date.",
            ));
        }
        Err(e) => return Err(StoreError::from(e).into()),
    };
    uow.audit(
        AuditEvent::new(
            AuditAction::ProcedureParametersCreate,
            "procedure_parameters",
            id,
        )
        .summary(json!({
            "valid_from": valid_from,
            "parameters": parameters,
        })),
    )
    .await?;
    uow.commit().await?;
    let in_force = valid_from == today;
    Ok(ParameterSetView {
        id: row.id,
        valid_from: row.valid_from,
        assignment_working_days: parameters.assignment_working_days,
        first_meeting_working_days: parameters.first_meeting_working_days,
        review_interval_months: parameters.review_interval_months,
        in_force,
        created_at: row.created_at,
    })
}

/// Withdraws set `id` before it takes effect (409 `parameters_in_force`
/// from its first day on: cases may have been opened under it).
pub async fn delete(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<()> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageReferenceData).await?;
    let row = scoped::<rows::Entity>(actor)
        .filter(rows::Column::Id.eq(id))
        .one(uow.db())
        .await
        .map_err(StoreError::from)?
        .ok_or(StoreError::NotFound("procedure parameters"))?;
    if row.valid_from <= uow.today() {
        return Err(ApiError::conflict(
            ErrorCode::ParametersInForce,
            "These parameters are in force or were; set new ones from a later date instead.",
        ));
    }
    rows::Entity::delete_by_id(row.id)
        .exec(uow.db())
        .await
        .map_err(StoreError::from)?;
    uow.audit(
        AuditEvent::new(
            AuditAction::ProcedureParametersDelete,
            "procedure_parameters",
            row.id,
        )
        .summary(json!({
            "valid_from": row.valid_from,
            "parameters": parameters_of(&row),
        })),
    )
    .await?;
    uow.commit().await
}
