//! Caseloads: how many open cases each case manager has and how many of
//! them are overdue (R-CMP-1..4), and how many cases wait for a team. For
//! those who see every case of the municipality (the head of the case
//! managers' unit, the division head); everyone else 403.

use crate::actor::Actor;
use crate::app::applications::views::{StaffRef, staff_ref};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::applications::staff_names;
use crate::store::cases::{self as repo, ROLE_CASE_MANAGER, case_parameters};
use crate::store::entities::{cases, user_roles, users};
use atvejis_domain::access::{CaseScope, Permission, Role, case_scope};
use atvejis_domain::cases::{DueKind, due_items};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// A case manager's load.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ManagerLoad {
    /// The case manager.
    pub user: StaffRef,
    /// Their open cases.
    pub open_cases: u64,
    /// Of which with something overdue.
    pub overdue_cases: u64,
}

/// The municipality's caseloads.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Caseloads {
    /// Each active case manager (and anyone else managing a case), by name.
    pub managers: Vec<ManagerLoad>,
    /// Open cases without a team yet.
    pub awaiting_assignment: u64,
    /// Of which past the R-CMP-1 term.
    pub assignment_overdue: u64,
}

/// The caseloads of the actor's municipality on today.
pub async fn caseloads(state: &AppState, actor: &Actor) -> ApiResult<Caseloads> {
    actor.require(Permission::ReadCases)?;
    if actor.user_id().is_none() || case_scope(&actor.roles) != CaseScope::AllCases {
        return Err(ApiError::forbidden(
            "Caseloads are for the head of the case managers' unit and the division head.",
        ));
    }
    let db = &state.db;
    let today = state.clock.today();
    let open = cases::Entity::find()
        .filter(cases::Column::MunicipalityId.eq(actor.municipality_id))
        .filter(cases::Column::ClosedAt.is_null())
        .all(db)
        .await
        .map_err(StoreError::from)?;
    let ids: Vec<Uuid> = open.iter().map(|c| c.id).collect();
    let teams = repo::teams_of(db, &ids).await?;
    let progress = repo::progress_of(db, &open).await?;
    // Every active case manager of the municipality, with no cases too.
    let holders: Vec<Uuid> = user_roles::Entity::find()
        .select_only()
        .column(user_roles::Column::UserId)
        .filter(user_roles::Column::Role.eq(Role::CaseManager.as_str()))
        .into_tuple()
        .all(db)
        .await
        .map_err(StoreError::from)?;
    let managers: Vec<Uuid> = users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .filter(users::Column::Id.is_in(holders))
        .filter(users::Column::MunicipalityId.eq(actor.municipality_id))
        .filter(users::Column::Active.eq(true))
        .into_tuple()
        .all(db)
        .await
        .map_err(StoreError::from)?;
    let mut loads: BTreeMap<Uuid, (u64, u64)> = managers.into_iter().map(|m| (m, (0, 0))).collect();
    let mut awaiting_assignment = 0;
    let mut assignment_overdue = 0;
    for case in &open {
        let due = due_items(
            &progress.get(&case.id).cloned().unwrap_or_default(),
            &case_parameters(case)?,
            today,
        );
        let overdue = due.iter().any(|d| d.overdue);
        if case.assigned_on.is_none() {
            awaiting_assignment += 1;
            if due
                .iter()
                .any(|d| d.kind == DueKind::Assignment && d.overdue)
            {
                assignment_overdue += 1;
            }
            continue;
        }
        let manager = teams
            .get(&case.id)
            .and_then(|t| t.iter().find(|a| a.role == ROLE_CASE_MANAGER));
        if let Some(manager) = manager {
            let load = loads.entry(manager.user_id).or_default();
            load.0 += 1;
            if overdue {
                load.1 += 1;
            }
        }
    }
    let names = staff_names(db, loads.keys().copied().collect()).await?;
    let mut managers: Vec<ManagerLoad> = loads
        .into_iter()
        .map(|(id, (open_cases, overdue_cases))| ManagerLoad {
            user: staff_ref(&names, id),
            open_cases,
            overdue_cases,
        })
        .collect();
    managers.sort_by(|a, b| a.user.display_name.cmp(&b.user.display_name));
    Ok(Caseloads {
        managers,
        awaiting_assignment,
        assignment_overdue,
    })
}
