//! `GET /api/v1/persons`: search.

use crate::actor::Actor;
use crate::app::common::PageParams;
use crate::app::persons::search;
pub use crate::app::persons::search::PersonPage;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use crate::store::persons::{CodeFilter, Search};
use actix_web::{get, web};
use atvejis_domain::access::Purpose;
use atvejis_domain::personal_code::PersonalCode;
use atvejis_domain::text::fold_for_search;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

/// Search terms.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PersonSearch {
    /// Words of the name or address, case- and diacritics-insensitive
    /// (`zemaite` finds Žemaitė).
    pub q: Option<String>,
    /// A personal code, exactly (one that is not valid finds nobody).
    pub personal_code: Option<String>,
    /// Only people of this eldership.
    pub eldership_id: Option<Uuid>,
}

impl PersonSearch {
    pub(crate) fn parse(&self) -> Search {
        let code = match self
            .personal_code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            None => CodeFilter::Any,
            Some(raw) => PersonalCode::parse(raw).map_or(CodeFilter::Nobody, CodeFilter::Exactly),
        };
        Search {
            words: self
                .q
                .as_deref()
                .map(|q| {
                    fold_for_search(q)
                        .split_whitespace()
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
            code,
            eldership_id: self.eldership_id,
        }
    }
}

/// Search people.
///
/// The results show personal codes, so a search is a read of case content:
/// it needs a purpose (`X-Purpose`, 422 without one) and is recorded once
/// (`person.search`, with the kind of query and the number of results, not
/// the query text). `total` is exact up to 1,000; when more people match,
/// it says 1,000 and `more_than_total` is true (narrow the search).
#[utoipa::path(
    tag = "persons",
    params(
        PersonSearch,
        PageParams,
        ("X-Purpose" = Purpose, Header, description = "Why you search (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "A page of people", body = PersonPage),
        (status = 400, description = "Invalid query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Page out of range, or no or unknown X-Purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/persons")]
pub async fn list_persons(
    state: web::Data<AppState>,
    actor: Actor,
    search: web::Query<PersonSearch>,
    paging: web::Query<PageParams>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<PersonPage>> {
    let (page, per_page) = paging.resolve()?;
    Ok(web::Json(
        search::search(&state, &actor, purpose.0, search.parse(), page, per_page).await?,
    ))
}
