//! `POST /api/v1/persons`.

use super::{PersonView, eldership_for, identity, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{JsonBody, validation_errors};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::persons;
use crate::store::persons::{find_scoped, search_text};
use crate::store::{self, is_unique_violation};
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use atvejis_domain::access::Permission;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde::Deserialize;
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A new person.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreatePersonRequest {
    /// Lithuanian personal code (11 digits), when the person has one.
    #[schema(example = "39001010000")]
    pub personal_code: Option<String>,
    /// First name.
    #[validate(length(min = 1, max = 100))]
    pub first_name: String,
    /// Last name.
    #[validate(length(min = 1, max = 100))]
    pub last_name: String,
    /// Birth date; taken from the personal code when it has one.
    pub birth_date: Option<Date>,
    /// `male` or `female`; taken from the personal code when it has one.
    pub sex: Option<String>,
    /// Declared address.
    #[validate(length(max = 300))]
    pub declared_address: Option<String>,
    /// The eldership of the address (an eldership specialist's own by default).
    pub eldership_id: Option<Uuid>,
    /// Phone.
    #[validate(length(max = 40))]
    pub phone: Option<String>,
    /// E-mail.
    #[validate(email)]
    pub email: Option<String>,
}

fn trimmed(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// Register a person.
#[utoipa::path(
    tag = "persons",
    request_body = CreatePersonRequest,
    responses(
        (status = 201, description = "Registered", body = PersonView, headers(("Location" = String, description = "The person's URL"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to register people", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A person with this personal code is registered (person_exists)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. invalid_personal_code", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/persons")]
pub async fn create_person(
    state: web::Data<AppState>,
    actor: Actor,
    body: JsonBody<CreatePersonRequest>,
) -> ApiResult<HttpResponse> {
    actor.require(Permission::WritePersons)?;
    let JsonBody(body) = body;
    let mut errors = validation_errors(&body);
    let id_fields = identity(
        body.personal_code.as_deref(),
        body.birth_date,
        body.sex.as_deref(),
        &mut errors,
    );
    let Some(id_fields) = id_fields.filter(|_| errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    let eldership_id = eldership_for(&state.db, &actor, body.eldership_id).await?;
    let (first_name, last_name) = (
        body.first_name.trim().to_owned(),
        body.last_name.trim().to_owned(),
    );
    let address = trimmed(body.declared_address);
    let code = id_fields
        .personal_code
        .as_ref()
        .map(|c| c.as_str().to_owned());
    let now = store::now();
    let id = Uuid::now_v7();
    let txn = store::begin_write(&state.db).await?;
    let inserted = persons::Entity::insert(persons::ActiveModel {
        id: Set(id),
        municipality_id: Set(actor.municipality_id),
        eldership_id: Set(eldership_id),
        personal_code: Set(code.clone()),
        search_text: Set(search_text(
            &first_name,
            &last_name,
            code.as_deref(),
            address.as_deref(),
        )),
        first_name: Set(first_name.clone()),
        last_name: Set(last_name.clone()),
        birth_date: Set(id_fields.birth_date),
        sex: Set(id_fields.sex.clone()),
        declared_address: Set(address.clone()),
        phone: Set(trimmed(body.phone)),
        email: Set(trimmed(body.email)),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(&txn)
    .await;
    if let Err(e) = &inserted
        && is_unique_violation(e)
    {
        return Err(ApiError::conflict(
            ErrorCode::PersonExists,
            "A person with this personal code is already registered in the municipality; search for them.",
        ));
    }
    inserted?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::PersonCreate, "person", id).summary(json!({
            "first_name": first_name,
            "last_name": last_name,
            "personal_code": code.is_some(),
            "eldership_id": eldership_id,
        })),
    )
    .await?;
    let created = view(&txn, find_scoped(&txn, &actor, id).await?).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/persons/{id}")))
        .json(created))
}
