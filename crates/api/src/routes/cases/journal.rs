//! `/api/v1/cases/{id}/journal`: the monitoring journal (šeimos stebėsena).

use crate::actor::Actor;
use crate::app;
use crate::app::cases::journal::{EntryChanges, JournalEntryView, NewEntry};
use crate::error::{ApiResult, Problem};
use crate::extract::{ReadPurpose, ValidJson};
use crate::state::AppState;
use actix_web::{HttpResponse, get, patch, post, web};
use atvejis_domain::access::Purpose;
use atvejis_domain::cases::ContactKind;
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// The journal of a case.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct JournalList {
    /// Newest first (by the day of the contact, then when written).
    pub items: Vec<JournalEntryView>,
}

/// An entry to write.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct NewJournalEntryRequest {
    /// The day of the contact (not after today).
    pub occurred_on: Date,
    /// What kind of contact.
    pub kind: ContactKind,
    /// What happened.
    #[validate(length(min = 1, max = 8000))]
    pub text: String,
    /// The entry of this case that this one corrects (after its 24 hours).
    pub corrects_id: Option<Uuid>,
}

/// Changes to an entry; absent fields stay.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct EditJournalEntryRequest {
    /// The day of the contact.
    pub occurred_on: Option<Date>,
    /// What kind of contact.
    pub kind: Option<ContactKind>,
    /// What happened.
    #[validate(length(min = 1, max = 8000))]
    pub text: Option<String>,
    /// The entry's `version` as read.
    #[validate(range(min = 1))]
    pub version: i32,
}

/// The monitoring journal of a case. The read is recorded (`case.read`).
#[utoipa::path(
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "Case id"),
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The journal", body = JournalList),
        (status = 403, description = "No access to cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/cases/{id}/journal")]
pub async fn list_journal(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<JournalList>> {
    let items = app::cases::journal::list(&state, &actor, purpose.0, id.into_inner()).await?;
    Ok(web::Json(JournalList { items }))
}

/// Write an entry in the journal (a contact with the family), or a
/// correction of an earlier entry (`corrects_id`).
#[utoipa::path(
    tag = "cases",
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = NewJournalEntryRequest,
    responses(
        (status = 201, description = "Written", body = JournalEntryView),
        (status = 403, description = "Not allowed to work on cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed (case_closed) or not assigned (case_not_assigned)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (empty text, a day after today, an entry not of this case)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/cases/{id}/journal")]
pub async fn add_journal_entry(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<NewJournalEntryRequest>,
) -> ApiResult<HttpResponse> {
    let ValidJson(body) = body;
    let view = app::cases::journal::add(
        &state,
        &actor,
        id.into_inner(),
        NewEntry {
            occurred_on: body.occurred_on,
            kind: body.kind,
            text: body.text,
            corrects_id: body.corrects_id,
        },
    )
    .await?;
    Ok(HttpResponse::Created().json(view))
}

/// Edit an entry: only its author, within 24 hours of writing it; after
/// that record a correction instead.
#[utoipa::path(
    tag = "cases",
    params(
        ("id" = Uuid, Path, description = "Case id"),
        ("entry_id" = Uuid, Path, description = "Entry id"),
    ),
    request_body = EditJournalEntryRequest,
    responses(
        (status = 200, description = "Edited", body = JournalEntryView),
        (status = 403, description = "Not the entry's author", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case or entry in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "More than 24 hours since it was written (journal_edit_window_passed), a stale version (version_conflict), or the case is closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/cases/{id}/journal/{entry_id}")]
pub async fn edit_journal_entry(
    state: web::Data<AppState>,
    actor: Actor,
    path: web::Path<(Uuid, Uuid)>,
    body: ValidJson<EditJournalEntryRequest>,
) -> ApiResult<web::Json<JournalEntryView>> {
    let ValidJson(body) = body;
    let (id, entry_id) = path.into_inner();
    Ok(web::Json(
        app::cases::journal::edit(
            &state,
            &actor,
            id,
            entry_id,
            EntryChanges {
                occurred_on: body.occurred_on,
                kind: body.kind,
                text: body.text,
                version: body.version,
            },
        )
        .await?,
    ))
}
