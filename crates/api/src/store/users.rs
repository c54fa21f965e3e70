//! Queries about staff users that several handlers share.

use crate::actor::Actor;
use crate::store::entities::{elderships, municipalities, user_roles, users};
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::scoped;
use atvejis_domain::access::Role;
use sea_orm::sea_query::{Expr, Func, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, ExprTrait,
    PaginatorTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;
use time::OffsetDateTime;
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

/// A user with their roles and eldership: what a user's view shows.
#[derive(Debug, Clone)]
pub struct UserRecord {
    /// The row.
    pub user: users::Model,
    /// Roles, in the order of [`Role::ALL`].
    pub roles: Vec<Role>,
    /// The eldership an eldership specialist works in.
    pub eldership: Option<elderships::Model>,
}

/// Loads the roles and elderships of `rows` with two queries, whatever
/// their number; keeps the order of `rows`.
pub async fn load_records<C: ConnectionTrait>(
    db: &C,
    rows: Vec<users::Model>,
) -> StoreResult<Vec<UserRecord>> {
    let ids: Vec<Uuid> = rows.iter().map(|u| u.id).collect();
    let mut roles = roles_of_many(db, &ids).await?;
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
        .map(|user| UserRecord {
            roles: roles.remove(&user.id).unwrap_or_default(),
            eldership: user.eldership_id.and_then(|e| elderships.get(&e).cloned()),
            user,
        })
        .collect())
}

/// The user `id` with roles and eldership (three queries). MUST return
/// `NotFound("user")` when the user is outside the actor's scope.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<UserRecord> {
    let row = find_scoped(db, actor, id).await?;
    load_records(db, vec![row])
        .await?
        .pop()
        .ok_or(StoreError::NotFound("user"))
}

/// The user `id`. MUST return `NotFound("user")` when the user is outside
/// the actor's scope (another municipality), as if it did not exist.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<users::Model> {
    scoped::<users::Entity>(actor)
        .filter(users::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("user"))
}

/// Filters of the user list.
#[derive(Debug, Clone, Default)]
pub struct UserQuery {
    /// Part of the username or display name, case-insensitive.
    pub q: Option<String>,
    /// Only users holding this role.
    pub role: Option<Role>,
    /// Only active or deactivated users.
    pub active: Option<bool>,
    /// Only users of this eldership.
    pub eldership_id: Option<Uuid>,
}

/// A page (from 1) of the users of the actor's municipality matching
/// `filter`, by username, with the total count: four queries.
pub async fn page<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    filter: &UserQuery,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<UserRecord>, u64)> {
    let mut query = scoped::<users::Entity>(actor);
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = super::contains_pattern(q);
        query = query.filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col(users::Column::Username)))
                        .like(pattern.clone()),
                )
                .add(Expr::expr(Func::lower(Expr::col(users::Column::DisplayName))).like(pattern)),
        );
    }
    if let Some(active) = filter.active {
        query = query.filter(users::Column::Active.eq(active));
    }
    if let Some(eldership) = filter.eldership_id {
        query = query.filter(users::Column::EldershipId.eq(eldership));
    }
    if let Some(role) = filter.role {
        query = query.filter(
            users::Column::Id.in_subquery(
                Query::select()
                    .column(user_roles::Column::UserId)
                    .from(user_roles::Entity)
                    .and_where(user_roles::Column::Role.eq(role.as_str()))
                    .to_owned(),
            ),
        );
    }
    let paginator = query
        .order_by_asc(users::Column::Username)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(crate::store::page_index(page)).await?;
    Ok((load_records(db, rows).await?, total))
}

/// A new user of the actor's municipality.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Canonical username.
    pub username: String,
    /// Name to show (trimmed).
    pub display_name: String,
    /// The password's hash.
    pub password_hash: String,
    /// Roles.
    pub roles: Vec<Role>,
    /// The eldership (already checked to be the actor's municipality's).
    pub eldership_id: Option<Uuid>,
}

/// Inserts a user and their roles; returns the id. A taken username answers
/// a unique violation ([`StoreError::is_unique_violation`]).
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    new: &NewUser,
    now: OffsetDateTime,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    users::Entity::insert(users::ActiveModel {
        id: Set(id),
        municipality_id: Set(municipality_id),
        eldership_id: Set(new.eldership_id),
        username: Set(new.username.clone()),
        display_name: Set(new.display_name.clone()),
        password_hash: Set(new.password_hash.clone()),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(db)
    .await?;
    set_roles(db, id, &new.roles).await?;
    Ok(id)
}

/// Changes to a user's own columns (`None`: unchanged).
#[derive(Debug, Clone, Default)]
pub struct UserChanges {
    /// Name to show.
    pub display_name: Option<String>,
    /// Eldership (`Some(None)` clears it).
    pub eldership_id: Option<Option<Uuid>>,
    /// Whether the user can log in.
    pub active: Option<bool>,
    /// A new password hash.
    pub password_hash: Option<String>,
}

/// Saves `changes` to user `id` at `version` (the one the caller read),
/// within the actor's scope, bumping the version. MUST return
/// `StaleVersion` when the row has another version.
pub async fn save<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    changes: UserChanges,
    now: OffsetDateTime,
) -> StoreResult<()> {
    let mut update = super::versioned::update::<users::Entity>(actor, id, version, now);
    if let Some(name) = changes.display_name {
        update = update.col_expr(users::Column::DisplayName, Expr::value(name));
    }
    if let Some(eldership) = changes.eldership_id {
        update = update.col_expr(users::Column::EldershipId, Expr::value(eldership));
    }
    if let Some(active) = changes.active {
        update = update.col_expr(users::Column::Active, Expr::value(active));
    }
    if let Some(hash) = changes.password_hash {
        update = update.col_expr(users::Column::PasswordHash, Expr::value(hash));
    }
    if update.exec(db).await?.rows_affected == 1 {
        Ok(())
    } else {
        Err(StoreError::StaleVersion)
    }
}

/// The user `id`, in any municipality (for the session flows, which have no
/// actor yet).
pub async fn find_by_id<C: ConnectionTrait>(db: &C, id: Uuid) -> StoreResult<Option<users::Model>> {
    Ok(users::Entity::find_by_id(id).one(db).await?)
}

/// Replaces user `id`'s password hash, only if it is still `old_hash` (a
/// concurrent change wins), bumping the version. MUST return `StaleVersion`
/// when the password changed meanwhile.
pub async fn replace_password<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    old_hash: &str,
    new_hash: String,
    now: OffsetDateTime,
) -> StoreResult<()> {
    let updated = users::Entity::update_many()
        .col_expr(users::Column::PasswordHash, Expr::value(new_hash))
        .col_expr(users::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            users::Column::Version,
            Expr::col(users::Column::Version).add(1),
        )
        .filter(users::Column::Id.eq(id))
        .filter(users::Column::PasswordHash.eq(old_hash))
        .exec(db)
        .await?;
    if updated.rows_affected == 1 {
        Ok(())
    } else {
        Err(StoreError::StaleVersion)
    }
}
