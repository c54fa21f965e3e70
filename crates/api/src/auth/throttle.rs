//! Login throttling: after [`MAX_FAILURES`] failed logins for one username
//! from one client address within [`WINDOW`], further attempts get 429 with
//! `Retry-After` until the oldest of them leaves the window. Keyed on both, so
//! an attacker elsewhere cannot lock a member of staff out.
//!
//! The state is in the database, so several API processes share it. Each
//! attempt is recorded *before* the password is checked and counted with the
//! others: of any number of concurrent attempts, at most [`MAX_FAILURES`] get
//! to check a password. A successful login deletes the key's rows; a failed
//! one keeps its row as the failure.

use crate::store::entities::login_failures as lf;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// Failures allowed in the window.
pub const MAX_FAILURES: u64 = 10;
/// The window.
pub const WINDOW: Duration = Duration::minutes(15);

/// An attempt that may go on to check the password.
#[derive(Debug)]
pub struct Attempt {
    /// The attempt's row: the failure record if the password is wrong.
    pub id: Uuid,
}

/// Records an attempt for `key` from `client_addr`. `Err(seconds)` when the
/// key is throttled: the caller answers 429 with that `Retry-After`.
pub async fn begin<C: ConnectionTrait>(
    db: &C,
    key: &str,
    client_addr: &str,
    now: OffsetDateTime,
) -> Result<Result<Attempt, u64>, DbErr> {
    let window_start = now - WINDOW;
    let same_key = || {
        lf::Entity::find()
            .filter(lf::Column::Username.eq(key))
            .filter(lf::Column::ClientAddr.eq(client_addr))
    };
    lf::Entity::delete_many()
        .filter(lf::Column::Username.eq(key))
        .filter(lf::Column::ClientAddr.eq(client_addr))
        .filter(lf::Column::FailedAt.lt(window_start))
        .exec(db)
        .await?;
    let id = Uuid::now_v7();
    lf::Entity::insert(lf::ActiveModel {
        id: Set(id),
        username: Set(key.to_owned()),
        client_addr: Set(client_addr.to_owned()),
        failed_at: Set(now),
    })
    .exec(db)
    .await?;
    let count = same_key()
        .filter(lf::Column::FailedAt.gte(window_start))
        .count(db)
        .await?;
    if count <= MAX_FAILURES {
        return Ok(Ok(Attempt { id }));
    }
    lf::Entity::delete_by_id(id).exec(db).await?;
    // When the MAX_FAILURES-th most recent other attempt leaves the window,
    // one more attempt fits.
    let boundary = same_key()
        .filter(lf::Column::FailedAt.gte(window_start))
        .order_by_desc(lf::Column::FailedAt)
        .offset(MAX_FAILURES - 1)
        .one(db)
        .await?
        .map_or(now, |row| row.failed_at);
    let retry = (boundary + WINDOW - now).whole_seconds().max(1);
    Ok(Err(u64::try_from(retry).unwrap_or(1)))
}

/// After a successful login: forgets the key's failures.
pub async fn clear<C: ConnectionTrait>(db: &C, key: &str, client_addr: &str) -> Result<(), DbErr> {
    lf::Entity::delete_many()
        .filter(lf::Column::Username.eq(key))
        .filter(lf::Column::ClientAddr.eq(client_addr))
        .exec(db)
        .await?;
    Ok(())
}
