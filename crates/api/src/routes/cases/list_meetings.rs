//! `GET /api/v1/cases/{id}/meetings`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::meetings::MeetingList;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use uuid::Uuid;

/// The case's meetings with their participants and decisions, newest
/// first. The read is recorded (`case.read`) with its purpose.
#[utoipa::path(
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "Case id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The meetings", body = MeetingList),
        (status = 403, description = "No access to cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/cases/{id}/meetings")]
pub async fn list_meetings(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<MeetingList>> {
    Ok(web::Json(
        app::cases::meetings::list(&state, &actor, purpose.0, id.into_inner()).await?,
    ))
}
