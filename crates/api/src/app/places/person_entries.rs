//! A person's places in queues (R-Q-1..3): every entry, open first, with
//! the facility, the position, the offer holding a place and the position
//! history.

use super::views::{PositionEventView, QueueEntryView, entry_view, person_names};
use crate::actor::Actor;
use crate::app::read::audited;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store::audit::AuditAction;
use crate::store::entities::{facilities, place_offers, queue_entries, queue_position_events};
use crate::store::persons as persons_repo;
use crate::store::places::{OFFER_ACCEPTED, OFFER_PENDING, WAITING};
use crate::store::scope::scoped;
use atvejis_domain::access::{Permission, Purpose};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// One of a person's queue entries with its history.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonQueueEntry {
    /// The entry (position, offer, status).
    #[serde(flatten)]
    pub entry: QueueEntryView,
    /// The facility's name.
    pub facility_name: String,
    /// Every change of its position, oldest first, with the cause.
    pub history: Vec<PositionEventView>,
}

/// A person's queue entries.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonQueueEntries {
    /// The person.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// Waiting entries first (oldest first), then the closed ones (latest
    /// first).
    pub entries: Vec<PersonQueueEntry>,
}

/// The queue entries of person `person_id` (`ReadPlaces`; an audited read,
/// `queue.entry_read` on the person). 404 outside the actor's scope.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    person_id: Uuid,
    purpose: Purpose,
) -> ApiResult<PersonQueueEntries> {
    actor.require(Permission::ReadPlaces)?;
    audited(
        state,
        actor,
        purpose,
        AuditAction::QueueEntryRead,
        "person",
        || async {
            let db = &state.db;
            let today = state.clock.today();
            persons_repo::find_scoped(db, actor, person_id).await?;
            let rows = scoped::<queue_entries::Entity>(actor)
                .filter(queue_entries::Column::PersonId.eq(person_id))
                .order_by_asc(queue_entries::Column::JoinedAt)
                .all(db)
                .await?;
            let ids: Vec<Uuid> = rows.iter().map(|e| e.id).collect();
            let facility_ids: Vec<Uuid> = rows.iter().map(|e| e.facility_id).collect();
            let names = person_names(db, [person_id]).await?;
            let facility_names: HashMap<Uuid, String> = facilities::Entity::find()
                .filter(facilities::Column::Id.is_in(facility_ids))
                .all(db)
                .await?
                .into_iter()
                .map(|f| (f.id, f.name))
                .collect();
            let mut offers: HashMap<Uuid, place_offers::Model> = place_offers::Entity::find()
                .filter(place_offers::Column::EntryId.is_in(ids.clone()))
                .filter(place_offers::Column::Status.is_in([OFFER_PENDING, OFFER_ACCEPTED]))
                .all(db)
                .await?
                .into_iter()
                .map(|o| (o.entry_id, o))
                .collect();
            let mut history: HashMap<Uuid, Vec<PositionEventView>> = HashMap::new();
            for event in queue_position_events::Entity::find()
                .filter(queue_position_events::Column::EntryId.is_in(ids))
                .order_by_asc(queue_position_events::Column::Seq)
                .order_by_asc(queue_position_events::Column::Id)
                .all(db)
                .await?
            {
                history
                    .entry(event.entry_id)
                    .or_default()
                    .push(PositionEventView::from(event));
            }
            let (open, mut closed): (Vec<_>, Vec<_>) =
                rows.into_iter().partition(|e| e.status == WAITING);
            closed.sort_by(|a, b| b.closed_at.cmp(&a.closed_at));
            let entries = open
                .into_iter()
                .chain(closed)
                .map(|e| PersonQueueEntry {
                    facility_name: facility_names
                        .get(&e.facility_id)
                        .cloned()
                        .unwrap_or_default(),
                    history: history.remove(&e.id).unwrap_or_default(),
                    entry: {
                        let offer = offers.remove(&e.id);
                        entry_view(e, offer, &names, today)
                    },
                })
                .collect();
            Ok((
                PersonQueueEntries {
                    person_id,
                    person_name: names.get(&person_id).cloned().unwrap_or_default(),
                    entries,
                },
                person_id.to_string(),
            ))
        },
    )
    .await
}
