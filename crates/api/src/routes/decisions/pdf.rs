//! `GET /api/v1/decisions/{id}/pdf` and
//! `GET /api/v1/decisions/{id}/notification-letter/pdf`.

use crate::actor::Actor;
use crate::app::decisions::document::{DecisionPdf, DecisionPrintout, decision_pdf};
use crate::error::{ApiResult, Problem};
use crate::extract::ReadPurpose;
use crate::state::AppState;
use actix_web::http::header::{
    CacheControl, CacheDirective, ContentDisposition, DispositionParam, DispositionType,
};
use actix_web::{HttpResponse, get, web};
use atvejis_domain::access::Purpose;
use uuid::Uuid;

fn attachment(pdf: DecisionPdf) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(pdf.file_name)],
        })
        .insert_header(CacheControl(vec![CacheDirective::NoStore]))
        .body(pdf.bytes)
}

/// The decision (SP-9) as a PDF: the municipality and the issuing unit, the
/// number and date, the person, the service, granted or refused with the
/// reasoning, the fee explained in plain Lithuanian with its rules
/// (R-FEE-0..3), the start date, who prepared and who signed, how to
/// appeal. A decision not yet signed prints as a draft marked "PROJEKTAS".
/// The read is recorded (`decision.print`) with its purpose.
#[utoipa::path(
    tag = "decisions",
    params(
        ("id" = Uuid, Path, description = "Decision id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The decision as PDF", content_type = "application/pdf", body = String, headers(("Content-Disposition" = String, description = "attachment; filename=sprendimas-<number>.pdf"))),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "The document could not be generated (document_failed)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/decisions/{id}/pdf")]
pub async fn get_decision_pdf(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<HttpResponse> {
    let pdf = decision_pdf(
        &state,
        &actor,
        purpose.0,
        id.into_inner(),
        DecisionPrintout::Decision,
    )
    .await?;
    Ok(attachment(pdf))
}

/// The letter notifying the person of a signed decision (R-DL-3), as a PDF
/// from the decision's data, dated the day the notification was recorded
/// (else the day it is printed). The read is recorded (`decision.print`).
#[utoipa::path(
    tag = "decisions",
    params(
        ("id" = Uuid, Path, description = "Decision id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The letter as PDF", content_type = "application/pdf", body = String, headers(("Content-Disposition" = String, description = "attachment; filename=pranesimas-<number>.pdf"))),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such decision in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The decision is not signed yet (invalid_transition)", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "The document could not be generated (document_failed)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/decisions/{id}/notification-letter/pdf")]
pub async fn get_notification_letter_pdf(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<HttpResponse> {
    let pdf = decision_pdf(
        &state,
        &actor,
        purpose.0,
        id.into_inner(),
        DecisionPrintout::NotificationLetter,
    )
    .await?;
    Ok(attachment(pdf))
}
