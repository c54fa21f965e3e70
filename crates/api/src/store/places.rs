//! The places repository: facilities, their kinds of place (each one
//! queue), the capacity in force, occupancy derived from stays, the queue's
//! waiting entries and held offers, and the position history.
//!
//! [`lock_place`] is how every change of a queue begins: it bumps the
//! queue's row, which holds the row lock on PostgreSQL until the
//! transaction ends (and SQLite's write transactions are IMMEDIATE), so the
//! changes of one queue happen one after another across API processes.

use crate::actor::Actor;
use crate::store::entities::{
    facilities, facility_capacities, facility_places, place_offers, queue_entries,
    queue_position_events, stays,
};
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::scoped;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// An entry still waiting.
pub const WAITING: &str = "waiting";
/// An entry whose person moved in.
pub const ADMITTED: &str = "admitted";
/// An entry whose person left the queue.
pub const LEFT: &str = "left";

/// An offer awaiting its answer.
pub const OFFER_PENDING: &str = "pending";
/// An accepted offer, awaiting the admission.
pub const OFFER_ACCEPTED: &str = "accepted";

/// The facility `id` of the actor's municipality.
pub async fn facility<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<facilities::Model> {
    scoped::<facilities::Entity>(actor)
        .filter(facilities::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("facility"))
}

/// The queue `id` (a kind of place at a facility) of the actor's municipality.
pub async fn place<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<facility_places::Model> {
    scoped::<facility_places::Entity>(actor)
        .filter(facility_places::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("place"))
}

/// The kinds of place of `facility_id`.
pub async fn places_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    facility_id: Uuid,
) -> StoreResult<Vec<facility_places::Model>> {
    Ok(scoped::<facility_places::Entity>(actor)
        .filter(facility_places::Column::FacilityId.eq(facility_id))
        .order_by_asc(facility_places::Column::PlaceKind)
        .all(db)
        .await?)
}

/// The queue of `kind` at `facility_id`, if the facility has such places.
pub async fn place_of_kind<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    facility_id: Uuid,
    kind: &str,
) -> StoreResult<Option<facility_places::Model>> {
    Ok(scoped::<facility_places::Entity>(actor)
        .filter(facility_places::Column::FacilityId.eq(facility_id))
        .filter(facility_places::Column::PlaceKind.eq(kind))
        .one(db)
        .await?)
}

/// Begins a change of queue `id`: bumps its row (the lock, held to the end
/// of the transaction) and returns it as it is now. 404 outside the
/// actor's municipality.
pub async fn lock_place<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    now: OffsetDateTime,
) -> StoreResult<facility_places::Model> {
    let result = facility_places::Entity::update_many()
        .col_expr(
            facility_places::Column::Version,
            Expr::col(facility_places::Column::Version).add(1),
        )
        .col_expr(facility_places::Column::UpdatedAt, Expr::value(now))
        .filter(facility_places::Column::Id.eq(id))
        .filter(facility_places::Column::MunicipalityId.eq(actor.municipality_id))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(StoreError::NotFound("place"));
    }
    place(db, actor, id).await
}

/// Takes the next registration number of queue `place` (locked).
pub async fn next_registration<C: ConnectionTrait>(
    db: &C,
    place: &facility_places::Model,
) -> StoreResult<i64> {
    let next = place.registrations + 1;
    facility_places::Entity::update_many()
        .col_expr(facility_places::Column::Registrations, Expr::value(next))
        .filter(facility_places::Column::Id.eq(place.id))
        .exec(db)
        .await?;
    Ok(next)
}

/// The places of queue `place_id` in force on `on` (0 before any).
pub async fn capacity_on<C: ConnectionTrait>(db: &C, place_id: Uuid, on: Date) -> StoreResult<u32> {
    let row = facility_capacities::Entity::find()
        .filter(facility_capacities::Column::PlaceId.eq(place_id))
        .filter(facility_capacities::Column::ValidFrom.lte(on))
        .order_by_desc(facility_capacities::Column::ValidFrom)
        .one(db)
        .await?;
    Ok(row.map_or(0, |r| u32::try_from(r.places).unwrap_or(0)))
}

/// The condition of the stays that hold a place on `on`: not ended, or
/// ending after it.
pub fn occupying_on(on: Date) -> Condition {
    Condition::any()
        .add(stays::Column::EndedOn.is_null())
        .add(stays::Column::EndedOn.gt(on))
}

/// The places of queue `place_id` that stays occupy on `on`.
pub async fn occupied_on<C: ConnectionTrait>(db: &C, place_id: Uuid, on: Date) -> StoreResult<u32> {
    let n = stays::Entity::find()
        .filter(stays::Column::PlaceId.eq(place_id))
        .filter(occupying_on(on))
        .count(db)
        .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The entries waiting in queue `place_id`, in position order.
pub async fn waiting<C: ConnectionTrait>(
    db: &C,
    place_id: Uuid,
) -> StoreResult<Vec<queue_entries::Model>> {
    Ok(queue_entries::Entity::find()
        .filter(queue_entries::Column::PlaceId.eq(place_id))
        .filter(queue_entries::Column::Status.eq(WAITING))
        .order_by_asc(queue_entries::Column::Position)
        .order_by_asc(queue_entries::Column::Registration)
        .all(db)
        .await?)
}

/// The offers of queue `place_id` that hold a place (pending or accepted).
pub async fn held_offers<C: ConnectionTrait>(
    db: &C,
    place_id: Uuid,
) -> StoreResult<Vec<place_offers::Model>> {
    Ok(place_offers::Entity::find()
        .filter(place_offers::Column::PlaceId.eq(place_id))
        .filter(place_offers::Column::Status.is_in([OFFER_PENDING, OFFER_ACCEPTED]))
        .order_by_asc(place_offers::Column::CreatedAt)
        .all(db)
        .await?)
}

/// The position history of entry `entry_id`, oldest first.
pub async fn history<C: ConnectionTrait>(
    db: &C,
    entry_id: Uuid,
) -> StoreResult<Vec<queue_position_events::Model>> {
    Ok(queue_position_events::Entity::find()
        .filter(queue_position_events::Column::EntryId.eq(entry_id))
        .order_by_asc(queue_position_events::Column::Seq)
        .order_by_asc(queue_position_events::Column::Id)
        .all(db)
        .await?)
}

/// The queue entry `id` of the actor's municipality.
pub async fn entry<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<queue_entries::Model> {
    scoped::<queue_entries::Entity>(actor)
        .filter(queue_entries::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("queue_entry"))
}

/// The offer `id` of the actor's municipality.
pub async fn offer<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<place_offers::Model> {
    scoped::<place_offers::Entity>(actor)
        .filter(place_offers::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("offer"))
}

/// The stay `id` of the actor's municipality.
pub async fn stay<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<stays::Model> {
    scoped::<stays::Entity>(actor)
        .filter(stays::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("stay"))
}

/// Seeds `facility` in `municipality_id` unless its code exists: the
/// facility with its default admission checklist, its kinds of place, and
/// their capacity from the day of `now`.
pub async fn seed_facility<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    institution_id: Option<Uuid>,
    facility: &crate::store::seed::FacilitySeed<'_>,
    now: OffsetDateTime,
) -> Result<(), sea_orm::DbErr> {
    use atvejis_domain::places::default_admission_checklist;
    use sea_orm::ActiveValue::Set;
    let exists = facilities::Entity::find()
        .filter(facilities::Column::MunicipalityId.eq(municipality_id))
        .filter(facilities::Column::Code.eq(facility.code))
        .count(db)
        .await?;
    if exists > 0 {
        return Ok(());
    }
    let id = Uuid::now_v7();
    let checklist = serde_json::to_value(default_admission_checklist(facility.kind))
        .map_err(|e| sea_orm::DbErr::Custom(e.to_string()))?;
    facilities::Entity::insert(facilities::ActiveModel {
        id: Set(id),
        municipality_id: Set(municipality_id),
        institution_id: Set(institution_id),
        code: Set(facility.code.to_owned()),
        name: Set(facility.name.to_owned()),
        kind: Set(facility.kind.as_str().to_owned()),
        address: Set(facility.address.map(str::to_owned)),
        offer_reply_days: Set(
            i32::try_from(atvejis_domain::places::DEFAULT_REPLY_DAYS).unwrap_or(5)
        ),
        admission_checklist: Set(checklist),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(db)
    .await?;
    // The seeded capacity is in force from before any record of the system.
    let since = time::macros::date!(2024 - 01 - 01);
    for (kind, places) in facility.places {
        let place_id = Uuid::now_v7();
        facility_places::Entity::insert(facility_places::ActiveModel {
            id: Set(place_id),
            municipality_id: Set(municipality_id),
            facility_id: Set(id),
            place_kind: Set(kind.as_str().to_owned()),
            registrations: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        })
        .exec(db)
        .await?;
        facility_capacities::Entity::insert(facility_capacities::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(municipality_id),
            place_id: Set(place_id),
            places: Set(i32::try_from(*places).unwrap_or(i32::MAX)),
            valid_from: Set(since),
            created_by: Set(None),
            created_at: Set(now),
        })
        .exec(db)
        .await?;
    }
    Ok(())
}
