//! The work lists of the home pages: for each role the user holds, the
//! sections [`atvejis_domain::worklist::sections_for`] names, each with how
//! many records it holds and the most urgent of them. Everything is read in
//! the user's record scope (their eldership, their cases) through the lists
//! that already exist (the inbox, the case list), so every due date here is
//! the one those lists show.

use crate::actor::Actor;
use crate::app::applications::views::ApplicationSummary;
use crate::app::applications::{self, summaries};
use crate::app::cases::views::{CaseSummary, summaries as case_summaries};
use crate::app::read;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store::applications as application_repo;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::cases::{self as case_repo, CaseListStatus, CaseQuery};
use crate::store::users::{self, UserQuery};
use crate::store::{service_accounts, worklist as repo};
use atvejis_domain::access::{Permission, Purpose, Role};
use atvejis_domain::application::ApplicationStatus;
use atvejis_domain::cases::DueKind;
use atvejis_domain::worklist::{SectionKind, sections_for};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use time::{Date, Duration};
use utoipa::ToSchema;
use uuid::Uuid;

/// Most records a section shows.
pub const ITEMS_PER_SECTION: usize = 10;

/// Most records a section counts (its `count` says "at least" beyond).
const LOAD_LIMIT: u64 = 500;

/// Certificates ending within this many days are listed.
const CERTIFICATE_DAYS: i64 = 30;

/// Decisions due within this many days are "due soon".
const DUE_SOON_DAYS: i64 = 7;

/// Rates taking effect within this many days are listed.
const RATE_DAYS: i64 = 60;

/// What kind of record an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A person.
    Person,
    /// An application (SP-8) and its decision.
    Application,
    /// A person's certificate.
    Certificate,
    /// A case (atvejo vadyba).
    Case,
    /// A staff account.
    User,
    /// A service account of another municipal system.
    ServiceAccount,
    /// A rate.
    Rate,
}

/// One record in a section.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WorkItem {
    /// The record's id.
    pub id: Uuid,
    /// What kind of record.
    pub record: RecordKind,
    /// What it is, in Lithuanian: the service of an application, a case's
    /// number, an account's name.
    pub title: String,
    /// The same in English, where it differs.
    pub title_en: Option<String>,
    /// A code the client translates: the certificate's or the rate's kind,
    /// what is due next in a case (`review`, `action`, …).
    pub code: Option<String>,
    /// The person (or family) it concerns.
    pub person: Option<String>,
    /// Its status: an application's status code, `active`/`inactive` for an
    /// account.
    pub status: Option<String>,
    /// By when (the due date of the decision, notification, hand-over,
    /// case item; the day a certificate ends or a rate takes effect).
    pub due_on: Option<Date>,
    /// The date has passed.
    pub overdue: bool,
    /// Where the SPA opens it, e.g. `/applications/{id}`.
    pub link: String,
}

/// A section of the work list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WorkSection {
    /// Which section (a stable code).
    pub kind: SectionKind,
    /// How many records it holds (at most 500 are counted).
    pub count: u64,
    /// How many of them are overdue.
    pub overdue: u64,
    /// The most urgent ones, at most 10.
    pub items: Vec<WorkItem>,
}

/// The caller's work list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Worklist {
    /// The day it was computed for.
    pub today: Date,
    /// The sections of the caller's roles, in order.
    pub sections: Vec<WorkSection>,
}

fn section(kind: SectionKind, items: Vec<WorkItem>) -> WorkSection {
    let count = items.len() as u64;
    let overdue = items.iter().filter(|i| i.overdue).count() as u64;
    WorkSection {
        kind,
        count,
        overdue,
        items: items.into_iter().take(ITEMS_PER_SECTION).collect(),
    }
}

fn full_name(first: &str, last: &str) -> String {
    format!("{first} {last}")
}

/// An application line with one of its due dates.
fn application_item(a: &ApplicationSummary, due_on: Option<Date>, overdue: bool) -> WorkItem {
    WorkItem {
        id: a.id,
        record: RecordKind::Application,
        title: a.service_type.name_lt.clone(),
        title_en: Some(a.service_type.name_en.clone()),
        code: None,
        person: Some(full_name(&a.person.first_name, &a.person.last_name)),
        status: Some(a.status.as_str().to_owned()),
        due_on,
        overdue,
        link: format!("/applications/{}", a.id),
    }
}

fn decision_items(rows: &[ApplicationSummary]) -> Vec<WorkItem> {
    rows.iter()
        .map(|a| application_item(a, a.decision_due_on, a.overdue))
        .collect()
}

fn case_item(c: &CaseSummary) -> WorkItem {
    WorkItem {
        id: c.id,
        record: RecordKind::Case,
        title: c.number.clone(),
        title_en: None,
        code: c.next_due.map(|d| due_kind_code(d.kind).to_owned()),
        person: Some(c.family.name.clone()),
        status: None,
        due_on: c.next_due.map(|d| d.due_on),
        overdue: c.next_due.is_some_and(|d| d.overdue),
        link: format!("/cases/{}", c.id),
    }
}

fn due_kind_code(kind: DueKind) -> &'static str {
    match kind {
        DueKind::Assignment => "assignment",
        DueKind::Assessment => "assessment",
        DueKind::FirstMeeting => "first_meeting",
        DueKind::Action => "action",
        DueKind::Review => "review",
    }
}

/// The section a case belongs to by what is due next in it.
fn case_section(kind: DueKind) -> SectionKind {
    match kind {
        DueKind::Assignment => SectionKind::CasesAwaitingAssignment,
        DueKind::Review => SectionKind::ReviewsDue,
        DueKind::Action => SectionKind::PlanActionsDue,
        DueKind::Assessment | DueKind::FirstMeeting => SectionKind::MeetingsDue,
    }
}

/// Loads what the sections `kinds` hold, in order.
async fn load(
    state: &AppState,
    actor: &Actor,
    kinds: &[SectionKind],
    today: Date,
) -> ApiResult<Vec<WorkSection>> {
    use SectionKind as S;
    let db = &state.db;
    let wants = |k: &[SectionKind]| kinds.iter().any(|s| k.contains(s));
    // The inbox once, for the division's sections.
    let inbox = if wants(&[
        S::Inbox,
        S::DecisionsDueSoon,
        S::NotificationsDue,
        S::HandoversDue,
        S::DecisionsToSign,
        S::OverdueDecisions,
        S::OverdueNotifications,
        S::OverdueHandovers,
    ]) {
        Some(applications::inbox_items(state, actor, None, None).await?)
    } else {
        None
    };
    // The open cases once, for the case sections, by what is due next.
    let cases = if wants(&[
        S::CasesAwaitingAssignment,
        S::ReviewsDue,
        S::PlanActionsDue,
        S::MeetingsDue,
    ]) {
        let mine = !actor.roles.contains(&Role::CaseManagementHead);
        let filter = CaseQuery {
            status: Some(CaseListStatus::Active),
            assigned_to: if mine { actor.user_id() } else { None },
            family_id: None,
        };
        let (rows, _) = case_repo::page(db, actor, &filter, 1, LOAD_LIMIT).await?;
        let mut summaries = case_summaries(db, rows, today).await?;
        summaries.sort_by_key(|c| c.next_due.map(|d| d.due_on));
        summaries
    } else {
        Vec::new()
    };
    let mut out = Vec::with_capacity(kinds.len());
    for kind in kinds {
        let items = match kind {
            S::MyApplications => {
                let user = actor.user_id().unwrap_or_default();
                let rows = repo::received_by(db, actor, user, LOAD_LIMIT).await?;
                decision_items(&summaries(db, rows, today).await?)
            }
            S::AssessmentsToRecord => {
                let rows = repo::assessments_to_record(db, actor, LOAD_LIMIT).await?;
                summaries(db, rows, today)
                    .await?
                    .iter()
                    .map(|a| application_item(a, None, false))
                    .collect()
            }
            S::ReturnedForCompletion => {
                let returned = [ApplicationStatus::ReturnedForCompletion.as_str()];
                let rows =
                    application_repo::waiting(db, actor, &returned, None, None, LOAD_LIMIT).await?;
                decision_items(&summaries(db, rows, today).await?)
            }
            S::CertificatesExpiring => {
                let until = today + Duration::days(CERTIFICATE_DAYS);
                repo::certificates_ending(db, actor, today, until, LOAD_LIMIT)
                    .await?
                    .into_iter()
                    .map(|(c, p)| WorkItem {
                        id: c.id,
                        record: RecordKind::Certificate,
                        title: c.kind.clone(),
                        title_en: None,
                        code: Some(c.kind),
                        person: Some(full_name(&p.first_name, &p.last_name)),
                        status: None,
                        due_on: c.valid_until,
                        overdue: false,
                        link: format!("/persons/{}", p.id),
                    })
                    .collect()
            }
            S::Inbox => decision_items(&waiting(&inbox, ApplicationStatus::ReadyForDecision)),
            S::DecisionsDueSoon => {
                let soon = today + Duration::days(DUE_SOON_DAYS);
                decision_items(
                    &waiting(&inbox, ApplicationStatus::ReadyForDecision)
                        .into_iter()
                        .filter(|a| a.overdue || a.decision_due_on.is_some_and(|d| d <= soon))
                        .collect::<Vec<_>>(),
                )
            }
            S::DecisionsToSign => {
                decision_items(&waiting(&inbox, ApplicationStatus::DecisionPrepared))
            }
            S::OverdueDecisions => decision_items(
                &inbox
                    .iter()
                    .flat_map(|i| i.items.iter())
                    .filter(|a| a.overdue)
                    .cloned()
                    .collect::<Vec<_>>(),
            ),
            S::NotificationsDue | S::OverdueNotifications => {
                let only_overdue = *kind == S::OverdueNotifications;
                follow_ups(&inbox)
                    .filter(|a| a.notification_due_on.is_some())
                    .filter(|a| !only_overdue || a.notification_overdue)
                    .map(|a| application_item(a, a.notification_due_on, a.notification_overdue))
                    .collect()
            }
            S::HandoversDue | S::OverdueHandovers => {
                let only_overdue = *kind == S::OverdueHandovers;
                follow_ups(&inbox)
                    .filter(|a| a.handover_due_on.is_some())
                    .filter(|a| !only_overdue || a.handover_overdue)
                    .map(|a| application_item(a, a.handover_due_on, a.handover_overdue))
                    .collect()
            }
            S::CasesAwaitingAssignment | S::ReviewsDue | S::PlanActionsDue | S::MeetingsDue => {
                cases
                    .iter()
                    .filter(|c| c.next_due.is_some_and(|d| case_section(d.kind) == *kind))
                    .map(case_item)
                    .collect()
            }
            S::InactiveAccounts => {
                let filter = UserQuery {
                    active: Some(false),
                    ..UserQuery::default()
                };
                let (rows, _) = users::page(db, actor, &filter, 1, LOAD_LIMIT).await?;
                rows.into_iter()
                    .map(|r| WorkItem {
                        id: r.user.id,
                        record: RecordKind::User,
                        title: r.user.display_name,
                        title_en: None,
                        code: Some(r.user.username),
                        person: None,
                        status: Some("inactive".to_owned()),
                        due_on: None,
                        overdue: false,
                        link: "/users".to_owned(),
                    })
                    .collect()
            }
            S::ServiceAccounts => service_accounts::list(db, actor)
                .await?
                .into_iter()
                .map(|a| WorkItem {
                    id: a.id,
                    record: RecordKind::ServiceAccount,
                    title: a.name,
                    title_en: None,
                    code: Some(a.client_id),
                    person: None,
                    status: Some(if a.active { "active" } else { "inactive" }.to_owned()),
                    due_on: None,
                    overdue: false,
                    link: "/service-accounts".to_owned(),
                })
                .collect(),
            S::RatesChangingSoon => {
                let until = today + Duration::days(RATE_DAYS);
                repo::rates_taking_effect(db, actor, today, until, LOAD_LIMIT)
                    .await?
                    .into_iter()
                    .map(|r| WorkItem {
                        id: r.id,
                        record: RecordKind::Rate,
                        title: r.value.normalize().to_string(),
                        title_en: None,
                        code: Some(r.kind),
                        person: None,
                        status: None,
                        due_on: Some(r.valid_from),
                        overdue: false,
                        link: "/catalogue".to_owned(),
                    })
                    .collect()
            }
        };
        out.push(section(*kind, items));
    }
    Ok(out)
}

/// The inbox lines waiting in `status`.
fn waiting(
    inbox: &Option<applications::InboxItems>,
    status: ApplicationStatus,
) -> Vec<ApplicationSummary> {
    inbox
        .iter()
        .flat_map(|i| i.items.iter())
        .filter(|a| a.status == status)
        .cloned()
        .collect()
}

/// The inbox's signed decisions with a term still open.
fn follow_ups(
    inbox: &Option<applications::InboxItems>,
) -> impl Iterator<Item = &ApplicationSummary> {
    inbox.iter().flat_map(|i| i.follow_ups.iter())
}

/// Why a work list naming people is read: what the caller's first section
/// is for.
fn purpose_of(kinds: &[SectionKind]) -> Purpose {
    use SectionKind as S;
    match kinds.iter().find(|k| k.is_case_content()) {
        Some(S::AssessmentsToRecord) => Purpose::NeedsAssessment,
        Some(S::MyApplications | S::ReturnedForCompletion | S::CertificatesExpiring) => {
            Purpose::Intake
        }
        Some(S::CasesAwaitingAssignment | S::ReviewsDue | S::PlanActionsDue | S::MeetingsDue) => {
            Purpose::CaseManagement
        }
        _ => Purpose::Decision,
    }
}

/// The caller's work list on today's date. Sections that name people or
/// cases are read only with the right to read case content, and the whole
/// list is then recorded once (`worklist.read`, with the count of each
/// section, never who is in it); an admin's sections name no one and are
/// not recorded as a read of case content.
pub async fn worklist(state: &AppState, actor: &Actor) -> ApiResult<Worklist> {
    let today = state.clock.today();
    let mut kinds = sections_for(&actor.roles);
    if !actor.can(Permission::ReadCaseContent) {
        kinds.retain(|k| !k.is_case_content());
    }
    if !kinds.iter().any(|k| k.is_case_content()) {
        let sections = load(state, actor, &kinds, today).await?;
        return Ok(Worklist { today, sections });
    }
    read::audited_event(state, actor, purpose_of(&kinds), || async {
        let sections = load(state, actor, &kinds, today).await?;
        let counts: Map<String, Value> = sections
            .iter()
            .filter(|s| s.kind.is_case_content())
            .map(|s| {
                (
                    serde_json::to_value(s.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    json!(s.count),
                )
            })
            .collect();
        let event = AuditEvent {
            action: AuditAction::WorklistRead,
            entity: "worklist",
            entity_id: None,
            summary: json!({ "sections": counts }),
        };
        Ok((Worklist { today, sections }, event))
    })
    .await
}
