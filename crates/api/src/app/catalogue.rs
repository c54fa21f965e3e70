//! The municipality's reference data: the service catalogue and the
//! effective-dated rates. Everyone reads them; only `admin` changes them.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::applications::views::{ServiceTypeRef, service_ref, spec};
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode, FieldError};
use crate::held::Held;
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::catalogue;
pub use crate::store::catalogue::ServiceType;
use crate::store::entities::service_types;
use crate::store::rates;
pub use crate::store::rates::{NewRate, Rate};
use atvejis_domain::access::Permission;
use atvejis_domain::catalogue::ServiceTypeSpec;
use atvejis_domain::rates::RateKind;
use rust_decimal::Decimal;
use sea_orm::ConnectionTrait;
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

/// The service types of the actor's municipality, by code.
pub async fn service_types(state: &AppState, actor: &Actor) -> ApiResult<Vec<ServiceType>> {
    catalogue::list(&state.db, actor)
        .await?
        .into_iter()
        .map(|row| ServiceType::try_from(row).map_err(ApiError::from))
        .collect()
}

/// A change of a service type.
#[derive(Debug)]
pub struct ServiceTypeChange {
    /// The version the client read.
    pub version: i32,
    /// Offered for new applications.
    pub active: bool,
    /// The new specification (its code cannot change).
    pub spec: ServiceTypeSpec,
}

/// Changes a service type of the actor's municipality (admin).
pub async fn update_service_type(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    change: ServiceTypeChange,
) -> ApiResult<ServiceType> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageReferenceData).await?;
    let current = catalogue::find_scoped(uow.db(), actor, id).await?;
    check_spec(&change.spec, &current.code)?;
    catalogue::save(
        uow.db(),
        actor,
        id,
        change.version,
        &change.spec,
        change.active,
        uow.now(),
    )
    .await?;
    let spec_json = serde_json::to_value(&change.spec).map_err(ApiError::internal)?;
    uow.audit(
        AuditEvent::new(AuditAction::ServiceTypeUpdate, "service_type", id)
            .summary(json!({ "from": current.spec, "to": spec_json, "active": change.active })),
    )
    .await?;
    let row = catalogue::find_scoped(uow.db(), actor, id).await?;
    uow.commit().await?;
    Ok(row.try_into()?)
}

/// What an administrator may set in a service type's specification.
fn check_spec(spec: &ServiceTypeSpec, code: &str) -> ApiResult<()> {
    let mut errors = Vec::new();
    if spec.code != code {
        errors.push(FieldError::new(
            "spec.code",
            FieldCode::Immutable,
            "the code of a service type cannot change",
        ));
    }
    if spec.name_lt.trim().is_empty() || spec.name_en.trim().is_empty() {
        errors.push(FieldError::new(
            "spec.name_lt",
            FieldCode::Required,
            "give both names",
        ));
    }
    if spec.decision_deadline.amount == 0 || spec.decision_deadline.amount > 365 {
        errors.push(FieldError::new(
            "spec.decision_deadline.amount",
            FieldCode::Range,
            "is 1–365 days",
        ));
    }
    let mut codes: Vec<&str> = spec
        .required_documents
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    codes.sort_unstable();
    if codes.windows(2).any(|w| w[0] == w[1]) || codes.iter().any(|c| c.trim().is_empty()) {
        errors.push(FieldError::new(
            "spec.required_documents",
            FieldCode::Invalid,
            "document codes are non-empty and unique",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

/// The rates of the actor's municipality (only `kind`, when given).
pub async fn rates(
    state: &AppState,
    actor: &Actor,
    kind: Option<RateKind>,
) -> ApiResult<Vec<Rate>> {
    Ok(rates::list(&state.db, actor, kind).await?)
}

/// Adds a value of a rate from a date (admin).
pub async fn create_rate(state: &AppState, actor: &Actor, new: NewRate) -> ApiResult<Rate> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageReferenceData).await?;
    // The column keeps 10 digits before the point and 4 after: a value of
    // ten million or more is no rate (and would overflow on PostgreSQL).
    if new.value.is_sign_negative()
        || (new.kind.is_share() && new.value > Decimal::ONE)
        || new.value.normalize().scale() > 4
        || new.value >= Decimal::from(10_000_000)
    {
        return Err(ApiError::invalid_field(
            "value",
            FieldCode::Range,
            if new.kind.is_share() {
                "is a share between 0 and 1"
            } else {
                "is a non-negative amount below ten million, at most 4 decimals"
            },
        ));
    }
    // A back-dated value would change what fees already used: refused once a
    // kept fee used the value it replaces. A planned value may still move.
    if new.valid_from < uow.today()
        && rates::replaced_value_used_by_a_fee(uow.db(), actor, new.kind, new.valid_from).await?
    {
        return Err(ApiError::invalid_field(
            "valid_from",
            FieldCode::UsedByFee,
            "is before today, and a decision's fee used the value it would replace; give a date from today on",
        ));
    }
    let value = new.value;
    let rate = match rates::insert(uow.db(), actor, new, uow.now()).await {
        Err(e) if e.is_unique_violation() => {
            return Err(ApiError::conflict(
                ErrorCode::RateExists,
                "A value of this kind from that date exists.",
            ));
        }
        other => other?,
    };
    uow.audit(
        AuditEvent::new(AuditAction::RateCreate, "rate", rate.id).summary(json!({
            "kind": rate.kind,
            "valid_from": rate.valid_from,
            "value": value.to_string(),
        })),
    )
    .await?;
    uow.commit().await?;
    Ok(rate)
}

/// Withdraws a value of a rate that is not in force yet (admin).
pub async fn delete_rate(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<()> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageReferenceData).await?;
    let rate = rates::find_scoped(uow.db(), actor, id).await?;
    if rate.valid_from <= uow.today() {
        return Err(ApiError::conflict(
            ErrorCode::RateInForce,
            "This value is already in force and may have been used; add a newer value instead.",
        ));
    }
    rates::delete(uow.db(), rate.id).await?;
    uow.audit(
        AuditEvent::new(AuditAction::RateDelete, "rate", rate.id).summary(json!({
            "kind": rate.kind,
            "valid_from": rate.valid_from,
            "value": rate.value.normalize().to_string(),
        })),
    )
    .await?;
    uow.commit().await?;
    Ok(())
}

/// A service type as a summary of an application names it and counts its
/// terms by.
#[derive(Debug)]
pub struct NamedServiceType {
    /// Id, code and names.
    pub reference: ServiceTypeRef,
    /// The specification.
    pub spec: ServiceTypeSpec,
    /// The row it was read from.
    pub row: service_types::Model,
}

/// Service types by id and version, held in memory for the summaries of the
/// person file and for intake (issue 13: a spec is a kilobyte of JSON each
/// application row would otherwise carry and parse). Every change of a
/// service type, its `active` flag included, makes a new version
/// (`catalogue::save`), and the rows name the version they were read with,
/// so a process never uses a spec older than the row's: two processes
/// cannot disagree. A migration that rewrites specs MUST bump
/// their versions too (or processes started before it keep the old spec).
#[derive(Debug, Default)]
pub struct ServiceTypeCache {
    held: Held<(Uuid, i32), Arc<NamedServiceType>, CACHED_AT_MOST>,
}

/// How many versions the cache holds before it starts over (a municipality
/// has a few dozen service types).
const CACHED_AT_MOST: usize = 1024;

impl ServiceTypeCache {
    /// The service types `wanted` by (id, version): from memory, the ones not
    /// held read in one query. A type changed since its row was read is
    /// given in its newer version.
    pub async fn get<C: ConnectionTrait>(
        &self,
        db: &C,
        wanted: &[(Uuid, i32)],
    ) -> ApiResult<HashMap<(Uuid, i32), Arc<NamedServiceType>>> {
        let mut found = HashMap::new();
        let mut missing = Vec::new();
        for key in wanted {
            match self.held.get(key) {
                Some(held) => _ = found.insert(*key, held),
                None => missing.push(key.0),
            }
        }
        if missing.is_empty() {
            return Ok(found);
        }
        let mut read = HashMap::new();
        for row in catalogue::by_ids(db, missing).await? {
            let spec = spec(&row)?;
            let (id, version) = (row.id, row.version);
            let named = NamedServiceType {
                reference: service_ref(&row, &spec),
                spec,
                row,
            };
            read.insert(id, (version, Arc::new(named)));
        }
        for (id, (version, named)) in &read {
            self.held.keep((*id, *version), Arc::clone(named));
        }
        for key in wanted {
            if let Some((_, named)) = read.get(&key.0) {
                found.entry(*key).or_insert_with(|| Arc::clone(named));
            }
        }
        Ok(found)
    }

    /// The service type `code` of municipality `municipality_id`: its id and
    /// version read (one small query), the rest from memory when that
    /// version is held (issue 13: receiving an application).
    pub async fn by_code<C: ConnectionTrait>(
        &self,
        db: &C,
        municipality_id: Uuid,
        code: &str,
    ) -> ApiResult<Option<Arc<NamedServiceType>>> {
        let Some(key) = catalogue::version_by_code(db, municipality_id, code).await? else {
            return Ok(None);
        };
        Ok(self.get(db, &[key]).await?.remove(&key))
    }
}
