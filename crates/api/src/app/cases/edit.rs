//! Correcting a case's notice, reason and children (`PATCH /cases/{id}`).
//! A case is never closed here: R-CMP-5 closes it only by a case meeting's
//! decision, so any attempt to change its status answers 409
//! `closing_needs_meeting`.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::cases::{CaseView, rule_error, views};
use crate::app::common::double_option;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode, FieldError};
use crate::extract::validation_errors;
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::cases as repo;
use crate::store::entities::{case_children, cases};
use crate::store::{families, versioned};
use atvejis_domain::access::Permission;
use atvejis_domain::cases::{CaseOrigin, CaseRuleError};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Changes to a case; absent fields stay as they are.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct CaseChanges {
    /// The notice's date (not after today).
    pub notice_date: Option<Date>,
    /// The notice's reference number; `null` clears it (not for a
    /// child-rights notice).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    #[validate(length(max = 100))]
    pub notice_reference: Option<Option<String>>,
    /// Who sent it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    #[validate(length(max = 300))]
    pub referred_by: Option<Option<String>>,
    /// Why the case is open.
    #[validate(length(min = 1, max = 4000))]
    pub reason: Option<String>,
    /// The children the case concerns (current members of the family).
    #[validate(length(min = 1, max = 20))]
    pub children: Option<Vec<Uuid>>,
    /// Never accepted: a case closes only by a case meeting's decision
    /// (R-CMP-5; 409 `closing_needs_meeting`).
    #[schema(value_type = Option<String>)]
    pub status: Option<Value>,
    /// Never accepted (R-CMP-5; 409 `closing_needs_meeting`).
    #[schema(value_type = Option<String>)]
    pub closing_reason: Option<Value>,
    /// The case's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
}

/// Corrects the notice, the reason or the children of case `id` at
/// `changes.version`. R-CMP-5: asking to close it (any `status` or
/// `closing_reason`) answers 409 `closing_needs_meeting`; a closed case is
/// read-only (409 `case_closed`).
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    changes: CaseChanges,
) -> ApiResult<CaseView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WorkCases).await?;
    let case = repo::find_scoped(uow.db(), actor, id).await?;
    if case.closed_at.is_some() {
        return Err(rule_error(CaseRuleError::Closed));
    }
    if changes.status.is_some() || changes.closing_reason.is_some() {
        return Err(ApiError::conflict(
            ErrorCode::ClosingNeedsMeeting,
            "a case is closed only by a case meeting's decision (R-CMP-5): record the meeting",
        ));
    }
    let mut errors = validation_errors(&changes);
    let today = uow.today();
    let mut summary = Map::new();
    let mut update = versioned::update::<cases::Entity>(actor, id, changes.version, uow.now());
    if let Some(date) = changes.notice_date {
        if date > today {
            errors.push(FieldError::new(
                "notice_date",
                FieldCode::InFuture,
                "the notice cannot be dated after today",
            ));
        }
        summary.insert(
            "notice_date".into(),
            json!({ "from": case.notice_date, "to": date }),
        );
        update = update.col_expr(cases::Column::NoticeDate, Expr::value(date));
    }
    let clean = |v: &Option<String>| {
        v.as_ref()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    if let Some(reference) = &changes.notice_reference {
        let reference = clean(reference);
        let origin: CaseOrigin = repo::decode_code("case", &case.origin)?;
        if origin == CaseOrigin::ChildRightsNotice && reference.is_none() {
            errors.push(FieldError::new(
                "notice_reference",
                FieldCode::Required,
                "a child-rights notice has a reference number",
            ));
        }
        summary.insert(
            "notice_reference".into(),
            json!({ "from": case.notice_reference, "to": reference }),
        );
        update = update.col_expr(cases::Column::NoticeReference, Expr::value(reference));
    }
    if let Some(referred_by) = &changes.referred_by {
        let referred_by = clean(referred_by);
        summary.insert("referred_by".into(), json!("changed"));
        update = update.col_expr(cases::Column::ReferredBy, Expr::value(referred_by));
    }
    if let Some(reason) = &changes.reason {
        let reason = reason.trim().to_owned();
        if reason.is_empty() && !changes.reason.as_deref().unwrap_or_default().is_empty() {
            errors.push(FieldError::new(
                "reason",
                FieldCode::Required,
                "say why the case is open",
            ));
        }
        summary.insert("reason".into(), json!("changed"));
        update = update.col_expr(cases::Column::Reason, Expr::value(reason));
    }
    if let Some(children) = &changes.children {
        let members = families::members_of(uow.db(), case.family_id).await?;
        let mut seen: Vec<Uuid> = Vec::with_capacity(children.len());
        for (i, child) in children.iter().enumerate() {
            if seen.contains(child) {
                errors.push(FieldError::new(
                    format!("children[{i}]"),
                    FieldCode::Duplicate,
                    "is listed twice",
                ));
            } else if !members.iter().any(|m| m.person.id == *child) {
                errors.push(FieldError::new(
                    format!("children[{i}]"),
                    FieldCode::NotAMember,
                    "is not a current member of the family",
                ));
            }
            seen.push(*child);
        }
        summary.insert("children".into(), json!(children));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    versioned::expect_one(update.exec(uow.db()).await.map_err(StoreError::from)?)?;
    if let Some(children) = &changes.children {
        case_children::Entity::delete_many()
            .filter(case_children::Column::CaseId.eq(id))
            .exec(uow.db())
            .await
            .map_err(StoreError::from)?;
        case_children::Entity::insert_many(children.iter().map(|person_id| {
            case_children::ActiveModel {
                case_id: sea_orm::ActiveValue::Set(id),
                person_id: sea_orm::ActiveValue::Set(*person_id),
            }
        }))
        .exec(uow.db())
        .await
        .map_err(StoreError::from)?;
    }
    uow.audit(AuditEvent::new(AuditAction::CaseUpdate, "case", id).summary(Value::Object(summary)))
        .await?;
    let case = repo::find_scoped(uow.db(), actor, id).await?;
    let view = views::case_view(uow.db(), case, today).await?;
    uow.commit().await?;
    Ok(view)
}
