//! Request body extraction with problem+json errors.
//!
//! [`ValidJson`] reads a JSON body within the configured limit (413 beyond
//! it), refuses other media types (415), answers 400 `malformed_json` for
//! broken JSON and 422 `validation_failed` naming the field for JSON of the
//! wrong shape or values that fail validation. The query and path extractor
//! configurations make `web::Query` and `web::Path` answer problem+json too.

use crate::error::{ApiError, ErrorCode, FieldCode, FieldError, field_errors};
use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, web};
use atvejis_domain::access::Purpose;
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use validator::Validate;

/// A JSON body of type `T`, deserialised and validated.
#[derive(Debug)]
pub struct ValidJson<T>(pub T);

impl<T> std::ops::Deref for ValidJson<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = JsonBody::<T>::from_request(req, payload);
        Box::pin(async move {
            let JsonBody(value) = body.await?;
            let errors = validation_errors(&value);
            if errors.is_empty() {
                Ok(ValidJson(value))
            } else {
                Err(ApiError::validation(errors))
            }
        })
    }
}

/// A JSON body of type `T`, deserialised but not validated: for handlers
/// that add checks of their own to [`validation_errors`] and answer all
/// invalid fields at once.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let media_type_ok = is_json(req);
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if !media_type_ok {
                return Err(unsupported_media_type());
            }
            let bytes = bytes.await.map_err(payload_error)?;
            Ok(JsonBody(parse_json(&bytes)?))
        })
    }
}

/// The field errors of `value`'s `validator` rules (empty when valid).
pub fn validation_errors(value: &impl Validate) -> Vec<FieldError> {
    value
        .validate()
        .err()
        .map(|e| field_errors(&e))
        .unwrap_or_default()
}

/// Whether the request says its body is JSON (`application/json` or `…+json`).
pub fn is_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|mime| {
            let mime = mime.trim().to_ascii_lowercase();
            mime == "application/json"
                || (mime.starts_with("application/") && mime.ends_with("+json"))
        })
        .unwrap_or(false)
}

/// 415 for a body that is not JSON.
pub fn unsupported_media_type() -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::UnsupportedMediaType,
        "Send the body as JSON with `Content-Type: application/json`.",
    )
}

/// Deserialises JSON, naming the field that has the wrong shape. Text with
/// control characters (other than tab and newline) is refused before any
/// field is read: PostgreSQL cannot store NUL, and no form has a use for the
/// others (422, `control_character`, naming each field).
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        ApiError::bad_request(
            ErrorCode::MalformedJson,
            format!("The body is not valid JSON: {e}."),
        )
    })?;
    let mut errors = Vec::new();
    control_characters_in(&value, "", &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let field = if path == "." { String::new() } else { path };
        ApiError::validation(vec![FieldError::new(
            field,
            FieldCode::Invalid,
            strip_position(&inner.to_string()),
        )])
    })
}

/// Whether `text` has a control character other than tab and newline.
pub fn has_control_character(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\t' && c != '\n')
}

fn control_characters_in(value: &serde_json::Value, path: &str, out: &mut Vec<FieldError>) {
    use serde_json::Value;
    let message = "contains a control character (only tab and newline are allowed)";
    match value {
        Value::String(text) if has_control_character(text) => {
            out.push(FieldError::new(path, FieldCode::ControlCharacter, message));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                control_characters_in(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let field = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                if has_control_character(key) {
                    out.push(FieldError::new(
                        field.clone(),
                        FieldCode::ControlCharacter,
                        message,
                    ));
                }
                control_characters_in(item, &field, out);
            }
        }
        _ => {}
    }
}

/// Middleware: a query string whose decoded text has a control character
/// (other than tab and newline) is refused with 422 before any handler
/// runs, on every route (search filters, paging, …).
pub async fn refuse_control_characters_in_query(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    let bad: Vec<FieldError> =
        serde_urlencoded::from_str::<Vec<(String, String)>>(req.query_string())
            .unwrap_or_default()
            .into_iter()
            .filter(|(key, value)| has_control_character(key) || has_control_character(value))
            .map(|(key, _)| {
                FieldError::new(
                    key,
                    FieldCode::ControlCharacter,
                    "contains a control character (only tab and newline are allowed)",
                )
            })
            .collect();
    if bad.is_empty() {
        Ok(next.call(req).await?.map_into_boxed_body())
    } else {
        Err(ApiError::validation(bad).into())
    }
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Maps body read errors: too large → 413, anything else → 400.
pub fn payload_error(e: actix_web::Error) -> ApiError {
    match e.as_error::<PayloadError>() {
        Some(PayloadError::Overflow) => payload_too_large(),
        _ if e.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE => {
            payload_too_large()
        }
        _ => ApiError::bad_request(
            ErrorCode::UnreadableBody,
            "The request body could not be read.",
        ),
    }
}

/// 413.
pub fn payload_too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::PayloadTooLarge,
        "The request body is larger than this server accepts.",
    )
}

/// Extractor configurations answering problem+json.
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _| {
        ApiError::bad_request(
            ErrorCode::InvalidQuery,
            format!("The query string is invalid: {err}."),
        )
        .into()
    })
}

/// Path parameters that do not parse name no resource: 404.
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_, _| ApiError::not_found("No such resource.").into())
}

/// Body size limit for `web::Bytes`, `web::Form` and [`ValidJson`].
pub fn payload_config(limit: usize) -> web::PayloadConfig {
    web::PayloadConfig::new(limit)
}

/// `web::Form` bodies answer problem+json too.
pub fn form_config(limit: usize) -> web::FormConfig {
    web::FormConfig::default()
        .limit(limit)
        .error_handler(|err, _| match err {
            actix_web::error::UrlencodedError::Overflow { .. } => payload_too_large().into(),
            other => ApiError::bad_request(
                ErrorCode::MalformedForm,
                format!("The form body is invalid: {other}."),
            )
            .into(),
        })
}

/// The purpose of a read of case content (R-ROLE-3): the client's
/// `X-Purpose` header, one of [`Purpose`]'s codes. A read of case content
/// without one, or with an unknown one, is refused with 422
/// `validation_failed` naming `X-Purpose`.
#[derive(Debug, Clone, Copy)]
pub struct ReadPurpose(pub Purpose);

/// The `X-Purpose` header parameter, for `#[utoipa::path(params(...))]`.
pub const PURPOSE_HEADER: &str = "X-Purpose";

impl ReadPurpose {
    /// The purpose a request states.
    pub fn of(req: &HttpRequest) -> Result<Purpose, ApiError> {
        let value = req.headers().get("x-purpose").ok_or_else(|| {
            ApiError::invalid_field(
                PURPOSE_HEADER,
                FieldCode::Required,
                "say why you read this record (X-Purpose header)",
            )
        })?;
        value
            .to_str()
            .ok()
            .and_then(|v| Purpose::parse(v.trim()))
            .ok_or_else(|| {
                ApiError::invalid_field(
                    PURPOSE_HEADER,
                    FieldCode::Invalid,
                    format!(
                        "is not a known purpose; use one of: {}",
                        Purpose::ALL.map(Purpose::as_str).join(", ")
                    ),
                )
            })
    }
}

impl FromRequest for ReadPurpose {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(ReadPurpose::of(req).map(ReadPurpose))
    }
}
