//! A person's certificates and income records: added and removed, each
//! recorded in the write's own transaction.

use super::{CertificateView, IncomeRecordView};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::certificates::{self, NewCertificate};
use crate::store::income::{self, NewIncome};
use crate::store::persons;
use atvejis_domain::access::Permission;
use atvejis_domain::eligibility::CertificateKind;
use atvejis_domain::income::{IncomeSource, YearMonth};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A new certificate.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct AddCertificateRequest {
    /// What it certifies.
    pub kind: CertificateKind,
    /// The level or percentage, as the kind needs.
    #[validate(length(max = 20))]
    pub value: Option<String>,
    /// Valid from.
    pub valid_from: Date,
    /// Valid until (inclusive).
    pub valid_until: Option<Date>,
    /// Issued by.
    #[validate(length(max = 200))]
    pub issued_by: Option<String>,
}

/// Records a certificate of person `person_id`.
pub async fn add_certificate(
    state: &AppState,
    actor: &Actor,
    person_id: Uuid,
    body: AddCertificateRequest,
) -> ApiResult<CertificateView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WritePersons).await?;
    let value = super::trimmed(body.value);
    body.kind
        .check_value(value.as_deref())
        .map_err(|message| ApiError::invalid_field("value", FieldCode::Invalid, message))?;
    if body
        .valid_until
        .is_some_and(|until| until < body.valid_from)
    {
        return Err(ApiError::invalid_field(
            "valid_until",
            FieldCode::BeforeValidFrom,
            "is before the start of validity",
        ));
    }
    persons::find_scoped(uow.db(), actor, person_id).await?;
    let created = certificates::insert(
        uow.db(),
        actor,
        person_id,
        NewCertificate {
            kind: body.kind.as_str(),
            value,
            valid_from: body.valid_from,
            valid_until: body.valid_until,
            issued_by: super::trimmed(body.issued_by),
        },
        uow.now(),
    )
    .await?;
    uow.audit(
        AuditEvent::new(AuditAction::PersonCertificateAdd, "person", person_id).summary(json!({
            "certificate_id": created.id,
            "kind": created.kind,
            "valid_from": created.valid_from,
            "valid_until": created.valid_until,
        })),
    )
    .await?;
    uow.commit().await?;
    Ok(CertificateView::try_from(created)?)
}

/// Removes a certificate recorded by mistake.
pub async fn remove_certificate(
    state: &AppState,
    actor: &Actor,
    person_id: Uuid,
    certificate_id: Uuid,
) -> ApiResult<()> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WritePersons).await?;
    persons::find_scoped(uow.db(), actor, person_id).await?;
    certificates::delete(uow.db(), actor, person_id, certificate_id).await?;
    uow.audit(
        AuditEvent::new(AuditAction::PersonCertificateRemove, "person", person_id)
            .summary(json!({ "certificate_id": certificate_id })),
    )
    .await?;
    uow.commit().await
}

/// A month's income.
#[derive(Debug, Deserialize, Serialize, ToSchema, Validate)]
pub struct AddIncomeRequest {
    /// Year.
    #[validate(range(min = 2000, max = 2100))]
    pub year: i32,
    /// Month, 1–12.
    #[validate(range(min = 1, max = 12))]
    pub month: i32,
    /// Amount, EUR, not negative, at most 2 decimals (a decimal string or number).
    #[schema(value_type = String, example = "512.40")]
    pub amount: Decimal,
    /// Source.
    pub source: IncomeSource,
    /// Note.
    #[validate(length(max = 300))]
    pub note: Option<String>,
}

/// Checks an income amount: not negative, whole cents, at most ten million.
pub fn income_amount(amount: Decimal) -> ApiResult<Decimal> {
    if amount.is_sign_negative() {
        return Err(ApiError::invalid_field(
            "amount",
            FieldCode::Negative,
            "income cannot be negative",
        ));
    }
    if amount.normalize().scale() > 2 || amount > Decimal::from(10_000_000) {
        return Err(ApiError::invalid_field(
            "amount",
            FieldCode::Invalid,
            "give euros with at most 2 decimals",
        ));
    }
    Ok(amount)
}

/// R-FEE-1: "no income" is a month staff record explicitly, with amount 0.
fn no_income_is_zero(source: IncomeSource, amount: Decimal) -> ApiResult<()> {
    if source == IncomeSource::NoIncome && !amount.is_zero() {
        return Err(ApiError::invalid_field(
            "amount",
            FieldCode::NotZero,
            "a month with no income has the amount 0",
        ));
    }
    Ok(())
}

/// Records a month's income of person `person_id`.
pub async fn add_income(
    state: &AppState,
    actor: &Actor,
    person_id: Uuid,
    body: AddIncomeRequest,
) -> ApiResult<IncomeRecordView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WritePersons).await?;
    let month = checked_income(&body, "")?;
    persons::find_scoped(uow.db(), actor, person_id).await?;
    let created = insert_income(&mut uow, actor, person_id, body, month).await?;
    uow.commit().await?;
    Ok(created)
}

/// Several months' income at once (e.g. the three months of a fee's window).
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct AddIncomeMonthsRequest {
    /// The months, 1–12 of them; each month and source once.
    #[validate(length(min = 1, max = 12), nested)]
    pub months: Vec<AddIncomeRequest>,
}

/// Records several months' income of person `person_id` in one
/// transaction, one audit record per month: all or none.
pub async fn add_income_months(
    state: &AppState,
    actor: &Actor,
    person_id: Uuid,
    body: AddIncomeMonthsRequest,
) -> ApiResult<Vec<IncomeRecordView>> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WritePersons).await?;
    let mut checked = Vec::with_capacity(body.months.len());
    for (index, entry) in body.months.iter().enumerate() {
        let month = checked_income(entry, &format!("months[{index}]."))?;
        if checked
            .iter()
            .any(|(m, source)| *m == month && *source == entry.source)
        {
            return Err(ApiError::invalid_field(
                format!("months[{index}].month"),
                FieldCode::Duplicate,
                "this month and source is given twice",
            ));
        }
        checked.push((month, entry.source));
    }
    persons::find_scoped(uow.db(), actor, person_id).await?;
    let mut created = Vec::with_capacity(body.months.len());
    for (entry, (month, _)) in body.months.into_iter().zip(checked) {
        created.push(insert_income(&mut uow, actor, person_id, entry, month).await?);
    }
    uow.commit().await?;
    Ok(created)
}

/// The month of an income entry, checked with its amount; field names get
/// `prefix`.
fn checked_income(body: &AddIncomeRequest, prefix: &str) -> ApiResult<YearMonth> {
    let field = |e: ApiError| {
        if prefix.is_empty() {
            return e;
        }
        let errors = e
            .field_errors()
            .iter()
            .map(|f| {
                crate::error::FieldError::new(
                    format!("{prefix}{}", f.field),
                    f.code,
                    f.message.clone(),
                )
            })
            .collect();
        ApiError::validation(errors)
    };
    let amount = income_amount(body.amount).map_err(field)?;
    no_income_is_zero(body.source, amount).map_err(field)?;
    Ok(YearMonth {
        year: body.year,
        month: u8::try_from(body.month).map_err(|_| {
            field(ApiError::invalid_field(
                "month",
                FieldCode::Range,
                "is 1–12",
            ))
        })?,
    })
}

async fn insert_income(
    uow: &mut UnitOfWork,
    actor: &Actor,
    person_id: Uuid,
    body: AddIncomeRequest,
    month: YearMonth,
) -> ApiResult<IncomeRecordView> {
    let amount = body.amount;
    // "No income" and an amount exclude each other for the same month.
    let recorded = income::sources_of_month(uow.db(), person_id, month).await?;
    let no_income = body.source == IncomeSource::NoIncome;
    let month_is_no_income = recorded.iter().any(|code| code == "no_income");
    if (no_income && !recorded.is_empty()) || (!no_income && month_is_no_income) {
        return Err(ApiError::conflict(
            ErrorCode::IncomeExists,
            if no_income {
                "Income is recorded for that month; remove it before recording \"no income\"."
            } else {
                "That month is recorded as \"no income\"; remove it before recording an amount."
            },
        ));
    }
    let created = income::insert(
        uow.db(),
        actor,
        person_id,
        NewIncome {
            month,
            amount,
            source: body.source,
            note: super::trimmed(body.note),
        },
        uow.now(),
    )
    .await
    .map_err(|e| {
        if e.is_unique_violation() {
            ApiError::conflict(
                ErrorCode::IncomeExists,
                "Income from this source is recorded for that month already; remove it first to correct it.",
            )
        } else {
            e.into()
        }
    })?;
    uow.audit(
        AuditEvent::new(AuditAction::PersonIncomeAdd, "person", person_id).summary(json!({
            "income_id": created.id,
            "year": created.year,
            "month": created.month,
            "amount": amount.to_string(),
            "source": created.source,
        })),
    )
    .await?;
    Ok(created.into())
}

/// Removes an income record entered by mistake.
pub async fn remove_income(
    state: &AppState,
    actor: &Actor,
    person_id: Uuid,
    income_id: Uuid,
) -> ApiResult<()> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WritePersons).await?;
    persons::find_scoped(uow.db(), actor, person_id).await?;
    let row = income::delete(uow.db(), actor, person_id, income_id).await?;
    uow.audit(
        AuditEvent::new(AuditAction::PersonIncomeRemove, "person", person_id).summary(json!({
            "income_id": row.id,
            "year": row.year,
            "month": row.month,
            "amount": row.amount.to_string(),
            "source": row.source,
        })),
    )
    .await?;
    uow.commit().await
}
