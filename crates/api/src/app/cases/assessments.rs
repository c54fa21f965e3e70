//! The needs assessment of the child and the family (R-CM-2): the case
//! manager and the family social worker assess the levels of the
//! social-risk factors and the protective factors of the child and of the
//! family before the first case meeting. Each assessment is dated and
//! signed by who records it; a meeting agrees a plan only after one exists.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::applications::views::{StaffRef, staff_ref};
use crate::app::cases::open_for_work;
use crate::app::read;
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use crate::extract::validation_errors;
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::applications::staff_names;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::cases::{self as repo, decode};
use crate::store::entities::case_assessments;
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::cases::RiskLevel;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A social-risk factor and its level (R-CM-2).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct RiskFactor {
    /// The factor, e.g. "Tėvų priklausomybė nuo alkoholio".
    #[validate(length(min = 1, max = 200))]
    pub factor: String,
    /// Its level.
    pub level: RiskLevel,
    /// Notes.
    #[validate(length(max = 2000))]
    pub notes: Option<String>,
}

/// A needs assessment to record (R-CM-2).
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewAssessment {
    /// The day it was made (not after today).
    pub assessed_on: Date,
    /// The social-risk factors with their levels (at least one).
    #[validate(length(min = 1, max = 50), nested)]
    pub risk_factors: Vec<RiskFactor>,
    /// The child's protective factors.
    #[serde(default)]
    #[validate(length(max = 50))]
    pub child_protective_factors: Vec<String>,
    /// The family's protective factors.
    #[serde(default)]
    #[validate(length(max = 50))]
    pub family_protective_factors: Vec<String>,
    /// The conclusion, free text.
    #[validate(length(min = 1, max = 8000))]
    pub summary: String,
}

/// A recorded needs assessment.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AssessmentView {
    /// Id.
    pub id: Uuid,
    /// The day it was made.
    pub assessed_on: Date,
    /// The social-risk factors with their levels.
    pub risk_factors: Vec<RiskFactor>,
    /// The child's protective factors.
    pub child_protective_factors: Vec<String>,
    /// The family's protective factors.
    pub family_protective_factors: Vec<String>,
    /// The conclusion.
    pub summary: String,
    /// Who made and signed it.
    pub signed_by: StaffRef,
    /// Recorded.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A case's assessments, newest first.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AssessmentList {
    /// The assessments.
    pub items: Vec<AssessmentView>,
}

fn view(
    row: case_assessments::Model,
    names: &std::collections::HashMap<Uuid, String>,
) -> ApiResult<AssessmentView> {
    Ok(AssessmentView {
        id: row.id,
        assessed_on: row.assessed_on,
        risk_factors: decode("case assessment", row.risk_factors)?,
        child_protective_factors: decode("case assessment", row.child_protective_factors)?,
        family_protective_factors: decode("case assessment", row.family_protective_factors)?,
        summary: row.summary,
        signed_by: staff_ref(names, row.signed_by),
        created_at: row.created_at,
    })
}

/// Whether case `case_id` has a needs assessment (R-CM-2).
pub async fn exists<C: ConnectionTrait>(db: &C, case_id: Uuid) -> ApiResult<bool> {
    Ok(case_assessments::Entity::find()
        .filter(case_assessments::Column::CaseId.eq(case_id))
        .one(db)
        .await
        .map_err(StoreError::from)?
        .is_some())
}

/// The assessments of case `id`, newest first; the read is recorded
/// (`case.read`) with its purpose.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
) -> ApiResult<AssessmentList> {
    actor.require(Permission::ReadCases)?;
    read::audited(
        state,
        actor,
        purpose,
        AuditAction::CaseRead,
        "case",
        || async {
            let case = repo::find_scoped(&state.db, actor, id).await?;
            let rows = case_assessments::Entity::find()
                .filter(case_assessments::Column::CaseId.eq(case.id))
                .order_by_desc(case_assessments::Column::AssessedOn)
                .order_by_desc(case_assessments::Column::CreatedAt)
                .all(&state.db)
                .await
                .map_err(StoreError::from)?;
            let names = staff_names(&state.db, rows.iter().map(|r| r.signed_by).collect()).await?;
            let items = rows
                .into_iter()
                .map(|r| view(r, &names))
                .collect::<ApiResult<Vec<_>>>()?;
            Ok((AssessmentList { items }, id.to_string()))
        },
    )
    .await
}

fn trimmed(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// R-CM-2: records a needs assessment of case `id`, signed by the actor.
pub async fn record(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    new: NewAssessment,
) -> ApiResult<AssessmentView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WorkCases).await?;
    let Some(signed_by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "An assessment is signed by a member of staff.",
        ));
    };
    let case = open_for_work(uow.db(), actor, id).await?;
    let mut errors = validation_errors(&new);
    if new.assessed_on > uow.today() {
        errors.push(FieldError::new(
            "assessed_on",
            FieldCode::InFuture,
            "cannot be after today",
        ));
    }
    let risk_factors: Vec<RiskFactor> = new
        .risk_factors
        .iter()
        .map(|f| RiskFactor {
            factor: f.factor.trim().to_owned(),
            level: f.level,
            notes: f
                .notes
                .as_ref()
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty()),
        })
        .collect();
    for (i, f) in risk_factors.iter().enumerate() {
        if f.factor.is_empty() && !new.risk_factors[i].factor.is_empty() {
            errors.push(FieldError::new(
                format!("risk_factors[{i}].factor"),
                FieldCode::Required,
                "name the factor",
            ));
        }
    }
    let summary = new.summary.trim().to_owned();
    if summary.is_empty() && !new.summary.is_empty() {
        errors.push(FieldError::new(
            "summary",
            FieldCode::Required,
            "write the conclusion",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let row = case_assessments::Model {
        id: Uuid::now_v7(),
        municipality_id: case.municipality_id,
        case_id: case.id,
        assessed_on: new.assessed_on,
        risk_factors: json!(risk_factors),
        child_protective_factors: json!(trimmed(&new.child_protective_factors)),
        family_protective_factors: json!(trimmed(&new.family_protective_factors)),
        summary,
        signed_by,
        created_at: uow.now(),
    };
    case_assessments::Entity::insert(row.clone().into_active_model().reset_all())
        .exec(uow.db())
        .await
        .map_err(StoreError::from)?;
    uow.audit(
        AuditEvent::new(AuditAction::CaseAssessment, "case", case.id).summary(json!({
            "assessment_id": row.id,
            "assessed_on": row.assessed_on,
            "risk_factors": risk_factors.len(),
            "high": risk_factors.iter().filter(|f| f.level == RiskLevel::High).count(),
        })),
    )
    .await?;
    let names = staff_names(uow.db(), vec![signed_by]).await?;
    let view = view(row, &names)?;
    uow.commit().await?;
    Ok(view)
}
