//! The header search's queries besides the persons search
//! ([`crate::store::persons::search`]): applications and cases found by the
//! folded name of a person they concern (the same folding and the same
//! `search_text` column as the persons search), cases also by number.

use crate::actor::Actor;
use crate::store::entities::{applications, cases, family_members, persons};
use crate::store::persons::on;
use crate::store::scope::scoped;
use crate::store::{StoreResult, contains_pattern, count_at_most};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
};

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
    let total = count_at_most(db, query.clone(), at_most).await?;
    let rows = query
        .order_by_desc(applications::Column::ReceivedOn)
        .order_by_desc(applications::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// Cases the actor sees whose number contains `text` (case-insensitive), or
/// whose family has a member matching every one of the folded `words`;
/// opened last first: at most `limit`, and how many match, counted no
/// further than `at_most`.
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
    let query = scoped::<cases::Entity>(actor).filter(
        Condition::any()
            .add(
                Expr::expr(Func::lower(Expr::col(cases::Column::Number)))
                    .like(contains_pattern(text)),
            )
            .add(cases::Column::FamilyId.in_subquery(members)),
    );
    let total = count_at_most(db, query.clone(), at_most).await?;
    let rows = query
        .order_by_desc(cases::Column::OpenedAt)
        .order_by_desc(cases::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok((rows, total))
}
