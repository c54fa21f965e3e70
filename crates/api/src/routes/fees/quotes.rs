//! `POST /api/v1/fee-quotes`.

use crate::actor::Actor;
use crate::app::fees::quote::{self as app, QuoteRequest};
use crate::app::fees::views::FeeBreakdown;
use crate::error::{ApiResult, Problem};
use crate::extract::{ReadPurpose, ValidJson};
use crate::state::AppState;
use actix_web::{HttpRequest, post, web};
use atvejis_domain::access::Purpose;

/// Quote the monthly fee of a service type on a date, with every step:
/// for a stored person (`person_id`: their recorded income and family over
/// the 3 months before `on`; the read is recorded, `fee.quote_read`, and
/// needs `X-Purpose`) or for a household given in the body. Home help and
/// respite need `hours` (R-FEE-1..3); transport `km_one_way` (one trip,
/// R-FEE-4..7 under R-FEE-2's floor), with `destination_free` (R-FEE-6) or
/// `full_price` (R-FEE-7: no income needed). Free services answer 0
/// (R-FEE-12). Group living care (R-FEE-8/9) takes the care fields,
/// technical aids (R-FEE-10/11) `aid_type` and `newness`. A paid service
/// type whose catalogue entry names no fee rule answers 422
/// `quote_not_available`. Nothing is stored.
#[utoipa::path(
    tag = "fees",
    request_body = QuoteRequest,
    params(
        ("X-Purpose" = Option<Purpose>, Header, description = "Why you read the person's income (required with `person_id`; recorded)"),
    ),
    responses(
        (status = 200, description = "The fee with its breakdown", body = FeeBreakdown),
        (status = 403, description = "Not a role that quotes fees", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field the service needs is missing or out of range (named), an unknown service type, income_incomplete, rate_missing, or quote_not_available", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/fee-quotes")]
pub async fn quote_fee(
    state: web::Data<AppState>,
    actor: Actor,
    req: HttpRequest,
    body: ValidJson<QuoteRequest>,
) -> ApiResult<web::Json<FeeBreakdown>> {
    let purpose = || ReadPurpose::of(&req);
    Ok(web::Json(
        app::quote(&state, &actor, purpose, body.0).await?,
    ))
}
