//! `/api/v1/persons/{id}/certificates`: disability, working capacity,
//! special needs, permanent nursing or care need, pensioner — with validity.

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::person_certificates as pc;
use crate::store::persons::find_scoped;
use crate::store::{self};
use actix_web::http::header;
use actix_web::{HttpResponse, delete, post, web};
use atvejis_domain::access::Permission;
use atvejis_domain::eligibility::CertificateKind;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A kind of certificate.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = CertificateKind)]
pub enum CertificateKindSchema {
    /// Disability level of a child: `severe`, `moderate`, `mild`.
    DisabilityLevel,
    /// Working capacity, a percentage in steps of 5.
    WorkingCapacity,
    /// Special needs level: `high`, `medium`, `low`.
    SpecialNeedsLevel,
    /// Special need of permanent nursing.
    PermanentNursingNeed,
    /// Special need of permanent care (assistance).
    PermanentCareNeed,
    /// Pensioner.
    Pensioner,
}

/// A certificate of a person.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CertificateView {
    /// Id.
    pub id: Uuid,
    /// What it certifies.
    #[schema(value_type = CertificateKindSchema)]
    pub kind: String,
    /// The level or percentage.
    pub value: Option<String>,
    /// Valid from.
    pub valid_from: Date,
    /// Valid until (inclusive); none: indefinitely.
    pub valid_until: Option<Date>,
    /// Issued by (e.g. NDNT).
    pub issued_by: Option<String>,
    /// Recorded.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<pc::Model> for CertificateView {
    fn from(c: pc::Model) -> Self {
        CertificateView {
            id: c.id,
            kind: c.kind,
            value: c.value,
            valid_from: c.valid_from,
            valid_until: c.valid_until,
            issued_by: c.issued_by,
            created_at: c.created_at,
        }
    }
}

/// A new certificate.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct AddCertificateRequest {
    /// What it certifies.
    #[schema(value_type = CertificateKindSchema)]
    pub kind: String,
    /// The level or percentage, as the kind needs.
    #[validate(length(max = 20))]
    pub value: Option<String>,
    /// Valid from.
    pub valid_from: Date,
    /// Valid until (inclusive).
    pub valid_until: Option<Date>,
    /// Issued by.
    #[validate(length(max = 200))]
    pub issued_by: Option<String>,
}

/// Add a certificate to a person.
#[utoipa::path(
    tag = "persons",
    params(("id" = Uuid, Path, description = "Person id")),
    request_body = AddCertificateRequest,
    responses(
        (status = 201, description = "Added", body = CertificateView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/persons/{id}/certificates")]
pub async fn add_certificate(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<AddCertificateRequest>,
) -> ApiResult<HttpResponse> {
    actor.require(Permission::WritePersons)?;
    let ValidJson(body) = body;
    let person_id = id.into_inner();
    let kind = CertificateKind::parse(&body.kind).ok_or_else(|| {
        ApiError::invalid_field("kind", "unknown_kind", "is not a kind of certificate")
    })?;
    let value = body
        .value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty());
    kind.check_value(value)
        .map_err(|message| ApiError::invalid_field("value", "invalid", message))?;
    if body
        .valid_until
        .is_some_and(|until| until < body.valid_from)
    {
        return Err(ApiError::invalid_field(
            "valid_until",
            "before_valid_from",
            "is before the start of validity",
        ));
    }
    let now = store::now();
    let txn = store::begin_write(&state.db).await?;
    find_scoped(&txn, &actor, person_id).await?;
    let row = pc::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        person_id: Set(person_id),
        kind: Set(kind.as_str().to_owned()),
        value: Set(value.map(str::to_owned)),
        valid_from: Set(body.valid_from),
        valid_until: Set(body.valid_until),
        issued_by: Set(body
            .issued_by
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())),
        created_at: Set(now),
    };
    let created = pc::Entity::insert(row).exec_with_returning(&txn).await?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::PersonCertificateAdd, "person", person_id).summary(json!({
            "certificate_id": created.id,
            "kind": created.kind,
            "valid_from": created.valid_from,
            "valid_until": created.valid_until,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/persons/{person_id}")))
        .json(CertificateView::from(created)))
}

/// Remove a certificate recorded by mistake.
#[utoipa::path(
    tag = "persons",
    params(
        ("id" = Uuid, Path, description = "Person id"),
        ("certificate_id" = Uuid, Path, description = "Certificate id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such certificate", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/persons/{id}/certificates/{certificate_id}")]
pub async fn delete_certificate(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    actor.require(Permission::WritePersons)?;
    let (person_id, certificate_id) = path.into_inner();
    let txn = store::begin_write(&state.db).await?;
    find_scoped(&txn, &actor, person_id).await?;
    let removed = pc::Entity::delete_many()
        .filter(pc::Column::Id.eq(certificate_id))
        .filter(pc::Column::PersonId.eq(person_id))
        .filter(pc::Column::MunicipalityId.eq(actor.municipality_id))
        .exec(&txn)
        .await?;
    if removed.rows_affected != 1 {
        return Err(ApiError::not_found("No such certificate."));
    }
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::PersonCertificateRemove, "person", person_id)
            .summary(json!({ "certificate_id": certificate_id })),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
