//! Case meetings (atvejo nagrinėjimo posėdžiai): who took part, the agenda,
//! the notes, and what the meeting decided — to agree the help plan's draft
//! (R-CM-2, R-CMP-3), to file an SP-8 application for the family (R-CM-4),
//! when to review the plan next (R-CMP-4), or to close the case (R-CMP-5).
//! The meeting and all its decisions are one transaction: a decision that
//! cannot be taken leaves nothing stored, not even the meeting.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::applications::intake::{CaseFiling, CreateApplicationRequest, create_in};
use crate::app::applications::views::{Channel, PersonRef, StaffRef, person_ref, staff_ref};
use crate::app::cases::{assessments, open_for_work, rule_error};
use crate::app::read;
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use crate::extract::validation_errors;
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::applications::staff_names;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::cases::{self as repo, PLAN_AGREED, PLAN_DRAFT, decode};
use crate::store::entities::{case_meetings, case_plan_versions, cases, persons};
use crate::store::{families, users, versioned};
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::cases::{
    CaseRuleError, ClosingReason, ParticipantKind, check_case_application, check_closing,
    check_plan_agreement,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Who took part in a meeting, as sent (and stored).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct ParticipantInput {
    /// Staff, a member of the family, or someone from outside.
    pub kind: ParticipantKind,
    /// For staff: the user (of your municipality).
    pub user_id: Option<Uuid>,
    /// For a member of the family: the person (a current member of the
    /// case's family).
    pub person_id: Option<Uuid>,
    /// For someone from outside: their name.
    #[validate(length(max = 200))]
    pub name: Option<String>,
    /// For someone from outside: their organisation.
    #[validate(length(max = 200))]
    pub organisation: Option<String>,
    /// Their role, e.g. "vaiko teisių specialistė", "socialinė pedagogė".
    #[validate(length(max = 200))]
    pub role: Option<String>,
}

/// R-CM-2, R-CMP-3: agree the plan's current draft.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct AgreePlanDecision {
    /// The draft's `version` as read (`PlanVersionView.version`).
    #[validate(range(min = 1))]
    pub draft_version: i32,
}

/// R-CM-4: file an SP-8 application for the family.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct FileApplicationDecision {
    /// Whom the service is for: a current member of the case's family.
    pub person_id: Uuid,
    /// The service type's code, e.g. `children_day_centre`.
    #[validate(length(min = 1, max = 100))]
    #[schema(example = "children_day_centre")]
    pub service_code: String,
    /// The case manager's recommendation (required for children's day
    /// care).
    #[validate(length(max = 8000))]
    pub recommendation: Option<String>,
}

/// R-CMP-5: close the case.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct CloseDecision {
    /// Why (required).
    pub reason: Option<ClosingReason>,
    /// The description (required for `other`).
    #[validate(length(max = 4000))]
    pub note: Option<String>,
}

/// What a meeting decides.
#[derive(Debug, Clone, Default, Deserialize, ToSchema, Validate)]
pub struct MeetingDecisions {
    /// Agree the plan's draft.
    #[validate(nested)]
    pub agree_plan: Option<AgreePlanDecision>,
    /// File an application for the family.
    #[validate(nested)]
    pub file_application: Option<FileApplicationDecision>,
    /// R-CMP-4: the next review of the plan (after the meeting).
    pub review_on: Option<Date>,
    /// Close the case.
    #[validate(nested)]
    pub close: Option<CloseDecision>,
}

/// A meeting to record.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewMeeting {
    /// The day it was held (not after today).
    pub held_on: Date,
    /// The agenda.
    #[validate(length(min = 1, max = 4000))]
    pub agenda: String,
    /// The notes (minutes).
    #[serde(default)]
    #[validate(length(max = 16000))]
    pub notes: String,
    /// Who took part (at least one).
    #[validate(length(min = 1, max = 50), nested)]
    pub participants: Vec<ParticipantInput>,
    /// What it decided.
    #[serde(default)]
    #[validate(nested)]
    pub decisions: MeetingDecisions,
}

/// Who took part in a meeting.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ParticipantView {
    /// Staff, a member of the family, or someone from outside.
    pub kind: ParticipantKind,
    /// The member of staff.
    pub user: Option<StaffRef>,
    /// The member of the family.
    pub person: Option<PersonRef>,
    /// The name to show (of the user, the person, or as given).
    pub name: String,
    /// The organisation (someone from outside).
    pub organisation: Option<String>,
    /// Their role.
    pub role: Option<String>,
}

/// The closing decision (R-CMP-5).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ClosedDecision {
    /// Why.
    pub reason: ClosingReason,
    /// The description.
    pub note: Option<String>,
}

/// What a meeting decided (also the stored form).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct MeetingDecisionsView {
    /// The number of the plan version it agreed.
    pub agreed_plan_version: Option<i32>,
    /// The application it filed (R-CM-4).
    pub application_id: Option<Uuid>,
    /// The next review it set (R-CMP-4).
    pub review_on: Option<Date>,
    /// The case closed (R-CMP-5).
    pub closed: Option<ClosedDecision>,
}

/// A recorded meeting.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MeetingView {
    /// Id.
    pub id: Uuid,
    /// Held on.
    pub held_on: Date,
    /// The agenda.
    pub agenda: String,
    /// The notes.
    pub notes: String,
    /// Who took part.
    pub participants: Vec<ParticipantView>,
    /// What it decided.
    pub decisions: MeetingDecisionsView,
    /// Who recorded it.
    pub created_by: StaffRef,
    /// Recorded.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A case's meetings, newest first.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MeetingList {
    /// The meetings.
    pub items: Vec<MeetingView>,
}

/// The views of `rows` (three queries for any number).
async fn views<C: ConnectionTrait>(
    db: &C,
    rows: Vec<case_meetings::Model>,
) -> ApiResult<Vec<MeetingView>> {
    let mut stored = Vec::with_capacity(rows.len());
    for row in rows {
        let participants: Vec<ParticipantInput> = decode("case meeting", row.participants.clone())?;
        let decisions: MeetingDecisionsView = decode("case meeting", row.decisions.clone())?;
        stored.push((row, participants, decisions));
    }
    let mut staff: Vec<Uuid> = stored.iter().map(|(r, _, _)| r.created_by).collect();
    staff.extend(
        stored
            .iter()
            .flat_map(|(_, p, _)| p.iter().filter_map(|p| p.user_id)),
    );
    let names = staff_names(db, staff).await?;
    let person_ids: Vec<Uuid> = stored
        .iter()
        .flat_map(|(_, p, _)| p.iter().filter_map(|p| p.person_id))
        .collect();
    let people: HashMap<Uuid, persons::Model> = if person_ids.is_empty() {
        HashMap::new()
    } else {
        persons::Entity::find()
            .filter(persons::Column::Id.is_in(person_ids))
            .all(db)
            .await
            .map_err(StoreError::from)?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    Ok(stored
        .into_iter()
        .map(|(row, participants, decisions)| MeetingView {
            id: row.id,
            held_on: row.held_on,
            agenda: row.agenda,
            notes: row.notes,
            participants: participants
                .into_iter()
                .map(|p| {
                    let user = p.user_id.map(|u| staff_ref(&names, u));
                    let person = p.person_id.and_then(|id| people.get(&id)).map(person_ref);
                    let name = match (&user, &person) {
                        (Some(u), _) => u.display_name.clone(),
                        (None, Some(p)) => format!("{} {}", p.first_name, p.last_name),
                        (None, None) => p.name.clone().unwrap_or_default(),
                    };
                    ParticipantView {
                        kind: p.kind,
                        user,
                        person,
                        name,
                        organisation: p.organisation,
                        role: p.role,
                    }
                })
                .collect(),
            decisions,
            created_by: staff_ref(&names, row.created_by),
            created_at: row.created_at,
        })
        .collect())
}

/// The meetings of case `id`, newest first; the read is recorded
/// (`case.read`) with its purpose.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
) -> ApiResult<MeetingList> {
    actor.require(Permission::ReadCases)?;
    read::audited(
        state,
        actor,
        purpose,
        AuditAction::CaseRead,
        "case",
        || async {
            let case = repo::find_scoped(&state.db, actor, id).await?;
            let rows = case_meetings::Entity::find()
                .filter(case_meetings::Column::CaseId.eq(case.id))
                .order_by_desc(case_meetings::Column::HeldOn)
                .order_by_desc(case_meetings::Column::CreatedAt)
                .all(&state.db)
                .await
                .map_err(StoreError::from)?;
            let items = views(&state.db, rows).await?;
            Ok((MeetingList { items }, id.to_string()))
        },
    )
    .await
}

fn clean(v: Option<&String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// The participants of `new` checked against the municipality's staff and
/// the case's family: field errors, and the cleaned list.
async fn check_participants<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    family: &[Uuid],
    given: &[ParticipantInput],
    errors: &mut Vec<FieldError>,
) -> ApiResult<Vec<ParticipantInput>> {
    let mut out = Vec::with_capacity(given.len());
    for (i, p) in given.iter().enumerate() {
        let field = |name: &str| format!("participants[{i}].{name}");
        let mut cleaned = ParticipantInput {
            kind: p.kind,
            user_id: None,
            person_id: None,
            name: None,
            organisation: None,
            role: clean(p.role.as_ref()),
        };
        match p.kind {
            ParticipantKind::Staff => match p.user_id {
                None => errors.push(FieldError::new(
                    field("user_id"),
                    FieldCode::Required,
                    "name the member of staff",
                )),
                Some(user) => match users::find_scoped(db, actor, user).await {
                    Ok(_) => cleaned.user_id = Some(user),
                    Err(StoreError::NotFound(_)) => errors.push(FieldError::new(
                        field("user_id"),
                        FieldCode::Invalid,
                        "no such user in your municipality",
                    )),
                    Err(e) => return Err(e.into()),
                },
            },
            ParticipantKind::FamilyMember => match p.person_id {
                None => errors.push(FieldError::new(
                    field("person_id"),
                    FieldCode::Required,
                    "name the member of the family",
                )),
                Some(person) if family.contains(&person) => cleaned.person_id = Some(person),
                Some(_) => errors.push(FieldError::new(
                    field("person_id"),
                    FieldCode::NotAMember,
                    "is not a current member of the case's family",
                )),
            },
            ParticipantKind::Outside => {
                cleaned.name = clean(p.name.as_ref());
                cleaned.organisation = clean(p.organisation.as_ref());
                if cleaned.name.is_none() {
                    errors.push(FieldError::new(
                        field("name"),
                        FieldCode::Required,
                        "name the participant",
                    ));
                }
                if cleaned.organisation.is_none() {
                    errors.push(FieldError::new(
                        field("organisation"),
                        FieldCode::Required,
                        "name their organisation",
                    ));
                }
            }
        }
        out.push(cleaned);
    }
    Ok(out)
}

/// R-CM-2, R-CMP-3: the meeting `meeting_id` held on `held_on` agrees the
/// current draft of `case`'s plan, read at `draft_version`: an assessment
/// must exist (422 `plan_before_assessment`), the draft must have goals
/// each with an action (422 `plan_empty`), and still be at `draft_version`
/// (409 `version_conflict`). Marks it agreed and records `case.plan_agree`;
/// answers the agreed version.
pub async fn agree_plan_in(
    uow: &mut UnitOfWork,
    actor: &Actor,
    case: &cases::Model,
    meeting_id: Uuid,
    held_on: Date,
    draft_version: i32,
) -> ApiResult<case_plan_versions::Model> {
    /// What the agreement needs of a stored goal.
    #[derive(Deserialize)]
    struct Goal {
        actions: Vec<serde_json::Value>,
    }
    let assessed = assessments::exists(uow.db(), case.id).await?;
    let draft = case_plan_versions::Entity::find()
        .filter(case_plan_versions::Column::CaseId.eq(case.id))
        .filter(case_plan_versions::Column::Status.eq(PLAN_DRAFT))
        .order_by_desc(case_plan_versions::Column::Number)
        .one(uow.db())
        .await
        .map_err(StoreError::from)?;
    let counts: Vec<usize> = match &draft {
        Some(d) => decode::<Vec<Goal>>("case plan", d.goals.clone())?
            .iter()
            .map(|g| g.actions.len())
            .collect(),
        None => Vec::new(),
    };
    check_plan_agreement(assessed, &counts).map_err(rule_error)?;
    let Some(draft) = draft else {
        return Err(rule_error(CaseRuleError::EmptyPlan));
    };
    let now = uow.now();
    versioned::expect_one(
        versioned::update::<case_plan_versions::Entity>(actor, draft.id, draft_version, now)
            .col_expr(case_plan_versions::Column::Status, Expr::value(PLAN_AGREED))
            .col_expr(case_plan_versions::Column::AgreedOn, Expr::value(held_on))
            .col_expr(
                case_plan_versions::Column::AgreedAtMeeting,
                Expr::value(meeting_id),
            )
            .exec(uow.db())
            .await
            .map_err(StoreError::from)?,
    )?;
    uow.audit(
        AuditEvent::new(AuditAction::CasePlanAgree, "case", case.id).summary(json!({
            "plan_version": draft.number,
            "plan_version_id": draft.id,
            "meeting_id": meeting_id,
            "agreed_on": held_on,
        })),
    )
    .await?;
    Ok(case_plan_versions::Model {
        status: PLAN_AGREED.to_owned(),
        agreed_on: Some(held_on),
        agreed_at_meeting: Some(meeting_id),
        updated_at: now,
        version: draft_version + 1,
        ..draft
    })
}

/// R-CM-4: files the SP-8 application `decision` decided by meeting
/// `meeting_id` through the intake's own path, linked to `case` with the
/// case manager's recommendation; records `case.application_file`.
async fn file_application_in(
    uow: &mut UnitOfWork,
    actor: &Actor,
    case: &cases::Model,
    meeting_id: Uuid,
    decision: &FileApplicationDecision,
) -> ApiResult<Uuid> {
    let prefix = "decisions.file_application";
    let recommendation = clean(decision.recommendation.as_ref());
    check_case_application(decision.service_code.trim(), recommendation.as_deref()).map_err(
        |e| {
            ApiError::invalid_field(
                format!("{prefix}.recommendation"),
                FieldCode::Required,
                e.to_string(),
            )
        },
    )?;
    let body = CreateApplicationRequest {
        person_id: decision.person_id,
        family_id: Some(case.family_id),
        service_code: decision.service_code.trim().to_owned(),
        received_on: uow.today(),
        channel: Channel::CaseManagement,
        representative: None,
        notes: None,
        documents: Vec::new(),
        submit: true,
        preferred_facility_id: None,
    };
    let filing = CaseFiling {
        case_id: case.id,
        recommendation,
    };
    let received = match create_in(uow, actor, body, Some(filing)).await {
        Ok(r) => r,
        Err(e) if !e.field_errors().is_empty() => {
            let errors = e
                .field_errors()
                .iter()
                .map(|f| FieldError::new(format!("{prefix}.{}", f.field), f.code, &f.message))
                .collect();
            return Err(e.with_errors(errors));
        }
        Err(e) => return Err(e),
    };
    let application = received.record.application;
    uow.audit(
        AuditEvent::new(AuditAction::CaseApplicationFile, "case", case.id).summary(json!({
            "application_id": application.id,
            "service_code": application.service_code,
            "person_id": application.person_id,
            "meeting_id": meeting_id,
            "recommendation": application.case_recommendation.is_some(),
        })),
    )
    .await?;
    Ok(application.id)
}

/// Records a meeting of case `id` and takes its decisions, all or nothing.
pub async fn record(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    new: NewMeeting,
) -> ApiResult<MeetingView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WorkCases).await?;
    let Some(created_by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "A meeting is recorded by a member of staff.",
        ));
    };
    let case = open_for_work(uow.db(), actor, id).await?;
    let mut errors = validation_errors(&new);
    let today = uow.today();
    if new.held_on > today {
        errors.push(FieldError::new(
            "held_on",
            FieldCode::InFuture,
            "cannot be after today",
        ));
    } else if new.held_on < case.opened_on {
        errors.push(FieldError::new(
            "held_on",
            FieldCode::OutOfRange,
            "cannot be before the case was opened",
        ));
    }
    let agenda = new.agenda.trim().to_owned();
    if agenda.is_empty() && !new.agenda.is_empty() {
        errors.push(FieldError::new(
            "agenda",
            FieldCode::Required,
            "write the agenda",
        ));
    }
    let family: Vec<Uuid> = families::members_of(uow.db(), case.family_id)
        .await?
        .into_iter()
        .map(|m| m.person.id)
        .collect();
    let participants =
        check_participants(uow.db(), actor, &family, &new.participants, &mut errors).await?;
    let decisions = &new.decisions;
    if let Some(review_on) = decisions.review_on
        && review_on <= new.held_on
    {
        errors.push(FieldError::new(
            "decisions.review_on",
            FieldCode::OutOfRange,
            "the next review comes after the meeting",
        ));
    }
    if let Some(filing) = &decisions.file_application
        && !family.contains(&filing.person_id)
    {
        errors.push(FieldError::new(
            "decisions.file_application.person_id",
            FieldCode::NotAMember,
            "is not a current member of the case's family",
        ));
    }
    let closing = match &decisions.close {
        None => None,
        Some(close) => {
            let note = clean(close.note.as_ref());
            match check_closing(close.reason, note.as_deref()) {
                Ok(reason) => Some(ClosedDecision { reason, note }),
                Err(e) => {
                    let field = match e {
                        CaseRuleError::OtherReasonUndescribed => "decisions.close.note",
                        _ => "decisions.close.reason",
                    };
                    errors.push(FieldError::new(field, FieldCode::Required, e.to_string()));
                    None
                }
            }
        }
    };
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let meeting_id = Uuid::now_v7();
    let agreed = match &decisions.agree_plan {
        Some(agree) => Some(
            agree_plan_in(
                &mut uow,
                actor,
                &case,
                meeting_id,
                new.held_on,
                agree.draft_version,
            )
            .await?,
        ),
        None => None,
    };
    let application_id = match &decisions.file_application {
        Some(filing) => {
            Some(file_application_in(&mut uow, actor, &case, meeting_id, filing).await?)
        }
        None => None,
    };
    let stored = MeetingDecisionsView {
        agreed_plan_version: agreed.as_ref().map(|v| v.number),
        application_id,
        review_on: decisions.review_on,
        closed: closing.clone(),
    };
    let now = uow.now();
    let row = case_meetings::Model {
        id: meeting_id,
        municipality_id: case.municipality_id,
        case_id: case.id,
        held_on: new.held_on,
        agenda,
        participants: json!(participants),
        decisions: json!(stored),
        notes: new.notes.trim().to_owned(),
        plan_version_id: agreed.as_ref().map(|v| v.id),
        application_id,
        review_on: decisions.review_on,
        created_by,
        created_at: now,
    };
    case_meetings::Entity::insert(row.clone().into_active_model().reset_all())
        .exec(uow.db())
        .await
        .map_err(StoreError::from)?;
    uow.audit(
        AuditEvent::new(AuditAction::CaseMeeting, "case", case.id).summary(json!({
            "meeting_id": meeting_id,
            "held_on": row.held_on,
            "participants": participants.len(),
            "decisions": stored,
        })),
    )
    .await?;
    if let Some(closed) = &closing {
        versioned::expect_one(
            versioned::update::<cases::Entity>(actor, case.id, case.version, now)
                .col_expr(cases::Column::ClosedAt, Expr::value(now))
                .col_expr(cases::Column::ClosedOn, Expr::value(new.held_on))
                .col_expr(
                    cases::Column::ClosingReason,
                    Expr::value(crate::app::common::serde_code(&closed.reason)),
                )
                .col_expr(cases::Column::ClosingNote, Expr::value(closed.note.clone()))
                .col_expr(cases::Column::ClosedByMeeting, Expr::value(meeting_id))
                .exec(uow.db())
                .await
                .map_err(StoreError::from)?,
        )?;
        uow.audit(
            AuditEvent::new(AuditAction::CaseClose, "case", case.id).summary(json!({
                "meeting_id": meeting_id,
                "closed_on": new.held_on,
                "reason": closed.reason,
            })),
        )
        .await?;
    }
    let view = views(uow.db(), vec![row]).await?.pop();
    uow.commit().await?;
    view.ok_or_else(|| ApiError::internal("the meeting just stored"))
}
