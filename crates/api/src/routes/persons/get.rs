//! `GET /api/v1/persons/{id}`: the person's file.

use super::certificates::CertificateView;
use super::income::IncomeRecordView;
use super::{PersonView, view};
use crate::actor::Actor;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::routes::applications::{ApplicationSummary, summaries};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor};
use crate::store::entities::{
    applications, decisions, families, family_members, income_records, person_certificates,
};
use crate::store::persons::find_scoped;
use actix_web::{get, web};
use atvejis_domain::access::Permission;
use atvejis_domain::access::Purpose;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;

/// A family the person belongs to.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MembershipView {
    /// The family.
    pub family_id: Uuid,
    /// Its name.
    pub family_name: String,
    /// The person's relation in it.
    pub relation: String,
}

/// One event of the file's timeline.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TimelineEvent {
    /// When.
    pub on: Date,
    /// `application_received`, `assessment_submitted`, `forwarded_to_division`,
    /// `decision_signed`, `person_notified`, `certificate_valid_from`.
    pub event: String,
    /// The application concerned.
    pub application_id: Option<Uuid>,
    /// A short label (service name, certificate kind).
    pub label: String,
}

/// A person's file.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PersonFile {
    /// The person.
    pub person: PersonView,
    /// Certificates, newest first.
    pub certificates: Vec<CertificateView>,
    /// Families.
    pub families: Vec<MembershipView>,
    /// Income records, newest month first.
    pub income: Vec<IncomeRecordView>,
    /// Applications, newest first.
    pub applications: Vec<ApplicationSummary>,
    /// Everything that happened, newest first.
    pub timeline: Vec<TimelineEvent>,
}

/// A person's file: data, families, income, certificates, applications and
/// decisions in a timeline.
///
/// The read is recorded (who, when, why: the `X-Purpose` header, e.g.
/// `needs_assessment`; `person_file` when absent).
#[utoipa::path(
    tag = "persons",
    params(
        ("id" = Uuid, Path, description = "Person id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The file", body = PersonFile),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/persons/{id}")]
pub async fn get_person(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<PersonFile>> {
    actor.require(Permission::ReadCaseContent)?;
    let db = &state.db;
    let person = find_scoped(db, &actor, id.into_inner()).await?;
    audit::record_read(
        &state.db,
        &AuditActor::of(&actor),
        state.clock.now(),
        AuditAction::PersonRead,
        "person",
        person.id,
        purpose.0,
    )
    .await?;
    let person_id = person.id;

    let certificates: Vec<CertificateView> = person_certificates::Entity::find()
        .filter(person_certificates::Column::PersonId.eq(person_id))
        .order_by_desc(person_certificates::Column::ValidFrom)
        .all(db)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    let memberships = family_members::Entity::find()
        .filter(family_members::Column::PersonId.eq(person_id))
        .all(db)
        .await?;
    let family_names: HashMap<Uuid, String> = families::Entity::find()
        .filter(families::Column::Id.is_in(memberships.iter().map(|m| m.family_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f.name))
        .collect();
    let families = memberships
        .into_iter()
        .map(|m| MembershipView {
            family_name: family_names.get(&m.family_id).cloned().unwrap_or_default(),
            family_id: m.family_id,
            relation: m.relation,
        })
        .collect();
    let income = income_records::Entity::find()
        .filter(income_records::Column::PersonId.eq(person_id))
        .order_by_desc(income_records::Column::Year)
        .order_by_desc(income_records::Column::Month)
        .all(db)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    // The person's applications in the actor's scope.
    let rows = crate::store::scope::scoped::<applications::Entity>(&actor)
        .filter(applications::Column::PersonId.eq(person_id))
        .order_by_desc(applications::Column::ReceivedOn)
        .all(db)
        .await?;
    let decided = decisions::Entity::find()
        .filter(decisions::Column::ApplicationId.is_in(rows.iter().map(|r| r.id)))
        .all(db)
        .await?;
    let applications = summaries(db, rows.clone(), state.clock.today()).await?;

    let mut timeline = Vec::new();
    let names: HashMap<Uuid, String> = applications
        .iter()
        .map(|a| (a.id, a.service_type.name_lt.clone()))
        .collect();
    let label = |id: Uuid| names.get(&id).cloned().unwrap_or_default();
    for row in &rows {
        let mut push = |on: Option<Date>, event: &str| {
            if let Some(on) = on {
                timeline.push(TimelineEvent {
                    on,
                    event: event.into(),
                    application_id: Some(row.id),
                    label: label(row.id),
                });
            }
        };
        push(Some(row.received_on), "application_received");
        push(row.assessment_submitted_on, "assessment_submitted");
        push(row.files_received_on, "forwarded_to_division");
    }
    for d in &decided {
        for (on, event) in [
            (d.decided_on, "decision_signed"),
            (d.notified_on, "person_notified"),
        ] {
            if let Some(on) = on {
                timeline.push(TimelineEvent {
                    on,
                    event: event.into(),
                    application_id: Some(d.application_id),
                    label: label(d.application_id),
                });
            }
        }
    }
    for c in &certificates {
        timeline.push(TimelineEvent {
            on: c.valid_from,
            event: "certificate_valid_from".into(),
            application_id: None,
            label: c.kind.clone(),
        });
    }
    timeline.sort_by_key(|e| std::cmp::Reverse(e.on));

    Ok(web::Json(PersonFile {
        person: view(db, person).await?,
        certificates,
        families,
        income,
        applications,
        timeline,
    }))
}
