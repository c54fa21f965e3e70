//! `GET /api/v1/search`: the header search.

use crate::actor::Actor;
use crate::app::search::{self as app_search, SearchResults};
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use serde::Deserialize;
use utoipa::IntoParams;

/// The query.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Words of a name (case- and diacritics-insensitive: `zemaite` finds
    /// Žemaitė) or part of a case number; at least 2 letters or digits.
    pub q: String,
}

/// Search people, applications and cases the caller may see.
///
/// A few of each kind (5), with how many match in all: people by name,
/// personal code or address; applications by their person's name; cases
/// (for those who read cases) by number or a family member's name. The hits
/// show names and personal codes, so the search needs a purpose
/// (`X-Purpose`) and is recorded once (`search.read`, with how many of each
/// kind it found, never the query).
#[utoipa::path(
    tag = "me",
    params(
        SearchQuery,
        ("X-Purpose" = Purpose, Header, description = "Why you search (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "Hits by kind", body = SearchResults),
        (status = 400, description = "No query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A query of fewer than 2 letters or digits (`q`, `too_short`), or no or unknown X-Purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/search")]
pub async fn search_all(
    state: web::Data<AppState>,
    actor: Actor,
    query: web::Query<SearchQuery>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<SearchResults>> {
    Ok(web::Json(
        app_search::search(&state, &actor, purpose.0, &query.q).await?,
    ))
}
