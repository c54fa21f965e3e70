//! Meal lists: a named daily list for a working day, with the recipients
//! (people with a signed `meals` decision in force) and each one's
//! signature. Adding a person checks R-LIM-4 (working days, once a day, at
//! most 5 a week, at most 12 months a year). Meals are free (R-FEE-12).

use super::{month_range, rule_error, trimmed};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::deliveries::{self as repo, granted_decisions};
use crate::store::entities::{meal_list_entries, meal_lists};
use crate::store::page_index;
use crate::store::scope::scoped;
use atvejis_domain::access::Permission;
use atvejis_domain::calendar::is_working_day;
use atvejis_domain::delivery::{DeliveryRuleError, check_meal};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, Duration, Month};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The meals service.
const MEALS: &str = "meals";

/// A recipient on a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MealRecipient {
    /// Id of the entry.
    pub id: Uuid,
    /// The person.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// The meals decision in force.
    pub decision_id: Uuid,
    /// Signed for the meal.
    pub signed: bool,
    /// An authorised person who signed instead, by name.
    pub signed_by_name: Option<String>,
}

/// A meal list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MealListView {
    /// Id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// The working day it is for.
    pub served_on: Date,
    /// The recipients.
    pub recipients: Vec<MealRecipient>,
    /// For optimistic concurrency.
    pub version: i32,
}

/// A list to create.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct NewMealList {
    /// Its name, e.g. the canteen.
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    /// A working day (R-LIM-4).
    pub served_on: Date,
}

/// A recipient to add.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct NewMealRecipient {
    /// A person with a signed `meals` decision in force that day.
    pub person_id: Uuid,
    /// They signed for the meal.
    #[serde(default)]
    pub signed: bool,
    /// An authorised person who signed instead, by name.
    #[validate(length(min = 1, max = 200))]
    pub signed_by_name: Option<String>,
}

/// Which lists to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MealListFilter {
    /// For this day.
    pub served_on: Option<Date>,
    /// For days of this month, `YYYY-MM`.
    pub month: Option<String>,
    /// With this person on it.
    pub person_id: Option<Uuid>,
}

/// A page of meal lists.
#[derive(Debug, Serialize, ToSchema)]
pub struct MealListPage {
    /// The lists, latest day first.
    pub items: Vec<MealListView>,
    /// All matching.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

async fn views<C: sea_orm::ConnectionTrait>(
    db: &C,
    lists: Vec<meal_lists::Model>,
) -> ApiResult<Vec<MealListView>> {
    let ids: Vec<Uuid> = lists.iter().map(|l| l.id).collect();
    let entries = if ids.is_empty() {
        Vec::new()
    } else {
        meal_list_entries::Entity::find()
            .filter(meal_list_entries::Column::ListId.is_in(ids))
            .order_by_asc(meal_list_entries::Column::CreatedAt)
            .order_by_asc(meal_list_entries::Column::Id)
            .all(db)
            .await?
    };
    let names =
        crate::app::places::views::person_names(db, entries.iter().map(|e| e.person_id)).await?;
    Ok(lists
        .into_iter()
        .map(|l| MealListView {
            recipients: entries
                .iter()
                .filter(|e| e.list_id == l.id)
                .map(|e| MealRecipient {
                    id: e.id,
                    person_id: e.person_id,
                    person_name: names.get(&e.person_id).cloned().unwrap_or_default(),
                    decision_id: e.decision_id,
                    signed: e.signed,
                    signed_by_name: e.signed_by_name.clone(),
                })
                .collect(),
            id: l.id,
            name: l.name,
            served_on: l.served_on,
            version: l.version,
        })
        .collect())
}

async fn view<C: sea_orm::ConnectionTrait>(
    db: &C,
    list: meal_lists::Model,
) -> ApiResult<MealListView> {
    Ok(views(db, vec![list])
        .await?
        .pop()
        .ok_or(crate::store::StoreError::NotFound("meal list"))?)
}

/// The meal lists of the actor's municipality (`ReadDeliveries`).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    f: MealListFilter,
    page: u64,
    per_page: u64,
) -> ApiResult<MealListPage> {
    actor.require(Permission::ReadDeliveries)?;
    let mut q = scoped::<meal_lists::Entity>(actor);
    if let Some(day) = f.served_on {
        q = q.filter(meal_lists::Column::ServedOn.eq(day));
    }
    if let Some(month) = f.month.as_deref() {
        let (first, last) = month_range(month)?;
        q = q
            .filter(meal_lists::Column::ServedOn.gte(first))
            .filter(meal_lists::Column::ServedOn.lte(last));
    }
    if let Some(person) = f.person_id {
        let lists: Vec<Uuid> = scoped::<meal_list_entries::Entity>(actor)
            .filter(meal_list_entries::Column::PersonId.eq(person))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|e| e.list_id)
            .collect();
        q = q.filter(meal_lists::Column::Id.is_in(lists));
    }
    let paginator = q
        .order_by_desc(meal_lists::Column::ServedOn)
        .order_by_desc(meal_lists::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page_index(page)).await?;
    Ok(MealListPage {
        items: views(&state.db, rows).await?,
        total,
        page,
        per_page,
    })
}

/// Meal list `id` (`ReadDeliveries`).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<MealListView> {
    actor.require(Permission::ReadDeliveries)?;
    let list = repo::meal_list(&state.db, actor, id).await?;
    view(&state.db, list).await
}

/// Creates an empty meal list for a working day (`RecordDeliveries`; 422
/// `meal_not_working_day`, R-LIM-4).
pub async fn create(state: &AppState, actor: &Actor, body: NewMealList) -> ApiResult<MealListView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let name = body.name.trim().to_owned();
    if name.is_empty() {
        return Err(ApiError::invalid_field(
            "name",
            FieldCode::Required,
            "name the list",
        ));
    }
    if !is_working_day(body.served_on) {
        return Err(rule_error(DeliveryRuleError::MealNotWorkingDay(
            body.served_on,
        )));
    }
    let now = uow.now();
    let row = meal_lists::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        name: Set(name),
        served_on: Set(body.served_on),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    let list = meal_lists::Entity::insert(row)
        .exec_with_returning(uow.db())
        .await?;
    uow.audit(
        AuditEvent::new(AuditAction::MealListCreate, "meal_list", list.id).summary(json!({
            "name": list.name,
            "served_on": list.served_on,
        })),
    )
    .await?;
    uow.commit().await?;
    Ok(MealListView {
        id: list.id,
        name: list.name,
        served_on: list.served_on,
        recipients: Vec::new(),
        version: list.version,
    })
}

/// Adds a recipient to meal list `id` (`RecordDeliveries`): a person with a
/// signed `meals` decision in force that day (422 on `person_id`
/// otherwise), within R-LIM-4 (422 `meal_once_a_day`,
/// `meal_weekly_limit_exceeded`, `meal_months_exceeded`).
pub async fn add(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: NewMealRecipient,
) -> ApiResult<MealListView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let list = repo::meal_list(uow.db(), actor, id).await?;
    let person = crate::store::persons::find_scoped(uow.db(), actor, body.person_id).await?;
    let day = list.served_on;
    let decision = granted_decisions(uow.db(), actor, person.id, MEALS)
        .await?
        .into_iter()
        .filter(|d| d.service_from.is_none_or(|from| from <= day))
        .max_by_key(|d| d.service_from)
        .ok_or_else(|| {
            ApiError::invalid_field(
                "person_id",
                FieldCode::Invalid,
                "the person has no signed meals decision in force that day",
            )
        })?;
    repo::lock_person(uow.db(), actor, person.id).await?;
    let year_start =
        Date::from_calendar_date(day.year(), Month::January, 1).map_err(ApiError::internal)?;
    let year_end =
        Date::from_calendar_date(day.year(), Month::December, 31).map_err(ApiError::internal)?;
    let recorded: Vec<Date> = scoped::<meal_list_entries::Entity>(actor)
        .filter(meal_list_entries::Column::PersonId.eq(person.id))
        .filter(meal_list_entries::Column::ServedOn.gte(year_start.min(day - Duration::days(7))))
        .filter(meal_list_entries::Column::ServedOn.lte(year_end.max(day + Duration::days(7))))
        .all(uow.db())
        .await?
        .into_iter()
        .map(|e| e.served_on)
        .collect();
    check_meal(&recorded, day).map_err(rule_error)?;
    let now = uow.now();
    let signed_by_name = trimmed(body.signed_by_name);
    let row = meal_list_entries::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        list_id: Set(list.id),
        person_id: Set(person.id),
        decision_id: Set(decision.id),
        served_on: Set(day),
        signed: Set(body.signed || signed_by_name.is_some()),
        signed_by_name: Set(signed_by_name),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
    };
    let entry = match meal_list_entries::Entity::insert(row)
        .exec_with_returning(uow.db())
        .await
    {
        Ok(entry) => entry,
        Err(e) if crate::store::is_unique_violation(&e) => {
            let code = ErrorCode::MealOnceADay;
            return Err(ApiError::new(
                code.status(),
                code,
                DeliveryRuleError::MealOnceADay(day).to_string(),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    uow.audit(
        AuditEvent::new(AuditAction::MealListAdd, "meal_list", list.id).summary(json!({
            "entry_id": entry.id,
            "person_id": entry.person_id,
            "served_on": entry.served_on,
            "signed": entry.signed,
            "signed_by_name": entry.signed_by_name.is_some(),
        })),
    )
    .await?;
    let view = view(uow.db(), list).await?;
    uow.commit().await?;
    Ok(view)
}
