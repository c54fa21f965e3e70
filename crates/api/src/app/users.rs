//! Staff accounts of the actor's municipality: list, read, create, change,
//! activate, deactivate, set a password. All need `ManageUsers` (admin),
//! checked before anything is looked up.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::read::{ExportRecord, audited_export};
use crate::auth::password::check_new_password;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode, FieldError};
use crate::export::{ExportFormat, MAX_ROWS, Table, ensure_within_limit};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::sessions;
use crate::store::users::{self, NewUser, UserChanges};
pub use crate::store::users::{UserQuery, UserRecord};
use atvejis_domain::access::{self, Permission, Purpose, Role};
use serde_json::{Map, Value, json};
use uuid::Uuid;

/// A page of users matching `filter` (page from 1) and the total.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    filter: &UserQuery,
    page: u64,
    per_page: u64,
) -> ApiResult<(Vec<UserRecord>, u64)> {
    actor.require(Permission::ManageUsers)?;
    Ok(users::page(&state.db, actor, filter, page, per_page).await?)
}

/// The users matching `filter`, by username, all of them (up to
/// [`MAX_ROWS`]), as a file; recorded as an export (`list.export`, `users`)
/// with its purpose.
pub async fn export(
    state: &AppState,
    actor: &Actor,
    filter: &UserQuery,
    purpose: Purpose,
    format: ExportFormat,
) -> ApiResult<Table> {
    let mut filters = Vec::new();
    for (used, name) in [
        (filter.q.is_some(), "q"),
        (filter.role.is_some(), "role"),
        (filter.active.is_some(), "active"),
        (filter.eldership_id.is_some(), "eldership_id"),
    ] {
        if used {
            filters.push(name);
        }
    }
    let record = ExportRecord {
        list: "users",
        entity_id: None,
        filters,
        format,
    };
    audited_export(
        state,
        actor,
        Permission::ManageUsers,
        purpose,
        record,
        || async {
            let (records, total) = users::page(&state.db, actor, filter, 1, MAX_ROWS).await?;
            ensure_within_limit(total)?;
            let mut table = Table::new(
                "Naudotojai",
                &[
                    "prisijungimo_vardas",
                    "vardas_pavarde",
                    "roles",
                    "seniunija",
                    "aktyvus",
                ],
            );
            for r in records {
                let roles: Vec<&str> = r.roles.iter().map(|role| role.as_str()).collect();
                table.push(vec![
                    r.user.username.into(),
                    r.user.display_name.into(),
                    roles.join(", ").into(),
                    r.eldership.map(|e| e.name).into(),
                    r.user.active.into(),
                ]);
            }
            Ok(table)
        },
    )
    .await
}

/// One user of the actor's municipality.
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<UserRecord> {
    actor.require(Permission::ManageUsers)?;
    Ok(users::record(&state.db, actor, id).await?)
}

/// A new member of staff, as asked for (checked here).
#[derive(Debug)]
pub struct CreateUser {
    /// Login name as typed.
    pub username: String,
    /// Name to show.
    pub display_name: String,
    /// Initial password.
    pub password: String,
    /// Role codes as sent.
    pub roles: Vec<String>,
    /// Eldership.
    pub eldership_id: Option<Uuid>,
}

/// Creates a user in the actor's municipality. `errors` are the field
/// errors the body's own validation found (reported with the others).
pub async fn create(
    state: &AppState,
    actor: &Actor,
    new: CreateUser,
    mut errors: Vec<FieldError>,
) -> ApiResult<UserRecord> {
    actor.require(Permission::ManageUsers)?;
    let username = check_username(&new.username)
        .map_err(|e| errors.push(e))
        .ok();
    let roles = parse_roles("roles", &new.roles)
        .map_err(|e| errors.push(e))
        .ok();
    if let Err(e) = check_new_password("password", &new.password, username.as_deref().unwrap_or(""))
    {
        errors.push(e);
    }
    let (Some(username), Some(roles), true) = (username, roles, errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    if let Some(eldership) = new.eldership_id {
        check_eldership(state, actor, eldership).await?;
    }
    // Hashing takes a while: before the write transaction, not in it.
    let password_hash = state.hasher.hash(new.password).await?;
    let display_name = new.display_name.trim().to_owned();
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageUsers).await?;
    let record = NewUser {
        username: username.clone(),
        display_name: display_name.clone(),
        password_hash,
        roles: roles.clone(),
        eldership_id: new.eldership_id,
    };
    let id = match users::insert(uow.db(), actor.municipality_id, &record, uow.now()).await {
        Err(e) if e.is_unique_violation() => {
            return Err(ApiError::conflict(
                ErrorCode::UsernameTaken,
                format!("The username `{username}` is taken."),
            ));
        }
        other => other?,
    };
    uow.audit(
        AuditEvent::new(AuditAction::UserCreate, "user", id).summary(json!({
            "username": username,
            "display_name": display_name,
            "roles": roles,
            "eldership_id": new.eldership_id,
        })),
    )
    .await?;
    let created = users::record(uow.db(), actor, id).await?;
    uow.commit().await?;
    Ok(created)
}

/// Changes to a user (`None`: unchanged).
#[derive(Debug)]
pub struct UpdateUser {
    /// The version the client read.
    pub version: i32,
    /// Name to show.
    pub display_name: Option<String>,
    /// The new full list of role codes.
    pub roles: Option<Vec<String>>,
    /// Eldership (`Some(None)` removes it).
    pub eldership_id: Option<Option<Uuid>>,
}

/// Changes a user's name, roles or eldership.
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    change: UpdateUser,
) -> ApiResult<UserRecord> {
    actor.require(Permission::ManageUsers)?;
    let roles = match &change.roles {
        Some(codes) => {
            Some(parse_role_codes("roles", codes).map_err(|e| ApiError::validation(vec![e]))?)
        }
        None => None,
    };
    let own = actor.user_id() == Some(id);
    if let Some(Some(eldership)) = change.eldership_id {
        check_eldership(state, actor, eldership).await?;
    }
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageUsers).await?;
    let current = users::record(uow.db(), actor, id).await?;
    // Nobody changes their own roles (an administrator could otherwise give
    // themself case roles, or drop the admin role): another administrator
    // does. Sending the roles one already holds is no change.
    let same_roles = |r: &Vec<Role>| {
        r.len() == current.roles.len() && r.iter().all(|x| current.roles.contains(x))
    };
    if own && roles.as_ref().is_some_and(|r| !same_roles(r)) {
        return Err(ApiError::invalid_field(
            "roles",
            FieldCode::CannotChangeOwnRoles,
            "you cannot change your own roles; ask another administrator",
        ));
    }
    if let Some(roles) = &roles {
        check_no_admin_with_case_role("roles", roles).map_err(|e| ApiError::validation(vec![e]))?;
    }
    let roles = roles.filter(|r| !same_roles(r));
    let mut changes = Map::new();
    let display_name = change.display_name.map(|n| n.trim().to_owned());
    if let Some(name) = &display_name {
        changes.insert(
            "display_name".into(),
            json!({ "from": current.user.display_name, "to": name }),
        );
    }
    if let Some(eldership) = change.eldership_id {
        changes.insert(
            "eldership_id".into(),
            json!({ "from": current.user.eldership_id, "to": eldership }),
        );
    }
    let columns = UserChanges {
        display_name,
        eldership_id: change.eldership_id,
        ..UserChanges::default()
    };
    users::save(uow.db(), actor, id, change.version, columns, uow.now()).await?;
    uow.ends_access_of(id);
    if let Some(roles) = &roles {
        users::set_roles(uow.db(), id, roles).await?;
        changes.insert(
            "roles".into(),
            json!({ "from": current.roles, "to": roles }),
        );
    }
    uow.audit(AuditEvent::new(AuditAction::UserUpdate, "user", id).summary(Value::Object(changes)))
        .await?;
    let updated = users::record(uow.db(), actor, id).await?;
    uow.commit().await?;
    Ok(updated)
}

/// Activates or deactivates a user; deactivating ends their sessions at
/// once. An administrator cannot deactivate themselves.
///
/// Asking for the state the user is already in changes nothing: no new
/// version, no session ended, no audit record; the answer is 200 with the
/// user as they are (the `version` sent is not checked, as nothing is
/// written).
pub async fn set_active(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
    active: bool,
) -> ApiResult<UserRecord> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageUsers).await?;
    if !active && actor.user_id() == Some(id) {
        return Err(ApiError::invalid_field(
            "id",
            FieldCode::CannotDeactivateSelf,
            "you cannot deactivate yourself; ask another administrator",
        ));
    }
    let current = users::find_scoped(uow.db(), actor, id).await?;
    if current.active == active {
        // Nothing to do; the unit of work rolls back unwritten.
        return Ok(users::record(uow.db(), actor, id).await?);
    }
    let columns = UserChanges {
        active: Some(active),
        ..UserChanges::default()
    };
    users::save(uow.db(), actor, id, version, columns, uow.now()).await?;
    uow.ends_access_of(id);
    let (action, summary) = if active {
        (AuditAction::UserActivate, json!({}))
    } else {
        let ended = sessions::revoke_user(uow.db(), id, None, uow.now()).await?;
        (
            AuditAction::UserDeactivate,
            json!({ "sessions_ended": ended }),
        )
    };
    uow.audit(AuditEvent::new(action, "user", id).summary(summary))
        .await?;
    let result = users::record(uow.db(), actor, id).await?;
    uow.commit().await?;
    Ok(result)
}

/// An administrator sets a user's password; every session of theirs ends.
pub async fn reset_password(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    version: i32,
    new_password: String,
) -> ApiResult<UserRecord> {
    actor.require(Permission::ManageUsers)?;
    let user = users::find_scoped(&state.db, actor, id).await?;
    check_new_password("new_password", &new_password, &user.username)
        .map_err(|e| ApiError::validation(vec![e]))?;
    // Hashing takes a while: before the write transaction, not in it.
    let hash = state.hasher.hash(new_password).await?;
    let mut uow = UnitOfWork::begin(state, actor, Permission::ManageUsers).await?;
    let columns = UserChanges {
        password_hash: Some(hash),
        ..UserChanges::default()
    };
    users::save(uow.db(), actor, id, version, columns, uow.now()).await?;
    uow.ends_access_of(id);
    let ended = sessions::revoke_user(uow.db(), id, None, uow.now()).await?;
    uow.audit(
        AuditEvent::new(AuditAction::UserPasswordReset, "user", id)
            .summary(json!({ "sessions_ended": ended })),
    )
    .await?;
    let result = users::record(uow.db(), actor, id).await?;
    uow.commit().await?;
    Ok(result)
}

/// Parses and checks a role list: at least one, no repeats, known codes,
/// and no administrator with a case role.
pub fn parse_roles(field: &str, codes: &[String]) -> Result<Vec<Role>, FieldError> {
    let roles = parse_role_codes(field, codes)?;
    check_no_admin_with_case_role(field, &roles)?;
    Ok(roles)
}

/// An administrator never holds a case role (administrators see no case
/// content; [`access::admin_with_case_role`]).
fn check_no_admin_with_case_role(field: &str, roles: &[Role]) -> Result<(), FieldError> {
    match access::admin_with_case_role(roles) {
        None => Ok(()),
        Some(case_role) => Err(FieldError::new(
            field,
            FieldCode::AdminWithCaseRole,
            format!(
                "an administrator cannot also hold `{case_role}`: administrators see no case content; give the case role to another account"
            ),
        )),
    }
}

/// Parses a role list: at least one, no repeats, known codes; sorted.
fn parse_role_codes(field: &str, codes: &[String]) -> Result<Vec<Role>, FieldError> {
    if codes.is_empty() {
        return Err(FieldError::new(
            field,
            FieldCode::Required,
            "give at least one role",
        ));
    }
    let mut roles = Vec::with_capacity(codes.len());
    for (i, code) in codes.iter().enumerate() {
        let role = code.parse::<Role>().map_err(|_| {
            FieldError::new(
                format!("{field}[{i}]"),
                FieldCode::UnknownRole,
                format!(
                    "`{code}` is not a role; roles are {}",
                    Role::ALL.map(Role::as_str).join(", ")
                ),
            )
        })?;
        if roles.contains(&role) {
            return Err(FieldError::new(
                format!("{field}[{i}]"),
                FieldCode::Duplicate,
                format!("`{code}` is listed twice"),
            ));
        }
        roles.push(role);
    }
    roles.sort();
    Ok(roles)
}

/// An eldership of the actor's municipality, or a field error.
async fn check_eldership(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<()> {
    users::eldership_in(&state.db, actor.municipality_id, id)
        .await?
        .map(|_| ())
        .ok_or_else(|| {
            ApiError::invalid_field(
                "eldership_id",
                FieldCode::UnknownEldership,
                "is not an eldership of your municipality",
            )
        })
}

/// Usernames: 3–64 characters, lower-case letters, digits, `.`, `_`, `-`,
/// starting with a letter or digit.
pub fn check_username(raw: &str) -> Result<String, FieldError> {
    let username = users::canonical_username(raw);
    let valid_chars = username
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    let starts_well = username
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if !(3..=64).contains(&username.len()) || !valid_chars || !starts_well {
        return Err(FieldError::new(
            "username",
            FieldCode::Invalid,
            "use 3–64 latin letters, digits, `.`, `_` or `-`, starting with a letter or digit",
        ));
    }
    Ok(username)
}
