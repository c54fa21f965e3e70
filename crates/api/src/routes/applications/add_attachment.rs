//! `POST /api/v1/applications/{id}/attachments`: metadata of an attached
//! file (the file itself stays in the document management system).

use super::find_scoped;
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use crate::store;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::attachments;
use actix_web::{HttpResponse, post, web};
use atvejis_domain::access::Permission;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// An attachment's metadata.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct AttachmentRequest {
    /// File name.
    #[validate(length(min = 1, max = 255))]
    pub file_name: String,
    /// Media type, e.g. `application/pdf`.
    #[validate(length(min = 3, max = 100))]
    pub media_type: String,
    /// Size in bytes.
    #[validate(range(min = 0, max = 1_000_000_000))]
    pub size_bytes: i64,
    /// The checklist document it provides, if any.
    pub document_code: Option<String>,
    /// Description.
    #[validate(length(max = 500))]
    pub description: Option<String>,
}

/// An attachment.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AttachmentView {
    /// Id.
    pub id: Uuid,
    /// File name.
    pub file_name: String,
    /// Media type.
    pub media_type: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// The document it provides.
    pub document_code: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub uploaded_at: OffsetDateTime,
}

/// Record an attachment of an application.
#[utoipa::path(
    tag = "applications",
    params(("id" = Uuid, Path, description = "Application id")),
    request_body = AttachmentRequest,
    responses(
        (status = 201, description = "Recorded", body = AttachmentView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/applications/{id}/attachments")]
pub async fn add_attachment(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AttachmentRequest>,
) -> ApiResult<HttpResponse> {
    if !(actor.can(Permission::ReceiveApplications) || actor.can(Permission::AssessNeeds)) {
        return Err(ApiError::forbidden(
            "Your role does not allow changing applications.",
        ));
    }
    let Some(uploaded_by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "A member of staff records attachments.",
        ));
    };
    let ValidJson(body) = body;
    let txn = store::begin_write(&state.db).await?;
    let application = find_scoped(&txn, &actor, id.into_inner()).await?;
    if let Some(code) = &body.document_code
        && !super::documents_of(&application)?
            .iter()
            .any(|d| &d.code == code)
    {
        return Err(ApiError::invalid_field(
            "document_code",
            "unknown_document",
            "is not on this application's list",
        ));
    }
    let row = attachments::Entity::insert(attachments::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        application_id: Set(application.id),
        file_name: Set(body.file_name.trim().to_owned()),
        media_type: Set(body.media_type.trim().to_owned()),
        size_bytes: Set(body.size_bytes),
        document_code: Set(body.document_code.clone()),
        description: Set(body
            .description
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty())),
        uploaded_by: Set(uploaded_by),
        uploaded_at: Set(store::now()),
    })
    .exec_with_returning(&txn)
    .await?;
    audit::record(
        &txn,
        &AuditActor::of(&actor), crate::store::now(),
        AuditEvent::new(
            AuditAction::ApplicationAttachmentAdd, "application", application.id)
            .summary(json!({ "attachment_id": row.id, "file_name": row.file_name, "document_code": row.document_code })))
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(AttachmentView::from(row)))
}

impl From<attachments::Model> for AttachmentView {
    fn from(row: attachments::Model) -> Self {
        AttachmentView {
            id: row.id,
            file_name: row.file_name,
            media_type: row.media_type,
            size_bytes: row.size_bytes,
            document_code: row.document_code,
            description: row.description,
            uploaded_at: row.uploaded_at,
        }
    }
}
