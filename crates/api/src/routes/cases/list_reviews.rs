//! `GET /api/v1/cases/{id}/reviews`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::reviews::ReviewList;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use uuid::Uuid;

/// The reviews of the case's plan (R-CMP-4), newest first. The read is
/// recorded (`case.read`) with its purpose.
#[utoipa::path(
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "Case id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The reviews", body = ReviewList),
        (status = 403, description = "No access to cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/cases/{id}/reviews")]
pub async fn list_reviews(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<ReviewList>> {
    Ok(web::Json(
        app::cases::reviews::list(&state, &actor, purpose.0, id.into_inner()).await?,
    ))
}
