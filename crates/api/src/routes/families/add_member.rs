//! `POST /api/v1/families/{id}/members`.

use super::FamilyView;
use crate::actor::Actor;
use crate::app::families;
pub use crate::app::families::MemberInput;
use crate::error::{ApiResult, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use actix_web::{post, web};
use uuid::Uuid;

/// Add a member to a family.
#[utoipa::path(
    tag = "families",
    params(("id" = Uuid, Path, description = "Family id")),
    request_body = MemberInput,
    responses(
        (status = 200, description = "Added", body = FamilyView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such family or person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already a member (already_member)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/families/{id}/members")]
pub async fn add_member(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: JsonBody<MemberInput>,
) -> ApiResult<web::Json<FamilyView>> {
    Ok(web::Json(
        families::add_member(&state, &actor, id.into_inner(), body.0).await?,
    ))
}
