//! The user representation.

use crate::app::common::EldershipRef;
use crate::app::users::UserRecord;
use atvejis_domain::access::Role;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// A member of staff.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct UserView {
    /// Id.
    pub id: Uuid,
    /// Login name (lower case).
    pub username: String,
    /// Name to show.
    pub display_name: String,
    /// Roles.
    pub roles: Vec<Role>,
    /// The eldership an eldership specialist works in.
    pub eldership: Option<EldershipRef>,
    /// Whether the user can log in.
    pub active: bool,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// Send this back with a change (optimistic concurrency).
    pub version: i32,
}

impl From<UserRecord> for UserView {
    fn from(r: UserRecord) -> Self {
        let u = r.user;
        UserView {
            id: u.id,
            roles: r.roles,
            eldership: r.eldership.map(Into::into),
            username: u.username,
            display_name: u.display_name,
            active: u.active,
            created_at: u.created_at,
            updated_at: u.updated_at,
            version: u.version,
        }
    }
}
