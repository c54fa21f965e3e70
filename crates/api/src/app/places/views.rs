//! What the API answers about queue entries, offers and stays.

use crate::error::ApiResult;
use crate::store::entities::{persons, place_offers, queue_entries, queue_position_events, stays};
use atvejis_domain::places::{DeclineReason, PlaceKind};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// Where a queue entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    /// Waiting (with a position).
    Waiting,
    /// Moved in.
    Admitted,
    /// Left the queue.
    Left,
}

/// Why someone waiting is not offered a place for now.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HoldView {
    /// `declined_keeps_place` (declined for a reason that keeps the place)
    /// or `no_reply` (did not answer an offer in time).
    pub reason: String,
    /// Offered again from this day (`None`: once the division resumes the
    /// entry).
    pub until: Option<Date>,
}

/// An offer of a place (R-Q-4).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OfferView {
    /// Id.
    pub id: Uuid,
    /// The queue entry.
    pub queue_entry_id: Uuid,
    /// The facility.
    pub facility_id: Uuid,
    /// The queue (kind of place at the facility).
    pub place_id: Uuid,
    /// The person offered the place.
    pub person_id: Uuid,
    /// `pending`, `accepted`, `declined`, `expired`, `admitted`, `withdrawn`.
    pub status: String,
    /// When it was made.
    pub offered_on: Date,
    /// The last day to answer.
    pub reply_by: Date,
    /// Whether the reply date has passed without an answer.
    pub reply_overdue: bool,
    /// Who made it (`None`: made as the place freed).
    pub offered_by: Option<Uuid>,
    /// The visit before moving in, if arranged (S4).
    pub visit_on: Option<Date>,
    /// When answered.
    pub answered_on: Option<Date>,
    /// Why declined.
    #[schema(value_type = Option<DeclineReason>)]
    pub decline_reason: Option<String>,
    /// A note with the answer.
    pub answer_note: Option<String>,
    /// The offer's version (send it with the answer).
    pub version: i32,
}

impl OfferView {
    /// The view of `offer` on `today`.
    pub fn of(offer: place_offers::Model, today: Date) -> Self {
        OfferView {
            reply_overdue: offer.status == "pending" && offer.reply_by < today,
            id: offer.id,
            queue_entry_id: offer.entry_id,
            facility_id: offer.facility_id,
            place_id: offer.place_id,
            person_id: offer.person_id,
            status: offer.status,
            offered_on: offer.offered_on,
            reply_by: offer.reply_by,
            offered_by: offer.offered_by,
            visit_on: offer.visit_on,
            answered_on: offer.answered_on,
            decline_reason: offer.decline_reason,
            answer_note: offer.answer_note,
            version: offer.version,
        }
    }
}

/// A person's place in a queue (R-Q-1..3).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QueueEntryView {
    /// Id.
    pub id: Uuid,
    /// The facility.
    pub facility_id: Uuid,
    /// The queue (kind of place at the facility).
    pub place_id: Uuid,
    /// The kind of place.
    pub place_kind: PlaceKind,
    /// The person.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// The decision that granted the place.
    pub decision_id: Option<Uuid>,
    /// The application.
    pub application_id: Option<Uuid>,
    /// R-Q-3: the decision's date (first key of the order).
    pub decided_on: Date,
    /// R-Q-3: the application's date (second key).
    pub applied_on: Date,
    /// R-Q-3: the order of registration (last key).
    pub registration: i64,
    /// Where it stands.
    pub status: EntryStatus,
    /// The dense position while waiting.
    pub position: Option<i32>,
    /// Why not offered a place for now.
    pub hold: Option<HoldView>,
    /// When registered.
    #[serde(with = "time::serde::rfc3339")]
    pub joined_at: OffsetDateTime,
    /// Days waited (to today, or to leaving).
    pub days_waited: i64,
    /// When it left the queue (moved in or left).
    #[serde(with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
    /// `admitted`, or the reason for leaving.
    pub close_reason: Option<String>,
    /// A note with the leaving.
    pub close_note: Option<String>,
    /// The offer holding a place for them, if any.
    pub offer: Option<OfferView>,
    /// The entry's version (send it with a change).
    pub version: i32,
}

/// One change of an entry's position (R-Q-3), with its cause.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PositionEventView {
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The day (Lithuanian date).
    pub on_date: Date,
    /// Position before (`None`: joined).
    pub from_position: Option<i32>,
    /// Position after (`None`: left the queue).
    pub to_position: Option<i32>,
    /// `joined`, `left`, `admitted` (the entry's own change), or
    /// `ahead_joined` (someone earlier in R-Q-3 order joined ahead),
    /// `ahead_left`, `ahead_admitted` (someone ahead left or moved in).
    pub cause: String,
    /// The entry whose change caused this one.
    pub cause_entry_id: Option<Uuid>,
    /// The leaving reason, if the cause is a leaving.
    pub cause_detail: Option<String>,
}

impl From<queue_position_events::Model> for PositionEventView {
    fn from(e: queue_position_events::Model) -> Self {
        PositionEventView {
            at: e.at,
            on_date: e.on_date,
            from_position: e.from_position,
            to_position: e.to_position,
            cause: e.cause,
            cause_entry_id: e.cause_entry_id,
            cause_detail: e.cause_detail,
        }
    }
}

/// The names of `ids`.
pub async fn person_names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = Uuid>,
) -> ApiResult<HashMap<Uuid, String>> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(persons::Entity::find()
        .filter(persons::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, format!("{} {}", p.first_name, p.last_name)))
        .collect())
}

/// The view of `entry` on `today`, with its held offer and person's name.
pub fn entry_view(
    entry: queue_entries::Model,
    offer: Option<place_offers::Model>,
    names: &HashMap<Uuid, String>,
    today: Date,
) -> QueueEntryView {
    let status = match entry.status.as_str() {
        "admitted" => EntryStatus::Admitted,
        "left" => EntryStatus::Left,
        _ => EntryStatus::Waiting,
    };
    let end = entry
        .closed_at
        .map_or(today, atvejis_domain::calendar::lithuanian_date);
    let joined = atvejis_domain::calendar::lithuanian_date(entry.joined_at);
    QueueEntryView {
        id: entry.id,
        facility_id: entry.facility_id,
        place_id: entry.place_id,
        place_kind: PlaceKind::parse(&entry.place_kind).unwrap_or(PlaceKind::LongTermCare),
        person_name: names.get(&entry.person_id).cloned().unwrap_or_default(),
        person_id: entry.person_id,
        decision_id: entry.decision_id,
        application_id: entry.application_id,
        decided_on: entry.decided_on,
        applied_on: entry.applied_on,
        registration: entry.registration,
        status,
        position: entry.position,
        hold: entry.hold_reason.map(|reason| HoldView {
            reason,
            until: entry.hold_until,
        }),
        joined_at: entry.joined_at,
        days_waited: (end - joined).whole_days().max(0),
        closed_at: entry.closed_at,
        close_reason: entry.close_reason,
        close_note: entry.close_note,
        offer: offer.map(|o| OfferView::of(o, today)),
        version: entry.version,
    }
}

/// A stay in a place.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StayView {
    /// Id.
    pub id: Uuid,
    /// The facility.
    pub facility_id: Uuid,
    /// The queue (kind of place at the facility).
    pub place_id: Uuid,
    /// The kind of place.
    pub place_kind: PlaceKind,
    /// The person.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// The queue entry it came from.
    pub queue_entry_id: Option<Uuid>,
    /// The offer it came from.
    pub offer_id: Option<Uuid>,
    /// The decision.
    pub decision_id: Option<Uuid>,
    /// The moving-in (or arrival) day.
    pub started_on: Date,
    /// R-DL-5: when the person arrived at the shelter.
    #[serde(with = "time::serde::rfc3339::option")]
    pub arrived_at: Option<OffsetDateTime>,
    /// R-DL-5: who brought them (`police`, `ambulance`, `self`, `other`).
    pub brought_by: Option<String>,
    /// R-DL-5: the stay's planned last day (7 nights, longer only with a
    /// recorded threat).
    pub planned_until: Option<Date>,
    /// R-DL-5: the recorded threat to health or life.
    pub threat_reason: Option<String>,
    /// The admission checklist as recorded.
    pub checklist: Option<serde_json::Value>,
    /// R-LIM-7: the F027/a extract's date.
    pub extract_027a_issued_on: Option<Date>,
    /// The day it ended.
    pub ended_on: Option<Date>,
    /// Why it ended.
    pub end_reason: Option<String>,
    /// A note with the ending.
    pub end_note: Option<String>,
    /// Nights so far (to today, or to the end): the days that feed the care
    /// fee.
    pub nights: i64,
    /// The stay's version (send it with a change).
    pub version: i32,
}

/// The view of `stay` on `today`.
pub fn stay_view(stay: stays::Model, names: &HashMap<Uuid, String>, today: Date) -> StayView {
    let until = stay.ended_on.unwrap_or(today);
    StayView {
        id: stay.id,
        facility_id: stay.facility_id,
        place_id: stay.place_id,
        place_kind: PlaceKind::parse(&stay.place_kind).unwrap_or(PlaceKind::LongTermCare),
        person_name: names.get(&stay.person_id).cloned().unwrap_or_default(),
        person_id: stay.person_id,
        queue_entry_id: stay.entry_id,
        offer_id: stay.offer_id,
        decision_id: stay.decision_id,
        started_on: stay.started_on,
        arrived_at: stay.arrived_at,
        brought_by: stay.brought_by,
        planned_until: stay.planned_until,
        threat_reason: stay.threat_reason,
        checklist: stay.checklist,
        extract_027a_issued_on: stay.extract_027a_issued_on,
        ended_on: stay.ended_on,
        end_reason: stay.end_reason,
        end_note: stay.end_note,
        nights: (until - stay.started_on).whole_days().max(0),
        version: stay.version,
    }
}
