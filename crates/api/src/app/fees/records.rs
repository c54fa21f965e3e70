//! Fee records: a decision's fee from a month on. The first is stored when
//! the decision is signed, in the signing's transaction; later ones when the
//! division confirms a changed fee ([`super::reviews`]).

use super::RateBook;
use super::views::FeeBreakdown;
use crate::app::UnitOfWork;
use crate::app::decisions::views::FeeSnapshot;
use crate::error::{ApiError, ApiResult};
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{applications, decisions, fee_records};
use crate::store::fees as repo;
use atvejis_domain::catalogue::FeeRule;
use atvejis_domain::income::YearMonth;
use atvejis_domain::rates::RateKind;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// The rates a home-help fee reads (R-FEE-1..3).
pub const HOME_HELP_RATES: [RateKind; 6] = [
    RateKind::Vrp,
    RateKind::HomeHelpHourlyPrice,
    RateKind::HomeHelpCap2To3,
    RateKind::HomeHelpCap3To4,
    RateKind::HomeHelpCap4To5,
    RateKind::HomeHelpCap5,
];

/// The name of a fee rule as stored (`R-FEE-1`).
pub fn rule_name(rule: FeeRule) -> String {
    serde_json::to_value(rule)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A fee record.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FeeRecordView {
    /// Id.
    pub id: Uuid,
    /// 1 for the first, then one more for each confirmed change.
    pub version: i32,
    /// The first day of the month it applies from.
    pub effective_from: Date,
    /// The monthly fee.
    #[schema(value_type = String)]
    pub monthly_fee: Decimal,
    /// The calculation.
    pub calculation: FeeBreakdown,
    /// Who confirmed it (the signer of the decision for the first).
    pub confirmed_by: Option<Uuid>,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub confirmed_at: OffsetDateTime,
}

/// A record as answered.
pub fn record_view(row: fee_records::Model) -> ApiResult<FeeRecordView> {
    let calculation = serde_json::from_value(row.calculation).map_err(ApiError::internal)?;
    Ok(FeeRecordView {
        id: row.id,
        version: row.version,
        effective_from: row.effective_from,
        monthly_fee: crate::app::common::money(row.monthly_fee),
        calculation,
        confirmed_by: row.confirmed_by,
        confirmed_at: row.confirmed_at,
    })
}

/// The decision's fee as it was calculated when prepared, as a breakdown
/// (`rates` are the values in force on its reference date).
pub async fn snapshot_breakdown<C: sea_orm::ConnectionTrait>(
    db: &C,
    decision: &decisions::Model,
    application: &applications::Model,
) -> ApiResult<Option<FeeBreakdown>> {
    let Some(json) = &decision.fee_calculation else {
        return Ok(None);
    };
    let snapshot: FeeSnapshot = serde_json::from_value(json.clone()).map_err(ApiError::internal)?;
    let mut rates = RateBook::load(db, decision.municipality_id, snapshot.reference_date).await?;
    for kind in HOME_HELP_RATES {
        // A value since withdrawn is simply not listed.
        let _ = rates.get(kind);
    }
    Ok(Some(FeeBreakdown::home_help(
        &application.service_code,
        snapshot.reference_date,
        &snapshot.months,
        &snapshot.calculation,
        rates.used(),
    )))
}

/// Stores the first fee record of a decision being signed on `today`, from
/// the month its service starts (the decision's month when no start is
/// set), with the fee calculated when it was prepared. Nothing for a
/// decision without a calculated fee.
pub async fn record_signed(
    uow: &mut UnitOfWork,
    application: &applications::Model,
    decision: &decisions::Model,
    signer: Uuid,
    today: Date,
) -> ApiResult<()> {
    let Some(breakdown) = snapshot_breakdown(uow.db(), decision, application).await? else {
        return Ok(());
    };
    let start = YearMonth::of(decision.service_from.unwrap_or(today));
    let effective_from = repo::first_day(start).ok_or_else(|| ApiError::internal("bad month"))?;
    let record = repo::insert(
        uow.db(),
        repo::NewFeeRecord {
            municipality_id: decision.municipality_id,
            decision_id: decision.id,
            person_id: application.person_id,
            service_code: application.service_code.clone(),
            fee_rule: rule_name(FeeRule::Rfee1),
            version: 1,
            effective_from,
            monthly_fee: breakdown.fee,
            calculation: serde_json::to_value(&breakdown).map_err(ApiError::internal)?,
            confirmed_by: Some(signer),
        },
        uow.now(),
    )
    .await?;
    uow.audit(
        AuditEvent::new(AuditAction::FeeRecordCreate, "fee_record", record.id).summary(json!({
            "decision_id": decision.id,
            "version": 1,
            "effective_from": effective_from,
            "monthly_fee": crate::app::common::money(breakdown.fee),
        })),
    )
    .await?;
    Ok(())
}
