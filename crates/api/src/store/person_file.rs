//! A person's file as stored: the person with their eldership, families,
//! applications (with decisions and elderships), certificates and income.
//!
//! On PostgreSQL it is ONE statement: the scoped person, and each part as a
//! JSON array from a correlated subquery (issue 13: a round trip to the
//! database costs the server more than the rows). SQLite stores uuids as
//! blobs, which its JSON functions cannot carry, so there it is three
//! queries. Both give the same rows ([`load_in_three_queries`] is public for
//! the test that holds them equal on PostgreSQL), in the same order.
//!
//! Both read the file's [`FileStamp`] with it, and [`stamp`] reads the stamp
//! alone: the API keeps files it has read and reads one again only when its
//! stamp has moved (`app::persons::file::FileCache`).

use crate::actor::Actor;
use crate::store::certificates::CertificateRecord;
use crate::store::entities::{
    applications, decisions, elderships, families, family_members, income_records,
    person_certificates, persons, service_types,
};
use crate::store::income::IncomeEntry;
use crate::store::persons::{on, prefixed, scoped_with_eldership};
use crate::store::scope::Scope;
use crate::store::{StoreError, StoreResult};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query, SelectStatement, UnionType};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, FromQueryResult, IdenStatic, JoinType, QueryFilter,
    QueryResult, QuerySelect, QueryTrait, Statement, Value,
};
use serde::Deserialize;
use std::cmp::Reverse;
use std::sync::OnceLock;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A person's file as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonFileRows {
    /// The person.
    pub person: persons::Model,
    /// Their eldership.
    pub eldership: Option<elderships::Model>,
    /// The versions the file was read at.
    pub stamp: FileStamp,
    /// Their families, by name.
    pub memberships: Vec<Membership>,
    /// Their applications in the actor's scope, newest first.
    pub applications: Vec<FileApplication>,
    /// Their certificates, newest first.
    pub certificates: Vec<CertificateRecord>,
    /// Their income records, newest month first.
    pub income: Vec<IncomeEntry>,
}

/// A family the person belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Membership {
    /// The family.
    pub family_id: Uuid,
    /// Its name.
    pub family_name: String,
    /// The person's relation in it (stored code).
    pub relation: String,
}

/// An eldership, named.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct EldershipName {
    /// Id.
    pub id: Uuid,
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
}

/// One application of a person's file with what its summary shows. The
/// service type is named by id and version: a version's name and rules never
/// change, so the caller takes them from a cache.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FileApplication {
    /// Id.
    pub id: Uuid,
    /// Status code.
    pub status: String,
    /// Received.
    pub received_on: Date,
    /// The decision is due.
    pub decision_due_on: Option<Date>,
    /// The assessment was submitted.
    pub assessment_submitted_on: Option<Date>,
    /// The division received the files.
    pub files_received_on: Option<Date>,
    /// The decision deadline it was received under, as stored.
    pub decision_deadline: Option<serde_json::Value>,
    /// Version.
    pub version: i32,
    /// Its service type.
    pub service_type_id: Uuid,
    /// The service type's version.
    pub service_type_version: i32,
    /// The eldership that received it.
    pub eldership: Option<EldershipName>,
    /// The decision's date, once signed.
    pub decided_on: Option<Date>,
    /// When the person was told.
    pub notified_on: Option<Date>,
    /// The decision's outcome code, once prepared.
    pub outcome: Option<String>,
    /// When the decision was prepared (submitted for signature).
    #[serde(with = "time::serde::rfc3339::option")]
    pub prepared_at: Option<OffsetDateTime>,
    /// R-DL-2: when the decision reached the provider.
    pub handed_over_on: Option<Date>,
}

/// The columns of a [`FileApplication`] (but its eldership), by field name.
fn application_columns() -> [(&'static str, Expr); 15] {
    use applications::Column as A;
    use decisions::Column as D;
    let a = |c: A| Expr::col((applications::Entity, c));
    let d = |c: D| Expr::col((decisions::Entity, c));
    [
        ("id", a(A::Id)),
        ("status", a(A::Status)),
        ("received_on", a(A::ReceivedOn)),
        ("decision_due_on", a(A::DecisionDueOn)),
        ("assessment_submitted_on", a(A::AssessmentSubmittedOn)),
        ("files_received_on", a(A::FilesReceivedOn)),
        ("decision_deadline", a(A::DecisionDeadline)),
        ("version", a(A::Version)),
        ("service_type_id", a(A::ServiceTypeId)),
        (
            "service_type_version",
            Expr::col((service_types::Entity, service_types::Column::Version)),
        ),
        ("decided_on", d(D::DecidedOn)),
        ("notified_on", d(D::NotifiedOn)),
        ("outcome", d(D::Outcome)),
        ("prepared_at", d(D::PreparedAt)),
        ("handed_over_on", d(D::HandedOverOn)),
    ]
}

/// The alias of the application's eldership in the applications' query.
const PLACE: &str = "place";

fn place(column: elderships::Column) -> Expr {
    Expr::col((Alias::new(PLACE), column))
}

/// The person's applications in `scope` with their service type's version,
/// decision and eldership (columns for the caller to choose).
fn applications_query(scope: &Scope, person: Expr) -> SelectStatement {
    scope
        .find::<applications::Entity>()
        .select_only()
        .filter(Expr::col((applications::Entity, applications::Column::PersonId)).eq(person))
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
        .join_as(
            JoinType::LeftJoin,
            on::<applications::Entity, elderships::Entity>(
                applications::Column::EldershipId,
                elderships::Column::Id,
            ),
            Alias::new(PLACE),
        )
        .into_query()
}

impl FromQueryResult for FileApplication {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, sea_orm::DbErr> {
        let eldership = match res.try_get::<Option<Uuid>>(pre, "place_id")? {
            Some(id) => Some(EldershipName {
                id,
                code: res.try_get(pre, "place_code")?,
                name: res.try_get(pre, "place_name")?,
            }),
            None => None,
        };
        Ok(FileApplication {
            id: res.try_get(pre, "id")?,
            status: res.try_get(pre, "status")?,
            received_on: res.try_get(pre, "received_on")?,
            decision_due_on: res.try_get(pre, "decision_due_on")?,
            assessment_submitted_on: res.try_get(pre, "assessment_submitted_on")?,
            files_received_on: res.try_get(pre, "files_received_on")?,
            decision_deadline: res.try_get(pre, "decision_deadline")?,
            version: res.try_get(pre, "version")?,
            service_type_id: res.try_get(pre, "service_type_id")?,
            service_type_version: res.try_get(pre, "service_type_version")?,
            eldership,
            decided_on: res.try_get(pre, "decided_on")?,
            notified_on: res.try_get(pre, "notified_on")?,
            outcome: res.try_get(pre, "outcome")?,
            prepared_at: res.try_get(pre, "prepared_at")?,
            handed_over_on: res.try_get(pre, "handed_over_on")?,
        })
    }
}

/// The versions of a person's file (migration 000023): the person's
/// counter, which every change of the person's row or of the file's parts
/// raises, and the counter of the reference rows many files name (service
/// types, elderships). A file read with its stamp is the file at that stamp
/// (one snapshot on PostgreSQL; on SQLite the stamp is read first, so the
/// rows are never older than it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    /// The person's file version (0: never changed).
    pub person: i64,
    /// The reference rows' version.
    pub reference: i64,
}

/// A person's whole file, whatever it holds, with its stamp: one statement
/// on PostgreSQL, three on SQLite.
///
/// MUST return [`StoreError::NotFound`] when the person is outside the
/// actor's scope (and then runs one query only).
pub async fn load<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<PersonFileRows> {
    let rows = match db.get_database_backend() {
        DbBackend::Postgres => load_in_one_statement(db, actor, id).await?,
        _ => load_in_three_queries(db, actor, id).await?,
    };
    Ok(rows.sorted())
}

/// The stamp of person `id`'s file, in one small query: what a file read
/// before at that stamp still holds.
///
/// MUST return [`StoreError::NotFound`] when the person is outside the
/// actor's scope, as [`load`] does.
pub async fn stamp<C: ConnectionTrait>(db: &C, actor: &Actor, id: Uuid) -> StoreResult<FileStamp> {
    let select = with_stamp(
        Scope::of(actor)
            .find::<persons::Entity>()
            .select_only()
            .filter(persons::Column::Id.eq(id))
            .into_query(),
    );
    let row = db
        .query_one_raw(db.get_database_backend().build(&select))
        .await?
        .ok_or(StoreError::NotFound("person"))?;
    Ok(FileStamp::from_query_result(&row, "")?)
}

impl PersonFileRows {
    /// The one order of the file's parts, whichever loader read them.
    pub fn sorted(mut self) -> Self {
        self.memberships
            .sort_by(|a, b| (&a.family_name, a.family_id).cmp(&(&b.family_name, b.family_id)));
        self.applications
            .sort_by_key(|a| Reverse((a.received_on, a.id)));
        self.certificates
            .sort_by_key(|c| Reverse((c.valid_from, c.id)));
        self.income
            .sort_by_key(|r| Reverse((r.year, r.month, r.id)));
        self
    }
}

/// `json_build_object('name', expr, …)`, the names written into the SQL (a
/// bound parameter each would be encoded and decoded on every read).
fn json_object(fields: impl IntoIterator<Item = (&'static str, Expr)>) -> Expr {
    let mut args = Vec::new();
    for (name, expr) in fields {
        debug_assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        args.push(Expr::cust(format!("'{name}'")));
        args.push(expr);
    }
    Func::cust(Alias::new("json_build_object"))
        .args(args)
        .into()
}

/// `(SELECT COALESCE(json_agg(object), '[]')::text FROM …)`: the rows of
/// `query` as one JSON array in text (parsed once, by serde, into the rows).
fn json_rows(mut query: SelectStatement, object: Expr) -> Expr {
    let array = Func::coalesce([
        Func::cust(Alias::new("json_agg")).arg(object).into(),
        Expr::cust("'[]'::json"),
    ]);
    query.expr(Expr::from(array).cast_as(Alias::new("text")));
    Expr::SubQuery(None, Box::new(query.into()))
}

/// The person's row in the outer query, for the correlated subqueries.
fn person_id() -> Expr {
    Expr::col((persons::Entity, persons::Column::Id))
}

/// The table of the persons' file versions, and of the reference rows'.
const PERSON_VERSIONS: &str = "person_file_versions";
const REFERENCE_VERSION: &str = "file_reference_version";

fn version_of(table: &str) -> Expr {
    Func::coalesce([
        Expr::col((Alias::new(table), Alias::new("version"))),
        Expr::cust("0"),
    ])
    .into()
}

/// The select of the person with the file's stamp: the columns
/// `file_version` and `reference_version`.
fn with_stamp(mut select: SelectStatement) -> SelectStatement {
    select
        .left_join(
            Alias::new(PERSON_VERSIONS),
            Expr::col((Alias::new(PERSON_VERSIONS), Alias::new("person_id")))
                .equals((persons::Entity, persons::Column::Id)),
        )
        .left_join(
            Alias::new(REFERENCE_VERSION),
            Expr::col((Alias::new(REFERENCE_VERSION), Alias::new("id"))).eq(Expr::cust("1")),
        )
        .expr_as(version_of(PERSON_VERSIONS), Alias::new("file_version"))
        .expr_as(
            version_of(REFERENCE_VERSION),
            Alias::new("reference_version"),
        );
    select
}

/// The stamp in the columns [`with_stamp`] adds.
impl FromQueryResult for FileStamp {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, sea_orm::DbErr> {
        Ok(FileStamp {
            person: res.try_get(pre, "file_version")?,
            reference: res.try_get(pre, "reference_version")?,
        })
    }
}

/// One statement: the scoped person with their eldership, and each part of
/// the file as a JSON array (PostgreSQL).
async fn load_in_one_statement<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<PersonFileRows> {
    let Some(row) = db
        .query_one_raw(FileTemplate::statement(&Scope::of(actor), id))
        .await?
    else {
        return Err(StoreError::NotFound("person"));
    };
    fn parse<T: serde::de::DeserializeOwned>(row: &QueryResult, part: &str) -> StoreResult<T> {
        let text: String = row.try_get("", part)?;
        serde_json::from_str(&text).map_err(|e| StoreError::corrupt("person_file", e))
    }
    Ok(PersonFileRows {
        person: persons::Model::from_query_result(&row, "")?,
        eldership: elderships::Model::from_query_result_optional(&row, "e_")?,
        stamp: FileStamp::from_query_result(&row, "")?,
        memberships: parse(&row, "families")?,
        applications: parse(&row, "applications")?,
        certificates: parse(&row, "certificates")?,
        income: parse(&row, "income")?,
    })
}

/// The file statement of PostgreSQL rendered once for each shape of scope
/// (whether it has an eldership, whether case assignments limit it): each
/// read only binds its own values to it, where building the statement with
/// sea-query for every read was a large share of the server's work a read
/// (issue 13: with the token cache, the server's CPU a read fell by a third).
///
/// The statement depends on the actor only through their [`Scope`], and on
/// the scope's values only through bound parameters: the template is the
/// statement built with sentinel values, and each of its parameters is
/// bound to the value that its sentinel stands for.
struct FileTemplate {
    sql: String,
    slots: Vec<Slot>,
}

/// What a parameter of a [`FileTemplate`] is bound to.
enum Slot {
    Municipality,
    Eldership,
    AssignedTo,
    Person,
    Fixed(Value),
}

impl FileTemplate {
    // Sentinels: uuids of version 0, which no id is (ids are v4 or v7).
    const MUNICIPALITY: Uuid = Uuid::from_u128(1);
    const ELDERSHIP: Uuid = Uuid::from_u128(2);
    const ASSIGNED_TO: Uuid = Uuid::from_u128(3);
    const PERSON: Uuid = Uuid::from_u128(4);
    /// The file statement of person `id` in `scope`.
    fn statement(scope: &Scope, id: Uuid) -> Statement {
        // By shape: with an eldership or not, then with case assignments
        // or not.
        static TEMPLATES: OnceLock<[[FileTemplate; 2]; 2]> = OnceLock::new();
        let templates = TEMPLATES.get_or_init(|| {
            [false, true].map(|eldership| {
                [false, true].map(|assigned| {
                    FileTemplate::render(&Scope {
                        municipality_id: Self::MUNICIPALITY,
                        eldership_id: eldership.then_some(Self::ELDERSHIP),
                        assigned_to: assigned.then_some(Self::ASSIGNED_TO),
                    })
                })
            })
        });
        templates[usize::from(scope.eldership_id.is_some())]
            [usize::from(scope.assigned_to.is_some())]
        .bind(scope, id)
    }

    fn render(sentinels: &Scope) -> Self {
        let built = DbBackend::Postgres.build(&file_select(sentinels, Self::PERSON));
        let slots = built
            .values
            .map(|values| values.0)
            .unwrap_or_default()
            .into_iter()
            .map(|value| match value {
                Value::Uuid(Some(u)) if u == Self::MUNICIPALITY => Slot::Municipality,
                Value::Uuid(Some(u)) if u == Self::ELDERSHIP => Slot::Eldership,
                Value::Uuid(Some(u)) if u == Self::ASSIGNED_TO => Slot::AssignedTo,
                Value::Uuid(Some(u)) if u == Self::PERSON => Slot::Person,
                other => Slot::Fixed(other),
            })
            .collect();
        FileTemplate {
            sql: built.sql,
            slots,
        }
    }

    fn bind(&self, scope: &Scope, id: Uuid) -> Statement {
        let values = self.slots.iter().map(|slot| match slot {
            Slot::Municipality => Value::Uuid(Some(scope.municipality_id)),
            Slot::Eldership => Value::Uuid(scope.eldership_id),
            Slot::AssignedTo => Value::Uuid(scope.assigned_to),
            Slot::Person => Value::Uuid(Some(id)),
            Slot::Fixed(value) => value.clone(),
        });
        Statement::from_sql_and_values(DbBackend::Postgres, self.sql.clone(), values)
    }
}

/// The file's one statement: the person in `scope` with their eldership, the
/// file's stamp, and each part of the file as a JSON array.
fn file_select(scope: &Scope, id: Uuid) -> SelectStatement {
    use family_members::Column as M;
    use income_records::Column as I;
    use person_certificates::Column as P;
    let families = Query::select()
        .from(family_members::Entity)
        .inner_join(
            families::Entity,
            Expr::col((families::Entity, families::Column::Id))
                .equals((family_members::Entity, M::FamilyId)),
        )
        .and_where(Expr::col((family_members::Entity, M::PersonId)).eq(person_id()))
        .to_owned();
    let membership = json_object([
        (
            "family_id",
            Expr::col((family_members::Entity, M::FamilyId)),
        ),
        (
            "family_name",
            Expr::col((families::Entity, families::Column::Name)),
        ),
        ("relation", Expr::col((family_members::Entity, M::Relation))),
    ]);
    let mut application = application_columns().to_vec();
    application.push((
        "eldership",
        Expr::case(
            place(elderships::Column::Id).is_null(),
            Expr::cust("NULL::json"),
        )
        .finally(json_object([
            ("id", place(elderships::Column::Id)),
            ("code", place(elderships::Column::Code)),
            ("name", place(elderships::Column::Name)),
        ]))
        .into(),
    ));
    let certificates = Query::select()
        .from(person_certificates::Entity)
        .cond_where(scope.condition::<person_certificates::Entity>())
        .and_where(Expr::col((person_certificates::Entity, P::PersonId)).eq(person_id()))
        .to_owned();
    let certificate = json_object(
        [
            ("id", P::Id),
            ("kind", P::Kind),
            ("value", P::Value),
            ("valid_from", P::ValidFrom),
            ("valid_until", P::ValidUntil),
            ("issued_by", P::IssuedBy),
            ("created_at", P::CreatedAt),
        ]
        .map(|(name, c)| (name, Expr::col((person_certificates::Entity, c)))),
    );
    let income = Query::select()
        .from(income_records::Entity)
        .cond_where(scope.condition::<income_records::Entity>())
        .and_where(Expr::col((income_records::Entity, I::PersonId)).eq(person_id()))
        .to_owned();
    let income_record = json_object(
        [
            ("id", I::Id),
            ("year", I::Year),
            ("month", I::Month),
            ("source", I::Source),
            ("note", I::Note),
        ]
        .map(|(name, c)| (name, Expr::col((income_records::Entity, c))))
        .into_iter()
        // As text: exact, parsed by rust_decimal.
        .chain([(
            "amount",
            Expr::col((income_records::Entity, I::Amount)).cast_as(Alias::new("text")),
        )]),
    );
    let mut select = with_stamp(
        prefixed::<elderships::Entity, _>(scoped_with_eldership(scope, id), "e_").into_query(),
    );
    select
        .expr_as(json_rows(families, membership), Alias::new("families"))
        .expr_as(
            json_rows(
                applications_query(scope, person_id()),
                json_object(application),
            ),
            Alias::new("applications"),
        )
        .expr_as(
            json_rows(certificates, certificate),
            Alias::new("certificates"),
        )
        .expr_as(json_rows(income, income_record), Alias::new("income"));
    select
}

/// A person's row with their eldership and one of their family memberships.
#[derive(Debug, Clone)]
struct PersonRow {
    person: persons::Model,
    eldership: Option<elderships::Model>,
    stamp: FileStamp,
    membership: Option<Membership>,
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
            stamp: FileStamp::from_query_result(res, pre)?,
            membership,
        })
    }
}

/// The file in three queries (SQLite): (1) the person with their eldership
/// and families, (2) their applications in the actor's scope, (3) their
/// certificates and income records together. Unsorted.
pub async fn load_in_three_queries<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<PersonFileRows> {
    let scope = Scope::of(actor);
    // (1) person ⋈ eldership ⋈ memberships ⋈ families.
    let select = scoped_with_eldership(&scope, id)
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
        .column_as(families::Column::Name, "m_family_name");
    let select = with_stamp(prefixed::<elderships::Entity, _>(select, "e_").into_query());
    let rows = PersonRow::find_by_statement(db.get_database_backend().build(&select))
        .all(db)
        .await?;
    let Some(first) = rows.first().cloned() else {
        return Err(StoreError::NotFound("person"));
    };
    let memberships = rows.into_iter().filter_map(|r| r.membership).collect();

    // (2) applications ⋈ service types ⋈ decisions ⋈ elderships.
    let mut query = applications_query(&scope, Expr::val(id));
    for (name, expr) in application_columns() {
        query.expr_as(expr, Alias::new(name));
    }
    for column in [
        elderships::Column::Id,
        elderships::Column::Code,
        elderships::Column::Name,
    ] {
        query.expr_as(
            place(column),
            Alias::new(format!("{PLACE}_{}", column.as_str())),
        );
    }
    let applications = FileApplication::find_by_statement(db.get_database_backend().build(&query))
        .all(db)
        .await?;

    // (3) certificates and income records, in one shape.
    let (certificates, income) = records_of(db, &scope, id).await?;
    Ok(PersonFileRows {
        person: first.person,
        eldership: first.eldership,
        stamp: first.stamp,
        memberships,
        applications,
        certificates,
        income,
    })
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

/// The certificates and income records of person `id`, in one query
/// (`UNION ALL` of both tables in one shape).
async fn records_of<C: ConnectionTrait>(
    db: &C,
    scope: &Scope,
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
        .cond_where(scope.condition::<pc::Entity>())
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
        .cond_where(scope.condition::<ir::Entity>())
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
    Ok((certificates, income))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// R-ROLE-1 (and the case scope): the file's template bound to a scope of
    /// any shape is exactly the statement built for that scope, so a read
    /// sees what its own scope lets it see, whoever read before.
    #[test]
    fn r_role_1_the_file_template_bound_to_a_scope_is_the_statement_built_for_it() {
        for _ in 0..4 {
            for (eldership, assigned) in
                [(false, false), (true, false), (false, true), (true, true)]
            {
                let scope = Scope {
                    municipality_id: Uuid::new_v4(),
                    eldership_id: eldership.then(Uuid::new_v4),
                    assigned_to: assigned.then(Uuid::new_v4),
                };
                let id = Uuid::new_v4();
                let bound = FileTemplate::statement(&scope, id);
                assert_eq!(bound, DbBackend::Postgres.build(&file_select(&scope, id)));
                let values = bound.values.expect("bound values").0;
                for wanted in [Some(scope.municipality_id), scope.eldership_id, Some(id)]
                    .into_iter()
                    .flatten()
                {
                    assert!(values.contains(&Value::Uuid(Some(wanted))), "{values:?}");
                }
            }
        }
    }
}
