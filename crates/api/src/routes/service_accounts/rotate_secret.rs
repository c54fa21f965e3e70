//! `POST /api/v1/service-accounts/{id}/secret`: a new secret; the old one
//! stops working at once.

use super::{ServiceAccountView, ServiceAccountWithSecret, find_scoped};
use crate::actor::Actor;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::common::VersionBody;
use crate::secrets;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::service_accounts as sa;
use crate::store::{self, versioned};
use actix_web::{post, web};
use atvejis_domain::access::Permission;
use sea_orm::sea_query::Expr;
use uuid::Uuid;

/// Rotate a service account's secret.
#[utoipa::path(
    tag = "service-accounts",
    params(("id" = Uuid, Path, description = "Service account id")),
    request_body = VersionBody,
    responses(
        (status = 200, description = "The new secret, this once", body = ServiceAccountWithSecret),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account in my municipality", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/service-accounts/{id}/secret")]
pub async fn rotate_secret(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<VersionBody>,
) -> ApiResult<web::Json<ServiceAccountWithSecret>> {
    actor.require(Permission::ManageUsers)?;
    let id = id.into_inner();
    find_scoped(&state.db, &actor, id).await?;
    let secret = secrets::generate();
    let hash = state.hasher.hash(secret.clone()).await?;
    let now = store::now();
    let txn = store::begin_write(&state.db).await?;
    versioned::expect_one(
        versioned::update::<sa::Entity>(&actor, id, body.version, now)
            .col_expr(sa::Column::SecretHash, Expr::value(hash))
            .exec(&txn)
            .await?,
    )?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(
            AuditAction::ServiceAccountRotateSecret,
            "service_account",
            id,
        ),
    )
    .await?;
    let account = ServiceAccountView::try_from(find_scoped(&txn, &actor, id).await?)?;
    txn.commit().await?;
    Ok(web::Json(ServiceAccountWithSecret {
        account,
        client_secret: secret,
    }))
}
