//! `POST /api/v1/auth/token`: OAuth 2.0 client credentials for service
//! accounts (RFC 6749 §4.4). The body is form-encoded (the standard) or JSON;
//! the client authenticates with HTTP Basic or with `client_id` and
//! `client_secret` in the body.

use crate::actor::RequestMeta;
use crate::app;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{is_json, parse_json, payload_error, unsupported_media_type};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, post, web};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;
use utoipa::ToSchema;

/// A client-credentials token request.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ClientCredentialsRequest {
    /// Must be `client_credentials`.
    #[schema(example = "client_credentials")]
    pub grant_type: String,
    /// The client id (or use HTTP Basic).
    pub client_id: Option<String>,
    /// The client secret (or use HTTP Basic).
    pub client_secret: Option<String>,
    /// Space-separated scopes wanted; default: all the account holds.
    pub scope: Option<String>,
}

pub use crate::app::auth::ClientToken;

fn invalid_client() -> ApiError {
    ApiError::unauthorized(ErrorCode::InvalidClient, "Unknown client or wrong secret.")
}

/// Get a token for a service account.
#[utoipa::path(
    tag = "auth",
    request_body(content(
        (ClientCredentialsRequest = "application/x-www-form-urlencoded"),
        (ClientCredentialsRequest = "application/json"),
    )),
    responses(
        (status = 200, description = "A token", body = ClientToken),
        (status = 400, description = "unsupported_grant_type, invalid_scope, malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "invalid_client", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither form nor JSON", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts", body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/token")]
pub async fn token(
    state: web::Data<AppState>,
    meta: RequestMeta,
    req: HttpRequest,
    body: Result<web::Bytes, actix_web::Error>,
) -> ApiResult<web::Json<ClientToken>> {
    let body = body.map_err(payload_error)?;
    let mut request: ClientCredentialsRequest = if is_json(&req) {
        parse_json(&body)?
    } else if is_form(&req) {
        serde_urlencoded::from_bytes(&body).map_err(|e| {
            ApiError::bad_request(
                ErrorCode::MalformedForm,
                format!("The form body is invalid: {e}."),
            )
        })?
    } else {
        return Err(unsupported_media_type());
    };
    if request.grant_type != "client_credentials" {
        return Err(ApiError::bad_request(
            ErrorCode::UnsupportedGrantType,
            "Only grant_type=client_credentials is supported.",
        ));
    }
    if let Some((id, secret)) = basic_credentials(&req) {
        request.client_id = Some(id);
        request.client_secret = Some(secret);
    }
    let (Some(client_id), Some(secret)) = (request.client_id, request.client_secret) else {
        return Err(invalid_client());
    };
    if client_id.len() > 128 || secret.len() > 256 {
        return Err(invalid_client());
    }

    app::auth::client_token(&state, &meta, &client_id, secret, request.scope.as_deref())
        .await
        .map(web::Json)
}

fn is_form(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| {
            m.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// `Authorization: Basic base64(client_id:client_secret)`.
fn basic_credentials(req: &HttpRequest) -> Option<(String, String)> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}
