//! What the API answers about decisions and fees.

use crate::app::applications::views::{StaffRef, staff_ref};
use crate::error::{ApiError, ApiResult};
use crate::store::entities::decisions;
use atvejis_domain::application::Outcome;
use atvejis_domain::fees::{FeeBand, FeeCalculation, FeeLimit, fee_band, round_money};
use atvejis_domain::income::YearMonth;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// An amount of money with two decimals.
pub fn money(amount: Decimal) -> Decimal {
    let mut m = round_money(amount);
    m.rescale(2);
    m
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
    /// The band of income per member against the VRP: up to and including
    /// 2 VRP is the free band (R-FEE-0, R-FEE-1).
    pub band: FeeBand,
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
    /// What decided the fee.
    pub limited_by: FeeLimit,
}

/// What is stored with a decision.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FeeSnapshot {
    /// The income window's reference date.
    pub reference_date: Date,
    /// The months counted.
    pub months: Vec<YearMonth>,
    /// The calculation.
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
            band: fee_band(c.input.income_per_member, c.input.vrp),
            cap_rate: c.cap_rate.normalize(),
            cap_amount: money(c.cap_amount),
            hours: c.input.hours.normalize(),
            hourly_price: money(c.input.hourly_price),
            cost: money(c.cost),
            floor_room: money(c.floor_room),
            fee: money(c.fee),
            limited_by: c.limited_by,
        }
    }
}

/// Where a decision stands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DecisionStatus {
    /// Waiting for the signature.
    Prepared,
    /// Signed.
    Signed,
}

impl DecisionStatus {
    /// Stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionStatus::Prepared => "prepared",
            DecisionStatus::Signed => "signed",
        }
    }
}

/// How the person was told.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum NotificationMethod {
    /// A letter.
    Letter,
    /// E-mail.
    Email,
    /// In person.
    InPerson,
    /// Through the e-services.
    Eservices,
    /// By phone.
    Phone,
}

impl NotificationMethod {
    /// Stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationMethod::Letter => "letter",
            NotificationMethod::Email => "email",
            NotificationMethod::InPerson => "in_person",
            NotificationMethod::Eservices => "eservices",
            NotificationMethod::Phone => "phone",
        }
    }
}

/// The signing delegation a decision was signed under (R-ROLE-2).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SignedUnder {
    /// The delegation.
    pub delegation_id: Uuid,
    /// Its authority as it stood at the signature, e.g. the director's order.
    pub reference: String,
}

/// A decision.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DecisionView {
    /// Id.
    pub id: Uuid,
    /// The application.
    pub application_id: Uuid,
    /// Granted or refused.
    pub outcome: Outcome,
    /// Prepared (waiting for the signature) or signed.
    pub status: DecisionStatus,
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
    /// The signing delegation it was signed under (R-ROLE-2).
    pub signed_under: Option<SignedUnder>,
    /// The decision's date.
    pub decided_on: Option<Date>,
    /// When the person was told.
    pub notified_on: Option<Date>,
    /// How.
    pub notification_method: Option<NotificationMethod>,
    /// R-DL-2: when the signed decision and the file reached the provider.
    pub handed_over_on: Option<Date>,
    /// R-DL-2: the provider they were handed to.
    pub handed_over_to: Option<String>,
    /// R-Q-1, R-Q-5: the facility whose place it grants.
    pub facility_id: Option<Uuid>,
    /// Send back with a step.
    pub version: i32,
}

/// The stored outcome.
pub fn outcome_of(d: &decisions::Model) -> Outcome {
    if d.outcome == "refused" {
        Outcome::Refused
    } else {
        Outcome::Granted
    }
}

/// The stored outcome's code.
pub fn outcome_code(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Granted => "granted",
        Outcome::Refused => "refused",
    }
}

/// The view of a decision, its staff named from `staff`.
pub fn decision_view(
    d: decisions::Model,
    staff: &HashMap<Uuid, String>,
) -> ApiResult<DecisionView> {
    let snapshot: Option<FeeSnapshot> = d
        .fee_calculation
        .clone()
        .map(serde_json::from_value)
        .transpose()
        .map_err(|e| ApiError::internal(format!("decision {} fee: {e}", d.id)))?;
    let status = match d.status.as_str() {
        "signed" => DecisionStatus::Signed,
        _ => DecisionStatus::Prepared,
    };
    let method = d
        .notification_method
        .as_deref()
        .map(|m| serde_json::from_value(serde_json::Value::String(m.to_owned())))
        .transpose()
        .map_err(|e| ApiError::internal(format!("decision {} notification: {e}", d.id)))?;
    Ok(DecisionView {
        id: d.id,
        application_id: d.application_id,
        outcome: outcome_of(&d),
        status,
        reasoning: d.reasoning.clone(),
        hours_per_month: d.hours_per_month.map(|h| h.normalize()),
        monthly_fee: d.monthly_fee.map(money),
        fee_calculation: snapshot.as_ref().map(FeeCalculationView::from),
        service_from: d.service_from,
        prepared_by: staff_ref(staff, d.prepared_by),
        prepared_at: d.prepared_at,
        signed_by: d.signed_by.map(|id| staff_ref(staff, id)),
        signed_under: d
            .signing_delegation_id
            .zip(d.signing_reference.clone())
            .map(|(delegation_id, reference)| SignedUnder {
                delegation_id,
                reference,
            }),
        decided_on: d.decided_on,
        notified_on: d.notified_on,
        notification_method: method,
        handed_over_on: d.handed_over_on,
        handed_over_to: d.handed_over_to.clone(),
        facility_id: d.facility_id,
        version: d.version,
    })
}
