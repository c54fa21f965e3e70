//! `POST /api/v1/cases`.

use crate::actor::Actor;
use crate::app;
use crate::app::cases::{CaseView, NewCase};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use atvejis_domain::cases::CaseOrigin;
use serde::Deserialize;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A case to open (R-CM-1).
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct OpenCaseRequest {
    /// The family (create it first with `POST /families`, or pick one).
    pub family_id: Uuid,
    /// The children the case concerns: current members of the family.
    #[validate(length(min = 1, max = 20))]
    pub children: Vec<Uuid>,
    /// Who initiated it.
    pub origin: CaseOrigin,
    /// The date of the notice or the request.
    pub notice_date: Date,
    /// The notice's reference number (required for a child-rights notice).
    #[validate(length(max = 100))]
    #[schema(example = "2SS-1234")]
    pub notice_reference: Option<String>,
    /// Who sent it: the child-rights service's unit, the organisation.
    #[validate(length(max = 300))]
    pub referred_by: Option<String>,
    /// Why the case is opened.
    #[validate(length(min = 1, max = 4000))]
    pub reason: String,
}

/// Open a case for a family (R-CM-1).
#[utoipa::path(
    tag = "cases",
    request_body = OpenCaseRequest,
    responses(
        (status = 201, description = "Opened", body = CaseView, headers(("Location" = String, description = "The case"))),
        (status = 403, description = "Not allowed to open cases", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The family already has an open case (case_open_for_family)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (unknown family, a child not of the family, no reference for a notice)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/cases")]
pub async fn open_case(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<OpenCaseRequest>,
) -> ApiResult<HttpResponse> {
    let ValidJson(body) = body;
    let view = app::cases::open(
        &state,
        &actor,
        NewCase {
            family_id: body.family_id,
            children: body.children,
            origin: body.origin,
            notice_date: body.notice_date,
            notice_reference: body.notice_reference,
            referred_by: body.referred_by,
            reason: body.reason,
        },
    )
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/api/v1/cases/{}", view.summary.id),
        ))
        .json(view))
}
