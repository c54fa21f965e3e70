//! `POST /api/v1/fee-quotes`: the fee of a service type on a date, for a
//! stored person (their recorded income and family, the read recorded) or
//! for a household given in the body, with the full breakdown; nothing is
//! stored.

use super::RateBook;
use super::views::{AidLine, CareLine, FeeBreakdown, IncomeBasis, aid_breakdown, care_breakdown};
use crate::actor::Actor;
use crate::app::decisions::fee::{fee_income_of, home_help_input};
use crate::app::read::audited;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::AuditAction;
use crate::store::catalogue;
use crate::store::persons;
use actix_web::http::StatusCode;
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::aids::{AidType, Newness, issue_fee, price_in_force, refund, refund_until};
use atvejis_domain::care_fees::{
    Absence, CareFeeInput, CareShares, care_fee, care_month, first_day, last_day,
};
use atvejis_domain::catalogue::{FeeRule, ServiceTypeSpec};
use atvejis_domain::fees::{
    FeeIncome, TransportPayer, TransportRates, Trip, fee_band, home_help_fee, transport_month,
};
use atvejis_domain::income::{YearMonth, income_window};
use atvejis_domain::rates::RateKind;
use rust_decimal::Decimal;
use serde::Deserialize;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate as _;

/// One member of a household given in a quote.
#[derive(Debug, Clone, serde::Serialize, Deserialize, ToSchema)]
pub struct HouseholdMember {
    /// Average monthly income (EUR, at least 0, at most two decimals).
    #[schema(value_type = String, example = "450.00")]
    pub monthly_income: Decimal,
}

/// A household given in a quote instead of a stored person: the first
/// member is the person the service is for.
#[derive(Debug, Clone, Deserialize, ToSchema, validator::Validate)]
pub struct Household {
    /// The members (1–50), the person first.
    #[validate(length(min = 1, max = 50))]
    pub members: Vec<HouseholdMember>,
    /// The service is for the family: a share applies to the family's
    /// total income (R-FEE-1).
    #[serde(default)]
    pub service_for_family: bool,
}

/// What to quote. The fields a service type needs: home help and respite
/// `hours` (a month); transport `km_one_way` (one trip), optionally
/// `destination_free` (R-FEE-6) or `full_price` (R-FEE-7, no income
/// needed); group living care (R-FEE-8/9) optionally `care_price` (else
/// the price in force), `target_compensation`, `assets_over_normative`,
/// `care_started_on`, `adult`, `days_absent`; technical aids (R-FEE-10/11)
/// `aid_type` and optionally `newness`. Every added field is optional, so
/// the earlier bodies still mean what they meant.
#[derive(Debug, Clone, Deserialize, ToSchema, validator::Validate)]
pub struct QuoteRequest {
    /// The service type's code (`home_help`, `transport`, …).
    #[validate(length(min = 1, max = 64))]
    pub service_type: String,
    /// The date whose rates apply (and whose 3 months before count the
    /// income of a stored person).
    pub on: Date,
    /// A stored person: their recorded income and family (the read is
    /// recorded; send `X-Purpose`). Either this or `household`.
    pub person_id: Option<Uuid>,
    /// A household given here. Either this or `person_id`.
    #[validate(nested)]
    pub household: Option<Household>,
    /// Home help, respite: hours a month (0–744, at most two decimals).
    #[schema(value_type = Option<String>, example = "20")]
    pub hours: Option<Decimal>,
    /// Transport: km from the centre to the drop-off point, one way
    /// (0–10,000, at most two decimals).
    #[schema(value_type = Option<String>, example = "25")]
    pub km_one_way: Option<Decimal>,
    /// Transport: a free destination (R-FEE-6).
    #[serde(default)]
    pub destination_free: bool,
    /// Transport: the person pays the full price without proving income
    /// (R-FEE-7).
    #[serde(default)]
    pub full_price: bool,
    /// Care: the price of care a month, EUR (default: the municipality's
    /// price in force on `on` for the service type).
    #[schema(value_type = Option<String>, example = "1100.00")]
    pub care_price: Option<Decimal>,
    /// Care: the target compensation for nursing or care, EUR a month
    /// (default 0; R-FEE-8: 100 % to the fee).
    #[schema(value_type = Option<String>, example = "246.75")]
    pub target_compensation: Option<Decimal>,
    /// Care: the value of assets over the normative, EUR (default 0).
    #[schema(value_type = Option<String>, example = "10000")]
    pub assets_over_normative: Option<Decimal>,
    /// Care: the day long-term care began (default `on`; the asset part
    /// applies after 2007-01-01).
    pub care_started_on: Option<Date>,
    /// Care: an adult (default true; the asset part applies to adults).
    pub adult: Option<bool>,
    /// Care: days away in the month of `on`, one absence from its first day
    /// (0–31, default 0; R-FEE-9).
    #[validate(range(max = 31))]
    pub days_absent: Option<u32>,
    /// Technical aids: the aid type.
    pub aid_type: Option<AidType>,
    /// Technical aids: a new or a re-issued item (default new).
    pub newness: Option<Newness>,
}

fn not_available(spec: &ServiceTypeSpec) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::QuoteNotAvailable,
        format!(
            "The fee of `{}` cannot be quoted yet: it is set from prices recorded with the service.",
            spec.code
        ),
    )
}

/// The quote; `purpose` is the request's `X-Purpose`, needed (and its
/// absence refused) only for a stored person.
pub async fn quote(
    state: &AppState,
    actor: &Actor,
    purpose: impl FnOnce() -> ApiResult<Purpose>,
    body: QuoteRequest,
) -> ApiResult<FeeBreakdown> {
    actor.require(Permission::QuoteFees)?;
    let spec = spec_of(state, actor, &body.service_type).await?;
    match body.person_id {
        Some(person_id) => {
            let purpose = purpose()?;
            audited(
                state,
                actor,
                purpose,
                AuditAction::FeeQuoteRead,
                "person",
                || async {
                    persons::find_scoped(&state.db, actor, person_id).await?;
                    let breakdown = compute(state, actor, &spec, &body).await?;
                    Ok((breakdown, person_id.to_string()))
                },
            )
            .await
        }
        None => compute(state, actor, &spec, &body).await,
    }
}

async fn spec_of(state: &AppState, actor: &Actor, code: &str) -> ApiResult<ServiceTypeSpec> {
    let row = catalogue::by_code(&state.db, actor.municipality_id, code)
        .await?
        .ok_or_else(|| {
            ApiError::invalid_field(
                "service_type",
                FieldCode::UnknownServiceType,
                "is not a service type of your municipality's catalogue",
            )
        })?;
    Ok(catalogue::spec_of(&row)?)
}

/// The fee by the service type's rule: one arm a rule.
async fn compute(
    state: &AppState,
    actor: &Actor,
    spec: &ServiceTypeSpec,
    body: &QuoteRequest,
) -> ApiResult<FeeBreakdown> {
    if spec.free {
        return Ok(FeeBreakdown::free(&spec.code, body.on));
    }
    let Some(rule) = spec.fee_rule else {
        return Err(not_available(spec));
    };
    let mut rates = RateBook::load(&state.db, actor.municipality_id, body.on).await?;
    match rule {
        FeeRule::Rfee1 => {
            let hours = match body.hours {
                Some(h) => crate::app::decisions::hours("hours", h)?.value(),
                None => return Err(required("hours", "give the hours a month")),
            };
            let (income, months) = income(state, body).await?;
            let input = home_help_input(&income, &mut rates, hours)?;
            let calc = home_help_fee(input);
            Ok(FeeBreakdown::home_help(
                &spec.code,
                body.on,
                &months,
                &calc,
                rates.used(),
            ))
        }
        FeeRule::Rfee5 => transport(state, spec, body, &mut rates).await,
        FeeRule::Rfee8 => care(state, spec, body, &mut rates).await,
        FeeRule::Rfee10 => aid(state, actor, spec, body).await,
    }
}

/// An amount of the body: 0 or more, below ten million, in cents.
fn amount_of(field: &'static str, value: Option<Decimal>) -> ApiResult<Option<Decimal>> {
    match value {
        Some(v)
            if v.is_sign_negative()
                || v.normalize().scale() > 2
                || v >= Decimal::from(10_000_000) =>
        {
            Err(ApiError::invalid_field(
                field,
                FieldCode::Range,
                "is an amount from 0 below ten million with at most two decimals",
            ))
        }
        other => Ok(other),
    }
}

/// R-FEE-8 / R-FEE-9: the care fee of the month of `on`: 80 % of the
/// person's own income (a stored person's 3 months before `on`, or the
/// household's first member as given), the target compensation in full,
/// 1 % of the assets over the normative for an adult who began long-term
/// care after 2007-01-01, never above the price of care (given, or the
/// price in force); then the month with `days_absent` (the first 3 in
/// full, from the 4th 30 %). The shares are the rates in force, the
/// seed's where the municipality set none (as the charge run reads them).
async fn care(
    state: &AppState,
    spec: &ServiceTypeSpec,
    body: &QuoteRequest,
    rates: &mut RateBook,
) -> ApiResult<FeeBreakdown> {
    let long_term = spec.code == "group_living_long_term";
    let given_price = amount_of("care_price", body.care_price)?;
    let compensation =
        amount_of("target_compensation", body.target_compensation)?.unwrap_or(Decimal::ZERO);
    let assets =
        amount_of("assets_over_normative", body.assets_over_normative)?.unwrap_or(Decimal::ZERO);
    let care_started_on = body.care_started_on.unwrap_or(body.on);
    if care_started_on > body.on {
        return Err(ApiError::invalid_field(
            "care_started_on",
            FieldCode::Range,
            "care began on or before the quote's date",
        ));
    }
    let month = YearMonth {
        year: body.on.year(),
        month: u8::from(body.on.month()),
    };
    let (Some(first), Some(last)) = (first_day(month), last_day(month)) else {
        return Err(ApiError::invalid_field("on", FieldCode::Invalid, "a date"));
    };
    let days_absent = body.days_absent.unwrap_or(0);
    if days_absent > u32::from(last.day()) {
        return Err(ApiError::invalid_field(
            "days_absent",
            FieldCode::Range,
            "R-FEE-9: at most the days of the month",
        ));
    }
    let (income, months) = income(state, body).await?;
    let own = match &body.household {
        Some(h) => h
            .members
            .first()
            .map(|m| m.monthly_income)
            .unwrap_or_default(),
        None => income.fee_base_income,
    };
    let defaults = CareShares::default();
    let mut share = |kind: RateKind, default: Decimal| rates.get(kind).unwrap_or(default);
    let shares = CareShares {
        income_share: share(RateKind::CareIncomeShare, defaults.income_share),
        absence_share: share(RateKind::CareAbsenceShare, defaults.absence_share),
        asset_share: share(RateKind::CareAssetShare, defaults.asset_share),
    };
    let price = match given_price {
        Some(p) => p,
        None => rates.get(if long_term {
            RateKind::GroupLivingLongTermMonthlyPrice
        } else {
            RateKind::GroupLivingShortTermMonthlyPrice
        })?,
    };
    let fee = care_fee(&CareFeeInput {
        income: own,
        target_compensation: compensation,
        assets_over_normative: assets,
        adult: body.adult.unwrap_or(true),
        long_term,
        care_started_on,
        price,
        shares,
    });
    let absences: Vec<Absence> = match days_absent.checked_sub(1) {
        Some(extra) => vec![Absence {
            from: first,
            to: first.saturating_add(time::Duration::days(i64::from(extra))),
        }],
        None => Vec::new(),
    };
    let cm = care_month(
        fee.monthly_fee_exact,
        month,
        first,
        None,
        &absences,
        shares.absence_share,
    )
    .ok_or_else(|| ApiError::invalid_field("on", FieldCode::Invalid, "a date"))?;
    let basis = IncomeBasis {
        months: months.iter().map(|m| m.code()).collect(),
        members: 1,
        income_per_member: crate::app::common::money(own),
        base_income: crate::app::common::money(own),
        vrp: crate::app::common::money(Decimal::ZERO),
        free_limit: crate::app::common::money(Decimal::ZERO),
    };
    Ok(care_breakdown(
        &spec.code,
        body.on,
        Some(basis),
        CareLine::new(
            &fee,
            &cm,
            shares.income_share,
            assets,
            given_price.is_some(),
        ),
        rates.used(),
    ))
}

/// R-FEE-10 / R-FEE-11: the one-time fee of an aid type, new or re-issued,
/// from the municipality's price table in force on `on`, with the refund
/// a bed earns when returned within 12 months. No income is needed.
async fn aid(
    state: &AppState,
    actor: &Actor,
    spec: &ServiceTypeSpec,
    body: &QuoteRequest,
) -> ApiResult<FeeBreakdown> {
    let aid_type = body
        .aid_type
        .ok_or_else(|| required("aid_type", "give the aid type"))?;
    let newness = body.newness.unwrap_or(Newness::New);
    let prices = crate::store::aids::prices(&state.db, actor).await?;
    let price = price_in_force(&prices, aid_type, body.on).ok_or_else(|| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::RateMissing,
            format!(
                "R-FEE-10: no price of `{}` is in force on {}.",
                aid_type.as_str(),
                body.on
            ),
        )
    })?;
    let fee = issue_fee(&price, newness);
    let until = refund_until(body.on);
    Ok(aid_breakdown(
        &spec.code,
        body.on,
        AidLine {
            aid_type,
            newness,
            price_valid_from: price.valid_from,
            fee: crate::app::common::money(fee),
            refund: crate::app::common::money(refund(&price, newness, fee, body.on, body.on)),
            refund_until: until,
        },
    ))
}

fn required(field: &'static str, message: &'static str) -> ApiError {
    ApiError::invalid_field(field, FieldCode::Required, message)
}

/// R-FEE-4 … R-FEE-7 for one trip, under R-FEE-2's floor for the month.
async fn transport(
    state: &AppState,
    spec: &ServiceTypeSpec,
    body: &QuoteRequest,
    rates: &mut RateBook,
) -> ApiResult<FeeBreakdown> {
    let km = body.km_one_way.ok_or_else(|| {
        required(
            "km_one_way",
            "give the km from the centre to the drop-off point",
        )
    })?;
    if km.is_sign_negative() {
        return Err(ApiError::invalid_field(
            "km_one_way",
            FieldCode::Negative,
            "R-FEE-4: the km from the centre to the drop-off point are at least 0",
        ));
    }
    if km > Decimal::from(10_000) || km.normalize().scale() > 2 {
        return Err(ApiError::invalid_field(
            "km_one_way",
            FieldCode::Range,
            "is 0–10,000 km with at most two decimals",
        ));
    }
    let km_price = rates.get(RateKind::TransportKmPrice)?;
    let trip = Trip {
        km_one_way: km,
        destination_free: body.destination_free,
    };
    let (payer, basis, tariffs) = if body.full_price {
        let tariffs = TransportRates {
            km_price,
            ..TransportRates::default()
        };
        (TransportPayer::FullPrice, None, tariffs)
    } else {
        let (income, months) = income(state, body).await?;
        let vrp = rates.get(RateKind::Vrp)?;
        // Only the tariff of the person's tier is read (and shown as used).
        let mut tariffs = TransportRates {
            km_price,
            ..TransportRates::default()
        };
        use atvejis_domain::fees::FeeBand as B;
        match fee_band(income.income_per_member, vrp) {
            B::UpTo2Free => {}
            B::Above2Below3 => tariffs.tariff_2_3 = rates.get(RateKind::TransportTariff2To3)?,
            B::From3To4 => tariffs.tariff_3_4 = rates.get(RateKind::TransportTariff3To4)?,
            B::From4To5 | B::From5 => tariffs.tariff_4 = rates.get(RateKind::TransportTariff4)?,
        }
        let basis = IncomeBasis {
            months: months.iter().map(|m| m.code()).collect(),
            members: income.members,
            income_per_member: crate::app::common::money(income.income_per_member),
            base_income: crate::app::common::money(income.fee_base_income),
            vrp: crate::app::common::money(vrp),
            free_limit: crate::app::common::money(vrp * Decimal::TWO),
        };
        (
            TransportPayer::ByIncome {
                income_per_member: income.income_per_member,
                members: income.members,
                vrp,
            },
            Some(basis),
            tariffs,
        )
    };
    let month = transport_month(&[trip], &payer, &tariffs);
    Ok(FeeBreakdown::transport(
        &spec.code,
        body.on,
        basis,
        &month,
        rates.used(),
    ))
}

/// The income of the quote: the stored person's as a decision reads it
/// (the 3 months before `on`), or the household's as given (no months).
async fn income(
    state: &AppState,
    body: &QuoteRequest,
) -> ApiResult<(FeeIncome, Vec<atvejis_domain::income::YearMonth>)> {
    match (&body.person_id, &body.household) {
        (Some(_), Some(_)) => Err(ApiError::invalid_field(
            "household",
            FieldCode::Invalid,
            "give either person_id or household, not both",
        )),
        (None, None) => Err(required(
            "person_id",
            "give person_id (a stored person) or household (members and incomes)",
        )),
        (Some(person_id), None) => {
            let income = fee_income_of(&state.db, *person_id, None, false, body.on).await?;
            Ok((income, income_window(body.on).to_vec()))
        }
        (None, Some(household)) => {
            let mut total = Decimal::ZERO;
            for (i, m) in household.members.iter().enumerate() {
                let amount = m.monthly_income;
                if amount.is_sign_negative()
                    || amount.normalize().scale() > 2
                    || amount >= Decimal::from(10_000_000)
                {
                    return Err(ApiError::invalid_field(
                        format!("household.members[{i}].monthly_income"),
                        FieldCode::Range,
                        "is an amount from 0 below ten million with at most two decimals",
                    ));
                }
                total += amount;
            }
            let members = u32::try_from(household.members.len()).unwrap_or(1).max(1);
            let own = household
                .members
                .first()
                .map(|m| m.monthly_income)
                .unwrap_or_default();
            Ok((
                FeeIncome {
                    income_per_member: total / Decimal::from(members),
                    members,
                    fee_base_income: if household.service_for_family {
                        total
                    } else {
                        own
                    },
                },
                Vec::new(),
            ))
        }
    }
}
