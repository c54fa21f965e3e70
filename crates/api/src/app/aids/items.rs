//! The inventory: items with their type, serial number, new/used,
//! condition, location and status; the stock per type; the price table.

use super::{AidItemView, WaitingView, item_view, next_waiting, trimmed};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::common::PageParams;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::aids as repo;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{aid_items, aid_waiting};
use crate::store::is_unique_violation;
use crate::store::scope::scoped;
use crate::store::versioned;
use atvejis_domain::access::Permission;
use atvejis_domain::aids::{AidCondition, AidPrice, AidStatus, AidType, Newness};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

/// A new item.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreateAidRequest {
    /// Type.
    pub aid_type: AidType,
    /// Serial number, unique in the municipality (1–64 characters).
    #[validate(length(min = 1, max = 64))]
    pub serial: String,
    /// Never issued (`new`) or issued before (`used`).
    pub newness: Newness,
    /// Condition (default `good`).
    pub condition: Option<AidCondition>,
    /// A note on the condition.
    #[validate(length(max = 2000))]
    pub condition_note: Option<String>,
    /// Where it is kept.
    #[validate(length(max = 200))]
    pub location: Option<String>,
    /// `available` (default), `in_repair` or `written_off`; `on_loan` only
    /// by issuing a loan.
    pub status: Option<AidStatus>,
}

/// A change of an item (absent fields stay as they are).
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct UpdateAidRequest {
    /// The item's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Serial number.
    #[validate(length(min = 1, max = 64))]
    pub serial: Option<String>,
    /// New or used.
    pub newness: Option<Newness>,
    /// Condition.
    pub condition: Option<AidCondition>,
    /// A note on the condition (empty: none).
    #[validate(length(max = 2000))]
    pub condition_note: Option<String>,
    /// Where it is kept (empty: nowhere named).
    #[validate(length(max = 200))]
    pub location: Option<String>,
    /// `available`, `in_repair` or `written_off` (not of an item on loan).
    pub status: Option<AidStatus>,
}

/// An item as written, with the first person waiting for its type when the
/// item is available (shown as next; nothing is issued automatically).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AidItemWritten {
    /// The item.
    #[serde(flatten)]
    pub item: AidItemView,
    /// The first person waiting for the type, when the item is available.
    pub next_waiting: Option<WaitingView>,
}

/// A page of items.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AidItemPage {
    /// Items, by type and serial number.
    pub items: Vec<AidItemView>,
    /// All matches.
    pub total: u64,
    /// This page.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// Filters of the inventory.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AidFilter {
    /// Of this type.
    #[param(inline)]
    pub aid_type: Option<AidType>,
    /// In this status.
    #[param(inline)]
    pub status: Option<AidStatus>,
    /// With this serial number.
    pub serial: Option<String>,
}

/// The stock of one type.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct StockRow {
    /// Type.
    pub aid_type: AidType,
    /// Items available to issue.
    pub available: u64,
    /// Items on loan.
    pub on_loan: u64,
    /// Items in repair.
    pub in_repair: u64,
    /// People waiting.
    pub waiting: u64,
    /// The first person waiting (next when an item is available).
    pub next_waiting: Option<WaitingView>,
}

/// The stock per type (every type, in a stable order).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Stock {
    /// One row per type.
    pub types: Vec<StockRow>,
}

/// A price row (R-FEE-10, R-FEE-11).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AidPriceView {
    /// Type.
    pub aid_type: AidType,
    /// In force from.
    pub valid_from: time::Date,
    /// R-FEE-10: fee for a new item, EUR.
    #[schema(value_type = String, example = "72.00")]
    pub fee_new: rust_decimal::Decimal,
    /// R-FEE-10: fee for a re-issued item, EUR.
    #[schema(value_type = String, example = "35.00")]
    pub fee_used: rust_decimal::Decimal,
    /// R-FEE-11: refund of a bed issued new, returned within 12 months, EUR.
    #[schema(value_type = String, example = "29.00")]
    pub refund_new: rust_decimal::Decimal,
    /// R-FEE-11: refund of a bed issued used, EUR.
    #[schema(value_type = String, example = "15.00")]
    pub refund_used: rust_decimal::Decimal,
}

fn serial_taken() -> ApiError {
    ApiError::conflict(
        ErrorCode::AidSerialTaken,
        "An item with this serial number exists in the municipality.",
    )
}

fn on_loan() -> ApiError {
    ApiError::conflict(
        ErrorCode::AidOnLoan,
        "The item is on loan: return the loan to change its status.",
    )
}

fn clean_serial(serial: &str) -> ApiResult<String> {
    let serial = serial.trim().to_owned();
    if serial.is_empty() {
        return Err(ApiError::invalid_field(
            "serial",
            FieldCode::Required,
            "the item needs a serial number",
        ));
    }
    Ok(serial)
}

async fn written(
    db: &impl sea_orm::ConnectionTrait,
    actor: &Actor,
    item: aid_items::Model,
) -> ApiResult<AidItemWritten> {
    let loan = repo::open_loans_of_items(db, actor, vec![item.id])
        .await?
        .into_iter()
        .next()
        .map(|l| l.id);
    let view = item_view(item, loan)?;
    let next = if view.status == AidStatus::Available {
        next_waiting(db, actor, view.aid_type).await?
    } else {
        None
    };
    Ok(AidItemWritten {
        item: view,
        next_waiting: next,
    })
}

/// Adds an item (`RecordDeliveries`). 409 `aid_serial_taken`.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    body: CreateAidRequest,
) -> ApiResult<AidItemWritten> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let serial = clean_serial(&body.serial)?;
    let status = body.status.unwrap_or(AidStatus::Available);
    if status == AidStatus::OnLoan {
        return Err(ApiError::invalid_field(
            "status",
            FieldCode::Invalid,
            "an item goes on loan only by issuing a loan",
        ));
    }
    let taken = scoped::<aid_items::Entity>(actor)
        .filter(aid_items::Column::Serial.eq(serial.clone()))
        .count(uow.db())
        .await?;
    if taken > 0 {
        return Err(serial_taken());
    }
    let id = Uuid::now_v7();
    let now = uow.now();
    let condition = body.condition.unwrap_or(AidCondition::Good);
    let inserted = aid_items::Entity::insert(aid_items::ActiveModel {
        id: Set(id),
        municipality_id: Set(actor.municipality_id),
        aid_type: Set(body.aid_type.as_str().to_owned()),
        serial: Set(serial.clone()),
        newness: Set(body.newness.as_str().to_owned()),
        condition: Set(condition.as_str().to_owned()),
        condition_note: Set(trimmed(body.condition_note)),
        location: Set(trimmed(body.location)),
        status: Set(status.as_str().to_owned()),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(uow.db())
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Err(serial_taken()),
        Err(e) => return Err(e.into()),
    }
    uow.audit(
        AuditEvent::new(AuditAction::AidCreate, "aid", id).summary(json!({
            "aid_type": body.aid_type.as_str(),
            "serial": serial,
            "newness": body.newness.as_str(),
            "condition": condition.as_str(),
            "status": status.as_str(),
        })),
    )
    .await?;
    let item = repo::item(uow.db(), actor, id).await?;
    let view = written(uow.db(), actor, item).await?;
    uow.commit().await?;
    Ok(view)
}

/// Changes item `id` (`RecordDeliveries`; at the version read). The status
/// of an item on loan changes only by its loan (409 `aid_on_loan`).
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: UpdateAidRequest,
) -> ApiResult<AidItemWritten> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let item = repo::item(uow.db(), actor, id).await?;
    crate::app::lifecycle::check_version(item.version, body.version)?;
    let mut update = versioned::update::<aid_items::Entity>(actor, id, item.version, uow.now());
    let mut changed = Vec::new();
    if let Some(serial) = &body.serial {
        let serial = clean_serial(serial)?;
        if serial != item.serial {
            let taken = scoped::<aid_items::Entity>(actor)
                .filter(aid_items::Column::Serial.eq(serial.clone()))
                .filter(aid_items::Column::Id.ne(id))
                .count(uow.db())
                .await?;
            if taken > 0 {
                return Err(serial_taken());
            }
        }
        update = update.col_expr(aid_items::Column::Serial, Expr::value(serial));
        changed.push("serial");
    }
    if let Some(n) = body.newness {
        update = update.col_expr(aid_items::Column::Newness, Expr::value(n.as_str()));
        changed.push("newness");
    }
    if let Some(c) = body.condition {
        update = update.col_expr(aid_items::Column::Condition, Expr::value(c.as_str()));
        changed.push("condition");
    }
    if let Some(note) = body.condition_note {
        update = update.col_expr(
            aid_items::Column::ConditionNote,
            Expr::value(trimmed(Some(note))),
        );
        changed.push("condition_note");
    }
    if let Some(location) = body.location {
        update = update.col_expr(
            aid_items::Column::Location,
            Expr::value(trimmed(Some(location))),
        );
        changed.push("location");
    }
    if let Some(status) = body.status {
        if item.status == AidStatus::OnLoan.as_str() {
            if status != AidStatus::OnLoan {
                return Err(on_loan());
            }
        } else if status == AidStatus::OnLoan {
            return Err(ApiError::invalid_field(
                "status",
                FieldCode::Invalid,
                "an item goes on loan only by issuing a loan",
            ));
        } else {
            update = update.col_expr(aid_items::Column::Status, Expr::value(status.as_str()));
            changed.push("status");
        }
    }
    let result = update.exec(uow.db()).await;
    match result {
        Ok(r) => versioned::expect_one(r)?,
        Err(e) if is_unique_violation(&e) => return Err(serial_taken()),
        Err(e) => return Err(e.into()),
    }
    uow.audit(
        AuditEvent::new(AuditAction::AidUpdate, "aid", id)
            .summary(json!({ "changed": changed, "status": body.status.map(|s| s.as_str()) })),
    )
    .await?;
    let item = repo::item(uow.db(), actor, id).await?;
    let view = written(uow.db(), actor, item).await?;
    uow.commit().await?;
    Ok(view)
}

/// One item (`ReadDeliveries`).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<AidItemWritten> {
    actor.require(Permission::ReadDeliveries)?;
    let item = repo::item(&state.db, actor, id).await?;
    written(&state.db, actor, item).await
}

/// The inventory, by type and serial number (`ReadDeliveries`).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    filter: AidFilter,
    page: PageParams,
) -> ApiResult<AidItemPage> {
    actor.require(Permission::ReadDeliveries)?;
    let (page, per_page) = page.resolve()?;
    let mut q = scoped::<aid_items::Entity>(actor);
    if let Some(t) = filter.aid_type {
        q = q.filter(aid_items::Column::AidType.eq(t.as_str()));
    }
    if let Some(s) = filter.status {
        q = q.filter(aid_items::Column::Status.eq(s.as_str()));
    }
    if let Some(serial) = filter
        .serial
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
    {
        q = q.filter(aid_items::Column::Serial.eq(serial));
    }
    let paginator = q
        .order_by_asc(aid_items::Column::AidType)
        .order_by_asc(aid_items::Column::Serial)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(crate::store::page_index(page)).await?;
    let loans: HashMap<Uuid, Uuid> =
        repo::open_loans_of_items(&state.db, actor, rows.iter().map(|r| r.id).collect())
            .await?
            .into_iter()
            .map(|l| (l.item_id, l.id))
            .collect();
    let items = rows
        .into_iter()
        .map(|r| {
            let loan = loans.get(&r.id).copied();
            item_view(r, loan)
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(AidItemPage {
        items,
        total,
        page,
        per_page,
    })
}

/// The stock per type: available, on loan, in repair, people waiting and
/// the first of them (`ReadDeliveries`).
pub async fn stock(state: &AppState, actor: &Actor) -> ApiResult<Stock> {
    actor.require(Permission::ReadDeliveries)?;
    let items = scoped::<aid_items::Entity>(actor).all(&state.db).await?;
    let mut counts: HashMap<(String, String), u64> = HashMap::new();
    for item in items {
        *counts.entry((item.aid_type, item.status)).or_default() += 1;
    }
    let waiting = repo::waiting_for(&state.db, actor, None).await?;
    let names =
        crate::app::places::views::person_names(&state.db, waiting.iter().map(|w| w.person_id))
            .await?;
    let mut waiting_by_type: HashMap<String, Vec<aid_waiting::Model>> = HashMap::new();
    for w in waiting {
        waiting_by_type
            .entry(w.aid_type.clone())
            .or_default()
            .push(w);
    }
    let count = |t: AidType, s: AidStatus| {
        counts
            .get(&(t.as_str().to_owned(), s.as_str().to_owned()))
            .copied()
            .unwrap_or(0)
    };
    let mut types = Vec::new();
    for t in AidType::ALL {
        let list = waiting_by_type.remove(t.as_str()).unwrap_or_default();
        let n = list.len() as u64;
        let next = match list.into_iter().next() {
            Some(first) => Some(super::waiting_view(first, Some(1), &names)?),
            None => None,
        };
        types.push(StockRow {
            aid_type: t,
            available: count(t, AidStatus::Available),
            on_loan: count(t, AidStatus::OnLoan),
            in_repair: count(t, AidStatus::InRepair),
            waiting: n,
            next_waiting: next,
        });
    }
    Ok(Stock { types })
}

/// The price table of my municipality (`ReadDeliveries`), by type and date.
pub async fn prices(state: &AppState, actor: &Actor) -> ApiResult<Vec<AidPriceView>> {
    actor.require(Permission::ReadDeliveries)?;
    Ok(repo::prices(&state.db, actor)
        .await?
        .into_iter()
        .map(|p: AidPrice| AidPriceView {
            aid_type: p.aid_type,
            valid_from: p.valid_from,
            fee_new: crate::app::common::money(p.fee_new),
            fee_used: crate::app::common::money(p.fee_used),
            refund_new: crate::app::common::money(p.refund_new),
            refund_used: crate::app::common::money(p.refund_used),
        })
        .collect())
}
