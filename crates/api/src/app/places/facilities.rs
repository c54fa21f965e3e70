//! Facilities and their places: the list with occupancy derived from stays
//! (never stored twice), and the capacity of a kind of place from a date.

use super::queue::audit_offers;
use super::{Queue, rule_error};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{facilities, facility_capacities, facility_places};
use crate::store::places as repo;
use crate::store::scope::scoped;
use atvejis_domain::access::Permission;
use atvejis_domain::places::{ChecklistItem, FacilityKind, PlaceKind};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;

/// A kind of place at a facility (one queue), as it stands today.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlaceView {
    /// The queue's id.
    pub id: Uuid,
    /// The kind of place.
    pub kind: PlaceKind,
    /// The places in force today.
    pub capacity: u32,
    /// Taken by stays.
    pub occupied: u32,
    /// Held by offers (pending or accepted).
    pub offered: u32,
    /// Neither occupied nor offered.
    pub free: u32,
    /// People waiting.
    pub waiting: u32,
    /// A capacity set from a later day, if any: (from, places).
    pub next_capacity: Option<CapacityView>,
}

/// A capacity from a day.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CapacityView {
    /// From.
    pub valid_from: Date,
    /// Places.
    pub places: u32,
}

/// A facility with its places.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FacilityView {
    /// Id.
    pub id: Uuid,
    /// Code, unique in the municipality.
    pub code: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: FacilityKind,
    /// Address.
    pub address: Option<String>,
    /// The institution it belongs to.
    pub institution_id: Option<Uuid>,
    /// Calendar days a person has to answer an offer.
    pub offer_reply_days: i32,
    /// The admission checklist.
    pub admission_checklist: Vec<ChecklistItem>,
    /// Whether it takes people.
    pub active: bool,
    /// Its kinds of place.
    pub places: Vec<PlaceView>,
    /// The facility's version (send it with a change).
    pub version: i32,
}

/// The view of kind of place `place` on `today`.
pub async fn place_view<C: ConnectionTrait>(
    db: &C,
    place: &facility_places::Model,
    today: Date,
) -> ApiResult<PlaceView> {
    let capacity = repo::capacity_on(db, place.id, today).await?;
    let occupied = repo::occupied_on(db, place.id, today).await?;
    let offered = u32::try_from(repo::held_offers(db, place.id).await?.len()).unwrap_or(u32::MAX);
    let waiting = u32::try_from(repo::waiting(db, place.id).await?.len()).unwrap_or(u32::MAX);
    let next = facility_capacities::Entity::find()
        .filter(facility_capacities::Column::PlaceId.eq(place.id))
        .filter(facility_capacities::Column::ValidFrom.gt(today))
        .order_by_asc(facility_capacities::Column::ValidFrom)
        .one(db)
        .await?;
    Ok(PlaceView {
        id: place.id,
        kind: PlaceKind::parse(&place.place_kind).unwrap_or(PlaceKind::LongTermCare),
        capacity,
        occupied,
        offered,
        free: capacity.saturating_sub(occupied.saturating_add(offered)),
        waiting,
        next_capacity: next.map(|c| CapacityView {
            valid_from: c.valid_from,
            places: u32::try_from(c.places).unwrap_or(0),
        }),
    })
}

/// The view of `facility` on `today`.
pub async fn facility_view<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    facility: facilities::Model,
    today: Date,
) -> ApiResult<FacilityView> {
    let mut places = Vec::new();
    for place in repo::places_of(db, actor, facility.id).await? {
        places.push(place_view(db, &place, today).await?);
    }
    Ok(FacilityView {
        kind: FacilityKind::parse(&facility.kind).unwrap_or(FacilityKind::GroupLivingHome),
        admission_checklist: serde_json::from_value(facility.admission_checklist)
            .unwrap_or_default(),
        id: facility.id,
        code: facility.code,
        name: facility.name,
        address: facility.address,
        institution_id: facility.institution_id,
        offer_reply_days: facility.offer_reply_days,
        active: facility.active,
        places,
        version: facility.version,
    })
}

/// The facilities of the actor's municipality (`ReadPlaces`), optionally
/// only those with places of `kind`.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    kind: Option<PlaceKind>,
) -> ApiResult<Vec<FacilityView>> {
    actor.require(Permission::ReadPlaces)?;
    let today = state.clock.today();
    let rows = scoped::<facilities::Entity>(actor)
        .order_by_asc(facilities::Column::Name)
        .all(&state.db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let view = facility_view(&state.db, actor, row, today).await?;
        if kind.is_none_or(|k| view.places.iter().any(|p| p.kind == k)) {
            out.push(view);
        }
    }
    Ok(out)
}

/// Facility `id` (`ReadPlaces`).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<FacilityView> {
    actor.require(Permission::ReadPlaces)?;
    let facility = repo::facility(&state.db, actor, id).await?;
    facility_view(&state.db, actor, facility, state.clock.today()).await
}

/// A capacity of a kind of place from a day.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct CapacityRequest {
    /// The kind of place.
    pub place_kind: PlaceKind,
    /// Places, 0–10000.
    #[validate(range(min = 0, max = 10000))]
    pub places: i32,
    /// From this day (today or later; a change from an earlier day would
    /// rewrite what the queue already did).
    pub valid_from: Date,
}

/// Sets the capacity of `body.place_kind` at facility `id` from
/// `valid_from` (`ManagePlaces`): never below the places offered and
/// occupied when it takes effect today (409 `capacity_below_use`, R-Q-4);
/// a capacity that grows today offers the new places at once to those
/// first in the queue.
pub async fn set_capacity(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: CapacityRequest,
) -> ApiResult<FacilityView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManagePlaces).await?;
    let facility = repo::facility(uow.db(), actor, id).await?;
    if body.valid_from < uow.today() {
        return Err(ApiError::invalid_field(
            "valid_from",
            FieldCode::InPast,
            "a capacity takes effect today or later",
        ));
    }
    let place = repo::place_of_kind(uow.db(), actor, id, body.place_kind.as_str())
        .await?
        .ok_or_else(|| {
            ApiError::invalid_field(
                "place_kind",
                FieldCode::Invalid,
                "the facility has no places of this kind",
            )
        })?;
    let places = u32::try_from(body.places).unwrap_or(0);
    let mut queue = Queue::open(&uow, actor, place.id).await?;
    let today_effect = body.valid_from == uow.today();
    if today_effect {
        queue.state.set_capacity(places).map_err(rule_error)?;
    }
    let existing = facility_capacities::Entity::find()
        .filter(facility_capacities::Column::PlaceId.eq(place.id))
        .filter(facility_capacities::Column::ValidFrom.eq(body.valid_from))
        .one(uow.db())
        .await?;
    match existing {
        Some(row) => {
            let mut row: facility_capacities::ActiveModel = row.into();
            row.places = Set(body.places);
            row.created_by = Set(actor.user_id());
            row.created_at = Set(uow.now());
            facility_capacities::Entity::update(row)
                .exec(uow.db())
                .await?;
        }
        None => {
            facility_capacities::Entity::insert(facility_capacities::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(actor.municipality_id),
                place_id: Set(place.id),
                places: Set(body.places),
                valid_from: Set(body.valid_from),
                created_by: Set(actor.user_id()),
                created_at: Set(uow.now()),
            })
            .exec(uow.db())
            .await?;
        }
    }
    let offers = if today_effect {
        queue.settle(&uow).await?
    } else {
        Vec::new()
    };
    uow.audit(
        AuditEvent::new(AuditAction::FacilityCapacity, "facility", id).summary(json!({
            "place_kind": body.place_kind.as_str(),
            "places": body.places,
            "valid_from": body.valid_from,
        })),
    )
    .await?;
    audit_offers(&mut uow, &offers).await?;
    let view = facility_view(uow.db(), actor, facility, uow.today()).await?;
    uow.commit().await?;
    Ok(view)
}
