//! `GET /api/v1/users`.

use crate::actor::Actor;
use crate::app;
use crate::app::common::PageParams;
use crate::app::users::UserQuery;
use crate::error::{ApiResult, Problem};
use crate::routes::users::view::UserView;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Role;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Filters of the user list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserFilter {
    /// Part of the username or display name, case-insensitive.
    pub q: Option<String>,
    /// Only users holding this role.
    pub role: Option<Role>,
    /// Only active (`true`) or deactivated (`false`) users.
    pub active: Option<bool>,
    /// Only users of this eldership.
    pub eldership_id: Option<Uuid>,
}

/// A page of users.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct UserPage {
    /// The users, by username.
    pub items: Vec<UserView>,
    /// All matching users.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// List the users of my municipality.
#[utoipa::path(
    tag = "users",
    params(UserFilter, PageParams),
    responses(
        (status = 200, description = "A page of users", body = UserPage),
        (status = 400, description = "Invalid query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<UserFilter>,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<UserPage>> {
    let (page, per_page) = paging.resolve()?;
    let filter = filter.into_inner();
    let query = UserQuery {
        q: filter.q,
        role: filter.role,
        active: filter.active,
        eldership_id: filter.eldership_id,
    };
    let (records, total) = app::users::list(&state, &actor, &query, page, per_page).await?;
    Ok(web::Json(UserPage {
        items: records.into_iter().map(UserView::from).collect(),
        total,
        page,
        per_page,
    }))
}
