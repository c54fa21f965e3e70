//! Optimistic concurrency: every mutable row has a `version`; a change names
//! the version the client read, and succeeds only if the row still has it.
//! sea-orm has no version column support, so the UPDATE says
//! `WHERE id = ? AND version = ?` (within the actor's scope) and
//! [`expect_one`] turns "no row changed" into [`StoreError::StaleVersion`]
//! (409 `version_conflict`). This is the one style of version check.

use crate::actor::Actor;
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::{MunicipalityScoped, scoped_condition};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ExprTrait, QueryFilter, UpdateMany, UpdateResult};
use time::OffsetDateTime;
use uuid::Uuid;

/// A table with `id`, `version` and `updated_at` columns.
pub trait Versioned: MunicipalityScoped {
    /// `id`.
    fn id_column() -> Self::Column;
    /// `version`.
    fn version_column() -> Self::Column;
    /// `updated_at`.
    fn updated_at_column() -> Self::Column;
}

/// An UPDATE of row `id`, within the actor's scope, that applies only at
/// `version` and bumps the version and `updated_at`. Add the columns to set.
pub fn update<E: Versioned>(
    actor: &Actor,
    id: Uuid,
    version: i32,
    now: OffsetDateTime,
) -> UpdateMany<E> {
    E::update_many()
        .col_expr(E::updated_at_column(), Expr::value(now))
        .col_expr(E::version_column(), Expr::col(E::version_column()).add(1))
        .filter(scoped_condition::<E>(actor))
        .filter(E::id_column().eq(id))
        .filter(E::version_column().eq(version))
}

/// `Ok` when exactly one row changed, else [`StoreError::StaleVersion`]
/// (409 `version_conflict`).
pub fn expect_one(result: UpdateResult) -> StoreResult<()> {
    if result.rows_affected == 1 {
        Ok(())
    } else {
        Err(StoreError::StaleVersion)
    }
}

mod impls {
    use super::Versioned;
    use crate::store::entities::*;

    macro_rules! versioned {
        ($($module:ident),*) => {$(
            impl Versioned for $module::Entity {
                fn id_column() -> Self::Column {
                    $module::Column::Id
                }
                fn version_column() -> Self::Column {
                    $module::Column::Version
                }
                fn updated_at_column() -> Self::Column {
                    $module::Column::UpdatedAt
                }
            }
        )*};
    }

    versioned!(
        users,
        service_accounts,
        persons,
        families,
        service_types,
        applications,
        decisions,
        signing_delegations,
        cases,
        case_plan_versions,
        facilities,
        facility_places,
        queue_entries,
        place_offers,
        stays
    );

    // Recording the service (issue 11).
    versioned!(delivery_schedules, trips, meal_lists, coupon_grants);
}
