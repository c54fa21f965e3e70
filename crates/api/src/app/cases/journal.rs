//! The monitoring journal of a case (šeimos stebėsena): the team records
//! each contact with the family. An entry is edited only by its author and
//! only within 24 hours of writing it; after that a correction is a new
//! entry that points to the old one, and both are shown.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::applications::views::{StaffRef, staff_ref};
use crate::app::cases::{open_for_work, rule_error};
use crate::app::read;
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::applications::staff_names;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::cases::{self as repo, decode_code};
use crate::store::entities::case_journal_entries as entries;
use crate::store::scope::scoped;
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::cases::{ContactKind, check_journal_edit};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

/// An entry of the monitoring journal.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct JournalEntryView {
    /// Id.
    pub id: Uuid,
    /// The day of the contact.
    pub occurred_on: Date,
    /// What kind of contact.
    pub kind: ContactKind,
    /// What happened.
    pub text: String,
    /// Who wrote it.
    pub author: StaffRef,
    /// When it was written.
    #[serde(with = "time::serde::rfc3339")]
    pub written_at: OffsetDateTime,
    /// When it was last edited (within 24 hours of writing).
    #[serde(with = "time::serde::rfc3339::option")]
    pub edited_at: Option<OffsetDateTime>,
    /// The entry this one corrects.
    pub corrects_id: Option<Uuid>,
    /// The entries that correct this one.
    pub corrected_by: Vec<Uuid>,
    /// Whether the reader may edit it now (its author, within 24 hours).
    pub editable: bool,
    /// Send back with changes.
    pub version: i32,
}

/// The views of `rows` (newest first) for `reader` at `now`.
async fn views<C: ConnectionTrait>(
    db: &C,
    rows: Vec<entries::Model>,
    reader: Option<Uuid>,
    now: OffsetDateTime,
) -> ApiResult<Vec<JournalEntryView>> {
    let names = staff_names(db, rows.iter().map(|e| e.author_id).collect()).await?;
    let corrections: Vec<(Uuid, Uuid)> = rows
        .iter()
        .filter_map(|e| e.corrects_id.map(|c| (c, e.id)))
        .collect();
    rows.into_iter()
        .map(|e| {
            Ok(JournalEntryView {
                id: e.id,
                occurred_on: e.occurred_on,
                kind: decode_code("case journal entry", &e.kind)?,
                author: staff_ref(&names, e.author_id),
                written_at: e.written_at,
                edited_at: e.edited_at,
                corrects_id: e.corrects_id,
                corrected_by: corrections
                    .iter()
                    .filter(|(old, _)| *old == e.id)
                    .map(|(_, new)| *new)
                    .collect(),
                editable: reader == Some(e.author_id)
                    && check_journal_edit(e.written_at, now).is_ok(),
                version: e.version,
                text: e.text,
            })
        })
        .collect()
}

/// Every entry of case `case_id`, newest first (by the day of the contact,
/// then by when it was written).
async fn entries_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    case_id: Uuid,
) -> ApiResult<Vec<entries::Model>> {
    Ok(scoped::<entries::Entity>(actor)
        .filter(entries::Column::CaseId.eq(case_id))
        .order_by_desc(entries::Column::OccurredOn)
        .order_by_desc(entries::Column::WrittenAt)
        .order_by_desc(entries::Column::Id)
        .all(db)
        .await
        .map_err(StoreError::from)?)
}

/// The journal of case `id`, read for `purpose` and recorded (`case.read`).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
) -> ApiResult<Vec<JournalEntryView>> {
    actor.require(Permission::ReadCases)?;
    read::audited(
        state,
        actor,
        purpose,
        AuditAction::CaseRead,
        "case",
        || async {
            repo::find_scoped(&state.db, actor, id).await?;
            let rows = entries_of(&state.db, actor, id).await?;
            let items = views(&state.db, rows, actor.user_id(), state.clock.now()).await?;
            Ok((items, id.to_string()))
        },
    )
    .await
}

/// An entry to write.
#[derive(Debug, Clone)]
pub struct NewEntry {
    /// The day of the contact (not after today).
    pub occurred_on: Date,
    /// What kind of contact.
    pub kind: ContactKind,
    /// What happened.
    pub text: String,
    /// The entry of the same case that this one corrects.
    pub corrects_id: Option<Uuid>,
}

fn check_text(text: &str, errors: &mut Vec<FieldError>) -> String {
    let text = text.trim().to_owned();
    if text.is_empty() {
        errors.push(FieldError::new(
            "text",
            FieldCode::Required,
            "write what happened",
        ));
    }
    text
}

fn check_occurred_on(on: Date, today: Date, errors: &mut Vec<FieldError>) {
    if on > today {
        errors.push(FieldError::new(
            "occurred_on",
            FieldCode::InFuture,
            "a contact cannot have happened after today",
        ));
    }
}

/// Writes an entry in the journal of case `case_id` (the case's team,
/// `WorkCases`; the case assigned and not closed).
pub async fn add(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    new: NewEntry,
) -> ApiResult<JournalEntryView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WorkCases).await?;
    let Some(author) = actor.user_id() else {
        return Err(ApiError::forbidden(
            "The journal is written by a member of staff.",
        ));
    };
    let case = open_for_work(uow.db(), actor, case_id).await?;
    let mut errors = Vec::new();
    let text = check_text(&new.text, &mut errors);
    check_occurred_on(new.occurred_on, uow.today(), &mut errors);
    if let Some(corrects) = new.corrects_id {
        let found = scoped::<entries::Entity>(actor)
            .filter(entries::Column::Id.eq(corrects))
            .filter(entries::Column::CaseId.eq(case.id))
            .one(uow.db())
            .await
            .map_err(StoreError::from)?;
        if found.is_none() {
            errors.push(FieldError::new(
                "corrects_id",
                FieldCode::Invalid,
                "is not an entry of this case's journal",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let now = uow.now();
    let id = Uuid::now_v7();
    let row = entries::Entity::insert(entries::ActiveModel {
        id: Set(id),
        municipality_id: Set(case.municipality_id),
        case_id: Set(case.id),
        occurred_on: Set(new.occurred_on),
        kind: Set(crate::app::common::serde_code(&new.kind)),
        text: Set(text),
        author_id: Set(author),
        written_at: Set(now),
        edited_at: Set(None),
        corrects_id: Set(new.corrects_id),
        version: Set(1),
    })
    .exec_with_returning(uow.db())
    .await
    .map_err(StoreError::from)?;
    uow.audit(
        AuditEvent::new(AuditAction::CaseJournalAdd, "case", case.id).summary(json!({
            "entry_id": id,
            "occurred_on": new.occurred_on,
            "kind": new.kind,
            "corrects_id": new.corrects_id,
        })),
    )
    .await?;
    let view = views(uow.db(), vec![row], Some(author), now)
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("a journal entry without its view"))?;
    uow.commit().await?;
    Ok(view)
}

/// Changes to an entry; absent fields stay.
#[derive(Debug, Clone)]
pub struct EntryChanges {
    /// The day of the contact.
    pub occurred_on: Option<Date>,
    /// The kind of contact.
    pub kind: Option<ContactKind>,
    /// What happened.
    pub text: Option<String>,
    /// The entry's version as read.
    pub version: i32,
}

/// Edits entry `entry_id` of case `case_id`: only its author (403), within
/// 24 hours of writing it (409 `journal_edit_window_passed`), at the version
/// read (409 `version_conflict`).
pub async fn edit(
    state: &AppState,
    actor: &Actor,
    case_id: Uuid,
    entry_id: Uuid,
    changes: EntryChanges,
) -> ApiResult<JournalEntryView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WorkCases).await?;
    let case = open_for_work(uow.db(), actor, case_id).await?;
    let entry = scoped::<entries::Entity>(actor)
        .filter(entries::Column::Id.eq(entry_id))
        .filter(entries::Column::CaseId.eq(case.id))
        .one(uow.db())
        .await
        .map_err(StoreError::from)?
        .ok_or(StoreError::NotFound("journal entry"))?;
    if actor.user_id() != Some(entry.author_id) {
        return Err(ApiError::forbidden(
            "Only the author edits a journal entry; record a correction instead.",
        ));
    }
    let now = uow.now();
    check_journal_edit(entry.written_at, now).map_err(rule_error)?;
    let mut errors = Vec::new();
    let text = changes.text.as_deref().map(|t| check_text(t, &mut errors));
    if let Some(on) = changes.occurred_on {
        check_occurred_on(on, uow.today(), &mut errors);
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut update = entries::Entity::update_many()
        .col_expr(entries::Column::EditedAt, Expr::value(Some(now)))
        .col_expr(
            entries::Column::Version,
            Expr::col(entries::Column::Version).add(1),
        );
    if let Some(on) = changes.occurred_on {
        update = update.col_expr(entries::Column::OccurredOn, Expr::value(on));
    }
    if let Some(kind) = changes.kind {
        update = update.col_expr(
            entries::Column::Kind,
            Expr::value(crate::app::common::serde_code(&kind)),
        );
    }
    if let Some(text) = &text {
        update = update.col_expr(entries::Column::Text, Expr::value(text.clone()));
    }
    crate::store::versioned::expect_one(
        update
            .filter(entries::Column::Id.eq(entry.id))
            .filter(entries::Column::CaseId.eq(case.id))
            .filter(entries::Column::Version.eq(changes.version))
            .exec(uow.db())
            .await
            .map_err(StoreError::from)?,
    )?;
    uow.audit(
        AuditEvent::new(AuditAction::CaseJournalEdit, "case", case.id).summary(json!({
            "entry_id": entry.id,
            "occurred_on": changes.occurred_on,
            "kind": changes.kind,
            "text_changed": text.as_ref().is_some_and(|t| *t != entry.text),
        })),
    )
    .await?;
    let row = entries::Entity::find_by_id(entry.id)
        .one(uow.db())
        .await
        .map_err(StoreError::from)?
        .ok_or(StoreError::NotFound("journal entry"))?;
    let mut rows = entries_of(uow.db(), actor, case.id).await?;
    rows.retain(|r| r.corrects_id == Some(entry.id));
    rows.insert(0, row);
    let view = views(uow.db(), rows, actor.user_id(), now)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::internal("a journal entry without its view"))?;
    uow.commit().await?;
    Ok(view)
}
