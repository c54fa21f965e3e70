//! `GET /api/v1/persons/{id}/eligibility`: hints for the intake form.

use crate::actor::Actor;
use crate::app::persons::search;
pub use crate::app::persons::search::{Eligibility, HintView};
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

/// For which service.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EligibilityQuery {
    /// The service type's code.
    pub service_code: String,
}

/// Eligibility hints (R-EL-1 … R-EL-5, R-CM-5) for a person and a service.
///
/// The hints show certificates and income: the read is recorded
/// (`person.eligibility_read`) with its purpose.
#[utoipa::path(
    tag = "persons",
    params(
        ("id" = Uuid, Path, description = "Person id"),
        EligibilityQuery,
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The hints", body = Eligibility),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "unknown_service_type, or no or unknown X-Purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/persons/{id}/eligibility")]
pub async fn eligibility(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    query: web::Query<EligibilityQuery>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<Eligibility>> {
    Ok(web::Json(
        search::eligibility(
            &state,
            &actor,
            purpose.0,
            id.into_inner(),
            &query.service_code,
        )
        .await?,
    ))
}
