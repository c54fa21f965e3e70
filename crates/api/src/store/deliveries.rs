//! The deliveries repository: schedules, visits, trips, meal lists and
//! coupons, each read in the actor's municipality, and the per-person lock
//! every record checked against a limit takes first ([`lock_person`]).

use crate::actor::Actor;
use crate::store::entities::{
    applications, coupon_grants, decisions, delivery_locks, delivery_schedules, meal_lists, trips,
};
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::scoped;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
};
use uuid::Uuid;

/// A schedule being drawn up.
pub const SCHEDULE_DRAFT: &str = "draft";
/// A schedule approved by the Centre's director.
pub const SCHEDULE_APPROVED: &str = "approved";
/// A trip asked for.
pub const TRIP_REQUESTED: &str = "requested";
/// A trip done.
pub const TRIP_COMPLETED: &str = "completed";
/// A trip cancelled.
pub const TRIP_CANCELLED: &str = "cancelled";

/// Locks the limited records of person `person_id` (visits, meals,
/// coupons) until the transaction ends: an upsert of the person's
/// `delivery_locks` row, which holds the row lock on PostgreSQL (SQLite's
/// write transactions are IMMEDIATE). The caller has checked the person is
/// in the actor's scope.
pub async fn lock_person<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    person_id: Uuid,
) -> StoreResult<()> {
    let row = delivery_locks::ActiveModel {
        person_id: Set(person_id),
        municipality_id: Set(actor.municipality_id),
        bumps: Set(1),
    };
    delivery_locks::Entity::insert(row)
        .on_conflict(
            OnConflict::column(delivery_locks::Column::PersonId)
                .value(
                    delivery_locks::Column::Bumps,
                    Expr::col((delivery_locks::Entity, delivery_locks::Column::Bumps)).add(1),
                )
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// A decision of the actor's municipality with its application.
pub async fn decision_with_application<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<(decisions::Model, applications::Model)> {
    let decision = scoped::<decisions::Entity>(actor)
        .filter(decisions::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("decision"))?;
    let application = applications::Entity::find_by_id(decision.application_id)
        .filter(applications::Column::MunicipalityId.eq(actor.municipality_id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("decision"))?;
    Ok((decision, application))
}

/// The signed granting decisions on `service_code` of person `person_id`.
pub async fn granted_decisions<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    person_id: Uuid,
    service_code: &str,
) -> StoreResult<Vec<decisions::Model>> {
    let apps: Vec<Uuid> = applications::Entity::find()
        .filter(applications::Column::MunicipalityId.eq(actor.municipality_id))
        .filter(applications::Column::PersonId.eq(person_id))
        .filter(applications::Column::ServiceCode.eq(service_code))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    if apps.is_empty() {
        return Ok(Vec::new());
    }
    Ok(scoped::<decisions::Entity>(actor)
        .filter(decisions::Column::ApplicationId.is_in(apps))
        .filter(decisions::Column::Status.eq("signed"))
        .filter(decisions::Column::Outcome.eq("granted"))
        .all(db)
        .await?)
}

/// Schedule `id` of the actor's municipality.
pub async fn schedule<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<delivery_schedules::Model> {
    scoped::<delivery_schedules::Entity>(actor)
        .filter(delivery_schedules::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("schedule"))
}

/// Trip `id` of the actor's municipality.
pub async fn trip<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<trips::Model> {
    scoped::<trips::Entity>(actor)
        .filter(trips::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("trip"))
}

/// Meal list `id` of the actor's municipality.
pub async fn meal_list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<meal_lists::Model> {
    scoped::<meal_lists::Entity>(actor)
        .filter(meal_lists::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("meal list"))
}

/// Coupon grant `id` of the actor's municipality.
pub async fn coupon_grant<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<coupon_grants::Model> {
    scoped::<coupon_grants::Entity>(actor)
        .filter(coupon_grants::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("coupon grant"))
}
