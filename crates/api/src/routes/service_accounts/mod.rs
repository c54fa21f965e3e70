//! `/api/v1/service-accounts`: other municipal systems that call the API.
//! Only `admin`; the secret is shown once, at creation and at rotation.

pub mod create;
pub mod deactivate;
pub mod list;
pub mod rotate_secret;

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult};
use crate::store::entities::service_accounts as sa;
use crate::store::scope::scoped;
use atvejis_domain::scopes::{self, ServiceScope};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// A service account.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ServiceAccountView {
    /// Id.
    pub id: Uuid,
    /// Client id for `POST /api/v1/auth/token`.
    pub client_id: String,
    /// Which system it is.
    pub name: String,
    /// Scopes it may ask for.
    pub scopes: Vec<ServiceScope>,
    /// Whether it can get tokens.
    pub active: bool,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Send back with a change.
    pub version: i32,
}

impl TryFrom<sa::Model> for ServiceAccountView {
    type Error = ApiError;

    fn try_from(m: sa::Model) -> Result<Self, ApiError> {
        Ok(ServiceAccountView {
            id: m.id,
            scopes: scopes::parse_list(&m.scopes)
                .map_err(|e| ApiError::internal(format!("stored scopes: {e}")))?,
            client_id: m.client_id,
            name: m.name,
            active: m.active,
            created_at: m.created_at,
            version: m.version,
        })
    }
}

/// A service account and its secret, shown this once.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ServiceAccountWithSecret {
    /// The account.
    pub account: ServiceAccountView,
    /// The client secret. Store it now: it cannot be shown again.
    pub client_secret: String,
}

/// The account `id` within the actor's municipality, or 404.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<sa::Model> {
    scoped::<sa::Entity>(actor)
        .filter(sa::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or_else(|| ApiError::not_found("No such service account."))
}
