//! `PATCH /api/v1/persons/{id}`.

use super::{PersonView, eldership_for, identity, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{JsonBody, validation_errors};
use crate::routes::common::double_option;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::persons;
use crate::store::persons::{find_scoped, search_text};
use crate::store::{self, is_unique_violation, versioned};
use actix_web::{patch, web};
use atvejis_domain::access::Permission;
use sea_orm::EntityTrait;
use sea_orm::sea_query::Expr;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

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
    /// `male` or `female`.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable)]
    pub sex: Option<Option<String>>,
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

/// Change a person's data.
#[utoipa::path(
    tag = "persons",
    params(("id" = Uuid, Path, description = "Person id")),
    request_body = UpdatePersonRequest,
    responses(
        (status = 200, description = "Changed", body = PersonView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to change people", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "version_conflict or person_exists", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/persons/{id}")]
pub async fn update_person(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: JsonBody<UpdatePersonRequest>,
) -> ApiResult<web::Json<PersonView>> {
    actor.require(Permission::WritePersons)?;
    let JsonBody(body) = body;
    let id = id.into_inner();
    let current = find_scoped(&state.db, &actor, id).await?;
    let mut errors = validation_errors(&body);
    if let Some(Some(email)) = &body.email
        && !validator::ValidateEmail::validate_email(email)
    {
        errors.push(crate::error::FieldError::new(
            "email",
            "email",
            "is not an e-mail address",
        ));
    }
    let code = pick(&body.personal_code, &current.personal_code);
    let sex = pick(&body.sex, &current.sex);
    // A new code decides birth date and sex unless they are given too.
    let code_changed = body.personal_code.is_some();
    let id_fields = identity(
        code.as_deref(),
        if code_changed {
            body.birth_date.flatten()
        } else {
            pick(&body.birth_date, &current.birth_date)
        },
        if code_changed {
            body.sex.clone().flatten()
        } else {
            sex
        }
        .as_deref(),
        &mut errors,
    );
    let Some(id_fields) = id_fields.filter(|_| errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    let eldership_id = match body.eldership_id {
        Some(given) => eldership_for(&state.db, &actor, given).await?,
        None => current.eldership_id,
    };
    let first_name = body
        .first_name
        .as_deref()
        .map_or(current.first_name.clone(), |s| s.trim().to_owned());
    let last_name = body
        .last_name
        .as_deref()
        .map_or(current.last_name.clone(), |s| s.trim().to_owned());
    let address = pick(&body.declared_address, &current.declared_address)
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty());
    let code = id_fields
        .personal_code
        .as_ref()
        .map(|c| c.as_str().to_owned());

    let mut changes = Map::new();
    let mut note = |field: &str, from: Value, to: Value| {
        if from != to {
            changes.insert(field.to_owned(), json!({ "from": from, "to": to }));
        }
    };
    note("first_name", json!(current.first_name), json!(first_name));
    note("last_name", json!(current.last_name), json!(last_name));
    note(
        "personal_code",
        json!(current.personal_code.is_some()),
        json!(code.is_some()),
    );
    note(
        "birth_date",
        json!(current.birth_date),
        json!(id_fields.birth_date),
    );
    note("sex", json!(current.sex), json!(id_fields.sex));
    note(
        "declared_address",
        json!(current.declared_address),
        json!(address),
    );
    note(
        "eldership_id",
        json!(current.eldership_id),
        json!(eldership_id),
    );
    let phone = pick(&body.phone, &current.phone);
    let email = pick(&body.email, &current.email);
    note("phone", json!(current.phone), json!(phone));
    note("email", json!(current.email), json!(email));

    let now = store::now();
    let txn = store::begin_write(&state.db).await?;
    let updated = versioned::update::<persons::Entity>(&actor, id, body.version, now)
        .col_expr(persons::Column::PersonalCode, Expr::value(code.clone()))
        .col_expr(persons::Column::FirstName, Expr::value(first_name.clone()))
        .col_expr(persons::Column::LastName, Expr::value(last_name.clone()))
        .col_expr(
            persons::Column::BirthDate,
            Expr::value(id_fields.birth_date),
        )
        .col_expr(persons::Column::Sex, Expr::value(id_fields.sex.clone()))
        .col_expr(
            persons::Column::DeclaredAddress,
            Expr::value(address.clone()),
        )
        .col_expr(persons::Column::EldershipId, Expr::value(eldership_id))
        .col_expr(persons::Column::Phone, Expr::value(phone))
        .col_expr(persons::Column::Email, Expr::value(email))
        .col_expr(
            persons::Column::SearchText,
            Expr::value(search_text(
                &first_name,
                &last_name,
                code.as_deref(),
                address.as_deref(),
            )),
        )
        .exec(&txn)
        .await;
    let updated = match updated {
        Err(e) if is_unique_violation(&e) => {
            return Err(ApiError::conflict(
                ErrorCode::PersonExists,
                "Another person with this personal code is registered in the municipality.",
            ));
        }
        other => other?,
    };
    versioned::expect_one(updated)?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::PersonUpdate, "person", id).summary(Value::Object(changes)),
    )
    .await?;
    // The person may have moved out of the actor's eldership: read unscoped by id.
    let row = persons::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::internal("updated person vanished"))?;
    let result = view(&txn, row).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
