//! `GET /api/v1/families/{id}`: the family and its income per member.

use crate::actor::Actor;
use crate::app::families;
pub use crate::app::families::{FamilyFile, FamilyIncome};
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use serde::Deserialize;
use time::Date;
use utoipa::IntoParams;
use uuid::Uuid;

/// The reference date.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IncomeOn {
    /// The date income is averaged before (the 3 calendar months before its
    /// month); default today.
    pub on: Option<Date>,
}

/// One family. The read is recorded (`family.read`) with its purpose.
#[utoipa::path(
    tag = "families",
    params(
        ("id" = Uuid, Path, description = "Family id"),
        IncomeOn,
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The family", body = FamilyFile),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such family in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No or unknown X-Purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/families/{id}")]
pub async fn get_family(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    query: web::Query<IncomeOn>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<FamilyFile>> {
    Ok(web::Json(
        families::get(&state, &actor, purpose.0, id.into_inner(), query.on).await?,
    ))
}
