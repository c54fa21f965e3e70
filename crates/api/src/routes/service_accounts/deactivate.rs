//! `POST /api/v1/service-accounts/{id}/deactivate`.

use super::{ServiceAccountView, find_scoped};
use crate::actor::Actor;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::common::VersionBody;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::service_accounts as sa;
use crate::store::{self, versioned};
use actix_web::{post, web};
use atvejis_domain::access::Permission;
use sea_orm::sea_query::Expr;
use uuid::Uuid;

/// Deactivate a service account: it gets no more tokens. Tokens already
/// issued work until they expire.
#[utoipa::path(
    tag = "service-accounts",
    params(("id" = Uuid, Path, description = "Service account id")),
    request_body = VersionBody,
    responses(
        (status = 200, description = "Deactivated", body = ServiceAccountView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account in my municipality", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/service-accounts/{id}/deactivate")]
pub async fn deactivate_service_account(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<VersionBody>,
) -> ApiResult<web::Json<ServiceAccountView>> {
    actor.require(Permission::ManageUsers)?;
    let id = id.into_inner();
    let now = store::now();
    let txn = store::begin_write(&state.db).await?;
    find_scoped(&txn, &actor, id).await?;
    versioned::expect_one(
        versioned::update::<sa::Entity>(&actor, id, body.version, now)
            .col_expr(sa::Column::Active, Expr::value(false))
            .exec(&txn)
            .await?,
    )?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::ServiceAccountDeactivate, "service_account", id),
    )
    .await?;
    let view = ServiceAccountView::try_from(find_scoped(&txn, &actor, id).await?)?;
    txn.commit().await?;
    Ok(web::Json(view))
}
