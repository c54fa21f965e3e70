//! `GET /api/v1/users/export`: the user list as a file.

use super::list::UserFilter;
use crate::actor::Actor;
use crate::app;
use crate::app::users::UserQuery;
use crate::error::{ApiResult, Problem};
use crate::export::FormatQuery;
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
use atvejis_domain::access::Purpose;

/// Download the users of my municipality (CSV or XLSX).
///
/// The same filters and order (by username) as `GET /users`, all pages (at
/// most 50,000 rows). Columns: `prisijungimo_vardas`, `vardas_pavarde`,
/// `roles` (role codes, comma-separated), `seniunija`, `aktyvus`
/// (`taip`/`ne`). Recorded as `list.export` (`users`).
#[utoipa::path(
    tag = "users",
    params(
        UserFilter,
        FormatQuery,
        ("X-Purpose" = Purpose, Header, description = "Why you download them (recorded)"),
    ),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, description = "Invalid query (a `format` other than `csv` or `xlsx`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`export_too_large`; no or unknown X-Purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/users/export")]
pub async fn export_users(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<UserFilter>,
    format: web::Query<FormatQuery>,
    purpose: ReadPurpose,
) -> ApiResult<HttpResponse> {
    let format = format.format;
    let filter = filter.into_inner();
    let query = UserQuery {
        q: filter.q,
        role: filter.role,
        active: filter.active,
        eldership_id: filter.eldership_id,
    };
    app::users::export(&state, &actor, &query, purpose.0, format)
        .await?
        .download(format, "naudotojai")
}
