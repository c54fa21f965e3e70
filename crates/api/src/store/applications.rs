//! The applications repository (SP-8): scoped finders, the loaders that
//! build an application's view in a fixed number of queries, and the saves
//! (every change of an existing row is a versioned update).

use crate::actor::Actor;
use crate::store::entities::{
    applications, attachments, decisions, elderships, persons, service_types, users,
};
use crate::store::error::{StoreError, StoreResult};
use crate::store::persons::{PersonAndEldership, on, prefixed};
use crate::store::scope::scoped;
use crate::store::versioned;
use sea_orm::sea_query::{Expr, Order};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, IntoActiveModel,
    JoinType, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Related, RelationDef,
};
use std::collections::HashMap;
use time::OffsetDateTime;
use uuid::Uuid;

impl Related<service_types::Entity> for applications::Entity {
    fn to() -> RelationDef {
        applications::Entity::belongs_to(service_types::Entity)
            .from(applications::Column::ServiceTypeId)
            .to(service_types::Column::Id)
            .into()
    }
}

impl Related<decisions::Entity> for applications::Entity {
    fn to() -> RelationDef {
        applications::Entity::belongs_to(decisions::Entity)
            .from(applications::Column::Id)
            .to(decisions::Column::ApplicationId)
            .into()
    }
}

/// An application with what every step and view needs: its service type and
/// its decision (if prepared).
#[derive(Debug, Clone)]
pub struct ApplicationRecord {
    /// The application.
    pub application: applications::Model,
    /// Its service type.
    pub service_type: service_types::Model,
    /// Its decision, once prepared.
    pub decision: Option<decisions::Model>,
}

fn record(
    row: Option<(
        applications::Model,
        Option<service_types::Model>,
        Option<decisions::Model>,
    )>,
) -> StoreResult<ApplicationRecord> {
    let (application, service_type, decision) = row.ok_or(StoreError::NotFound("application"))?;
    let service_type = service_type
        .ok_or_else(|| StoreError::corrupt("application", "without its service type"))?;
    Ok(ApplicationRecord {
        application,
        service_type,
        decision,
    })
}

/// The application `id` with its service type and decision, in ONE query.
/// MUST return `NotFound("application")` when the application is outside the
/// actor's scope (or does not exist: the two are not told apart).
pub async fn load_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<ApplicationRecord> {
    record(
        scoped::<applications::Entity>(actor)
            .filter(applications::Column::Id.eq(id))
            .find_also_related(service_types::Entity)
            .find_also_related(decisions::Entity)
            .one(db)
            .await?,
    )
}

/// The application of decision `decision_id`, with its service type and the
/// decision, in ONE query. MUST return `NotFound("decision")` when the
/// application is outside the actor's scope.
pub async fn load_by_decision<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    decision_id: Uuid,
) -> StoreResult<ApplicationRecord> {
    let found = scoped::<applications::Entity>(actor)
        .filter(decisions::Column::Id.eq(decision_id))
        .filter(decisions::Column::MunicipalityId.eq(actor.municipality_id))
        .find_also_related(service_types::Entity)
        .find_also_related(decisions::Entity)
        .one(db)
        .await?;
    match found {
        Some((_, _, None)) | None => Err(StoreError::NotFound("decision")),
        found => record(found),
    }
}

/// The application `id` alone, within the actor's scope, or
/// `NotFound("application")`.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<applications::Model> {
    scoped::<applications::Entity>(actor)
        .filter(applications::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("application"))
}

/// What an application's view shows besides the record: the person, the
/// eldership, the attachments and the names of the staff involved.
#[derive(Debug, Clone)]
pub struct ViewParts {
    /// The person.
    pub person: persons::Model,
    /// The eldership that received it.
    pub eldership: Option<elderships::Model>,
    /// Attached files, oldest first.
    pub attachments: Vec<attachments::Model>,
    /// Display names of the staff named in the record, by id.
    pub staff: HashMap<Uuid, String>,
}

/// Loads the [`ViewParts`] of stored `record` in at most 3 queries (the
/// person with the eldership that received it, attachments, staff names in
/// one batch of `staff` ids).
pub async fn view_parts<C: ConnectionTrait>(
    db: &C,
    record: &ApplicationRecord,
    staff: Vec<Uuid>,
) -> StoreResult<ViewParts> {
    let row = &record.application;
    // The person and the eldership that received it, in one query.
    let (person, eldership) = prefixed::<elderships::Entity, _>(
        prefixed::<persons::Entity, _>(
            applications::Entity::find_by_id(row.id)
                .select_only()
                .join(
                    JoinType::InnerJoin,
                    on::<applications::Entity, persons::Entity>(
                        applications::Column::PersonId,
                        persons::Column::Id,
                    ),
                )
                .join(
                    JoinType::LeftJoin,
                    on::<applications::Entity, elderships::Entity>(
                        applications::Column::EldershipId,
                        elderships::Column::Id,
                    ),
                ),
            "p_",
        ),
        "e_",
    )
    .into_model::<PersonAndEldership>()
    .one(db)
    .await?
    .map(|r| (r.person, r.eldership))
    .ok_or_else(|| StoreError::corrupt("application", "without its person"))?;
    let attachments = attachments::Entity::find()
        .filter(attachments::Column::ApplicationId.eq(row.id))
        .order_by_asc(attachments::Column::UploadedAt)
        .all(db)
        .await?;
    Ok(ViewParts {
        person,
        eldership,
        attachments,
        staff: staff_names(db, staff).await?,
    })
}

/// Display names of `ids`, in one query (missing users are left out).
pub async fn staff_names<C: ConnectionTrait>(
    db: &C,
    mut ids: Vec<Uuid>,
) -> StoreResult<HashMap<Uuid, String>> {
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}

/// What a list of applications shows besides the rows.
#[derive(Debug, Default)]
pub struct SummaryParts {
    /// People by id.
    pub people: HashMap<Uuid, persons::Model>,
    /// Service types by id.
    pub types: HashMap<Uuid, service_types::Model>,
    /// Elderships by id.
    pub places: HashMap<Uuid, elderships::Model>,
    /// The decisions by application id.
    pub decisions: HashMap<Uuid, decisions::Model>,
}

/// Loads the [`SummaryParts`] of `rows` in 4 queries whatever their number.
pub async fn summary_parts<C: ConnectionTrait>(
    db: &C,
    rows: &[applications::Model],
) -> StoreResult<SummaryParts> {
    let ids = |f: &dyn Fn(&applications::Model) -> Option<Uuid>| -> Vec<Uuid> {
        rows.iter().filter_map(f).collect()
    };
    Ok(SummaryParts {
        people: persons::Entity::find()
            .filter(persons::Column::Id.is_in(ids(&|r| Some(r.person_id))))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect(),
        types: service_types::Entity::find()
            .filter(service_types::Column::Id.is_in(ids(&|r| Some(r.service_type_id))))
            .all(db)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect(),
        places: elderships::Entity::find()
            .filter(elderships::Column::Id.is_in(ids(&|r| r.eldership_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect(),
        decisions: decisions::Entity::find()
            .filter(decisions::Column::ApplicationId.is_in(ids(&|r| Some(r.id))))
            .all(db)
            .await?
            .into_iter()
            .map(|d| (d.application_id, d))
            .collect(),
    })
}

/// Filters of the list.
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    /// Stored status code.
    pub status: Option<&'static str>,
    /// Service type code.
    pub service_code: Option<String>,
    /// Eldership.
    pub eldership_id: Option<Uuid>,
    /// Person.
    pub person_id: Option<Uuid>,
}

/// A page of the applications in the actor's scope that match `filter`,
/// newest first, with the number of all matches.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    filter: &ListFilter,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<applications::Model>, u64)> {
    let mut query = scoped::<applications::Entity>(actor);
    if let Some(status) = filter.status {
        query = query.filter(applications::Column::Status.eq(status));
    }
    if let Some(code) = &filter.service_code {
        query = query.filter(applications::Column::ServiceCode.eq(code.as_str()));
    }
    if let Some(eldership) = filter.eldership_id {
        query = query.filter(applications::Column::EldershipId.eq(eldership));
    }
    if let Some(person) = filter.person_id {
        query = query.filter(applications::Column::PersonId.eq(person));
    }
    let paginator = query
        .order_by_desc(applications::Column::ReceivedOn)
        .order_by_desc(applications::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(crate::store::page_index(page)).await?;
    Ok((rows, total))
}

/// Applications in the actor's scope in one of `statuses`, most urgent first
/// (by due date, none last), at most `limit`.
pub async fn waiting<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    statuses: &[&'static str],
    service_code: Option<&str>,
    eldership_id: Option<Uuid>,
    limit: u64,
) -> StoreResult<Vec<applications::Model>> {
    let mut query = scoped::<applications::Entity>(actor)
        .filter(applications::Column::Status.is_in(statuses.iter().copied()));
    if let Some(code) = service_code {
        query = query.filter(applications::Column::ServiceCode.eq(code));
    }
    if let Some(eldership) = eldership_id {
        query = query.filter(applications::Column::EldershipId.eq(eldership));
    }
    Ok(query
        // NULL due dates last on both databases.
        .order_by(
            Expr::col(applications::Column::DecisionDueOn).is_null(),
            Order::Asc,
        )
        .order_by_asc(applications::Column::DecisionDueOn)
        .order_by_asc(applications::Column::ReceivedOn)
        .order_by_asc(applications::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Signed applications of the service types `codes` (those with a term
/// after the decision) whose notification or hand-over is not recorded yet,
/// by the decision's date; at most `limit`.
pub async fn with_open_terms<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    codes: &[String],
    service_code: Option<&str>,
    eldership_id: Option<Uuid>,
    limit: u64,
) -> StoreResult<Vec<applications::Model>> {
    use sea_orm::{Condition, JoinType};
    let mut query = scoped::<applications::Entity>(actor)
        .filter(applications::Column::Status.is_in(["decided", "notified"]))
        .filter(applications::Column::ServiceCode.is_in(codes.iter().cloned()))
        .join(
            JoinType::InnerJoin,
            crate::store::persons::on::<applications::Entity, decisions::Entity>(
                applications::Column::Id,
                decisions::Column::ApplicationId,
            ),
        )
        .filter(
            Condition::any()
                .add(decisions::Column::NotifiedOn.is_null())
                .add(decisions::Column::HandedOverOn.is_null()),
        );
    if let Some(code) = service_code {
        query = query.filter(applications::Column::ServiceCode.eq(code));
    }
    if let Some(eldership) = eldership_id {
        query = query.filter(applications::Column::EldershipId.eq(eldership));
    }
    Ok(query
        .order_by_asc(decisions::Column::DecidedOn)
        .order_by_asc(applications::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Inserts a new application.
pub async fn insert<C: ConnectionTrait>(db: &C, row: applications::Model) -> StoreResult<()> {
    applications::Entity::insert(row.into_active_model().reset_all())
        .exec(db)
        .await?;
    Ok(())
}

/// Saves `row`'s mutable fields (status, documents, notes, representative,
/// assessment, dates, reasons, due date) at `version`, within the actor's
/// scope; MUST return `StaleVersion` when the row is no longer at `version`.
pub async fn save<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    row: &applications::Model,
    version: i32,
    now: OffsetDateTime,
) -> StoreResult<()> {
    use applications::Column as C;
    versioned::expect_one(
        versioned::update::<applications::Entity>(actor, row.id, version, now)
            .col_expr(C::Status, Expr::value(row.status.clone()))
            .col_expr(C::Documents, Expr::value(row.documents.clone()))
            .col_expr(C::Notes, Expr::value(row.notes.clone()))
            .col_expr(C::Representative, Expr::value(row.representative.clone()))
            .col_expr(C::Assessment, Expr::value(row.assessment.clone()))
            .col_expr(
                C::AssessmentSubmittedOn,
                Expr::value(row.assessment_submitted_on),
            )
            .col_expr(C::FilesReceivedOn, Expr::value(row.files_received_on))
            .col_expr(
                C::ExceptionReason,
                Expr::value(row.exception_reason.clone()),
            )
            .col_expr(C::StatusReason, Expr::value(row.status_reason.clone()))
            .col_expr(C::DecisionDueOn, Expr::value(row.decision_due_on))
            .col_expr(
                C::PreferredFacilityId,
                Expr::value(row.preferred_facility_id),
            )
            .exec(db)
            .await?,
    )
}

/// Inserts an attachment's metadata and returns it.
pub async fn insert_attachment<C: ConnectionTrait>(
    db: &C,
    row: attachments::Model,
) -> StoreResult<attachments::Model> {
    Ok(
        attachments::Entity::insert(row.into_active_model().reset_all())
            .exec_with_returning(db)
            .await?,
    )
}

/// Whether family `family_id` is in the actor's scope, and whether
/// `person_id` is one of its members (2 queries at most).
pub async fn family_membership<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    family_id: Uuid,
    person_id: Uuid,
) -> StoreResult<(bool, bool)> {
    use crate::store::entities::{families, family_members};
    let family = scoped::<families::Entity>(actor)
        .filter(families::Column::Id.eq(family_id))
        .one(db)
        .await?;
    if family.is_none() {
        return Ok((false, false));
    }
    let member = family_members::Entity::find_by_id((family_id, person_id))
        .one(db)
        .await?;
    Ok((true, member.is_some()))
}
