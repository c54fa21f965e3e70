//! The help plan (kompleksinės pagalbos planas, R-CMP-3): goals, each with
//! actions (what, who is responsible, by when, where it stands). The plan is
//! versioned: the case team edits one draft (the full content each time,
//! with the version check), a case meeting agrees it (the meetings module),
//! and every version stays readable with what changed from the one before.
//! Goals and actions keep their ids across versions, so an action's status
//! (`case_action_statuses`) follows it into the next version.
//!
//! Reading needs `ReadCases` and is recorded (`case.read`); writing needs
//! `WorkCases` on a case that is assigned and not closed
//! ([`super::open_for_work`]).

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::applications::views::{PersonRef, StaffRef, person_ref, staff_ref};
use crate::app::common::serde_code;
use crate::app::read;
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::applications::staff_names;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::case_plans::{
    self as repo, StatusChange, StoredAction, StoredActionUpdate, StoredGoal, agreed_of, draft_of,
    goals_of,
};
use crate::store::cases::{self as cases_repo, PLAN_DRAFT, decode_code};
use crate::store::entities::{case_action_statuses, case_plan_versions, cases, persons};
use crate::store::{families, users, versioned};
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::cases::{
    ActionStatus, PlanActionContent, PlanChangeKind, PlanGoalContent, Responsible,
    check_action_status, diff_plans,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Where a version of the plan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Being prepared; the case team edits it.
    Draft,
    /// Agreed by a case meeting (R-CMP-3); read-only.
    Agreed,
}

/// Who is responsible for an action, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResponsibleKind {
    /// A member of staff of the municipality.
    Staff,
    /// A member of the case's family.
    FamilyMember,
    /// An outside organisation.
    Organisation,
}

/// Who is responsible for an action.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ResponsibleView {
    /// The kind.
    pub kind: ResponsibleKind,
    /// The member of staff (`staff`).
    pub user: Option<StaffRef>,
    /// The family member (`family_member`).
    pub person: Option<PersonRef>,
    /// The organisation's name (`organisation`).
    pub organisation: Option<String>,
}

/// An action of the plan.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActionView {
    /// Id, stable across versions.
    pub id: Uuid,
    /// What is to be done.
    pub what: String,
    /// Who is responsible.
    pub responsible: ResponsibleView,
    /// By when.
    pub due_on: Date,
    /// Where it stands (`planned` until someone says otherwise).
    pub status: ActionStatus,
    /// Why it was not done (or a note on its status).
    pub status_reason: Option<String>,
    /// Still pending and its day has passed.
    pub overdue: bool,
}

/// A goal of the plan.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct GoalView {
    /// Id, stable across versions.
    pub id: Uuid,
    /// The goal.
    pub title: String,
    /// Its actions.
    pub actions: Vec<ActionView>,
}

/// A version of the plan.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PlanVersionView {
    /// Id.
    pub id: Uuid,
    /// 1, 2, …
    pub number: i32,
    /// Draft or agreed.
    pub status: PlanStatus,
    /// The day the meeting agreed it.
    pub agreed_on: Option<Date>,
    /// The meeting that agreed it.
    pub meeting_id: Option<Uuid>,
    /// Its goals.
    pub goals: Vec<GoalView>,
    /// Who wrote it.
    pub created_by: StaffRef,
    /// When it was first saved.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Send back to change the draft.
    pub version: i32,
}

/// A version in the list of versions.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PlanVersionRef {
    /// 1, 2, …
    pub number: i32,
    /// Draft or agreed.
    pub status: PlanStatus,
    /// The day the meeting agreed it.
    pub agreed_on: Option<Date>,
}

/// A case's plan: the version in force, the draft being prepared, and all
/// versions.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PlanView {
    /// The latest agreed version (the plan in force).
    pub agreed: Option<PlanVersionView>,
    /// The draft, if one is being prepared.
    pub draft: Option<PlanVersionView>,
    /// Every version, newest first.
    pub versions: Vec<PlanVersionRef>,
}

/// One change from the previous version.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PlanChangeView {
    /// What changed.
    pub kind: PlanChangeKind,
    /// The goal.
    pub goal_id: Uuid,
    /// The action, for changes of actions.
    pub action_id: Option<Uuid>,
    /// The goal's title (as in this version, or the previous one if removed).
    pub goal_title: String,
    /// What the action is (likewise).
    pub action_what: Option<String>,
}

/// A version with what changed from the previous one.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PlanVersionDetail {
    /// The version.
    #[serde(flatten)]
    pub version: PlanVersionView,
    /// What changed from the previous version (everything is added in the
    /// first).
    pub changes: Vec<PlanChangeView>,
}

/// Who is responsible, as sent.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct ResponsibleInput {
    /// The kind.
    pub kind: ResponsibleKind,
    /// `staff`: an active user of the municipality.
    pub user_id: Option<Uuid>,
    /// `family_member`: a current member of the case's family.
    pub person_id: Option<Uuid>,
    /// `organisation`: its name.
    #[validate(length(max = 300))]
    pub organisation: Option<String>,
}

/// An action, as sent.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct ActionInput {
    /// The id of the action in an earlier version; none for a new action.
    pub id: Option<Uuid>,
    /// What is to be done.
    #[validate(length(max = 2000))]
    pub what: String,
    /// Who is responsible (required).
    #[validate(nested)]
    pub responsible: Option<ResponsibleInput>,
    /// By when.
    pub due_on: Date,
}

/// A goal, as sent.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct GoalInput {
    /// The id of the goal in an earlier version; none for a new goal.
    pub id: Option<Uuid>,
    /// The goal.
    #[validate(length(max = 1000))]
    pub title: String,
    /// Its actions.
    #[validate(length(max = 50), nested)]
    pub actions: Vec<ActionInput>,
}

/// The draft's full content.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct PlanInput {
    /// The goals, in order.
    #[validate(length(max = 50), nested)]
    pub goals: Vec<GoalInput>,
    /// The draft's `version` as read; absent when no draft exists (a new
    /// draft is created).
    pub version: Option<i32>,
}

/// What the views of a case's plan name, loaded once: staff names, the
/// family members, where the actions stand, and the day for `overdue`.
struct Lookup {
    names: HashMap<Uuid, String>,
    people: HashMap<Uuid, persons::Model>,
    statuses: HashMap<Uuid, case_action_statuses::Model>,
    today: Option<Date>,
}

impl Lookup {
    /// For `versions` of case `case_id` (three queries).
    async fn load<C: ConnectionTrait>(
        db: &C,
        actor: &Actor,
        case_id: Uuid,
        actions: &[&StoredAction],
        created_by: &[Uuid],
        today: Option<Date>,
    ) -> ApiResult<Lookup> {
        let mut staff: Vec<Uuid> = created_by.to_vec();
        let mut people: Vec<Uuid> = Vec::new();
        for action in actions {
            match &action.responsible {
                Responsible::Staff { user_id } => staff.push(*user_id),
                Responsible::FamilyMember { person_id } => people.push(*person_id),
                Responsible::Organisation { .. } => {}
            }
        }
        let names = staff_names(db, staff).await?;
        let people = if people.is_empty() {
            HashMap::new()
        } else {
            persons::Entity::find()
                .filter(persons::Column::MunicipalityId.eq(actor.municipality_id))
                .filter(persons::Column::Id.is_in(people))
                .all(db)
                .await
                .map_err(StoreError::from)?
                .into_iter()
                .map(|p| (p.id, p))
                .collect()
        };
        let statuses = repo::statuses_of(db, actor, case_id).await?;
        Ok(Lookup {
            names,
            people,
            statuses,
            today,
        })
    }

    fn action(&self, action: &StoredAction) -> ApiResult<ActionView> {
        let (status, reason) = match self.statuses.get(&action.id) {
            Some(s) => (decode_code("case action", &s.status)?, s.reason.clone()),
            None => (ActionStatus::Planned, None),
        };
        let responsible = match &action.responsible {
            Responsible::Staff { user_id } => ResponsibleView {
                kind: ResponsibleKind::Staff,
                user: Some(staff_ref(&self.names, *user_id)),
                person: None,
                organisation: None,
            },
            Responsible::FamilyMember { person_id } => ResponsibleView {
                kind: ResponsibleKind::FamilyMember,
                user: None,
                person: self.people.get(person_id).map(person_ref),
                organisation: None,
            },
            Responsible::Organisation { name } => ResponsibleView {
                kind: ResponsibleKind::Organisation,
                user: None,
                person: None,
                organisation: Some(name.clone()),
            },
        };
        Ok(ActionView {
            id: action.id,
            what: action.what.clone(),
            responsible,
            due_on: action.due_on,
            status,
            status_reason: reason,
            overdue: self
                .today
                .is_some_and(|today| status.is_pending() && action.due_on < today),
        })
    }

    fn version(
        &self,
        row: &case_plan_versions::Model,
        goals: &[StoredGoal],
    ) -> ApiResult<PlanVersionView> {
        Ok(PlanVersionView {
            id: row.id,
            number: row.number,
            status: plan_status(row)?,
            agreed_on: row.agreed_on,
            meeting_id: row.agreed_at_meeting,
            goals: goals
                .iter()
                .map(|g| {
                    Ok(GoalView {
                        id: g.id,
                        title: g.title.clone(),
                        actions: g
                            .actions
                            .iter()
                            .map(|a| self.action(a))
                            .collect::<ApiResult<_>>()?,
                    })
                })
                .collect::<ApiResult<_>>()?,
            created_by: staff_ref(&self.names, row.created_by),
            created_at: row.created_at,
            version: row.version,
        })
    }
}

fn plan_status(row: &case_plan_versions::Model) -> ApiResult<PlanStatus> {
    Ok(decode_code("case plan", &row.status)?)
}

/// The views of `rows` of case `case_id` (`today` for `overdue`; none: all
/// false).
async fn version_views<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    case_id: Uuid,
    rows: &[&case_plan_versions::Model],
    today: Option<Date>,
) -> ApiResult<Vec<PlanVersionView>> {
    let goals: Vec<Vec<StoredGoal>> = rows.iter().map(|r| goals_of(r)).collect::<Result<_, _>>()?;
    let actions: Vec<&StoredAction> = goals.iter().flatten().flat_map(|g| &g.actions).collect();
    let created_by: Vec<Uuid> = rows.iter().map(|r| r.created_by).collect();
    let lookup = Lookup::load(db, actor, case_id, &actions, &created_by, today).await?;
    rows.iter()
        .zip(&goals)
        .map(|(row, goals)| lookup.version(row, goals))
        .collect()
}

/// The plan of `case` as `actor` reads it on `today`.
async fn plan_view<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    case_id: Uuid,
    today: Date,
) -> ApiResult<PlanView> {
    let versions = repo::versions_of(db, actor, case_id).await?;
    let shown: Vec<&case_plan_versions::Model> = agreed_of(&versions)
        .into_iter()
        .chain(draft_of(&versions))
        .collect();
    let mut views = version_views(db, actor, case_id, &shown, Some(today))
        .await?
        .into_iter();
    let agreed = if agreed_of(&versions).is_some() {
        views.next()
    } else {
        None
    };
    let draft = views.next();
    Ok(PlanView {
        agreed,
        draft,
        versions: versions
            .iter()
            .rev()
            .map(|v| {
                Ok(PlanVersionRef {
                    number: v.number,
                    status: plan_status(v)?,
                    agreed_on: v.agreed_on,
                })
            })
            .collect::<ApiResult<_>>()?,
    })
}

/// The plan of case `case_id`, read for `purpose` and recorded (`case.read`).
pub async fn get(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    case_id: Uuid,
) -> ApiResult<PlanView> {
    actor.require(Permission::ReadCases)?;
    read::audited(
        state,
        actor,
        purpose,
        AuditAction::CaseRead,
        "case",
        || async {
            let case = cases_repo::find_scoped(&state.db, actor, case_id).await?;
            let view = plan_view(&state.db, actor, case.id, state.clock.today()).await?;
            Ok((view, case_id.to_string()))
        },
    )
    .await
}

/// Version `number` of case `case_id`'s plan in the actor's scope (404 for
/// a case or a version outside it), for the printed plan the family signs.
/// A printed plan shows no day's state: every `overdue` is false. The
/// caller checks the permission and records the read.
pub async fn version_view<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    case_id: Uuid,
    number: i32,
) -> ApiResult<PlanVersionView> {
    let (version, _) = version_and_previous(db, actor, case_id, number).await?;
    version_views(db, actor, case_id, &[&version], None)
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found("No such version of the plan."))
}

/// Version `number` of the case's plan and the one before it.
async fn version_and_previous<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    case_id: Uuid,
    number: i32,
) -> ApiResult<(case_plan_versions::Model, Option<case_plan_versions::Model>)> {
    let case = cases_repo::find_scoped(db, actor, case_id).await?;
    let versions = repo::versions_of(db, actor, case.id).await?;
    let Some(at) = versions.iter().position(|v| v.number == number) else {
        return Err(ApiError::not_found("No such version of the plan."));
    };
    let previous = at.checked_sub(1).and_then(|i| versions.get(i)).cloned();
    Ok((versions[at].clone(), previous))
}

fn content(goals: &[StoredGoal]) -> Vec<PlanGoalContent<Uuid, Uuid, Uuid>> {
    goals
        .iter()
        .map(|g| PlanGoalContent {
            id: g.id,
            title: g.title.clone(),
            actions: g
                .actions
                .iter()
                .map(|a| PlanActionContent {
                    id: a.id,
                    what: a.what.clone(),
                    responsible: a.responsible.clone(),
                    due_on: a.due_on,
                })
                .collect(),
        })
        .collect()
}

/// R-CMP-3: what changed from `old` to `new`, with the titles to show.
fn changes(old: &[StoredGoal], new: &[StoredGoal]) -> Vec<PlanChangeView> {
    let find_goal = |id: Uuid| {
        new.iter()
            .find(|g| g.id == id)
            .or_else(|| old.iter().find(|g| g.id == id))
    };
    let find_action = |goal: Uuid, action: Uuid| {
        [new, old].into_iter().find_map(|goals| {
            goals
                .iter()
                .find(|g| g.id == goal)
                .and_then(|g| g.actions.iter().find(|a| a.id == action))
        })
    };
    diff_plans(&content(old), &content(new))
        .into_iter()
        .map(|c| PlanChangeView {
            kind: c.kind,
            goal_id: c.goal_id,
            action_id: c.action_id,
            goal_title: find_goal(c.goal_id)
                .map(|g| g.title.clone())
                .unwrap_or_default(),
            action_what: c
                .action_id
                .and_then(|a| find_action(c.goal_id, a))
                .map(|a| a.what.clone()),
        })
        .collect()
}

/// Version `number` of the plan of case `case_id` with what changed from
/// the previous version, read for `purpose` and recorded (`case.read`).
pub async fn get_version(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    case_id: Uuid,
    number: i32,
) -> ApiResult<PlanVersionDetail> {
    actor.require(Permission::ReadCases)?;
    read::audited(
        state,
        actor,
        purpose,
        AuditAction::CaseRead,
        "case",
        || async {
            let db = &state.db;
            let (version, previous) = version_and_previous(db, actor, case_id, number).await?;
            let old = previous
                .as_ref()
                .map(goals_of)
                .transpose()?
                .unwrap_or_default();
            let new = goals_of(&version)?;
            let view = version_views(db, actor, case_id, &[&version], Some(state.clock.today()))
                .await?
                .pop()
                .ok_or_else(|| ApiError::not_found("No such version of the plan."))?;
            Ok((
                PlanVersionDetail {
                    version: view,
                    changes: changes(&old, &new),
                },
                case_id.to_string(),
            ))
        },
    )
    .await
}

/// Trimmed text, or a `required` error on `field`.
fn required_text(
    text: &str,
    field: impl Into<String>,
    message: &str,
    errors: &mut Vec<FieldError>,
) -> String {
    let text = text.trim().to_owned();
    if text.is_empty() {
        errors.push(FieldError::new(field, FieldCode::Required, message));
    }
    text
}

/// The id sent for a goal or an action: one of `known` (the ids of the
/// case's earlier versions), used once; a new id when none is sent.
fn stable_id(
    sent: Option<Uuid>,
    known: &HashSet<Uuid>,
    used: &mut HashSet<Uuid>,
    field: String,
    errors: &mut Vec<FieldError>,
) -> Uuid {
    let Some(id) = sent else {
        return Uuid::now_v7();
    };
    if !known.contains(&id) {
        errors.push(FieldError::new(
            field,
            FieldCode::Invalid,
            "is not the id of an earlier version's goal or action; leave it out for a new one",
        ));
    } else if !used.insert(id) {
        errors.push(FieldError::new(
            field,
            FieldCode::Duplicate,
            "is used twice",
        ));
    }
    id
}

/// R-CMP-3: the responsible of an action, checked: a staff member is an
/// active user of the municipality, a family member a current member of the
/// case's family, an organisation has a name. Errors name `field`.
async fn responsible<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    sent: Option<&ResponsibleInput>,
    members: &[Uuid],
    field: &str,
    errors: &mut Vec<FieldError>,
) -> ApiResult<Option<Responsible<Uuid, Uuid>>> {
    let mut fail = |code, message: &str| {
        errors.push(FieldError::new(field, code, message));
        Ok(None)
    };
    let Some(sent) = sent else {
        return fail(
            FieldCode::Required,
            "say who is responsible: a member of staff, a family member or an organisation",
        );
    };
    match sent.kind {
        ResponsibleKind::Staff => {
            let Some(user_id) = sent.user_id else {
                return fail(FieldCode::Required, "choose the member of staff");
            };
            match users::find_scoped(db, actor, user_id).await {
                Ok(user) if user.active => Ok(Some(Responsible::Staff { user_id })),
                Ok(_) => fail(FieldCode::Invalid, "the user is deactivated"),
                Err(StoreError::NotFound(_)) => {
                    fail(FieldCode::Invalid, "no such user in your municipality")
                }
                Err(e) => Err(e.into()),
            }
        }
        ResponsibleKind::FamilyMember => {
            let Some(person_id) = sent.person_id else {
                return fail(FieldCode::Required, "choose the family member");
            };
            if members.contains(&person_id) {
                Ok(Some(Responsible::FamilyMember { person_id }))
            } else {
                fail(
                    FieldCode::NotAMember,
                    "is not a current member of the case's family",
                )
            }
        }
        ResponsibleKind::Organisation => {
            let name = sent.organisation.as_deref().map(str::trim).unwrap_or("");
            if name.is_empty() {
                fail(FieldCode::Required, "name the organisation")
            } else {
                Ok(Some(Responsible::Organisation {
                    name: name.to_owned(),
                }))
            }
        }
    }
}

/// R-CMP-3: the content of a draft, checked (every error at once, 422).
async fn check_content<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    case: &cases::Model,
    goals: &[GoalInput],
    earlier: &[case_plan_versions::Model],
) -> ApiResult<Vec<StoredGoal>> {
    let mut known_goals = HashSet::new();
    let mut known_actions = HashSet::new();
    for version in earlier {
        for goal in goals_of(version)? {
            known_goals.insert(goal.id);
            known_actions.extend(goal.actions.iter().map(|a| a.id));
        }
    }
    let members: Vec<Uuid> = families::members_of(db, case.family_id)
        .await?
        .into_iter()
        .map(|m| m.person.id)
        .collect();
    let mut errors = Vec::new();
    let mut used = HashSet::new();
    let mut stored = Vec::with_capacity(goals.len());
    for (i, goal) in goals.iter().enumerate() {
        let id = stable_id(
            goal.id,
            &known_goals,
            &mut used,
            format!("goals[{i}].id"),
            &mut errors,
        );
        let title = required_text(
            &goal.title,
            format!("goals[{i}].title"),
            "name the goal",
            &mut errors,
        );
        let mut actions = Vec::with_capacity(goal.actions.len());
        for (j, action) in goal.actions.iter().enumerate() {
            let at = format!("goals[{i}].actions[{j}]");
            let action_id = stable_id(
                action.id,
                &known_actions,
                &mut used,
                format!("{at}.id"),
                &mut errors,
            );
            let what = required_text(
                &action.what,
                format!("{at}.what"),
                "say what is to be done",
                &mut errors,
            );
            let who = responsible(
                db,
                actor,
                action.responsible.as_ref(),
                &members,
                &format!("{at}.responsible"),
                &mut errors,
            )
            .await?;
            if let Some(responsible) = who {
                actions.push(StoredAction {
                    id: action_id,
                    what,
                    responsible,
                    due_on: action.due_on,
                });
            }
        }
        stored.push(StoredGoal { id, title, actions });
    }
    if errors.is_empty() {
        Ok(stored)
    } else {
        Err(ApiError::validation(errors))
    }
}

/// R-CMP-3: saves the draft of case `case_id`'s plan with `input`'s full
/// content. Without a draft it creates one (number = the last + 1;
/// `version` must be absent); with one it replaces its goals when `version`
/// is the draft's (409 `version_conflict` otherwise: a stale plan). Goal and
/// action ids are those of earlier versions or new.
pub async fn save_draft(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    input: PlanInput,
) -> ApiResult<PlanVersionView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WorkCases).await?;
    let Some(by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "A plan is written by a member of staff.",
        ));
    };
    let case = super::open_for_work(uow.db(), actor, case_id).await?;
    let versions = repo::versions_of(uow.db(), actor, case.id).await?;
    let goals = check_content(uow.db(), actor, &case, &input.goals, &versions).await?;
    let now = uow.now();
    let stored = json!(goals);
    let (id, number, created) = match (draft_of(&versions), input.version) {
        (None, None) => {
            let id = Uuid::now_v7();
            let number = versions.last().map_or(1, |v| v.number + 1);
            let row = case_plan_versions::ActiveModel {
                id: Set(id),
                municipality_id: Set(actor.municipality_id),
                case_id: Set(case.id),
                number: Set(number),
                goals: Set(stored),
                status: Set(PLAN_DRAFT.to_owned()),
                agreed_on: Set(None),
                agreed_at_meeting: Set(None),
                created_by: Set(by),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
            };
            match case_plan_versions::Entity::insert(row).exec(uow.db()).await {
                Ok(_) => {}
                // Another draft was created meanwhile.
                Err(e) if crate::store::is_unique_violation(&e) => {
                    return Err(ApiError::stale_version());
                }
                Err(e) => return Err(StoreError::from(e).into()),
            }
            (id, number, true)
        }
        (Some(draft), Some(version)) => {
            versioned::expect_one(
                versioned::update::<case_plan_versions::Entity>(actor, draft.id, version, now)
                    .col_expr(case_plan_versions::Column::Goals, Expr::value(stored))
                    .filter(case_plan_versions::Column::Status.eq(PLAN_DRAFT))
                    .exec(uow.db())
                    .await
                    .map_err(StoreError::from)?,
            )?;
            (draft.id, draft.number, false)
        }
        // A draft was created, or agreed, since the client read the plan.
        (Some(_), None) | (None, Some(_)) => return Err(ApiError::stale_version()),
    };
    uow.audit(
        AuditEvent::new(AuditAction::CasePlanUpdate, "case", case.id).summary(json!({
            "plan_version": number,
            "created": created,
            "goals": goals.len(),
            "actions": goals.iter().map(|g| g.actions.len()).sum::<usize>(),
        })),
    )
    .await?;
    let row = repo::versions_of(uow.db(), actor, case.id)
        .await?
        .into_iter()
        .find(|v| v.id == id)
        .ok_or_else(|| ApiError::internal("the saved draft is gone"))?;
    let view = version_views(uow.db(), actor, case.id, &[&row], Some(uow.today()))
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("no view of the saved draft"))?;
    uow.commit().await?;
    Ok(view)
}

/// The actions of the latest agreed version of the case's plan (none
/// without an agreed version).
pub(super) async fn agreed_actions<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    case_id: Uuid,
) -> ApiResult<Option<(case_plan_versions::Model, Vec<StoredGoal>)>> {
    let versions = repo::versions_of(db, actor, case_id).await?;
    let Some(agreed) = agreed_of(&versions) else {
        return Ok(None);
    };
    let goals = goals_of(agreed)?;
    Ok(Some((agreed.clone(), goals)))
}

/// R-CMP-3: where an action stands, checked: `not_done` needs a reason
/// (422 on `field`). The reason is trimmed; empty is none.
pub(super) fn checked_status(
    status: ActionStatus,
    reason: Option<&str>,
    field: String,
) -> Result<Option<String>, FieldError> {
    check_action_status(status, reason)
        .map_err(|e| FieldError::new(field, FieldCode::Required, e.to_string()))?;
    Ok(reason
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned))
}

/// Records where action `update.action_id` of case `case_id` stands, on
/// `on`.
pub(super) async fn record_status<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    by: Uuid,
    case_id: Uuid,
    update: &StoredActionUpdate,
    on: Date,
) -> ApiResult<()> {
    repo::set_status(
        db,
        StatusChange {
            municipality_id: actor.municipality_id,
            case_id,
            action_id: update.action_id,
            status: serde_code(&update.status),
            reason: update.reason.clone(),
            changed_on: on,
            changed_by: by,
        },
    )
    .await?;
    Ok(())
}

/// R-CMP-3: records where action `action_id` of the agreed plan of case
/// `case_id` stands (404 when it is not an action of the latest agreed
/// version; `not_done` needs a reason, 422).
pub async fn set_action_status(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    action_id: Uuid,
    status: ActionStatus,
    reason: Option<String>,
) -> ApiResult<ActionView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WorkCases).await?;
    let Some(by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "Actions are updated by a member of staff.",
        ));
    };
    let case = super::open_for_work(uow.db(), actor, case_id).await?;
    let no_action = || ApiError::not_found("No such action in the agreed plan.");
    let (_, goals) = agreed_actions(uow.db(), actor, case.id)
        .await?
        .ok_or_else(no_action)?;
    let action = goals
        .iter()
        .flat_map(|g| &g.actions)
        .find(|a| a.id == action_id)
        .cloned()
        .ok_or_else(no_action)?;
    let reason = checked_status(status, reason.as_deref(), "reason".to_owned())
        .map_err(|e| ApiError::validation(vec![e]))?;
    let today = uow.today();
    let update = StoredActionUpdate {
        action_id,
        status,
        reason: reason.clone(),
    };
    record_status(uow.db(), actor, by, case.id, &update, today).await?;
    uow.audit(
        AuditEvent::new(AuditAction::CaseActionStatus, "case", case.id).summary(json!({
            "action_id": action_id,
            "status": status,
            "reason": reason,
        })),
    )
    .await?;
    let lookup = Lookup::load(uow.db(), actor, case.id, &[&action], &[], Some(today)).await?;
    let view = lookup.action(&action)?;
    uow.commit().await?;
    Ok(view)
}
