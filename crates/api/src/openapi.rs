//! The OpenAPI document: the base (info, security scheme, shared schemas)
//! plus every path collected from the registered handlers.

use crate::error::{ErrorCode, FieldCode, FieldError, MissingIncomeEntry, Problem};
use crate::export::ExportFormat;
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
    components(schemas(Problem, FieldError, MissingIncomeEntry, ErrorCode, FieldCode, Purpose, Role, AuditAction, ExportFormat)),
    tags(
        (name = "auth", description = "Login, token refresh, logout, service-account tokens"),
        (name = "me", description = "The caller's own account"),
        (name = "organisation", description = "Municipality, elderships, institutions"),
        (name = "users", description = "Staff accounts (administrators)"),
        (name = "service-accounts", description = "Other municipal systems (administrators)"),
        (name = "signing-delegations", description = "Who signs decisions on which service types, and when (administrators; R-ROLE-2)"),
        (name = "cases", description = "Case management (atvejo vadyba) of families with children at social risk: cases, assessments, meetings, help plans, reviews, the monitoring journal (R-CM-1..5, R-CMP-1..5)"),
        (name = "places", description = "Facilities, places and fair queues: capacity, queues in R-Q-3 order with every position change explained, offers, admissions with the R-LIM-7 checklist, stays, the overnight shelter's arrivals (R-Q-1..5, R-LIM-7, R-DL-5)"),
        (name = "aids", description = "Technical aids: the inventory, stock per type, loans with the one-time fee and the refund of a bed returned within 12 months, the 30-day return after the user's death, the waiting list of a type out of stock (R-FEE-10, R-FEE-11, R-LIM-6)"),
        (name = "deliveries", description = "Recording the service: home help and respite schedules and visits (one path, `/deliveries`, for the visits of both), transport trips, meal lists and meal coupons (R-LIM-1..5, R-DL-4, R-FEE-6, R-FEE-7, R-FEE-12)"),
        (name = "charges", description = "Care fees of stays (fee terms and absences, R-FEE-8, R-FEE-9) and the monthly charge runs: progress, lines with their breakdown, differences between runs, CSV and XLSX exports for the accounting system, and each person's charges month by month (R-FEE-12: free services are never charged)"),
        (name = "fees", description = "The fee engine: quotes with the full breakdown (R-FEE-0..7, R-FEE-12), decisions' fee records and their monthly review"),
        (name = "procedure-parameters", description = "The terms of case management by date: R-CMP-1, -2, -4 (administrators set them)"),
        (name = "reports", description = "Reports computed from the records, each also as CSV or XLSX: timeliness of decisions and today's overdue list (R-REP-3), waiting times and queue lengths (R-REP-2), the yearly summary of recipients with the year before (R-REP-1)"),
        (name = "audit", description = "The audit log (auditors)"),
        (name = "data-subjects", description = "The data subject's questions (GDPR art. 15): find a person, who read or changed their data and why, and the exports of everything stored about them (auditors, the data protection officer)"),
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

/// Documents on every operation the answers that the framework gives it
/// whatever its handler says (issue 8, bullet 19), so that an operation
/// added later gets them too; an operation's own description of a status
/// wins. All are `application/problem+json` [`Problem`]s:
///
/// - with a body: 400 (`malformed_json`, `unreadable_body`), 413
///   (`payload_too_large`), 415 (`unsupported_media_type`), 422
///   (`validation_failed`, also control characters);
/// - with query parameters: 400 (`invalid_query`) and 422 (values out of
///   range, control characters);
/// - with header parameters (`X-Purpose`): 422;
/// - with a bearer token: 401 (the codes of the document's description)
///   and 403 (`forbidden`);
/// - with path parameters: 404 (`not_found`, also for ids that do not
///   parse).
pub fn complete_responses(api: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::{Operation, ParameterIn};
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};

    fn add(op: &mut Operation, status: &str, description: &str) {
        op.responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| {
                RefOr::T(
                    ResponseBuilder::new()
                        .description(description)
                        .content(
                            "application/problem+json",
                            ContentBuilder::new()
                                .schema(Some(Ref::from_schema_name("Problem")))
                                .build(),
                        )
                        .build(),
                )
            });
    }

    for (path, item) in api.paths.paths.iter_mut() {
        let has_path_params = path.contains('{');
        for op in [
            item.get.as_mut(),
            item.put.as_mut(),
            item.post.as_mut(),
            item.patch.as_mut(),
            item.delete.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            let params_in = |place: ParameterIn| {
                op.parameters.iter().flatten().any(|p| match p {
                    RefOr::T(p) => p.parameter_in == place,
                    RefOr::Ref(_) => false,
                })
            };
            let has_query = params_in(ParameterIn::Query);
            let has_header = params_in(ParameterIn::Header);
            let has_body = op.request_body.is_some();
            let secured = op
                .security
                .as_ref()
                .and_then(|s| serde_json::to_value(s).ok())
                .is_some_and(|s| s.to_string().contains("\"bearer\""));
            if has_body {
                add(op, "400", "The body is not valid JSON or cannot be read");
                add(op, "413", "The body is too large (payload_too_large)");
                add(op, "415", "The body is not JSON (unsupported_media_type)");
                add(op, "422", "Invalid fields (validation_failed)");
            }
            if has_query {
                add(op, "400", "Invalid query (invalid_query)");
                add(op, "422", "Invalid query values (validation_failed)");
            }
            if has_header {
                add(op, "422", "Invalid or missing header (validation_failed)");
            }
            if secured {
                add(op, "401", "Not logged in, or the token is not valid");
                add(
                    op,
                    "403",
                    "Your role or scope does not allow this (forbidden)",
                );
            }
            if has_path_params {
                add(op, "404", "No such record in your scope (not_found)");
            }
        }
    }
}
