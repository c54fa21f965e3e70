//! The queries of the work lists (home pages) that no other list already
//! makes: each in the actor's scope, each at most `limit` rows, most urgent
//! first.

use crate::actor::Actor;
use crate::store::StoreResult;
use crate::store::entities::{applications, person_certificates, persons, rates};
use crate::store::persons::on;
use crate::store::scope::{scoped, scoped_condition};
use atvejis_domain::application::ApplicationStatus;
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
};
use time::Date;
use uuid::Uuid;

/// An application still open: not decided, notified or withdrawn. The
/// statuses are literals, not bound parameters, so that PostgreSQL proves
/// the predicate of the partial index `ix_applications_open` (migration
/// `m20261204_000021`, which states the same three) in any plan.
fn open_application() -> Expr {
    let closed = [
        ApplicationStatus::Decided,
        ApplicationStatus::Notified,
        ApplicationStatus::Withdrawn,
    ]
    .map(|s| format!("'{}'", s.as_str()))
    .join(", ");
    Expr::cust(format!(r#""applications"."status" NOT IN ({closed})"#))
}

/// Open applications `user` received, by decision due date (none last),
/// newest received first among equals.
pub async fn received_by<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    user: Uuid,
    limit: u64,
) -> StoreResult<Vec<applications::Model>> {
    Ok(scoped::<applications::Entity>(actor)
        .filter(applications::Column::ReceivedBy.eq(user))
        .filter(open_application())
        .order_by(
            Expr::col(applications::Column::DecisionDueOn).is_null(),
            Order::Asc,
        )
        .order_by_asc(applications::Column::DecisionDueOn)
        .order_by_desc(applications::Column::ReceivedOn)
        .order_by_asc(applications::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Applications whose needs assessment is still to be recorded: registered
/// ones, and those decided without it under R-CM-6 (the assessment follows
/// the service), oldest received first.
pub async fn assessments_to_record<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    limit: u64,
) -> StoreResult<Vec<applications::Model>> {
    use applications::Column as A;
    Ok(scoped::<applications::Entity>(actor)
        .filter(A::Assessment.is_null())
        .filter(
            Condition::any()
                .add(A::Status.eq(ApplicationStatus::Submitted.as_str()))
                .add(
                    Condition::all()
                        .add(A::ExceptionReason.is_not_null())
                        .add(A::Status.ne(ApplicationStatus::Withdrawn.as_str()))
                        .add(A::Status.ne(ApplicationStatus::Draft.as_str())),
                ),
        )
        .order_by_asc(A::ReceivedOn)
        .order_by_asc(A::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Certificates of people the actor sees that end between `from` and `to`
/// (both included), soonest first, with their person.
pub async fn certificates_ending<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    from: Date,
    to: Date,
    limit: u64,
) -> StoreResult<Vec<(person_certificates::Model, persons::Model)>> {
    use person_certificates::Column as PC;
    let rows = scoped::<person_certificates::Entity>(actor)
        .join(
            JoinType::InnerJoin,
            on::<person_certificates::Entity, persons::Entity>(PC::PersonId, persons::Column::Id),
        )
        .filter(scoped_condition::<persons::Entity>(actor))
        .filter(PC::ValidUntil.gte(from))
        .filter(PC::ValidUntil.lte(to))
        .order_by_asc(PC::ValidUntil)
        .order_by_asc(PC::Id)
        .limit(limit)
        .select_also(persons::Entity)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(c, p)| p.map(|p| (c, p)))
        .collect())
}

/// Rates of the actor's municipality that take effect after `today` and by
/// `until`, soonest first.
pub async fn rates_taking_effect<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    today: Date,
    until: Date,
    limit: u64,
) -> StoreResult<Vec<rates::Model>> {
    Ok(scoped::<rates::Entity>(actor)
        .filter(rates::Column::ValidFrom.gt(today))
        .filter(rates::Column::ValidFrom.lte(until))
        .order_by_asc(rates::Column::ValidFrom)
        .order_by_asc(rates::Column::Kind)
        .limit(limit)
        .all(db)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{PostgresQueryBuilder, Query};

    #[test]
    fn open_applications_are_stated_as_the_partial_index_states_them() {
        let sql = Query::select()
            .expr(Expr::val(1))
            .from(applications::Entity)
            .and_where(open_application())
            .to_string(PostgresQueryBuilder);
        assert!(
            sql.ends_with(
                r#"WHERE "applications"."status" NOT IN ('decided', 'notified', 'withdrawn')"#
            ),
            "{sql}"
        );
    }
}
