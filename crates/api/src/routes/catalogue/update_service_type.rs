//! `PUT /api/v1/service-types/{id}`: an administrator edits the catalogue.

use super::{ServiceTypeSpecDoc, ServiceTypeView, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::service_types;
use crate::store::scope::scoped;
use crate::store::{self, versioned};
use actix_web::{put, web};
use atvejis_domain::access::Permission;
use atvejis_domain::catalogue::ServiceTypeSpec;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

/// The new specification.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateServiceTypeRequest {
    /// The `version` you read.
    pub version: i32,
    /// Offered for new applications.
    pub active: bool,
    /// The specification (its code cannot change).
    #[schema(value_type = ServiceTypeSpecDoc)]
    pub spec: ServiceTypeSpec,
}

/// Change a service type of my municipality's catalogue.
#[utoipa::path(
    tag = "catalogue",
    params(("id" = Uuid, Path, description = "Service type id")),
    request_body = UpdateServiceTypeRequest,
    responses(
        (status = 200, description = "Changed", body = ServiceTypeView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service type", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid specification", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[put("/service-types/{id}")]
pub async fn update_service_type(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateServiceTypeRequest>,
) -> ApiResult<web::Json<ServiceTypeView>> {
    actor.require(Permission::ManageReferenceData)?;
    let JsonBody(body) = body;
    let id = id.into_inner();
    let txn = store::begin_write(&state.db).await?;
    let current = scoped::<service_types::Entity>(&actor)
        .filter(service_types::Column::Id.eq(id))
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::not_found("No such service type."))?;
    let spec = body.spec;
    let mut errors = Vec::new();
    if spec.code != current.code {
        errors.push(FieldError::new(
            "spec.code",
            "immutable",
            "the code of a service type cannot change",
        ));
    }
    if spec.name_lt.trim().is_empty() || spec.name_en.trim().is_empty() {
        errors.push(FieldError::new(
            "spec.name_lt",
            "required",
            "give both names",
        ));
    }
    if spec.decision_deadline.amount == 0 || spec.decision_deadline.amount > 365 {
        errors.push(FieldError::new(
            "spec.decision_deadline.amount",
            "range",
            "is 1–365 days",
        ));
    }
    let mut codes: Vec<&str> = spec
        .required_documents
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    codes.sort_unstable();
    if codes.windows(2).any(|w| w[0] == w[1]) || codes.iter().any(|c| c.trim().is_empty()) {
        errors.push(FieldError::new(
            "spec.required_documents",
            "invalid",
            "document codes are non-empty and unique",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let spec_json = serde_json::to_value(&spec).map_err(ApiError::internal)?;
    versioned::expect_one(
        versioned::update::<service_types::Entity>(&actor, id, body.version, store::now())
            .col_expr(service_types::Column::Spec, Expr::value(spec_json.clone()))
            .col_expr(service_types::Column::Active, Expr::value(body.active))
            .exec(&txn)
            .await?,
    )?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::ServiceTypeUpdate, "service_type", id)
            .summary(json!({ "from": current.spec, "to": spec_json, "active": body.active })),
    )
    .await?;
    let row = scoped::<service_types::Entity>(&actor)
        .filter(service_types::Column::Id.eq(id))
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::internal("service type vanished"))?;
    let result = view(row)?;
    txn.commit().await?;
    Ok(web::Json(result))
}
