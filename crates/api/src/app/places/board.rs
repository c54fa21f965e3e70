//! The queue board of a kind of place at a facility (R-Q-1..4): who waits in
//! which order with the expected wait, the offers holding places, and the
//! stays occupying them.

use super::facilities::{PlaceView, place_view};
use super::views::{OfferView, QueueEntryView, StayView, entry_view, person_names, stay_view};
use crate::actor::Actor;
use crate::app::read::{ExportRecord, audited, audited_export};
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::export::{ExportFormat, Table};
use crate::state::AppState;
use crate::store::audit::AuditAction;
use crate::store::entities::{facility_places, place_offers, stays};
use crate::store::places::{self as repo, occupying_on};
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::places::{PlaceKind, WaitEstimate, estimate_wait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use std::collections::HashMap;
use time::{Date, Duration};
use utoipa::ToSchema;
use uuid::Uuid;

/// How the expected waits were estimated.
pub const ESTIMATE_METHOD: &str = "expected days = position × 365 / admissions in the last 365 days (rounded up); none without admissions";

/// A waiting entry on the board, with its expected wait.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BoardEntry {
    /// The entry.
    #[serde(flatten)]
    pub entry: QueueEntryView,
    /// The expected wait at its position.
    pub expected_wait: WaitEstimate,
}

/// An offer holding a place, with the person's name.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BoardOffer {
    /// The offer.
    #[serde(flatten)]
    pub offer: OfferView,
    /// The person's name.
    pub person_name: String,
}

/// What the expected waits rest on.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EstimateBasis {
    /// Admissions from the queue (stays that came from a queue entry)
    /// started in the 365 days to today.
    pub admissions_last_12_months: u32,
    /// How the estimate is computed.
    pub method: String,
}

/// The queue board of a kind of place at a facility.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QueueBoard {
    /// The facility.
    pub facility_id: Uuid,
    /// Its name.
    pub facility_name: String,
    /// The kind of place (the queue).
    pub place_kind: PlaceKind,
    /// The places today: capacity, occupied, offered, free, waiting.
    pub place: PlaceView,
    /// Those waiting, in R-Q-3 order, each with the expected wait.
    pub entries: Vec<BoardEntry>,
    /// The offers holding a place (pending or accepted).
    pub offers: Vec<BoardOffer>,
    /// The open stays occupying places.
    pub stays: Vec<StayView>,
    /// What the expected waits rest on.
    pub estimate_basis: EstimateBasis,
}

/// The admissions from queue `place_id` in the 365 days to `today`.
pub async fn admissions_last_12_months<C: ConnectionTrait>(
    db: &C,
    place_id: Uuid,
    today: Date,
) -> ApiResult<u32> {
    let from = today.saturating_sub(Duration::days(365));
    let n = stays::Entity::find()
        .filter(stays::Column::PlaceId.eq(place_id))
        .filter(stays::Column::EntryId.is_not_null())
        .filter(stays::Column::StartedOn.gt(from))
        .filter(stays::Column::StartedOn.lte(today))
        .count(db)
        .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The queue of `kind` at facility `facility_id`; without a kind, the
/// facility's only one (422 on `place_kind` when it has several or none
/// of the kind).
pub async fn board_place<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    facility_id: Uuid,
    kind: Option<PlaceKind>,
) -> ApiResult<facility_places::Model> {
    let places = repo::places_of(db, actor, facility_id).await?;
    let found = match kind {
        Some(k) => places.into_iter().find(|p| p.place_kind == k.as_str()),
        None if places.len() == 1 => places.into_iter().next(),
        None => {
            return Err(ApiError::invalid_field(
                "place_kind",
                FieldCode::Required,
                "the facility has several kinds of place: name one",
            ));
        }
    };
    found.ok_or_else(|| {
        ApiError::invalid_field(
            "place_kind",
            FieldCode::Invalid,
            "the facility has no places of this kind",
        )
    })
}

/// The queue board of `kind` at facility `id` (`ReadPlaces`; an audited
/// read, `queue.board_read`).
pub async fn board(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    kind: Option<PlaceKind>,
    purpose: Purpose,
) -> ApiResult<QueueBoard> {
    actor.require(Permission::ReadPlaces)?;
    audited(
        state,
        actor,
        purpose,
        AuditAction::QueueBoardRead,
        "facility",
        || async { Ok((load_board(state, actor, id, kind).await?, id.to_string())) },
    )
    .await
}

/// The waiting entries of the queue board as a file, in queue order
/// (`ReadPlaces`; recorded as an export, `list.export` `queue`, of the
/// facility, with its purpose). The status is its code (`waiting`, …).
pub async fn export(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    kind: Option<PlaceKind>,
    purpose: Purpose,
    format: ExportFormat,
) -> ApiResult<Table> {
    actor.require(Permission::ReadPlaces)?;
    let record = ExportRecord {
        list: "queue",
        entity_id: Some(id.to_string()),
        filters: kind.map(|_| "place_kind").into_iter().collect(),
        format,
    };
    audited_export(
        state,
        actor,
        Permission::ReadCaseContent,
        purpose,
        record,
        || async {
            let board = load_board(state, actor, id, kind).await?;
            let mut table = Table::new(
                "Eilė",
                &[
                    "eiles_nr",
                    "vardas_pavarde",
                    "vietos_rusis",
                    "sprendimo_data",
                    "prasymo_data",
                    "registracijos_nr",
                    "statusas",
                    "laukia_dienu",
                    "numatoma_laukti_dienu",
                ],
            );
            for BoardEntry {
                entry,
                expected_wait,
            } in board.entries
            {
                table.push(vec![
                    entry.position.map(i64::from).into(),
                    entry.person_name.into(),
                    entry.place_kind.as_str().into(),
                    entry.decided_on.into(),
                    entry.applied_on.into(),
                    entry.registration.into(),
                    crate::app::common::serde_code(&entry.status).into(),
                    entry.days_waited.into(),
                    expected_wait.expected_days.map(i64::from).into(),
                ]);
            }
            Ok(table)
        },
    )
    .await
}

/// The queue board, unrecorded (the callers record the read).
async fn load_board(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    kind: Option<PlaceKind>,
) -> ApiResult<QueueBoard> {
    let db = &state.db;
    let today = state.clock.today();
    let facility = repo::facility(db, actor, id).await?;
    let place = board_place(db, actor, id, kind).await?;
    let view = place_view(db, &place, today).await?;
    let waiting = repo::waiting(db, place.id).await?;
    let held = repo::held_offers(db, place.id).await?;
    let open_stays = stays::Entity::find()
        .filter(stays::Column::PlaceId.eq(place.id))
        .filter(occupying_on(today))
        .order_by_asc(stays::Column::StartedOn)
        .all(db)
        .await?;
    let names = person_names(
        db,
        waiting
            .iter()
            .map(|e| e.person_id)
            .chain(held.iter().map(|o| o.person_id))
            .chain(open_stays.iter().map(|s| s.person_id)),
    )
    .await?;
    let admissions = admissions_last_12_months(db, place.id, today).await?;
    let by_entry: HashMap<Uuid, place_offers::Model> =
        held.iter().map(|o| (o.entry_id, o.clone())).collect();
    let entries = waiting
        .into_iter()
        .map(|e| {
            let position = u32::try_from(e.position.unwrap_or(0)).unwrap_or(0);
            let offer = by_entry.get(&e.id).cloned();
            BoardEntry {
                entry: entry_view(e, offer, &names, today),
                expected_wait: estimate_wait(position, admissions),
            }
        })
        .collect();
    let offers = held
        .into_iter()
        .map(|o| BoardOffer {
            person_name: names.get(&o.person_id).cloned().unwrap_or_default(),
            offer: OfferView::of(o, today),
        })
        .collect();
    let stays = open_stays
        .into_iter()
        .map(|s| stay_view(s, &names, today))
        .collect();
    Ok(QueueBoard {
        facility_id: facility.id,
        facility_name: facility.name,
        place_kind: view.kind,
        place: view,
        entries,
        offers,
        stays,
        estimate_basis: EstimateBasis {
            admissions_last_12_months: admissions,
            method: ESTIMATE_METHOD.to_owned(),
        },
    })
}
