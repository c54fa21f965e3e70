//! The person's file: data, families, income, certificates, applications
//! and decisions in a timeline, read in three queries and recorded.

use super::{CertificateView, IncomeRecordView, PersonView};
use crate::actor::Actor;
use crate::app::families::Relation;
use crate::app::read;
use crate::error::ApiResult;
// The application summary is the applications area's type; the file shows
// the same summary, built here from this repository's batched loader.
use crate::app::applications::views::{
    ApplicationSummary, DecisionDates, person_ref, service_ref, spec, terms_of,
};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::audit::AuditAction;
use crate::store::persons::{self, ApplicationRow, PersonFileRows};
use atvejis_domain::access::Purpose;
use serde::{Deserialize, Serialize};
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
    pub relation: Relation,
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

/// The file of person `id` in the actor's scope, read for `purpose` and
/// recorded (R-ROLE-3): at most three queries and the record.
pub async fn file(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
) -> ApiResult<PersonFile> {
    read::audited(
        state,
        actor,
        purpose,
        AuditAction::PersonRead,
        "person",
        || async {
            let rows = persons::load_file(&state.db, actor, id).await?;
            Ok((build(rows, state.clock.today())?, id.to_string()))
        },
    )
    .await
}

/// A stored status code as the summary's status type (whichever enum the
/// applications area sends: both serialise the stored codes).
fn status<T: serde::de::DeserializeOwned>(code: &str) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::from(code))
        .map_err(|e| StoreError::corrupt("application", e))
}

fn summary(
    row: &ApplicationRow,
    person: &crate::store::entities::persons::Model,
    today: Date,
) -> ApiResult<ApplicationSummary> {
    let a = &row.application;
    let outcome = row
        .outcome
        .as_deref()
        .map(|o| serde_json::from_value(serde_json::Value::from(o)))
        .transpose()
        .map_err(|e| StoreError::corrupt("decision", e))?;
    let terms = terms_of(
        &spec(&row.service_type)?,
        a,
        DecisionDates {
            outcome,
            prepared_at: row.prepared_at,
            decided_on: row.decided_on,
            notified_on: row.notified_on,
            handed_over_on: row.handed_over_on,
        },
        today,
    )?;
    Ok(ApplicationSummary {
        id: a.id,
        status: status(&a.status)?,
        person: person_ref(person),
        service_type: service_ref(&row.service_type)?,
        received_on: a.received_on,
        decision_due_on: a.decision_due_on,
        overdue: terms.overdue,
        notification_due_on: terms.notification_due_on,
        notification_overdue: terms.notification_overdue,
        handover_due_on: terms.handover_due_on,
        handover_overdue: terms.handover_overdue,
        eldership: row.eldership.clone().map(Into::into),
        version: a.version,
    })
}

fn build(rows: PersonFileRows, today: Date) -> ApiResult<PersonFile> {
    let applications = rows
        .applications
        .iter()
        .map(|r| summary(r, &rows.person, today))
        .collect::<ApiResult<Vec<_>>>()?;
    let certificates = rows
        .certificates
        .into_iter()
        .map(CertificateView::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    let mut timeline = Vec::new();
    let pairs: Vec<_> = rows.applications.iter().zip(&applications).collect();
    let mut push =
        |on: Option<Date>, event: &str, row: &ApplicationRow, summary: &ApplicationSummary| {
            if let Some(on) = on {
                timeline.push(TimelineEvent {
                    on,
                    event: event.into(),
                    application_id: Some(row.application.id),
                    label: summary.service_type.name_lt.clone(),
                });
            }
        };
    for (row, summary) in &pairs {
        let a = &row.application;
        push(Some(a.received_on), "application_received", row, summary);
        push(
            a.assessment_submitted_on,
            "assessment_submitted",
            row,
            summary,
        );
        push(a.files_received_on, "forwarded_to_division", row, summary);
    }
    for (row, summary) in &pairs {
        push(row.decided_on, "decision_signed", row, summary);
        push(row.notified_on, "person_notified", row, summary);
    }
    for c in &certificates {
        timeline.push(TimelineEvent {
            on: c.valid_from,
            event: "certificate_valid_from".into(),
            application_id: None,
            label: c.kind.as_str().to_owned(),
        });
    }
    timeline.sort_by_key(|e| std::cmp::Reverse(e.on));
    Ok(PersonFile {
        person: PersonView::of(rows.person, rows.eldership)?,
        certificates,
        families: rows
            .memberships
            .into_iter()
            .map(|m| {
                Ok(MembershipView {
                    relation: Relation::parse(&m.relation)
                        .ok_or_else(|| StoreError::corrupt("family_member", &m.relation))?,
                    family_id: m.family_id,
                    family_name: m.family_name,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?,
        income: rows.income.into_iter().map(Into::into).collect(),
        applications,
        timeline,
    })
}
