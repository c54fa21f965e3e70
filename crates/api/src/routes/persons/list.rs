//! `GET /api/v1/persons`: search.

use super::{PersonView, view};
use crate::actor::Actor;
use crate::error::{ApiResult, Problem};
use crate::routes::common::PageParams;
use crate::state::AppState;
use crate::store::entities::persons;
use crate::store::scope::scoped;
use actix_web::{get, web};
use atvejis_domain::access::Permission;
use atvejis_domain::personal_code::PersonalCode;
use atvejis_domain::text::fold_for_search;
use sea_orm::sea_query::LikeExpr;
use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Search terms.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PersonSearch {
    /// Words of the name or address, case- and diacritics-insensitive
    /// (`zemaite` finds Žemaitė).
    pub q: Option<String>,
    /// A personal code, exactly.
    pub personal_code: Option<String>,
    /// Only people of this eldership.
    pub eldership_id: Option<Uuid>,
}

/// A page of people.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PersonPage {
    /// People, by last and first name.
    pub items: Vec<PersonView>,
    /// All matches.
    pub total: u64,
    /// This page.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// Search people.
#[utoipa::path(
    tag = "persons",
    params(PersonSearch, PageParams),
    responses(
        (status = 200, description = "A page of people", body = PersonPage),
        (status = 400, description = "Invalid query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/persons")]
pub async fn list_persons(
    state: web::Data<AppState>,
    actor: Actor,
    search: web::Query<PersonSearch>,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<PersonPage>> {
    actor.require(Permission::ReadCaseContent)?;
    let (page, per_page) = paging.resolve()?;
    let mut query = scoped::<persons::Entity>(&actor);
    if let Some(code) = search
        .personal_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        // A code that is not valid matches nobody.
        let code = PersonalCode::parse(code)
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default();
        query = query.filter(persons::Column::PersonalCode.eq(code));
    }
    if let Some(q) = search.q.as_deref() {
        for word in fold_for_search(q).split_whitespace() {
            // Folded text holds only [a-z0-9 ], so no LIKE wildcard can slip in.
            query =
                query.filter(persons::Column::SearchText.like(LikeExpr::new(format!("%{word}%"))));
        }
    }
    if let Some(eldership) = search.eldership_id {
        query = query.filter(persons::Column::EldershipId.eq(eldership));
    }
    let paginator = query
        .order_by_asc(persons::Column::LastName)
        .order_by_asc(persons::Column::FirstName)
        .order_by_asc(persons::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        items.push(view(&state.db, row).await?);
    }
    Ok(web::Json(PersonPage {
        items,
        total,
        page,
        per_page,
    }))
}
