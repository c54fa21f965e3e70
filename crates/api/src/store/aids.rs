//! The technical aids repository: the price table (seeded with the figures
//! in force since 2017-01-02), items, loans and the waiting lists, all within
//! the actor's municipality.

use crate::actor::Actor;
use crate::store::entities::{aid_items, aid_loans, aid_prices, aid_waiting};
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::{MunicipalityScoped, scoped};
use crate::store::versioned::Versioned;
use atvejis_domain::aids::{AidPrice, AidType};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use std::str::FromStr;
use time::OffsetDateTime;
use uuid::Uuid;

/// A waiting entry still waiting.
pub const WAITING: &str = "waiting";
/// A waiting entry closed by a loan to the person.
pub const SERVED: &str = "served";
/// A waiting entry whose person left the list.
pub const LEFT: &str = "left";

macro_rules! municipality_wide {
    ($($module:ident),*) => {$(
        impl MunicipalityScoped for $module::Entity {
            fn municipality_column() -> Self::Column {
                $module::Column::MunicipalityId
            }
        }
    )*};
}

municipality_wide!(aid_prices, aid_items, aid_loans, aid_waiting);

macro_rules! versioned {
    ($($module:ident),*) => {$(
        impl Versioned for $module::Entity {
            fn id_column() -> Self::Column {
                $module::Column::Id
            }
            fn version_column() -> Self::Column {
                $module::Column::Version
            }
            fn updated_at_column() -> Self::Column {
                $module::Column::UpdatedAt
            }
        }
    )*};
}

versioned!(aid_items, aid_loans, aid_waiting);

/// Seeds `municipality_id`'s price table with the prices in force since
/// 2017-01-02 (R-FEE-10, R-FEE-11), unless it has prices already.
pub async fn seed_prices<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    let existing = aid_prices::Entity::find()
        .filter(aid_prices::Column::MunicipalityId.eq(municipality_id))
        .count(db)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    for aid_type in AidType::ALL {
        let p = AidPrice::since_2017(aid_type);
        aid_prices::Entity::insert(aid_prices::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(municipality_id),
            aid_type: Set(aid_type.as_str().to_owned()),
            valid_from: Set(p.valid_from),
            fee_new: Set(p.fee_new),
            fee_used: Set(p.fee_used),
            refund_new: Set(p.refund_new),
            refund_used: Set(p.refund_used),
            created_by: Set(None),
            created_at: Set(now),
        })
        .exec(db)
        .await?;
    }
    Ok(())
}

/// The price table of the actor's municipality.
pub async fn prices<C: ConnectionTrait>(db: &C, actor: &Actor) -> StoreResult<Vec<AidPrice>> {
    scoped::<aid_prices::Entity>(actor)
        .order_by_asc(aid_prices::Column::AidType)
        .order_by_asc(aid_prices::Column::ValidFrom)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            Ok(AidPrice {
                aid_type: AidType::from_str(&row.aid_type)
                    .map_err(|e| StoreError::corrupt("aid_price", e))?,
                valid_from: row.valid_from,
                fee_new: row.fee_new,
                fee_used: row.fee_used,
                refund_new: row.refund_new,
                refund_used: row.refund_used,
            })
        })
        .collect()
}

/// The item `id` of the actor's municipality.
pub async fn item<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<aid_items::Model> {
    scoped::<aid_items::Entity>(actor)
        .filter(aid_items::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("aid"))
}

/// The loan `id` of the actor's municipality.
pub async fn loan<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<aid_loans::Model> {
    scoped::<aid_loans::Entity>(actor)
        .filter(aid_loans::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("aid loan"))
}

/// The waiting entry `id` of the actor's municipality.
pub async fn waiting_entry<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<aid_waiting::Model> {
    scoped::<aid_waiting::Entity>(actor)
        .filter(aid_waiting::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("waiting entry"))
}

/// The people waiting for `aid_type`, first come first served.
pub async fn waiting_for<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    aid_type: Option<AidType>,
) -> StoreResult<Vec<aid_waiting::Model>> {
    let mut q =
        scoped::<aid_waiting::Entity>(actor).filter(aid_waiting::Column::Status.eq(WAITING));
    if let Some(t) = aid_type {
        q = q.filter(aid_waiting::Column::AidType.eq(t.as_str()));
    }
    Ok(q.order_by_asc(aid_waiting::Column::AidType)
        .order_by_asc(aid_waiting::Column::Seq)
        .order_by_asc(aid_waiting::Column::Id)
        .all(db)
        .await?)
}

/// The open loans of `item_ids` (at most one each).
pub async fn open_loans_of_items<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    item_ids: Vec<Uuid>,
) -> StoreResult<Vec<aid_loans::Model>> {
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(scoped::<aid_loans::Entity>(actor)
        .filter(aid_loans::Column::ItemId.is_in(item_ids))
        .filter(aid_loans::Column::ReturnedOn.is_null())
        .all(db)
        .await?)
}
