//! Signing delegations (R-ROLE-2): an administrator grants a signer the
//! right to sign decisions on some service types, for a period, on the
//! authority of a document (the director's order); lists them; ends one.
//! All need `ManageUsers`, checked before anything is looked up. The sign
//! step asks [`covering`] under which delegation the caller signs.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::applications::views::{ServiceTypeRef, StaffRef, service_ref, spec, staff_ref};
use crate::app::lifecycle::check_version;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode, FieldError};
use crate::state::AppState;
use crate::store::applications::staff_names;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::catalogue;
use crate::store::entities::{service_types, signing_delegations};
pub use crate::store::signing_delegations::DelegationQuery;
use crate::store::signing_delegations::{self as repo, DelegationRecord};
use crate::store::users;
use atvejis_domain::access::Permission;
use atvejis_domain::signing::{DelegationStatus, Grant, GrantError, check_grant};
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// A signing delegation.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DelegationView {
    /// Id.
    pub id: Uuid,
    /// Who may sign under it.
    pub user: StaffRef,
    /// The service types whose decisions they may sign.
    pub service_types: Vec<ServiceTypeRef>,
    /// In force from (inclusive).
    pub valid_from: Date,
    /// In force until (inclusive); none: until revoked.
    pub valid_until: Option<Date>,
    /// The authority, e.g. the director's order and its number.
    pub reference: String,
    /// Where it stands today.
    pub status: DelegationStatus,
    /// Who granted it.
    pub granted_by: StaffRef,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub granted_at: OffsetDateTime,
    /// When it was ended early.
    #[serde(with = "time::serde::rfc3339::option")]
    pub revoked_at: Option<OffsetDateTime>,
    /// Who ended it.
    pub revoked_by: Option<StaffRef>,
    /// Send back to revoke it.
    pub version: i32,
}

/// The views of `records` on `today`, staff named with one query.
async fn views<C: ConnectionTrait>(
    db: &C,
    records: Vec<DelegationRecord>,
    today: Date,
) -> ApiResult<Vec<DelegationView>> {
    let ids: Vec<Uuid> = records
        .iter()
        .flat_map(|r| {
            let d = &r.delegation;
            [Some(d.user_id), Some(d.granted_by), d.revoked_by]
        })
        .flatten()
        .collect();
    let names = staff_names(db, ids).await?;
    records
        .into_iter()
        .map(|r| view(r, &names, today))
        .collect()
}

fn view(
    record: DelegationRecord,
    names: &HashMap<Uuid, String>,
    today: Date,
) -> ApiResult<DelegationView> {
    let status = record.domain().status_on(today);
    let DelegationRecord {
        delegation: d,
        services,
    } = record;
    Ok(DelegationView {
        id: d.id,
        user: staff_ref(names, d.user_id),
        service_types: services
            .iter()
            .map(|t| Ok(service_ref(t, &spec(t)?)))
            .collect::<ApiResult<_>>()?,
        valid_from: d.valid_from,
        valid_until: d.valid_until,
        reference: d.reference,
        status,
        granted_by: staff_ref(names, d.granted_by),
        granted_at: d.granted_at,
        revoked_at: d.revoked_at,
        revoked_by: d.revoked_by.map(|id| staff_ref(names, id)),
        version: d.version,
    })
}

/// A page of the municipality's delegations matching `filter` (page from
/// 1), newest first, and the total.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    filter: &DelegationQuery,
    page: u64,
    per_page: u64,
) -> ApiResult<(Vec<DelegationView>, u64)> {
    actor.require(Permission::ManageUsers)?;
    let (records, total) = repo::page(&state.db, actor, filter, page, per_page).await?;
    let items = views(&state.db, records, state.clock.today()).await?;
    Ok((items, total))
}

/// A delegation to grant, as asked for.
#[derive(Debug)]
pub struct NewDelegation {
    /// The holder.
    pub user_id: Uuid,
    /// Service type codes of the municipality's catalogue.
    pub service_codes: Vec<String>,
    /// First day.
    pub valid_from: Date,
    /// Last day.
    pub valid_until: Option<Date>,
    /// The authority.
    pub reference: String,
}

/// The service types `codes` name, each once, all of the actor's catalogue.
async fn service_types_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    codes: &[String],
) -> ApiResult<Vec<service_types::Model>> {
    let catalogue = catalogue::list(db, actor).await?;
    let mut chosen: Vec<service_types::Model> = Vec::with_capacity(codes.len());
    let mut errors = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let field = format!("service_codes[{i}]");
        match catalogue.iter().find(|s| &s.code == code) {
            None => errors.push(FieldError::new(
                field,
                FieldCode::UnknownServiceType,
                format!("`{code}` is not a service type of your catalogue"),
            )),
            Some(s) if chosen.iter().any(|c| c.id == s.id) => errors.push(FieldError::new(
                field,
                FieldCode::Duplicate,
                format!("`{code}` is listed twice"),
            )),
            Some(s) => chosen.push(s.clone()),
        }
    }
    if errors.is_empty() {
        Ok(chosen)
    } else {
        Err(ApiError::validation(errors))
    }
}

/// Grants a delegation to a user of the actor's municipality (404 for
/// another's); never to oneself (403 `self_delegation`), only to a user
/// whose roles sign (422 on `user_id`).
pub async fn grant(
    state: &AppState,
    actor: &Actor,
    new: NewDelegation,
) -> ApiResult<DelegationView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageUsers).await?;
    let Some(granted_by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "Signing delegations are granted by an administrator.",
        ));
    };
    let reference = new.reference.trim().to_owned();
    if reference.is_empty() {
        return Err(ApiError::invalid_field(
            "reference",
            FieldCode::Required,
            "name the authority, e.g. the director's order and its number",
        ));
    }
    if new.user_id == granted_by {
        return Err(grant_error(GrantError::ToSelf));
    }
    let holder = users::record(uow.db(), actor, new.user_id).await?;
    let services = service_types_of(uow.db(), actor, &new.service_codes).await?;
    let today = uow.today();
    check_grant(
        &Grant {
            granted_by,
            holder: holder.user.id,
            holder_roles: &holder.roles,
            services: services.len(),
            valid_from: new.valid_from,
            valid_until: new.valid_until,
        },
        today,
    )
    .map_err(grant_error)?;
    let now = uow.now();
    let id = Uuid::now_v7();
    let row = signing_delegations::Model {
        id,
        municipality_id: actor.municipality_id,
        user_id: holder.user.id,
        valid_from: new.valid_from,
        valid_until: new.valid_until,
        reference: reference.clone(),
        granted_by,
        granted_at: now,
        revoked_at: None,
        revoked_by: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    let service_ids: Vec<Uuid> = services.iter().map(|s| s.id).collect();
    repo::insert(uow.db(), row, &service_ids).await?;
    uow.audit(
        AuditEvent::new(
            AuditAction::SigningDelegationGrant,
            "signing_delegation",
            id,
        )
        .summary(json!({
            "user_id": holder.user.id,
            "username": holder.user.username,
            "service_codes": services.iter().map(|s| s.code.as_str()).collect::<Vec<_>>(),
            "valid_from": new.valid_from,
            "valid_until": new.valid_until,
            "reference": reference,
        })),
    )
    .await?;
    let record = repo::record(uow.db(), actor, id).await?;
    let view = views(uow.db(), vec![record], today)
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("a granted delegation without its view"))?;
    uow.commit().await?;
    Ok(view)
}

fn grant_error(e: GrantError) -> ApiError {
    use actix_web::http::StatusCode;
    match e {
        GrantError::ToSelf => ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::SelfDelegation,
            "Nobody grants a signing delegation to themself; ask another administrator.",
        ),
        GrantError::CannotSign => ApiError::invalid_field(
            "user_id",
            FieldCode::CannotSign,
            "the user's roles do not sign decisions; give them the signing role (division_head) first",
        ),
        GrantError::NoServices => ApiError::invalid_field(
            "service_codes",
            FieldCode::Required,
            "name at least one service type",
        ),
        GrantError::StartsInPast => ApiError::invalid_field(
            "valid_from",
            FieldCode::InPast,
            "a delegation starts today at the earliest",
        ),
        GrantError::EndsBeforeStart => ApiError::invalid_field(
            "valid_until",
            FieldCode::BeforeValidFrom,
            "is on or after valid_from",
        ),
    }
}

/// Ends delegation `id` now (at the `version` the client read): nothing can
/// be signed under it any more. 409 `delegation_ended` when it has already
/// ended (revoked or expired).
pub async fn revoke(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
) -> ApiResult<DelegationView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageUsers).await?;
    let Some(by) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "Signing delegations are ended by an administrator.",
        ));
    };
    let record = repo::record(uow.db(), actor, id).await?;
    check_version(record.delegation.version, version)?;
    let today = uow.today();
    let status = record.domain().status_on(today);
    if status.has_ended() {
        return Err(ApiError::conflict(
            ErrorCode::DelegationEnded,
            "The delegation has already ended.",
        ));
    }
    repo::save_revoked(uow.db(), actor, id, version, by, uow.now()).await?;
    uow.audit(
        AuditEvent::new(
            AuditAction::SigningDelegationRevoke,
            "signing_delegation",
            id,
        )
        .summary(json!({
            "user_id": record.delegation.user_id,
            "was": status,
            "reference": record.delegation.reference,
        })),
    )
    .await?;
    let record = repo::record(uow.db(), actor, id).await?;
    let view = views(uow.db(), vec![record], today)
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("a revoked delegation without its view"))?;
    uow.commit().await?;
    Ok(view)
}

/// R-ROLE-2: the delegation of `actor` in force on `on` that covers
/// `service_type_id`, if any (two queries; none for a caller who cannot
/// sign or is not a member of staff).
pub async fn covering<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    service_type_id: Uuid,
    on: Date,
) -> ApiResult<Option<signing_delegations::Model>> {
    let Some(user_id) = actor.user_id() else {
        return Ok(None);
    };
    if !actor.can(Permission::SignDecisions) {
        return Ok(None);
    }
    let records = repo::current_of(db, actor, user_id, on).await?;
    let domain: Vec<_> = records.iter().map(DelegationRecord::domain).collect();
    let chosen = atvejis_domain::signing::covering(&domain, &service_type_id, on).map(|d| d.id);
    Ok(chosen.and_then(|id| {
        records
            .into_iter()
            .map(|r| r.delegation)
            .find(|d| d.id == id)
    }))
}
