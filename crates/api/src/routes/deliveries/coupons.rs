//! `/api/v1/coupons`: meal coupon grants and the coupon journal (R-LIM-5);
//! coupons are free (R-FEE-12).

use crate::actor::Actor;
use crate::app::common::PageParams;
use crate::app::deliveries::coupons::{
    self as app, CouponFilter, CouponGrantPage, CouponGrantView, NewCouponGrant, NewCouponIssue,
};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

/// The meal coupon grants of the municipality with their journals.
#[utoipa::path(
    tag = "deliveries",
    params(CouponFilter, PageParams),
    responses(
        (status = 200, description = "A page of grants", body = CouponGrantPage),
        (status = 403, description = "Not allowed to read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range or bad month", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/coupons")]
pub async fn list_coupon_grants(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<CouponFilter>,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<CouponGrantPage>> {
    Ok(web::Json({
        let (page, per_page) = paging.resolve()?;
        app::list(&state, &actor, filter.into_inner(), page, per_page).await?
    }))
}

/// Record a grant of meal coupons: 30 by the director's decision for a person returning from prison, or the number and period the social-support commission decided, assigned by the director (R-LIM-5).
#[utoipa::path(
    tag = "deliveries",
    request_body = NewCouponGrant,
    responses(
        (status = 201, description = "Granted", body = CouponGrantView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (not 30 for a return from prison; the commission's decision missing)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/coupons")]
pub async fn grant_coupons(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<NewCouponGrant>,
) -> ApiResult<HttpResponse> {
    let created = app::grant(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created().json(created))
}

/// A coupon grant with its journal.
#[utoipa::path(
    tag = "deliveries",
    params(("id" = Uuid, Path, description = "Coupon grant id")),
    responses(
        (status = 200, description = "The grant", body = CouponGrantView),
        (status = 403, description = "Not allowed to read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such coupon grant", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/coupons/{id}")]
pub async fn get_coupon_grant(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<CouponGrantView>> {
    Ok(web::Json(app::get(&state, &actor, id.into_inner()).await?))
}

/// Record an issue of coupons in the journal: how many, who received them (the person or an authorised person, named) and the signature; never more than granted (R-LIM-5).
#[utoipa::path(
    tag = "deliveries",
    params(("id" = Uuid, Path, description = "Coupon grant id")),
    request_body = NewCouponIssue,
    responses(
        (status = 200, description = "The grant with the issue", body = CouponGrantView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such coupon grant", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; `coupons_exceed_grant` (R-LIM-5)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/coupons/{id}/issues")]
pub async fn issue_coupons(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<NewCouponIssue>,
) -> ApiResult<web::Json<CouponGrantView>> {
    Ok(web::Json(
        app::issue(&state, &actor, id.into_inner(), body.0).await?,
    ))
}
