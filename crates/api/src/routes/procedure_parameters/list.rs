//! `GET /api/v1/procedure-parameters`.

use crate::actor::Actor;
use crate::app;
use crate::app::procedure_parameters::ParametersView;
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, web};

/// The procedure parameters: every set by date, the defaults and what is in
/// force today.
#[utoipa::path(
    tag = "procedure-parameters",
    responses(
        (status = 200, description = "The parameters", body = ParametersView),
        (status = 403, description = "Neither an administrator nor in case management", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/procedure-parameters")]
pub async fn list_procedure_parameters(
    state: web::Data<AppState>,
    actor: Actor,
) -> ApiResult<web::Json<ParametersView>> {
    Ok(web::Json(
        app::procedure_parameters::list(&state, &actor).await?,
    ))
}
