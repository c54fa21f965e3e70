//! Visits of home help and respite (`/api/v1/deliveries`, one path for
//! both services): recorded on an approved schedule within its dates,
//! refused when a respite limit would break (R-LIM-1, R-LIM-2), with the
//! hours in other paid care stored apart (R-LIM-3). A home-help week above
//! the schedule's hours is allowed and flagged.

use super::schedules::{HOME_HELP, RESPITE};
use super::{month_range, positive_amount, rule_error, trimmed};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::deliveries::{self as repo, SCHEDULE_APPROVED};
use crate::store::entities::{delivery_visits, stays, users};
use crate::store::page_index;
use crate::store::scope::scoped;
use atvejis_domain::access::Permission;
use atvejis_domain::delivery::{
    CarePeriod, CountedVisit, RespiteOrganisation, check_respite_break, check_respite_visit,
    countable_hours, home_help_week_over_schedule, iso_week,
};
use atvejis_domain::places::PlaceKind;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, ModelTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, Duration, Month};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A visit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VisitView {
    /// Id.
    pub id: Uuid,
    /// The schedule.
    pub schedule_id: Uuid,
    /// The person served.
    pub person_id: Uuid,
    /// The decision (for the charges).
    pub decision_id: Uuid,
    /// `home_help` or `respite`.
    pub service: super::schedules::ScheduleService,
    /// The day.
    pub date: Date,
    /// Hours given.
    #[schema(value_type = String, example = "3.5")]
    pub hours: Decimal,
    /// R-LIM-3: hours the person spent in day care or other paid care during
    /// respite organised as short-term care; not counted.
    #[schema(value_type = String, example = "0")]
    pub other_paid_care_hours: Decimal,
    /// R-LIM-3: the hours that count toward the fee and the limits.
    #[schema(value_type = String, example = "3.5")]
    pub countable_hours: Decimal,
    /// The worker.
    pub worker_id: Uuid,
    /// Home help: the week's hours went above the schedule's hours a week.
    pub over_schedule: bool,
    /// Note.
    pub note: Option<String>,
}

impl VisitView {
    fn of(v: delivery_visits::Model) -> Self {
        VisitView {
            id: v.id,
            schedule_id: v.schedule_id,
            person_id: v.person_id,
            decision_id: v.decision_id,
            service: if v.service_code == RESPITE {
                super::schedules::ScheduleService::Respite
            } else {
                super::schedules::ScheduleService::HomeHelp
            },
            date: v.visit_on,
            hours: v.hours.normalize(),
            other_paid_care_hours: v.other_paid_care_hours.normalize(),
            countable_hours: v.countable_hours.normalize(),
            worker_id: v.worker_id,
            over_schedule: v.over_schedule,
            note: v.note,
        }
    }
}

/// A visit to record.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct NewVisit {
    /// An approved schedule; the date is within its dates.
    pub schedule_id: Uuid,
    /// The day (not in the future).
    pub date: Date,
    /// Hours given, more than 0, at most 24, at most 2 decimals.
    #[schema(value_type = String, example = "3.5")]
    pub hours: Decimal,
    /// The worker (a user of the municipality); default the caller.
    pub worker_id: Option<Uuid>,
    /// R-LIM-3: hours in day care or other paid care during the visit
    /// (respite organised as short-term care only).
    #[schema(value_type = Option<String>, example = "0")]
    pub other_paid_care_hours: Option<Decimal>,
    /// Note.
    #[validate(length(max = 2000))]
    pub note: Option<String>,
}

/// Which visits to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VisitFilter {
    /// Of this person.
    pub person_id: Option<Uuid>,
    /// On this schedule.
    pub schedule_id: Option<Uuid>,
    /// In this month, `YYYY-MM`.
    pub month: Option<String>,
}

/// A page of visits.
#[derive(Debug, Serialize, ToSchema)]
pub struct VisitPage {
    /// The visits, newest first.
    pub items: Vec<VisitView>,
    /// All matching.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// The visits of the actor's municipality (`ReadDeliveries`).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    f: VisitFilter,
    page: u64,
    per_page: u64,
) -> ApiResult<VisitPage> {
    actor.require(Permission::ReadDeliveries)?;
    let mut q = scoped::<delivery_visits::Entity>(actor);
    if let Some(id) = f.person_id {
        q = q.filter(delivery_visits::Column::PersonId.eq(id));
    }
    if let Some(id) = f.schedule_id {
        q = q.filter(delivery_visits::Column::ScheduleId.eq(id));
    }
    if let Some(month) = f.month.as_deref() {
        let (first, last) = month_range(month)?;
        q = q
            .filter(delivery_visits::Column::VisitOn.gte(first))
            .filter(delivery_visits::Column::VisitOn.lte(last));
    }
    let paginator = q
        .order_by_desc(delivery_visits::Column::VisitOn)
        .order_by_desc(delivery_visits::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let items = paginator
        .fetch_page(page_index(page))
        .await?
        .into_iter()
        .map(VisitView::of)
        .collect();
    Ok(VisitPage {
        items,
        total,
        page,
        per_page,
    })
}

/// Visit `id` (`ReadDeliveries`).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<VisitView> {
    actor.require(Permission::ReadDeliveries)?;
    Ok(VisitView::of(visit(&state.db, actor, id).await?))
}

async fn visit<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<delivery_visits::Model> {
    Ok(scoped::<delivery_visits::Entity>(actor)
        .filter(delivery_visits::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(crate::store::StoreError::NotFound("visit"))?)
}

/// R-LIM-2: the person's periods of day or short-term social care (stays in
/// such places), and whether they receive day care permanently (a day-care
/// stay without an end or a planned end).
async fn care_periods<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    person_id: Uuid,
) -> ApiResult<(Vec<CarePeriod>, bool)> {
    let rows = scoped::<stays::Entity>(actor)
        .filter(stays::Column::PersonId.eq(person_id))
        .filter(stays::Column::PlaceKind.is_in([
            PlaceKind::ShortTermCare.as_str(),
            PlaceKind::DayCare.as_str(),
        ]))
        .all(db)
        .await?;
    let permanent_day_care = rows.iter().any(|s| {
        s.place_kind == PlaceKind::DayCare.as_str()
            && s.ended_on.is_none()
            && s.planned_until.is_none()
    });
    let periods = rows
        .into_iter()
        .map(|s| CarePeriod {
            from: s.started_on,
            until: s.ended_on.or(s.planned_until),
        })
        .collect();
    Ok((periods, permanent_day_care))
}

/// Records a visit on an approved schedule (`RecordDeliveries`). Respite:
/// refused by R-LIM-1 (422 `respite_weekly_hours_exceeded`,
/// `respite_weekly_visits_exceeded`, `respite_yearly_hours_exceeded`) and
/// R-LIM-2 (422 `respite_break_too_short`); R-LIM-3's other paid care hours
/// are stored apart and not counted. Home help above the schedule's hours a
/// week is recorded with `over_schedule`.
pub async fn record(state: &AppState, actor: &Actor, body: NewVisit) -> ApiResult<VisitView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let hours = positive_amount("hours", body.hours, Decimal::from(24), 2, false)?;
    let other = match body.other_paid_care_hours {
        Some(h) => positive_amount("other_paid_care_hours", h, Decimal::from(24), 2, true)?,
        None => Decimal::ZERO,
    };
    let schedule = repo::schedule(uow.db(), actor, body.schedule_id).await?;
    if schedule.status != SCHEDULE_APPROVED {
        return Err(ApiError::conflict(
            ErrorCode::InvalidTransition,
            "Visits are recorded on a schedule the Centre's director approved.",
        ));
    }
    if body.date < schedule.valid_from || body.date > schedule.valid_until {
        return Err(ApiError::invalid_field(
            "date",
            FieldCode::OutOfRange,
            "the day is within the schedule's dates",
        ));
    }
    if body.date > uow.today() {
        return Err(ApiError::invalid_field(
            "date",
            FieldCode::InFuture,
            "a visit is recorded on or after its day",
        ));
    }
    let worker = match body.worker_id {
        Some(id) => {
            scoped::<users::Entity>(actor)
                .filter(users::Column::Id.eq(id))
                .one(uow.db())
                .await?
                .ok_or_else(|| {
                    ApiError::invalid_field(
                        "worker_id",
                        FieldCode::Invalid,
                        "must be a user of the municipality",
                    )
                })?
                .id
        }
        None => actor.user_id().ok_or_else(|| {
            ApiError::invalid_field("worker_id", FieldCode::Required, "name the worker")
        })?,
    };
    let organisation = schedule
        .respite_organisation
        .as_deref()
        .and_then(RespiteOrganisation::parse);
    if !other.is_zero() && organisation != Some(RespiteOrganisation::ShortTermCare) {
        return Err(ApiError::invalid_field(
            "other_paid_care_hours",
            FieldCode::NotApplicable,
            "R-LIM-3: only respite organised as short-term care has hours in other paid care",
        ));
    }
    let counted = countable_hours(hours, other).map_err(rule_error)?;
    repo::lock_person(uow.db(), actor, schedule.person_id).await?;
    let mut over_schedule = false;
    if schedule.service_code == RESPITE {
        let organisation = organisation.unwrap_or(RespiteOrganisation::AtHome);
        let (care, permanent) = care_periods(uow.db(), actor, schedule.person_id).await?;
        check_respite_break(body.date, organisation, &care, permanent).map_err(rule_error)?;
        if organisation == RespiteOrganisation::AtHome {
            let year_start = Date::from_calendar_date(body.date.year(), Month::January, 1)
                .map_err(ApiError::internal)?;
            let from = year_start.min(body.date - Duration::days(7));
            let recorded: Vec<CountedVisit> = scoped::<delivery_visits::Entity>(actor)
                .filter(delivery_visits::Column::PersonId.eq(schedule.person_id))
                .filter(delivery_visits::Column::ServiceCode.eq(RESPITE))
                .filter(delivery_visits::Column::VisitOn.gte(from))
                .filter(delivery_visits::Column::VisitOn.lte(body.date + Duration::days(7)))
                .all(uow.db())
                .await?
                .into_iter()
                .map(|v| CountedVisit {
                    on: v.visit_on,
                    hours: v.countable_hours,
                })
                .collect();
            check_respite_visit(
                &recorded,
                CountedVisit {
                    on: body.date,
                    hours: counted,
                },
            )
            .map_err(rule_error)?;
        }
    } else if schedule.service_code == HOME_HELP {
        let week = iso_week(body.date);
        let week_hours: Decimal = scoped::<delivery_visits::Entity>(actor)
            .filter(delivery_visits::Column::ScheduleId.eq(schedule.id))
            .filter(delivery_visits::Column::VisitOn.gte(body.date - Duration::days(7)))
            .filter(delivery_visits::Column::VisitOn.lte(body.date + Duration::days(7)))
            .all(uow.db())
            .await?
            .into_iter()
            .filter(|v| iso_week(v.visit_on) == week)
            .map(|v| v.countable_hours)
            .sum();
        over_schedule = home_help_week_over_schedule(week_hours, counted, schedule.hours_per_week);
    }
    let now = uow.now();
    let row = delivery_visits::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        schedule_id: Set(schedule.id),
        person_id: Set(schedule.person_id),
        decision_id: Set(schedule.decision_id),
        service_code: Set(schedule.service_code.clone()),
        visit_on: Set(body.date),
        hours: Set(hours),
        other_paid_care_hours: Set(other),
        countable_hours: Set(counted),
        worker_id: Set(worker),
        over_schedule: Set(over_schedule),
        note: Set(trimmed(body.note)),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
    };
    let visit = delivery_visits::Entity::insert(row)
        .exec_with_returning(uow.db())
        .await?;
    uow.audit(
        AuditEvent::new(AuditAction::VisitRecord, "visit", visit.id).summary(json!({
            "schedule_id": visit.schedule_id,
            "person_id": visit.person_id,
            "service": visit.service_code,
            "date": visit.visit_on,
            "hours": visit.hours,
            "other_paid_care_hours": visit.other_paid_care_hours,
            "countable_hours": visit.countable_hours,
            "over_schedule": visit.over_schedule,
        })),
    )
    .await?;
    uow.commit().await?;
    Ok(VisitView::of(visit))
}

/// Deletes visit `id` recorded in error (`RecordDeliveries`), audited with
/// what it was.
pub async fn delete(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<()> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let visit = visit(uow.db(), actor, id).await?;
    repo::lock_person(uow.db(), actor, visit.person_id).await?;
    let summary = json!({
        "schedule_id": visit.schedule_id,
        "person_id": visit.person_id,
        "date": visit.visit_on,
        "hours": visit.hours,
        "countable_hours": visit.countable_hours,
    });
    visit.delete(uow.db()).await?;
    uow.audit(AuditEvent::new(AuditAction::VisitDelete, "visit", id).summary(summary))
        .await?;
    uow.commit().await?;
    Ok(())
}
