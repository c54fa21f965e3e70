//! The persons repository: scoped finders, the search, the batched loader of
//! a person's file, and the saves of a person's row.

use crate::actor::Actor;
use crate::store::entities::{elderships, persons};
use crate::store::scope::{Scope, scoped};
use crate::store::versioned;
use crate::store::{StoreError, StoreResult, count_at_most};
use atvejis_domain::personal_code::{PersonalCode, Sex};
use atvejis_domain::text::fold_for_search;
use sea_orm::sea_query::{
    Alias, Asterisk, Expr, IntoIden, LikeExpr, Order, Query, SelectStatement,
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult,
    IdenStatic, Iterable, JoinType, QueryFilter, QueryResult, QuerySelect, QueryTrait, RelationDef,
    Select,
};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// The folded text a person is found by: names, personal code, address.
pub fn search_text(
    first_name: &str,
    last_name: &str,
    personal_code: Option<&str>,
    address: Option<&str>,
) -> String {
    fold_for_search(&format!(
        "{first_name} {last_name} {} {}",
        personal_code.unwrap_or(""),
        address.unwrap_or("")
    ))
}

/// The person `id` within the actor's scope.
///
/// MUST return [`StoreError::NotFound`] when the person does not exist or is
/// outside the actor's scope (the two are not told apart).
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<persons::Model> {
    scoped::<persons::Entity>(actor)
        .filter(persons::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("person"))
}

/// The person `id` within the actor's scope with their eldership, in one
/// query; the same [`StoreError::NotFound`] as [`find_scoped`].
pub async fn find_scoped_with_eldership<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<(persons::Model, Option<elderships::Model>)> {
    let select = scoped_with_eldership(&Scope::of(actor), id).select_only();
    prefixed::<elderships::Entity, _>(prefixed::<persons::Entity, _>(select, "p_"), "e_")
        .into_model::<PersonAndEldership>()
        .one(db)
        .await?
        .map(|r| (r.person, r.eldership))
        .ok_or(StoreError::NotFound("person"))
}

/// Person `id` in `scope`, their eldership left-joined (columns for the
/// caller to choose).
pub(crate) fn scoped_with_eldership(scope: &Scope, id: Uuid) -> Select<persons::Entity> {
    scope
        .find::<persons::Entity>()
        .filter(persons::Column::Id.eq(id))
        .join(
            JoinType::LeftJoin,
            on::<persons::Entity, elderships::Entity>(
                persons::Column::EldershipId,
                elderships::Column::Id,
            ),
        )
}

/// A person and their eldership (or an application's person and the
/// eldership that received it), selected with the prefixes `p_` and `e_`.
pub(crate) struct PersonAndEldership {
    pub person: persons::Model,
    pub eldership: Option<elderships::Model>,
}

impl FromQueryResult for PersonAndEldership {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, sea_orm::DbErr> {
        Ok(PersonAndEldership {
            person: persons::Model::from_query_result(res, &format!("{pre}p_"))?,
            eldership: elderships::Model::from_query_result_optional(res, &format!("{pre}e_"))?,
        })
    }
}

/// The person `id` by id alone: for re-reading a row the caller has just
/// changed in its scope (a person may move out of an eldership specialist's
/// eldership by the change).
pub async fn reread<C: ConnectionTrait>(db: &C, id: Uuid) -> StoreResult<persons::Model> {
    persons::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("person"))
}

/// The elderships `ids`, by id (one query).
pub async fn elderships_of<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = Uuid>,
) -> StoreResult<HashMap<Uuid, elderships::Model>> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(elderships::Entity::find()
        .filter(elderships::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect())
}

/// How a search names people by personal code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeFilter {
    /// No code given.
    Any,
    /// Exactly this code.
    Exactly(PersonalCode),
    /// A text that is no valid code: matches nobody.
    Nobody,
}

/// What a search looks for.
#[derive(Debug, Clone)]
pub struct Search {
    /// Words of the name or address (each must occur, folded).
    pub words: Vec<String>,
    /// The personal code.
    pub code: CodeFilter,
    /// Only people of this eldership.
    pub eldership_id: Option<Uuid>,
}

/// One page of the people `search` finds in the actor's scope, by last and
/// first name, with the number of matches counted up to `count_up_to`. The
/// count stops at `count_up_to + 1`: a number above `count_up_to` means
/// "more than that". An exact count of a broad search would read every match
/// (the whole table for "a") only to print it.
///
/// Most searches name someone and match fewer than `count_up_to`: one
/// statement finds the matches once (at most `count_up_to + 1`), counts them
/// with a window and sorts out the page (issue 13: the trigram index is read
/// once, not once for the count and again for the page). A broader search
/// then asks for its page separately ([`page_of_many`]); a page beyond the
/// first `count_up_to + 1` matches first asks how many there are.
pub async fn search<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    search: &Search,
    page: u64,
    per_page: u64,
    count_up_to: u64,
) -> StoreResult<(Vec<persons::Model>, u64)> {
    let mut query = scoped::<persons::Entity>(actor);
    match &search.code {
        CodeFilter::Any => {}
        CodeFilter::Exactly(code) => {
            query = query.filter(persons::Column::PersonalCode.eq(code.as_str()));
        }
        CodeFilter::Nobody => query = query.filter(Expr::cust("1 = 0")),
    }
    for word in &search.words {
        // Folded text holds only [a-z0-9 ], so no LIKE wildcard can slip in.
        query = query.filter(persons::Column::SearchText.like(LikeExpr::new(format!("%{word}%"))));
    }
    if let Some(eldership) = search.eldership_id {
        query = query.filter(persons::Column::EldershipId.eq(eldership));
    }
    let backend = db.get_database_backend();
    let offset = super::page_index(page).saturating_mul(per_page);
    let cap = count_up_to.saturating_add(1);
    let m = Alias::new("m");
    let total_column = "total_matches";
    let mut counted = Query::select();
    counted
        .column(Asterisk)
        .expr_as(Expr::cust("COUNT(*) OVER ()"), Alias::new(total_column))
        .from_subquery(query.clone().limit(cap).into_query(), m.clone());
    by_name(&mut counted, m.clone());
    counted.offset(offset).limit(per_page);
    let mut rows = Vec::new();
    let mut total = None;
    for row in db.query_all_raw(backend.build(&counted)).await? {
        let n: i64 = row.try_get("", total_column)?;
        total = Some(u64::try_from(n).unwrap_or(0));
        rows.push(persons::Model::from_query_result(&row, "")?);
    }
    let total = match total {
        Some(total) => total,
        None if offset == 0 => 0,
        // A page past the first `cap` matches: how many there are.
        None => count_at_most(db, query.clone(), cap).await?,
    };
    if total <= count_up_to {
        // The page, or none past the matches.
        return Ok((rows, total));
    }
    // More than `count_up_to`: the page above, if any, came from some of them.
    let rows = page_of_many(db, actor.municipality_id, query, offset, per_page).await?;
    Ok((rows, total))
}

/// The order of a search's results: by last name, first name, then id.
const NAME_ORDER: [persons::Column; 3] = [
    persons::Column::LastName,
    persons::Column::FirstName,
    persons::Column::Id,
];

/// Orders `select` by [`NAME_ORDER`] of the people of `table`.
fn by_name(select: &mut SelectStatement, table: impl IntoIden) {
    let table = table.into_iden();
    for column in NAME_ORDER {
        select.order_by((table.clone(), column), Order::Asc);
    }
}

/// How many of the municipality's people, in name order, a broad search's
/// page is first sought among ([`page_of_many`]).
pub const NAME_WALK: u64 = 2_000;

/// A page, in name order, of a search that matches more people than it
/// counts.
///
/// Asked for the page by name, PostgreSQL walks the name index and tests
/// each person in turn, expecting the matches spread evenly over the
/// alphabet. They seldom are: a surname's bearers stand together, and the
/// walk to the first 25 of 1,079 "Petrauskas" among 100,000 people read
/// 56,000 rows (25 ms), where finding all 1,079 by the search index and
/// sorting them takes 4.5 ms. So the page is first sought among the
/// municipality's first [`NAME_WALK`] people by name: a word in many names
/// (a common first name, "aus") fills it there. Only if it does not fill it,
/// all the matches are found and sorted, in a subquery fenced off by
/// `OFFSET 0` on PostgreSQL so that the planner cannot turn it into the walk
/// (SQLite has no search index and takes no OFFSET without LIMIT). Either way
/// the page is the same: the first [`NAME_WALK`] people hold every match that
/// comes before the last of them. The walk reads only the index
/// `ix_persons_name_walk` (at 100,000 people, 1.5 ms under `EXPLAIN
/// ANALYZE` and 0.6 ms in PostgreSQL's statement log; 7.7 ms and 2.3 ms
/// when it read each person's row), then the page's rows by id.
async fn page_of_many<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    query: Select<persons::Entity>,
    offset: u64,
    per_page: u64,
) -> StoreResult<Vec<persons::Model>> {
    let backend = db.get_database_backend();
    let rows = |select: SelectStatement| async move {
        db.query_all_raw(backend.build(&select))
            .await?
            .iter()
            .map(|row| persons::Model::from_query_result(row, ""))
            .collect::<Result<Vec<_>, _>>()
    };
    // The first people by name, under the table's own name, so that the
    // search's conditions apply to them as they are.
    let mut first = persons::Entity::find()
        .filter(persons::Column::MunicipalityId.eq(municipality_id))
        .into_query();
    by_name(&mut first, persons::Entity);
    first.limit(NAME_WALK);
    // The walk names only the page's ids: PostgreSQL then reads the name
    // order, the search text and the eldership from `ix_persons_name_walk`
    // alone (the walk's other columns go unused), and the page's rows by id.
    let mut walked = query.clone().into_query();
    walked
        .clear_selects()
        .column((persons::Entity, persons::Column::Id))
        .from_clear()
        .from_subquery(first, persons::Entity);
    by_name(&mut walked, persons::Entity);
    walked.offset(offset).limit(per_page);
    let mut page_rows = query
        .clone()
        .filter(persons::Column::Id.in_subquery(walked))
        .into_query();
    by_name(&mut page_rows, persons::Entity);
    let page = rows(page_rows).await?;
    if u64::try_from(page.len()).unwrap_or(u64::MAX) >= per_page {
        return Ok(page);
    }
    let mut matches = query.into_query();
    if backend == DbBackend::Postgres {
        matches.offset(0);
    }
    let all = Alias::new("all_matches");
    let mut sorted = Query::select();
    sorted.column(Asterisk).from_subquery(matches, all.clone());
    by_name(&mut sorted, all);
    sorted.offset(offset).limit(per_page);
    Ok(rows(sorted).await?)
}

/// `LEFT JOIN to ON from = to`, for tables without a declared relation.
pub(crate) fn on<A: EntityTrait, B: EntityTrait>(from: A::Column, to: B::Column) -> RelationDef {
    A::belongs_to(B::default()).from(from).to(to).into()
}

/// Every column of `E`, aliased `{prefix}{column}` (for a second table's
/// model in one row).
pub(crate) fn prefixed<E: EntityTrait, S: QuerySelect>(mut select: S, prefix: &str) -> S {
    for column in E::Column::iter() {
        select = select.column_as(column, format!("{prefix}{}", column.as_str()));
    }
    select
}

/// A person's fields as saved (checked by the caller).
#[derive(Debug, Clone)]
pub struct PersonFields {
    /// The eldership of the declared address.
    pub eldership_id: Option<Uuid>,
    /// The personal code.
    pub personal_code: Option<PersonalCode>,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Birth date.
    pub birth_date: Option<Date>,
    /// Sex.
    pub sex: Option<Sex>,
    /// Declared address.
    pub declared_address: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
}

/// The stored code of a sex.
pub fn sex_code(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "male",
        Sex::Female => "female",
    }
}

/// The sex of a stored code.
pub fn sex_of(code: Option<&str>) -> Option<Sex> {
    match code? {
        "male" => Some(Sex::Male),
        "female" => Some(Sex::Female),
        _ => None,
    }
}

impl PersonFields {
    fn search_text(&self) -> String {
        search_text(
            &self.first_name,
            &self.last_name,
            self.personal_code.as_ref().map(PersonalCode::as_str),
            self.declared_address.as_deref(),
        )
    }
}

/// Registers a person in the actor's municipality.
///
/// MUST return a unique violation ([`StoreError::is_unique_violation`]) when
/// a person with the same personal code is registered in the municipality.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    fields: PersonFields,
    now: OffsetDateTime,
) -> StoreResult<persons::Model> {
    let row = persons::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        eldership_id: Set(fields.eldership_id),
        search_text: Set(fields.search_text()),
        personal_code: Set(fields.personal_code.map(|c| c.as_str().to_owned())),
        first_name: Set(fields.first_name),
        last_name: Set(fields.last_name),
        birth_date: Set(fields.birth_date),
        sex: Set(fields.sex.map(|s| sex_code(s).to_owned())),
        declared_address: Set(fields.declared_address),
        phone: Set(fields.phone),
        email: Set(fields.email),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    Ok(persons::Entity::insert(row).exec_with_returning(db).await?)
}

/// Saves `fields` to person `id` at `version`, within the actor's scope, and
/// bumps the version.
///
/// MUST return [`StoreError::StaleVersion`] when no row in scope has that id
/// and version, and a unique violation when another person of the
/// municipality has the personal code.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    fields: PersonFields,
    now: OffsetDateTime,
) -> StoreResult<()> {
    let search_text = fields.search_text();
    let updated = versioned::update::<persons::Entity>(actor, id, version, now)
        .col_expr(
            persons::Column::PersonalCode,
            Expr::value(fields.personal_code.map(|c| c.as_str().to_owned())),
        )
        .col_expr(persons::Column::FirstName, Expr::value(fields.first_name))
        .col_expr(persons::Column::LastName, Expr::value(fields.last_name))
        .col_expr(persons::Column::BirthDate, Expr::value(fields.birth_date))
        .col_expr(
            persons::Column::Sex,
            Expr::value(fields.sex.map(|s| sex_code(s).to_owned())),
        )
        .col_expr(
            persons::Column::DeclaredAddress,
            Expr::value(fields.declared_address),
        )
        .col_expr(
            persons::Column::EldershipId,
            Expr::value(fields.eldership_id),
        )
        .col_expr(persons::Column::Phone, Expr::value(fields.phone))
        .col_expr(persons::Column::Email, Expr::value(fields.email))
        .col_expr(persons::Column::SearchText, Expr::value(search_text))
        .exec(db)
        .await?;
    if updated.rows_affected == 1 {
        Ok(())
    } else {
        Err(StoreError::StaleVersion)
    }
}
