//! The header search's queries besides the persons search
//! ([`crate::store::persons::search`]): applications and cases found by the
//! folded name of a person they concern (the same folding and the same
//! `search_text` column as the persons search), cases also by number.

use crate::actor::Actor;
use crate::store::entities::{applications, cases, family_members, persons};
use crate::store::persons::on;
use crate::store::scope::scoped;
use crate::store::{StoreResult, contains_pattern, first_and_count};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, Order, Query, UnionType};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, JoinType, QueryFilter, QuerySelect};

/// A condition that every folded word occurs in `persons.search_text`.
fn words_match(words: &[String]) -> Condition {
    words.iter().fold(Condition::all(), |c, word| {
        // Folded text holds only [a-z0-9 ], so no LIKE wildcard can slip in.
        c.add(persons::Column::SearchText.like(LikeExpr::new(format!("%{word}%"))))
    })
}

/// Applications in the actor's scope whose person matches every one of the
/// folded `words`, newest first: at most `limit`, and how many match,
/// counted no further than `at_most`.
pub async fn applications<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    words: &[String],
    limit: u64,
    at_most: u64,
) -> StoreResult<(Vec<applications::Model>, u64)> {
    let query = scoped::<applications::Entity>(actor)
        .join(
            JoinType::InnerJoin,
            on::<applications::Entity, persons::Entity>(
                applications::Column::PersonId,
                persons::Column::Id,
            ),
        )
        .filter(words_match(words));
    use applications::Column as A;
    Ok(first_and_count(
        db,
        query,
        &[(A::ReceivedOn, Order::Desc), (A::Id, Order::Desc)],
        limit,
        at_most,
    )
    .await?)
}

/// Cases the actor sees whose number contains `text` (case-insensitive), or
/// whose family has a member matching every one of the folded `words`;
/// opened last first: at most `limit`, and how many match, counted no
/// further than `at_most`.
///
/// The two ways to match are a union of case ids, not an `OR`: beside an
/// `OR`, PostgreSQL can only build the whole list of the members' families
/// (a hash of every family membership, 14 ms at 100,000 people) for each
/// case; alone, the members' condition is a semi-join it plans by the
/// numbers (from the cases to their members, or from the people found).
pub async fn cases<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    text: &str,
    words: &[String],
    limit: u64,
    at_most: u64,
) -> StoreResult<(Vec<cases::Model>, u64)> {
    let members = Query::select()
        .column(family_members::Column::FamilyId)
        .from(family_members::Entity)
        .inner_join(
            persons::Entity,
            Expr::col((persons::Entity, persons::Column::Id))
                .equals((family_members::Entity, family_members::Column::PersonId)),
        )
        .cond_where(words_match(words))
        .to_owned();
    let by_number = Query::select()
        .column(cases::Column::Id)
        .from(cases::Entity)
        .and_where(
            Expr::expr(Func::lower(Expr::col(cases::Column::Number))).like(contains_pattern(text)),
        )
        .to_owned();
    let matching = Query::select()
        .column(cases::Column::Id)
        .from(cases::Entity)
        .and_where(Expr::col(cases::Column::FamilyId).in_subquery(members))
        .union(UnionType::All, by_number)
        .to_owned();
    let query = scoped::<cases::Entity>(actor).filter(cases::Column::Id.in_subquery(matching));
    Ok(first_and_count(
        db,
        query,
        &[
            (cases::Column::OpenedAt, Order::Desc),
            (cases::Column::Id, Order::Desc),
        ],
        limit,
        at_most,
    )
    .await?)
}
