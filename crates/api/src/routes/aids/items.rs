//! `/api/v1/aids`: the inventory, the stock per type and the price table.

use crate::actor::Actor;
use crate::app::aids::items::{
    self as app, AidFilter, AidItemPage, AidItemWritten, AidPriceView, CreateAidRequest, Stock,
    UpdateAidRequest,
};
use crate::app::common::PageParams;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, get, patch, post, web};
use uuid::Uuid;

/// The inventory of my municipality, by type and serial number, with each
/// item's open loan.
#[utoipa::path(
    tag = "aids",
    params(AidFilter, PageParams),
    responses(
        (status = 200, description = "A page of items", body = AidItemPage),
        (status = 403, description = "No access to deliveries", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/aids")]
pub async fn list_aids(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<AidFilter>,
    page: web::Query<PageParams>,
) -> ApiResult<web::Json<AidItemPage>> {
    Ok(web::Json(
        app::list(&state, &actor, filter.into_inner(), page.into_inner()).await?,
    ))
}

/// The stock per type: items available, on loan and in repair, the people
/// waiting, and the first of them (next when an item is available).
#[utoipa::path(
    tag = "aids",
    responses(
        (status = 200, description = "The stock per type", body = Stock),
        (status = 403, description = "No access to deliveries", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/aids/stock")]
pub async fn aid_stock(state: web::Data<AppState>, actor: Actor) -> ApiResult<web::Json<Stock>> {
    Ok(web::Json(app::stock(&state, &actor).await?))
}

/// The price table of my municipality (R-FEE-10 fees, R-FEE-11 refunds),
/// each row in force from its date; seeded with the prices in force since
/// 2017-01-02.
#[utoipa::path(
    tag = "aids",
    responses(
        (status = 200, description = "The prices", body = Vec<AidPriceView>),
        (status = 403, description = "No access to deliveries", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/aids/prices")]
pub async fn aid_prices(
    state: web::Data<AppState>,
    actor: Actor,
) -> ApiResult<web::Json<Vec<AidPriceView>>> {
    Ok(web::Json(app::prices(&state, &actor).await?))
}

/// One item, with the first person waiting for its type when available.
#[utoipa::path(
    tag = "aids",
    params(("id" = Uuid, Path, description = "Item id")),
    responses(
        (status = 200, description = "The item", body = AidItemWritten),
        (status = 403, description = "No access to deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/aids/{id}")]
pub async fn get_aid(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<AidItemWritten>> {
    Ok(web::Json(app::get(&state, &actor, id.into_inner()).await?))
}

/// Add an item to the inventory. The answer names the first person waiting
/// for the type (next; nothing is issued automatically).
#[utoipa::path(
    tag = "aids",
    request_body = CreateAidRequest,
    responses(
        (status = 201, description = "Added", body = AidItemWritten),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`aid_serial_taken`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`on_loan` is set only by a loan)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/aids")]
pub async fn create_aid(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<CreateAidRequest>,
) -> ApiResult<HttpResponse> {
    let view = app::create(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created().json(view))
}

/// Change an item: serial number, new/used, condition, location, status
/// (available, in repair, written off; not of an item on loan).
#[utoipa::path(
    tag = "aids",
    params(("id" = Uuid, Path, description = "Item id")),
    request_body = UpdateAidRequest,
    responses(
        (status = 200, description = "The item as it is now", body = AidItemWritten),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`aid_serial_taken`, `aid_on_loan`, stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/aids/{id}")]
pub async fn update_aid(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateAidRequest>,
) -> ApiResult<web::Json<AidItemWritten>> {
    Ok(web::Json(
        app::update(&state, &actor, id.into_inner(), body.0).await?,
    ))
}
