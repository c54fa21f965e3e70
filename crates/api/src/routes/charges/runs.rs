//! `/api/v1/charge-runs`: monthly charge runs (`RunCharges`).

use crate::actor::Actor;
use crate::app::charges::export;
use crate::app::charges::runs::{
    self as app, ChargeDifferences, ChargeLinePage, ChargeRunPage, ChargeRunView, StartRunRequest,
};
use crate::app::common::PageParams;
use crate::error::{ApiResult, Problem};
use crate::export::attachment;
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use uuid::Uuid;

/// The charge runs of my municipality, newest first.
#[utoipa::path(
    tag = "charges",
    params(PageParams),
    responses(
        (status = 200, description = "A page of runs", body = ChargeRunPage),
        (status = 403, description = "Cannot run charges", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/charge-runs")]
pub async fn list_runs(
    state: web::Data<AppState>,
    actor: Actor,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<ChargeRunPage>> {
    let (page, per_page) = paging.resolve()?;
    let (items, total) = app::list(&state, &actor, page, per_page).await?;
    Ok(web::Json(ChargeRunPage {
        items,
        total,
        page,
        per_page,
    }))
}

/// Start the charge run of an ended month for my municipality. Answers at
/// once (202) with the run; the work goes on in the background: poll
/// `GET /charge-runs/{id}` for `processed_recipients` of
/// `total_recipients` until `status` is `done` (or `failed`, with the
/// `error`; run it again). Running a month again with nothing changed
/// stores no new lines and says `changed: false`; after a correction the
/// new version's `differences` show each person's previous and new total.
/// Free services are never charged (R-FEE-12).
#[utoipa::path(
    tag = "charges",
    request_body = StartRunRequest,
    responses(
        (status = 202, description = "Started", body = ChargeRunView),
        (status = 403, description = "Cannot run charges", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`charge_run_running`: a run of this month is running", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`month_not_ended`; not a month", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/charge-runs")]
pub async fn start_run(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<StartRunRequest>,
) -> ApiResult<HttpResponse> {
    let run = app::start(&state, &actor, body.0).await?;
    Ok(HttpResponse::Accepted().json(run))
}

/// A charge run with its progress.
#[utoipa::path(
    tag = "charges",
    params(("id" = Uuid, Path, description = "Run id")),
    responses(
        (status = 200, description = "The run", body = ChargeRunView),
        (status = 403, description = "Cannot run charges", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such run", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/charge-runs/{id}")]
pub async fn get_run(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ChargeRunView>> {
    Ok(web::Json(app::get(&state, &actor, id.into_inner()).await?))
}

/// The charge lines of a run, by person: person, service, source and its
/// id, quantity, unit, amount, the breakdown and the rule IDs. The read is
/// recorded.
#[utoipa::path(
    tag = "charges",
    params(("id" = Uuid, Path, description = "Run id"), PageParams),
    responses(
        (status = 200, description = "A page of lines", body = ChargeLinePage),
        (status = 403, description = "Cannot run charges", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such run", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/charge-runs/{id}/charges")]
pub async fn run_charges(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    paging: web::Query<PageParams>,
) -> ApiResult<web::Json<ChargeLinePage>> {
    let (page, per_page) = paging.resolve()?;
    Ok(web::Json(
        app::charges(&state, &actor, id.into_inner(), page, per_page).await?,
    ))
}

/// Per person, the previous run's total and this run's: only the people
/// whose totals changed (empty when nothing changed).
#[utoipa::path(
    tag = "charges",
    params(("id" = Uuid, Path, description = "Run id")),
    responses(
        (status = 200, description = "The differences", body = ChargeDifferences),
        (status = 403, description = "Cannot run charges", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such run", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`charge_run_running`: the run has not finished", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/charge-runs/{id}/differences")]
pub async fn run_differences(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ChargeDifferences>> {
    Ok(web::Json(
        app::differences_of(&state, &actor, id.into_inner()).await?,
    ))
}

/// The run's lines as CSV for the accounting system: UTF-8 with a BOM,
/// `;`-separated, decimal comma, CRLF (what Excel in the Lithuanian locale
/// opens into columns: its list separator is `;` because `,` is the
/// decimal separator). Columns: `asmens_kodas` (personal code);
/// `vardas_pavarde` (name); `paslauga` (service); `laikotarpis` (period,
/// `YYYY-MM-DD/YYYY-MM-DD`); `kiekis` (quantity); `vienetas` (unit);
/// `suma_eur` (amount, EUR, 2 decimals); `taisykle` (rule IDs); `saltinis`
/// (source); `saltinio_id` (source id). The read is recorded.
#[utoipa::path(
    tag = "charges",
    params(("id" = Uuid, Path, description = "Run id")),
    responses(
        (status = 200, description = "The CSV file", content_type = "text/csv", body = String),
        (status = 403, description = "Cannot run charges", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such run", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`charge_run_running`: no lines yet", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/charge-runs/{id}/export.csv")]
pub async fn export_csv(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (run, rows) = app::export_rows(&state, &actor, id.into_inner()).await?;
    Ok(attachment(
        "text/csv; charset=utf-8",
        format!("mokesciai-{}-v{}.csv", run.month, run.version),
        export::csv(&rows).into_bytes(),
    ))
}

/// The run's lines as an Excel workbook: the columns of the CSV, amounts
/// as numbers with 2 decimals. The read is recorded.
#[utoipa::path(
    tag = "charges",
    params(("id" = Uuid, Path, description = "Run id")),
    responses(
        (status = 200, description = "The XLSX file", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = String),
        (status = 403, description = "Cannot run charges", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such run", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`charge_run_running`: no lines yet", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/charge-runs/{id}/export.xlsx")]
pub async fn export_xlsx(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (run, rows) = app::export_rows(&state, &actor, id.into_inner()).await?;
    let bytes = export::xlsx(&rows, &run.month)?;
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        format!("mokesciai-{}-v{}.xlsx", run.month, run.version),
        bytes,
    ))
}
