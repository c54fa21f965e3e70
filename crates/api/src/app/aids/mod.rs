//! Technical aids (R-FEE-10, R-FEE-11, R-LIM-6): the inventory with its stock
//! per type, loans with the fee at issue and the refund at return, the
//! return due after the user's death, and the waiting list of a type out of
//! stock (first come, first served; the first waiting is shown as next when
//! an item of the type becomes available — nothing is issued automatically).
//!
//! Staff who record deliveries (`RecordDeliveries`) write; those who read
//! them (`ReadDeliveries`) read. Every write is one [`crate::app::UnitOfWork`]
//! with its audit event; rows change only at the version the client read.

pub mod items;
pub mod loans;
pub mod waiting;

use crate::app::places::views::person_names;
use crate::error::{ApiError, ApiResult};
use crate::store::StoreError;
use crate::store::entities::{aid_items, aid_loans, aid_waiting};
use atvejis_domain::aids::{AidCondition, AidStatus, AidType, Newness, return_overdue};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::str::FromStr;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// An item of the inventory.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AidItemView {
    /// Id.
    pub id: Uuid,
    /// Type.
    pub aid_type: AidType,
    /// Serial number (unique in the municipality).
    pub serial: String,
    /// Whether its next issue is a first one (`new`) or a re-issue (`used`):
    /// the fee's column (R-FEE-10).
    pub newness: Newness,
    /// Physical condition.
    pub condition: AidCondition,
    /// A note on the condition.
    pub condition_note: Option<String>,
    /// Where it is kept.
    pub location: Option<String>,
    /// Status.
    pub status: AidStatus,
    /// The open loan, when on loan.
    pub current_loan_id: Option<Uuid>,
    /// Version, for changes.
    pub version: i32,
    /// Added.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// Whether a waiting entry waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WaitingStatus {
    /// Waiting.
    Waiting,
    /// An item was issued to them.
    Served,
    /// They left the list.
    Left,
}

/// A person on the waiting list of an aid type.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WaitingView {
    /// Id.
    pub id: Uuid,
    /// The type waited for.
    pub aid_type: AidType,
    /// The person.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// The decision granting the aid, if recorded.
    pub decision_id: Option<Uuid>,
    /// 1 = next; `None` once no longer waiting.
    pub position: Option<u32>,
    /// Status.
    pub status: WaitingStatus,
    /// When they joined (the order: first come, first served).
    #[serde(with = "time::serde::rfc3339")]
    pub joined_at: OffsetDateTime,
    /// When they stopped waiting.
    #[serde(with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
    /// The loan that served them.
    pub loan_id: Option<Uuid>,
    /// Note.
    pub note: Option<String>,
    /// Version, for changes.
    pub version: i32,
}

/// A loan of an aid.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AidLoanView {
    /// Id.
    pub id: Uuid,
    /// The item lent.
    pub item_id: Uuid,
    /// Its serial number.
    pub serial: String,
    /// Its type.
    pub aid_type: AidType,
    /// The person.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// The decision granting it, if recorded.
    pub decision_id: Option<Uuid>,
    /// Issued on (the fee is charged in this month).
    pub issued_on: Date,
    /// New or re-issued at issue.
    pub newness: Newness,
    /// R-FEE-10: the one-time fee, EUR.
    #[schema(value_type = String, example = "72.00")]
    pub fee: Decimal,
    /// The price row the fee came from (in force on the day of issue).
    pub price_valid_from: Date,
    /// R-LIM-6: the F027/a extract's date (valid 12 months).
    pub extract_027a_issued_on: Date,
    /// R-FEE-11: a bed returned on or before this day earns the refund.
    pub refund_until: Date,
    /// R-LIM-6: the user died on.
    pub died_on: Option<Date>,
    /// R-LIM-6: to be returned by (30 days after the death).
    pub return_due_on: Option<Date>,
    /// R-LIM-6: due back and not returned.
    pub overdue: bool,
    /// Returned on (the refund is paid in this month).
    pub returned_on: Option<Date>,
    /// R-FEE-11: the refund, EUR (set at return; 0 when none).
    #[schema(value_type = Option<String>, example = "29.00")]
    pub refund: Option<Decimal>,
    /// The item's condition at return.
    pub return_condition: Option<AidCondition>,
    /// Note.
    pub note: Option<String>,
    /// Who issued it.
    pub issued_by: Option<Uuid>,
    /// Who took it back.
    pub returned_by: Option<Uuid>,
    /// Version, for changes.
    pub version: i32,
}

fn corrupt(entity: &'static str, detail: impl std::fmt::Display) -> ApiError {
    ApiError::from(StoreError::corrupt(entity, detail))
}

fn aid_type(code: &str) -> ApiResult<AidType> {
    AidType::from_str(code).map_err(|e| corrupt("aid", e))
}

fn newness(code: &str) -> ApiResult<Newness> {
    Newness::parse(code).ok_or_else(|| corrupt("aid", format!("newness `{code}`")))
}

fn condition(code: &str) -> ApiResult<AidCondition> {
    AidCondition::parse(code).ok_or_else(|| corrupt("aid", format!("condition `{code}`")))
}

/// The view of `item`, with its open loan.
pub fn item_view(item: aid_items::Model, current_loan_id: Option<Uuid>) -> ApiResult<AidItemView> {
    Ok(AidItemView {
        id: item.id,
        aid_type: aid_type(&item.aid_type)?,
        newness: newness(&item.newness)?,
        condition: condition(&item.condition)?,
        status: AidStatus::parse(&item.status)
            .ok_or_else(|| corrupt("aid", format!("status `{}`", item.status)))?,
        serial: item.serial,
        condition_note: item.condition_note,
        location: item.location,
        current_loan_id,
        version: item.version,
        created_at: item.created_at,
        updated_at: item.updated_at,
    })
}

/// The view of `loan` on `today`.
pub fn loan_view(
    loan: aid_loans::Model,
    serial: String,
    names: &HashMap<Uuid, String>,
    today: Date,
) -> ApiResult<AidLoanView> {
    Ok(AidLoanView {
        id: loan.id,
        item_id: loan.item_id,
        serial,
        aid_type: aid_type(&loan.aid_type)?,
        person_id: loan.person_id,
        person_name: names.get(&loan.person_id).cloned().unwrap_or_default(),
        decision_id: loan.decision_id,
        issued_on: loan.issued_on,
        newness: newness(&loan.newness)?,
        fee: crate::app::common::money(loan.fee),
        price_valid_from: loan.price_valid_from,
        extract_027a_issued_on: loan.extract_027a_issued_on,
        refund_until: loan.refund_until,
        died_on: loan.died_on,
        return_due_on: loan.return_due_on,
        overdue: return_overdue(loan.return_due_on, loan.returned_on, today),
        returned_on: loan.returned_on,
        refund: loan.refund.map(crate::app::common::money),
        return_condition: loan
            .return_condition
            .as_deref()
            .map(condition)
            .transpose()?,
        note: loan.note,
        issued_by: loan.issued_by,
        returned_by: loan.returned_by,
        version: loan.version,
    })
}

/// The view of `entry` at `position` (when waiting).
pub fn waiting_view(
    entry: aid_waiting::Model,
    position: Option<u32>,
    names: &HashMap<Uuid, String>,
) -> ApiResult<WaitingView> {
    let status = match entry.status.as_str() {
        crate::store::aids::WAITING => WaitingStatus::Waiting,
        crate::store::aids::SERVED => WaitingStatus::Served,
        crate::store::aids::LEFT => WaitingStatus::Left,
        other => return Err(corrupt("aid_waiting", format!("status `{other}`"))),
    };
    Ok(WaitingView {
        id: entry.id,
        aid_type: aid_type(&entry.aid_type)?,
        person_name: names.get(&entry.person_id).cloned().unwrap_or_default(),
        person_id: entry.person_id,
        decision_id: entry.decision_id,
        position: if status == WaitingStatus::Waiting {
            position
        } else {
            None
        },
        status,
        joined_at: entry.joined_at,
        closed_at: entry.closed_at,
        loan_id: entry.loan_id,
        note: entry.note,
        version: entry.version,
    })
}

/// The first person waiting for `aid_type`, shown as next when an item of
/// the type becomes available (nothing is issued automatically).
pub async fn next_waiting<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &crate::actor::Actor,
    aid_type: AidType,
) -> ApiResult<Option<WaitingView>> {
    let waiting = crate::store::aids::waiting_for(db, actor, Some(aid_type)).await?;
    let Some(first) = waiting.into_iter().next() else {
        return Ok(None);
    };
    let names = person_names(db, [first.person_id]).await?;
    Ok(Some(waiting_view(first, Some(1), &names)?))
}

/// Trims `text`; `None` when empty.
pub fn trimmed(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}
