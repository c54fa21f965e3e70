//! Loans: issuing an item with its one-time fee (R-FEE-10), returning it
//! with the refund of a bed back within 12 months (R-FEE-11), and the
//! user's death, after which the aid is due back in 30 days (R-LIM-6).

use super::{AidLoanView, WaitingView, loan_view, next_waiting, trimmed};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::common::PageParams;
use crate::app::places::views::person_names;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::aids::{self as repo, SERVED, WAITING};
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{aid_items, aid_loans, aid_waiting};
use crate::store::scope::scoped;
use crate::store::{StoreError, is_unique_violation, versioned};
use atvejis_domain::access::Permission;
use atvejis_domain::aids::{
    AidCondition, AidStatus, AidType, Newness, check_extract, issue_fee, price_in_force, refund,
    refund_until, return_due_after_death,
};
use sea_orm::ExprTrait;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use std::str::FromStr;
use time::Date;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

/// The service whose signed decision may grant an aid.
const SERVICE: &str = "technical_aids";

/// An issue of an aid to a person: a named item, or the first available
/// item of a type.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct IssueLoanRequest {
    /// The item to issue (available).
    pub item_id: Option<Uuid>,
    /// Or a type: the first available item of it (by serial number).
    pub aid_type: Option<AidType>,
    /// The person.
    pub person_id: Uuid,
    /// The signed `technical_aids` decision granting it, if there is one.
    pub decision_id: Option<Uuid>,
    /// Issued on (default today; not in the future).
    pub issued_on: Option<Date>,
    /// R-LIM-6: the F027/a medical extract's date (valid 12 months).
    pub extract_027a_issued_on: Date,
    /// Note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// A return of a loan.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ReturnLoanRequest {
    /// The loan's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Returned on (default today; not before the issue, not in the future).
    pub returned_on: Option<Date>,
    /// The item's condition (a damaged item goes to repair).
    pub condition: AidCondition,
    /// Note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// The user's death, recorded on a loan (R-LIM-6).
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct DeathRequest {
    /// The loan's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// The user died on (not before the issue, not in the future).
    pub died_on: Date,
}

/// A returned loan, with the first person waiting for the type when the
/// item is available again (shown as next; nothing is issued automatically).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReturnedLoan {
    /// The loan.
    #[serde(flatten)]
    pub loan: AidLoanView,
    /// The first person waiting for the type, when the item is available.
    pub next_waiting: Option<WaitingView>,
}

/// A page of loans.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AidLoanPage {
    /// Loans, latest issue first.
    pub items: Vec<AidLoanView>,
    /// All matches.
    pub total: u64,
    /// This page.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// Filters of the loans.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LoanFilter {
    /// Of this person.
    pub person_id: Option<Uuid>,
    /// Of this item.
    pub item_id: Option<Uuid>,
    /// Of this type.
    #[param(inline)]
    pub aid_type: Option<AidType>,
    /// `true`: not returned; `false`: returned.
    pub open: Option<bool>,
    /// `true`: only those due back after a death and not returned by the
    /// due day (R-LIM-6).
    pub overdue: Option<bool>,
}

fn rule(code: ErrorCode, detail: impl Into<String>) -> ApiError {
    ApiError::new(code.status(), code, detail.into())
}

fn not_on_loan() -> ApiError {
    rule(
        ErrorCode::AidNotOnLoan,
        "The item is not on loan: this loan was already returned.",
    )
}

fn not_available() -> ApiError {
    rule(
        ErrorCode::AidNotAvailable,
        "The item is not available to issue (on loan, in repair or written off).",
    )
}

async fn view_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    loan: aid_loans::Model,
    today: Date,
) -> ApiResult<AidLoanView> {
    let item = repo::item(db, actor, loan.item_id).await?;
    let names = person_names(db, [loan.person_id]).await?;
    loan_view(loan, item.serial, &names, today)
}

/// R-FEE-10: issues an item to a person (`RecordDeliveries`): the fee in
/// force on the day of issue is stored on the loan, the item goes on loan,
/// and the person's place on the type's waiting list (if any) is closed.
/// 409 `aid_not_available`, `aid_out_of_stock` (join the waiting list);
/// 422 `aid_extract_invalid` (R-LIM-6), `aid_no_price`.
pub async fn issue(
    state: &AppState,
    actor: &Actor,
    body: IssueLoanRequest,
) -> ApiResult<AidLoanView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let today = uow.today();
    let issued_on = body.issued_on.unwrap_or(today);
    if issued_on > today {
        return Err(ApiError::invalid_field(
            "issued_on",
            FieldCode::Invalid,
            "cannot be in the future",
        ));
    }
    let person = match crate::store::persons::find_scoped(uow.db(), actor, body.person_id).await {
        Ok(p) => p,
        Err(StoreError::NotFound(_)) => {
            return Err(ApiError::invalid_field(
                "person_id",
                FieldCode::Invalid,
                "no such person in the municipality",
            ));
        }
        Err(e) => return Err(e.into()),
    };
    if let Err(problem) = check_extract(body.extract_027a_issued_on, issued_on) {
        return Err(
            rule(ErrorCode::AidExtractInvalid, problem.to_string()).with_errors(vec![
                crate::error::FieldError::new(
                    "extract_027a_issued_on",
                    FieldCode::Invalid,
                    problem.to_string(),
                ),
            ]),
        );
    }
    if let Some(decision_id) = body.decision_id {
        check_decision(uow.db(), actor, decision_id, person.id).await?;
    }
    let item = match (body.item_id, body.aid_type) {
        (None, None) => {
            return Err(ApiError::invalid_field(
                "item_id",
                FieldCode::Required,
                "name the item or the type to issue",
            ));
        }
        (Some(item_id), aid_type) => {
            let item = match repo::item(uow.db(), actor, item_id).await {
                Ok(i) => i,
                Err(StoreError::NotFound(_)) => {
                    return Err(ApiError::invalid_field(
                        "item_id",
                        FieldCode::Invalid,
                        "no such item in the municipality",
                    ));
                }
                Err(e) => return Err(e.into()),
            };
            if aid_type.is_some_and(|t| t.as_str() != item.aid_type) {
                return Err(ApiError::invalid_field(
                    "aid_type",
                    FieldCode::Invalid,
                    "the item is of another type",
                ));
            }
            if item.status != AidStatus::Available.as_str() {
                return Err(not_available());
            }
            item
        }
        (None, Some(aid_type)) => scoped::<aid_items::Entity>(actor)
            .filter(aid_items::Column::AidType.eq(aid_type.as_str()))
            .filter(aid_items::Column::Status.eq(AidStatus::Available.as_str()))
            .order_by_asc(aid_items::Column::Serial)
            .one(uow.db())
            .await?
            .ok_or_else(|| {
                rule(
                    ErrorCode::AidOutOfStock,
                    format!(
                        "No item of type `{aid_type}` is available. Put the person on the \
                         type's waiting list (POST /api/v1/aids/waiting)."
                    ),
                )
            })?,
    };
    let aid_type = AidType::from_str(&item.aid_type)
        .map_err(|e| ApiError::from(StoreError::corrupt("aid", e)))?;
    let newness = Newness::parse(&item.newness)
        .ok_or_else(|| ApiError::from(StoreError::corrupt("aid", "newness")))?;
    repo::seed_prices(uow.db(), actor.municipality_id, uow.now()).await?;
    let prices = repo::prices(uow.db(), actor).await?;
    let price = price_in_force(&prices, aid_type, issued_on).ok_or_else(|| {
        rule(
            ErrorCode::AidNoPrice,
            format!("R-FEE-10: no price of `{aid_type}` is in force on {issued_on}."),
        )
    })?;
    let fee = issue_fee(&price, newness);
    let now = uow.now();
    // The item goes on loan only if it is still available (another issue
    // may have taken it since it was read).
    let taken = versioned::update::<aid_items::Entity>(actor, item.id, item.version, now)
        .col_expr(
            aid_items::Column::Status,
            Expr::value(AidStatus::OnLoan.as_str()),
        )
        .filter(aid_items::Column::Status.eq(AidStatus::Available.as_str()))
        .exec(uow.db())
        .await?;
    if taken.rows_affected != 1 {
        return Err(not_available());
    }
    let id = Uuid::now_v7();
    let inserted = aid_loans::Entity::insert(aid_loans::ActiveModel {
        id: Set(id),
        municipality_id: Set(actor.municipality_id),
        item_id: Set(item.id),
        aid_type: Set(aid_type.as_str().to_owned()),
        person_id: Set(person.id),
        decision_id: Set(body.decision_id),
        issued_on: Set(issued_on),
        newness: Set(newness.as_str().to_owned()),
        fee: Set(fee),
        price_valid_from: Set(price.valid_from),
        extract_027a_issued_on: Set(body.extract_027a_issued_on),
        refund_until: Set(refund_until(issued_on)),
        died_on: Set(None),
        return_due_on: Set(None),
        returned_on: Set(None),
        refund: Set(None),
        return_condition: Set(None),
        note: Set(trimmed(body.note)),
        issued_by: Set(actor.user_id()),
        returned_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(uow.db())
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Err(not_available()),
        Err(e) => return Err(e.into()),
    }
    // Served: the person no longer waits for the type.
    let served = aid_waiting::Entity::update_many()
        .col_expr(aid_waiting::Column::Status, Expr::value(SERVED))
        .col_expr(aid_waiting::Column::ClosedAt, Expr::value(now))
        .col_expr(aid_waiting::Column::LoanId, Expr::value(id))
        .col_expr(aid_waiting::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            aid_waiting::Column::Version,
            Expr::col(aid_waiting::Column::Version).add(1),
        )
        .filter(crate::store::scope::scoped_condition::<aid_waiting::Entity>(actor))
        .filter(aid_waiting::Column::PersonId.eq(person.id))
        .filter(aid_waiting::Column::AidType.eq(aid_type.as_str()))
        .filter(aid_waiting::Column::Status.eq(WAITING))
        .exec(uow.db())
        .await?;
    uow.audit(
        AuditEvent::new(AuditAction::AidLoanIssue, "aid_loan", id).summary(json!({
            "item_id": item.id,
            "serial": item.serial,
            "aid_type": aid_type.as_str(),
            "person_id": person.id,
            "decision_id": body.decision_id,
            "issued_on": issued_on.to_string(),
            "newness": newness.as_str(),
            "fee": fee.to_string(),
            "price_valid_from": price.valid_from.to_string(),
            "left_waiting_list": served.rows_affected > 0,
        })),
    )
    .await?;
    let loan = repo::loan(uow.db(), actor, id).await?;
    let view = view_of(uow.db(), actor, loan, today).await?;
    uow.commit().await?;
    Ok(view)
}

/// A decision that may back an issue to `person_id`: a signed decision of
/// the municipality granting `technical_aids` to that person.
async fn check_decision<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    decision_id: Uuid,
    person_id: Uuid,
) -> ApiResult<()> {
    let bad =
        |message: &'static str| ApiError::invalid_field("decision_id", FieldCode::Invalid, message);
    let record = match crate::store::applications::load_by_decision(db, actor, decision_id).await {
        Ok(r) => r,
        Err(StoreError::NotFound(_)) => return Err(bad("no such decision in the municipality")),
        Err(e) => return Err(e.into()),
    };
    let Some(decision) = record.decision.as_ref() else {
        return Err(bad("no such decision in the municipality"));
    };
    if decision.outcome != "granted" || decision.decided_on.is_none() {
        return Err(bad("only a signed decision that grants the service"));
    }
    if record.application.service_code != SERVICE {
        return Err(bad(
            "the decision grants another service than technical aids",
        ));
    }
    if record.application.person_id != person_id {
        return Err(bad("the decision is another person's"));
    }
    Ok(())
}

/// R-FEE-11: returns loan `id` (`RecordDeliveries`; at the version read):
/// the refund of a bed back within 12 months of its issue is stored on the
/// loan, the item is available again (in repair when damaged) and used.
/// 409 `aid_not_on_loan` for a loan already returned.
pub async fn return_loan(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: ReturnLoanRequest,
) -> ApiResult<ReturnedLoan> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let today = uow.today();
    let loan = repo::loan(uow.db(), actor, id).await?;
    if loan.returned_on.is_some() {
        return Err(not_on_loan());
    }
    crate::app::lifecycle::check_version(loan.version, body.version)?;
    let returned_on = body.returned_on.unwrap_or(today);
    if returned_on > today {
        return Err(ApiError::invalid_field(
            "returned_on",
            FieldCode::Invalid,
            "cannot be in the future",
        ));
    }
    if returned_on < loan.issued_on {
        return Err(ApiError::invalid_field(
            "returned_on",
            FieldCode::Invalid,
            "cannot be before the day of issue",
        ));
    }
    let aid_type = AidType::from_str(&loan.aid_type)
        .map_err(|e| ApiError::from(StoreError::corrupt("aid_loan", e)))?;
    let newness = Newness::parse(&loan.newness)
        .ok_or_else(|| ApiError::from(StoreError::corrupt("aid_loan", "newness")))?;
    let prices = repo::prices(uow.db(), actor).await?;
    let amount = match price_in_force(&prices, aid_type, loan.issued_on) {
        Some(price) => refund(&price, newness, loan.fee, loan.issued_on, returned_on),
        None => rust_decimal::Decimal::ZERO,
    };
    let now = uow.now();
    let result = versioned::update::<aid_loans::Entity>(actor, id, loan.version, now)
        .col_expr(aid_loans::Column::ReturnedOn, Expr::value(returned_on))
        .col_expr(aid_loans::Column::Refund, Expr::value(amount))
        .col_expr(
            aid_loans::Column::ReturnCondition,
            Expr::value(body.condition.as_str()),
        )
        .col_expr(aid_loans::Column::ReturnedBy, Expr::value(actor.user_id()))
        .col_expr(
            aid_loans::Column::Note,
            Expr::value(trimmed(body.note).or(loan.note.clone())),
        )
        .filter(aid_loans::Column::ReturnedOn.is_null())
        .exec(uow.db())
        .await?;
    versioned::expect_one(result)?;
    let item_status = if body.condition == AidCondition::Damaged {
        AidStatus::InRepair
    } else {
        AidStatus::Available
    };
    aid_items::Entity::update_many()
        .col_expr(aid_items::Column::Status, Expr::value(item_status.as_str()))
        .col_expr(
            aid_items::Column::Newness,
            Expr::value(Newness::Used.as_str()),
        )
        .col_expr(
            aid_items::Column::Condition,
            Expr::value(body.condition.as_str()),
        )
        .col_expr(aid_items::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            aid_items::Column::Version,
            Expr::col(aid_items::Column::Version).add(1),
        )
        .filter(crate::store::scope::scoped_condition::<aid_items::Entity>(
            actor,
        ))
        .filter(aid_items::Column::Id.eq(loan.item_id))
        .exec(uow.db())
        .await?;
    uow.audit(
        AuditEvent::new(AuditAction::AidLoanReturn, "aid_loan", id).summary(json!({
            "item_id": loan.item_id,
            "aid_type": aid_type.as_str(),
            "person_id": loan.person_id,
            "issued_on": loan.issued_on.to_string(),
            "returned_on": returned_on.to_string(),
            "refund": amount.to_string(),
            "condition": body.condition.as_str(),
            "item_status": item_status.as_str(),
        })),
    )
    .await?;
    let next = if item_status == AidStatus::Available {
        next_waiting(uow.db(), actor, aid_type).await?
    } else {
        None
    };
    let loan = repo::loan(uow.db(), actor, id).await?;
    let view = view_of(uow.db(), actor, loan, today).await?;
    uow.commit().await?;
    Ok(ReturnedLoan {
        loan: view,
        next_waiting: next,
    })
}

/// R-LIM-6: records that the user of loan `id` died on `died_on`
/// (`RecordDeliveries`; at the version read): the aid is due back 30 days
/// later, and shown overdue after that day. 409 `aid_not_on_loan`.
pub async fn record_death(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: DeathRequest,
) -> ApiResult<AidLoanView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let today = uow.today();
    let loan = repo::loan(uow.db(), actor, id).await?;
    if loan.returned_on.is_some() {
        return Err(not_on_loan());
    }
    crate::app::lifecycle::check_version(loan.version, body.version)?;
    if body.died_on > today {
        return Err(ApiError::invalid_field(
            "died_on",
            FieldCode::Invalid,
            "cannot be in the future",
        ));
    }
    if body.died_on < loan.issued_on {
        return Err(ApiError::invalid_field(
            "died_on",
            FieldCode::Invalid,
            "cannot be before the day of issue",
        ));
    }
    let due = return_due_after_death(body.died_on);
    let result = versioned::update::<aid_loans::Entity>(actor, id, loan.version, uow.now())
        .col_expr(aid_loans::Column::DiedOn, Expr::value(body.died_on))
        .col_expr(aid_loans::Column::ReturnDueOn, Expr::value(due))
        .filter(aid_loans::Column::ReturnedOn.is_null())
        .exec(uow.db())
        .await?;
    versioned::expect_one(result)?;
    uow.audit(
        AuditEvent::new(AuditAction::AidLoanDeath, "aid_loan", id).summary(json!({
            "person_id": loan.person_id,
            "died_on": body.died_on.to_string(),
            "return_due_on": due.to_string(),
        })),
    )
    .await?;
    let loan = repo::loan(uow.db(), actor, id).await?;
    let view = view_of(uow.db(), actor, loan, today).await?;
    uow.commit().await?;
    Ok(view)
}

/// One loan (`ReadDeliveries`).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<AidLoanView> {
    actor.require(Permission::ReadDeliveries)?;
    let today = atvejis_domain::calendar::lithuanian_date(state.clock.now());
    let loan = repo::loan(&state.db, actor, id).await?;
    view_of(&state.db, actor, loan, today).await
}

/// The loans, latest issue first (`ReadDeliveries`); `overdue=true` lists
/// those due back after a death and not returned by the due day (R-LIM-6).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    filter: LoanFilter,
    page: PageParams,
) -> ApiResult<AidLoanPage> {
    actor.require(Permission::ReadDeliveries)?;
    let (page, per_page) = page.resolve()?;
    let today = atvejis_domain::calendar::lithuanian_date(state.clock.now());
    let mut q = scoped::<aid_loans::Entity>(actor);
    if let Some(p) = filter.person_id {
        q = q.filter(aid_loans::Column::PersonId.eq(p));
    }
    if let Some(i) = filter.item_id {
        q = q.filter(aid_loans::Column::ItemId.eq(i));
    }
    if let Some(t) = filter.aid_type {
        q = q.filter(aid_loans::Column::AidType.eq(t.as_str()));
    }
    match filter.open {
        Some(true) => q = q.filter(aid_loans::Column::ReturnedOn.is_null()),
        Some(false) => q = q.filter(aid_loans::Column::ReturnedOn.is_not_null()),
        None => {}
    }
    match filter.overdue {
        Some(true) => {
            q = q
                .filter(aid_loans::Column::ReturnedOn.is_null())
                .filter(aid_loans::Column::ReturnDueOn.lt(today));
        }
        Some(false) => {
            q = q.filter(
                Condition::any()
                    .add(aid_loans::Column::ReturnedOn.is_not_null())
                    .add(aid_loans::Column::ReturnDueOn.is_null())
                    .add(aid_loans::Column::ReturnDueOn.gte(today)),
            );
        }
        None => {}
    }
    let paginator = q
        .order_by_desc(aid_loans::Column::IssuedOn)
        .order_by_desc(aid_loans::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(crate::store::page_index(page)).await?;
    let names = person_names(&state.db, rows.iter().map(|r| r.person_id)).await?;
    let item_ids: Vec<Uuid> = rows.iter().map(|r| r.item_id).collect();
    let serials: HashMap<Uuid, String> = if item_ids.is_empty() {
        HashMap::new()
    } else {
        scoped::<aid_items::Entity>(actor)
            .filter(aid_items::Column::Id.is_in(item_ids))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|i| (i.id, i.serial))
            .collect()
    };
    let items = rows
        .into_iter()
        .map(|r| {
            let serial = serials.get(&r.item_id).cloned().unwrap_or_default();
            loan_view(r, serial, &names, today)
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(AidLoanPage {
        items,
        total,
        page,
        per_page,
    })
}
