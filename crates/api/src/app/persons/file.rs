//! The person's file: data, families, income, certificates, applications
//! and decisions in a timeline, read in one statement and recorded.

use super::{CertificateView, IncomeRecordView, PersonView};
use crate::actor::Actor;
use crate::app::families::Relation;
use crate::app::read;
use crate::error::ApiResult;
use crate::held::Held;
// The application summary is the applications area's type; the file shows
// the same summary, built here from the file's own rows.
use crate::app::applications::views::{
    ApplicationSummary, DecisionDates, PersonRef, person_ref, rule_from, terms,
};
use crate::app::catalogue::NamedServiceType;
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::audit::AuditAction;
use crate::store::person_file::{self, FileApplication, PersonFileRows};
use crate::store::scope::Scope;
use atvejis_domain::access::Purpose;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;
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

/// Files read a moment ago, by person and reader's scope, with the stamp
/// they were read at (issue 13: the file statement was most of a file
/// read's work in the database). Every read still checks the person's
/// scope and the file's stamp in the database, and reads the file again
/// whenever the stamp has moved, which any change of the file does in its
/// own transaction (migration 000023): a process never shows a file older
/// than the database's at the moment of the read, and two processes cannot
/// disagree.
#[derive(Debug, Default)]
pub struct FileCache {
    held: Held<(Uuid, Scope), Arc<PersonFileRows>, FILES_HELD_AT_MOST>,
}

/// How many files the cache holds before it starts over (a few kilobytes
/// each).
const FILES_HELD_AT_MOST: usize = 10_000;

impl FileCache {
    /// Person `id`'s file as `actor` may see it: the one held when its stamp
    /// is the database's (one small query), else read (and kept).
    async fn file(
        &self,
        state: &AppState,
        actor: &Actor,
        id: Uuid,
    ) -> ApiResult<Arc<PersonFileRows>> {
        let key = (id, Scope::of(actor));
        if let Some(held) = self.held.get(&key)
            && person_file::stamp(&state.db, actor, id).await? == held.stamp
        {
            return Ok(held);
        }
        let rows = Arc::new(person_file::load(&state.db, actor, id).await?);
        self.held.keep(key, Arc::clone(&rows));
        Ok(rows)
    }
}

/// The file of person `id` in the actor's scope, read for `purpose` and
/// recorded (R-ROLE-3): the file from the [`FileCache`] when its stamp is
/// current (one small query), else one statement on PostgreSQL (three on
/// SQLite), the service types from their cache (a query when one is not
/// held), and the record.
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
            let rows = state.files.file(state, actor, id).await?;
            let wanted: Vec<_> = rows
                .applications
                .iter()
                .map(|a| (a.service_type_id, a.service_type_version))
                .collect();
            let types = state.service_types.get(&state.db, &wanted).await?;
            Ok((build(&rows, &types, state.clock.today())?, id.to_string()))
        },
    )
    .await
}

/// A stored code as the enum the view sends (which serialises the codes).
fn code<T: serde::de::DeserializeOwned>(entity: &'static str, code: &str) -> Result<T, StoreError> {
    T::deserialize(serde_json::Value::from(code)).map_err(|e| StoreError::corrupt(entity, e))
}

fn summary(
    a: &FileApplication,
    service: &NamedServiceType,
    person: &PersonRef,
    today: Date,
) -> ApiResult<ApplicationSummary> {
    let dates = DecisionDates {
        outcome: a
            .outcome
            .as_deref()
            .map(|o| code("decision", o))
            .transpose()?,
        prepared_at: a.prepared_at,
        decided_on: a.decided_on,
        notified_on: a.notified_on,
        handed_over_on: a.handed_over_on,
    };
    let rule = rule_from(&service.spec, a.decision_deadline.as_ref())?;
    let terms = terms(
        &service.spec,
        &a.status,
        &rule,
        a.decision_due_on,
        dates,
        today,
    );
    Ok(ApplicationSummary {
        id: a.id,
        status: code("application", &a.status)?,
        person: person.clone(),
        service_type: service.reference.clone(),
        received_on: a.received_on,
        decision_due_on: a.decision_due_on,
        overdue: terms.overdue,
        notification_due_on: terms.notification_due_on,
        notification_overdue: terms.notification_overdue,
        handover_due_on: terms.handover_due_on,
        handover_overdue: terms.handover_overdue,
        eldership: a.eldership.clone().map(Into::into),
        version: a.version,
    })
}

fn build(
    rows: &PersonFileRows,
    types: &HashMap<(Uuid, i32), Arc<NamedServiceType>>,
    today: Date,
) -> ApiResult<PersonFile> {
    let person = person_ref(&rows.person);
    let applications = rows
        .applications
        .iter()
        .map(|a| {
            let service = types
                .get(&(a.service_type_id, a.service_type_version))
                .ok_or_else(|| StoreError::corrupt("application", "without its service type"))?;
            summary(a, service, &person, today)
        })
        .collect::<ApiResult<Vec<_>>>()?;
    let certificates = rows
        .certificates
        .iter()
        .cloned()
        .map(CertificateView::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    let mut timeline = Vec::new();
    let pairs: Vec<_> = rows.applications.iter().zip(&applications).collect();
    let mut push =
        |on: Option<Date>, event: &str, row: &FileApplication, summary: &ApplicationSummary| {
            if let Some(on) = on {
                timeline.push(TimelineEvent {
                    on,
                    event: event.into(),
                    application_id: Some(row.id),
                    label: summary.service_type.name_lt.clone(),
                });
            }
        };
    for (a, summary) in &pairs {
        push(Some(a.received_on), "application_received", a, summary);
        push(
            a.assessment_submitted_on,
            "assessment_submitted",
            a,
            summary,
        );
        push(a.files_received_on, "forwarded_to_division", a, summary);
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
        person: PersonView::of(rows.person.clone(), rows.eldership.clone())?,
        certificates,
        families: rows
            .memberships
            .iter()
            .map(|m| {
                Ok(MembershipView {
                    relation: Relation::parse(&m.relation)
                        .ok_or_else(|| StoreError::corrupt("family_member", &m.relation))?,
                    family_id: m.family_id,
                    family_name: m.family_name.clone(),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?,
        income: rows.income.iter().cloned().map(Into::into).collect(),
        applications,
        timeline,
    })
}
