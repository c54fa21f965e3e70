//! The waiting list of an aid type out of stock: first come, first served;
//! positions are the order of joining among those still waiting. Issuing an
//! item of the type to a waiting person closes their entry (`served`);
//! nobody is issued an item automatically.

use super::{WaitingView, trimmed, waiting_view};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::common::PageParams;
use crate::app::places::views::person_names;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::aids::{self as repo, LEFT, WAITING};
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::aid_waiting;
use crate::store::scope::scoped;
use crate::store::{StoreError, is_unique_violation, versioned};
use atvejis_domain::access::Permission;
use atvejis_domain::aids::AidType;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

/// A person joining the waiting list of a type.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct JoinWaitingRequest {
    /// The type waited for.
    pub aid_type: AidType,
    /// The person.
    pub person_id: Uuid,
    /// The decision granting the aid, if there is one.
    pub decision_id: Option<Uuid>,
    /// Note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// A person leaving the waiting list.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct LeaveWaitingRequest {
    /// The entry's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Why.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// Which waiting list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WaitingFilter {
    /// Of this type (all types when absent, each with its own positions).
    #[param(inline)]
    pub aid_type: Option<AidType>,
    /// Of this person.
    pub person_id: Option<Uuid>,
}

/// A page of people waiting.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WaitingPage {
    /// Those waiting, by type and position.
    pub items: Vec<WaitingView>,
    /// All matches.
    pub total: u64,
    /// This page.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// The positions of everyone waiting in the actor's municipality, per type.
async fn positions<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    aid_type: Option<AidType>,
) -> ApiResult<(Vec<aid_waiting::Model>, HashMap<Uuid, u32>)> {
    let waiting = repo::waiting_for(db, actor, aid_type).await?;
    let mut counters: HashMap<String, u32> = HashMap::new();
    let mut positions = HashMap::new();
    for w in &waiting {
        let n = counters.entry(w.aid_type.clone()).or_default();
        *n += 1;
        positions.insert(w.id, *n);
    }
    Ok((waiting, positions))
}

async fn view_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    entry: aid_waiting::Model,
) -> ApiResult<WaitingView> {
    let aid_type = entry.aid_type.parse::<AidType>().ok();
    let (_, positions) = positions(db, actor, aid_type).await?;
    let names = person_names(db, [entry.person_id]).await?;
    let position = positions.get(&entry.id).copied();
    waiting_view(entry, position, &names)
}

fn already_waiting() -> ApiError {
    ApiError::conflict(
        ErrorCode::AidAlreadyWaiting,
        "The person already waits for an aid of this type.",
    )
}

/// Puts a person on the waiting list of a type (`RecordDeliveries`), last.
/// 409 `aid_already_waiting`.
pub async fn join(
    state: &AppState,
    actor: &Actor,
    body: JoinWaitingRequest,
) -> ApiResult<WaitingView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
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
    if let Some(decision_id) = body.decision_id {
        let found = crate::store::applications::load_by_decision(uow.db(), actor, decision_id)
            .await
            .ok()
            .filter(|r| r.application.person_id == person.id);
        if found.is_none() {
            return Err(ApiError::invalid_field(
                "decision_id",
                FieldCode::Invalid,
                "no such decision of the person in the municipality",
            ));
        }
    }
    let open = scoped::<aid_waiting::Entity>(actor)
        .filter(aid_waiting::Column::PersonId.eq(person.id))
        .filter(aid_waiting::Column::AidType.eq(body.aid_type.as_str()))
        .filter(aid_waiting::Column::Status.eq(WAITING))
        .count(uow.db())
        .await?;
    if open > 0 {
        return Err(already_waiting());
    }
    let last = scoped::<aid_waiting::Entity>(actor)
        .filter(aid_waiting::Column::AidType.eq(body.aid_type.as_str()))
        .order_by_desc(aid_waiting::Column::Seq)
        .one(uow.db())
        .await?
        .map(|w| w.seq)
        .unwrap_or(0);
    let id = Uuid::now_v7();
    let now = uow.now();
    let inserted = aid_waiting::Entity::insert(aid_waiting::ActiveModel {
        id: Set(id),
        municipality_id: Set(actor.municipality_id),
        aid_type: Set(body.aid_type.as_str().to_owned()),
        person_id: Set(person.id),
        decision_id: Set(body.decision_id),
        seq: Set(last + 1),
        joined_at: Set(now),
        status: Set(WAITING.to_owned()),
        closed_at: Set(None),
        loan_id: Set(None),
        note: Set(trimmed(body.note)),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(uow.db())
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Err(already_waiting()),
        Err(e) => return Err(e.into()),
    }
    let entry = repo::waiting_entry(uow.db(), actor, id).await?;
    let view = view_of(uow.db(), actor, entry).await?;
    uow.audit(
        AuditEvent::new(AuditAction::AidWaitingJoin, "aid_waiting", id).summary(json!({
            "aid_type": body.aid_type.as_str(),
            "person_id": person.id,
            "position": view.position,
        })),
    )
    .await?;
    uow.commit().await?;
    Ok(view)
}

/// Takes a person off the waiting list (`RecordDeliveries`; at the version
/// read). 409 `aid_not_waiting`.
pub async fn leave(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: LeaveWaitingRequest,
) -> ApiResult<WaitingView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let entry = repo::waiting_entry(uow.db(), actor, id).await?;
    if entry.status != WAITING {
        return Err(ApiError::conflict(
            ErrorCode::AidNotWaiting,
            "The person no longer waits on this list.",
        ));
    }
    crate::app::lifecycle::check_version(entry.version, body.version)?;
    let now = uow.now();
    let result = versioned::update::<aid_waiting::Entity>(actor, id, entry.version, now)
        .col_expr(aid_waiting::Column::Status, Expr::value(LEFT))
        .col_expr(aid_waiting::Column::ClosedAt, Expr::value(now))
        .col_expr(
            aid_waiting::Column::Note,
            Expr::value(trimmed(body.note).or(entry.note.clone())),
        )
        .exec(uow.db())
        .await?;
    versioned::expect_one(result)?;
    uow.audit(
        AuditEvent::new(AuditAction::AidWaitingLeave, "aid_waiting", id).summary(json!({
            "aid_type": entry.aid_type,
            "person_id": entry.person_id,
        })),
    )
    .await?;
    let entry = repo::waiting_entry(uow.db(), actor, id).await?;
    let view = view_of(uow.db(), actor, entry).await?;
    uow.commit().await?;
    Ok(view)
}

/// Those waiting, by type and position (`ReadDeliveries`).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    filter: WaitingFilter,
    page: PageParams,
) -> ApiResult<WaitingPage> {
    actor.require(Permission::ReadDeliveries)?;
    let (page, per_page) = page.resolve()?;
    let (waiting, positions) = positions(&state.db, actor, filter.aid_type).await?;
    let matching: Vec<aid_waiting::Model> = waiting
        .into_iter()
        .filter(|w| filter.person_id.is_none_or(|p| w.person_id == p))
        .collect();
    let (rows, total) = crate::app::common::page_of(matching, page, per_page);
    let names = person_names(&state.db, rows.iter().map(|r| r.person_id)).await?;
    let items = rows
        .into_iter()
        .map(|r| {
            let position = positions.get(&r.id).copied();
            waiting_view(r, position, &names)
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(WaitingPage {
        items,
        total,
        page,
        per_page,
    })
}
