//! Decisions (SP-9): prepared by a division specialist with the fee
//! calculated by the domain and kept as a snapshot with its inputs; signed by
//! the division head, never by the preparer (R-ROLE-2); the notification is
//! recorded (R-DL-3).

pub mod fee_preview;
pub mod get;
pub mod prepare;
pub mod record_notification;
pub mod sign;

use crate::error::{ApiError, ApiResult};
use crate::routes::applications::{StaffRef, staff_ref};
use crate::routes::common::{money, serde_code};
use crate::store::entities::{applications, decisions, family_members};
use crate::store::{income, rates};
use atvejis_domain::catalogue::ServiceTypeSpec;
use atvejis_domain::fees::{FeeCalculation, HomeHelpCaps, HomeHelpFeeInput, home_help_fee};
use atvejis_domain::income::{YearMonth, average_income_per_member, income_window};
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// A decision's outcome.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeSchema {
    /// Granted.
    Granted,
    /// Refused.
    Refused,
}

/// The fee calculation, line by line, as kept with the decision.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FeeCalculationView {
    /// The income window's reference date (the application's date).
    pub reference_date: Date,
    /// The three months of income counted, `YYYY-MM`.
    pub income_months: Vec<String>,
    /// Family members counted.
    pub members: u32,
    /// Average monthly income per family member `I`.
    #[schema(value_type = String)]
    pub income_per_member: Decimal,
    /// The income the cap applies to (the person's, or the family's total).
    #[schema(value_type = String)]
    pub fee_base_income: Decimal,
    /// The VRP in force `V`.
    #[schema(value_type = String)]
    pub vrp: Decimal,
    /// `2V`: up to this, free.
    #[schema(value_type = String)]
    pub free_limit: Decimal,
    /// `below2`, `from2_to3`, `from3_to4`, `from4_to5`, `from5`.
    pub band: String,
    /// The cap share of income (e.g. `0.10`).
    #[schema(value_type = String)]
    pub cap_rate: Decimal,
    /// `cap_rate × fee_base_income`.
    #[schema(value_type = String)]
    pub cap_amount: Decimal,
    /// Hours in the month.
    #[schema(value_type = String)]
    pub hours: Decimal,
    /// The hourly price.
    #[schema(value_type = String)]
    pub hourly_price: Decimal,
    /// `hours × hourly_price`.
    #[schema(value_type = String)]
    pub cost: Decimal,
    /// `(I − 2V) × members`: the most the fee may take (R-FEE-2).
    #[schema(value_type = String)]
    pub floor_room: Decimal,
    /// The monthly fee (R-FEE-3), rounded half-up to cents.
    #[schema(value_type = String)]
    pub fee: Decimal,
    /// `free`, `cost`, `cap` or `floor`: what decided the fee.
    pub limited_by: String,
}

/// What is stored with a decision.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FeeSnapshot {
    pub reference_date: Date,
    pub months: Vec<YearMonth>,
    pub calculation: FeeCalculation,
}

impl From<&FeeSnapshot> for FeeCalculationView {
    fn from(s: &FeeSnapshot) -> Self {
        let c = &s.calculation;
        FeeCalculationView {
            reference_date: s.reference_date,
            income_months: s
                .months
                .iter()
                .map(|m| format!("{}-{:02}", m.year, m.month))
                .collect(),
            members: c.input.members,
            income_per_member: money(c.input.income_per_member),
            fee_base_income: money(c.input.fee_base_income),
            vrp: money(c.input.vrp),
            free_limit: money(c.free_limit),
            band: serde_code(&c.band),
            cap_rate: c.cap_rate.normalize(),
            cap_amount: money(c.cap_amount),
            hours: c.input.hours.normalize(),
            hourly_price: money(c.input.hourly_price),
            cost: money(c.cost),
            floor_room: money(c.floor_room),
            fee: money(c.fee),
            limited_by: serde_code(&c.limited_by),
        }
    }
}

/// A decision.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DecisionView {
    /// Id.
    pub id: Uuid,
    /// The application.
    pub application_id: Uuid,
    /// Granted or refused.
    pub outcome: OutcomeSchema,
    /// `prepared` (waiting for the signature) or `signed`.
    pub status: String,
    /// Reasoning.
    pub reasoning: Option<String>,
    /// Hours a month granted (home help).
    #[schema(value_type = Option<String>)]
    pub hours_per_month: Option<Decimal>,
    /// The monthly fee: 0 for a free service; none when this service's fee
    /// is set at delivery.
    #[schema(value_type = Option<String>)]
    pub monthly_fee: Option<Decimal>,
    /// The fee calculation, line by line.
    pub fee_calculation: Option<FeeCalculationView>,
    /// The service starts on.
    pub service_from: Option<Date>,
    /// Who prepared it.
    pub prepared_by: StaffRef,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub prepared_at: OffsetDateTime,
    /// Who signed it.
    pub signed_by: Option<StaffRef>,
    /// The decision's date.
    pub decided_on: Option<Date>,
    /// When the person was told.
    pub notified_on: Option<Date>,
    /// How: `letter`, `email`, `in_person`, `eservices`, `phone`.
    pub notification_method: Option<String>,
    /// Send back with a step.
    pub version: i32,
}

/// The view of a decision.
pub async fn view<C: ConnectionTrait>(db: &C, d: decisions::Model) -> ApiResult<DecisionView> {
    let snapshot: Option<FeeSnapshot> = d
        .fee_calculation
        .clone()
        .map(serde_json::from_value)
        .transpose()
        .map_err(|e| ApiError::internal(format!("decision {} fee: {e}", d.id)))?;
    Ok(DecisionView {
        id: d.id,
        application_id: d.application_id,
        outcome: if d.outcome == "refused" {
            OutcomeSchema::Refused
        } else {
            OutcomeSchema::Granted
        },
        status: d.status.clone(),
        reasoning: d.reasoning.clone(),
        hours_per_month: d.hours_per_month.map(|h| h.normalize()),
        monthly_fee: d.monthly_fee.map(money),
        fee_calculation: snapshot.as_ref().map(FeeCalculationView::from),
        service_from: d.service_from,
        prepared_by: staff_ref(db, d.prepared_by).await?,
        prepared_at: d.prepared_at,
        signed_by: match d.signed_by {
            Some(id) => Some(staff_ref(db, id).await?),
            None => None,
        },
        decided_on: d.decided_on,
        notified_on: d.notified_on,
        notification_method: d.notification_method.clone(),
        version: d.version,
    })
}

/// The fee of a service for an application.
pub enum Fee {
    /// R-FEE-12: a free service.
    Free,
    /// R-FEE-1..3: home help and other social supervision.
    Calculated(Box<FeeSnapshot>),
    /// Set at delivery (transport, care, aids).
    AtDelivery,
}

/// R-FEE-1..3: the monthly fee for `hours` of the service, from the
/// person's (or family's) income over the 3 months before the application
/// and the rates in force on the application's date.
pub async fn fee_for<C: ConnectionTrait>(
    db: &C,
    application: &applications::Model,
    spec: &ServiceTypeSpec,
    hours: Decimal,
) -> ApiResult<Fee> {
    if spec.free {
        return Ok(Fee::Free);
    }
    if spec.fee_rule.as_deref() != Some("R-FEE-1") {
        return Ok(Fee::AtDelivery);
    }
    let on = application.received_on;
    let members: Vec<Uuid> = match application.family_id {
        Some(family) => family_members::Entity::find()
            .filter(family_members::Column::FamilyId.eq(family))
            .filter(family_members::Column::LeftOn.is_null())
            .all(db)
            .await?
            .into_iter()
            .map(|m| m.person_id)
            .collect(),
        None => vec![application.person_id],
    };
    let months = income_window(on);
    let records = income::records_of(db, &members).await?;
    let average = average_income_per_member(&members, &records, on)
        .map_err(|e| ApiError::invalid_field("family_id", "no_members", e.to_string()))?;
    let fee_base_income = if application.family_id.is_some() {
        average.monthly_total
    } else {
        average_income_per_member(&[application.person_id], &records, on)
            .map_err(ApiError::internal)?
            .monthly_total
    };
    let rate = |kind: &'static str| async move {
        rates::in_force(db, application.municipality_id, kind, on).await?.ok_or_else(|| {
            ApiError::new(
                actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
                crate::error::ErrorCode::RateMissing,
                format!("No `{kind}` rate is in force on {on}; an administrator adds it under rates."),
            )
        })
    };
    let input = HomeHelpFeeInput {
        income_per_member: average.per_member,
        members: average.members,
        fee_base_income,
        vrp: rate(rates::VRP).await?,
        hours,
        hourly_price: rate(rates::HOME_HELP_HOURLY_PRICE).await?,
        caps: HomeHelpCaps {
            from_2_to_3: rate(rates::HOME_HELP_CAP_2_3).await?,
            from_3_to_4: rate(rates::HOME_HELP_CAP_3_4).await?,
            from_4_to_5: rate(rates::HOME_HELP_CAP_4_5).await?,
            from_5: rate(rates::HOME_HELP_CAP_5).await?,
        },
    };
    Ok(Fee::Calculated(Box::new(FeeSnapshot {
        reference_date: on,
        months: months.to_vec(),
        calculation: home_help_fee(input),
    })))
}
