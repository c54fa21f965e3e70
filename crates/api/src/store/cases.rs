//! The cases repository (atvejo vadyba): scoped finders, the procedure
//! parameters in force, case numbers, the team, the children, and the
//! batched loaders of what the work lists show (each a fixed number of
//! queries for a page of cases).
//!
//! Every read of a case or its records goes through [`scoped`], which adds
//! the actor's municipality and, for those who see only the cases assigned
//! to them, the current assignments ([`crate::store::scope`]): a case outside
//! that scope is indistinguishable from a missing one.

use crate::actor::Actor;
use crate::store::entities::{
    case_action_statuses, case_assessments, case_assignments, case_children, case_meetings,
    case_plan_versions, case_reviews, cases, persons, procedure_parameters,
};
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::scoped;
use atvejis_domain::cases::{ActionStatus, CaseProgress, ProcedureParameters};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use time::Date;
use uuid::Uuid;

/// The role of a member of a case's team.
pub const ROLE_CASE_MANAGER: &str = "case_manager";
/// The role of the family's social worker in a case's team.
pub const ROLE_SOCIAL_WORKER: &str = "social_worker";
/// A plan version not yet agreed.
pub const PLAN_DRAFT: &str = "draft";
/// A plan version agreed by a meeting.
pub const PLAN_AGREED: &str = "agreed";

/// A stored code (`snake_case`) or JSON read back into its type.
pub fn decode<T: DeserializeOwned>(
    entity: &'static str,
    value: serde_json::Value,
) -> StoreResult<T> {
    serde_json::from_value(value).map_err(|e| StoreError::corrupt(entity, e))
}

/// A stored `snake_case` code read back into its enum.
pub fn decode_code<T: DeserializeOwned>(entity: &'static str, code: &str) -> StoreResult<T> {
    decode(entity, serde_json::Value::String(code.to_owned()))
}

/// The case `id` within the actor's scope.
///
/// MUST return [`StoreError::NotFound`] when the case does not exist, is of
/// another municipality, or (for those who see only their cases) is not
/// assigned to the actor.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<cases::Model> {
    scoped::<cases::Entity>(actor)
        .filter(cases::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("case"))
}

/// The procedure parameters of `municipality_id` in force on `on`: the
/// latest set from a day not after it, else the product defaults (R-CMP-1,
/// -2, -4).
pub async fn parameters_in_force<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    on: Date,
) -> StoreResult<ProcedureParameters> {
    use procedure_parameters::Column as C;
    let row = procedure_parameters::Entity::find()
        .filter(C::MunicipalityId.eq(municipality_id))
        .filter(C::ValidFrom.lte(on))
        .order_by_desc(C::ValidFrom)
        .one(db)
        .await?;
    Ok(row.map_or_else(ProcedureParameters::default, |r| parameters_of(&r)))
}

/// The parameters of a stored row.
pub fn parameters_of(row: &procedure_parameters::Model) -> ProcedureParameters {
    let days = |v: i32| u32::try_from(v).unwrap_or(0);
    ProcedureParameters {
        assignment_working_days: days(row.assignment_working_days),
        first_meeting_working_days: days(row.first_meeting_working_days),
        review_interval_months: days(row.review_interval_months),
    }
}

/// The parameters a case keeps (those in force when it was opened).
pub fn case_parameters(case: &cases::Model) -> StoreResult<ProcedureParameters> {
    decode("case", case.parameters.clone())
}

/// The next case number of the municipality for `year`: `AV-2026-0001`, …
/// Two cases opened at once may compute the same number; the unique index
/// refuses the second (the caller answers 409 and the client retries).
pub async fn next_number<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    year: i32,
) -> StoreResult<String> {
    let prefix = format!("AV-{year}-");
    let last = cases::Entity::find()
        .filter(cases::Column::MunicipalityId.eq(municipality_id))
        .filter(cases::Column::Number.starts_with(prefix.as_str()))
        .order_by_desc(cases::Column::Number)
        .one(db)
        .await?;
    let next = last
        .and_then(|c| c.number[prefix.len()..].parse::<u32>().ok())
        .unwrap_or(0)
        + 1;
    Ok(format!("{prefix}{next:04}"))
}

/// The open case of `family_id`, if any (at most one: a unique index).
pub async fn open_case_of_family<C: ConnectionTrait>(
    db: &C,
    family_id: Uuid,
) -> StoreResult<Option<cases::Model>> {
    Ok(cases::Entity::find()
        .filter(cases::Column::FamilyId.eq(family_id))
        .filter(cases::Column::ClosedAt.is_null())
        .one(db)
        .await?)
}

/// Every case of `family_id` (open and closed), oldest first: a family's
/// earlier cases are shown in a new one. Only called for a case the actor
/// may read.
pub async fn cases_of_family<C: ConnectionTrait>(
    db: &C,
    family_id: Uuid,
) -> StoreResult<Vec<cases::Model>> {
    Ok(cases::Entity::find()
        .filter(cases::Column::FamilyId.eq(family_id))
        .order_by_asc(cases::Column::OpenedAt)
        .all(db)
        .await?)
}

/// The children of each of `case_ids`, in one query.
pub async fn children_of<C: ConnectionTrait>(
    db: &C,
    case_ids: &[Uuid],
) -> StoreResult<HashMap<Uuid, Vec<persons::Model>>> {
    if case_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = case_children::Entity::find()
        .filter(case_children::Column::CaseId.is_in(case_ids.iter().copied()))
        .join(
            sea_orm::JoinType::InnerJoin,
            crate::store::persons::on::<case_children::Entity, persons::Entity>(
                case_children::Column::PersonId,
                persons::Column::Id,
            ),
        )
        .order_by_asc(persons::Column::BirthDate)
        .select_also(persons::Entity)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<persons::Model>> = HashMap::new();
    for (link, person) in rows {
        if let Some(person) = person {
            out.entry(link.case_id).or_default().push(person);
        }
    }
    Ok(out)
}

/// The current team of each of `case_ids` (assignments not ended), in one
/// query.
pub async fn teams_of<C: ConnectionTrait>(
    db: &C,
    case_ids: &[Uuid],
) -> StoreResult<HashMap<Uuid, Vec<case_assignments::Model>>> {
    if case_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = case_assignments::Entity::find()
        .filter(case_assignments::Column::CaseId.is_in(case_ids.iter().copied()))
        .filter(case_assignments::Column::EndedAt.is_null())
        .order_by_asc(case_assignments::Column::AssignedAt)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<case_assignments::Model>> = HashMap::new();
    for row in rows {
        out.entry(row.case_id).or_default().push(row);
    }
    Ok(out)
}

/// An action of an agreed plan, as stored in a plan version's `goals`: what
/// the work lists need of it.
#[derive(Debug, serde::Deserialize)]
struct StoredGoal {
    actions: Vec<StoredAction>,
}

#[derive(Debug, serde::Deserialize)]
struct StoredAction {
    id: Uuid,
    due_on: Date,
}

/// What has happened in each of `cases` as far as its terms are concerned
/// ([`CaseProgress`]): five queries for any number of cases.
pub async fn progress_of<C: ConnectionTrait>(
    db: &C,
    cases: &[cases::Model],
) -> StoreResult<HashMap<Uuid, CaseProgress>> {
    let ids: Vec<Uuid> = cases.iter().map(|c| c.id).collect();
    let mut out: HashMap<Uuid, CaseProgress> = cases
        .iter()
        .map(|c| {
            (
                c.id,
                CaseProgress {
                    opened_on: Some(c.opened_on),
                    assigned_on: c.assigned_on,
                    ..CaseProgress::default()
                },
            )
        })
        .collect();
    if ids.is_empty() {
        return Ok(out);
    }
    let assessed: Vec<Uuid> = case_assessments::Entity::find()
        .select_only()
        .column(case_assessments::Column::CaseId)
        .filter(case_assessments::Column::CaseId.is_in(ids.clone()))
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    for id in assessed {
        if let Some(p) = out.get_mut(&id) {
            p.assessed = true;
        }
    }
    let meetings: Vec<(Uuid, Option<Date>)> = case_meetings::Entity::find()
        .select_only()
        .column(case_meetings::Column::CaseId)
        .column(case_meetings::Column::ReviewOn)
        .filter(case_meetings::Column::CaseId.is_in(ids.clone()))
        .order_by_asc(case_meetings::Column::HeldOn)
        .order_by_asc(case_meetings::Column::CreatedAt)
        .into_tuple()
        .all(db)
        .await?;
    for (id, review_on) in meetings {
        if let Some(p) = out.get_mut(&id) {
            p.met = true;
            if review_on.is_some() {
                p.next_review_set = review_on;
            }
        }
    }
    // The latest agreed version of each case's plan.
    let agreed = case_plan_versions::Entity::find()
        .filter(case_plan_versions::Column::CaseId.is_in(ids.clone()))
        .filter(case_plan_versions::Column::Status.eq(PLAN_AGREED))
        .order_by_asc(case_plan_versions::Column::Number)
        .all(db)
        .await?;
    let mut latest: HashMap<Uuid, case_plan_versions::Model> = HashMap::new();
    for version in agreed {
        latest.insert(version.case_id, version);
    }
    let reviews: Vec<(Uuid, Date, Date)> = case_reviews::Entity::find()
        .select_only()
        .column(case_reviews::Column::CaseId)
        .column(case_reviews::Column::ReviewedOn)
        .column(case_reviews::Column::NextReviewOn)
        .filter(case_reviews::Column::CaseId.is_in(ids.clone()))
        .order_by_asc(case_reviews::Column::ReviewedOn)
        .order_by_asc(case_reviews::Column::CreatedAt)
        .into_tuple()
        .all(db)
        .await?;
    for (id, reviewed_on, next) in reviews {
        if let Some(p) = out.get_mut(&id) {
            p.last_review_on = Some(reviewed_on);
            // A meeting's later review date is kept only if it is later than
            // this review; the review's own next date replaces it otherwise.
            p.next_review_set = Some(match p.next_review_set {
                Some(set) if set > reviewed_on => Ord::min(set, next),
                _ => next,
            });
        }
    }
    let statuses: HashMap<Uuid, String> = case_action_statuses::Entity::find()
        .filter(case_action_statuses::Column::CaseId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.action_id, s.status))
        .collect();
    for (case_id, version) in latest {
        let goals: Vec<StoredGoal> = decode("case plan", version.goals)?;
        if let Some(p) = out.get_mut(&case_id) {
            p.plan_agreed_on = version.agreed_on;
            p.pending_actions = goals
                .iter()
                .flat_map(|g| g.actions.iter())
                .filter(|a| {
                    statuses.get(&a.id).is_none_or(|s| {
                        decode_code::<ActionStatus>("case action", s)
                            .map(ActionStatus::is_pending)
                            .unwrap_or(true)
                    })
                })
                .map(|a| a.due_on)
                .collect();
        }
    }
    Ok(out)
}

/// Which cases a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaseListStatus {
    /// Not closed (waiting for assignment or open).
    Active,
    /// Waiting for a case manager and a family social worker.
    AwaitingAssignment,
    /// Assigned and not closed.
    Open,
    /// Closed.
    Closed,
}

/// Filters of the case list.
#[derive(Debug, Clone, Default)]
pub struct CaseQuery {
    /// By status.
    pub status: Option<CaseListStatus>,
    /// Only the cases whose current team includes this user.
    pub assigned_to: Option<Uuid>,
    /// Only the cases of this family.
    pub family_id: Option<Uuid>,
}

/// A page (from 1) of the cases the actor sees matching `filter`, opened
/// last first, with the total (two queries).
pub async fn page<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    filter: &CaseQuery,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<cases::Model>, u64)> {
    use cases::Column as C;
    let mut query = scoped::<cases::Entity>(actor);
    match filter.status {
        None => {}
        Some(CaseListStatus::Active) => query = query.filter(C::ClosedAt.is_null()),
        Some(CaseListStatus::AwaitingAssignment) => {
            query = query
                .filter(C::ClosedAt.is_null())
                .filter(C::AssignedOn.is_null());
        }
        Some(CaseListStatus::Open) => {
            query = query
                .filter(C::ClosedAt.is_null())
                .filter(C::AssignedOn.is_not_null());
        }
        Some(CaseListStatus::Closed) => query = query.filter(C::ClosedAt.is_not_null()),
    }
    if let Some(family) = filter.family_id {
        query = query.filter(C::FamilyId.eq(family));
    }
    if let Some(user) = filter.assigned_to {
        let team = sea_orm::sea_query::Query::select()
            .column(case_assignments::Column::CaseId)
            .from(case_assignments::Entity)
            .and_where(Expr::col(case_assignments::Column::UserId).eq(user))
            .and_where(Expr::col(case_assignments::Column::EndedAt).is_null())
            .to_owned();
        query = query.filter(C::Id.in_subquery(team));
    }
    let paginator = query
        .order_by_desc(C::OpenedAt)
        .order_by_desc(C::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(crate::store::page_index(page)).await?;
    Ok((rows, total))
}
