//! `POST /api/v1/service-accounts`.

use super::ServiceAccountWithSecret;
use crate::actor::Actor;
use crate::app;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use atvejis_domain::scopes::ServiceScope;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

/// A new service account.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreateServiceAccountRequest {
    /// Which system it is, e.g. "Dokumentų valdymo sistema".
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    /// Scopes it may ask for, at least one.
    #[validate(length(min = 1))]
    pub scopes: Vec<ServiceScope>,
}

/// Create a service account in my municipality.
#[utoipa::path(
    tag = "service-accounts",
    request_body = CreateServiceAccountRequest,
    responses(
        (status = 201, description = "Created; the secret is in the body, this once", body = ServiceAccountWithSecret),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/service-accounts")]
pub async fn create_service_account(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<CreateServiceAccountRequest>,
) -> ApiResult<HttpResponse> {
    let ValidJson(body) = body;
    let (account, secret) =
        app::service_accounts::create(&state, &actor, &body.name, &body.scopes).await?;
    let id = account.id;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/service-accounts/{id}")))
        .json(ServiceAccountWithSecret {
            account: account.into(),
            client_secret: secret,
        }))
}
