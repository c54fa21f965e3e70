//! `GET /api/v1/persons/export`: the search's results as a file.

use super::list::PersonSearch;
use crate::actor::Actor;
use crate::app::persons::search;
use crate::error::{ApiResult, Problem};
use crate::export::FormatQuery;
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
use atvejis_domain::access::Purpose;

/// Download the people a search finds (CSV or XLSX).
///
/// The same terms, scope and order as `GET /persons`, all pages (at most
/// 50,000 rows; more → 422 `export_too_large`). Columns: `pavarde`,
/// `vardas`, `asmens_kodas`, `gimimo_data`, `deklaruota_gyvenamoji_vieta`,
/// `seniunija`, `telefonas`, `el_pastas`. Recorded as `list.export`
/// (`persons`, the format, the number of rows, the kinds of query, the
/// purpose).
#[utoipa::path(
    tag = "persons",
    params(
        PersonSearch,
        FormatQuery,
        ("X-Purpose" = Purpose, Header, description = "Why you download them (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, description = "Invalid query (a `format` other than `csv` or `xlsx`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`export_too_large`; no or unknown X-Purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/persons/export")]
pub async fn export_persons(
    state: web::Data<AppState>,
    actor: Actor,
    terms: web::Query<PersonSearch>,
    format: web::Query<FormatQuery>,
    purpose: ReadPurpose,
) -> ApiResult<HttpResponse> {
    let format = format.format;
    search::export(&state, &actor, purpose.0, terms.parse(), format)
        .await?
        .download(format, "asmenys")
}
