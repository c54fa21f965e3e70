//! Registering in a queue (R-Q-1..3), leaving it, resuming an entry on
//! hold, and an entry with its position history.

use super::views::{PositionEventView, QueueEntryView, entry_view, person_names};
use super::{Cause, HOLD_DECLINED, HOLD_NO_REPLY, Queue, open_entries_of_kind, rule_error};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::read::audited;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::applications as applications_repo;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{facility_places, place_offers, queue_entries};
use crate::store::places::{self as repo, LEFT, OFFER_ACCEPTED, OFFER_PENDING, WAITING};
use crate::store::{StoreError, is_unique_violation};
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::places::{LeaveReason, PlaceKind, QueueKey};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;

/// Who joins a queue, and by which decision.
#[derive(Debug, Clone)]
pub struct Registration {
    /// The queue.
    pub place_id: Uuid,
    /// The person.
    pub person_id: Uuid,
    /// The decision granting the place.
    pub decision_id: Uuid,
    /// Its application.
    pub application_id: Uuid,
    /// R-Q-3: the decision's date.
    pub decided_on: Date,
    /// R-Q-3: the application's date.
    pub applied_on: Date,
}

/// What a registration did: the entry, and the offer made at once when a
/// place was free and nobody eligible waited ahead.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Registered {
    /// The entry (with its offer, if one was made).
    pub entry: QueueEntryView,
}

fn kind_taken(facility: &str, kind: PlaceKind) -> ApiError {
    ApiError::conflict(
        ErrorCode::QueueKindTaken,
        format!(
            "R-Q-2: the person already waits in a queue for {} ({facility}); they leave it first.",
            kind.as_str()
        ),
    )
}

fn already_queued() -> ApiError {
    ApiError::conflict(
        ErrorCode::AlreadyQueued,
        "The person (or the decision) is already in this queue.",
    )
}

/// R-Q-1..3: registers `r` in its queue in `uow` (the caller audits and
/// commits): R-Q-2 is checked (and enforced by the database's unique
/// index when two registrations race), the entry takes its place in R-Q-3
/// order with every move recorded, and a free place is offered at once
/// when nobody eligible waits ahead ([`Queue::settle`]).
pub async fn register_in(
    uow: &mut UnitOfWork,
    actor: &Actor,
    r: Registration,
) -> ApiResult<queue_entries::Model> {
    let mut queue = Queue::open(uow, actor, r.place_id).await?;
    let kind = queue.kind;
    if kind.arrives_without_decision() {
        return Err(ApiError::invalid_field(
            "facility_id",
            FieldCode::Invalid,
            "the shelter has no queue: people arrive (R-DL-5)",
        ));
    }
    let open = open_entries_of_kind(uow.db(), actor, r.person_id, kind).await?;
    if open.iter().any(|e| e.place_id == r.place_id) {
        return Err(already_queued());
    }
    if kind.one_queue_per_person()
        && let Some(other) = open.first()
    {
        let name = repo::facility(uow.db(), actor, other.facility_id)
            .await
            .map(|f| f.name)
            .unwrap_or_default();
        return Err(kind_taken(&name, kind));
    }
    let registration = repo::next_registration(uow.db(), &queue.place).await?;
    let key = QueueKey {
        decided_on: r.decided_on,
        applied_on: r.applied_on,
        registration,
    };
    let id = Uuid::now_v7();
    let moves = queue.state.join(id, key);
    let position = queue.state.position(id).unwrap_or(1);
    let entry = queue_entries::ActiveModel {
        id: Set(id),
        municipality_id: Set(queue.place.municipality_id),
        place_id: Set(queue.place.id),
        facility_id: Set(queue.place.facility_id),
        person_id: Set(r.person_id),
        decision_id: Set(Some(r.decision_id)),
        application_id: Set(Some(r.application_id)),
        place_kind: Set(kind.as_str().to_owned()),
        exclusive_kind: Set(kind
            .one_queue_per_person()
            .then(|| kind.as_str().to_owned())),
        decided_on: Set(r.decided_on),
        applied_on: Set(r.applied_on),
        registration: Set(registration),
        status: Set(WAITING.to_owned()),
        position: Set(Some(i32::try_from(position).unwrap_or(i32::MAX))),
        hold_until: Set(None),
        hold_reason: Set(None),
        joined_at: Set(uow.now()),
        closed_at: Set(None),
        close_reason: Set(None),
        close_note: Set(None),
        created_by: Set(actor.user_id()),
        created_at: Set(uow.now()),
        updated_at: Set(uow.now()),
        version: Set(1),
    };
    let entry = match queue_entries::Entity::insert(entry)
        .exec_with_returning(uow.db())
        .await
    {
        Ok(entry) => entry,
        Err(e) if is_unique_violation(&e) => {
            // A concurrent registration of the same person won the index.
            return Err(if kind.one_queue_per_person() {
                kind_taken("", kind)
            } else {
                already_queued()
            });
        }
        Err(e) => return Err(e.into()),
    };
    queue.entries.insert(entry.id, entry.clone());
    queue.record_moves(uow, id, Cause::Joined, &moves).await?;
    let offers = queue.settle(uow).await?;
    uow.audit(
        AuditEvent::new(AuditAction::QueueJoin, "queue_entry", entry.id).summary(json!({
            "place_id": entry.place_id,
            "facility_id": entry.facility_id,
            "decision_id": r.decision_id,
            "position": position,
            "moved": moves.len().saturating_sub(1),
            "offers_made": offers.iter().map(|o| o.id).collect::<Vec<_>>(),
        })),
    )
    .await?;
    audit_offers(uow, &offers).await?;
    Ok(entry)
}

/// Audits the offers [`Queue::settle`] made.
pub async fn audit_offers(uow: &mut UnitOfWork, offers: &[place_offers::Model]) -> ApiResult<()> {
    for offer in offers {
        uow.audit(
            AuditEvent::new(AuditAction::OfferMake, "offer", offer.id).summary(json!({
                "queue_entry_id": offer.entry_id,
                "place_id": offer.place_id,
                "reply_by": offer.reply_by,
                "automatic": true,
            })),
        )
        .await?;
    }
    Ok(())
}

/// The queue of `kind` at `facility_id`, or 422 on `field` when the
/// facility has no such places.
pub async fn queue_of_kind<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    facility_id: Uuid,
    kind: PlaceKind,
    field: &'static str,
) -> ApiResult<facility_places::Model> {
    repo::place_of_kind(db, actor, facility_id, kind.as_str())
        .await?
        .ok_or_else(|| {
            ApiError::invalid_field(
                field,
                FieldCode::Invalid,
                format!("the facility has no places of kind {}", kind.as_str()),
            )
        })
}

/// A registration of a signed decision in a queue.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct RegisterRequest {
    /// The signed decision granting a service with places.
    pub decision_id: Uuid,
    /// The facility (default: the one the decision names, else the one the
    /// application preferred, else the only facility with such places).
    pub facility_id: Option<Uuid>,
}

/// The facility a decision's place is in: `named`, else the decision's,
/// else the application's preferred one, else the only active facility of
/// the municipality with places of `kind`; `None` when none can be told.
pub async fn facility_for<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    named: [Option<Uuid>; 3],
    kind: PlaceKind,
) -> ApiResult<Option<Uuid>> {
    if let Some(id) = named.into_iter().flatten().next() {
        return Ok(Some(id));
    }
    let places = crate::store::scope::scoped::<facility_places::Entity>(actor)
        .filter(facility_places::Column::PlaceKind.eq(kind.as_str()))
        .all(db)
        .await?;
    Ok(match places.as_slice() {
        [only] => Some(only.facility_id),
        _ => None,
    })
}

/// R-Q-1: registers the person of signed decision `body.decision_id` in the
/// queue of the facility (`ManagePlaces`). 409 `queue_kind_taken` (R-Q-2),
/// `already_queued`; 422 for a decision that grants no place.
pub async fn register(
    state: &AppState,
    actor: &Actor,
    body: RegisterRequest,
) -> ApiResult<Registered> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManagePlaces).await?;
    let record = applications_repo::load_by_decision(uow.db(), actor, body.decision_id).await?;
    let decision = record
        .decision
        .clone()
        .ok_or(StoreError::NotFound("decision"))?;
    let (Some(decided_on), "granted") = (decision.decided_on, decision.outcome.as_str()) else {
        return Err(ApiError::invalid_field(
            "decision_id",
            FieldCode::Invalid,
            "only a signed decision that grants the service registers in a queue",
        ));
    };
    let kind = PlaceKind::of_service(&record.application.service_code)
        .filter(|k| !k.arrives_without_decision())
        .ok_or_else(|| {
            ApiError::invalid_field(
                "decision_id",
                FieldCode::Invalid,
                "the decision's service has no places and no queue (R-Q-1)",
            )
        })?;
    let facility_id = facility_for(
        uow.db(),
        actor,
        [
            body.facility_id,
            decision.facility_id,
            record.application.preferred_facility_id,
        ],
        kind,
    )
    .await?
    .ok_or_else(|| {
        ApiError::invalid_field(
            "facility_id",
            FieldCode::Required,
            "name the facility whose queue the person joins",
        )
    })?;
    repo::facility(uow.db(), actor, facility_id).await?;
    let place = queue_of_kind(uow.db(), actor, facility_id, kind, "facility_id").await?;
    let entry = register_in(
        &mut uow,
        actor,
        Registration {
            place_id: place.id,
            person_id: record.application.person_id,
            decision_id: decision.id,
            application_id: record.application.id,
            decided_on,
            applied_on: record.application.received_on,
        },
    )
    .await?;
    let view = entry_with_offer(&uow, entry).await?;
    uow.commit().await?;
    Ok(Registered { entry: view })
}

async fn entry_with_offer(
    uow: &UnitOfWork,
    entry: queue_entries::Model,
) -> ApiResult<QueueEntryView> {
    entry_view_in(uow.db(), entry, uow.today()).await
}

/// The view of `entry` with its held offer and the person's name.
pub async fn entry_view_in<C: sea_orm::ConnectionTrait>(
    db: &C,
    entry: queue_entries::Model,
    today: Date,
) -> ApiResult<QueueEntryView> {
    let offer = place_offers::Entity::find()
        .filter(place_offers::Column::EntryId.eq(entry.id))
        .filter(place_offers::Column::Status.is_in([OFFER_PENDING, OFFER_ACCEPTED]))
        .one(db)
        .await?;
    let names = person_names(db, [entry.person_id]).await?;
    Ok(entry_view(entry, offer, &names, today))
}

/// Leaving a queue.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct LeaveRequest {
    /// The entry's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Why.
    pub reason: LeaveReason,
    /// A note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// Removes entry `id` from its queue with a reason (`ManagePlaces`): those
/// after it move one up, each move recorded with the cause; an offer it
/// held is withdrawn and the place offered to the next eligible person.
pub async fn leave(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: LeaveRequest,
) -> ApiResult<QueueEntryView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManagePlaces).await?;
    let entry = repo::entry(uow.db(), actor, id).await?;
    let mut queue = Queue::open(&uow, actor, entry.place_id).await?;
    let entry = repo::entry(uow.db(), actor, id).await?;
    crate::app::lifecycle::check_version(entry.version, body.version)?;
    if entry.status != WAITING {
        return Err(rule_error(
            atvejis_domain::places::PlaceRuleError::NotWaiting,
        ));
    }
    let moves = queue.state.leave(id).map_err(rule_error)?;
    if let Some(offer) = queue.offers.get(&id).cloned() {
        queue
            .set_offer_status(&uow, &offer, "withdrawn", None, None)
            .await?;
    }
    let reason = body.reason.as_str();
    queue
        .record_moves(&uow, id, Cause::Left(reason), &moves)
        .await?;
    let note = body
        .note
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    queue.close_entry(&uow, id, LEFT, reason, note).await?;
    let offers = queue.settle(&uow).await?;
    uow.audit(
        AuditEvent::new(AuditAction::QueueLeave, "queue_entry", id).summary(json!({
            "reason": reason,
            "place_id": entry.place_id,
            "moved": moves.len().saturating_sub(1),
        })),
    )
    .await?;
    audit_offers(&mut uow, &offers).await?;
    let entry = repo::entry(uow.db(), actor, id).await?;
    let view = entry_with_offer(&uow, entry).await?;
    uow.commit().await?;
    Ok(view)
}

/// A version, for a change without other fields.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct VersionRequest {
    /// The record's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
}

/// Lifts the hold of entry `id` (`ManagePlaces`): the division reached the
/// person; they can be offered a place again (at once, if one is free and
/// they are first).
pub async fn resume(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
) -> ApiResult<QueueEntryView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManagePlaces).await?;
    let entry = repo::entry(uow.db(), actor, id).await?;
    let mut queue = Queue::open(&uow, actor, entry.place_id).await?;
    let entry = repo::entry(uow.db(), actor, id).await?;
    crate::app::lifecycle::check_version(entry.version, version)?;
    if entry.status != WAITING {
        return Err(rule_error(
            atvejis_domain::places::PlaceRuleError::NotWaiting,
        ));
    }
    let was = entry.hold_reason.clone();
    if !matches!(was.as_deref(), Some(HOLD_DECLINED | HOLD_NO_REPLY)) {
        return Err(ApiError::conflict(
            ErrorCode::InvalidTransition,
            "The entry is not on hold.",
        ));
    }
    queue.state.resume(id).map_err(rule_error)?;
    queue.set_hold(&uow, id, None).await?;
    if let Some(e) = queue.entries.get_mut(&id) {
        e.hold_reason = None;
        e.hold_until = None;
    }
    let offers = queue.settle(&uow).await?;
    uow.audit(
        AuditEvent::new(AuditAction::QueueResume, "queue_entry", id)
            .summary(json!({ "was": was, "place_id": entry.place_id })),
    )
    .await?;
    audit_offers(&mut uow, &offers).await?;
    let entry = repo::entry(uow.db(), actor, id).await?;
    let view = entry_with_offer(&uow, entry).await?;
    uow.commit().await?;
    Ok(view)
}

/// An entry with its position history.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QueueEntryDetail {
    /// The entry.
    #[serde(flatten)]
    pub entry: QueueEntryView,
    /// Every change of its position, oldest first, with the cause.
    pub history: Vec<PositionEventView>,
    /// The day asked about (`on`), if any.
    pub on: Option<Date>,
    /// The position on that day (`None`: not waiting then).
    pub position_on: Option<i32>,
}

/// R-Q-3: the position an entry had at the end of day `on`, from its
/// history.
pub fn position_on(history: &[PositionEventView], on: Date) -> Option<i32> {
    history
        .iter()
        .rfind(|e| e.on_date <= on)
        .and_then(|e| e.to_position)
}

/// Entry `id` with its position history (`ReadPlaces`; an audited read):
/// why it moved, and (`on`) where it stood on a day.
pub async fn get(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    on: Option<Date>,
    purpose: Purpose,
) -> ApiResult<QueueEntryDetail> {
    actor.require(Permission::ReadPlaces)?;
    audited(
        state,
        actor,
        purpose,
        AuditAction::QueueEntryRead,
        "queue_entry",
        || async {
            let entry = repo::entry(&state.db, actor, id).await?;
            let history: Vec<PositionEventView> = repo::history(&state.db, id)
                .await?
                .into_iter()
                .map(PositionEventView::from)
                .collect();
            let view = entry_view_in(&state.db, entry, state.clock.today()).await?;
            let position_on = on.and_then(|d| position_on(&history, d));
            Ok((
                QueueEntryDetail {
                    entry: view,
                    history,
                    on,
                    position_on,
                },
                id.to_string(),
            ))
        },
    )
    .await
}

/// R-Q-1: when `decision` (just signed on `decided_on`) grants a service
/// with places, the person joins the queue of its facility in the signing's
/// own unit of work: at once offered the place when one is free and nobody
/// eligible waits ahead, else waiting in R-Q-3 order. Nothing happens for a
/// refusal, a service without a queue, or when no facility can be told
/// (the division registers the person later, naming it).
pub async fn register_signed(
    uow: &mut UnitOfWork,
    actor: &Actor,
    application: &crate::store::entities::applications::Model,
    decision: &crate::store::entities::decisions::Model,
    decided_on: Date,
) -> ApiResult<Option<queue_entries::Model>> {
    if decision.outcome != "granted" {
        return Ok(None);
    }
    let Some(kind) =
        PlaceKind::of_service(&application.service_code).filter(|k| !k.arrives_without_decision())
    else {
        return Ok(None);
    };
    let Some(facility_id) = facility_for(
        uow.db(),
        actor,
        [
            None,
            decision.facility_id,
            application.preferred_facility_id,
        ],
        kind,
    )
    .await?
    else {
        return Ok(None);
    };
    let place = queue_of_kind(uow.db(), actor, facility_id, kind, "facility_id").await?;
    let entry = register_in(
        uow,
        actor,
        Registration {
            place_id: place.id,
            person_id: application.person_id,
            decision_id: decision.id,
            application_id: application.id,
            decided_on,
            applied_on: application.received_on,
        },
    )
    .await?;
    Ok(Some(entry))
}
