//! `GET /api/v1/persons/{id}/charges`.

use crate::actor::Actor;
use crate::app::charges::person::{self as app, PersonChargeMonth};
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use uuid::Uuid;

/// What a person received and was charged, month by month (newest first):
/// the lines of each month's latest finished charge run. The read is
/// recorded (`person.charges_read`) with its purpose.
#[utoipa::path(
    tag = "charges",
    params(
        ("id" = Uuid, Path, description = "Person id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The months", body = Vec<PersonChargeMonth>),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/persons/{id}/charges")]
pub async fn person_charges(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<Vec<PersonChargeMonth>>> {
    Ok(web::Json(
        app::of_person(&state, &actor, purpose.0, id.into_inner()).await?,
    ))
}
