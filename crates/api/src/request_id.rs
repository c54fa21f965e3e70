//! A request id on every request, always the server's own (a random UUID):
//! put on the tracing span of the request (so every log line carries it),
//! returned in the `X-Request-Id` response header, written into problem
//! bodies and audit records. A client's own `X-Request-Id` is never used as
//! the id (a client could otherwise forge or collide with other requests'
//! records): it is kept beside it, sanitised and at most
//! [`CLIENT_ID_MAX`] characters, in the log span and the audit record
//! (`client_request_id`).

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage};
use std::time::Instant;
use tracing::Instrument;

/// The header carrying the request id.
pub const HEADER: &str = "x-request-id";

tokio::task_local! {
    static CURRENT: String;
}

/// The id of the request being handled, when called inside one.
pub fn current() -> Option<String> {
    CURRENT.try_with(Clone::clone).ok()
}

/// The request id, as a request extension: the server's own id and the
/// client's `X-Request-Id`, sanitised, if it sent one.
#[derive(Debug, Clone)]
pub struct RequestId(pub String, pub Option<String>);

/// Most characters of a client's request id that are kept.
pub const CLIENT_ID_MAX: usize = 64;

/// A client's `X-Request-Id` as recorded: letters, digits and `-_.:/@+=`
/// kept, any other byte (spaces, quotes, control characters, non-ASCII)
/// replaced by `_`, cut to [`CLIENT_ID_MAX`] characters; nothing when the
/// header is empty.
pub fn sanitise_client_id(value: &[u8]) -> Option<String> {
    let kept: String = value
        .iter()
        .take(CLIENT_ID_MAX)
        .map(|&b| {
            if b.is_ascii_alphanumeric() || b"-_.:/@+=".contains(&b) {
                char::from(b)
            } else {
                '_'
            }
        })
        .collect();
    (!kept.trim_matches('_').is_empty()).then_some(kept)
}

/// The middleware (use with `actix_web::middleware::from_fn`).
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, Error> {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let client_id = req
        .headers()
        .get(HEADER)
        .and_then(|v| sanitise_client_id(v.as_bytes()));
    req.extensions_mut()
        .insert(RequestId(id.clone(), client_id.clone()));
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        client_request_id = client_id.as_deref().unwrap_or(""),
        method = %req.method(),
        path = %req.path(),
    );
    let started = Instant::now();
    let result = CURRENT
        .scope(id.clone(), next.call(req))
        .instrument(span.clone())
        .await;
    let _entered = span.enter();
    match result {
        Ok(mut response) => {
            let status = response.status().as_u16();
            let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
            if status >= 500 {
                tracing::error!(status, latency_ms, "request failed");
            } else {
                tracing::info!(status, latency_ms, "request handled");
            }
            if let Ok(value) = HeaderValue::from_str(&id) {
                response
                    .headers_mut()
                    .insert(HeaderName::from_static(HEADER), value);
            }
            Ok(response)
        }
        Err(e) => {
            tracing::error!(error = %e, "request failed in middleware");
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_ids_are_sanitised_and_cut() {
        assert_eq!(
            sanitise_client_id(b"client-abc-123").as_deref(),
            Some("client-abc-123")
        );
        assert_eq!(sanitise_client_id(b"a b\"c\x00").as_deref(), Some("a_b_c_"));
        assert_eq!(
            sanitise_client_id(&[b'x'; 500]).map(|s| s.len()),
            Some(CLIENT_ID_MAX)
        );
        assert_eq!(sanitise_client_id(b""), None);
        assert_eq!(sanitise_client_id(b"   "), None);
    }
}
