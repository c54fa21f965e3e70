//! Places and fair queues (R-Q-1..5, R-LIM-7, R-DL-5).
//!
//! Every change of a queue goes through [`Queue`]: opened in a unit of work
//! it locks the queue's row ([`places::lock_place`]), loads the pure
//! [`PlaceQueue`] (capacity in force, occupancy from stays, the waiting
//! entries with their offers), lets the domain decide, and stores what the
//! domain returned: the positions, one history event for every change of
//! anyone's position with its cause, and the offers. Before it is closed,
//! [`Queue::settle`] expires the offers nobody answered in time and offers
//! every free place to the first eligible person (R-Q-4), so no place stays
//! free while someone who can take it waits.
//!
//! Permissions: reading needs `ReadPlaces`; the queues, offers, admissions,
//! stays and facilities need `ManagePlaces`; arrivals at the shelter
//! `RecordArrivals`. Each is checked before anything is looked up.

pub mod facilities;
pub mod offers;
pub mod queue;
pub mod stays;
pub mod views;

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::store::entities::{facility_places, place_offers, queue_entries, queue_position_events};
use crate::store::places::{self as repo, OFFER_ACCEPTED, OFFER_PENDING};
use atvejis_domain::places::{
    HeldOffer, Hold, Move, PlaceKind, PlaceQueue, PlaceRuleError, QueueKey, ShelterRuleError,
    Waiting,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, ExprTrait, QueryFilter};
use std::collections::HashMap;
use time::Duration;
use uuid::Uuid;

/// The hold of an entry that declined an offer for a reason that keeps the
/// place (until `hold_until`).
pub const HOLD_DECLINED: &str = "declined_keeps_place";
/// The hold of an entry that did not answer an offer in time.
pub const HOLD_NO_REPLY: &str = "no_reply";

/// The error of a broken queue rule, with its stable code.
pub fn rule_error(e: PlaceRuleError) -> ApiError {
    let code = match e {
        PlaceRuleError::NoFreePlace => ErrorCode::NoFreePlace,
        PlaceRuleError::NotFirst => ErrorCode::OfferNotFirst,
        PlaceRuleError::AlreadyOffered => ErrorCode::AlreadyOffered,
        PlaceRuleError::NoPendingOffer => ErrorCode::OfferNotPending,
        PlaceRuleError::NotAccepted => ErrorCode::OfferNotAccepted,
        PlaceRuleError::ReplyDateNotPassed => ErrorCode::ReplyDateNotPassed,
        PlaceRuleError::NotWaiting => ErrorCode::NotInQueue,
        PlaceRuleError::CapacityBelowUse => ErrorCode::CapacityBelowUse,
        PlaceRuleError::NothingOccupied => ErrorCode::InvalidTransition,
    };
    ApiError::new(code.status(), code, e.to_string())
}

/// The error of a broken shelter rule (R-DL-5).
pub fn shelter_error(e: ShelterRuleError) -> ApiError {
    let code = match e {
        ShelterRuleError::GivenOnce => ErrorCode::ShelterGivenOnce,
        ShelterRuleError::LongerNeedsThreat => ErrorCode::ShelterNeedsThreat,
        ShelterRuleError::ExtensionNotLater => ErrorCode::ValidationFailed,
    };
    ApiError::new(code.status(), code, e.to_string())
}

/// Why positions moved, as recorded in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// The entry joined the queue.
    Joined,
    /// The entry left the queue (the reason's code).
    Left(&'static str),
    /// The entry's person moved in.
    Admitted,
}

impl Cause {
    /// The cause as recorded on the entry that acted, and on the others.
    fn codes(self) -> (&'static str, &'static str) {
        match self {
            Cause::Joined => ("joined", "ahead_joined"),
            Cause::Left(_) => ("left", "ahead_left"),
            Cause::Admitted => ("admitted", "ahead_admitted"),
        }
    }

    fn detail(self) -> Option<&'static str> {
        match self {
            Cause::Left(reason) => Some(reason),
            _ => None,
        }
    }
}

/// One queue, locked and loaded in a unit of work.
pub struct Queue {
    /// The queue's row as locked.
    pub place: facility_places::Model,
    /// Its facility.
    pub facility: crate::store::entities::facilities::Model,
    /// The kind of place.
    pub kind: PlaceKind,
    /// The domain's state of the queue.
    pub state: PlaceQueue<Uuid>,
    /// The waiting entries by id.
    pub entries: HashMap<Uuid, queue_entries::Model>,
    /// The offers holding a place, by entry id.
    pub offers: HashMap<Uuid, place_offers::Model>,
}

impl Queue {
    /// Locks queue `place_id` of the actor's municipality (404 outside it)
    /// and loads it as it is today.
    pub async fn open(uow: &UnitOfWork, actor: &Actor, place_id: Uuid) -> ApiResult<Queue> {
        let db = uow.db();
        let today = uow.today();
        let place = repo::lock_place(db, actor, place_id, uow.now()).await?;
        let facility = repo::facility(db, actor, place.facility_id).await?;
        let kind = PlaceKind::parse(&place.place_kind).ok_or_else(|| {
            ApiError::from(crate::store::StoreError::corrupt(
                "place",
                &place.place_kind,
            ))
        })?;
        let capacity = repo::capacity_on(db, place.id, today).await?;
        let occupied = repo::occupied_on(db, place.id, today).await?;
        let entries = repo::waiting(db, place.id).await?;
        let offers: HashMap<Uuid, place_offers::Model> = repo::held_offers(db, place.id)
            .await?
            .into_iter()
            .map(|o| (o.entry_id, o))
            .collect();
        let waiting = entries
            .iter()
            .map(|e| Waiting {
                id: e.id,
                key: key_of(e),
                offer: offers.get(&e.id).map(|o| {
                    if o.status == OFFER_ACCEPTED {
                        HeldOffer::Accepted
                    } else {
                        HeldOffer::Pending {
                            reply_by: o.reply_by,
                        }
                    }
                }),
                hold: e.hold_reason.as_ref().map(|_| match e.hold_until {
                    Some(until) => Hold::Until(until),
                    None => Hold::UntilResumed,
                }),
            })
            .collect();
        Ok(Queue {
            state: PlaceQueue::new(capacity, occupied, waiting),
            entries: entries.into_iter().map(|e| (e.id, e)).collect(),
            offers,
            place,
            facility,
            kind,
        })
    }

    /// Stores `moves` caused by `subject`'s `cause`: the new positions of
    /// the others (the subject's own row is the caller's) and one history
    /// event per move.
    pub async fn record_moves(
        &self,
        uow: &UnitOfWork,
        subject: Uuid,
        cause: Cause,
        moves: &[Move<Uuid>],
    ) -> ApiResult<()> {
        let (own, others) = cause.codes();
        let recorded_by = uow.actor().ok().and_then(Actor::user_id);
        let mut events = Vec::with_capacity(moves.len());
        for m in moves {
            if m.entry != subject
                && let Some(to) = m.to
            {
                queue_entries::Entity::update_many()
                    .col_expr(queue_entries::Column::Position, Expr::value(to_i32(to)))
                    .filter(queue_entries::Column::Id.eq(m.entry))
                    .exec(uow.db())
                    .await?;
            }
            let mine = m.entry == subject;
            events.push(queue_position_events::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(self.place.municipality_id),
                place_id: Set(self.place.id),
                entry_id: Set(m.entry),
                seq: Set(i64::from(self.place.version)),
                at: Set(uow.now()),
                on_date: Set(uow.today()),
                from_position: Set(m.from.map(to_i32)),
                to_position: Set(m.to.map(to_i32)),
                cause: Set(if mine { own } else { others }.to_owned()),
                cause_entry_id: Set((!mine).then_some(subject)),
                cause_detail: Set(cause.detail().map(str::to_owned)),
                recorded_by: Set(recorded_by),
            });
        }
        if !events.is_empty() {
            queue_position_events::Entity::insert_many(events)
                .exec(uow.db())
                .await?;
        }
        Ok(())
    }

    /// Closes entry `id` (admitted or left): no position any more.
    pub async fn close_entry(
        &mut self,
        uow: &UnitOfWork,
        id: Uuid,
        status: &str,
        reason: &str,
        note: Option<String>,
    ) -> ApiResult<()> {
        queue_entries::Entity::update_many()
            .col_expr(queue_entries::Column::Status, Expr::value(status))
            .col_expr(
                queue_entries::Column::Position,
                Expr::value(Option::<i32>::None),
            )
            .col_expr(queue_entries::Column::ClosedAt, Expr::value(uow.now()))
            .col_expr(queue_entries::Column::CloseReason, Expr::value(reason))
            .col_expr(queue_entries::Column::CloseNote, Expr::value(note))
            .col_expr(queue_entries::Column::UpdatedAt, Expr::value(uow.now()))
            .col_expr(
                queue_entries::Column::Version,
                Expr::col(queue_entries::Column::Version).add(1),
            )
            .filter(queue_entries::Column::Id.eq(id))
            .exec(uow.db())
            .await?;
        self.entries.remove(&id);
        Ok(())
    }

    /// Sets or lifts the hold of entry `id`.
    pub async fn set_hold(
        &self,
        uow: &UnitOfWork,
        id: Uuid,
        hold: Option<(&str, Option<time::Date>)>,
    ) -> ApiResult<()> {
        queue_entries::Entity::update_many()
            .col_expr(
                queue_entries::Column::HoldReason,
                Expr::value(hold.map(|(r, _)| r.to_owned())),
            )
            .col_expr(
                queue_entries::Column::HoldUntil,
                Expr::value(hold.and_then(|(_, d)| d)),
            )
            .col_expr(queue_entries::Column::UpdatedAt, Expr::value(uow.now()))
            .col_expr(
                queue_entries::Column::Version,
                Expr::col(queue_entries::Column::Version).add(1),
            )
            .filter(queue_entries::Column::Id.eq(id))
            .exec(uow.db())
            .await?;
        Ok(())
    }

    /// The day an offer made today is to be answered by.
    pub fn reply_by(&self, uow: &UnitOfWork) -> time::Date {
        let days = i64::from(Ord::max(self.facility.offer_reply_days, 1));
        uow.today().saturating_add(Duration::days(days))
    }

    /// Stores the offer the domain made to `entry_id` (`by`: the member of
    /// staff who made it; `None`: made as a place freed).
    pub async fn insert_offer(
        &mut self,
        uow: &UnitOfWork,
        entry_id: Uuid,
        reply_by: time::Date,
        by: Option<Uuid>,
    ) -> ApiResult<place_offers::Model> {
        let entry = self
            .entries
            .get(&entry_id)
            .ok_or_else(|| rule_error(PlaceRuleError::NotWaiting))?;
        if entry.hold_reason.is_some() {
            self.set_hold(uow, entry_id, None).await?;
        }
        let offer = place_offers::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(self.place.municipality_id),
            place_id: Set(self.place.id),
            facility_id: Set(self.place.facility_id),
            entry_id: Set(entry_id),
            person_id: Set(entry.person_id),
            status: Set(OFFER_PENDING.to_owned()),
            offered_on: Set(uow.today()),
            reply_by: Set(reply_by),
            offered_by: Set(by),
            visit_on: Set(None),
            answered_on: Set(None),
            decline_reason: Set(None),
            answer_note: Set(None),
            answered_by: Set(None),
            created_at: Set(uow.now()),
            updated_at: Set(uow.now()),
            version: Set(1),
        };
        let offer = place_offers::Entity::insert(offer)
            .exec_with_returning(uow.db())
            .await?;
        self.offers.insert(entry_id, offer.clone());
        Ok(offer)
    }

    /// Sets offer `offer`'s status (an answer, an expiry, an admission).
    pub async fn set_offer_status(
        &mut self,
        uow: &UnitOfWork,
        offer: &place_offers::Model,
        status: &str,
        decline_reason: Option<&str>,
        note: Option<String>,
    ) -> ApiResult<()> {
        let answered_by = uow.actor().ok().and_then(Actor::user_id);
        place_offers::Entity::update_many()
            .col_expr(place_offers::Column::Status, Expr::value(status))
            .col_expr(place_offers::Column::AnsweredOn, Expr::value(uow.today()))
            .col_expr(
                place_offers::Column::DeclineReason,
                Expr::value(decline_reason.map(str::to_owned)),
            )
            .col_expr(place_offers::Column::AnswerNote, Expr::value(note))
            .col_expr(place_offers::Column::AnsweredBy, Expr::value(answered_by))
            .col_expr(place_offers::Column::UpdatedAt, Expr::value(uow.now()))
            .col_expr(
                place_offers::Column::Version,
                Expr::col(place_offers::Column::Version).add(1),
            )
            .filter(place_offers::Column::Id.eq(offer.id))
            .exec(uow.db())
            .await?;
        if status == OFFER_ACCEPTED {
            if let Some(held) = self.offers.get_mut(&offer.entry_id) {
                held.status = OFFER_ACCEPTED.to_owned();
            }
        } else {
            self.offers.remove(&offer.entry_id);
        }
        Ok(())
    }

    /// R-Q-4: expires the offers whose reply date has passed (the person
    /// keeps their position, on hold until the division reaches them), then
    /// offers every free place to the first eligible person, answer due by
    /// the facility's term. Returns the offers made.
    pub async fn settle(&mut self, uow: &UnitOfWork) -> ApiResult<Vec<place_offers::Model>> {
        self.expire_overdue(uow).await?;
        let today = uow.today();
        let reply_by = self.reply_by(uow);
        let offered = self.state.fill(today, reply_by);
        let mut made = Vec::with_capacity(offered.len());
        for entry_id in offered {
            made.push(self.insert_offer(uow, entry_id, reply_by, None).await?);
        }
        Ok(made)
    }

    /// R-Q-4: expires the offers whose reply date has passed: the person
    /// keeps their position, on hold until the division reaches them.
    /// Returns the entries whose offers expired.
    pub async fn expire_overdue(&mut self, uow: &UnitOfWork) -> ApiResult<Vec<Uuid>> {
        let today = uow.today();
        let overdue = self.state.overdue_offers(today);
        for &entry_id in &overdue {
            self.state.expire(entry_id, today).map_err(rule_error)?;
            if let Some(offer) = self.offers.get(&entry_id).cloned() {
                self.set_offer_status(uow, &offer, "expired", None, None)
                    .await?;
            }
            self.set_hold(uow, entry_id, Some((HOLD_NO_REPLY, None)))
                .await?;
            if let Some(entry) = self.entries.get_mut(&entry_id) {
                entry.hold_reason = Some(HOLD_NO_REPLY.to_owned());
                entry.hold_until = None;
            }
        }
        Ok(overdue)
    }
}

/// R-Q-3: the order key of a stored entry.
pub fn key_of(entry: &queue_entries::Model) -> QueueKey {
    QueueKey {
        decided_on: entry.decided_on,
        applied_on: entry.applied_on,
        registration: entry.registration,
    }
}

fn to_i32(position: u32) -> i32 {
    i32::try_from(position).unwrap_or(i32::MAX)
}

/// The place-kind queue rows of the open entries of `person_id` in queues
/// of `kind` (R-Q-2), whatever the facility.
pub async fn open_entries_of_kind<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    person_id: Uuid,
    kind: PlaceKind,
) -> ApiResult<Vec<queue_entries::Model>> {
    Ok(crate::store::scope::scoped::<queue_entries::Entity>(actor)
        .filter(queue_entries::Column::PersonId.eq(person_id))
        .filter(queue_entries::Column::PlaceKind.eq(kind.as_str()))
        .filter(queue_entries::Column::ClosedAt.is_null())
        .all(db)
        .await?)
}
