//! `GET /api/v1/me`.

use crate::actor::{Actor, Principal};
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::routes::common::{EldershipRef, MunicipalityRef};
use crate::state::AppState;
use crate::store::entities::{service_accounts, users as users_table};
use crate::store::users;
use actix_web::{get, web};
use atvejis_domain::access::Role;
use atvejis_domain::scopes::ServiceScope;
use sea_orm::EntityTrait;
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
    let gone = || ApiError::unauthorized(ErrorCode::AccountGone, "The account no longer exists.");
    let municipality = users::municipality(&state.db, actor.municipality_id)
        .await?
        .ok_or_else(gone)?;
    let me = match &actor.principal {
        Principal::User { id, .. } => {
            let user = users_table::Entity::find_by_id(*id)
                .one(&state.db)
                .await?
                .ok_or_else(gone)?;
            let eldership = match user.eldership_id {
                Some(e) => users::eldership_in(&state.db, user.municipality_id, e).await?,
                None => None,
            };
            Me {
                id: user.id,
                kind: AccountKind::User,
                roles: users::roles_of(&state.db, user.id).await?,
                username: user.username,
                display_name: user.display_name,
                scopes: Vec::new(),
                municipality: municipality.into(),
                eldership: eldership.map(Into::into),
            }
        }
        Principal::Service { id, .. } => {
            let account = service_accounts::Entity::find_by_id(*id)
                .one(&state.db)
                .await?
                .ok_or_else(gone)?;
            Me {
                id: account.id,
                kind: AccountKind::Service,
                username: account.client_id,
                display_name: account.name,
                roles: Vec::new(),
                scopes: actor.scopes.clone(),
                municipality: municipality.into(),
                eldership: None,
            }
        }
    };
    Ok(web::Json(me))
}
