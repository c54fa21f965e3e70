//! The persons repository: scoped finders, the search, the batched loader of
//! a person's file, and the saves of a person's row.

use crate::actor::Actor;
use crate::store::certificates::CertificateRecord;
use crate::store::entities::{
    applications, decisions, elderships, families, family_members, income_records,
    person_certificates, persons, service_types,
};
use crate::store::income::IncomeEntry;
use crate::store::scope::{scoped, scoped_condition};
use crate::store::versioned;
use crate::store::{StoreError, StoreResult};
use atvejis_domain::personal_code::{PersonalCode, Sex};
use atvejis_domain::text::fold_for_search;
use sea_orm::sea_query::{Alias, Asterisk, Expr, ExprTrait, LikeExpr, Order, Query, UnionType};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, IdenStatic,
    Iterable, JoinType, QueryFilter, QueryOrder, QueryResult, QuerySelect, QueryTrait, RelationDef,
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
    let select = scoped_with_eldership(actor, id).select_only();
    prefixed::<elderships::Entity, _>(prefixed::<persons::Entity, _>(select, "p_"), "e_")
        .into_model::<PersonAndEldership>()
        .one(db)
        .await?
        .map(|r| (r.person, r.eldership))
        .ok_or(StoreError::NotFound("person"))
}

/// Person `id` in the actor's scope, their eldership left-joined (columns
/// for the caller to choose).
fn scoped_with_eldership(actor: &Actor, id: Uuid) -> Select<persons::Entity> {
    scoped::<persons::Entity>(actor)
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
/// then asks for its page by name (the name index, stopping at the page),
/// and a page past the matches for the count.
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
    let offset = page.saturating_sub(1).saturating_mul(per_page);
    let cap = count_up_to.saturating_add(1);
    let m = Alias::new("m");
    let total_column = "total_matches";
    let mut counted = Query::select();
    counted
        .column(Asterisk)
        .expr_as(Expr::cust("COUNT(*) OVER ()"), Alias::new(total_column))
        .from_subquery(query.clone().limit(cap).into_query(), m.clone());
    for column in [
        persons::Column::LastName,
        persons::Column::FirstName,
        persons::Column::Id,
    ] {
        counted.order_by((m.clone(), column), Order::Asc);
    }
    counted.offset(offset).limit(per_page);
    let mut rows = Vec::new();
    let mut total = None;
    for row in db.query_all_raw(backend.build(&counted)).await? {
        let n: i64 = row.try_get("", total_column)?;
        total = Some(u64::try_from(n).unwrap_or(0));
        rows.push(persons::Model::from_query_result(&row, "")?);
    }
    match total {
        Some(total) if total <= count_up_to => Ok((rows, total)),
        // More than `count_up_to`: the page above came from some of them.
        Some(total) => {
            let rows = query
                .order_by_asc(persons::Column::LastName)
                .order_by_asc(persons::Column::FirstName)
                .order_by_asc(persons::Column::Id)
                .offset(offset)
                .limit(per_page)
                .all(db)
                .await?;
            Ok((rows, total))
        }
        None if offset == 0 => Ok((rows, 0)),
        // A page past the matches: how many there are.
        None => {
            let count = Query::select()
                .expr_as(Expr::cust("COUNT(*)"), Alias::new("n"))
                .from_subquery(
                    query
                        .select_only()
                        .column(persons::Column::Id)
                        .limit(cap)
                        .into_query(),
                    Alias::new("c"),
                )
                .to_owned();
            let total = db
                .query_one_raw(backend.build(&count))
                .await?
                .map(|row| row.try_get::<i64>("", "n"))
                .transpose()?
                .map_or(0, |n| u64::try_from(n).unwrap_or(0));
            Ok((rows, total))
        }
    }
}

/// A person's row with their eldership and one of their family memberships.
#[derive(Debug, Clone)]
struct PersonRow {
    person: persons::Model,
    eldership: Option<elderships::Model>,
    membership: Option<Membership>,
}

/// A family the person belongs to.
#[derive(Debug, Clone)]
pub struct Membership {
    /// The family.
    pub family_id: Uuid,
    /// Its name.
    pub family_name: String,
    /// The person's relation in it (stored code).
    pub relation: String,
}

impl FromQueryResult for PersonRow {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, sea_orm::DbErr> {
        let family_id: Option<Uuid> = res.try_get(pre, "m_family_id")?;
        let membership = match family_id {
            Some(family_id) => Some(Membership {
                family_id,
                family_name: res
                    .try_get::<Option<String>>(pre, "m_family_name")?
                    .unwrap_or_default(),
                relation: res.try_get(pre, "m_relation")?,
            }),
            None => None,
        };
        Ok(PersonRow {
            person: persons::Model::from_query_result(res, pre)?,
            eldership: elderships::Model::from_query_result_optional(res, "e_")?,
            membership,
        })
    }
}

/// One application of a person's file with what its summary shows.
#[derive(Debug, Clone)]
pub struct ApplicationRow {
    /// The application.
    pub application: applications::Model,
    /// Its service type.
    pub service_type: service_types::Model,
    /// The eldership that received it.
    pub eldership: Option<elderships::Model>,
    /// The decision's date, once signed.
    pub decided_on: Option<Date>,
    /// When the person was told.
    pub notified_on: Option<Date>,
    /// The decision's outcome code, once prepared.
    pub outcome: Option<String>,
    /// When the decision was prepared (submitted for signature).
    pub prepared_at: Option<time::OffsetDateTime>,
    /// R-DL-2: when the decision reached the provider.
    pub handed_over_on: Option<Date>,
}

impl FromQueryResult for ApplicationRow {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, sea_orm::DbErr> {
        Ok(ApplicationRow {
            application: applications::Model::from_query_result(res, pre)?,
            service_type: service_types::Model::from_query_result(res, "t_")?,
            eldership: elderships::Model::from_query_result_optional(res, "e_")?,
            decided_on: res.try_get(pre, "d_decided_on")?,
            notified_on: res.try_get(pre, "d_notified_on")?,
            outcome: res.try_get(pre, "d_outcome")?,
            prepared_at: res.try_get(pre, "d_prepared_at")?,
            handed_over_on: res.try_get(pre, "d_handed_over_on")?,
        })
    }
}

/// A certificate or an income record: the rows of both tables in one shape.
#[derive(Debug, Clone, FromQueryResult)]
struct RecordRow {
    record: String,
    id: Uuid,
    code: String,
    detail: Option<String>,
    issued_by: Option<String>,
    valid_from: Option<Date>,
    valid_until: Option<Date>,
    year: Option<i32>,
    month: Option<i32>,
    amount: Option<String>,
    created_at: OffsetDateTime,
}

/// A person's file as stored.
#[derive(Debug, Clone)]
pub struct PersonFileRows {
    /// The person.
    pub person: persons::Model,
    /// Their eldership.
    pub eldership: Option<elderships::Model>,
    /// Their families.
    pub memberships: Vec<Membership>,
    /// Their applications in the actor's scope, newest first, with service
    /// types, decisions and elderships.
    pub applications: Vec<ApplicationRow>,
    /// Their certificates, newest first.
    pub certificates: Vec<CertificateRecord>,
    /// Their income records, newest month first.
    pub income: Vec<IncomeEntry>,
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

/// A person's whole file in three queries, whatever it holds: (1) the person
/// with their eldership and families, (2) their applications in the actor's
/// scope with service types, decisions and elderships, (3) their
/// certificates and income records together.
///
/// MUST return [`StoreError::NotFound`] when the person is outside the
/// actor's scope (and then runs one query only).
pub async fn load_file<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<PersonFileRows> {
    // (1) person ⋈ eldership ⋈ memberships ⋈ families.
    let mut select = scoped_with_eldership(actor, id)
        .join(
            JoinType::LeftJoin,
            on::<persons::Entity, family_members::Entity>(
                persons::Column::Id,
                family_members::Column::PersonId,
            ),
        )
        .join(
            JoinType::LeftJoin,
            on::<family_members::Entity, families::Entity>(
                family_members::Column::FamilyId,
                families::Column::Id,
            ),
        )
        .column_as(family_members::Column::FamilyId, "m_family_id")
        .column_as(family_members::Column::Relation, "m_relation")
        .column_as(families::Column::Name, "m_family_name")
        .order_by_asc(families::Column::Name);
    select = prefixed::<elderships::Entity, _>(select, "e_");
    let rows = select.into_model::<PersonRow>().all(db).await?;
    let Some(first) = rows.first().cloned() else {
        return Err(StoreError::NotFound("person"));
    };
    let memberships = rows.into_iter().filter_map(|r| r.membership).collect();

    // (2) applications ⋈ service types ⋈ decisions ⋈ elderships.
    let mut select = scoped::<applications::Entity>(actor)
        .filter(applications::Column::PersonId.eq(id))
        .join(
            JoinType::InnerJoin,
            on::<applications::Entity, service_types::Entity>(
                applications::Column::ServiceTypeId,
                service_types::Column::Id,
            ),
        )
        .join(
            JoinType::LeftJoin,
            on::<applications::Entity, decisions::Entity>(
                applications::Column::Id,
                decisions::Column::ApplicationId,
            ),
        )
        .join(
            JoinType::LeftJoin,
            on::<applications::Entity, elderships::Entity>(
                applications::Column::EldershipId,
                elderships::Column::Id,
            ),
        )
        .column_as(decisions::Column::DecidedOn, "d_decided_on")
        .column_as(decisions::Column::NotifiedOn, "d_notified_on")
        .column_as(decisions::Column::Outcome, "d_outcome")
        .column_as(decisions::Column::PreparedAt, "d_prepared_at")
        .column_as(decisions::Column::HandedOverOn, "d_handed_over_on")
        .order_by_desc(applications::Column::ReceivedOn)
        .order_by_desc(applications::Column::Id);
    select = prefixed::<service_types::Entity, _>(select, "t_");
    select = prefixed::<elderships::Entity, _>(select, "e_");
    let applications = select.into_model::<ApplicationRow>().all(db).await?;

    // (3) certificates and income records, in one shape.
    let (certificates, income) = records_of(db, actor, id).await?;
    Ok(PersonFileRows {
        person: first.person,
        eldership: first.eldership,
        memberships,
        applications,
        certificates,
        income,
    })
}

/// The certificates (newest first) and income records (newest month first)
/// of person `id`, in one query (`UNION ALL` of both tables in one shape).
async fn records_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<(Vec<CertificateRecord>, Vec<IncomeEntry>)> {
    use income_records as ir;
    use person_certificates as pc;
    let null = || Expr::cust("NULL");
    let mut query = Query::select()
        .expr_as(Expr::cust("'certificate'"), Alias::new("record"))
        .expr_as(Expr::col((pc::Entity, pc::Column::Id)), Alias::new("id"))
        .expr_as(
            Expr::col((pc::Entity, pc::Column::Kind)),
            Alias::new("code"),
        )
        .expr_as(
            Expr::col((pc::Entity, pc::Column::Value)),
            Alias::new("detail"),
        )
        .expr_as(
            Expr::col((pc::Entity, pc::Column::IssuedBy)),
            Alias::new("issued_by"),
        )
        .expr_as(
            Expr::col((pc::Entity, pc::Column::ValidFrom)),
            Alias::new("valid_from"),
        )
        .expr_as(
            Expr::col((pc::Entity, pc::Column::ValidUntil)),
            Alias::new("valid_until"),
        )
        .expr_as(null(), Alias::new("year"))
        .expr_as(null(), Alias::new("month"))
        .expr_as(null(), Alias::new("amount"))
        .expr_as(
            Expr::col((pc::Entity, pc::Column::CreatedAt)),
            Alias::new("created_at"),
        )
        .from(pc::Entity)
        .cond_where(scoped_condition::<pc::Entity>(actor))
        .and_where(Expr::col((pc::Entity, pc::Column::PersonId)).eq(id))
        .to_owned();
    let income = Query::select()
        .expr(Expr::cust("'income'"))
        .expr(Expr::col((ir::Entity, ir::Column::Id)))
        .expr(Expr::col((ir::Entity, ir::Column::Source)))
        .expr(Expr::col((ir::Entity, ir::Column::Note)))
        .expr(null())
        .expr(null())
        .expr(null())
        .expr(Expr::col((ir::Entity, ir::Column::Year)))
        .expr(Expr::col((ir::Entity, ir::Column::Month)))
        // As text: exact on both databases, parsed below.
        .expr(Expr::col((ir::Entity, ir::Column::Amount)).cast_as(Alias::new("TEXT")))
        .expr(Expr::col((ir::Entity, ir::Column::CreatedAt)))
        .from(ir::Entity)
        .cond_where(scoped_condition::<ir::Entity>(actor))
        .and_where(Expr::col((ir::Entity, ir::Column::PersonId)).eq(id))
        .to_owned();
    query.union(UnionType::All, income);
    let rows = RecordRow::find_by_statement(db.get_database_backend().build(&query))
        .all(db)
        .await?;
    let (mut certificates, mut income) = (Vec::new(), Vec::new());
    for r in rows {
        if r.record == "certificate" {
            certificates.push(CertificateRecord {
                id: r.id,
                kind: r.code,
                value: r.detail,
                valid_from: r
                    .valid_from
                    .ok_or_else(|| StoreError::corrupt("person_certificate", "no valid_from"))?,
                valid_until: r.valid_until,
                issued_by: r.issued_by,
                created_at: r.created_at,
            });
        } else {
            let amount = r.amount.unwrap_or_default();
            income.push(IncomeEntry {
                id: r.id,
                year: r.year.unwrap_or_default(),
                month: r.month.unwrap_or_default(),
                amount: amount
                    .trim()
                    .parse::<rust_decimal::Decimal>()
                    .or_else(|_| rust_decimal::Decimal::from_scientific(amount.trim()))
                    .map_err(|e| StoreError::corrupt("income_record", e))?,
                source: r.code,
                note: r.detail,
            });
        }
    }
    certificates.sort_by_key(|c| std::cmp::Reverse(c.valid_from));
    income.sort_by_key(|r| std::cmp::Reverse((r.year, r.month)));
    Ok((certificates, income))
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
