//! Stays in places: the list (with the shelter's SP-8 clock, R-DL-5), an
//! arrival at the overnight shelter (given once, 7 nights, longer only with
//! a recorded threat), its extension, and the end of any stay, which frees
//! the place and offers it to the first eligible person (R-Q-4).

use super::queue::{audit_offers, queue_of_kind};
use super::views::{OfferView, StayView, person_names, stay_view};
use super::{Queue, rule_error, shelter_error};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{applications, stays};
use crate::store::places as repo;
use crate::store::scope::scoped;
use atvejis_domain::access::Permission;
use atvejis_domain::calendar::lithuanian_date;
use atvejis_domain::lead_times::shelter_filing_due_at;
use atvejis_domain::places::{
    PlaceKind, StayEndReason, may_extend_shelter_stay, may_start_shelter_stay, shelter_stay_ends_on,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, Duration, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The service whose SP-8 a shelter stay waits for (R-DL-5).
const SHELTER_SERVICE: &str = "overnight_shelter";
/// How far back an arrival may be recorded.
const ARRIVAL_RECORDED_WITHIN_DAYS: i64 = 7;

/// A stay, with the shelter's SP-8 clock (R-DL-5).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StayDetail {
    /// The stay.
    #[serde(flatten)]
    pub stay: StayView,
    /// R-DL-5: a shelter stay's SP-8 is due by this moment (48 h after the
    /// arrival); `None` for other stays.
    #[serde(with = "time::serde::rfc3339::option")]
    pub sp8_due_at: Option<OffsetDateTime>,
    /// R-DL-5: the person's overnight-shelter application received on or
    /// after the arrival day, if filed.
    pub sp8_application_id: Option<Uuid>,
    /// R-DL-5: no SP-8 filed and its 48 hours have passed.
    pub sp8_overdue: bool,
}

/// Who brought a person to the shelter (R-DL-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BroughtBy {
    /// The police.
    Police,
    /// An ambulance.
    Ambulance,
    /// Came by themself.
    #[serde(rename = "self")]
    Themself,
    /// Someone else.
    Other,
}

impl BroughtBy {
    fn as_str(self) -> &'static str {
        match self {
            BroughtBy::Police => "police",
            BroughtBy::Ambulance => "ambulance",
            BroughtBy::Themself => "self",
            BroughtBy::Other => "other",
        }
    }
}

/// Which stays to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StayFilter {
    /// At this facility.
    pub facility_id: Option<Uuid>,
    /// Of this person.
    pub person_id: Option<Uuid>,
    /// `true`: only stays not ended; `false`: only ended ones.
    pub open: Option<bool>,
    /// Of this kind of place.
    pub place_kind: Option<PlaceKind>,
}

/// A page of stays.
#[derive(Debug, Serialize, ToSchema)]
pub struct StayPage {
    /// The stays, newest first.
    pub items: Vec<StayDetail>,
    /// All matching.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// An arrival at the overnight shelter (R-DL-5).
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct ArrivalRequest {
    /// The shelter.
    pub facility_id: Uuid,
    /// The person who arrived.
    pub person_id: Uuid,
    /// When (default: now; not in the future, at most 7 days back).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub arrived_at: Option<OffsetDateTime>,
    /// Who brought them.
    pub brought_by: BroughtBy,
    /// A threat to health or life (needed for a second stay, R-DL-5).
    #[validate(length(max = 2000))]
    pub threat_reason: Option<String>,
}

/// An extension of a shelter stay (R-DL-5).
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct ExtensionRequest {
    /// The stay's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// The new last day.
    pub until: Date,
    /// The threat to health or life that remains (needed past 7 nights).
    #[validate(length(max = 2000))]
    pub threat_reason: Option<String>,
}

/// The end of a stay.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct EndRequest {
    /// The stay's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// The last day (not before the start, not after today).
    pub ended_on: Date,
    /// Why.
    pub reason: StayEndReason,
    /// A note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// What ending a stay did: the stay, and the offers of the freed place.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StayEnded {
    /// The stay as ended.
    pub stay: StayDetail,
    /// The offers made as the place freed (R-Q-4).
    pub next_offers: Vec<OfferView>,
}

fn trimmed(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// The details of `stays` on `now`: names, and for shelter stays the SP-8
/// clock.
async fn details<C: ConnectionTrait>(
    db: &C,
    stays: Vec<stays::Model>,
    now: OffsetDateTime,
) -> ApiResult<Vec<StayDetail>> {
    let names = person_names(db, stays.iter().map(|s| s.person_id)).await?;
    let shelter_people: Vec<Uuid> = stays
        .iter()
        .filter(|s| s.place_kind == PlaceKind::Shelter.as_str())
        .map(|s| s.person_id)
        .collect();
    let sp8s = if shelter_people.is_empty() {
        Vec::new()
    } else {
        applications::Entity::find()
            .filter(applications::Column::PersonId.is_in(shelter_people))
            .filter(applications::Column::ServiceCode.eq(SHELTER_SERVICE))
            .filter(applications::Column::Status.ne("withdrawn"))
            .order_by_asc(applications::Column::ReceivedOn)
            .order_by_asc(applications::Column::CreatedAt)
            .all(db)
            .await?
    };
    let today = lithuanian_date(now);
    Ok(stays
        .into_iter()
        .map(|stay| {
            let shelter = stay.place_kind == PlaceKind::Shelter.as_str();
            let due = shelter.then(|| {
                shelter_filing_due_at(
                    stay.arrived_at
                        .unwrap_or_else(|| stay.started_on.midnight().assume_utc()),
                )
            });
            let sp8 = shelter
                .then(|| {
                    sp8s.iter().find(|a| {
                        a.person_id == stay.person_id
                            && a.municipality_id == stay.municipality_id
                            && a.received_on >= stay.started_on
                    })
                })
                .flatten()
                .map(|a| a.id);
            let overdue = due.is_some_and(|due| sp8.is_none() && now > due);
            StayDetail {
                stay: stay_view(stay, &names, today),
                sp8_due_at: due,
                sp8_application_id: sp8,
                sp8_overdue: overdue,
            }
        })
        .collect())
}

async fn detail<C: ConnectionTrait>(
    db: &C,
    stay: stays::Model,
    now: OffsetDateTime,
) -> ApiResult<StayDetail> {
    Ok(details(db, vec![stay], now)
        .await?
        .pop()
        .ok_or(crate::store::StoreError::NotFound("stay"))?)
}

/// A page of the stays of the actor's municipality (`ReadPlaces`), newest
/// first: ten years of a municipality's stays are tens of thousands.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    f: StayFilter,
    page: u64,
    per_page: u64,
) -> ApiResult<StayPage> {
    actor.require(Permission::ReadPlaces)?;
    let mut q = scoped::<stays::Entity>(actor);
    if let Some(id) = f.facility_id {
        q = q.filter(stays::Column::FacilityId.eq(id));
    }
    if let Some(id) = f.person_id {
        q = q.filter(stays::Column::PersonId.eq(id));
    }
    if let Some(kind) = f.place_kind {
        q = q.filter(stays::Column::PlaceKind.eq(kind.as_str()));
    }
    match f.open {
        Some(true) => q = q.filter(stays::Column::EndedOn.is_null()),
        Some(false) => q = q.filter(stays::Column::EndedOn.is_not_null()),
        None => {}
    }
    let paginator = q
        .order_by_desc(stays::Column::StartedOn)
        .order_by_desc(stays::Column::CreatedAt)
        .order_by_desc(stays::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(crate::store::page_index(page)).await?;
    Ok(StayPage {
        items: details(&state.db, rows, state.clock.now()).await?,
        total,
        page,
        per_page,
    })
}

/// Stay `id` (`ReadPlaces`).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<StayDetail> {
    actor.require(Permission::ReadPlaces)?;
    let stay = repo::stay(&state.db, actor, id).await?;
    detail(&state.db, stay, state.clock.now()).await
}

/// R-DL-5: a person arrives at the overnight shelter (`RecordArrivals`),
/// before any application: given once (another stay only with a recorded
/// threat; 409 `shelter_given_once`), only while a place is free (409
/// `no_free_place`), for 7 nights.
pub async fn arrive(
    state: &AppState,
    actor: &Actor,
    body: ArrivalRequest,
) -> ApiResult<StayDetail> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordArrivals).await?;
    let now = uow.now();
    let arrived_at = body.arrived_at.unwrap_or(now);
    if arrived_at > now {
        return Err(ApiError::invalid_field(
            "arrived_at",
            FieldCode::Range,
            "the arrival cannot be in the future",
        ));
    }
    if arrived_at < now - Duration::days(ARRIVAL_RECORDED_WITHIN_DAYS) {
        return Err(ApiError::invalid_field(
            "arrived_at",
            FieldCode::Range,
            "an arrival is recorded within 7 days",
        ));
    }
    let place = queue_of_kind(
        uow.db(),
        actor,
        body.facility_id,
        PlaceKind::Shelter,
        "facility_id",
    )
    .await?;
    let person = crate::store::persons::find_scoped(uow.db(), actor, body.person_id).await?;
    let mut queue = Queue::open(&uow, actor, place.id).await?;
    let threat = trimmed(body.threat_reason);
    let earlier = scoped::<stays::Entity>(actor)
        .filter(stays::Column::PersonId.eq(person.id))
        .filter(stays::Column::PlaceKind.eq(PlaceKind::Shelter.as_str()))
        .all(uow.db())
        .await?;
    if earlier.iter().any(|s| s.ended_on.is_none()) {
        return Err(ApiError::conflict(
            ErrorCode::ShelterGivenOnce,
            "The person is staying at a shelter now.",
        ));
    }
    may_start_shelter_stay(earlier.len(), threat.is_some()).map_err(shelter_error)?;
    queue.state.arrive().map_err(rule_error)?;
    let started_on = lithuanian_date(arrived_at);
    let stay = stays::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(queue.place.municipality_id),
        place_id: Set(queue.place.id),
        facility_id: Set(queue.place.facility_id),
        person_id: Set(person.id),
        place_kind: Set(PlaceKind::Shelter.as_str().to_owned()),
        entry_id: Set(None),
        offer_id: Set(None),
        decision_id: Set(None),
        started_on: Set(started_on),
        arrived_at: Set(Some(arrived_at)),
        brought_by: Set(Some(body.brought_by.as_str().to_owned())),
        planned_until: Set(Some(shelter_stay_ends_on(started_on))),
        threat_reason: Set(threat.clone()),
        checklist: Set(None),
        extract_027a_issued_on: Set(None),
        ended_on: Set(None),
        end_reason: Set(None),
        end_note: Set(None),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    let stay = stays::Entity::insert(stay)
        .exec_with_returning(uow.db())
        .await?;
    uow.audit(
        AuditEvent::new(AuditAction::StayArrive, "stay", stay.id).summary(json!({
            "facility_id": stay.facility_id,
            "person_id": stay.person_id,
            "brought_by": stay.brought_by,
            "planned_until": stay.planned_until,
            "threat_recorded": threat.is_some(),
            "earlier_stays": earlier.len(),
        })),
    )
    .await?;
    let view = detail(uow.db(), stay, now).await?;
    uow.commit().await?;
    Ok(view)
}

/// Opens a change of stay `id` by an actor with `ManagePlaces`, or with
/// `RecordArrivals` for a shelter stay: checks the permission first, the
/// version, and that the stay has not ended.
async fn open_change(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
) -> ApiResult<(UnitOfWork, Queue, stays::Model)> {
    let manages = actor.can(Permission::ManagePlaces);
    let permission = if manages {
        Permission::ManagePlaces
    } else {
        Permission::RecordArrivals
    };
    let uow = UnitOfWork::begin(state, actor, permission).await?;
    let stay = repo::stay(uow.db(), actor, id).await?;
    if !manages && stay.place_kind != PlaceKind::Shelter.as_str() {
        actor.require(Permission::ManagePlaces)?;
    }
    let queue = Queue::open(&uow, actor, stay.place_id).await?;
    let stay = repo::stay(uow.db(), actor, id).await?;
    crate::app::lifecycle::check_version(stay.version, version)?;
    if stay.ended_on.is_some() {
        return Err(ApiError::conflict(
            ErrorCode::StayEnded,
            "The stay has ended.",
        ));
    }
    Ok((uow, queue, stay))
}

/// R-DL-5: extends shelter stay `id` to `until`: past the 7 nights only
/// with a recorded threat to health or life (422 `shelter_needs_threat`).
pub async fn extend(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: ExtensionRequest,
) -> ApiResult<StayDetail> {
    let (mut uow, _queue, stay) = open_change(state, actor, id, body.version).await?;
    if stay.place_kind != PlaceKind::Shelter.as_str() {
        return Err(ApiError::invalid_field(
            "until",
            FieldCode::Invalid,
            "only a shelter stay is extended (R-DL-5)",
        ));
    }
    let threat = trimmed(body.threat_reason);
    let current_end = stay
        .planned_until
        .unwrap_or_else(|| shelter_stay_ends_on(stay.started_on));
    may_extend_shelter_stay(stay.started_on, current_end, body.until, threat.is_some()).map_err(
        |e| match e {
            atvejis_domain::places::ShelterRuleError::ExtensionNotLater => ApiError::invalid_field(
                "until",
                FieldCode::Range,
                "an extension ends after the stay's current end",
            ),
            other => shelter_error(other),
        },
    )?;
    let now = uow.now();
    stays::Entity::update_many()
        .col_expr(stays::Column::PlannedUntil, Expr::value(body.until))
        .col_expr(
            stays::Column::ThreatReason,
            Expr::value(threat.clone().or(stay.threat_reason.clone())),
        )
        .col_expr(stays::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            stays::Column::Version,
            Expr::col(stays::Column::Version).add(1),
        )
        .filter(stays::Column::Id.eq(id))
        .exec(uow.db())
        .await?;
    uow.audit(
        AuditEvent::new(AuditAction::StayExtend, "stay", id).summary(json!({
            "from": current_end,
            "until": body.until,
            "threat_recorded": threat.is_some(),
        })),
    )
    .await?;
    let stay = repo::stay(uow.db(), actor, id).await?;
    let view = detail(uow.db(), stay, now).await?;
    uow.commit().await?;
    Ok(view)
}

/// Ends stay `id` on `ended_on` (not before its start, not after today)
/// with a reason (`ManagePlaces`, or `RecordArrivals` for a shelter stay):
/// the place frees and is offered to the first eligible person (R-Q-4).
pub async fn end(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: EndRequest,
) -> ApiResult<StayEnded> {
    let (mut uow, mut queue, stay) = open_change(state, actor, id, body.version).await?;
    if body.ended_on < stay.started_on {
        return Err(ApiError::invalid_field(
            "ended_on",
            FieldCode::Range,
            "a stay ends on or after the day it started",
        ));
    }
    if body.ended_on > uow.today() {
        return Err(ApiError::invalid_field(
            "ended_on",
            FieldCode::Range,
            "a stay's end is recorded on or after its day",
        ));
    }
    // The stay occupies its place today (its end is not recorded yet).
    queue.state.end_stay().map_err(rule_error)?;
    let now = uow.now();
    let reason = body.reason.as_str();
    stays::Entity::update_many()
        .col_expr(stays::Column::EndedOn, Expr::value(body.ended_on))
        .col_expr(stays::Column::EndReason, Expr::value(reason))
        .col_expr(stays::Column::EndNote, Expr::value(trimmed(body.note)))
        .col_expr(stays::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            stays::Column::Version,
            Expr::col(stays::Column::Version).add(1),
        )
        .filter(stays::Column::Id.eq(id))
        .exec(uow.db())
        .await?;
    let offers = queue.settle(&uow).await?;
    uow.audit(
        AuditEvent::new(AuditAction::StayEnd, "stay", id).summary(json!({
            "place_id": stay.place_id,
            "ended_on": body.ended_on,
            "reason": reason,
            "offers_made": offers.iter().map(|o| o.id).collect::<Vec<_>>(),
        })),
    )
    .await?;
    audit_offers(&mut uow, &offers).await?;
    let today = uow.today();
    let stay = repo::stay(uow.db(), actor, id).await?;
    let view = detail(uow.db(), stay, now).await?;
    uow.commit().await?;
    Ok(StayEnded {
        stay: view,
        next_offers: offers
            .into_iter()
            .map(|o| OfferView::of(o, today))
            .collect(),
    })
}
