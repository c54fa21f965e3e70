//! Whom the head of the case managers' unit can put on a case's team
//! (R-CM-1): the municipality's active case managers (and heads, who may
//! manage a case themselves) and social workers. The administrator's user
//! list is not theirs to read; this answers only names, nothing more.

use crate::actor::Actor;
use crate::app::applications::views::StaffRef;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store::users::{self, UserQuery};
use atvejis_domain::access::{Permission, Role};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The people a case's team can be made of.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TeamCandidates {
    /// Active users who can manage a case (`case_manager`,
    /// `case_management_head`), by name.
    pub case_managers: Vec<StaffRef>,
    /// Active social workers, by name.
    pub social_workers: Vec<StaffRef>,
}

/// The most people of one role a municipality's list shows.
const LIMIT: u64 = 500;

async fn holders(state: &AppState, actor: &Actor, roles: &[Role]) -> ApiResult<Vec<StaffRef>> {
    let mut people: Vec<StaffRef> = Vec::new();
    for role in roles {
        let filter = UserQuery {
            role: Some(*role),
            active: Some(true),
            ..UserQuery::default()
        };
        let (records, _) = users::page(&state.db, actor, &filter, 1, LIMIT).await?;
        for r in records {
            if !people.iter().any(|p| p.id == r.user.id) {
                people.push(StaffRef {
                    id: r.user.id,
                    display_name: r.user.display_name,
                });
            }
        }
    }
    people.sort_by(|a, b| a.display_name.cmp(&b.display_name));
    Ok(people)
}

/// The team candidates of the actor's municipality (`AssignCases`).
pub async fn candidates(state: &AppState, actor: &Actor) -> ApiResult<TeamCandidates> {
    actor.require(Permission::AssignCases)?;
    Ok(TeamCandidates {
        case_managers: holders(state, actor, &[Role::CaseManager, Role::CaseManagementHead])
            .await?,
        social_workers: holders(state, actor, &[Role::SocialWorker]).await?,
    })
}
