//! `POST /api/v1/signing-delegations`.

use crate::actor::Actor;
use crate::app;
use crate::app::signing_delegations::{DelegationView, NewDelegation};
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A signing delegation to grant.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreateDelegationRequest {
    /// Who may sign: a user of my municipality holding the signing role
    /// (`division_head`), not myself.
    pub user_id: Uuid,
    /// The service types (catalogue codes) whose decisions they may sign.
    #[validate(length(min = 1, max = 50))]
    #[schema(example = json!(["home_help", "respite"]))]
    pub service_codes: Vec<String>,
    /// In force from (today at the earliest).
    pub valid_from: Date,
    /// In force until, inclusive (none: until revoked).
    pub valid_until: Option<Date>,
    /// The authority, e.g. the director's order and its number.
    #[validate(length(min = 1, max = 300))]
    #[schema(example = "Administracijos direktoriaus 2026-12-01 įsakymas Nr. A-1234")]
    pub reference: String,
}

/// Grant a signing delegation (R-ROLE-2).
#[utoipa::path(
    tag = "signing-delegations",
    request_body = CreateDelegationRequest,
    responses(
        (status = 201, description = "Granted", body = DelegationView, headers(("Location" = String, description = "The delegation list of the user"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "forbidden (not an administrator), or self_delegation", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such user in my municipality", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (unknown service type, dates, a user whose roles do not sign)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/signing-delegations")]
pub async fn create_signing_delegation(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<CreateDelegationRequest>,
) -> ApiResult<HttpResponse> {
    let ValidJson(body) = body;
    let new = NewDelegation {
        user_id: body.user_id,
        service_codes: body.service_codes,
        valid_from: body.valid_from,
        valid_until: body.valid_until,
        reference: body.reference,
    };
    let view = app::signing_delegations::grant(&state, &actor, new).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/api/v1/signing-delegations?user_id={}", view.user.id),
        ))
        .json(view))
}
