//! `GET /api/v1/me`.

use crate::actor::Actor;
use crate::app::common::{EldershipRef, MunicipalityRef};
use crate::app::{self, me::Account, users::UserRecord};
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::{Permission, Role};
use atvejis_domain::scopes::ServiceScope;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// Whether the caller is a person or another system.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// A member of staff.
    User,
    /// A service account.
    Service,
}

/// The caller's account.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Me {
    /// Account id.
    pub id: Uuid,
    /// User or service account.
    pub kind: AccountKind,
    /// Username (client id for a service account).
    pub username: String,
    /// Name to show.
    pub display_name: String,
    /// Staff roles (empty for a service account).
    pub roles: Vec<Role>,
    /// Scopes (empty for staff).
    pub scopes: Vec<ServiceScope>,
    /// What the caller may do, from their roles or scopes: clients show
    /// actions by these instead of keeping their own copy of the role matrix.
    pub permissions: Vec<Permission>,
    /// The municipality.
    pub municipality: MunicipalityRef,
    /// The eldership, for an eldership specialist.
    pub eldership: Option<EldershipRef>,
}

/// Who am I.
#[utoipa::path(
    tag = "me",
    responses(
        (status = 200, description = "The caller's account", body = Me),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/me")]
pub async fn get_me(state: web::Data<AppState>, actor: Actor) -> ApiResult<web::Json<Me>> {
    let (account, municipality) = app::me::get(&state, &actor).await?;
    let me = match account {
        Account::User(UserRecord {
            user,
            roles,
            eldership,
        }) => Me {
            id: user.id,
            kind: AccountKind::User,
            roles,
            username: user.username,
            display_name: user.display_name,
            scopes: Vec::new(),
            municipality: municipality.into(),
            eldership: eldership.map(Into::into),
            permissions: permissions(&actor),
        },
        Account::Service(account) => Me {
            id: account.id,
            kind: AccountKind::Service,
            username: account.client_id,
            display_name: account.name,
            roles: Vec::new(),
            scopes: actor.scopes.clone(),
            municipality: municipality.into(),
            eldership: None,
            permissions: permissions(&actor),
        },
    };
    Ok(web::Json(me))
}

/// The permissions `actor` holds, in the domain's order.
fn permissions(actor: &Actor) -> Vec<Permission> {
    Permission::ALL
        .into_iter()
        .filter(|p| actor.can(*p))
        .collect()
}
