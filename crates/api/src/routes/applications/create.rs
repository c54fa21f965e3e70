//! `POST /api/v1/applications`: receive an application (SP-8).

use super::{ApplicationView, Channel, DocumentStatusSchema, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::extract::{JsonBody, validation_errors};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::catalogue::{by_code, spec_of};
use crate::store::entities::{applications, families, family_members};
use crate::store::persons::find_scoped as find_person;
use crate::store::scope::scoped;
use crate::store::{self};
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use atvejis_domain::access::Permission;
use atvejis_domain::application::{ApplicationStatus, DocumentCheck, DocumentStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde::Deserialize;
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A document's state at intake.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct DocumentInput {
    /// The document's code in the service type's list.
    pub code: String,
    /// Provided, missing, not needed.
    pub status: DocumentStatusSchema,
    /// When provided (default: the day received).
    pub provided_on: Option<Date>,
}

/// A new application.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreateApplicationRequest {
    /// The person the service is for (or the family's applicant).
    pub person_id: Uuid,
    /// The family, for a service given to a family; the person must be a member.
    pub family_id: Option<Uuid>,
    /// The service type's code, e.g. `home_help` (see `GET /api/v1/service-types`).
    #[schema(example = "home_help")]
    pub service_code: String,
    /// The day it was received (not in the future).
    pub received_on: Date,
    /// How it came in.
    pub channel: Channel,
    /// The applicant's representative (guardian, relative), if any.
    #[validate(length(max = 200))]
    pub representative: Option<String>,
    /// Notes.
    #[validate(length(max = 4000))]
    pub notes: Option<String>,
    /// The state of the required documents; documents not listed are missing.
    #[serde(default)]
    pub documents: Vec<DocumentInput>,
    /// Register it as received now (`true`, the default) or keep a draft.
    #[serde(default = "yes")]
    pub submit: bool,
}

fn yes() -> bool {
    true
}

/// Receive an application (SP-8).
#[utoipa::path(
    tag = "applications",
    request_body = CreateApplicationRequest,
    responses(
        (status = 201, description = "Received", body = ApplicationView, headers(("Location" = String, description = "The application's URL"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to receive applications", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. unknown_service_type, unknown_document", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/applications")]
pub async fn create_application(
    state: web::Data<AppState>,
    actor: Actor,
    body: JsonBody<CreateApplicationRequest>,
) -> ApiResult<HttpResponse> {
    actor.require(Permission::ReceiveApplications)?;
    let Some(received_by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "Applications are received by a member of staff.",
        ));
    };
    let JsonBody(body) = body;
    let mut errors = validation_errors(&body);
    let today = store::today();
    if body.received_on > today {
        errors.push(FieldError::new(
            "received_on",
            "in_future",
            "cannot be after today",
        ));
    }
    let service = by_code(&state.db, actor.municipality_id, body.service_code.trim()).await?;
    let service = match service {
        Some(s) if s.active => Some(s),
        _ => {
            errors.push(FieldError::new(
                "service_code",
                "unknown_service_type",
                "is not a service type of your municipality's catalogue",
            ));
            None
        }
    };
    let spec = service.as_ref().map(spec_of).transpose()?;
    let mut checklist: Vec<DocumentCheck> = spec
        .iter()
        .flat_map(|s| s.required_documents.iter())
        .map(|d| DocumentCheck {
            code: d.code.clone(),
            status: DocumentStatus::Missing,
            provided_on: None,
        })
        .collect();
    if spec.is_some() {
        for (i, given) in body.documents.iter().enumerate() {
            match checklist.iter_mut().find(|d| d.code == given.code) {
                Some(line) => {
                    line.status = given.status.into();
                    line.provided_on = match line.status {
                        DocumentStatus::Provided => {
                            Some(given.provided_on.unwrap_or(body.received_on))
                        }
                        _ => None,
                    };
                }
                None => errors.push(FieldError::new(
                    format!("documents[{i}].code"),
                    "unknown_document",
                    format!("`{}` is not a document this service needs", given.code),
                )),
            }
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let (Some(service), Some(spec)) = (service, spec) else {
        return Err(ApiError::internal("service type checked above"));
    };

    let now = store::now();
    let id = Uuid::now_v7();
    let txn = store::begin_write(&state.db).await?;
    let person = find_person(&txn, &actor, body.person_id).await?;
    if let Some(family_id) = body.family_id {
        scoped::<families::Entity>(&actor)
            .filter(families::Column::Id.eq(family_id))
            .one(&txn)
            .await?
            .ok_or_else(|| {
                ApiError::invalid_field(
                    "family_id",
                    "unknown_family",
                    "is not a family in your scope",
                )
            })?;
        family_members::Entity::find_by_id((family_id, person.id))
            .one(&txn)
            .await?
            .ok_or_else(|| {
                ApiError::invalid_field(
                    "family_id",
                    "not_a_member",
                    "the person is not a member of this family",
                )
            })?;
    }
    let status = if body.submit {
        ApplicationStatus::Submitted
    } else {
        ApplicationStatus::Draft
    };
    let mut row = applications::Model {
        id,
        municipality_id: actor.municipality_id,
        eldership_id: person.eldership_id,
        person_id: person.id,
        family_id: body.family_id,
        service_type_id: service.id,
        service_code: service.code.clone(),
        status: status.as_str().to_owned(),
        received_on: body.received_on,
        channel: body.channel.as_str().to_owned(),
        received_by,
        representative: body
            .representative
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty()),
        notes: body
            .notes
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        documents: serde_json::to_value(&checklist).map_err(ApiError::internal)?,
        exception_reason: None,
        assessment: None,
        assessment_submitted_on: None,
        files_received_on: None,
        decision_deadline: Some(
            serde_json::to_value(spec.decision_deadline).map_err(ApiError::internal)?,
        ),
        decision_due_on: None,
        status_reason: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    if status != ApplicationStatus::Draft {
        row.decision_due_on = super::due_on(&spec, &row)?;
    }
    applications::Entity::insert(row.clone().into_active_model().reset_all())
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::ApplicationCreate, "application", id).summary(json!({
            "person_id": person.id,
            "family_id": body.family_id,
            "service_code": service.code,
            "status": row.status,
            "received_on": row.received_on,
            "channel": row.channel,
            "missing_documents": atvejis_domain::application::missing_documents(&checklist),
        })),
    )
    .await?;
    let created = view(&txn, &actor, row).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/applications/{id}")))
        .json(created))
}
