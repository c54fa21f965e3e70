//! Receiving an application, changing its fields while they may still
//! change, and recording attachments.

use super::view_in;
use super::views::{
    ApplicationView, AttachmentView, Channel, application_view, documents_of, due_on, staff_of,
    status_of,
};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::catalogue::NamedServiceType;
use crate::app::lifecycle::{begin_step, check_version};
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode, FieldError};
use crate::extract::validation_errors;
use crate::state::AppState;
use crate::store::applications::{self as repo, ApplicationRecord};
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{applications, attachments, elderships, persons};
use crate::store::persons::find_scoped_with_eldership as find_person;
use atvejis_domain::access::Permission;
use atvejis_domain::application::{
    ApplicationStatus, DocumentCheck, DocumentStatus, missing_documents,
};
use atvejis_domain::lifecycle::{UPDATE_PERMISSIONS, is_editable};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::sync::Arc;
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
    pub status: DocumentStatus,
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
    /// R-Q-5: the institution (facility) where the person wants the service,
    /// for a service with places (see `GET /api/v1/facilities`).
    pub preferred_facility_id: Option<Uuid>,
}

fn yes() -> bool {
    true
}

/// Tells a field that is absent (`None`) from one set to `null` (`Some(None)`).
fn double_option<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

fn clean(v: Option<&String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Receive an application (SP-8).
pub async fn create(
    state: &AppState,
    actor: &Actor,
    body: CreateApplicationRequest,
) -> ApiResult<ApplicationView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ReceiveApplications).await?;
    let received = create_in(&mut uow, actor, body, None).await?;
    // The view of what was just stored: the person and eldership read at
    // intake, no attachments yet; only the staff names are read (issue 13).
    let record = received.record;
    let parts = repo::ViewParts {
        person: received.person,
        eldership: received.eldership,
        attachments: Vec::new(),
        staff: crate::app::common::staff_names(uow.db(), actor, staff_of(&record)?).await?,
    };
    // Not prepared for signing: nobody is delegated to sign it yet.
    let view = application_view(
        actor,
        record,
        &received.service.spec,
        parts,
        uow.today(),
        false,
    )?;
    uow.commit().await?;
    Ok(view)
}

/// An application just received, with what its view shows of its person.
#[derive(Debug)]
pub struct Received {
    /// The stored application.
    pub record: ApplicationRecord,
    /// Its person.
    pub person: persons::Model,
    /// The person's eldership, which received it.
    pub eldership: Option<elderships::Model>,
    /// Its service type with the parsed spec, as the process holds it.
    pub service: Arc<NamedServiceType>,
}

/// The case an application is filed from (R-CM-4).
#[derive(Debug, Clone)]
pub struct CaseFiling {
    /// The case whose meeting decided to file it.
    pub case_id: Uuid,
    /// The case manager's recommendation (trimmed; required for children's
    /// day care, which the caller checks).
    pub recommendation: Option<String>,
}

/// Checks `body` and stores the application in `uow` (the caller has
/// checked the permission and commits): the one intake path, also for the
/// applications a case meeting files (`case`).
pub async fn create_in(
    uow: &mut UnitOfWork,
    actor: &Actor,
    body: CreateApplicationRequest,
    case: Option<CaseFiling>,
) -> ApiResult<Received> {
    let Some(received_by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "Applications are received by a member of staff.",
        ));
    };
    let mut errors = validation_errors(&body);
    let today = uow.today();
    if body.received_on > today {
        errors.push(FieldError::new(
            "received_on",
            FieldCode::InFuture,
            "cannot be after today",
        ));
    }
    let service = match uow
        .service_types()
        .by_code(uow.db(), actor.municipality_id, body.service_code.trim())
        .await?
    {
        Some(s) if s.row.active => Some(s),
        _ => {
            errors.push(FieldError::new(
                "service_code",
                FieldCode::UnknownServiceType,
                "is not a service type of your municipality's catalogue",
            ));
            None
        }
    };
    let spec = service.as_ref().map(|s| &s.spec);
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
                    line.status = given.status;
                    line.provided_on = match line.status {
                        DocumentStatus::Provided => {
                            Some(given.provided_on.unwrap_or(body.received_on))
                        }
                        _ => None,
                    };
                }
                None => errors.push(FieldError::new(
                    format!("documents[{i}].code"),
                    FieldCode::UnknownDocument,
                    format!("`{}` is not a document this service needs", given.code),
                )),
            }
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let Some(named) = service else {
        return Err(ApiError::internal("service type checked above"));
    };
    let (service, spec) = (&named.row, &named.spec);
    if let Some(facility_id) = body.preferred_facility_id {
        crate::app::places::check_facility_for_service(
            uow.db(),
            actor,
            facility_id,
            &service.code,
            "preferred_facility_id",
        )
        .await?;
    }
    let (person, eldership) = find_person(uow.db(), actor, body.person_id).await?;
    if let Some(family_id) = body.family_id {
        match repo::family_membership(uow.db(), actor, family_id, person.id).await? {
            (false, _) => {
                return Err(ApiError::invalid_field(
                    "family_id",
                    FieldCode::UnknownFamily,
                    "is not a family in your scope",
                ));
            }
            (true, false) => {
                return Err(ApiError::invalid_field(
                    "family_id",
                    FieldCode::NotAMember,
                    "the person is not a member of this family",
                ));
            }
            (true, true) => {}
        }
    }
    let status = if body.submit {
        ApplicationStatus::Submitted
    } else {
        ApplicationStatus::Draft
    };
    let now = uow.now();
    let id = Uuid::now_v7();
    let mut row = applications::Model {
        id,
        municipality_id: actor.municipality_id,
        eldership_id: person.eldership_id,
        person_id: person.id,
        family_id: body.family_id,
        service_type_id: service.id,
        service_code: service.code.clone(),
        preferred_facility_id: body.preferred_facility_id,
        status: status.as_str().to_owned(),
        received_on: body.received_on,
        channel: body.channel.as_str().to_owned(),
        received_by,
        representative: clean(body.representative.as_ref()),
        notes: clean(body.notes.as_ref()),
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
        case_id: case.as_ref().map(|c| c.case_id),
        case_recommendation: case.as_ref().and_then(|c| clean(c.recommendation.as_ref())),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    if status != ApplicationStatus::Draft {
        row.decision_due_on = due_on(spec, &row)?;
    }
    repo::insert(uow.db(), row.clone()).await?;
    uow.audit(
        AuditEvent::new(AuditAction::ApplicationCreate, "application", id).summary(json!({
            "person_id": person.id,
            "family_id": body.family_id,
            "service_code": service.code,
            "status": row.status,
            "received_on": row.received_on,
            "channel": row.channel,
            "missing_documents": missing_documents(&checklist),
        })),
    )
    .await?;
    Ok(Received {
        record: ApplicationRecord {
            application: row,
            service_type: service.clone(),
            decision: None,
        },
        person,
        eldership,
        service: named,
    })
}

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
    /// R-Q-5: the preferred institution (facility); `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub preferred_facility_id: Option<Option<Uuid>>,
}

/// Change notes, representative or documents while the application is
/// editable ([`is_editable`]).
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: UpdateApplicationRequest,
) -> ApiResult<ApplicationView> {
    let mut uow = begin_step(state, actor, &UPDATE_PERMISSIONS).await?;
    let mut errors = validation_errors(&body);
    let mut record = repo::load_scoped(uow.db(), actor, id).await?;
    check_version(record.application.version, body.version)?;
    if !is_editable(status_of(&record.application)?) {
        return Err(ApiError::conflict(
            ErrorCode::InvalidTransition,
            "The file is with the division or decided; it can no longer be changed here.",
        ));
    }
    let row = &mut record.application;
    let mut documents = documents_of(row)?;
    let mut changes = Map::new();
    let today = uow.today();
    for (i, given) in body.documents.iter().enumerate() {
        match documents.iter_mut().find(|d| d.code == given.code) {
            Some(line) => {
                if line.status != given.status {
                    changes.insert(
                        format!("documents.{}", line.code),
                        json!({ "from": line.status, "to": given.status }),
                    );
                }
                line.status = given.status;
                line.provided_on = match given.status {
                    DocumentStatus::Provided => {
                        Some(given.provided_on.or(line.provided_on).unwrap_or(today))
                    }
                    _ => None,
                };
            }
            None => errors.push(FieldError::new(
                format!("documents[{i}].code"),
                FieldCode::UnknownDocument,
                format!("`{}` is not on this application's list", given.code),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    row.documents = serde_json::to_value(&documents).map_err(ApiError::internal)?;
    if let Some(notes) = &body.notes {
        changes.insert("notes".into(), json!("changed"));
        row.notes = clean(notes.as_ref());
    }
    if let Some(representative) = &body.representative {
        let new = clean(representative.as_ref());
        changes.insert(
            "representative".into(),
            json!({ "from": row.representative, "to": new }),
        );
        row.representative = new;
    }
    if let Some(preferred) = body.preferred_facility_id {
        if let Some(facility_id) = preferred {
            crate::app::places::check_facility_for_service(
                uow.db(),
                actor,
                facility_id,
                &row.service_code,
                "preferred_facility_id",
            )
            .await?;
        }
        changes.insert(
            "preferred_facility_id".into(),
            json!({ "from": row.preferred_facility_id, "to": preferred }),
        );
        row.preferred_facility_id = preferred;
    }
    repo::save(uow.db(), actor, row, body.version, uow.now()).await?;
    row.version = body.version + 1;
    row.updated_at = uow.now();
    changes.insert(
        "missing_documents".into(),
        json!(missing_documents(&documents)),
    );
    uow.audit(
        AuditEvent::new(AuditAction::ApplicationUpdate, "application", id)
            .summary(Value::Object(changes)),
    )
    .await?;
    let view = view_in(uow.db(), actor, record, today).await?;
    uow.commit().await?;
    Ok(view)
}

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

/// Record an attachment of an application.
pub async fn add_attachment(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: AttachmentRequest,
) -> ApiResult<AttachmentView> {
    let mut uow = begin_step(state, actor, &UPDATE_PERMISSIONS).await?;
    let Some(uploaded_by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "A member of staff records attachments.",
        ));
    };
    let application = repo::find_scoped(uow.db(), actor, id).await?;
    if let Some(code) = &body.document_code
        && !documents_of(&application)?.iter().any(|d| &d.code == code)
    {
        return Err(ApiError::invalid_field(
            "document_code",
            FieldCode::UnknownDocument,
            "is not on this application's list",
        ));
    }
    let row = repo::insert_attachment(
        uow.db(),
        attachments::Model {
            id: Uuid::now_v7(),
            municipality_id: actor.municipality_id,
            application_id: application.id,
            file_name: body.file_name.trim().to_owned(),
            media_type: body.media_type.trim().to_owned(),
            size_bytes: body.size_bytes,
            document_code: body.document_code.clone(),
            description: clean(body.description.as_ref()),
            uploaded_by,
            uploaded_at: uow.now(),
        },
    )
    .await?;
    uow.audit(
        AuditEvent::new(
            AuditAction::ApplicationAttachmentAdd,
            "application",
            application.id,
        )
        .summary(json!({
            "attachment_id": row.id,
            "file_name": row.file_name,
            "document_code": row.document_code,
        })),
    )
    .await?;
    uow.commit().await?;
    Ok(AttachmentView::from(row))
}
