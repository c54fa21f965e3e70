//! `/api/v1/reports/*`: the reports of R-REP-1..3 and their CSV/XLSX
//! exports. Only roles with `read_reports` (division specialist, division
//! head) read them; the figures cover the reader's municipality.

use crate::actor::Actor;
use crate::app::reports::{
    self as app, OverdueReport, PeriodQuery, TimelinessReport, WaitingReport, YearQuery,
    YearlySummary,
};
use crate::error::{ApiResult, Problem};
use crate::export::FormatQuery;
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
use atvejis_domain::access::Purpose;

/// R-REP-3: the share of decisions signed by their due date, per service
/// type and month of the due date, for the due dates in the period. A
/// decision signed on its due day is on time; one not signed counts as late
/// once its due date has passed, and not at all before.
#[utoipa::path(
    tag = "reports",
    params(PeriodQuery),
    responses(
        (status = 200, description = "The report", body = TimelinessReport),
        (status = 400, description = "`invalid_query`: a date is missing or not a date", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Cannot read reports", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the period ends before it starts or is longer than 10 years", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/reports/timeliness")]
pub async fn timeliness(
    state: web::Data<AppState>,
    actor: Actor,
    period: web::Query<PeriodQuery>,
) -> ApiResult<web::Json<TimelinessReport>> {
    Ok(web::Json(
        app::timeliness(&state, &actor, period.into_inner()).await?,
    ))
}

/// R-REP-3: the timeliness report as CSV or XLSX (columns: Paslauga,
/// Mėnuo, Sprendimų, Laiku pasirašyta, Dalis laiku, %).
#[utoipa::path(
    tag = "reports",
    params(PeriodQuery, FormatQuery),
    responses(
        (status = 200, description = "The file: CSV or XLSX, as `format` asks", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 400, description = "`invalid_query`", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Cannot read reports", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the period", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/reports/timeliness/export")]
pub async fn timeliness_export(
    state: web::Data<AppState>,
    actor: Actor,
    period: web::Query<PeriodQuery>,
    format: web::Query<FormatQuery>,
) -> ApiResult<HttpResponse> {
    let period = period.into_inner();
    let report = app::timeliness(&state, &actor, period).await?;
    app::timeliness_table(&report).download(
        format.format,
        &format!("terminai-{}-{}", period.from, period.to),
    )
}

/// R-REP-3: the applications whose decision is overdue today (not signed,
/// due date passed), oldest due first. It names people: the read is
/// recorded (`report.overdue_read`) with its purpose.
#[utoipa::path(
    tag = "reports",
    params(("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)")),
    responses(
        (status = 200, description = "The list", body = OverdueReport),
        (status = 403, description = "Cannot read reports", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: no or unknown `X-Purpose`", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/reports/overdue")]
pub async fn overdue(
    state: web::Data<AppState>,
    actor: Actor,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<OverdueReport>> {
    Ok(web::Json(
        app::overdue(&state, &actor, purpose.0, None).await?,
    ))
}

/// R-REP-3: today's overdue list as CSV or XLSX (columns: Asmuo, Paslauga,
/// Prašymas gautas, Sprendimo terminas, Vėluoja dienų, Būsena). Recorded
/// like the read, with the format and the number of rows.
#[utoipa::path(
    tag = "reports",
    params(FormatQuery, ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)")),
    responses(
        (status = 200, description = "The file: CSV or XLSX, as `format` asks", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 400, description = "`invalid_query`", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Cannot read reports", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: no or unknown `X-Purpose`", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/reports/overdue/export")]
pub async fn overdue_export(
    state: web::Data<AppState>,
    actor: Actor,
    purpose: ReadPurpose,
    format: web::Query<FormatQuery>,
) -> ApiResult<HttpResponse> {
    let report = app::overdue(&state, &actor, purpose.0, Some(format.format)).await?;
    app::overdue_table(&report).download(
        format.format,
        &format!("veluojantys-sprendimai-{}", report.as_of),
    )
}

/// R-REP-2: days from the application to the decision and from the
/// decision to the start of the service (median and maximum) per service
/// type, for the decisions signed in the period; and each facility's queue
/// length at the end of every month of the period (up to today).
#[utoipa::path(
    tag = "reports",
    params(PeriodQuery),
    responses(
        (status = 200, description = "The report", body = WaitingReport),
        (status = 400, description = "`invalid_query`", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Cannot read reports", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the period", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/reports/waiting")]
pub async fn waiting(
    state: web::Data<AppState>,
    actor: Actor,
    period: web::Query<PeriodQuery>,
) -> ApiResult<web::Json<WaitingReport>> {
    Ok(web::Json(
        app::waiting(&state, &actor, period.into_inner()).await?,
    ))
}

/// R-REP-2: the waiting report as CSV or XLSX: a row per service type,
/// then a row per facility and month.
#[utoipa::path(
    tag = "reports",
    params(PeriodQuery, FormatQuery),
    responses(
        (status = 200, description = "The file: CSV or XLSX, as `format` asks", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 400, description = "`invalid_query`", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Cannot read reports", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the period", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/reports/waiting/export")]
pub async fn waiting_export(
    state: web::Data<AppState>,
    actor: Actor,
    period: web::Query<PeriodQuery>,
    format: web::Query<FormatQuery>,
) -> ApiResult<HttpResponse> {
    let period = period.into_inner();
    let report = app::waiting(&state, &actor, period).await?;
    app::waiting_table(&report).download(
        format.format,
        &format!("laukimas-{}-{}", period.from, period.to),
    )
}

/// R-REP-1: the yearly summary: distinct recipients per service type,
/// children (under 18 on their first day of the service in the year) and
/// adults apart, with the year before beside it.
#[utoipa::path(
    tag = "reports",
    params(YearQuery),
    responses(
        (status = 200, description = "The summary", body = YearlySummary),
        (status = 400, description = "`invalid_query`", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Cannot read reports", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the year is out of 2000–2100", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/reports/yearly-summary")]
pub async fn yearly_summary(
    state: web::Data<AppState>,
    actor: Actor,
    year: web::Query<YearQuery>,
) -> ApiResult<web::Json<YearlySummary>> {
    Ok(web::Json(
        app::summary(&state, &actor, year.into_inner()).await?,
    ))
}

/// R-REP-1: the yearly summary as CSV or XLSX.
#[utoipa::path(
    tag = "reports",
    params(YearQuery, FormatQuery),
    responses(
        (status = 200, description = "The file: CSV or XLSX, as `format` asks", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 400, description = "`invalid_query`", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Cannot read reports", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the year", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/reports/yearly-summary/export")]
pub async fn yearly_summary_export(
    state: web::Data<AppState>,
    actor: Actor,
    year: web::Query<YearQuery>,
    format: web::Query<FormatQuery>,
) -> ApiResult<HttpResponse> {
    let report = app::summary(&state, &actor, year.into_inner()).await?;
    app::summary_table(&report).download(format.format, &format!("suvestine-{}", report.year))
}
