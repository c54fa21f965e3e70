//! `GET /api/v1/applications/export` and `/applications/inbox/export`: the
//! list and the inbox as files.

use super::inbox::InboxFilter;
use super::list::ApplicationFilter;
use crate::actor::Actor;
use crate::app::applications::{ListFilter, export};
use crate::error::{ApiResult, Problem};
use crate::export::FormatQuery;
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
use atvejis_domain::access::Purpose;
use atvejis_domain::application::ApplicationStatus;

/// Download the applications (CSV or XLSX).
///
/// The same filters, scope and order (newest first) as `GET /applications`,
/// all pages (at most 50,000 rows; more → 422 `export_too_large`).
/// Columns: `gauta`, `pavarde`, `vardas`, `asmens_kodas`, `paslauga`,
/// `statusas` (the status code), `sprendimo_terminas`, `veluoja`
/// (`taip`/`ne`), `pranesimo_terminas`, `perdavimo_terminas`, `seniunija`.
/// Recorded as `list.export` (`applications`).
#[utoipa::path(
    tag = "applications",
    params(
        ApplicationFilter,
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
#[get("/applications/export")]
pub async fn export_applications(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<ApplicationFilter>,
    format: web::Query<FormatQuery>,
    purpose: ReadPurpose,
) -> ApiResult<HttpResponse> {
    let format = format.format;
    let filter = filter.into_inner();
    let filter = ListFilter {
        status: filter.status.map(ApplicationStatus::as_str),
        service_code: filter.service_code,
        eldership_id: filter.eldership_id,
        person_id: filter.person_id,
    };
    export::applications(&state, &actor, filter, purpose.0, format)
        .await?
        .download(format, "prasymai")
}

/// Download the division's inbox (CSV or XLSX).
///
/// The same filters and order as `GET /applications/inbox`: the waiting
/// applications (`skiltis` `laukia_sprendimo`), then the signed ones with a
/// notification or hand-over to record (`liko_pranesti_ar_perduoti`); the
/// other columns as in `/applications/export`. Recorded as `list.export`
/// (`inbox`) with the purpose sent.
#[utoipa::path(
    tag = "applications",
    params(
        InboxFilter,
        FormatQuery,
        ("X-Purpose" = Purpose, Header, description = "Why you download it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, description = "Invalid query (a `format` other than `csv` or `xlsx`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not in the Social Support Division", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No or unknown X-Purpose", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/applications/inbox/export")]
pub async fn export_inbox(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<InboxFilter>,
    format: web::Query<FormatQuery>,
    purpose: ReadPurpose,
) -> ApiResult<HttpResponse> {
    let format = format.format;
    export::inbox(
        &state,
        &actor,
        filter.service_code.as_deref(),
        filter.eldership_id,
        purpose.0,
        format,
    )
    .await?
    .download(format, "gautieji")
}
