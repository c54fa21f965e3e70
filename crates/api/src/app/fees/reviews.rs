//! The monthly review of fees: a fee is for a month, and follows the VRP and
//! prices in force that month and the person's income as last assessed.
//! When a rate or a recorded income changes, the decisions whose monthly fee
//! would change are listed for the division to confirm (a new fee record;
//! the history stays); nothing changes silently.
//!
//! "As last assessed": the income window of the assessment the decision's
//! fee was calculated from (the 3 months before the application); a
//! correction of income recorded in that window is picked up.

use super::RateBook;
use super::records::{FeeRecordView, record_view, rule_name, snapshot_breakdown};
use super::views::FeeBreakdown;
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::decisions::fee::{fee_income_of, home_help_input};
use crate::app::decisions::views::FeeSnapshot;
use crate::app::lifecycle::check_version;
use crate::app::read::audited;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{applications, decisions, fee_records};
use crate::store::fees as repo;
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::catalogue::FeeRule;
use atvejis_domain::fees::home_help_fee;
use atvejis_domain::income::YearMonth;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;

/// `YYYY-MM` as a month; 422 on `field` otherwise.
pub fn parse_month(field: &'static str, code: &str) -> ApiResult<YearMonth> {
    let bad = || ApiError::invalid_field(field, FieldCode::Invalid, "is a month written YYYY-MM");
    let (y, m) = code.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    let month = YearMonth {
        year: y.parse().map_err(|_| bad())?,
        month: m.parse().map_err(|_| bad())?,
    };
    if !month.is_valid() || repo::first_day(month).is_none() {
        return Err(bad());
    }
    Ok(month)
}

/// A decision whose fee would change in the month.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FeeReviewItem {
    /// The decision.
    pub decision_id: Uuid,
    /// Its person.
    pub person_id: Uuid,
    /// The service type's code.
    pub service_type: String,
    /// The version of the fee record in force (0: none yet, the fee kept
    /// with the decision): send it back to confirm.
    pub record_version: i32,
    /// The fee in force that month.
    pub old: FeeBreakdown,
    /// The fee under the rates in force that month.
    pub new: FeeBreakdown,
}

/// A decision whose new fee cannot be calculated (a rate or an income is
/// missing): it stays as it is until that is fixed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeeReviewProblem {
    /// The decision.
    pub decision_id: Uuid,
    /// The problem's code (`rate_missing`, `income_incomplete`).
    pub code: ErrorCode,
    /// What is wrong.
    pub detail: String,
}

/// The fees to review for a month.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeeReviewPage {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The decisions whose fee would change, oldest decision first.
    pub items: Vec<FeeReviewItem>,
    /// All of them.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
    /// Decisions whose new fee cannot be calculated.
    pub problems: Vec<FeeReviewProblem>,
}

/// What the month's fee of a decision is and would be.
struct Review {
    record_version: i32,
    old: FeeBreakdown,
    new: FeeBreakdown,
}

/// The fee of `decision` in `month`: the record in force (or the fee kept
/// with the decision) and the fee under the month's rates.
async fn review<C: sea_orm::ConnectionTrait>(
    db: &C,
    decision: &decisions::Model,
    application: &applications::Model,
    records: &[fee_records::Model],
    month_start: Date,
    rates: &RateBook,
) -> ApiResult<Option<Review>> {
    let in_force = records
        .iter()
        .filter(|r| r.effective_from <= month_start)
        .max_by_key(|r| (r.effective_from, r.version));
    let old = match in_force {
        Some(r) => serde_json::from_value(r.calculation.clone()).map_err(ApiError::internal)?,
        None => match snapshot_breakdown(db, decision, application).await? {
            Some(b) => b,
            None => return Ok(None),
        },
    };
    let Some(json) = &decision.fee_calculation else {
        return Ok(None);
    };
    let snapshot: FeeSnapshot = serde_json::from_value(json.clone()).map_err(ApiError::internal)?;
    let income = fee_income_of(
        db,
        application.person_id,
        application.family_id,
        application.family_id.is_some(),
        snapshot.reference_date,
    )
    .await?;
    let mut rates = rates.clone();
    let input = home_help_input(&income, &mut rates, snapshot.calculation.input.hours)?;
    let new = FeeBreakdown::home_help(
        &application.service_code,
        month_start,
        &snapshot.months,
        &home_help_fee(input),
        rates.used(),
    );
    Ok(Some(Review {
        record_version: records.iter().map(|r| r.version).max().unwrap_or(0),
        old,
        new,
    }))
}

/// The decisions in force in `month` whose monthly fee would change (page
/// `page` of `per_page`); the read shows income and is recorded.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    month: YearMonth,
    page: u64,
    per_page: u64,
) -> ApiResult<FeeReviewPage> {
    actor.require(Permission::RunCharges)?;
    let (Some(start), Some(end)) = (repo::first_day(month), repo::last_day(month)) else {
        return Err(ApiError::invalid_field(
            "month",
            FieldCode::Invalid,
            "no such month",
        ));
    };
    audited(
        state,
        actor,
        purpose,
        AuditAction::FeeReviewRead,
        "fee_review",
        || async {
            let db = &state.db;
            let decisions = repo::decisions_with_fee(db, actor, end).await?;
            let ids: Vec<Uuid> = decisions.iter().map(|(d, _)| d.id).collect();
            let records = repo::records_of(db, &ids).await?;
            let rates = RateBook::load(db, actor.municipality_id, start).await?;
            let mut items = Vec::new();
            let mut problems = Vec::new();
            for (decision, application) in &decisions {
                let of = records.get(&decision.id).map(Vec::as_slice).unwrap_or(&[]);
                match review(db, decision, application, of, start, &rates).await {
                    Ok(Some(r)) if r.new.fee != r.old.fee => items.push(FeeReviewItem {
                        decision_id: decision.id,
                        person_id: application.person_id,
                        service_type: application.service_code.clone(),
                        record_version: r.record_version,
                        old: r.old,
                        new: r.new,
                    }),
                    Ok(_) => {}
                    Err(e)
                        if matches!(
                            e.code(),
                            ErrorCode::RateMissing
                                | ErrorCode::IncomeIncomplete
                                | ErrorCode::ValidationFailed
                        ) =>
                    {
                        problems.push(FeeReviewProblem {
                            decision_id: decision.id,
                            code: e.code(),
                            detail: e.problem(None).detail,
                        });
                    }
                    Err(e) => return Err(e),
                }
            }
            let (items, total) = crate::app::common::page_of(items, page, per_page);
            Ok((
                FeeReviewPage {
                    month: month.code(),
                    items,
                    total,
                    page,
                    per_page,
                    problems,
                },
                month.code(),
            ))
        },
    )
    .await
}

/// A changed fee to confirm.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct ConfirmRequest {
    /// The month it applies from, `YYYY-MM`.
    #[validate(length(min = 7, max = 7))]
    pub month: String,
    /// The `record_version` of the review you read (0: no record yet).
    #[validate(range(min = 0))]
    pub version: i32,
}

/// A decision's fee records, oldest first.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FeeRecords {
    /// The decision.
    pub decision_id: Uuid,
    /// Every record: the history stays.
    pub records: Vec<FeeRecordView>,
}

/// Confirms the changed fee of decision `id` from a month: a new fee record
/// (the earlier ones stay), audited. 409 `version_conflict` when another
/// record was stored since the review was read, 409 `fee_unchanged` when
/// the fee that month is the one in force.
pub async fn confirm(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: ConfirmRequest,
) -> ApiResult<FeeRecords> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RunCharges).await?;
    let month = parse_month("month", &body.month)?;
    let (Some(start), Some(end)) = (repo::first_day(month), repo::last_day(month)) else {
        return Err(ApiError::invalid_field(
            "month",
            FieldCode::Invalid,
            "no such month",
        ));
    };
    let (decision, application) = repo::decision_with_fee(uow.db(), actor, id)
        .await?
        .ok_or(crate::store::StoreError::NotFound("decision"))?;
    let records = repo::records_of(uow.db(), &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    let latest = records.last();
    check_version(latest.map(|r| r.version).unwrap_or(0), body.version)?;
    let in_force_from = decision.service_from.or(decision.decided_on);
    if in_force_from.is_some_and(|from| from > end) {
        return Err(ApiError::invalid_field(
            "month",
            FieldCode::Range,
            "is before the service starts",
        ));
    }
    if let Some(latest) = latest
        && latest.effective_from >= start
    {
        return Err(ApiError::invalid_field(
            "month",
            FieldCode::Range,
            format!(
                "must be after {}, the month of the fee record in force",
                YearMonth::of(latest.effective_from).code()
            ),
        ));
    }
    let rates = RateBook::load(uow.db(), actor.municipality_id, start).await?;
    let Some(r) = review(uow.db(), &decision, &application, &records, start, &rates).await? else {
        return Err(ApiError::internal(
            "a decision with a fee has no calculation",
        ));
    };
    if r.new.fee == r.old.fee {
        return Err(ApiError::conflict(
            ErrorCode::FeeUnchanged,
            format!(
                "The fee for {} is {} EUR, the one in force; nothing to confirm.",
                month.code(),
                r.new.fee
            ),
        ));
    }
    let version = r.record_version + 1;
    let record = repo::insert(
        uow.db(),
        repo::NewFeeRecord {
            municipality_id: decision.municipality_id,
            decision_id: decision.id,
            person_id: application.person_id,
            service_code: application.service_code.clone(),
            fee_rule: rule_name(FeeRule::Rfee1),
            version,
            effective_from: start,
            monthly_fee: r.new.fee,
            calculation: serde_json::to_value(&r.new).map_err(ApiError::internal)?,
            confirmed_by: actor.user_id(),
        },
        uow.now(),
    )
    .await
    .map_err(|e| {
        if e.is_unique_violation() {
            ApiError::stale_version()
        } else {
            e.into()
        }
    })?;
    uow.audit(
        AuditEvent::new(AuditAction::FeeReviewConfirm, "fee_record", record.id).summary(json!({
            "decision_id": decision.id,
            "month": month.code(),
            "version": version,
            "old_fee": r.old.fee,
            "new_fee": r.new.fee,
        })),
    )
    .await?;
    let all = repo::records_of(uow.db(), &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    uow.commit().await?;
    Ok(FeeRecords {
        decision_id: id,
        records: all
            .into_iter()
            .map(record_view)
            .collect::<ApiResult<Vec<_>>>()?,
    })
}
