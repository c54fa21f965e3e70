//! Liveness and readiness, outside `/api/v1` and without authentication.

use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

/// A health answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok` or `unavailable`.
    pub status: &'static str,
}

/// The process is up.
#[utoipa::path(
    tag = "health",
    responses((status = 200, description = "Up", body = Health)),
    security(()),
)]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok" })
}

/// The database answers.
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, description = "Ready", body = Health),
        (status = 503, description = "The database does not answer", body = Health),
    ),
    security(()),
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    match tokio::time::timeout(std::time::Duration::from_secs(3), state.db.ping()).await {
        Ok(Ok(())) => HttpResponse::Ok().json(Health { status: "ok" }),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness: database ping failed");
            HttpResponse::ServiceUnavailable().json(Health {
                status: "unavailable",
            })
        }
        Err(_) => {
            tracing::warn!("readiness: database ping timed out");
            HttpResponse::ServiceUnavailable().json(Health {
                status: "unavailable",
            })
        }
    }
}
