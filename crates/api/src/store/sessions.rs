//! Refresh-token families ("sessions"). A login opens a family; each refresh
//! marks the presented token used and adds a new one to the family; showing a
//! used token again means it was stolen or replayed, and revokes the family.

use crate::secrets;
use crate::store::entities::refresh_tokens as rt;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use time::OffsetDateTime;
use uuid::Uuid;

/// A refresh token just issued: the value goes to the client once.
#[derive(Debug, Clone)]
pub struct IssuedRefresh {
    /// The token.
    pub token: String,
    /// Its family (the session id).
    pub family_id: Uuid,
    /// Expiry.
    pub expires_at: OffsetDateTime,
}

/// Adds a token to `family_id` (a new family for a login).
pub async fn issue<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    family_id: Uuid,
    now: OffsetDateTime,
    ttl: std::time::Duration,
) -> Result<IssuedRefresh, DbErr> {
    let token = secrets::generate();
    let expires_at = now + ttl;
    rt::Entity::insert(rt::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        family_id: Set(family_id),
        token_hash: Set(secrets::digest(&token)),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
        revoked_at: Set(None),
    })
    .exec(db)
    .await?;
    Ok(IssuedRefresh {
        token,
        family_id,
        expires_at,
    })
}

/// The stored row of a presented token.
pub async fn find<C: ConnectionTrait>(db: &C, token: &str) -> Result<Option<rt::Model>, DbErr> {
    rt::Entity::find()
        .filter(rt::Column::TokenHash.eq(secrets::digest(token)))
        .one(db)
        .await
}

/// Marks a token used, only if it is still unused and unrevoked. `false`
/// when another request used or revoked it first.
pub async fn mark_used<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    now: OffsetDateTime,
) -> Result<bool, DbErr> {
    let result = rt::Entity::update_many()
        .col_expr(rt::Column::UsedAt, Expr::value(now))
        .filter(rt::Column::Id.eq(id))
        .filter(rt::Column::UsedAt.is_null())
        .filter(rt::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Revokes every live token of a family; returns how many.
pub async fn revoke_family<C: ConnectionTrait>(
    db: &C,
    family_id: Uuid,
    now: OffsetDateTime,
) -> Result<u64, DbErr> {
    let result = rt::Entity::update_many()
        .col_expr(rt::Column::RevokedAt, Expr::value(now))
        .filter(rt::Column::FamilyId.eq(family_id))
        .filter(rt::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Revokes every live token of a user, except the family `keep`.
pub async fn revoke_user<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    keep: Option<Uuid>,
    now: OffsetDateTime,
) -> Result<u64, DbErr> {
    let mut update = rt::Entity::update_many()
        .col_expr(rt::Column::RevokedAt, Expr::value(now))
        .filter(rt::Column::UserId.eq(user_id))
        .filter(rt::Column::RevokedAt.is_null());
    if let Some(family) = keep {
        update = update.filter(rt::Column::FamilyId.ne(family));
    }
    Ok(update.exec(db).await?.rows_affected)
}
