//! `POST /api/v1/service-accounts`.

use super::{ServiceAccountView, ServiceAccountWithSecret};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ValidJson;
use crate::secrets;
use crate::state::AppState;
use crate::store;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::service_accounts as sa;
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use atvejis_domain::access::Permission;
use atvejis_domain::scopes::{self, ServiceScope};
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;
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
    actor.require(Permission::ManageUsers)?;
    let ValidJson(body) = body;
    let mut wanted = body.scopes.clone();
    wanted.sort();
    wanted.dedup();
    let secret = secrets::generate();
    let secret_hash = state.hasher.hash(secret.clone()).await?;
    let id = Uuid::now_v7();
    let client_id = format!("svc-{}", &id.simple().to_string()[20..]);
    let now = store::now();
    let txn = store::begin_write(&state.db).await?;
    sa::Entity::insert(sa::ActiveModel {
        id: Set(id),
        municipality_id: Set(actor.municipality_id),
        client_id: Set(client_id.clone()),
        name: Set(body.name.trim().to_owned()),
        secret_hash: Set(secret_hash),
        scopes: Set(scopes::format_list(&wanted)),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::ServiceAccountCreate, "service_account", id).summary(json!({
            "client_id": client_id,
            "name": body.name.trim(),
            "scopes": wanted,
        })),
    )
    .await?;
    let account = sa::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::internal("created account not found"))?;
    let account = ServiceAccountView::try_from(account)?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/service-accounts/{id}")))
        .json(ServiceAccountWithSecret {
            account,
            client_secret: secret,
        }))
}
