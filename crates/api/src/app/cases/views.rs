//! What the API answers about cases: the list's summary with what is due
//! next, and the case's file with its family, children, team and terms.
//! Both are built by batched loaders: a fixed number of queries for a page.

use crate::app::applications::views::{PersonRef, StaffRef, person_ref, staff_ref};
use crate::app::families::Relation;
use crate::error::ApiResult;
use crate::store::applications::staff_names;
use crate::store::cases::{
    self as repo, ROLE_CASE_MANAGER, ROLE_SOCIAL_WORKER, case_parameters, decode_code,
};
use crate::store::entities::{case_assignments, cases, families as family_rows};
use crate::store::families;
use atvejis_domain::cases::{
    CaseOrigin, CaseStatus, ClosingReason, DueItem, ProcedureParameters, due_items,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// A family, briefly.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CaseFamilyRef {
    /// Id.
    pub id: Uuid,
    /// Name, e.g. "Petraičių šeima".
    pub name: String,
}

/// A case in a list: who, where it stands, and what is due next.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CaseSummary {
    /// Id.
    pub id: Uuid,
    /// Number, e.g. `AV-2026-0001`.
    pub number: String,
    /// Where it stands.
    pub status: CaseStatus,
    /// The family.
    pub family: CaseFamilyRef,
    /// The children concerned.
    pub children: Vec<PersonRef>,
    /// Who initiated it (R-CM-1).
    pub origin: CaseOrigin,
    /// Opened on.
    pub opened_on: Date,
    /// The case manager.
    pub case_manager: Option<StaffRef>,
    /// The family's social worker.
    pub social_worker: Option<StaffRef>,
    /// What is due next (none for a closed case).
    pub next_due: Option<DueItem>,
    /// How many due items are overdue.
    pub overdue: u32,
    /// Closed on.
    pub closed_on: Option<Date>,
    /// Why it was closed (R-CMP-5).
    pub closing_reason: Option<ClosingReason>,
}

/// The role of a member of a case's team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TeamRole {
    /// Atvejo vadybininkas.
    CaseManager,
    /// The social worker working with the family.
    SocialWorker,
}

/// A member of the case's team.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TeamMember {
    /// Who.
    pub user: StaffRef,
    /// As what.
    pub role: TeamRole,
    /// Since when.
    #[serde(with = "time::serde::rfc3339")]
    pub assigned_at: OffsetDateTime,
    /// The director's order that assigned them.
    pub order_reference: Option<String>,
}

/// The notice or request that opened the case (R-CM-1).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CaseNotice {
    /// Its date.
    pub date: Date,
    /// Its reference number.
    pub reference: Option<String>,
    /// Who sent it.
    pub referred_by: Option<String>,
    /// Why.
    pub reason: String,
}

/// A member of the case's family (read through the case).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CaseMember {
    /// The person.
    pub person: PersonRef,
    /// The relation in the family.
    pub relation: Relation,
    /// Birth date.
    pub birth_date: Option<Date>,
    /// Whether the case concerns this child.
    pub concerned: bool,
}

/// Another case of the same family (an earlier one, or the open one).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FamilyCase {
    /// Id.
    pub id: Uuid,
    /// Number.
    pub number: String,
    /// Opened on.
    pub opened_on: Date,
    /// Closed on.
    pub closed_on: Option<Date>,
    /// Why it was closed.
    pub closing_reason: Option<ClosingReason>,
}

/// A case's file.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CaseView {
    /// The summary.
    #[serde(flatten)]
    pub summary: CaseSummary,
    /// What opened it.
    pub notice: CaseNotice,
    /// The procedure parameters it keeps (in force when it was opened).
    pub parameters: ProcedureParameters,
    /// R-CMP-1: the team is due by this day.
    pub assignment_due: Date,
    /// The day the team was first assigned.
    pub assigned_on: Option<Date>,
    /// Everything due, earliest first (empty when closed).
    pub due: Vec<DueItem>,
    /// The team.
    pub team: Vec<TeamMember>,
    /// The family's current members.
    pub members: Vec<CaseMember>,
    /// The family's other cases, oldest first.
    pub family_cases: Vec<FamilyCase>,
    /// The closing decision's note.
    pub closing_note: Option<String>,
    /// Send back with changes.
    pub version: i32,
}

/// The parts of a page of cases, loaded in a fixed number of queries.
struct Parts {
    families: HashMap<Uuid, family_rows::Model>,
    children: HashMap<Uuid, Vec<crate::store::entities::persons::Model>>,
    teams: HashMap<Uuid, Vec<case_assignments::Model>>,
    names: HashMap<Uuid, String>,
    progress: HashMap<Uuid, atvejis_domain::cases::CaseProgress>,
}

async fn parts<C: ConnectionTrait>(db: &C, rows: &[cases::Model]) -> ApiResult<Parts> {
    let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
    let family_ids: Vec<Uuid> = rows.iter().map(|c| c.family_id).collect();
    let families = if family_ids.is_empty() {
        HashMap::new()
    } else {
        family_rows::Entity::find()
            .filter(family_rows::Column::Id.is_in(family_ids))
            .all(db)
            .await
            .map_err(crate::store::StoreError::from)?
            .into_iter()
            .map(|f| (f.id, f))
            .collect()
    };
    let children = repo::children_of(db, &ids).await?;
    let teams = repo::teams_of(db, &ids).await?;
    let staff: Vec<Uuid> = teams.values().flatten().map(|a| a.user_id).collect();
    let names = staff_names(db, staff).await?;
    let progress = repo::progress_of(db, rows).await?;
    Ok(Parts {
        families,
        children,
        teams,
        names,
        progress,
    })
}

fn summary(
    case: &cases::Model,
    parts: &Parts,
    today: Date,
) -> ApiResult<(CaseSummary, Vec<DueItem>)> {
    let team = parts.teams.get(&case.id);
    let member = |role: &str| {
        team.and_then(|t| t.iter().find(|a| a.role == role))
            .map(|a| staff_ref(&parts.names, a.user_id))
    };
    let closed = case.closed_at.is_some();
    let due = if closed {
        Vec::new()
    } else {
        let parameters = case_parameters(case)?;
        let progress = parts.progress.get(&case.id).cloned().unwrap_or_default();
        due_items(&progress, &parameters, today)
    };
    let overdue = u32::try_from(due.iter().filter(|d| d.overdue).count()).unwrap_or(u32::MAX);
    let summary = CaseSummary {
        id: case.id,
        number: case.number.clone(),
        status: CaseStatus::of(case.assigned_on.is_some(), closed),
        family: CaseFamilyRef {
            id: case.family_id,
            name: parts
                .families
                .get(&case.family_id)
                .map(|f| f.name.clone())
                .unwrap_or_default(),
        },
        children: parts
            .children
            .get(&case.id)
            .map(|c| c.iter().map(person_ref).collect())
            .unwrap_or_default(),
        origin: decode_code("case", &case.origin)?,
        opened_on: case.opened_on,
        case_manager: member(ROLE_CASE_MANAGER),
        social_worker: member(ROLE_SOCIAL_WORKER),
        next_due: due.first().copied(),
        overdue,
        closed_on: case.closed_on,
        closing_reason: case
            .closing_reason
            .as_deref()
            .map(|r| decode_code("case", r))
            .transpose()?,
    };
    Ok((summary, due))
}

/// The summaries of `rows` on `today`, in their order (seven queries).
pub async fn summaries<C: ConnectionTrait>(
    db: &C,
    rows: Vec<cases::Model>,
    today: Date,
) -> ApiResult<Vec<CaseSummary>> {
    let parts = parts(db, &rows).await?;
    rows.iter()
        .map(|c| summary(c, &parts, today).map(|(s, _)| s))
        .collect()
}

/// The file of `case` on `today`.
pub async fn case_view<C: ConnectionTrait>(
    db: &C,
    case: cases::Model,
    today: Date,
) -> ApiResult<CaseView> {
    let parts = parts(db, std::slice::from_ref(&case)).await?;
    let (summary, due) = summary(&case, &parts, today)?;
    let parameters = case_parameters(&case)?;
    let team = parts
        .teams
        .get(&case.id)
        .map(|t| {
            t.iter()
                .map(|a| {
                    Ok(TeamMember {
                        user: staff_ref(&parts.names, a.user_id),
                        role: decode_code("case assignment", &a.role)?,
                        assigned_at: a.assigned_at,
                        order_reference: a.order_reference.clone(),
                    })
                })
                .collect::<ApiResult<Vec<_>>>()
        })
        .transpose()?
        .unwrap_or_default();
    let concerned: Vec<Uuid> = summary.children.iter().map(|c| c.id).collect();
    let members = families::members_of(db, case.family_id)
        .await?
        .into_iter()
        .map(|m| CaseMember {
            concerned: concerned.contains(&m.person.id),
            relation: Relation::parse(&m.relation).unwrap_or(Relation::Other),
            birth_date: m.person.birth_date,
            person: person_ref(&m.person),
        })
        .collect();
    let family_cases = repo::cases_of_family(db, case.family_id)
        .await?
        .into_iter()
        .filter(|c| c.id != case.id)
        .map(|c| {
            Ok(FamilyCase {
                id: c.id,
                number: c.number,
                opened_on: c.opened_on,
                closed_on: c.closed_on,
                closing_reason: c
                    .closing_reason
                    .as_deref()
                    .map(|r| decode_code("case", r))
                    .transpose()?,
            })
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(CaseView {
        summary,
        notice: CaseNotice {
            date: case.notice_date,
            reference: case.notice_reference,
            referred_by: case.referred_by,
            reason: case.reason,
        },
        parameters,
        assignment_due: parameters.assignment_due(case.opened_on),
        assigned_on: case.assigned_on,
        due,
        team,
        members,
        family_cases,
        closing_note: case.closing_note,
        version: case.version,
    })
}
