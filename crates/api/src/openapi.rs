//! The OpenAPI document: the base (info, security scheme, shared schemas)
//! plus every path collected from the registered handlers.

use crate::error::{ErrorCode, FieldCode, FieldError, MissingIncomeEntry, Problem};
use crate::store::audit::AuditAction;
use atvejis_domain::access::{Purpose, Role};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// The base document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Atvejis API",
        description = "Case management for Lithuanian municipal social services.\n\n\
            Log in with `POST /api/v1/auth/login` (staff) or `POST /api/v1/auth/token` \
            (service accounts) and send `Authorization: Bearer <access_token>`. \
            Errors are RFC 9457 `application/problem+json` with a stable `code`. \
            Every record belongs to one municipality; nobody sees another's.\n\n\
            A 401 says why in its `code`: `unauthenticated` (no token), `invalid_token`, \
            `token_expired` (expired, or the account changed since it was issued: \
            get a new one with the refresh token or the client credentials), \
            `session_ended` (logged out, or ended by a password change) and \
            `account_gone` (deactivated): log in again.",
        license(name = "EUPL-1.2"),
    ),
    modifiers(&BearerAuth),
    components(schemas(Problem, FieldError, MissingIncomeEntry, ErrorCode, FieldCode, Purpose, Role, AuditAction)),
    tags(
        (name = "auth", description = "Login, token refresh, logout, service-account tokens"),
        (name = "me", description = "The caller's own account"),
        (name = "organisation", description = "Municipality, elderships, institutions"),
        (name = "users", description = "Staff accounts (administrators)"),
        (name = "service-accounts", description = "Other municipal systems (administrators)"),
        (name = "signing-delegations", description = "Who signs decisions on which service types, and when (administrators; R-ROLE-2)"),
        (name = "audit", description = "The audit log (auditors)"),
        (name = "health", description = "Liveness and readiness"),
    ),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.bearer_format = Some("JWT".into());
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// The complete document, as served at `/api/openapi.json` and committed as
/// `openapi/openapi.json`.
pub fn document() -> utoipa::openapi::OpenApi {
    crate::startup::routes_and_openapi().1
}

/// The document as pretty JSON with a final newline (the committed form).
pub fn document_json() -> String {
    let mut json = document().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}
