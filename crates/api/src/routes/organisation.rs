//! `GET /api/v1/organisation`: the caller's municipality, its elderships and
//! institutions (for forms and labels).

use crate::actor::Actor;
use crate::app::common::{EldershipRef, MunicipalityRef};
use crate::app::{self, organisation::OrganisationRecord};
use crate::error::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// An institution or unit.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InstitutionView {
    /// Id.
    pub id: Uuid,
    /// The institution this unit belongs to.
    pub parent_id: Option<Uuid>,
    /// Stable code.
    pub code: String,
    /// Name.
    pub name: String,
    /// `centre`, `department`, `facility` or `external`.
    pub kind: String,
    /// Address.
    pub address: Option<String>,
}

/// The caller's organisation.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Organisation {
    /// The municipality.
    pub municipality: MunicipalityRef,
    /// Its elderships, by name.
    pub elderships: Vec<EldershipRef>,
    /// Its institutions and their units.
    pub institutions: Vec<InstitutionView>,
}

/// My municipality, its elderships and institutions.
#[utoipa::path(
    tag = "organisation",
    responses(
        (status = 200, description = "The organisation", body = Organisation),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/organisation")]
pub async fn get_organisation(
    state: web::Data<AppState>,
    actor: Actor,
) -> ApiResult<web::Json<Organisation>> {
    let OrganisationRecord {
        municipality,
        elderships,
        institutions,
    } = app::organisation::get(&state, &actor).await?;
    Ok(web::Json(Organisation {
        municipality: municipality.into(),
        elderships: elderships.into_iter().map(Into::into).collect(),
        institutions: institutions
            .into_iter()
            .map(|i| InstitutionView {
                id: i.id,
                parent_id: i.parent_id,
                code: i.code,
                name: i.name,
                kind: i.kind,
                address: i.address,
            })
            .collect(),
    }))
}
