//! Recording the service (issue 11, part B): schedules of home help and
//! respite and their visits (R-LIM-1..3), transport trips (R-DL-4, the
//! facts of R-FEE-4..7), meal lists (R-LIM-4) and meal coupons (R-LIM-5).
//! Meals and coupons are free (R-FEE-12): nothing here charges; the
//! monthly charges read these records.
//!
//! Social workers and the division record (`RecordDeliveries`), and read
//! with the division head (`ReadDeliveries`); the division head, as the
//! Centre's director, approves schedules (`ApproveSchedules`). Every record
//! checked against a limit first locks its person
//! ([`crate::store::deliveries::lock_person`]), so the limits hold whatever
//! the order of concurrent requests.

pub mod coupons;
pub mod meals;
pub mod schedules;
pub mod trips;
pub mod visits;

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::store::deliveries as repo;
use crate::store::entities::{applications, decisions};
use atvejis_domain::delivery::DeliveryRuleError;
use rust_decimal::Decimal;
use sea_orm::ConnectionTrait;
use time::{Date, Month};
use uuid::Uuid;

/// The API's answer to a broken limit: 422 with the rule's code and its
/// ID in the detail.
pub fn rule_error(e: DeliveryRuleError) -> ApiError {
    let code = match e {
        DeliveryRuleError::RespiteScheduleOutOfLimits => ErrorCode::RespiteScheduleOutOfLimits,
        DeliveryRuleError::RespiteWeeklyHours(_) => ErrorCode::RespiteWeeklyHoursExceeded,
        DeliveryRuleError::RespiteWeeklyVisits(_) => ErrorCode::RespiteWeeklyVisitsExceeded,
        DeliveryRuleError::RespiteYearlyHours(_) => ErrorCode::RespiteYearlyHoursExceeded,
        DeliveryRuleError::RespiteBreak(_) => ErrorCode::RespiteBreakTooShort,
        DeliveryRuleError::OtherCareAboveHours => {
            return ApiError::invalid_field(
                "other_paid_care_hours",
                FieldCode::Range,
                e.to_string(),
            );
        }
        DeliveryRuleError::MealNotWorkingDay(_) => ErrorCode::MealNotWorkingDay,
        DeliveryRuleError::MealOnceADay(_) => ErrorCode::MealOnceADay,
        DeliveryRuleError::MealWeekly => ErrorCode::MealWeeklyLimitExceeded,
        DeliveryRuleError::MealMonths => ErrorCode::MealMonthsExceeded,
        DeliveryRuleError::CouponsExceedGrant { .. } => ErrorCode::CouponsExceedGrant,
    };
    ApiError::new(code.status(), code, e.to_string())
}

/// A `YYYY-MM` month of a list filter: its first and last day.
pub fn month_range(month: &str) -> ApiResult<(Date, Date)> {
    let bad = || ApiError::invalid_field("month", FieldCode::Invalid, "give the month as YYYY-MM");
    let (y, m) = month.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    let year: i32 = y.parse().map_err(|_| bad())?;
    let month: u8 = m.parse().map_err(|_| bad())?;
    let month = Month::try_from(month).map_err(|_| bad())?;
    let first = Date::from_calendar_date(year, month, 1).map_err(|_| bad())?;
    let last = Date::from_calendar_date(year, month, month.length(year)).map_err(|_| bad())?;
    Ok((first, last))
}

/// Checks an amount of hours or km on `field`: above 0 (or 0 when
/// `zero_ok`), at most `max`, at most `scale` decimals.
pub fn positive_amount(
    field: &'static str,
    value: Decimal,
    max: Decimal,
    scale: u32,
    zero_ok: bool,
) -> ApiResult<Decimal> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(ApiError::invalid_field(
            field,
            FieldCode::Negative,
            "cannot be negative",
        ));
    }
    if value.is_zero() && !zero_ok {
        return Err(ApiError::invalid_field(
            field,
            FieldCode::Range,
            "must be more than 0",
        ));
    }
    if value > max {
        return Err(ApiError::invalid_field(
            field,
            FieldCode::Range,
            format!("must be at most {max}"),
        ));
    }
    if value.normalize().scale() > scale {
        return Err(ApiError::invalid_field(
            field,
            FieldCode::Precision,
            format!("at most {scale} decimals"),
        ));
    }
    Ok(value.normalize())
}

/// The signed granting decision `id` of the actor's municipality on one of
/// `services` (named on `field`): 404 when not in scope, 422 when not
/// signed, refused, or on another service.
pub async fn granted_decision<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    services: &[&str],
    field: &'static str,
) -> ApiResult<(decisions::Model, applications::Model)> {
    let (decision, application) = repo::decision_with_application(db, actor, id).await?;
    if decision.status != "signed" || decision.outcome != "granted" {
        return Err(ApiError::invalid_field(
            field,
            FieldCode::Invalid,
            "must be a signed decision granting the service",
        ));
    }
    if !services.contains(&application.service_code.as_str()) {
        return Err(ApiError::invalid_field(
            field,
            FieldCode::Invalid,
            format!("must be a decision on {}", services.join(" or ")),
        ));
    }
    Ok((decision, application))
}

/// Trims a free text; empty is none.
pub fn trimmed(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}
