//! The user representation and the helpers the user handlers share.

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::routes::common::{EldershipRef, RoleSchema};
use crate::store::entities::{elderships, users as users_table};
use crate::store::scope::scoped;
use crate::store::users;
use atvejis_domain::access::Role;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
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
    #[schema(value_type = Vec<RoleSchema>)]
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

/// Builds the views of `rows` with two more queries (roles, elderships).
pub async fn views<C: ConnectionTrait>(
    db: &C,
    rows: Vec<users_table::Model>,
) -> ApiResult<Vec<UserView>> {
    let ids: Vec<Uuid> = rows.iter().map(|u| u.id).collect();
    let mut roles = users::roles_of_many(db, &ids).await?;
    let eldership_ids: Vec<Uuid> = rows.iter().filter_map(|u| u.eldership_id).collect();
    let elderships: HashMap<Uuid, elderships::Model> = if eldership_ids.is_empty() {
        HashMap::new()
    } else {
        elderships::Entity::find()
            .filter(elderships::Column::Id.is_in(eldership_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|u| UserView {
            id: u.id,
            roles: roles.remove(&u.id).unwrap_or_default(),
            eldership: u
                .eldership_id
                .and_then(|e| elderships.get(&e).cloned())
                .map(Into::into),
            username: u.username,
            display_name: u.display_name,
            active: u.active,
            created_at: u.created_at,
            updated_at: u.updated_at,
            version: u.version,
        })
        .collect())
}

/// One user's view.
pub async fn view<C: ConnectionTrait>(db: &C, row: users_table::Model) -> ApiResult<UserView> {
    views(db, vec![row])
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("user view vanished"))
}

/// The user `id` within the actor's scope, or 404.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<users_table::Model> {
    scoped::<users_table::Entity>(actor)
        .filter(users_table::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or_else(|| ApiError::not_found("No such user."))
}

/// Parses and checks a role list: at least one, no repeats, known codes.
pub fn parse_roles(field: &str, codes: &[String]) -> Result<Vec<Role>, FieldError> {
    if codes.is_empty() {
        return Err(FieldError::new(field, "required", "give at least one role"));
    }
    let mut roles = Vec::with_capacity(codes.len());
    for (i, code) in codes.iter().enumerate() {
        let role = code.parse::<Role>().map_err(|_| {
            FieldError::new(
                format!("{field}[{i}]"),
                "unknown_role",
                format!(
                    "`{code}` is not a role; roles are {}",
                    Role::ALL.map(Role::as_str).join(", ")
                ),
            )
        })?;
        if roles.contains(&role) {
            return Err(FieldError::new(
                format!("{field}[{i}]"),
                "duplicate",
                format!("`{code}` is listed twice"),
            ));
        }
        roles.push(role);
    }
    roles.sort();
    Ok(roles)
}

/// An eldership of the actor's municipality, or a field error.
pub async fn check_eldership<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<elderships::Model> {
    users::eldership_in(db, actor.municipality_id, id)
        .await?
        .ok_or_else(|| {
            ApiError::invalid_field(
                "eldership_id",
                "unknown_eldership",
                "is not an eldership of your municipality",
            )
        })
}

/// Usernames: 3–64 characters, lower-case letters, digits, `.`, `_`, `-`,
/// starting with a letter or digit.
pub fn check_username(raw: &str) -> Result<String, FieldError> {
    let username = users::canonical_username(raw);
    let valid_chars = username
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    let starts_well = username
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if !(3..=64).contains(&username.len()) || !valid_chars || !starts_well {
        return Err(FieldError::new(
            "username",
            "invalid",
            "use 3–64 latin letters, digits, `.`, `_` or `-`, starting with a letter or digit",
        ));
    }
    Ok(username)
}
