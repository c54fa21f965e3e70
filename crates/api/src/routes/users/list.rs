//! `GET /api/v1/users`.

use crate::actor::Actor;
use crate::error::{ApiResult, Problem};
use crate::routes::common::PageParams;
use crate::routes::users::view::{UserView, views};
use crate::state::AppState;
use crate::store::contains_pattern;
use crate::store::entities::{user_roles, users as users_table};
use crate::store::scope::scoped;
use actix_web::{get, web};
use atvejis_domain::access::{Permission, Role};
use sea_orm::sea_query::{Expr, Func, Query};
use sea_orm::{ColumnTrait, Condition, ExprTrait, PaginatorTrait, QueryFilter, QueryOrder};
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
    #[param(value_type = Option<crate::routes::common::RoleSchema>)]
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
    actor.require(Permission::ManageUsers)?;
    let (page, per_page) = paging.resolve()?;
    let mut query = scoped::<users_table::Entity>(&actor);
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = contains_pattern(q);
        query = query.filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col(users_table::Column::Username)))
                        .like(pattern.clone()),
                )
                .add(
                    Expr::expr(Func::lower(Expr::col(users_table::Column::DisplayName)))
                        .like(pattern),
                ),
        );
    }
    if let Some(active) = filter.active {
        query = query.filter(users_table::Column::Active.eq(active));
    }
    if let Some(eldership) = filter.eldership_id {
        query = query.filter(users_table::Column::EldershipId.eq(eldership));
    }
    if let Some(role) = filter.role {
        query = query.filter(
            users_table::Column::Id.in_subquery(
                Query::select()
                    .column(user_roles::Column::UserId)
                    .from(user_roles::Entity)
                    .and_where(user_roles::Column::Role.eq(role.as_str()))
                    .to_owned(),
            ),
        );
    }
    let paginator = query
        .order_by_asc(users_table::Column::Username)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;
    Ok(web::Json(UserPage {
        items: views(&state.db, rows).await?,
        total,
        page,
        per_page,
    }))
}
