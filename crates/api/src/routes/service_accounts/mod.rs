//! `/api/v1/service-accounts`: other municipal systems that call the API.
//! Only `admin`; the secret is shown once, at creation and at rotation.

pub mod create;
pub mod deactivate;
pub mod list;
pub mod rotate_secret;

use crate::app::service_accounts::ServiceAccount;
use atvejis_domain::scopes::ServiceScope;
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

impl From<ServiceAccount> for ServiceAccountView {
    fn from(m: ServiceAccount) -> Self {
        ServiceAccountView {
            id: m.id,
            scopes: m.scopes,
            client_id: m.client_id,
            name: m.name,
            active: m.active,
            created_at: m.created_at,
            version: m.version,
        }
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
