//! `PUT /api/v1/service-types/{id}`: an administrator edits the catalogue.

use super::{ServiceTypeSpecDoc, ServiceTypeView};
use crate::actor::Actor;
use crate::app::{self, catalogue::ServiceTypeChange};
use crate::error::{ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use actix_web::{put, web};
use atvejis_domain::catalogue::ServiceTypeSpec;
use serde::Deserialize;
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
    let JsonBody(body) = body;
    let change = ServiceTypeChange {
        version: body.version,
        active: body.active,
        spec: body.spec,
    };
    let row = app::catalogue::update_service_type(&state, &actor, id.into_inner(), change).await?;
    Ok(web::Json(row.into()))
}
