//! `POST /api/v1/auth/token`: OAuth 2.0 client credentials for service
//! accounts (RFC 6749 §4.4). The body is form-encoded (the standard) or JSON;
//! the client authenticates with HTTP Basic or with `client_id` and
//! `client_secret` in the body.

use crate::actor::RequestMeta;
use crate::auth::jwt::{PrincipalKind, Subject, unix_now};
use crate::auth::throttle;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{is_json, parse_json, payload_error, unsupported_media_type};
use crate::state::AppState;
use crate::store;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::service_accounts as sa;
use actix_web::http::header;
use actix_web::{HttpRequest, post, web};
use atvejis_domain::scopes;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
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

/// An access token for a service account.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ClientToken {
    /// Bearer token.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until it expires.
    pub expires_in: u64,
    /// The scopes granted, space-separated.
    pub scope: String,
}

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

    let now = store::now();
    let key = format!("client:{client_id}");
    if let Err(retry_after) = throttle::begin(&state.db, &key, &meta.client_addr, now).await? {
        return Err(ApiError::too_many_requests(
            ErrorCode::TooManyAttempts,
            "Too many failed attempts. Wait and try again.",
            retry_after,
        ));
    }
    let account = sa::Entity::find()
        .filter(sa::Column::ClientId.eq(client_id.as_str()))
        .one(&state.db)
        .await?;
    let secret_ok = state
        .hasher
        .verify(secret, account.as_ref().map(|a| a.secret_hash.clone()))
        .await?;
    let account = match account {
        Some(account) if secret_ok && account.active => account,
        _ => return Err(invalid_client()),
    };

    let held = scopes::parse_list(&account.scopes)
        .map_err(|e| ApiError::internal(format!("stored scopes: {e}")))?;
    let granted = match request
        .scope
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => held,
        Some(wanted) => {
            let wanted = scopes::parse_list(wanted)
                .map_err(|e| ApiError::bad_request(ErrorCode::InvalidScope, e))?;
            if let Some(extra) = wanted.iter().find(|s| !held.contains(s)) {
                return Err(ApiError::bad_request(
                    ErrorCode::InvalidScope,
                    format!("The account does not hold the scope `{}`.", extra.as_str()),
                ));
            }
            wanted
        }
    };
    let scope = scopes::format_list(&granted);
    let subject = Subject {
        kind: PrincipalKind::Service,
        id: account.id,
        name: account.client_id.clone(),
        municipality_id: account.municipality_id,
        eldership_id: None,
        roles: Vec::new(),
        scope: Some(scope.clone()),
        session_id: None,
        version: account.version,
    };
    let access_token = state
        .jwt
        .issue(&subject, unix_now())
        .map_err(|e| ApiError::internal(format!("jwt: {e}")))?;

    let txn = store::begin_write(&state.db).await?;
    throttle::clear(&txn, &key, &meta.client_addr).await?;
    let who = AuditActor {
        kind: "service",
        id: Some(account.id),
        name: account.client_id.clone(),
        municipality_id: Some(account.municipality_id),
        request_id: meta.request_id.clone(),
        client_addr: Some(meta.client_addr.clone()),
    };
    audit::record(
        &txn,
        &who,
        crate::store::now(),
        AuditEvent::new(AuditAction::AuthClientToken, "service_account", account.id)
            .summary(json!({ "scope": scope })),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(ClientToken {
        access_token,
        token_type: "Bearer".into(),
        expires_in: state.jwt.ttl().as_secs(),
        scope,
    }))
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
