//! Transport trips: requested at least 5 working days ahead (R-DL-4, 422
//! `trip_too_late`), with S4's purpose, the destination and its kind (free
//! destinations, R-FEE-6), the odometer km one way and the full-price
//! choice without income proof (R-FEE-7); then done with the km actually
//! driven, or cancelled. The fare is the charges' (R-FEE-4..7).

use super::{granted_decision, month_range, positive_amount, trimmed};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::deliveries::{self as repo, TRIP_CANCELLED, TRIP_COMPLETED, TRIP_REQUESTED};
use crate::store::entities::trips;
use crate::store::page_index;
use crate::store::scope::scoped;
use crate::store::versioned;
use atvejis_domain::access::Permission;
use atvejis_domain::delivery::{DestinationKind, TripPurpose};
use atvejis_domain::lead_times::{latest_trip_request_on, trip_requested_in_time};
use rust_decimal::Decimal;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The transport service.
const TRANSPORT: &str = "transport";
/// The most km one way of a trip.
const MAX_KM: i64 = 2000;

/// Where a trip stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TripStatus {
    /// Asked for.
    Requested,
    /// Done.
    Completed,
    /// Cancelled.
    Cancelled,
}

impl TripStatus {
    fn as_str(self) -> &'static str {
        match self {
            TripStatus::Requested => TRIP_REQUESTED,
            TripStatus::Completed => TRIP_COMPLETED,
            TripStatus::Cancelled => TRIP_CANCELLED,
        }
    }

    fn parse(code: &str) -> Option<Self> {
        [
            TripStatus::Requested,
            TripStatus::Completed,
            TripStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.as_str() == code)
    }
}

/// A trip.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TripView {
    /// Id.
    pub id: Uuid,
    /// Who travels.
    pub person_id: Uuid,
    /// The signed transport decision; none for a full-price trip (R-FEE-7).
    pub decision_id: Option<Uuid>,
    /// When it was requested.
    pub requested_on: Date,
    /// The day of the trip.
    pub trip_on: Date,
    /// What for (S4's list).
    pub purpose: TripPurpose,
    /// Where to.
    pub destination: String,
    /// The kind of destination.
    pub destination_kind: DestinationKind,
    /// R-FEE-6: the destination makes the trip free.
    pub free_destination: bool,
    /// Odometer km one way, from the Centre.
    #[schema(value_type = String, example = "23.5")]
    pub km_one_way: Decimal,
    /// R-FEE-7: the person pays the full price without income proof.
    pub full_price: bool,
    /// Requested, completed or cancelled.
    pub status: TripStatus,
    /// The odometer km actually driven (there and back), once done.
    #[schema(value_type = Option<String>, example = "47")]
    pub km_driven: Option<Decimal>,
    /// When it was marked done.
    #[serde(with = "time::serde::rfc3339::option")]
    pub completed_at: Option<OffsetDateTime>,
    /// Note.
    pub note: Option<String>,
    /// For optimistic concurrency.
    pub version: i32,
}

impl TryFrom<trips::Model> for TripView {
    type Error = ApiError;
    fn try_from(t: trips::Model) -> ApiResult<Self> {
        let corrupt = |v: &str| ApiError::from(crate::store::StoreError::corrupt("trip", v));
        Ok(TripView {
            id: t.id,
            person_id: t.person_id,
            decision_id: t.decision_id,
            requested_on: t.requested_on,
            trip_on: t.trip_on,
            purpose: TripPurpose::parse(&t.purpose).ok_or_else(|| corrupt(&t.purpose))?,
            destination: t.destination,
            destination_kind: DestinationKind::parse(&t.destination_kind)
                .ok_or_else(|| corrupt(&t.destination_kind))?,
            free_destination: t.free_destination,
            km_one_way: t.km_one_way.normalize(),
            full_price: t.full_price,
            status: TripStatus::parse(&t.status).ok_or_else(|| corrupt(&t.status))?,
            km_driven: t.km_driven.map(|k| k.normalize()),
            completed_at: t.completed_at,
            note: t.note,
            version: t.version,
        })
    }
}

/// A trip to request.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct NewTrip {
    /// Who travels.
    pub person_id: Uuid,
    /// A signed decision granting transport to the person; none only when
    /// `full_price` (R-FEE-7).
    pub decision_id: Option<Uuid>,
    /// When requested (default: today in Vilnius; not in the future).
    pub requested_on: Option<Date>,
    /// The day of the trip: at least 5 working days after the request
    /// (R-DL-4).
    pub trip_on: Date,
    /// What for.
    pub purpose: TripPurpose,
    /// Where to.
    #[validate(length(min = 1, max = 300))]
    pub destination: String,
    /// The kind of destination (R-FEE-6 decides which are free).
    pub destination_kind: DestinationKind,
    /// Odometer km one way, more than 0, at most 1 decimal.
    #[schema(value_type = String, example = "23.5")]
    pub km_one_way: Decimal,
    /// R-FEE-7: the person agrees to pay the full price (0.32 €/km) and
    /// need not prove income.
    #[serde(default)]
    pub full_price: bool,
    /// Note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// A trip done.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct CompleteTrip {
    /// The trip's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// The odometer km actually driven (there and back), more than 0.
    #[schema(value_type = String, example = "47")]
    pub km_driven: Decimal,
    /// Note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// A trip cancelled.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct CancelTrip {
    /// The trip's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Why.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// Which trips to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TripFilter {
    /// Of this person.
    pub person_id: Option<Uuid>,
    /// On days of this month, `YYYY-MM`.
    pub month: Option<String>,
    /// In this state.
    pub status: Option<TripStatus>,
}

/// A page of trips.
#[derive(Debug, Serialize, ToSchema)]
pub struct TripPage {
    /// The trips, latest first.
    pub items: Vec<TripView>,
    /// All matching.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// The trips of the actor's municipality (`ReadDeliveries`).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    f: TripFilter,
    page: u64,
    per_page: u64,
) -> ApiResult<TripPage> {
    actor.require(Permission::ReadDeliveries)?;
    let mut q = scoped::<trips::Entity>(actor);
    if let Some(id) = f.person_id {
        q = q.filter(trips::Column::PersonId.eq(id));
    }
    if let Some(month) = f.month.as_deref() {
        let (first, last) = month_range(month)?;
        q = q
            .filter(trips::Column::TripOn.gte(first))
            .filter(trips::Column::TripOn.lte(last));
    }
    if let Some(status) = f.status {
        q = q.filter(trips::Column::Status.eq(status.as_str()));
    }
    let paginator = q
        .order_by_desc(trips::Column::TripOn)
        .order_by_desc(trips::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let items = paginator
        .fetch_page(page_index(page))
        .await?
        .into_iter()
        .map(TripView::try_from)
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(TripPage {
        items,
        total,
        page,
        per_page,
    })
}

/// Trip `id` (`ReadDeliveries`).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<TripView> {
    actor.require(Permission::ReadDeliveries)?;
    repo::trip(&state.db, actor, id).await?.try_into()
}

/// Requests a trip (`RecordDeliveries`): at least 5 working days ahead
/// (R-DL-4, 422 `trip_too_late`), km one way above 0.
pub async fn request(state: &AppState, actor: &Actor, body: NewTrip) -> ApiResult<TripView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let km = positive_amount(
        "km_one_way",
        body.km_one_way,
        Decimal::from(MAX_KM),
        1,
        false,
    )?;
    let destination = body.destination.trim().to_owned();
    if destination.is_empty() {
        return Err(ApiError::invalid_field(
            "destination",
            FieldCode::Required,
            "name the destination",
        ));
    }
    let today = uow.today();
    let requested_on = body.requested_on.unwrap_or(today);
    if requested_on > today {
        return Err(ApiError::invalid_field(
            "requested_on",
            FieldCode::InFuture,
            "a request is recorded on or after its day",
        ));
    }
    let person = crate::store::persons::find_scoped(uow.db(), actor, body.person_id).await?;
    let decision_id = match body.decision_id {
        Some(id) => {
            let (decision, application) =
                granted_decision(uow.db(), actor, id, &[TRANSPORT], "decision_id").await?;
            if application.person_id != person.id {
                return Err(ApiError::invalid_field(
                    "decision_id",
                    FieldCode::Mismatch,
                    "the decision is the traveller's",
                ));
            }
            Some(decision.id)
        }
        None if body.full_price => None,
        None => {
            return Err(ApiError::invalid_field(
                "decision_id",
                FieldCode::Required,
                "a trip without a transport decision is at the full price (R-FEE-7)",
            ));
        }
    };
    if !trip_requested_in_time(requested_on, body.trip_on) {
        let code = ErrorCode::TripTooLate;
        return Err(ApiError::new(
            code.status(),
            code,
            format!(
                "R-DL-4: a trip is requested at least 5 working days ahead; a trip on {} is requested by {}.",
                body.trip_on,
                latest_trip_request_on(body.trip_on)
            ),
        ));
    }
    let now = uow.now();
    let row = trips::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        person_id: Set(person.id),
        decision_id: Set(decision_id),
        requested_on: Set(requested_on),
        trip_on: Set(body.trip_on),
        purpose: Set(body.purpose.as_str().to_owned()),
        destination: Set(destination),
        destination_kind: Set(body.destination_kind.as_str().to_owned()),
        free_destination: Set(body.destination_kind.is_free()),
        km_one_way: Set(km),
        full_price: Set(body.full_price),
        status: Set(TRIP_REQUESTED.to_owned()),
        km_driven: Set(None),
        completed_at: Set(None),
        note: Set(trimmed(body.note)),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    let trip = trips::Entity::insert(row)
        .exec_with_returning(uow.db())
        .await?;
    uow.audit(
        AuditEvent::new(AuditAction::TripRequest, "trip", trip.id).summary(json!({
            "person_id": trip.person_id,
            "decision_id": trip.decision_id,
            "requested_on": trip.requested_on,
            "trip_on": trip.trip_on,
            "purpose": trip.purpose,
            "destination_kind": trip.destination_kind,
            "km_one_way": trip.km_one_way,
            "full_price": trip.full_price,
        })),
    )
    .await?;
    uow.commit().await?;
    trip.try_into()
}

async fn open_requested(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
) -> ApiResult<(UnitOfWork, trips::Model)> {
    let uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let trip = repo::trip(uow.db(), actor, id).await?;
    crate::app::lifecycle::check_version(trip.version, version)?;
    if trip.status != TRIP_REQUESTED {
        return Err(ApiError::conflict(
            ErrorCode::InvalidTransition,
            "The trip is already done or cancelled.",
        ));
    }
    Ok((uow, trip))
}

/// Marks trip `id` done with the odometer km driven (`RecordDeliveries`):
/// on or after the trip's day.
pub async fn complete(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: CompleteTrip,
) -> ApiResult<TripView> {
    let (mut uow, trip) = open_requested(state, actor, id, body.version).await?;
    let km = positive_amount(
        "km_driven",
        body.km_driven,
        Decimal::from(2 * MAX_KM),
        1,
        false,
    )?;
    if uow.today() < trip.trip_on {
        return Err(ApiError::invalid_field(
            "km_driven",
            FieldCode::InFuture,
            "a trip is done on or after its day",
        ));
    }
    let now = uow.now();
    let note = trimmed(body.note).or(trip.note.clone());
    let result = versioned::update::<trips::Entity>(actor, id, body.version, now)
        .col_expr(trips::Column::Status, Expr::value(TRIP_COMPLETED))
        .col_expr(trips::Column::KmDriven, Expr::value(Some(km)))
        .col_expr(trips::Column::CompletedAt, Expr::value(Some(now)))
        .col_expr(trips::Column::Note, Expr::value(note))
        .exec(uow.db())
        .await?;
    versioned::expect_one(result)?;
    uow.audit(
        AuditEvent::new(AuditAction::TripComplete, "trip", id).summary(json!({
            "person_id": trip.person_id,
            "km_driven": km,
        })),
    )
    .await?;
    let trip = repo::trip(uow.db(), actor, id).await?;
    uow.commit().await?;
    trip.try_into()
}

/// Cancels requested trip `id` (`RecordDeliveries`).
pub async fn cancel(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: CancelTrip,
) -> ApiResult<TripView> {
    let (mut uow, trip) = open_requested(state, actor, id, body.version).await?;
    let now = uow.now();
    let note = trimmed(body.note).or(trip.note.clone());
    let result = versioned::update::<trips::Entity>(actor, id, body.version, now)
        .col_expr(trips::Column::Status, Expr::value(TRIP_CANCELLED))
        .col_expr(trips::Column::Note, Expr::value(note))
        .exec(uow.db())
        .await?;
    versioned::expect_one(result)?;
    uow.audit(
        AuditEvent::new(AuditAction::TripCancel, "trip", id).summary(json!({
            "person_id": trip.person_id,
        })),
    )
    .await?;
    let trip = repo::trip(uow.db(), actor, id).await?;
    uow.commit().await?;
    trip.try_into()
}
