//! Queries about staff users that several handlers share.

use crate::store::entities::{elderships, municipalities, user_roles, users};
use atvejis_domain::access::Role;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;
use uuid::Uuid;

/// Canonical form of a username: trimmed, lower case.
pub fn canonical_username(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// The user with this (canonical) username, in any municipality.
pub async fn find_by_username<C: ConnectionTrait>(
    db: &C,
    username: &str,
) -> Result<Option<users::Model>, DbErr> {
    users::Entity::find()
        .filter(users::Column::Username.eq(username))
        .one(db)
        .await
}

/// The roles of one user, in the stable order of [`Role::ALL`]. Unknown role
/// codes in the table (from a newer version) are skipped.
pub async fn roles_of<C: ConnectionTrait>(db: &C, user_id: Uuid) -> Result<Vec<Role>, DbErr> {
    Ok(roles_of_many(db, &[user_id])
        .await?
        .remove(&user_id)
        .unwrap_or_default())
}

/// The roles of several users, with one query.
pub async fn roles_of_many<C: ConnectionTrait>(
    db: &C,
    user_ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<Role>>, DbErr> {
    let mut out: HashMap<Uuid, Vec<Role>> = HashMap::new();
    if user_ids.is_empty() {
        return Ok(out);
    }
    let rows = user_roles::Entity::find()
        .filter(user_roles::Column::UserId.is_in(user_ids.iter().copied()))
        .order_by_asc(user_roles::Column::Role)
        .all(db)
        .await?;
    for row in rows {
        if let Ok(role) = row.role.parse::<Role>() {
            out.entry(row.user_id).or_default().push(role);
        }
    }
    for roles in out.values_mut() {
        roles.sort();
    }
    Ok(out)
}

/// Replaces the roles of a user.
pub async fn set_roles<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    roles: &[Role],
) -> Result<(), DbErr> {
    user_roles::Entity::delete_many()
        .filter(user_roles::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if roles.is_empty() {
        return Ok(());
    }
    user_roles::Entity::insert_many(roles.iter().map(|role| user_roles::ActiveModel {
        user_id: Set(user_id),
        role: Set(role.as_str().to_owned()),
    }))
    .exec(db)
    .await?;
    Ok(())
}

/// A municipality by id.
pub async fn municipality<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<Option<municipalities::Model>, DbErr> {
    municipalities::Entity::find_by_id(id).one(db).await
}

/// An eldership by id, only if it belongs to `municipality_id`.
pub async fn eldership_in<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    id: Uuid,
) -> Result<Option<elderships::Model>, DbErr> {
    elderships::Entity::find_by_id(id)
        .filter(elderships::Column::MunicipalityId.eq(municipality_id))
        .one(db)
        .await
}
