//! Reviews of the help plan (peržiūros, R-CMP-4): due by the procedure
//! parameter after the plan was agreed or last reviewed, and whenever a
//! case meeting decides. A review records, goal by goal of the agreed
//! version, what was achieved and what changes, updates where actions
//! stand (in the same transaction) and sets the next review, no later
//! than the parameter allows.
//!
//! Reading needs `ReadCases` and is recorded (`case.read`); recording a
//! review needs `WorkCases` on a case that is assigned and not closed.

use super::plan::{agreed_actions, checked_status, record_status};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::applications::views::{StaffRef, staff_ref};
use crate::app::read;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode, FieldError};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::applications::staff_names;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::case_plans::{
    self as repo, StoredActionUpdate, StoredGoalReview, StoredReview, review_content,
};
use crate::store::cases::{self as cases_repo, case_parameters};
use crate::store::entities::{case_meetings, case_reviews};
use crate::store::scope::scoped;
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::cases::ActionStatus;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A goal as the review saw it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct GoalReviewView {
    /// The goal of the agreed version.
    pub goal_id: Uuid,
    /// Its title at the review.
    pub goal_title: String,
    /// What was achieved.
    pub achieved: String,
    /// What changes.
    pub changes: String,
}

/// Where an action stands after the review (as sent).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct ActionUpdate {
    /// An action of the agreed version.
    pub action_id: Uuid,
    /// Its new status.
    pub status: ActionStatus,
    /// Why it was not done (required for `not_done`).
    #[validate(length(max = 2000))]
    pub reason: Option<String>,
}

/// A review of the plan.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReviewView {
    /// Id.
    pub id: Uuid,
    /// The day of the review.
    pub reviewed_on: Date,
    /// The number of the plan version reviewed.
    pub plan_version: Option<i32>,
    /// Goal by goal.
    pub goals: Vec<GoalReviewView>,
    /// The statuses it set.
    pub action_updates: Vec<ActionUpdate>,
    /// Its summary.
    pub summary: String,
    /// The next review by this day (R-CMP-4).
    pub next_review_on: Date,
    /// The case meeting it was held at.
    pub meeting_id: Option<Uuid>,
    /// Who recorded it.
    pub created_by: StaffRef,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// The reviews of a case.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReviewList {
    /// Newest first.
    pub items: Vec<ReviewView>,
}

/// A goal as reviewed, as sent.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct GoalReviewInput {
    /// A goal of the agreed version.
    pub goal_id: Uuid,
    /// What was achieved.
    #[validate(length(max = 8000))]
    pub achieved: String,
    /// What changes.
    #[validate(length(max = 8000))]
    pub changes: String,
}

/// A review to record.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct ReviewInput {
    /// The day of the review (not in the future).
    pub reviewed_on: Date,
    /// Its summary.
    #[validate(length(max = 8000))]
    pub summary: String,
    /// Goal by goal of the agreed version.
    #[validate(length(max = 50), nested)]
    pub goals: Vec<GoalReviewInput>,
    /// Where actions of the agreed version stand now.
    #[serde(default)]
    #[validate(length(max = 500), nested)]
    pub action_updates: Vec<ActionUpdate>,
    /// The next review: after this one and no later than the procedure
    /// parameter allows (R-CMP-4).
    pub next_review_on: Date,
    /// The case meeting it was held at.
    pub meeting_id: Option<Uuid>,
}

/// The views of `rows` (two queries).
async fn views<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    case_id: Uuid,
    rows: Vec<case_reviews::Model>,
) -> ApiResult<Vec<ReviewView>> {
    let names = staff_names(db, rows.iter().map(|r| r.created_by).collect()).await?;
    let numbers: HashMap<Uuid, i32> = repo::versions_of(db, actor, case_id)
        .await?
        .into_iter()
        .map(|v| (v.id, v.number))
        .collect();
    rows.into_iter()
        .map(|r| {
            let content = review_content(&r)?;
            Ok(ReviewView {
                id: r.id,
                reviewed_on: r.reviewed_on,
                plan_version: r.plan_version_id.and_then(|v| numbers.get(&v).copied()),
                goals: content
                    .goals
                    .into_iter()
                    .map(|g| GoalReviewView {
                        goal_id: g.goal_id,
                        goal_title: g.goal_title,
                        achieved: g.achieved,
                        changes: g.changes,
                    })
                    .collect(),
                action_updates: content
                    .action_updates
                    .into_iter()
                    .map(|a| ActionUpdate {
                        action_id: a.action_id,
                        status: a.status,
                        reason: a.reason,
                    })
                    .collect(),
                summary: r.summary,
                next_review_on: r.next_review_on,
                meeting_id: r.meeting_id,
                created_by: staff_ref(&names, r.created_by),
                created_at: r.created_at,
            })
        })
        .collect()
}

/// The reviews of case `case_id`, newest first, read for `purpose` and
/// recorded (`case.read`).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    case_id: Uuid,
) -> ApiResult<ReviewList> {
    actor.require(Permission::ReadCases)?;
    read::audited(
        state,
        actor,
        purpose,
        AuditAction::CaseRead,
        "case",
        || async {
            let db = &state.db;
            let case = cases_repo::find_scoped(db, actor, case_id).await?;
            let rows = repo::reviews_of(db, actor, case.id).await?;
            let items = views(db, actor, case.id, rows).await?;
            Ok((ReviewList { items }, case_id.to_string()))
        },
    )
    .await
}

/// R-CMP-4: records a review of the agreed plan of case `case_id` (409
/// `invalid_transition` before any version is agreed) and the action
/// statuses it sets, in one transaction. Every invalid field at once (422):
/// a day in the future or before the plan was agreed, goals and actions not
/// of the agreed version, `not_done` without a reason, a next review not
/// after this one or later than the parameter's term, a meeting not of the
/// case.
pub async fn record(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    input: ReviewInput,
) -> ApiResult<ReviewView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WorkCases).await?;
    let Some(by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "Reviews are recorded by a member of staff.",
        ));
    };
    let case = super::open_for_work(uow.db(), actor, case_id).await?;
    let Some((agreed, goals)) = agreed_actions(uow.db(), actor, case.id).await? else {
        return Err(ApiError::conflict(
            ErrorCode::InvalidTransition,
            "A review reviews the agreed plan; no version of the plan has been agreed yet.",
        ));
    };
    let today = uow.today();
    let mut errors = Vec::new();
    if input.reviewed_on > today {
        errors.push(FieldError::new(
            "reviewed_on",
            FieldCode::InFuture,
            "a review cannot be dated after today",
        ));
    } else if agreed.agreed_on.is_some_and(|on| input.reviewed_on < on) {
        errors.push(FieldError::new(
            "reviewed_on",
            FieldCode::OutOfRange,
            "a review cannot be dated before the plan was agreed",
        ));
    }
    let summary = input.summary.trim().to_owned();
    if summary.is_empty() {
        errors.push(FieldError::new(
            "summary",
            FieldCode::Required,
            "sum up the review",
        ));
    }
    let mut seen = HashSet::new();
    let mut reviewed = Vec::with_capacity(input.goals.len());
    for (i, goal) in input.goals.iter().enumerate() {
        let field = format!("goals[{i}].goal_id");
        match goals.iter().find(|g| g.id == goal.goal_id) {
            None => errors.push(FieldError::new(
                field,
                FieldCode::Invalid,
                "is not a goal of the agreed plan",
            )),
            Some(_) if !seen.insert(goal.goal_id) => {
                errors.push(FieldError::new(
                    field,
                    FieldCode::Duplicate,
                    "is listed twice",
                ));
            }
            Some(g) => reviewed.push(StoredGoalReview {
                goal_id: g.id,
                goal_title: g.title.clone(),
                achieved: goal.achieved.trim().to_owned(),
                changes: goal.changes.trim().to_owned(),
            }),
        }
    }
    let mut seen = HashSet::new();
    let mut updates = Vec::with_capacity(input.action_updates.len());
    for (i, update) in input.action_updates.iter().enumerate() {
        let field = format!("action_updates[{i}].action_id");
        if !goals
            .iter()
            .flat_map(|g| &g.actions)
            .any(|a| a.id == update.action_id)
        {
            errors.push(FieldError::new(
                field,
                FieldCode::Invalid,
                "is not an action of the agreed plan",
            ));
        } else if !seen.insert(update.action_id) {
            errors.push(FieldError::new(
                field,
                FieldCode::Duplicate,
                "is listed twice",
            ));
        } else {
            match checked_status(
                update.status,
                update.reason.as_deref(),
                format!("action_updates[{i}].reason"),
            ) {
                Ok(reason) => updates.push(StoredActionUpdate {
                    action_id: update.action_id,
                    status: update.status,
                    reason,
                }),
                Err(e) => errors.push(e),
            }
        }
    }
    let latest = case_parameters(&case)?.review_due(input.reviewed_on);
    if input.next_review_on <= input.reviewed_on || input.next_review_on > latest {
        errors.push(FieldError::new(
            "next_review_on",
            FieldCode::OutOfRange,
            format!("the next review is after this one and by {latest} at the latest (R-CMP-4)"),
        ));
    }
    if let Some(meeting) = input.meeting_id {
        let found = scoped::<case_meetings::Entity>(actor)
            .filter(case_meetings::Column::CaseId.eq(case.id))
            .filter(case_meetings::Column::Id.eq(meeting))
            .one(uow.db())
            .await
            .map_err(StoreError::from)?;
        if found.is_none() {
            errors.push(FieldError::new(
                "meeting_id",
                FieldCode::Invalid,
                "is not a meeting of this case",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    for update in &updates {
        record_status(uow.db(), actor, by, case.id, update, input.reviewed_on).await?;
    }
    let id = Uuid::now_v7();
    let row = case_reviews::ActiveModel {
        id: Set(id),
        municipality_id: Set(actor.municipality_id),
        case_id: Set(case.id),
        reviewed_on: Set(input.reviewed_on),
        plan_version_id: Set(Some(agreed.id)),
        goals: Set(json!(StoredReview {
            goals: reviewed,
            action_updates: updates.clone(),
        })),
        summary: Set(summary),
        next_review_on: Set(input.next_review_on),
        meeting_id: Set(input.meeting_id),
        created_by: Set(by),
        created_at: Set(uow.now()),
    };
    let row = case_reviews::Entity::insert(row)
        .exec_with_returning(uow.db())
        .await
        .map_err(StoreError::from)?;
    uow.audit(
        AuditEvent::new(AuditAction::CaseReview, "case", case.id).summary(json!({
            "review_id": id,
            "plan_version": agreed.number,
            "reviewed_on": input.reviewed_on,
            "next_review_on": input.next_review_on,
            "action_updates": updates
                .iter()
                .map(|u| json!({ "action_id": u.action_id, "status": u.status }))
                .collect::<Vec<_>>(),
        })),
    )
    .await?;
    let view = views(uow.db(), actor, case.id, vec![row])
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("no view of the recorded review"))?;
    uow.commit().await?;
    Ok(view)
}
