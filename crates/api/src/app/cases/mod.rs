//! Case management (atvejo vadyba): opening a case (R-CM-1), assigning its
//! team, the case list with what is due next, and the case's file. The
//! sub-records (assessments, meetings, the plan, reviews, the journal) have
//! their own modules beside this one and share [`open_for_work`].
//!
//! Permissions: reading needs `ReadCases` (case managers and family social
//! workers see their own cases, the head of the case managers' unit and the
//! division head every case of the municipality); opening `OpenCases`;
//! assigning `AssignCases`; working on a case `WorkCases`. Each is checked
//! before anything is looked up. A case outside the reader's scope answers
//! 404, and lists and counts never include it.

pub mod assessments;
pub mod candidates;
pub mod caseloads;
pub mod edit;
pub mod journal;
pub mod meetings;
pub mod plan;
pub mod plan_pdf;
pub mod referrals;
pub mod reviews;
pub mod timeline;
pub mod views;

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::read;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode, FieldError};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::cases::{self as repo, CaseQuery, ROLE_CASE_MANAGER, ROLE_SOCIAL_WORKER};
use crate::store::entities::{case_assignments, case_children, cases};
use crate::store::{families, users, versioned};
use atvejis_domain::access::{Permission, Purpose, Role};
use atvejis_domain::cases::{CaseOrigin, CaseRuleError};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use time::Date;
use uuid::Uuid;
pub use views::{CaseSummary, CaseView};

/// The error of a broken case rule, with its stable code.
pub fn rule_error(e: CaseRuleError) -> ApiError {
    let code = match e {
        CaseRuleError::PlanBeforeAssessment => ErrorCode::PlanBeforeAssessment,
        CaseRuleError::EmptyPlan => ErrorCode::PlanEmpty,
        CaseRuleError::Closed => ErrorCode::CaseClosed,
        CaseRuleError::NotAssigned => ErrorCode::CaseNotAssigned,
        CaseRuleError::JournalEditWindowPassed => ErrorCode::JournalEditWindowPassed,
        CaseRuleError::ClosingWithoutReason
        | CaseRuleError::OtherReasonUndescribed
        | CaseRuleError::NotDoneWithoutReason
        | CaseRuleError::RecommendationMissing => ErrorCode::ValidationFailed,
    };
    ApiError::new(code.status(), code, e.to_string())
}

/// The case `id` of the actor's scope, to be worked on in `db`'s
/// transaction: 404 outside the scope, 409 `case_closed` when closed
/// (R-CMP-5: read-only), 409 `case_not_assigned` before its team is
/// assigned (R-CM-1).
pub async fn open_for_work<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<cases::Model> {
    let case = repo::find_scoped(db, actor, id).await?;
    if case.closed_at.is_some() {
        return Err(rule_error(CaseRuleError::Closed));
    }
    if case.assigned_on.is_none() {
        return Err(rule_error(CaseRuleError::NotAssigned));
    }
    Ok(case)
}

/// What opens a case (R-CM-1).
#[derive(Debug, Clone)]
pub struct NewCase {
    /// The family (of the actor's municipality).
    pub family_id: Uuid,
    /// The children concerned: current members of the family.
    pub children: Vec<Uuid>,
    /// Who initiated it.
    pub origin: CaseOrigin,
    /// The notice's or request's date.
    pub notice_date: Date,
    /// The notice's reference number (the child-rights service's).
    pub notice_reference: Option<String>,
    /// Who sent it (the service's unit, the organisation).
    pub referred_by: Option<String>,
    /// Why.
    pub reason: String,
}

/// Checks `new` and opens the case in `uow` (the caller commits): the
/// family must have no open case (409 `case_open_for_family`, also when a
/// concurrent opening wins the unique index), the children must be its
/// current members, and a child-rights notice names its reference. The
/// case keeps the procedure parameters in force today.
pub async fn open_in(uow: &mut UnitOfWork, actor: &Actor, new: NewCase) -> ApiResult<cases::Model> {
    let mut errors = Vec::new();
    let reason = new.reason.trim().to_owned();
    if reason.is_empty() {
        errors.push(FieldError::new(
            "reason",
            FieldCode::Required,
            "say why the case is opened",
        ));
    }
    let reference = new
        .notice_reference
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if new.origin == CaseOrigin::ChildRightsNotice && reference.is_none() {
        errors.push(FieldError::new(
            "notice_reference",
            FieldCode::Required,
            "a child-rights notice has a reference number",
        ));
    }
    let today = uow.today();
    if new.notice_date > today {
        errors.push(FieldError::new(
            "notice_date",
            FieldCode::InFuture,
            "the notice cannot be dated after today",
        ));
    }
    if new.children.is_empty() {
        errors.push(FieldError::new(
            "children",
            FieldCode::Required,
            "name at least one child the case concerns",
        ));
    }
    let family = match families::find_scoped(uow.db(), actor, new.family_id).await {
        Ok(f) => Some(f),
        Err(StoreError::NotFound(_)) => {
            errors.push(FieldError::new(
                "family_id",
                FieldCode::UnknownFamily,
                "no such family in your municipality",
            ));
            None
        }
        Err(e) => return Err(e.into()),
    };
    let mut children: Vec<Uuid> = Vec::with_capacity(new.children.len());
    if let Some(family) = &family {
        let members = families::members_of(uow.db(), family.id).await?;
        for (i, child) in new.children.iter().enumerate() {
            if children.contains(child) {
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
            children.push(*child);
        }
    }
    let Some(family) = family.filter(|_| errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    if repo::open_case_of_family(uow.db(), family.id)
        .await?
        .is_some()
    {
        return Err(open_case_exists());
    }
    let parameters = repo::parameters_in_force(uow.db(), actor.municipality_id, today).await?;
    let number = repo::next_number(uow.db(), actor.municipality_id, today.year()).await?;
    let now = uow.now();
    let id = Uuid::now_v7();
    let row = cases::ActiveModel {
        id: Set(id),
        municipality_id: Set(actor.municipality_id),
        number: Set(number),
        family_id: Set(family.id),
        origin: Set(crate::app::common::serde_code(&new.origin)),
        notice_date: Set(new.notice_date),
        notice_reference: Set(reference),
        referred_by: Set(new
            .referred_by
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())),
        reason: Set(reason),
        opened_on: Set(today),
        opened_at: Set(now),
        opened_by: Set(actor.user_id()),
        opened_by_service: Set(match &actor.principal {
            crate::actor::Principal::Service { id, .. } => Some(*id),
            crate::actor::Principal::User { .. } => None,
        }),
        parameters: Set(json!(parameters)),
        assigned_on: Set(None),
        closed_on: Set(None),
        closed_at: Set(None),
        closing_reason: Set(None),
        closing_note: Set(None),
        closed_by_meeting: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    let case = match cases::Entity::insert(row)
        .exec_with_returning(uow.db())
        .await
    {
        Ok(case) => case,
        Err(e) if crate::store::is_unique_violation(&e) => return Err(open_case_exists()),
        Err(e) => return Err(StoreError::from(e).into()),
    };
    case_children::Entity::insert_many(children.iter().map(|person_id| {
        case_children::ActiveModel {
            case_id: Set(id),
            person_id: Set(*person_id),
        }
    }))
    .exec(uow.db())
    .await
    .map_err(StoreError::from)?;
    uow.audit(
        AuditEvent::new(AuditAction::CaseOpen, "case", id).summary(json!({
            "number": case.number,
            "family_id": family.id,
            "origin": new.origin,
            "children": children,
        })),
    )
    .await?;
    Ok(case)
}

fn open_case_exists() -> ApiError {
    ApiError::conflict(
        ErrorCode::CaseOpenForFamily,
        "the family already has an open case; continue in it",
    )
}

/// Opens a case (R-CM-1) and answers its file.
pub async fn open(state: &AppState, actor: &Actor, new: NewCase) -> ApiResult<CaseView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::OpenCases).await?;
    let case = open_in(&mut uow, actor, new).await?;
    let view = views::case_view(uow.db(), case, uow.today()).await?;
    uow.commit().await?;
    Ok(view)
}

/// A page of the cases the actor sees, with what is due next in each; the
/// read is recorded (how many, never which).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    filter: &CaseQuery,
    page: u64,
    per_page: u64,
) -> ApiResult<(Vec<CaseSummary>, u64)> {
    actor.require(Permission::ReadCases)?;
    read::audited_event(state, actor, purpose, || async {
        let (rows, total) = repo::page(&state.db, actor, filter, page, per_page).await?;
        let items = views::summaries(&state.db, rows, state.clock.today()).await?;
        let event = AuditEvent::new(AuditAction::CaseListRead, "case", Uuid::nil())
            .summary(json!({ "results": items.len(), "total": total }));
        Ok(((items, total), event))
    })
    .await
}

/// The file of case `id`, read for `purpose` and recorded (`case.read`).
pub async fn get(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
) -> ApiResult<CaseView> {
    actor.require(Permission::ReadCases)?;
    read::audited(
        state,
        actor,
        purpose,
        AuditAction::CaseRead,
        "case",
        || async {
            let case = repo::find_scoped(&state.db, actor, id).await?;
            let view = views::case_view(&state.db, case, state.clock.today()).await?;
            Ok((view, id.to_string()))
        },
    )
    .await
}

/// The team to assign.
#[derive(Debug, Clone)]
pub struct Team {
    /// The case manager: a user of the municipality with the role
    /// `case_manager` or `case_management_head`.
    pub case_manager_id: Uuid,
    /// The family's social worker: a user with the role `social_worker`.
    pub social_worker_id: Uuid,
    /// The director's order that assigns them.
    pub order_reference: Option<String>,
    /// The case's version as read.
    pub version: i32,
}

/// Checks that `user_id` is an active user of the municipality holding one
/// of `roles` (422 on `field` otherwise).
async fn team_member<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    field: &'static str,
    user_id: Uuid,
    roles: &[Role],
) -> ApiResult<()> {
    let record = match users::record(db, actor, user_id).await {
        Ok(r) => r,
        Err(StoreError::NotFound(_)) => {
            return Err(ApiError::invalid_field(
                field,
                FieldCode::Invalid,
                "no such user in your municipality",
            ));
        }
        Err(e) => return Err(e.into()),
    };
    if !record.user.active || !record.roles.iter().any(|r| roles.contains(r)) {
        return Err(ApiError::invalid_field(
            field,
            FieldCode::Invalid,
            format!(
                "must be an active user with the role {}",
                roles
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        ));
    }
    Ok(())
}

/// R-CM-1: the head of the case managers' unit assigns a case manager and a
/// family social worker (or replaces them); the first assignment sets the
/// day the R-CMP-2 term runs from. A closed case is not reassigned.
pub async fn assign(state: &AppState, actor: &Actor, id: Uuid, team: Team) -> ApiResult<CaseView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::AssignCases).await?;
    let Some(by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "Cases are assigned by a member of staff.",
        ));
    };
    let case = repo::find_scoped(uow.db(), actor, id).await?;
    if case.closed_at.is_some() {
        return Err(rule_error(CaseRuleError::Closed));
    }
    team_member(
        uow.db(),
        actor,
        "case_manager_id",
        team.case_manager_id,
        &[Role::CaseManager, Role::CaseManagementHead],
    )
    .await?;
    team_member(
        uow.db(),
        actor,
        "social_worker_id",
        team.social_worker_id,
        &[Role::SocialWorker],
    )
    .await?;
    if team.case_manager_id == team.social_worker_id {
        return Err(ApiError::invalid_field(
            "social_worker_id",
            FieldCode::Duplicate,
            "the case manager and the social worker are two people",
        ));
    }
    let now = uow.now();
    let today = uow.today();
    let current = repo::teams_of(uow.db(), &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    let order = team
        .order_reference
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    for (role, user) in [
        (ROLE_CASE_MANAGER, team.case_manager_id),
        (ROLE_SOCIAL_WORKER, team.social_worker_id),
    ] {
        let holder = current.iter().find(|a| a.role == role);
        if holder.is_some_and(|a| a.user_id == user) {
            continue;
        }
        if let Some(previous) = holder {
            case_assignments::Entity::update_many()
                .col_expr(case_assignments::Column::EndedAt, Expr::value(now))
                .filter(case_assignments::Column::Id.eq(previous.id))
                .exec(uow.db())
                .await
                .map_err(StoreError::from)?;
        }
        case_assignments::Entity::insert(case_assignments::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(actor.municipality_id),
            case_id: Set(id),
            user_id: Set(user),
            role: Set(role.to_owned()),
            order_reference: Set(order.clone()),
            assigned_at: Set(now),
            assigned_by: Set(by),
            ended_at: Set(None),
        })
        .exec(uow.db())
        .await
        .map_err(StoreError::from)?;
    }
    let assigned_on = case.assigned_on.unwrap_or(today);
    versioned::expect_one(
        versioned::update::<cases::Entity>(actor, id, team.version, now)
            .col_expr(cases::Column::AssignedOn, Expr::value(assigned_on))
            .exec(uow.db())
            .await
            .map_err(StoreError::from)?,
    )?;
    uow.audit(
        AuditEvent::new(AuditAction::CaseAssign, "case", id).summary(json!({
            "case_manager_id": team.case_manager_id,
            "social_worker_id": team.social_worker_id,
            "order_reference": order,
        })),
    )
    .await?;
    let case = repo::find_scoped(uow.db(), actor, id).await?;
    let view = views::case_view(uow.db(), case, today).await?;
    uow.commit().await?;
    Ok(view)
}
