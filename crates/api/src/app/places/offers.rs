//! Offers of places (R-Q-4) and admissions (R-LIM-7).
//!
//! The division offers a free place to the first eligible person in the
//! queue (settling does it by itself as places free; a manual offer is for
//! a place that freed without anyone touching the queue, e.g. a capacity
//! that grew from a later day). The answer is recorded: an acceptance holds
//! the place for the admission; a refusal for a reason that keeps the place
//! puts the person on hold without moving anyone; any other refusal takes
//! them out of the queue (those after move up); no answer by the reply date
//! puts them on hold until the division reaches them. The admission checks
//! the facility's checklist and, for group living, R-LIM-7, then turns the
//! held place into a stay.

use super::queue::audit_offers;
use super::views::{OfferView, StayView, person_names, stay_view};
use super::{Cause, HOLD_DECLINED, HOLD_NO_REPLY, Queue, rule_error};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::lifecycle::check_version;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode, FieldError};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{place_offers, stays};
use crate::store::places::{self as repo, ADMITTED, LEFT, OFFER_ACCEPTED, OFFER_PENDING, WAITING};
use atvejis_domain::access::Permission;
use atvejis_domain::places::{
    AdmissionHealth, AdmissionProblem, ChecklistItem, DeclineReason, Hold, ITEM_F027A_EXTRACT,
    ITEM_NO_ACUTE_INFECTIOUS_DISEASE, ITEM_NO_ACUTE_PSYCHOSIS, PlaceKind, PlaceRuleError,
    check_group_living_admission,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, ExprTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, Duration};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// How far ahead of today a moving-in day may be set.
pub const MOVING_IN_MAX_DAYS_AHEAD: i64 = 60;

/// An offer of a place to someone waiting.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct OfferRequest {
    /// The queue entry of the person offered the place.
    pub queue_entry_id: Uuid,
    /// The last day to answer (default: today + the facility's reply days;
    /// not before today).
    pub reply_by: Option<Date>,
    /// The visit before moving in (S4), if arranged.
    pub visit_on: Option<Date>,
}

/// An answer to an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OfferAnswer {
    /// Accepted: the place is held for the admission.
    Accepted,
    /// Declined (with a reason that says whether the place is kept).
    Declined,
    /// No answer by the reply date (only after it has passed).
    NoReply,
}

/// Recording the answer to an offer.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct AnswerRequest {
    /// The offer's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// The answer.
    pub answer: OfferAnswer,
    /// Why declined (required with `declined`).
    pub decline_reason: Option<DeclineReason>,
    /// Until when the person cannot move in (required when the reason keeps
    /// the place; after today).
    pub hold_until: Option<Date>,
    /// The visit before moving in (S4), if arranged.
    pub visit_on: Option<Date>,
    /// A note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// What an answer did: the offer, and the offers made of the place it
/// freed (if any).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Answered {
    /// The offer as answered.
    pub offer: OfferView,
    /// The offers made to the next eligible people.
    pub next_offers: Vec<OfferView>,
}

/// One item of the admission checklist as done (or not).
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema, Validate)]
pub struct ChecklistAnswer {
    /// The item's code (of the facility's admission checklist).
    #[validate(length(min = 1, max = 100))]
    pub code: String,
    /// Whether it is done.
    pub done: bool,
}

/// An admission: the person whose offer was accepted moves in.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct AdmitRequest {
    /// The offer's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// The moving-in day (not before the offer, at most 60 days ahead).
    pub moving_in_on: Date,
    /// The facility's admission checklist as done.
    #[validate(nested)]
    pub checklist: Vec<ChecklistAnswer>,
    /// R-LIM-7: the F027/a extract's date (group living).
    pub extract_027a_issued_on: Option<Date>,
}

fn not_pending() -> ApiError {
    rule_error(PlaceRuleError::NoPendingOffer)
}

fn clean(note: Option<String>) -> Option<String> {
    note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty())
}

async fn set_visit(uow: &UnitOfWork, offer_id: Uuid, visit_on: Option<Date>) -> ApiResult<()> {
    if let Some(visit_on) = visit_on {
        place_offers::Entity::update_many()
            .col_expr(place_offers::Column::VisitOn, Expr::value(visit_on))
            .filter(place_offers::Column::Id.eq(offer_id))
            .exec(uow.db())
            .await?;
    }
    Ok(())
}

fn views(offers: &[place_offers::Model], today: Date) -> Vec<OfferView> {
    offers
        .iter()
        .cloned()
        .map(|o| OfferView::of(o, today))
        .collect()
}

/// R-Q-4: offers a free place to the person of `body.queue_entry_id`
/// (`ManagePlaces`): the offers nobody answered in time expire first; then
/// only to the first eligible person (409 `offer_not_first`), only while a
/// place is free (409 `no_free_place`), once (409 `already_offered`). Any
/// other free place goes to the next eligible people.
pub async fn make(state: &AppState, actor: &Actor, body: OfferRequest) -> ApiResult<OfferView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManagePlaces).await?;
    let today = uow.today();
    if body.reply_by.is_some_and(|d| d < today) {
        return Err(ApiError::invalid_field(
            "reply_by",
            FieldCode::InPast,
            "the reply date is today or later",
        ));
    }
    let entry = repo::entry(uow.db(), actor, body.queue_entry_id).await?;
    let mut queue = Queue::open(&uow, actor, entry.place_id).await?;
    let entry = repo::entry(uow.db(), actor, entry.id).await?;
    if entry.status != WAITING {
        return Err(rule_error(PlaceRuleError::NotWaiting));
    }
    let expired = queue.expire_overdue(&uow).await?;
    let reply_by = body.reply_by.unwrap_or_else(|| queue.reply_by(&uow));
    queue
        .state
        .offer(entry.id, today, reply_by)
        .map_err(rule_error)?;
    let offer = queue
        .insert_offer(&uow, entry.id, reply_by, actor.user_id())
        .await?;
    set_visit(&uow, offer.id, body.visit_on).await?;
    let others = queue.settle(&uow).await?;
    uow.audit(
        AuditEvent::new(AuditAction::OfferMake, "offer", offer.id).summary(json!({
            "queue_entry_id": entry.id,
            "place_id": entry.place_id,
            "reply_by": reply_by,
            "visit_on": body.visit_on,
            "automatic": false,
            "expired_first": expired,
        })),
    )
    .await?;
    audit_offers(&mut uow, &others).await?;
    let offer = repo::offer(uow.db(), actor, offer.id).await?;
    uow.commit().await?;
    Ok(OfferView::of(offer, today))
}

/// Offer `id` (`ReadPlaces`).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<OfferView> {
    actor.require(Permission::ReadPlaces)?;
    let offer = repo::offer(&state.db, actor, id).await?;
    Ok(OfferView::of(offer, state.clock.today()))
}

/// R-Q-4: records the answer to pending offer `id` (`ManagePlaces`):
/// accepted (the place stays held for the admission); declined for a reason
/// that keeps the place (on hold until `hold_until`, nobody moves);
/// declined otherwise (the person leaves the queue, those after move up);
/// no reply (only after the reply date, 409 `reply_date_not_passed`; on
/// hold until resumed). A freed place is offered to the next eligible.
pub async fn answer(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: AnswerRequest,
) -> ApiResult<Answered> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManagePlaces).await?;
    let today = uow.today();
    let offer = repo::offer(uow.db(), actor, id).await?;
    let mut queue = Queue::open(&uow, actor, offer.place_id).await?;
    let offer = repo::offer(uow.db(), actor, id).await?;
    check_version(offer.version, body.version)?;
    if offer.status != OFFER_PENDING {
        return Err(not_pending());
    }
    let entry_id = offer.entry_id;
    let note = clean(body.note);
    let mut moved = 0;
    let mut left = None;
    match body.answer {
        OfferAnswer::Accepted => {
            queue.state.accept(entry_id).map_err(rule_error)?;
            queue
                .set_offer_status(&uow, &offer, OFFER_ACCEPTED, None, note)
                .await?;
        }
        OfferAnswer::Declined => {
            let reason = body.decline_reason.ok_or_else(|| {
                ApiError::invalid_field(
                    "decline_reason",
                    FieldCode::Required,
                    "say why the offer was declined",
                )
            })?;
            if reason.keeps_place() {
                let until = body.hold_until.ok_or_else(|| {
                    ApiError::invalid_field(
                        "hold_until",
                        FieldCode::Required,
                        "the reason keeps the place: say until when the person cannot move in",
                    )
                })?;
                if until <= today {
                    return Err(ApiError::invalid_field(
                        "hold_until",
                        FieldCode::InPast,
                        "the hold ends after today",
                    ));
                }
                let moves = queue
                    .state
                    .decline(entry_id, Some(Hold::Until(until)))
                    .map_err(rule_error)?;
                debug_assert!(moves.is_empty(), "a refusal keeping the place moves nobody");
                queue
                    .set_offer_status(&uow, &offer, "declined", Some(reason.as_str()), note)
                    .await?;
                queue
                    .set_hold(&uow, entry_id, Some((HOLD_DECLINED, Some(until))))
                    .await?;
                if let Some(e) = queue.entries.get_mut(&entry_id) {
                    e.hold_reason = Some(HOLD_DECLINED.to_owned());
                    e.hold_until = Some(until);
                }
            } else {
                let moves = queue.state.decline(entry_id, None).map_err(rule_error)?;
                let leave = reason.leave_reason().as_str();
                queue
                    .set_offer_status(
                        &uow,
                        &offer,
                        "declined",
                        Some(reason.as_str()),
                        note.clone(),
                    )
                    .await?;
                queue
                    .record_moves(&uow, entry_id, Cause::Left(leave), &moves)
                    .await?;
                queue.close_entry(&uow, entry_id, LEFT, leave, note).await?;
                moved = moves.len().saturating_sub(1);
                left = Some(leave);
            }
        }
        OfferAnswer::NoReply => {
            queue.state.expire(entry_id, today).map_err(rule_error)?;
            queue
                .set_offer_status(&uow, &offer, "expired", None, note)
                .await?;
            queue
                .set_hold(&uow, entry_id, Some((HOLD_NO_REPLY, None)))
                .await?;
            if let Some(e) = queue.entries.get_mut(&entry_id) {
                e.hold_reason = Some(HOLD_NO_REPLY.to_owned());
                e.hold_until = None;
            }
        }
    }
    set_visit(&uow, offer.id, body.visit_on).await?;
    let next = queue.settle(&uow).await?;
    uow.audit(
        AuditEvent::new(AuditAction::OfferAnswer, "offer", offer.id).summary(json!({
            "queue_entry_id": entry_id,
            "place_id": offer.place_id,
            "answer": body.answer,
            "decline_reason": body.decline_reason,
            "hold_until": body.hold_until,
            "left": left,
            "moved": moved,
            "next_offers": next.iter().map(|o| o.id).collect::<Vec<_>>(),
        })),
    )
    .await?;
    audit_offers(&mut uow, &next).await?;
    let offer = repo::offer(uow.db(), actor, id).await?;
    uow.commit().await?;
    Ok(Answered {
        offer: OfferView::of(offer, today),
        next_offers: views(&next, today),
    })
}

fn problem_error(p: AdmissionProblem) -> FieldError {
    let (field, code) = match p {
        AdmissionProblem::ExtractMissing => ("extract_027a_issued_on", FieldCode::Required),
        AdmissionProblem::ExtractAfterMovingIn => ("extract_027a_issued_on", FieldCode::Invalid),
        AdmissionProblem::ExtractTooOld => ("extract_027a_issued_on", FieldCode::OutOfRange),
        AdmissionProblem::InfectiousDiseaseNotExcluded => {
            ("checklist.no_acute_infectious_disease", FieldCode::Required)
        }
        AdmissionProblem::PsychosisNotExcluded => {
            ("checklist.no_acute_psychosis", FieldCode::Required)
        }
    };
    FieldError::new(field, code, p.to_string())
}

/// The problems of an admission to `kind` at a facility with `items` on
/// `moving_in`: each required item not done, and for group living R-LIM-7.
/// Returns the field errors and whether R-LIM-7 refused.
fn admission_errors(
    kind: PlaceKind,
    items: &[ChecklistItem],
    body: &AdmitRequest,
) -> (Vec<FieldError>, bool) {
    let done = |code: &str| body.checklist.iter().any(|c| c.code == code && c.done);
    let mut errors: Vec<FieldError> = items
        .iter()
        .filter(|i| i.required && !done(&i.code))
        .map(|i| {
            FieldError::new(
                format!("checklist.{}", i.code),
                FieldCode::Required,
                format!("required before moving in: {}", i.label_en),
            )
        })
        .collect();
    let mut r_lim_7 = false;
    if kind.one_queue_per_person() {
        // Group living (short-term and long-term care).
        let health = AdmissionHealth {
            extract_027a_issued_on: body.extract_027a_issued_on,
            no_acute_infectious_disease: done(ITEM_NO_ACUTE_INFECTIOUS_DISEASE),
            no_acute_psychosis: done(ITEM_NO_ACUTE_PSYCHOSIS),
        };
        if let Err(problems) = check_group_living_admission(body.moving_in_on, health) {
            r_lim_7 = true;
            for p in problems {
                let e = problem_error(p);
                if !errors.iter().any(|x| x.field == e.field) {
                    errors.push(e);
                }
            }
        }
        if done(ITEM_F027A_EXTRACT) && body.extract_027a_issued_on.is_none() {
            let e = FieldError::new(
                "extract_027a_issued_on",
                FieldCode::Required,
                "R-LIM-7: the F027/a extract's date is recorded with it",
            );
            if !errors.iter().any(|x| x.field == e.field) {
                errors.push(e);
            }
        }
    }
    (errors, r_lim_7)
}

/// Moves the person of accepted offer `id` in (`ManagePlaces`): the offer
/// must be accepted (409 `offer_not_accepted`); every required item of the
/// facility's admission checklist done and, for group living, R-LIM-7 met
/// (422 `admission_refused` with `errors`); the moving-in day not before the
/// offer and at most 60 days ahead. The entry leaves the queue as admitted
/// (those after move up, cause `ahead_admitted`), the held place becomes a
/// stay.
pub async fn admit(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: AdmitRequest,
) -> ApiResult<StayView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManagePlaces).await?;
    let today = uow.today();
    let offer = repo::offer(uow.db(), actor, id).await?;
    let mut queue = Queue::open(&uow, actor, offer.place_id).await?;
    let offer = repo::offer(uow.db(), actor, id).await?;
    check_version(offer.version, body.version)?;
    if offer.status != OFFER_ACCEPTED {
        return Err(rule_error(PlaceRuleError::NotAccepted));
    }
    if body.moving_in_on < offer.offered_on {
        return Err(ApiError::invalid_field(
            "moving_in_on",
            FieldCode::OutOfRange,
            "the moving-in day is not before the offer",
        ));
    }
    if body.moving_in_on > today.saturating_add(Duration::days(MOVING_IN_MAX_DAYS_AHEAD)) {
        return Err(ApiError::invalid_field(
            "moving_in_on",
            FieldCode::OutOfRange,
            format!("the moving-in day is at most {MOVING_IN_MAX_DAYS_AHEAD} days ahead"),
        ));
    }
    let items: Vec<ChecklistItem> =
        serde_json::from_value(queue.facility.admission_checklist.clone())
            .map_err(|e| ApiError::from(StoreError::corrupt("facility", e)))?;
    let unknown: Vec<FieldError> = body
        .checklist
        .iter()
        .filter(|c| !items.iter().any(|i| i.code == c.code))
        .map(|c| {
            FieldError::new(
                format!("checklist.{}", c.code),
                FieldCode::Invalid,
                "not an item of the facility's admission checklist",
            )
        })
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::validation(unknown));
    }
    let (errors, r_lim_7) = admission_errors(queue.kind, &items, &body);
    if !errors.is_empty() {
        let detail = if r_lim_7 {
            "R-LIM-7: the person cannot move into the group living home yet; see `errors`."
        } else {
            "The admission checklist is not complete; see `errors`."
        };
        return Err(ApiError::new(
            ErrorCode::AdmissionRefused.status(),
            ErrorCode::AdmissionRefused,
            detail,
        )
        .with_errors(errors));
    }
    let entry_id = offer.entry_id;
    let entry = queue
        .entries
        .get(&entry_id)
        .cloned()
        .ok_or_else(|| rule_error(PlaceRuleError::NotWaiting))?;
    let moves = queue.state.admit(entry_id).map_err(rule_error)?;
    queue
        .record_moves(&uow, entry_id, Cause::Admitted, &moves)
        .await?;
    queue
        .close_entry(&uow, entry_id, ADMITTED, ADMITTED, None)
        .await?;
    place_offers::Entity::update_many()
        .col_expr(place_offers::Column::Status, Expr::value("admitted"))
        .col_expr(place_offers::Column::UpdatedAt, Expr::value(uow.now()))
        .col_expr(
            place_offers::Column::Version,
            Expr::col(place_offers::Column::Version).add(1),
        )
        .filter(place_offers::Column::Id.eq(offer.id))
        .exec(uow.db())
        .await?;
    queue.offers.remove(&entry_id);
    let checklist: Vec<serde_json::Value> = items
        .iter()
        .map(|i| {
            json!({
                "code": i.code,
                "label_lt": i.label_lt,
                "required": i.required,
                "done": body.checklist.iter().any(|c| c.code == i.code && c.done),
            })
        })
        .collect();
    let stay = stays::Entity::insert(stays::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(queue.place.municipality_id),
        place_id: Set(queue.place.id),
        facility_id: Set(queue.place.facility_id),
        person_id: Set(entry.person_id),
        place_kind: Set(queue.kind.as_str().to_owned()),
        entry_id: Set(Some(entry_id)),
        offer_id: Set(Some(offer.id)),
        decision_id: Set(entry.decision_id),
        started_on: Set(body.moving_in_on),
        arrived_at: Set(None),
        brought_by: Set(None),
        planned_until: Set(None),
        threat_reason: Set(None),
        checklist: Set(Some(serde_json::Value::Array(checklist))),
        extract_027a_issued_on: Set(body.extract_027a_issued_on),
        ended_on: Set(None),
        end_reason: Set(None),
        end_note: Set(None),
        created_by: Set(actor.user_id()),
        created_at: Set(uow.now()),
        updated_at: Set(uow.now()),
        version: Set(1),
    })
    .exec_with_returning(uow.db())
    .await?;
    let next = queue.settle(&uow).await?;
    uow.audit(
        AuditEvent::new(AuditAction::StayAdmit, "stay", stay.id).summary(json!({
            "offer_id": offer.id,
            "queue_entry_id": entry_id,
            "place_id": offer.place_id,
            "moving_in_on": body.moving_in_on,
            "extract_027a_issued_on": body.extract_027a_issued_on,
            "moved": moves.len().saturating_sub(1),
        })),
    )
    .await?;
    audit_offers(&mut uow, &next).await?;
    let names = person_names(uow.db(), [stay.person_id]).await?;
    uow.commit().await?;
    Ok(stay_view(stay, &names, today))
}
