//! The help plan as the PDF the family signs (R-CMP-3): a version of the
//! plan with the municipality's and the Centre's names, the family, the
//! children, the team, the goals with their actions, responsibles, dates and
//! statuses, and signature lines. Printing is a read of case content,
//! recorded (`case.plan_print`) with its purpose.

use crate::actor::Actor;
use crate::app::cases::plan::{ActionView, ResponsibleKind, version_view};
use crate::app::cases::views::{CaseMember, case_view};
use crate::app::families::Relation;
use crate::app::read;
use crate::documents::{self, PlanAction, PlanDocument, PlanGoal, PlanPerson};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::cases as repo;
use crate::store::entities::{institutions, municipalities};
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::cases::ActionStatus;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
use uuid::Uuid;

/// A printed plan: its file name and bytes.
pub struct PlanPdf {
    /// E.g. `planas-AV-2026-0001-v2.pdf`.
    pub file_name: String,
    /// The PDF.
    pub bytes: Vec<u8>,
}

/// The Lithuanian label of an action's status, as printed.
fn status_label(action: &ActionView) -> String {
    let label = match action.status {
        ActionStatus::Planned => "Suplanuota",
        ActionStatus::InProgress => "Vykdoma",
        ActionStatus::Done => "Atlikta",
        ActionStatus::NotDone => "Neatlikta",
    };
    match (&action.status, &action.status_reason) {
        (ActionStatus::NotDone, Some(reason)) => format!("{label}: {reason}"),
        _ => label.to_owned(),
    }
}

/// Who is responsible, as printed.
fn responsible(action: &ActionView) -> String {
    let r = &action.responsible;
    match r.kind {
        ResponsibleKind::Staff => r.user.as_ref().map(|u| u.display_name.clone()),
        ResponsibleKind::FamilyMember => r
            .person
            .as_ref()
            .map(|p| format!("{} {}", p.first_name, p.last_name)),
        ResponsibleKind::Organisation => r.organisation.clone(),
    }
    .unwrap_or_default()
}

/// The Lithuanian name of a relation in the family.
fn relation_label(relation: Relation) -> &'static str {
    match relation {
        Relation::Applicant => "pareiškėjas (-a)",
        Relation::Spouse => "sutuoktinis (-ė)",
        Relation::Partner => "partneris (-ė)",
        Relation::Child => "vaikas",
        Relation::Parent => "tėvas / motina",
        Relation::Guardian => "globėjas (-a)",
        Relation::Grandparent => "senelis (-ė)",
        Relation::Sibling => "brolis / sesuo",
        Relation::Other => "kitas šeimos narys",
    }
}

fn person(member: &CaseMember) -> PlanPerson {
    PlanPerson {
        name: format!("{} {}", member.person.first_name, member.person.last_name),
        birth_date: member.birth_date,
        relation: Some(relation_label(member.relation).to_owned()),
    }
}

/// The municipality's name and the issuing institution (its social
/// services centre, else the municipality itself).
pub(crate) async fn issuer_of<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
) -> ApiResult<(String, String)> {
    let municipality = municipalities::Entity::find_by_id(municipality_id)
        .one(db)
        .await
        .map_err(StoreError::from)?
        .ok_or_else(|| ApiError::internal("the actor's municipality does not exist"))?;
    let centre = institutions::Entity::find()
        .filter(institutions::Column::MunicipalityId.eq(municipality_id))
        .filter(institutions::Column::Kind.eq("centre"))
        .order_by_asc(institutions::Column::Name)
        .one(db)
        .await
        .map_err(StoreError::from)?;
    let issuer = centre.map_or_else(|| municipality.name.clone(), |c| c.name);
    Ok((municipality.name, issuer))
}

/// Version `number` of case `case_id`'s plan as a PDF, read for `purpose`.
pub async fn plan_pdf(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    case_id: Uuid,
    number: i32,
) -> ApiResult<PlanPdf> {
    actor.require(Permission::ReadCases)?;
    read::audited_event(state, actor, purpose, || async {
        let db = &state.db;
        let today = state.clock.today();
        let plan = version_view(db, actor, case_id, number).await?;
        let case = case_view(db, repo::find_scoped(db, actor, case_id).await?, today).await?;
        let (municipality, issuer) = issuer_of(db, actor.municipality_id).await?;
        let doc = PlanDocument {
            municipality,
            issuer,
            case_number: case.summary.number.clone(),
            version: plan.number,
            agreed_on: plan.agreed_on,
            family: case
                .members
                .iter()
                .filter(|m| !m.concerned)
                .map(person)
                .collect(),
            children: case
                .members
                .iter()
                .filter(|m| m.concerned)
                .map(person)
                .collect(),
            case_manager: case
                .summary
                .case_manager
                .as_ref()
                .map(|s| s.display_name.clone()),
            social_worker: case
                .summary
                .social_worker
                .as_ref()
                .map(|s| s.display_name.clone()),
            goals: plan
                .goals
                .iter()
                .map(|g| PlanGoal {
                    title: g.title.clone(),
                    actions: g
                        .actions
                        .iter()
                        .map(|a| PlanAction {
                            what: a.what.clone(),
                            responsible: responsible(a),
                            due_on: a.due_on,
                            status: status_label(a),
                        })
                        .collect(),
                })
                .collect(),
            printed_on: today,
        };
        let bytes = tokio::task::spawn_blocking(move || documents::case_plan_pdf(&doc))
            .await
            .map_err(ApiError::internal)??;
        let event = AuditEvent::new(AuditAction::CasePlanPrint, "case", case_id)
            .summary(json!({ "version": number }));
        let file_name = format!("planas-{}-v{}.pdf", case.summary.number, number);
        Ok((PlanPdf { file_name, bytes }, event))
    })
    .await
}
