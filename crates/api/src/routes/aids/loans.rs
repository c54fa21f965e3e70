//! `/api/v1/aid-loans`: issuing an aid with its fee (R-FEE-10), returning
//! it with the refund of a bed back within 12 months (R-FEE-11), the
//! user's death and the 30-day return (R-LIM-6).

use crate::actor::Actor;
use crate::app::aids::AidLoanView;
use crate::app::aids::loans::{
    self as app, AidLoanPage, DeathRequest, IssueLoanRequest, LoanFilter, ReturnLoanRequest,
    ReturnedLoan,
};
use crate::app::common::PageParams;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

/// The loans of my municipality, latest issue first, each with its fee,
/// refund and, after the user's death, the day it is due back and whether
/// it is overdue (R-LIM-6).
#[utoipa::path(
    tag = "aids",
    params(LoanFilter, PageParams),
    responses(
        (status = 200, description = "A page of loans", body = AidLoanPage),
        (status = 403, description = "No access to deliveries", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/aid-loans")]
pub async fn list_loans(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<LoanFilter>,
    page: web::Query<PageParams>,
) -> ApiResult<web::Json<AidLoanPage>> {
    Ok(web::Json(
        app::list(&state, &actor, filter.into_inner(), page.into_inner()).await?,
    ))
}

/// One loan.
#[utoipa::path(
    tag = "aids",
    params(("id" = Uuid, Path, description = "Loan id")),
    responses(
        (status = 200, description = "The loan", body = AidLoanView),
        (status = 403, description = "No access to deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such loan", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/aid-loans/{id}")]
pub async fn get_loan(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<AidLoanView>> {
    Ok(web::Json(app::get(&state, &actor, id.into_inner()).await?))
}

/// Issue an aid to a person: a named available item, or the first available
/// item of a type. The one-time fee in force on the day of issue is stored
/// on the loan (R-FEE-10); the F027/a extract must be at most 12 months old
/// (R-LIM-6). With no item of the type available: `aid_out_of_stock` — put
/// the person on the waiting list (`POST /aids/waiting`).
#[utoipa::path(
    tag = "aids",
    request_body = IssueLoanRequest,
    responses(
        (status = 201, description = "Issued", body = AidLoanView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`aid_not_available`, `aid_out_of_stock`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`aid_extract_invalid` (R-LIM-6), `aid_no_price` (R-FEE-10); invalid fields, no such person, item or decision", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/aid-loans")]
pub async fn issue_loan(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<IssueLoanRequest>,
) -> ApiResult<HttpResponse> {
    let view = app::issue(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created().json(view))
}

/// Return a loan: a bed back within 12 months of its issue (the same day
/// 12 months later included) earns the refund, stored on the loan
/// (R-FEE-11); the item is available again (in repair when damaged) and
/// used from now on. The answer names the first person waiting for the
/// type (next; nothing is issued automatically).
#[utoipa::path(
    tag = "aids",
    params(("id" = Uuid, Path, description = "Loan id")),
    request_body = ReturnLoanRequest,
    responses(
        (status = 200, description = "Returned", body = ReturnedLoan),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such loan", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`aid_not_on_loan` (already returned), stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A return date in the future or before the issue", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/aid-loans/{id}/return")]
pub async fn return_loan(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<ReturnLoanRequest>,
) -> ApiResult<web::Json<ReturnedLoan>> {
    Ok(web::Json(
        app::return_loan(&state, &actor, id.into_inner(), body.0).await?,
    ))
}

/// Record the user's death on a loan: the aid is due back within 30 days
/// (R-LIM-6) and shown overdue after that day.
#[utoipa::path(
    tag = "aids",
    params(("id" = Uuid, Path, description = "Loan id")),
    request_body = DeathRequest,
    responses(
        (status = 200, description = "Recorded", body = AidLoanView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such loan", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`aid_not_on_loan` (already returned), stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A date in the future or before the issue", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/aid-loans/{id}/death")]
pub async fn record_death(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<DeathRequest>,
) -> ApiResult<web::Json<AidLoanView>> {
    Ok(web::Json(
        app::record_death(&state, &actor, id.into_inner(), body.0).await?,
    ))
}
