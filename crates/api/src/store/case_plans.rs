//! The help plan's repository (R-CMP-3, R-CMP-4): a case's plan versions,
//! where each action stands, and the reviews. Every read goes through
//! [`scoped`], so a version, a status or a review of a case outside the
//! actor's scope is as missing as the case.
//!
//! A version's `goals` column holds [`StoredGoal`]s; a review's `goals`
//! column holds a [`StoredReview`] (the goals reviewed and the action
//! updates sent with it). [`crate::store::cases::progress_of`] reads the
//! same `goals[].actions[].id` and `due_on`.

use crate::actor::Actor;
use crate::store::cases::{PLAN_AGREED, PLAN_DRAFT, decode};
use crate::store::entities::{case_action_statuses, case_plan_versions, case_reviews};
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::scoped;
use atvejis_domain::cases::{ActionStatus, Responsible};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::Date;
use uuid::Uuid;

/// A goal of a plan version, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredGoal {
    /// Stable across versions.
    pub id: Uuid,
    /// The goal.
    pub title: String,
    /// Its actions.
    pub actions: Vec<StoredAction>,
}

/// An action of a plan version, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredAction {
    /// Stable across versions; the key of its status.
    pub id: Uuid,
    /// What is to be done.
    pub what: String,
    /// Who is responsible: a user, a person of the family, an organisation.
    pub responsible: Responsible<Uuid, Uuid>,
    /// By when.
    pub due_on: Date,
}

/// A goal as a review recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredGoalReview {
    /// The goal of the agreed version.
    pub goal_id: Uuid,
    /// Its title at the review.
    pub goal_title: String,
    /// What was achieved.
    pub achieved: String,
    /// What changes.
    pub changes: String,
}

/// An action's status as a review set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredActionUpdate {
    /// The action of the agreed version.
    pub action_id: Uuid,
    /// Its new status.
    pub status: ActionStatus,
    /// Why (required for `not_done`).
    pub reason: Option<String>,
}

/// What a review's `goals` column holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredReview {
    /// Goal by goal.
    pub goals: Vec<StoredGoalReview>,
    /// The statuses it set.
    pub action_updates: Vec<StoredActionUpdate>,
}

/// The goals of `version`.
pub fn goals_of(version: &case_plan_versions::Model) -> StoreResult<Vec<StoredGoal>> {
    decode("case plan", version.goals.clone())
}

/// Every version of case `case_id`'s plan in the actor's scope, oldest
/// first (at most one draft: the last).
pub async fn versions_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    case_id: Uuid,
) -> StoreResult<Vec<case_plan_versions::Model>> {
    Ok(scoped::<case_plan_versions::Entity>(actor)
        .filter(case_plan_versions::Column::CaseId.eq(case_id))
        .order_by_asc(case_plan_versions::Column::Number)
        .all(db)
        .await?)
}

/// The draft among `versions`.
pub fn draft_of(versions: &[case_plan_versions::Model]) -> Option<&case_plan_versions::Model> {
    versions.iter().rev().find(|v| v.status == PLAN_DRAFT)
}

/// The latest agreed version among `versions`.
pub fn agreed_of(versions: &[case_plan_versions::Model]) -> Option<&case_plan_versions::Model> {
    versions.iter().rev().find(|v| v.status == PLAN_AGREED)
}

/// Where each action of case `case_id` stands, by action id (actions
/// without a row are `planned`).
pub async fn statuses_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    case_id: Uuid,
) -> StoreResult<HashMap<Uuid, case_action_statuses::Model>> {
    Ok(scoped::<case_action_statuses::Entity>(actor)
        .filter(case_action_statuses::Column::CaseId.eq(case_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.action_id, s))
        .collect())
}

/// A status to record.
#[derive(Debug, Clone)]
pub struct StatusChange {
    /// The municipality.
    pub municipality_id: Uuid,
    /// The case.
    pub case_id: Uuid,
    /// The action.
    pub action_id: Uuid,
    /// Its status code.
    pub status: String,
    /// Why.
    pub reason: Option<String>,
    /// On which day.
    pub changed_on: Date,
    /// By whom.
    pub changed_by: Uuid,
}

/// Records where an action stands: updates its row (bumping the version)
/// or inserts the first one. Two first statuses of one action written at
/// once: the primary key refuses the second ([`StoreError::StaleVersion`]).
pub async fn set_status<C: ConnectionTrait>(db: &C, change: StatusChange) -> StoreResult<()> {
    use case_action_statuses::Column as C;
    let updated = case_action_statuses::Entity::update_many()
        .col_expr(C::Status, Expr::value(change.status.clone()))
        .col_expr(C::Reason, Expr::value(change.reason.clone()))
        .col_expr(C::ChangedOn, Expr::value(change.changed_on))
        .col_expr(C::ChangedBy, Expr::value(change.changed_by))
        .col_expr(C::Version, Expr::col(C::Version).add(1))
        .filter(C::MunicipalityId.eq(change.municipality_id))
        .filter(C::CaseId.eq(change.case_id))
        .filter(C::ActionId.eq(change.action_id))
        .exec(db)
        .await?;
    if updated.rows_affected > 0 {
        return Ok(());
    }
    let row = case_action_statuses::ActiveModel {
        case_id: Set(change.case_id),
        action_id: Set(change.action_id),
        municipality_id: Set(change.municipality_id),
        status: Set(change.status),
        reason: Set(change.reason),
        changed_on: Set(change.changed_on),
        changed_by: Set(change.changed_by),
        version: Set(1),
    };
    match case_action_statuses::Entity::insert(row).exec(db).await {
        Ok(_) => Ok(()),
        Err(e) if super::is_unique_violation(&e) => Err(StoreError::StaleVersion),
        Err(e) => Err(e.into()),
    }
}

/// The reviews of case `case_id` in the actor's scope, newest first.
pub async fn reviews_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    case_id: Uuid,
) -> StoreResult<Vec<case_reviews::Model>> {
    Ok(scoped::<case_reviews::Entity>(actor)
        .filter(case_reviews::Column::CaseId.eq(case_id))
        .order_by_desc(case_reviews::Column::ReviewedOn)
        .order_by_desc(case_reviews::Column::CreatedAt)
        .all(db)
        .await?)
}

/// What review `review` recorded.
pub fn review_content(review: &case_reviews::Model) -> StoreResult<StoredReview> {
    decode("case review", review.goals.clone())
}
