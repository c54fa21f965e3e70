//! `GET /api/v1/families/{id}`: the family and its income per member.

use super::{FamilyView, find_scoped, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::ReadPurpose;
use crate::routes::common::{money, serde_code};
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor};
use crate::store::{self, income, rates};
use actix_web::{get, web};
use atvejis_domain::access::Permission;
use atvejis_domain::fees::vrp_band;
use atvejis_domain::income::average_income_per_member;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The reference date.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IncomeOn {
    /// The date income is averaged before (the 3 calendar months before its
    /// month); default today.
    pub on: Option<Date>,
}

/// The family's average monthly income per member.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FamilyIncome {
    /// The reference date.
    pub on: Date,
    /// The months counted, `YYYY-MM`.
    pub months: Vec<String>,
    /// Members counted.
    pub members: u32,
    /// The family's average monthly income.
    #[schema(value_type = String)]
    pub monthly_total: Decimal,
    /// Average monthly income per member.
    #[schema(value_type = String)]
    pub per_member: Decimal,
    /// The VRP in force on the date, if any.
    #[schema(value_type = Option<String>)]
    pub vrp: Option<Decimal>,
    /// The income tier against the VRP (R-FEE-0).
    pub band: Option<String>,
}

/// A family with its income.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FamilyFile {
    /// The family.
    pub family: FamilyView,
    /// Its income.
    pub income: FamilyIncome,
}

/// One family.
#[utoipa::path(
    tag = "families",
    params(("id" = Uuid, Path, description = "Family id"), IncomeOn),
    responses(
        (status = 200, description = "The family", body = FamilyFile),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to case content", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such family in your scope", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/families/{id}")]
pub async fn get_family(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    query: web::Query<IncomeOn>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<FamilyFile>> {
    actor.require(Permission::ReadCaseContent)?;
    let db = &state.db;
    let family = find_scoped(db, &actor, id.into_inner()).await?;
    audit::record_read(
        &state.db,
        &AuditActor::of(&actor),
        state.clock.now(),
        AuditAction::FamilyRead,
        "family",
        family.id,
        purpose.0,
    )
    .await?;
    let on = query.on.unwrap_or_else(store::today);
    let view = view(db, family).await?;
    let members: Vec<Uuid> = view.members.iter().map(|m| m.person.id).collect();
    let records = income::records_of(db, &members).await?;
    let average = average_income_per_member(&members, &records, on)
        .map_err(|e| ApiError::conflict(ErrorCode::NoMembers, e.to_string()))?;
    let vrp = rates::in_force(db, actor.municipality_id, rates::VRP, on).await?;
    let band = vrp.map(|v| serde_code(&vrp_band(average.per_member, v)));
    Ok(web::Json(FamilyFile {
        income: FamilyIncome {
            on,
            months: average
                .months
                .iter()
                .map(|m| format!("{}-{:02}", m.year, m.month))
                .collect(),
            members: average.members,
            monthly_total: money(average.monthly_total),
            per_member: money(average.per_member),
            vrp: vrp.map(money),
            band,
        },
        family: view,
    }))
}
