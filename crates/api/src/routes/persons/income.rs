//! `/api/v1/persons/{id}/income`: monthly income records (Decimal, with
//! source), the basis of fees and eligibility.

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::income_records as ir;
use crate::store::persons::find_scoped;
use crate::store::{self, is_unique_violation};
use actix_web::http::header;
use actix_web::{HttpResponse, delete, post, web};
use atvejis_domain::access::Permission;
use atvejis_domain::income::IncomeSource;
use rust_decimal::Decimal;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Where an income figure comes from.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum IncomeSourceSchema {
    /// Sodra (social insurance) data.
    Sodra,
    /// Another register or certificate.
    Other,
    /// Declared by the person.
    Declared,
}

impl From<IncomeSourceSchema> for IncomeSource {
    fn from(s: IncomeSourceSchema) -> Self {
        match s {
            IncomeSourceSchema::Sodra => IncomeSource::Sodra,
            IncomeSourceSchema::Other => IncomeSource::Other,
            IncomeSourceSchema::Declared => IncomeSource::Declared,
        }
    }
}

/// The stored code of a source.
pub fn source_code(s: IncomeSourceSchema) -> &'static str {
    match s {
        IncomeSourceSchema::Sodra => "sodra",
        IncomeSourceSchema::Other => "other",
        IncomeSourceSchema::Declared => "declared",
    }
}

/// One month's income from one source.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct IncomeRecordView {
    /// Id.
    pub id: Uuid,
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: i32,
    /// Amount, EUR (a decimal string).
    #[schema(value_type = String, example = "512.40")]
    pub amount: Decimal,
    /// Source.
    #[schema(value_type = IncomeSourceSchema)]
    pub source: String,
    /// Note.
    pub note: Option<String>,
}

impl From<ir::Model> for IncomeRecordView {
    fn from(r: ir::Model) -> Self {
        IncomeRecordView {
            id: r.id,
            year: r.year,
            month: r.month,
            amount: crate::routes::common::money(r.amount),
            source: r.source,
            note: r.note,
        }
    }
}

/// A month's income.
#[derive(Debug, Deserialize, ToSchema, Validate)]
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
    pub source: IncomeSourceSchema,
    /// Note.
    #[validate(length(max = 300))]
    pub note: Option<String>,
}

/// Record a month's income of a person.
#[utoipa::path(
    tag = "persons",
    params(("id" = Uuid, Path, description = "Person id")),
    request_body = AddIncomeRequest,
    responses(
        (status = 201, description = "Recorded", body = IncomeRecordView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "That month and source is recorded already (income_exists)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Negative, non-numeric or over-precise amount, bad month", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/persons/{id}/income")]
pub async fn add_income(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AddIncomeRequest>,
) -> ApiResult<HttpResponse> {
    actor.require(Permission::WritePersons)?;
    let ValidJson(body) = body;
    let person_id = id.into_inner();
    if body.amount.is_sign_negative() {
        return Err(ApiError::invalid_field(
            "amount",
            "negative",
            "income cannot be negative",
        ));
    }
    if body.amount.normalize().scale() > 2 || body.amount > Decimal::from(10_000_000) {
        return Err(ApiError::invalid_field(
            "amount",
            "invalid",
            "give euros with at most 2 decimals",
        ));
    }
    let now = store::now();
    let txn = store::begin_write(&state.db).await?;
    find_scoped(&txn, &actor, person_id).await?;
    let inserted = ir::Entity::insert(ir::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        person_id: Set(person_id),
        year: Set(body.year),
        month: Set(body.month),
        amount: Set(body.amount),
        source: Set(source_code(body.source).to_owned()),
        note: Set(body
            .note
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())),
        created_at: Set(now),
        created_by: Set(actor.user_id()),
    })
    .exec_with_returning(&txn)
    .await;
    let created = match inserted {
        Err(e) if is_unique_violation(&e) => {
            return Err(ApiError::conflict(
                ErrorCode::IncomeExists,
                "Income from this source is recorded for that month already; remove it first to correct it.",
            ));
        }
        other => other?,
    };
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::PersonIncomeAdd, "person", person_id).summary(json!({
            "income_id": created.id,
            "year": created.year,
            "month": created.month,
            "amount": body.amount.to_string(),
            "source": created.source,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/persons/{person_id}")))
        .json(IncomeRecordView::from(created)))
}

/// Remove an income record entered by mistake.
#[utoipa::path(
    tag = "persons",
    params(
        ("id" = Uuid, Path, description = "Person id"),
        ("income_id" = Uuid, Path, description = "Income record id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such record", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/persons/{id}/income/{income_id}")]
pub async fn delete_income(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    actor.require(Permission::WritePersons)?;
    let (person_id, income_id) = path.into_inner();
    let txn = store::begin_write(&state.db).await?;
    find_scoped(&txn, &actor, person_id).await?;
    let row = ir::Entity::find_by_id(income_id)
        .filter(ir::Column::PersonId.eq(person_id))
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::not_found("No such income record."))?;
    ir::Entity::delete_by_id(row.id).exec(&txn).await?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::PersonIncomeRemove, "person", person_id).summary(json!({
            "income_id": row.id,
            "year": row.year,
            "month": row.month,
            "amount": row.amount.to_string(),
            "source": row.source,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
