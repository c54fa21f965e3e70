//! `GET /api/v1/persons/{id}`: the person's file.

use crate::actor::Actor;
use crate::app::persons::file;
pub use crate::app::persons::file::{MembershipView, PersonFile, TimelineEvent};
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use uuid::Uuid;

/// A person's file: data, families, income, certificates, applications and
/// decisions in a timeline.
///
/// The read is recorded (who, when, why: the `X-Purpose` header, e.g.
/// `needs_assessment`); without a purpose it is refused (422).
#[utoipa::path(
    tag = "persons",
    params(
        ("id" = Uuid, Path, description = "Person id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The file", body = PersonFile),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No or unknown X-Purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/persons/{id}")]
pub async fn get_person(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<PersonFile>> {
    Ok(web::Json(
        file::file(&state, &actor, purpose.0, id.into_inner()).await?,
    ))
}
