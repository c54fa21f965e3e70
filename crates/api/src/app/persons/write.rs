//! Registering a person and changing their data.

use super::{Identity, PersonView, eldership_for, identity, parse_code, trimmed};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::common::double_option;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode, FieldError};
use crate::extract::validation_errors;
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::persons::{self, PersonFields, sex_of};
use atvejis_domain::access::Permission;
use atvejis_domain::personal_code::Sex;
use serde::Deserialize;
use serde_json::{Map, Value, json};
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
    /// Taken from the personal code when it has one.
    pub sex: Option<Sex>,
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

fn person_exists(detail: &'static str) -> impl Fn(StoreError) -> ApiError {
    move |e| {
        if e.is_unique_violation() {
            ApiError::conflict(ErrorCode::PersonExists, detail)
        } else {
            e.into()
        }
    }
}

/// Registers a person (R-ROLE-3: recorded as `person.create`).
pub async fn create(
    state: &AppState,
    actor: &Actor,
    body: CreatePersonRequest,
) -> ApiResult<PersonView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WritePersons).await?;
    let mut errors = validation_errors(&body);
    let code = parse_code(body.personal_code.as_deref(), &mut errors);
    let id_fields =
        code.and_then(|code| identity(code, body.birth_date, body.sex, uow.today(), &mut errors));
    let Some(Identity {
        personal_code,
        birth_date,
        sex,
    }) = id_fields.filter(|_| errors.is_empty())
    else {
        return Err(ApiError::validation(errors));
    };
    let eldership_id = eldership_for(uow.db(), actor, body.eldership_id).await?;
    let fields = PersonFields {
        eldership_id,
        personal_code,
        first_name: body.first_name.trim().to_owned(),
        last_name: body.last_name.trim().to_owned(),
        birth_date,
        sex,
        declared_address: trimmed(body.declared_address),
        phone: trimmed(body.phone),
        email: trimmed(body.email),
    };
    let summary = json!({
        "first_name": fields.first_name,
        "last_name": fields.last_name,
        "personal_code": fields.personal_code.is_some(),
        "eldership_id": eldership_id,
    });
    let row = persons::insert(uow.db(), actor, fields, uow.now())
        .await
        .map_err(person_exists(
            "A person with this personal code is already registered in the municipality; search for them.",
        ))?;
    uow.audit(AuditEvent::new(AuditAction::PersonCreate, "person", row.id).summary(summary))
        .await?;
    let eldership = match row.eldership_id {
        Some(e) => persons::elderships_of(uow.db(), [e]).await?.remove(&e),
        None => None,
    };
    let view = PersonView::of(row, eldership)?;
    uow.commit().await?;
    Ok(view)
}

/// Changes to a person; absent fields stay, `null` clears an optional one.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct UpdatePersonRequest {
    /// The `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Personal code; `null` removes it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub personal_code: Option<Option<String>>,
    /// First name.
    #[validate(length(min = 1, max = 100))]
    pub first_name: Option<String>,
    /// Last name.
    #[validate(length(min = 1, max = 100))]
    pub last_name: Option<String>,
    /// Birth date.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Date>, nullable)]
    pub birth_date: Option<Option<Date>>,
    /// Sex.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Sex>, nullable)]
    pub sex: Option<Option<Sex>>,
    /// Declared address.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub declared_address: Option<Option<String>>,
    /// Eldership.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub eldership_id: Option<Option<Uuid>>,
    /// Phone.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub phone: Option<Option<String>>,
    /// E-mail.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub email: Option<Option<String>>,
}

fn pick<T: Clone>(change: &Option<Option<T>>, current: &Option<T>) -> Option<T> {
    match change {
        Some(v) => v.clone(),
        None => current.clone(),
    }
}

/// Changes person `id` at the version the client read (R-ROLE-3: recorded
/// as `person.update` with each changed field, the personal code only as
/// present or not).
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: UpdatePersonRequest,
) -> ApiResult<PersonView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WritePersons).await?;
    let current = persons::find_scoped(uow.db(), actor, id).await?;
    let mut errors = validation_errors(&body);
    if let Some(Some(email)) = &body.email
        && !validator::ValidateEmail::validate_email(email)
    {
        errors.push(FieldError::new(
            "email",
            FieldCode::Email,
            "is not an e-mail address",
        ));
    }
    // A new code decides birth date and sex unless they are given too.
    let code_changed = body.personal_code.is_some();
    let code = parse_code(
        pick(&body.personal_code, &current.personal_code).as_deref(),
        &mut errors,
    );
    let (birth_date, sex) = if code_changed {
        (body.birth_date.flatten(), body.sex.flatten())
    } else {
        (
            pick(&body.birth_date, &current.birth_date),
            match body.sex {
                Some(sex) => sex,
                None => sex_of(current.sex.as_deref()),
            },
        )
    };
    let id_fields = code.and_then(|code| identity(code, birth_date, sex, uow.today(), &mut errors));
    let Some(id_fields) = id_fields.filter(|_| errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    let eldership_id = match body.eldership_id {
        Some(given) => eldership_for(uow.db(), actor, given).await?,
        None => current.eldership_id,
    };
    let fields = PersonFields {
        eldership_id,
        personal_code: id_fields.personal_code,
        first_name: body
            .first_name
            .as_deref()
            .map_or(current.first_name.clone(), |s| s.trim().to_owned()),
        last_name: body
            .last_name
            .as_deref()
            .map_or(current.last_name.clone(), |s| s.trim().to_owned()),
        birth_date: id_fields.birth_date,
        sex: id_fields.sex,
        declared_address: pick(&body.declared_address, &current.declared_address)
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty()),
        phone: pick(&body.phone, &current.phone),
        email: pick(&body.email, &current.email),
    };
    let changes = changes(&current, &fields);
    persons::update(uow.db(), actor, id, body.version, fields, uow.now())
        .await
        .map_err(person_exists(
            "Another person with this personal code is registered in the municipality.",
        ))?;
    uow.audit(AuditEvent::new(AuditAction::PersonUpdate, "person", id).summary(changes))
        .await?;
    // The person may have moved out of the actor's eldership: read by id.
    let row = persons::reread(uow.db(), id).await?;
    let eldership = match row.eldership_id {
        Some(e) => persons::elderships_of(uow.db(), [e]).await?.remove(&e),
        None => None,
    };
    let view = PersonView::of(row, eldership)?;
    uow.commit().await?;
    Ok(view)
}

/// The audit summary of a change: each changed field, from and to.
fn changes(current: &crate::store::entities::persons::Model, new: &PersonFields) -> Value {
    let mut changes = Map::new();
    let mut note = |field: &str, from: Value, to: Value| {
        if from != to {
            changes.insert(field.to_owned(), json!({ "from": from, "to": to }));
        }
    };
    note(
        "first_name",
        json!(current.first_name),
        json!(new.first_name),
    );
    note("last_name", json!(current.last_name), json!(new.last_name));
    note(
        "personal_code",
        json!(current.personal_code.is_some()),
        json!(new.personal_code.is_some()),
    );
    note(
        "birth_date",
        json!(current.birth_date),
        json!(new.birth_date),
    );
    note("sex", json!(current.sex), json!(new.sex));
    note(
        "declared_address",
        json!(current.declared_address),
        json!(new.declared_address),
    );
    note(
        "eldership_id",
        json!(current.eldership_id),
        json!(new.eldership_id),
    );
    note("phone", json!(current.phone), json!(new.phone));
    note("email", json!(current.email), json!(new.email));
    Value::Object(changes)
}
