//! `GET /api/v1/persons/{id}/eligibility`: hints for the intake form.

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::routes::common::{money, serde_code};
use crate::state::AppState;
use crate::store::catalogue::{by_code, spec_of};
use crate::store::entities::person_certificates;
use crate::store::persons::find_scoped;
use crate::store::{self, income, rates};
use actix_web::{get, web};
use atvejis_domain::access::Permission;
use atvejis_domain::eligibility::{Certificate, CertificateKind, PersonFacts, hints};
use atvejis_domain::income::average_income_per_member;
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// For which service.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EligibilityQuery {
    /// The service type's code.
    pub service_code: String,
}

/// One hint.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HintView {
    /// The rule, e.g. `R-EL-1`.
    pub rule: String,
    /// `met`, `not_met` or `unknown`.
    pub outcome: String,
    /// A stable code of the reason (translated by the client).
    pub reason: String,
}

/// Eligibility hints for a person and a service.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Eligibility {
    /// The service type.
    pub service_code: String,
    /// The rule of its recipients, if any.
    pub rule: Option<String>,
    /// The hints (never a block: the division decides).
    pub hints: Vec<HintView>,
    /// The person's average monthly income over the last 3 months, if recorded.
    #[schema(value_type = Option<String>)]
    pub income_per_member: Option<Decimal>,
    /// The VRP in force today.
    #[schema(value_type = Option<String>)]
    pub vrp: Option<Decimal>,
}

/// Eligibility hints (R-EL-1 … R-EL-5, R-CM-5) for a person and a service.
#[utoipa::path(
    tag = "persons",
    params(("id" = Uuid, Path, description = "Person id"), EligibilityQuery),
    responses(
        (status = 200, description = "The hints", body = Eligibility),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "unknown_service_type", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/persons/{id}/eligibility")]
pub async fn eligibility(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    query: web::Query<EligibilityQuery>,
) -> ApiResult<web::Json<Eligibility>> {
    actor.require(Permission::ReadCaseContent)?;
    let db = &state.db;
    let person = find_scoped(db, &actor, id.into_inner()).await?;
    let service = by_code(db, actor.municipality_id, &query.service_code)
        .await?
        .ok_or_else(|| {
            ApiError::invalid_field(
                "service_code",
                "unknown_service_type",
                "is not in the catalogue",
            )
        })?;
    let spec = spec_of(&service)?;
    let today = store::today();
    let certificates = person_certificates::Entity::find()
        .filter(person_certificates::Column::PersonId.eq(person.id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|c| {
            Some(Certificate {
                kind: CertificateKind::parse(&c.kind)?,
                value: c.value,
                valid_from: c.valid_from,
                valid_until: c.valid_until,
            })
        })
        .filter(|c| c.valid_on(today))
        .collect();
    let records = income::records_of(db, &[person.id]).await?;
    let income = if records.is_empty() {
        None
    } else {
        average_income_per_member(&[person.id], &records, today)
            .ok()
            .map(|a| a.per_member)
    };
    let vrp = rates::in_force(db, actor.municipality_id, rates::VRP, today).await?;
    let age = person.birth_date.map(|born| {
        let years = today.year() - born.year();
        let before_birthday = (today.month() as u8, today.day()) < (born.month() as u8, born.day());
        u32::try_from(years - i32::from(before_birthday)).unwrap_or(0)
    });
    let facts = PersonFacts {
        age,
        certificates,
        income_per_member: income,
        vrp,
        lives_in_municipality: person.declared_address.as_ref().map(|_| true),
    };
    let hint_views = spec
        .eligibility_rule
        .as_deref()
        .map(|rule| hints(rule, &facts))
        .unwrap_or_default()
        .into_iter()
        .map(|h| HintView {
            rule: h.rule,
            outcome: serde_code(&h.outcome),
            reason: h.reason,
        })
        .collect();
    Ok(web::Json(Eligibility {
        service_code: service.code,
        rule: spec.eligibility_rule,
        hints: hint_views,
        income_per_member: income.map(money),
        vrp: vrp.map(money),
    }))
}
