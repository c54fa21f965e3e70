//! R-Q-5: when the preferred facility has no free place, the other
//! facilities of the municipality with free places of the same kind.

use super::board::board_place;
use super::facilities::place_view;
use crate::actor::Actor;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store::entities::{facilities, facility_places};
use crate::store::places as repo;
use crate::store::scope::scoped;
use atvejis_domain::access::Permission;
use atvejis_domain::places::{PlaceKind, alternatives};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// Another facility with free places.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlternativeFacility {
    /// The facility.
    pub facility_id: Uuid,
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its address.
    pub address: Option<String>,
    /// Free places of the kind today.
    pub free: u32,
    /// People waiting for them.
    pub waiting: u32,
}

/// The alternatives to a preferred facility (R-Q-5).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Alternatives {
    /// The preferred facility.
    pub facility_id: Uuid,
    /// The kind of place.
    pub place_kind: PlaceKind,
    /// Free places there today.
    pub preferred_free: u32,
    /// Other active facilities with free places of the kind, most free
    /// first; empty when the preferred one has a free place.
    pub alternatives: Vec<AlternativeFacility>,
}

/// R-Q-5 for facility `facility_id` and `kind` (`ReadPlaces`).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    facility_id: Uuid,
    kind: Option<PlaceKind>,
) -> ApiResult<Alternatives> {
    actor.require(Permission::ReadPlaces)?;
    let db = &state.db;
    let today = state.clock.today();
    repo::facility(db, actor, facility_id).await?;
    let preferred = board_place(db, actor, facility_id, kind).await?;
    let kind = PlaceKind::parse(&preferred.place_kind).unwrap_or(PlaceKind::LongTermCare);
    let active: HashMap<Uuid, facilities::Model> = scoped::<facilities::Entity>(actor)
        .filter(facilities::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let places = scoped::<facility_places::Entity>(actor)
        .filter(facility_places::Column::PlaceKind.eq(kind.as_str()))
        .order_by_asc(facility_places::Column::CreatedAt)
        .all(db)
        .await?;
    let mut free = Vec::new();
    let mut views = HashMap::new();
    for place in places {
        if place.facility_id != facility_id && !active.contains_key(&place.facility_id) {
            continue;
        }
        let view = place_view(db, &place, today).await?;
        free.push((place.facility_id, view.free));
        views.insert(place.facility_id, view);
    }
    let preferred_free = views.get(&facility_id).map_or(0, |v| v.free);
    let others = alternatives(facility_id, &free)
        .into_iter()
        .filter_map(|id| {
            let f = active.get(&id)?;
            let v = views.get(&id)?;
            Some(AlternativeFacility {
                facility_id: id,
                code: f.code.clone(),
                name: f.name.clone(),
                address: f.address.clone(),
                free: v.free,
                waiting: v.waiting,
            })
        })
        .collect();
    Ok(Alternatives {
        facility_id,
        place_kind: kind,
        preferred_free,
        alternatives: others,
    })
}
