//! `GET /api/v1/cases/{id}/plan/versions/{number}/pdf`.

use crate::actor::Actor;
use crate::app;
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::http::header::{
    CacheControl, CacheDirective, ContentDisposition, DispositionParam, DispositionType,
};
use actix_web::{HttpResponse, get, web};
use atvejis_domain::access::Purpose;
use uuid::Uuid;

/// A version of the help plan as the PDF the family signs (R-CMP-3): in
/// Lithuanian, with the municipality's name, the family, the goals, the
/// actions with their responsibles and dates, and signature lines. The read
/// is recorded (`case.plan_print`) with its purpose.
#[utoipa::path(
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "Case id"),
        ("number" = i32, Path, description = "Version number (1, 2, …)"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The plan as PDF", content_type = "application/pdf", body = String, headers(("Content-Disposition" = String, description = "attachment; filename=planas-<number>-v<version>.pdf"))),
        (status = 403, description = "No access to cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope, or no such version", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "The document could not be generated (document_failed)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/cases/{id}/plan/versions/{number}/pdf")]
pub async fn plan_pdf(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, i32)>,
    purpose: ReadPurpose,
) -> ApiResult<HttpResponse> {
    let (id, number) = path.into_inner();
    let pdf = app::cases::plan_pdf::plan_pdf(&state, &actor, purpose.0, id, number).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(pdf.file_name)],
        })
        .insert_header(CacheControl(vec![CacheDirective::NoStore]))
        .body(pdf.bytes))
}
