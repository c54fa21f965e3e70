//! `/api/v1/data-subjects`: the data subject's questions (GDPR art. 15) —
//! find a person, who read or changed their data, and the exports. For
//! `answer_data_subjects` (auditor, data protection officer); every answer
//! is recorded with the purpose `data_subject_request`.

use crate::actor::Actor;
use crate::app::data_subjects::{self, DataSubjectAccess};
use crate::app::persons::PersonView;
use crate::error::{ApiResult, Problem};
use crate::export::{ExportFormat, attachment};
use crate::state::AppState;
use crate::store::data_subjects::AccessQuery;
use actix_web::{HttpResponse, get, web};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The lookup.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubjectQuery {
    /// A name (words, case- and diacritics-insensitive: `zemaite` finds
    /// Žemaitė) or an 11-digit personal code.
    pub q: String,
}

/// People found.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DataSubjectList {
    /// At most 20, by last and first name.
    pub items: Vec<PersonView>,
}

/// Find a person to answer their request (GDPR art. 15).
///
/// Every eldership of the reader's municipality. The lookup is recorded
/// (`data_subject.search`, purpose `data_subject_request`): the kind of query
/// and how many were found, never the query itself.
#[utoipa::path(
    tag = "data-subjects",
    params(SubjectQuery),
    responses(
        (status = 200, description = "People found", body = DataSubjectList),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an auditor or the data protection officer", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No name or code given", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/data-subjects")]
pub async fn find_data_subjects(
    state: web::Data<AppState>,
    actor: Actor,
    query: web::Query<SubjectQuery>,
) -> ApiResult<web::Json<DataSubjectList>> {
    let items = data_subjects::search(&state, &actor, &query.q).await?;
    Ok(web::Json(DataSubjectList { items }))
}

/// A period and page of the accesses.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccessFilter {
    /// From this time on (RFC 3339).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[param(value_type = Option<String>, format = DateTime)]
    pub from: Option<OffsetDateTime>,
    /// Before this time (RFC 3339).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[param(value_type = Option<String>, format = DateTime)]
    pub to: Option<OffsetDateTime>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<Uuid>,
    /// Records per page, 1–200 (default 50).
    pub limit: Option<u64>,
}

impl AccessFilter {
    fn query(&self) -> AccessQuery {
        AccessQuery {
            from: self.from,
            to: self.to,
            before: self.cursor,
        }
    }
}

/// A page of accesses.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DataSubjectAccessPage {
    /// Newest first.
    pub items: Vec<DataSubjectAccess>,
    /// Pass as `cursor` for the next (older) page; absent on the last page.
    pub next_cursor: Option<Uuid>,
}

/// Who read or changed a person's data, when and why.
///
/// Every audit record about the person's file, their applications and those
/// applications' decisions, the families they belong or belonged to, the
/// cases of those families (or naming them as a child), their stays, queue
/// entries and offers, fee records, trips, home-help schedules and visits,
/// meal coupons and technical aids — newest first, with the staff member's
/// full name. Searches are recorded without the people they found, so they
/// are not among them. The read is recorded (`data_subject.accesses_read`).
#[utoipa::path(
    tag = "data-subjects",
    params(("id" = Uuid, Path, description = "Person id"), AccessFilter),
    responses(
        (status = 200, description = "A page, newest first", body = DataSubjectAccessPage),
        (status = 400, description = "Invalid query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an auditor or the data protection officer", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your municipality", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Limit out of range, or the period ends before it starts", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/data-subjects/{id}/accesses")]
pub async fn list_data_subject_accesses(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    filter: web::Query<AccessFilter>,
) -> ApiResult<web::Json<DataSubjectAccessPage>> {
    let limit = filter.limit.unwrap_or(50);
    let (items, more) =
        data_subjects::accesses(&state, &actor, id.into_inner(), &filter.query(), limit).await?;
    let next_cursor = more.then(|| items.last().map(|a| a.id)).flatten();
    Ok(web::Json(DataSubjectAccessPage { items, next_cursor }))
}

/// A period of the accesses to export.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccessExportFilter {
    /// `csv` or `xlsx`.
    pub format: ExportFormat,
    /// From this time on (RFC 3339).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[param(value_type = Option<String>, format = DateTime)]
    pub from: Option<OffsetDateTime>,
    /// Before this time (RFC 3339).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[param(value_type = Option<String>, format = DateTime)]
    pub to: Option<OffsetDateTime>,
}

/// The accesses of the period as a CSV or Excel file.
///
/// Lithuanian headers and labels. Recorded as an export
/// (`data_subject.export`, with the format and the number of rows).
#[utoipa::path(
    tag = "data-subjects",
    params(("id" = Uuid, Path, description = "Person id"), AccessExportFilter),
    responses(
        (status = 200, description = "The file", content_type = "text/csv", body = String),
        (status = 400, description = "Invalid query (an unknown format)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an auditor or the data protection officer", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your municipality", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The period ends before it starts", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/data-subjects/{id}/accesses/export")]
pub async fn export_data_subject_accesses(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    filter: web::Query<AccessExportFilter>,
) -> ApiResult<HttpResponse> {
    let query = AccessQuery {
        from: filter.from,
        to: filter.to,
        before: None,
    };
    data_subjects::accesses_file(&state, &actor, id.into_inner(), &query, filter.format).await
}

/// Everything stored about the person and the log of its reads, as JSON.
///
/// The person record, income, certificates, families (the other members'
/// names and relations only), applications with their assessments,
/// decisions with their fees, fee records, stays, queue entries and offers,
/// deliveries, technical aids, charges, the cases they are in, and
/// `accesses` (as `…/accesses`). Recorded as an export
/// (`data_subject.export`, format `json`).
#[utoipa::path(
    tag = "data-subjects",
    params(("id" = Uuid, Path, description = "Person id")),
    responses(
        (status = 200, description = "The JSON file", content_type = "application/json", body = Object),
        (status = 403, description = "Not an auditor or the data protection officer", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your municipality", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/data-subjects/{id}/export.json")]
pub async fn export_data_subject_json(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let file = data_subjects::export_json(&state, &actor, id.into_inner()).await?;
    Ok(attachment("application/json", file.file_name, file.bytes))
}

/// The same as `export.json` as a readable Lithuanian PDF.
///
/// Typeset from the template `data-subject-export.typ`. Recorded as an
/// export (`data_subject.export`, format `pdf`).
#[utoipa::path(
    tag = "data-subjects",
    params(("id" = Uuid, Path, description = "Person id")),
    responses(
        (status = 200, description = "The PDF", content_type = "application/pdf", body = String),
        (status = 403, description = "Not an auditor or the data protection officer", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your municipality", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "The document could not be generated (document_failed)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/data-subjects/{id}/export.pdf")]
pub async fn export_data_subject_pdf(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let file = data_subjects::export_pdf(&state, &actor, id.into_inner()).await?;
    Ok(attachment("application/pdf", file.file_name, file.bytes))
}
