//! A case's timeline: what happened in it, newest first, gathered from the
//! case's own tables (the opening and closing, the team's assignments,
//! assessments, meetings and what they decided, agreed plan versions,
//! reviews and the monitoring journal).

use crate::actor::Actor;
use crate::app::read;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::applications::staff_names;
use crate::store::audit::AuditAction;
use crate::store::cases::{self as repo, PLAN_AGREED, ROLE_CASE_MANAGER};
use crate::store::entities::{
    case_assessments, case_assignments, case_journal_entries, case_meetings, case_plan_versions,
    case_reviews,
};
use crate::store::scope::scoped;
use atvejis_domain::access::Purpose;
use atvejis_domain::calendar::lithuanian_date;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// What happened (in the order things happen on one day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    /// The case was opened (R-CM-1).
    Opened,
    /// A member of the team was assigned.
    Assigned,
    /// A needs assessment (R-CM-2).
    Assessment,
    /// A case meeting.
    Meeting,
    /// A version of the help plan was agreed (R-CMP-3).
    PlanAgreed,
    /// A review of the plan (R-CMP-4).
    Review,
    /// A journal entry.
    Journal,
    /// A meeting filed an application for a social service (R-CM-4).
    ApplicationFiled,
    /// The case was closed (R-CMP-5).
    Closed,
}

/// An event of the timeline.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TimelineItem {
    /// The day it happened (the legal date: held on, assessed on, …).
    pub on: Date,
    /// When it was recorded.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// What happened.
    pub kind: TimelineKind,
    /// A short neutral summary (the client labels the kind itself).
    pub title: String,
    /// The record it concerns (the assessment, meeting, plan version,
    /// review, journal entry, application), if any.
    pub ref_id: Option<Uuid>,
}

fn item(
    on: Date,
    at: OffsetDateTime,
    kind: TimelineKind,
    title: String,
    ref_id: Option<Uuid>,
) -> TimelineItem {
    TimelineItem {
        on,
        at,
        kind,
        title,
        ref_id,
    }
}

async fn all<E, C>(
    db: &C,
    actor: &Actor,
    column: E::Column,
    case_id: Uuid,
) -> ApiResult<Vec<E::Model>>
where
    E: crate::store::scope::MunicipalityScoped,
    C: ConnectionTrait,
{
    Ok(scoped::<E>(actor)
        .filter(column.eq(case_id))
        .all(db)
        .await
        .map_err(StoreError::from)?)
}

/// The timeline of case `id`, newest first, read for `purpose` and recorded
/// (`case.read`).
pub async fn timeline(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
) -> ApiResult<Vec<TimelineItem>> {
    actor.require(atvejis_domain::access::Permission::ReadCases)?;
    read::audited(
        state,
        actor,
        purpose,
        AuditAction::CaseRead,
        "case",
        || async {
            let items = load(&state.db, actor, id).await?;
            Ok((items, id.to_string()))
        },
    )
    .await
}

async fn load<C: ConnectionTrait>(db: &C, actor: &Actor, id: Uuid) -> ApiResult<Vec<TimelineItem>> {
    use TimelineKind as K;
    let case = repo::find_scoped(db, actor, id).await?;
    let assignments =
        all::<case_assignments::Entity, _>(db, actor, case_assignments::Column::CaseId, id).await?;
    let assessments =
        all::<case_assessments::Entity, _>(db, actor, case_assessments::Column::CaseId, id).await?;
    let meetings =
        all::<case_meetings::Entity, _>(db, actor, case_meetings::Column::CaseId, id).await?;
    let plans =
        all::<case_plan_versions::Entity, _>(db, actor, case_plan_versions::Column::CaseId, id)
            .await?;
    let reviews =
        all::<case_reviews::Entity, _>(db, actor, case_reviews::Column::CaseId, id).await?;
    let journal =
        all::<case_journal_entries::Entity, _>(db, actor, case_journal_entries::Column::CaseId, id)
            .await?;
    let names = staff_names(db, assignments.iter().map(|a| a.user_id).collect()).await?;
    let mut items = vec![item(
        case.opened_on,
        case.opened_at,
        K::Opened,
        format!("Case {} opened", case.number),
        None,
    )];
    // The members assigned at once (the team) are one event.
    let mut at_once: Vec<(OffsetDateTime, Vec<String>, Uuid)> = Vec::new();
    for a in &assignments {
        let role = if a.role == ROLE_CASE_MANAGER {
            "case manager"
        } else {
            "family social worker"
        };
        let name = names.get(&a.user_id).map_or("—", String::as_str);
        let who = format!("{name} ({role})");
        match at_once.iter_mut().find(|(at, _, _)| *at == a.assigned_at) {
            Some((_, people, _)) => people.push(who),
            None => at_once.push((a.assigned_at, vec![who], a.user_id)),
        }
    }
    for (at, people, first) in at_once {
        items.push(item(
            lithuanian_date(at),
            at,
            K::Assigned,
            format!("Assigned: {}", people.join(", ")),
            Some(first),
        ));
    }
    for a in &assessments {
        items.push(item(
            a.assessed_on,
            a.created_at,
            K::Assessment,
            "Needs assessment".to_owned(),
            Some(a.id),
        ));
    }
    for m in &meetings {
        items.push(item(
            m.held_on,
            m.created_at,
            K::Meeting,
            format!("Case meeting: {}", first_line(&m.agenda)),
            Some(m.id),
        ));
        if let Some(application) = m.application_id {
            items.push(item(
                m.held_on,
                m.created_at,
                K::ApplicationFiled,
                "Application for a social service filed".to_owned(),
                Some(application),
            ));
        }
    }
    for p in plans.iter().filter(|p| p.status == PLAN_AGREED) {
        items.push(item(
            p.agreed_on.unwrap_or_else(|| lithuanian_date(p.updated_at)),
            p.updated_at,
            K::PlanAgreed,
            format!("Help plan version {} agreed", p.number),
            Some(p.id),
        ));
    }
    for r in &reviews {
        items.push(item(
            r.reviewed_on,
            r.created_at,
            K::Review,
            format!("Plan reviewed; next review by {}", r.next_review_on),
            Some(r.id),
        ));
    }
    for e in &journal {
        let title = if e.corrects_id.is_some() {
            format!("Journal ({}), correction", e.kind)
        } else {
            format!("Journal ({})", e.kind)
        };
        items.push(item(
            e.occurred_on,
            e.written_at,
            K::Journal,
            title,
            Some(e.id),
        ));
    }
    if let (Some(on), Some(at)) = (case.closed_on, case.closed_at) {
        let reason = case.closing_reason.as_deref().unwrap_or("—");
        items.push(item(
            on,
            at,
            K::Closed,
            format!("Case closed ({reason})"),
            case.closed_by_meeting,
        ));
    }
    // Newest first; at one instant, what follows from another first (a
    // case is assigned after it is opened, a plan agreed at its meeting).
    items.sort_by_key(|i| std::cmp::Reverse((i.on, i.at, i.kind)));
    Ok(items)
}

/// The first line of `text`, at most 80 characters.
fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    let mut out: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        out.push('…');
    }
    out
}
