//! `/api/v1/meal-lists`: named daily meal lists with each recipient's
//! signature (R-LIM-4); meals are free (R-FEE-12).

use crate::actor::Actor;
use crate::app::common::PageParams;
use crate::app::deliveries::meals::{
    self as app, MealListFilter, MealListPage, MealListView, NewMealList, NewMealRecipient,
};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

/// The meal lists of the municipality, by day, month or person.
#[utoipa::path(
    tag = "deliveries",
    params(MealListFilter, PageParams),
    responses(
        (status = 200, description = "A page of meal lists", body = MealListPage),
        (status = 403, description = "Not allowed to read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range or bad month", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/meal-lists")]
pub async fn list_meal_lists(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<MealListFilter>,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<MealListPage>> {
    Ok(web::Json({
        let (page, per_page) = paging.resolve()?;
        app::list(&state, &actor, filter.into_inner(), page, per_page).await?
    }))
}

/// Create a named meal list for a working day (R-LIM-4).
#[utoipa::path(
    tag = "deliveries",
    request_body = NewMealList,
    responses(
        (status = 201, description = "Created", body = MealListView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; `meal_not_working_day` (R-LIM-4)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/meal-lists")]
pub async fn create_meal_list(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<NewMealList>,
) -> ApiResult<HttpResponse> {
    let created = app::create(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created().json(created))
}

/// A meal list with its recipients.
#[utoipa::path(
    tag = "deliveries",
    params(("id" = Uuid, Path, description = "Meal list id")),
    responses(
        (status = 200, description = "The list", body = MealListView),
        (status = 403, description = "Not allowed to read deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meal list", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/meal-lists/{id}")]
pub async fn get_meal_list(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<MealListView>> {
    Ok(web::Json(app::get(&state, &actor, id.into_inner()).await?))
}

/// Add a recipient with their signature (or an authorised person's): a person with a signed meals decision in force, once a day, at most 5 times a week, at most 12 months a year (R-LIM-4).
#[utoipa::path(
    tag = "deliveries",
    params(("id" = Uuid, Path, description = "Meal list id")),
    request_body = NewMealRecipient,
    responses(
        (status = 200, description = "The list with the recipient", body = MealListView),
        (status = 403, description = "Not allowed to record deliveries", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meal list or person", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (no meals decision in force); `meal_once_a_day`, `meal_weekly_limit_exceeded`, `meal_months_exceeded` (R-LIM-4)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/meal-lists/{id}/recipients")]
pub async fn add_meal_recipient(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<NewMealRecipient>,
) -> ApiResult<web::Json<MealListView>> {
    Ok(web::Json(
        app::add(&state, &actor, id.into_inner(), body.0).await?,
    ))
}
