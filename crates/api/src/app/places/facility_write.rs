//! Creating and changing facilities (`ManagePlaces`): a new facility with
//! its kinds of place and their capacity from today; its name, address,
//! reply term, admission checklist and whether it takes people.

use super::facilities::{FacilityView, facility_view};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{facilities, facility_capacities, facility_places, institutions};
use crate::store::is_unique_violation;
use crate::store::places as repo;
use crate::store::scope::scoped;
use atvejis_domain::places::{
    ChecklistItem, DEFAULT_REPLY_DAYS, FacilityKind, PlaceKind, default_admission_checklist,
};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// Places of a kind a new facility has from today.
#[derive(Debug, Serialize, Deserialize, ToSchema, Validate)]
pub struct NewPlaces {
    /// The kind of place (one the facility's kind has).
    pub kind: PlaceKind,
    /// Places, 0–10000.
    #[validate(range(min = 0, max = 10000))]
    pub places: i32,
}

/// A new facility.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreateFacilityRequest {
    /// Code, unique in the municipality (lowercase letters, digits, `-`).
    #[validate(length(min = 1, max = 40))]
    pub code: String,
    /// Name.
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    /// Kind.
    pub kind: FacilityKind,
    /// Address.
    #[validate(length(max = 300))]
    pub address: Option<String>,
    /// The institution it belongs to (of the municipality).
    pub institution_id: Option<Uuid>,
    /// Calendar days to answer an offer (1–60; default 5).
    #[validate(range(min = 1, max = 60))]
    pub offer_reply_days: Option<i32>,
    /// Its kinds of place with their places from today (each kind once).
    #[validate(length(min = 1, max = 4), nested)]
    pub places: Vec<NewPlaces>,
}

/// A change of a facility (absent fields stay as they are).
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct UpdateFacilityRequest {
    /// The facility's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Name.
    #[validate(length(min = 1, max = 200))]
    pub name: Option<String>,
    /// Address (empty: none).
    #[validate(length(max = 300))]
    pub address: Option<String>,
    /// Calendar days to answer an offer (1–60).
    #[validate(range(min = 1, max = 60))]
    pub offer_reply_days: Option<i32>,
    /// The admission checklist (codes unique).
    #[validate(length(max = 50))]
    pub admission_checklist: Option<Vec<ChecklistItem>>,
    /// Whether it takes people.
    pub active: Option<bool>,
}

fn valid_code(code: &str) -> bool {
    code.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn check_checklist(items: &[ChecklistItem]) -> ApiResult<()> {
    let mut seen = std::collections::HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let code = item.code.trim();
        if code.is_empty() || code.len() > 60 || !seen.insert(code.to_owned()) {
            return Err(ApiError::invalid_field(
                format!("admission_checklist[{i}].code"),
                if code.is_empty() {
                    FieldCode::Required
                } else {
                    FieldCode::Duplicate
                },
                "each item needs its own code",
            ));
        }
        if item.label_lt.trim().is_empty() || item.label_lt.len() > 300 || item.label_en.len() > 300
        {
            return Err(ApiError::invalid_field(
                format!("admission_checklist[{i}].label_lt"),
                FieldCode::Invalid,
                "each item needs a Lithuanian label (up to 300 characters)",
            ));
        }
    }
    Ok(())
}

fn code_taken() -> ApiError {
    ApiError::conflict(
        ErrorCode::FacilityCodeTaken,
        "A facility with this code exists in the municipality.",
    )
}

/// Creates a facility with its kinds of place, their capacity in force
/// from today (`ManagePlaces`). 409 `facility_code_taken`.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    body: CreateFacilityRequest,
) -> ApiResult<FacilityView> {
    let mut uow = UnitOfWork::begin(
        state,
        actor,
        atvejis_domain::access::Permission::ManagePlaces,
    )
    .await?;
    let code = body.code.trim().to_owned();
    if !valid_code(&code) {
        return Err(ApiError::invalid_field(
            "code",
            FieldCode::Invalid,
            "lowercase letters, digits and `-` only",
        ));
    }
    let name = body.name.trim().to_owned();
    if name.is_empty() {
        return Err(ApiError::invalid_field(
            "name",
            FieldCode::Required,
            "the facility needs a name",
        ));
    }
    let allowed = body.kind.place_kinds();
    let mut kinds = Vec::new();
    for (i, p) in body.places.iter().enumerate() {
        if !allowed.contains(&p.kind) {
            return Err(ApiError::invalid_field(
                format!("places[{i}].kind"),
                FieldCode::Invalid,
                "a facility of this kind has no such places",
            ));
        }
        if kinds.contains(&p.kind) {
            return Err(ApiError::invalid_field(
                format!("places[{i}].kind"),
                FieldCode::Duplicate,
                "each kind of place once",
            ));
        }
        kinds.push(p.kind);
    }
    if let Some(institution) = body.institution_id {
        let n = scoped::<institutions::Entity>(actor)
            .filter(institutions::Column::Id.eq(institution))
            .count(uow.db())
            .await?;
        if n == 0 {
            return Err(ApiError::invalid_field(
                "institution_id",
                FieldCode::Invalid,
                "no such institution in the municipality",
            ));
        }
    }
    let taken = scoped::<facilities::Entity>(actor)
        .filter(facilities::Column::Code.eq(code.clone()))
        .count(uow.db())
        .await?;
    if taken > 0 {
        return Err(code_taken());
    }
    let id = Uuid::now_v7();
    let now = uow.now();
    let checklist = serde_json::to_value(default_admission_checklist(body.kind))
        .map_err(|e| ApiError::from(crate::store::StoreError::corrupt("facility", e)))?;
    let inserted = facilities::Entity::insert(facilities::ActiveModel {
        id: Set(id),
        municipality_id: Set(actor.municipality_id),
        institution_id: Set(body.institution_id),
        code: Set(code.clone()),
        name: Set(name),
        kind: Set(body.kind.as_str().to_owned()),
        address: Set(body
            .address
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())),
        offer_reply_days: Set(body
            .offer_reply_days
            .unwrap_or(i32::try_from(DEFAULT_REPLY_DAYS).unwrap_or(5))),
        admission_checklist: Set(checklist),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(uow.db())
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Err(code_taken()),
        Err(e) => return Err(e.into()),
    }
    for p in &body.places {
        let place_id = Uuid::now_v7();
        facility_places::Entity::insert(facility_places::ActiveModel {
            id: Set(place_id),
            municipality_id: Set(actor.municipality_id),
            facility_id: Set(id),
            place_kind: Set(p.kind.as_str().to_owned()),
            registrations: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        })
        .exec(uow.db())
        .await?;
        facility_capacities::Entity::insert(facility_capacities::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(actor.municipality_id),
            place_id: Set(place_id),
            places: Set(p.places),
            valid_from: Set(uow.today()),
            created_by: Set(actor.user_id()),
            created_at: Set(now),
        })
        .exec(uow.db())
        .await?;
    }
    uow.audit(
        AuditEvent::new(AuditAction::FacilityCreate, "facility", id).summary(json!({
            "code": code,
            "kind": body.kind.as_str(),
            "places": body.places.iter().map(|p| json!({"kind": p.kind.as_str(), "places": p.places})).collect::<Vec<_>>(),
        })),
    )
    .await?;
    let facility = repo::facility(uow.db(), actor, id).await?;
    let view = facility_view(uow.db(), actor, facility, uow.today()).await?;
    uow.commit().await?;
    Ok(view)
}

/// Changes facility `id` (`ManagePlaces`; optimistic by `version`).
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: UpdateFacilityRequest,
) -> ApiResult<FacilityView> {
    let mut uow = UnitOfWork::begin(
        state,
        actor,
        atvejis_domain::access::Permission::ManagePlaces,
    )
    .await?;
    let facility = repo::facility(uow.db(), actor, id).await?;
    crate::app::lifecycle::check_version(facility.version, body.version)?;
    let mut changed = Vec::new();
    let mut row: facilities::ActiveModel = facility.clone().into();
    if let Some(name) = body.name {
        let name = name.trim().to_owned();
        if name.is_empty() {
            return Err(ApiError::invalid_field(
                "name",
                FieldCode::Required,
                "the facility needs a name",
            ));
        }
        row.name = Set(name);
        changed.push("name");
    }
    if let Some(address) = body.address {
        let address = address.trim().to_owned();
        row.address = Set((!address.is_empty()).then_some(address));
        changed.push("address");
    }
    if let Some(days) = body.offer_reply_days {
        row.offer_reply_days = Set(days);
        changed.push("offer_reply_days");
    }
    if let Some(items) = body.admission_checklist {
        check_checklist(&items)?;
        let value = serde_json::to_value(items)
            .map_err(|e| ApiError::from(crate::store::StoreError::corrupt("facility", e)))?;
        row.admission_checklist = Set(value);
        changed.push("admission_checklist");
    }
    if let Some(active) = body.active {
        row.active = Set(active);
        changed.push("active");
    }
    row.version = Set(facility.version + 1);
    row.updated_at = Set(uow.now());
    let result = facilities::Entity::update_many()
        .set(row)
        .filter(facilities::Column::Id.eq(id))
        .filter(facilities::Column::Version.eq(facility.version))
        .exec(uow.db())
        .await?;
    if result.rows_affected != 1 {
        return Err(ApiError::stale_version());
    }
    uow.audit(
        AuditEvent::new(AuditAction::FacilityUpdate, "facility", id)
            .summary(json!({ "changed": changed })),
    )
    .await?;
    let facility = repo::facility(uow.db(), actor, id).await?;
    let view = facility_view(uow.db(), actor, facility, uow.today()).await?;
    uow.commit().await?;
    Ok(view)
}
