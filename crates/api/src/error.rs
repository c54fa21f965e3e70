//! Errors as RFC 9457 `application/problem+json` with a stable `code`.
//!
//! Every handler returns [`ApiError`]; the extractor error handlers, the
//! default service (404/405) and the body limit (413) answer in the same
//! format. A 5xx body never carries internals: the cause goes to the log
//! with the request id, the client gets the request id only.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use std::borrow::Cow;
use utoipa::ToSchema;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

pub use crate::error_code::ErrorCode;
pub use crate::field_code::FieldCode;

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldError {
    /// The field's path in the request, e.g. `roles[1]` or `password`.
    pub field: String,
    /// Stable code of what is wrong, e.g. `required`, `length`, `invalid`.
    pub code: FieldCode,
    /// A human-readable message (English).
    pub message: String,
}

impl FieldError {
    /// A field error.
    pub fn new(field: impl Into<String>, code: FieldCode, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

/// A member whose income is missing for months of the fee's window
/// (`income_incomplete`, R-FEE-1).
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct MissingIncomeEntry {
    /// The person.
    pub person_id: uuid::Uuid,
    /// The person's name.
    pub name: String,
    /// The months without any income record (not even "no income"),
    /// `YYYY-MM`, oldest first.
    #[schema(example = json!(["2026-08", "2026-09"]))]
    pub months: Vec<String>,
}

/// An RFC 9457 problem details body.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// URI of the problem type: `urn:atvejis:problem:<code>`.
    #[schema(example = "urn:atvejis:problem:validation_failed")]
    #[serde(rename = "type")]
    pub problem_type: String,
    /// Short summary of the problem type.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence.
    pub detail: String,
    /// Stable, machine-readable code.
    pub code: ErrorCode,
    /// The request id (also in the `X-Request-Id` header), for support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The invalid fields, for 400 and 422.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// For `income_incomplete`: whose income is missing for which months.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<MissingIncomeEntry>,
}

/// An error answered as problem+json.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: ErrorCode,
    detail: Cow<'static, str>,
    errors: Vec<FieldError>,
    missing: Vec<MissingIncomeEntry>,
    retry_after: Option<u64>,
    allow: Option<String>,
    bearer_challenge: bool,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.detail)
    }
}

impl ApiError {
    /// An error with a status, a stable code and a detail.
    pub fn new(status: StatusCode, code: ErrorCode, detail: impl Into<Cow<'static, str>>) -> Self {
        debug_assert_eq!(status, code.status(), "the status of {code} is fixed");
        ApiError {
            status,
            code,
            detail: detail.into(),
            errors: Vec::new(),
            missing: Vec::new(),
            retry_after: None,
            allow: None,
            bearer_challenge: false,
        }
    }

    /// 400 with a code.
    pub fn bad_request(code: ErrorCode, detail: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }

    /// 422 `validation_failed` listing the invalid fields (sorted by field).
    pub fn validation(mut errors: Vec<FieldError>) -> Self {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::ValidationFailed,
            "The request has invalid fields; see `errors`.",
        );
        e.errors = errors;
        e
    }

    /// 422 for one invalid field.
    pub fn invalid_field(
        field: impl Into<String>,
        code: FieldCode,
        message: impl Into<String>,
    ) -> Self {
        Self::validation(vec![FieldError::new(field, code, message)])
    }

    /// The same error listing invalid fields (sorted by field).
    pub fn with_errors(mut self, mut errors: Vec<FieldError>) -> Self {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        self.errors = errors;
        self
    }

    /// 422 `income_incomplete`: the fee needs each counted member's income
    /// for each month of the window (R-FEE-1).
    pub fn income_incomplete(missing: Vec<MissingIncomeEntry>) -> Self {
        let names = missing
            .iter()
            .map(|m| format!("{} ({})", m.name, m.months.join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::IncomeIncomplete,
            format!(
                "Income is missing for: {names}. Record each month's income, or \"no income\" for a month without any."
            ),
        );
        e.missing = missing;
        e
    }

    /// The members and months of an `income_incomplete` error.
    pub fn missing_income(&self) -> &[MissingIncomeEntry] {
        &self.missing
    }

    /// 401 with a `WWW-Authenticate: Bearer` challenge.
    pub fn unauthorized(code: ErrorCode, detail: impl Into<Cow<'static, str>>) -> Self {
        let mut e = Self::new(StatusCode::UNAUTHORIZED, code, detail);
        e.bearer_challenge = true;
        e
    }

    /// 403 `forbidden`.
    pub fn forbidden(detail: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, detail)
    }

    /// 404 `not_found`.
    pub fn not_found(detail: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, detail)
    }

    /// 409 with a code.
    pub fn conflict(code: ErrorCode, detail: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::CONFLICT, code, detail)
    }

    /// 409 `version_conflict`: the record changed since the client read it.
    pub fn stale_version() -> Self {
        Self::conflict(
            ErrorCode::VersionConflict,
            "The record was changed by someone else since you read it; reload it and apply your change again.",
        )
    }

    /// 429 with `Retry-After`.
    pub fn too_many_requests(
        code: ErrorCode,
        detail: impl Into<Cow<'static, str>>,
        retry_after_secs: u64,
    ) -> Self {
        let mut e = Self::new(StatusCode::TOO_MANY_REQUESTS, code, detail);
        e.retry_after = Some(retry_after_secs.max(1));
        e
    }

    /// 405 with the allowed methods.
    pub fn method_not_allowed(allow: String) -> Self {
        let mut e = Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::MethodNotAllowed,
            format!("This resource supports: {allow}."),
        );
        e.allow = Some(allow);
        e
    }

    /// 500 `internal_error`. The cause is logged here, never sent.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::InternalError,
            "The server could not complete the request. Quote the request id when reporting it.",
        )
    }

    /// 503 `unavailable`.
    pub fn unavailable(detail: impl Into<Cow<'static, str>>) -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Unavailable,
            detail,
        )
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The field errors.
    pub fn field_errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The body as sent.
    pub fn problem(&self, request_id: Option<String>) -> Problem {
        Problem {
            problem_type: format!("urn:atvejis:problem:{}", self.code),
            title: self.status.canonical_reason().unwrap_or("Error").to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.to_string(),
            code: self.code,
            request_id,
            errors: self.errors.clone(),
            missing: self.missing.clone(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        response.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        if let Some(secs) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        if let Some(allow) = &self.allow
            && let Ok(value) = HeaderValue::from_str(allow)
        {
            response.insert_header((header::ALLOW, value));
        }
        if self.bearer_challenge {
            response.insert_header((
                header::WWW_AUTHENTICATE,
                format!(
                    r#"Bearer realm="atvejis", error="invalid_token", error_description="{}""#,
                    self.code
                ),
            ));
        }
        let body = self.problem(crate::request_id::current());
        response.body(serde_json::to_string(&body).unwrap_or_default())
    }
}

impl From<sea_orm::DbErr> for ApiError {
    /// A database failure is a 500, except when the database was only busy:
    /// a connection the pool could not give in time (every connection busy,
    /// e.g. many writes queued on one queue's lock), or a transaction the
    /// database rolled back because it met another one
    /// ([`crate::store::is_transient`]). Those are 503 `unavailable` with
    /// `Retry-After`: nothing was written, and the same request may be sent
    /// again.
    fn from(e: sea_orm::DbErr) -> Self {
        if let sea_orm::DbErr::ConnectionAcquire(cause) = &e {
            tracing::warn!(error = %cause, "no database connection in time");
        } else if crate::store::is_transient(&e) {
            tracing::warn!(error = %e, "the database rolled the transaction back; retry");
        } else {
            return ApiError::internal(format!("database: {e}"));
        }
        let mut busy =
            ApiError::unavailable("The server is busy; nothing was changed. Retry in a moment.");
        busy.retry_after = Some(1);
        busy
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> Self {
        use crate::store::StoreError as E;
        match e {
            E::NotFound(entity) => ApiError::not_found(format!("No such {entity}.")),
            E::StaleVersion => ApiError::stale_version(),
            E::Db(db) => db.into(),
            e @ E::Corrupt { .. } => ApiError::internal(e),
        }
    }
}

impl From<crate::documents::DocumentError> for ApiError {
    /// 500 `document_failed`: a template or the installation is at fault.
    /// Typst's diagnostics go to the log, never to the client.
    fn from(e: crate::documents::DocumentError) -> Self {
        tracing::error!(error = %e, "document failed");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::DocumentFailed,
            "The document could not be generated. Quote the request id when reporting it.",
        )
    }
}

impl From<sea_orm::TransactionError<ApiError>> for ApiError {
    fn from(e: sea_orm::TransactionError<ApiError>) -> Self {
        match e {
            sea_orm::TransactionError::Connection(db) => db.into(),
            sea_orm::TransactionError::Transaction(api) => api,
        }
    }
}

/// Turns `validator` errors into field errors, with nested paths.
pub fn field_errors(errors: &validator::ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    collect(errors, "", &mut out);
    out
}

fn collect(errors: &validator::ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    use validator::ValidationErrorsKind as K;
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            K::Field(list) => {
                for e in list {
                    let message = e
                        .message
                        .as_ref()
                        .map_or_else(|| default_message(&e.code), |m| m.to_string());
                    out.push(FieldError::new(
                        path.clone(),
                        FieldCode::from_validator(&e.code),
                        message,
                    ));
                }
            }
            K::Struct(inner) => collect(inner, &path, out),
            K::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

fn default_message(code: &str) -> String {
    match code {
        "length" => "has the wrong length".into(),
        "range" => "is out of range".into(),
        "required" => "is required".into(),
        "email" => "is not an e-mail address".into(),
        other => format!("is invalid ({other})"),
    }
}

/// Result of a handler.
pub type ApiResult<T> = Result<T, ApiError>;
