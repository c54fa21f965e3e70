//! What a stay's care fee is computed from: its fee terms, effective from a
//! date (R-FEE-8), and its absences (R-FEE-9). Recorded by those who record
//! deliveries (`RecordDeliveries`), read with `ReadDeliveries`; only for
//! short-term and long-term care stays.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::common::money;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{stay_absences, stay_fee_terms, stays};
use crate::store::places as places_repo;
use crate::store::scope::scoped;
use crate::store::versioned;
use atvejis_domain::access::Permission;
use atvejis_domain::places::PlaceKind;
use rust_decimal::Decimal;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// The largest amount accepted (EUR).
const MAX_AMOUNT: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);

/// Fee terms of a stay from a date (R-FEE-8).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeeTermsView {
    /// Id.
    pub id: Uuid,
    /// The stay.
    pub stay_id: Uuid,
    /// In force from this day (until the next terms).
    pub effective_from: Date,
    /// The target compensation for nursing or care, EUR a month (100 % to
    /// the fee).
    #[schema(value_type = String, example = "246.75")]
    pub target_compensation: Decimal,
    /// The value of the person's assets over the municipality's normative.
    #[schema(value_type = String, example = "0.00")]
    pub assets_over_normative: Decimal,
    /// Whether the person is an adult (the asset part applies to adults).
    pub adult: bool,
    /// The day long-term care began (the asset part applies after
    /// 2007-01-01).
    pub care_started_on: Date,
    /// A note.
    pub note: Option<String>,
    /// For optimistic concurrency.
    pub version: i32,
    /// When last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<stay_fee_terms::Model> for FeeTermsView {
    fn from(t: stay_fee_terms::Model) -> Self {
        FeeTermsView {
            id: t.id,
            stay_id: t.stay_id,
            effective_from: t.effective_from,
            target_compensation: money(t.target_compensation),
            assets_over_normative: money(t.assets_over_normative),
            adult: t.adult,
            care_started_on: t.care_started_on,
            note: t.note,
            version: t.version,
            updated_at: t.updated_at,
        }
    }
}

/// Set a stay's fee terms from a date.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct FeeTermsRequest {
    /// In force from this day (not before the stay started).
    pub effective_from: Date,
    /// The target compensation, EUR a month, 0 or more.
    #[schema(value_type = String, example = "246.75")]
    pub target_compensation: Decimal,
    /// Assets over the normative, EUR, 0 or more.
    #[schema(value_type = String, example = "0")]
    pub assets_over_normative: Decimal,
    /// Whether the person is an adult.
    pub adult: bool,
    /// The day long-term care began (default: the stay's start).
    pub care_started_on: Option<Date>,
    /// A note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
    /// The `version` of the terms of the same `effective_from`, to replace
    /// them; absent for new terms.
    #[validate(range(min = 1))]
    pub version: Option<i32>,
}

/// Why a person was away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AbsenceReason {
    /// In hospital.
    Hospital,
    /// With family or relatives.
    Family,
    /// Other.
    Other,
}

impl AbsenceReason {
    fn as_str(self) -> &'static str {
        match self {
            AbsenceReason::Hospital => "hospital",
            AbsenceReason::Family => "family",
            AbsenceReason::Other => "other",
        }
    }

    fn parse(code: &str) -> AbsenceReason {
        match code {
            "hospital" => AbsenceReason::Hospital,
            "family" => AbsenceReason::Family,
            _ => AbsenceReason::Other,
        }
    }
}

/// An absence from care (R-FEE-9), both days included.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AbsenceView {
    /// Id.
    pub id: Uuid,
    /// The stay.
    pub stay_id: Uuid,
    /// The first day away.
    pub from: Date,
    /// The last day away.
    pub to: Date,
    /// Days away.
    pub days: i64,
    /// Why.
    pub reason: AbsenceReason,
    /// A note.
    pub note: Option<String>,
    /// For optimistic concurrency.
    pub version: i32,
}

impl From<stay_absences::Model> for AbsenceView {
    fn from(a: stay_absences::Model) -> Self {
        AbsenceView {
            id: a.id,
            stay_id: a.stay_id,
            from: a.from_date,
            to: a.to_date,
            days: (a.to_date - a.from_date).whole_days() + 1,
            reason: AbsenceReason::parse(&a.reason),
            note: a.note,
            version: a.version,
        }
    }
}

/// Record an absence.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct AbsenceRequest {
    /// The first day away (within the stay).
    pub from: Date,
    /// The last day away (not before `from`, within the stay).
    pub to: Date,
    /// Why.
    pub reason: AbsenceReason,
    /// A note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// Change an absence (its days or reason).
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct AbsenceChange {
    /// The absence's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// The first day away.
    pub from: Date,
    /// The last day away.
    pub to: Date,
    /// Why.
    pub reason: AbsenceReason,
    /// A note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

fn clean(note: Option<String>) -> Option<String> {
    note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty())
}

fn amount(field: &str, value: Decimal) -> ApiResult<Decimal> {
    if value < Decimal::ZERO || value > MAX_AMOUNT {
        return Err(ApiError::invalid_field(
            field,
            FieldCode::Range,
            "an amount from 0 to 100,000,000 EUR",
        ));
    }
    if value.scale() > 2 && value.round_dp(2) != value {
        return Err(ApiError::invalid_field(
            field,
            FieldCode::Invalid,
            "an amount in cents (at most 2 decimals)",
        ));
    }
    Ok(value)
}

/// Stay `id` of the actor's municipality, which must be a care stay.
async fn care_stay<C: ConnectionTrait>(db: &C, actor: &Actor, id: Uuid) -> ApiResult<stays::Model> {
    let stay = places_repo::stay(db, actor, id).await?;
    let care = PlaceKind::parse(&stay.place_kind)
        .is_some_and(|k| matches!(k, PlaceKind::ShortTermCare | PlaceKind::LongTermCare));
    if !care {
        return Err(ApiError::invalid_field(
            "stay_id",
            FieldCode::Invalid,
            "R-FEE-8: care fees are for short-term and long-term care stays (the others are free, R-FEE-12)",
        ));
    }
    Ok(stay)
}

/// The fee terms of stay `id`, oldest first (`ReadDeliveries`).
pub async fn list_terms(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<Vec<FeeTermsView>> {
    actor.require(Permission::ReadDeliveries)?;
    let stay = places_repo::stay(&state.db, actor, id).await?;
    Ok(scoped::<stay_fee_terms::Entity>(actor)
        .filter(stay_fee_terms::Column::StayId.eq(stay.id))
        .order_by_asc(stay_fee_terms::Column::EffectiveFrom)
        .all(&state.db)
        .await?
        .into_iter()
        .map(FeeTermsView::from)
        .collect())
}

/// R-FEE-8: sets stay `id`'s fee terms from `effective_from`
/// (`RecordDeliveries`): new terms for a new date (the earlier ones stay
/// in force before it), or a change of the terms of that date with their
/// `version`.
pub async fn set_terms(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: FeeTermsRequest,
) -> ApiResult<FeeTermsView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let stay = care_stay(uow.db(), actor, id).await?;
    let compensation = amount("target_compensation", body.target_compensation)?;
    let assets = amount("assets_over_normative", body.assets_over_normative)?;
    if body.effective_from < stay.started_on {
        return Err(ApiError::invalid_field(
            "effective_from",
            FieldCode::Range,
            "terms take effect on or after the stay's first day",
        ));
    }
    if stay.ended_on.is_some_and(|end| body.effective_from > end) {
        return Err(ApiError::invalid_field(
            "effective_from",
            FieldCode::Range,
            "terms take effect on or before the stay's last day",
        ));
    }
    let care_started_on = body.care_started_on.unwrap_or(stay.started_on);
    if care_started_on > stay.started_on {
        return Err(ApiError::invalid_field(
            "care_started_on",
            FieldCode::Range,
            "care began on or before the stay's first day",
        ));
    }
    let note = clean(body.note);
    let now = uow.now();
    let existing = scoped::<stay_fee_terms::Entity>(actor)
        .filter(stay_fee_terms::Column::StayId.eq(stay.id))
        .filter(stay_fee_terms::Column::EffectiveFrom.eq(body.effective_from))
        .one(uow.db())
        .await?;
    let terms_id = match (existing, body.version) {
        (Some(row), Some(version)) => {
            let result = versioned::update::<stay_fee_terms::Entity>(actor, row.id, version, now)
                .col_expr(
                    stay_fee_terms::Column::TargetCompensation,
                    Expr::value(compensation),
                )
                .col_expr(
                    stay_fee_terms::Column::AssetsOverNormative,
                    Expr::value(assets),
                )
                .col_expr(stay_fee_terms::Column::Adult, Expr::value(body.adult))
                .col_expr(
                    stay_fee_terms::Column::CareStartedOn,
                    Expr::value(care_started_on),
                )
                .col_expr(stay_fee_terms::Column::Note, Expr::value(note.clone()))
                .exec(uow.db())
                .await?;
            versioned::expect_one(result)?;
            row.id
        }
        (Some(_), None) => {
            return Err(ApiError::stale_version());
        }
        (None, Some(_)) => {
            return Err(ApiError::stale_version());
        }
        (None, None) => {
            let row = stay_fee_terms::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(stay.municipality_id),
                stay_id: Set(stay.id),
                effective_from: Set(body.effective_from),
                target_compensation: Set(compensation),
                assets_over_normative: Set(assets),
                adult: Set(body.adult),
                care_started_on: Set(care_started_on),
                note: Set(note.clone()),
                created_by: Set(actor.user_id()),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
            };
            stay_fee_terms::Entity::insert(row)
                .exec_with_returning(uow.db())
                .await?
                .id
        }
    };
    uow.audit(
        AuditEvent::new(AuditAction::StayFeeTermsSet, "stay", stay.id).summary(json!({
            "terms_id": terms_id,
            "effective_from": body.effective_from,
            "target_compensation": compensation,
            "assets_over_normative": assets,
            "adult": body.adult,
            "care_started_on": care_started_on,
        })),
    )
    .await?;
    let row = scoped::<stay_fee_terms::Entity>(actor)
        .filter(stay_fee_terms::Column::Id.eq(terms_id))
        .one(uow.db())
        .await?
        .ok_or(crate::store::StoreError::NotFound("fee terms"))?;
    uow.commit().await?;
    Ok(row.into())
}

/// The absences of stay `id`, first first (`ReadDeliveries`).
pub async fn list_absences(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<Vec<AbsenceView>> {
    actor.require(Permission::ReadDeliveries)?;
    let stay = places_repo::stay(&state.db, actor, id).await?;
    Ok(scoped::<stay_absences::Entity>(actor)
        .filter(stay_absences::Column::StayId.eq(stay.id))
        .order_by_asc(stay_absences::Column::FromDate)
        .all(&state.db)
        .await?
        .into_iter()
        .map(AbsenceView::from)
        .collect())
}

/// Checks an absence's days against the stay and the other absences.
async fn check_days<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    stay: &stays::Model,
    from: Date,
    to: Date,
    except: Option<Uuid>,
) -> ApiResult<()> {
    if to < from {
        return Err(ApiError::invalid_field(
            "to",
            FieldCode::Range,
            "an absence ends on or after its first day",
        ));
    }
    if from < stay.started_on {
        return Err(ApiError::invalid_field(
            "from",
            FieldCode::Range,
            "an absence begins on or after the stay's first day",
        ));
    }
    if stay.ended_on.is_some_and(|end| to > end) {
        return Err(ApiError::invalid_field(
            "to",
            FieldCode::Range,
            "an absence ends on or before the stay's last day",
        ));
    }
    let mut q = scoped::<stay_absences::Entity>(actor)
        .filter(stay_absences::Column::StayId.eq(stay.id))
        .filter(stay_absences::Column::FromDate.lte(to))
        .filter(stay_absences::Column::ToDate.gte(from));
    if let Some(id) = except {
        q = q.filter(stay_absences::Column::Id.ne(id));
    }
    if let Some(other) = q.one(db).await? {
        return Err(ApiError::conflict(
            ErrorCode::AbsenceOverlaps,
            format!(
                "R-FEE-9: the absence overlaps the one recorded from {} to {}.",
                other.from_date, other.to_date
            ),
        ));
    }
    Ok(())
}

/// R-FEE-9: records an absence from care on stay `id`
/// (`RecordDeliveries`): within the stay, not overlapping another (409
/// `absence_overlaps`).
pub async fn record_absence(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: AbsenceRequest,
) -> ApiResult<AbsenceView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    // Changes of one stay's absences are serialised by its row.
    let stay = care_stay(uow.db(), actor, id).await?;
    lock_stay(&uow, &stay).await?;
    check_days(uow.db(), actor, &stay, body.from, body.to, None).await?;
    let now = uow.now();
    let row = stay_absences::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(stay.municipality_id),
        stay_id: Set(stay.id),
        from_date: Set(body.from),
        to_date: Set(body.to),
        reason: Set(body.reason.as_str().to_owned()),
        note: Set(clean(body.note)),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    let row = stay_absences::Entity::insert(row)
        .exec_with_returning(uow.db())
        .await?;
    uow.audit(
        AuditEvent::new(AuditAction::StayAbsenceRecord, "stay", stay.id).summary(json!({
            "absence_id": row.id,
            "from": row.from_date,
            "to": row.to_date,
            "reason": row.reason,
        })),
    )
    .await?;
    uow.commit().await?;
    Ok(row.into())
}

/// Serialises changes of a stay's absences: touches the stay's row (a row
/// lock on PostgreSQL; SQLite's writes are serialised anyway).
async fn lock_stay(uow: &UnitOfWork, stay: &stays::Model) -> ApiResult<()> {
    stays::Entity::update_many()
        .col_expr(stays::Column::Id, Expr::col(stays::Column::Id))
        .filter(stays::Column::Id.eq(stay.id))
        .exec(uow.db())
        .await?;
    Ok(())
}

/// R-FEE-9: changes absence `absence_id` of stay `id` (`RecordDeliveries`,
/// version-checked).
pub async fn change_absence(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    absence_id: Uuid,
    body: AbsenceChange,
) -> ApiResult<AbsenceView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let stay = care_stay(uow.db(), actor, id).await?;
    lock_stay(&uow, &stay).await?;
    let before = scoped::<stay_absences::Entity>(actor)
        .filter(stay_absences::Column::Id.eq(absence_id))
        .filter(stay_absences::Column::StayId.eq(stay.id))
        .one(uow.db())
        .await?
        .ok_or(crate::store::StoreError::NotFound("absence"))?;
    check_days(uow.db(), actor, &stay, body.from, body.to, Some(absence_id)).await?;
    let now = uow.now();
    let result = versioned::update::<stay_absences::Entity>(actor, absence_id, body.version, now)
        .col_expr(stay_absences::Column::FromDate, Expr::value(body.from))
        .col_expr(stay_absences::Column::ToDate, Expr::value(body.to))
        .col_expr(
            stay_absences::Column::Reason,
            Expr::value(body.reason.as_str()),
        )
        .col_expr(stay_absences::Column::Note, Expr::value(clean(body.note)))
        .exec(uow.db())
        .await?;
    versioned::expect_one(result)?;
    uow.audit(
        AuditEvent::new(AuditAction::StayAbsenceChange, "stay", stay.id).summary(json!({
            "absence_id": absence_id,
            "from": { "before": before.from_date, "after": body.from },
            "to": { "before": before.to_date, "after": body.to },
            "reason": body.reason.as_str(),
        })),
    )
    .await?;
    let row = scoped::<stay_absences::Entity>(actor)
        .filter(stay_absences::Column::Id.eq(absence_id))
        .one(uow.db())
        .await?
        .ok_or(crate::store::StoreError::NotFound("absence"))?;
    uow.commit().await?;
    Ok(row.into())
}
