//! `PATCH /api/v1/applications/{id}`: notes, representative and the
//! documents checklist, until a decision is prepared.

use super::create::DocumentInput;
use super::{ApplicationView, documents_of, find_scoped, status_of, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldError, Problem};
use crate::extract::{JsonBody, validation_errors};
use crate::routes::common::double_option;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::applications;
use crate::store::{self, versioned};
use actix_web::{patch, web};
use atvejis_domain::access::Permission;
use atvejis_domain::application::{ApplicationStatus, DocumentStatus, missing_documents};
use sea_orm::sea_query::Expr;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Changes to an application.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct UpdateApplicationRequest {
    /// The `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Notes; `null` clears them.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub notes: Option<Option<String>>,
    /// Representative; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub representative: Option<Option<String>>,
    /// Documents whose state changes.
    #[serde(default)]
    pub documents: Vec<DocumentInput>,
}

/// Change notes, representative or documents of an application.
#[utoipa::path(
    tag = "applications",
    params(("id" = Uuid, Path, description = "Application id")),
    request_body = UpdateApplicationRequest,
    responses(
        (status = 200, description = "Changed", body = ApplicationView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict, or decided already (invalid_transition)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/applications/{id}")]
pub async fn update_application(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateApplicationRequest>,
) -> ApiResult<web::Json<ApplicationView>> {
    if !(actor.can(Permission::ReceiveApplications) || actor.can(Permission::AssessNeeds)) {
        return Err(ApiError::forbidden(
            "Your role does not allow changing applications.",
        ));
    }
    let JsonBody(body) = body;
    let mut errors = validation_errors(&body);
    let id = id.into_inner();
    let txn = store::begin_write(&state.db).await?;
    let row = find_scoped(&txn, &actor, id).await?;
    if row.version != body.version {
        return Err(ApiError::stale_version());
    }
    let status = status_of(&row)?;
    if !matches!(
        status,
        ApplicationStatus::Draft
            | ApplicationStatus::Submitted
            | ApplicationStatus::Assessed
            | ApplicationStatus::ReturnedForCompletion
    ) {
        return Err(ApiError::conflict(
            ErrorCode::InvalidTransition,
            "The file is with the division or decided; it can no longer be changed here.",
        ));
    }
    let mut documents = documents_of(&row)?;
    let mut changes = Map::new();
    let today = store::today();
    for (i, given) in body.documents.iter().enumerate() {
        match documents.iter_mut().find(|d| d.code == given.code) {
            Some(line) => {
                let status: DocumentStatus = given.status.into();
                if line.status != status {
                    changes.insert(
                        format!("documents.{}", line.code),
                        json!({ "from": line.status, "to": status }),
                    );
                }
                line.status = status;
                line.provided_on = match status {
                    DocumentStatus::Provided => {
                        Some(given.provided_on.or(line.provided_on).unwrap_or(today))
                    }
                    _ => None,
                };
            }
            None => errors.push(FieldError::new(
                format!("documents[{i}].code"),
                "unknown_document",
                format!("`{}` is not on this application's list", given.code),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let clean = |v: &Option<String>| {
        v.as_ref()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    let mut update =
        versioned::update::<applications::Entity>(&actor, id, body.version, store::now()).col_expr(
            applications::Column::Documents,
            Expr::value(serde_json::to_value(&documents).map_err(ApiError::internal)?),
        );
    if let Some(notes) = &body.notes {
        changes.insert("notes".into(), json!("changed"));
        update = update.col_expr(applications::Column::Notes, Expr::value(clean(notes)));
    }
    if let Some(representative) = &body.representative {
        changes.insert(
            "representative".into(),
            json!({ "from": row.representative, "to": clean(representative) }),
        );
        update = update.col_expr(
            applications::Column::Representative,
            Expr::value(clean(representative)),
        );
    }
    versioned::expect_one(update.exec(&txn).await?)?;
    changes.insert(
        "missing_documents".into(),
        json!(missing_documents(&documents)),
    );
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::ApplicationUpdate, "application", id)
            .summary(Value::Object(changes)),
    )
    .await?;
    let result = view(&txn, &actor, find_scoped(&txn, &actor, id).await?).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
