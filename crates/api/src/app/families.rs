//! Families (households) with their members and relations, and the
//! family's average monthly income per member.

use crate::actor::Actor;
use crate::app::persons::eldership_for;
use crate::app::{UnitOfWork, read};
use crate::error::{ApiError, ApiResult, ErrorCode, FieldCode};
// The brief person reference is the applications area's type.
use crate::app::applications::views::{PersonRef, person_ref};
use crate::app::common::{money, serde_code};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::families as family_rows;
use crate::store::families::{self, NewMember};
use crate::store::scope::sees_eldership;
use crate::store::{StoreError, income, persons, rates};
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::fees::vrp_band;
use atvejis_domain::income::average_income_per_member;
use rust_decimal::Decimal;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A person's relation in a family.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The applicant.
    Applicant,
    /// Spouse.
    Spouse,
    /// Partner.
    Partner,
    /// Child.
    Child,
    /// Parent.
    Parent,
    /// Guardian (globėjas, rūpintojas).
    Guardian,
    /// Grandparent.
    Grandparent,
    /// Sibling.
    Sibling,
    /// Other.
    Other,
}

impl Relation {
    /// Every relation.
    pub const ALL: [Relation; 9] = [
        Relation::Applicant,
        Relation::Spouse,
        Relation::Partner,
        Relation::Child,
        Relation::Parent,
        Relation::Guardian,
        Relation::Grandparent,
        Relation::Sibling,
        Relation::Other,
    ];

    /// Stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Applicant => "applicant",
            Relation::Spouse => "spouse",
            Relation::Partner => "partner",
            Relation::Child => "child",
            Relation::Parent => "parent",
            Relation::Guardian => "guardian",
            Relation::Grandparent => "grandparent",
            Relation::Sibling => "sibling",
            Relation::Other => "other",
        }
    }

    /// The relation of a stored code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == code)
    }
}

/// A member of a family.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MemberView {
    /// The person.
    pub person: PersonRef,
    /// Relation.
    pub relation: Relation,
    /// Joined.
    pub joined_on: Option<Date>,
}

/// A family.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FamilyView {
    /// Id.
    pub id: Uuid,
    /// Name, e.g. "Petraičių šeima".
    pub name: String,
    /// Notes.
    pub notes: Option<String>,
    /// Eldership.
    pub eldership_id: Option<Uuid>,
    /// The current members you may see.
    pub members: Vec<MemberView>,
    /// How many current members are not shown because they are outside
    /// your record scope (an eldership specialist sees the people of their
    /// own eldership only): counted, never named.
    pub hidden_members: u32,
    /// Version.
    pub version: i32,
}

/// The view of a family with the current members `actor` may see, and how
/// many others there are (one query).
async fn view<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    family: family_rows::Model,
) -> ApiResult<FamilyView> {
    let (visible, hidden): (Vec<_>, Vec<_>) = families::members_of(db, family.id)
        .await?
        .into_iter()
        .partition(|m| sees_eldership(actor, m.person.eldership_id));
    let members = visible
        .into_iter()
        .map(|m| {
            Ok(MemberView {
                person: person_ref(&m.person),
                relation: Relation::parse(&m.relation)
                    .ok_or_else(|| StoreError::corrupt("family_member", &m.relation))?,
                joined_on: m.joined_on,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(FamilyView {
        id: family.id,
        name: family.name,
        notes: family.notes,
        eldership_id: family.eldership_id,
        members,
        hidden_members: u32::try_from(hidden.len()).unwrap_or(u32::MAX),
        version: family.version,
    })
}

/// The family's average monthly income per member.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FamilyIncome {
    /// The reference date.
    pub on: Date,
    /// The months counted, `YYYY-MM`.
    pub months: Vec<String>,
    /// Members counted.
    pub members: u32,
    /// The family's average monthly income.
    #[schema(value_type = String)]
    pub monthly_total: Decimal,
    /// Average monthly income per member.
    #[schema(value_type = String)]
    pub per_member: Decimal,
    /// The VRP in force on the date, if any.
    #[schema(value_type = Option<String>)]
    pub vrp: Option<Decimal>,
    /// The income tier against the VRP (R-FEE-0).
    pub band: Option<String>,
}

/// A family with its income.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FamilyFile {
    /// The family.
    pub family: FamilyView,
    /// Its income; `null` when some members are hidden from you
    /// (`family.hidden_members` > 0): the average per member needs every
    /// member's income, so a total of the members you see would be wrong,
    /// and one of all members would disclose the others' income. Someone
    /// who sees the whole family (the Social Support Division) reads it.
    pub income: Option<FamilyIncome>,
}

/// Family `id` with its income per member averaged before `on` (default
/// today), read for `purpose` and recorded (`family.read`).
pub async fn get(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
    on: Option<Date>,
) -> ApiResult<FamilyFile> {
    read::audited(
        state,
        actor,
        purpose,
        AuditAction::FamilyRead,
        "family",
        || async {
            let db = &state.db;
            let family = families::find_scoped(db, actor, id).await?;
            let on = on.unwrap_or_else(|| state.clock.today());
            let view = view(db, actor, family).await?;
            if view.hidden_members > 0 {
                return Ok((
                    FamilyFile {
                        family: view,
                        income: None,
                    },
                    id.to_string(),
                ));
            }
            let members: Vec<Uuid> = view.members.iter().map(|m| m.person.id).collect();
            let records = income::records_of(db, &members).await?;
            let average = average_income_per_member(&members, &records, on)
                .map_err(|e| ApiError::conflict(ErrorCode::NoMembers, e.to_string()))?;
            let vrp = rates::in_force(db, actor.municipality_id, rates::VRP, on).await?;
            let band = vrp.map(|v| serde_code(&vrp_band(average.per_member, v)));
            let file = FamilyFile {
                income: Some(FamilyIncome {
                    on,
                    months: average
                        .months
                        .iter()
                        .map(|m| format!("{}-{:02}", m.year, m.month))
                        .collect(),
                    members: average.members,
                    monthly_total: money(average.monthly_total),
                    per_member: money(average.per_member),
                    vrp: vrp.map(money),
                    band,
                }),
                family: view,
            };
            Ok((file, id.to_string()))
        },
    )
    .await
}

/// A member to add.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MemberInput {
    /// The person.
    pub person_id: Uuid,
    /// The relation.
    pub relation: Relation,
    /// The day the person joined the family (lives in it since); today when
    /// omitted; not in the future. Fees count the members on the
    /// application's date (R-FEE-1).
    #[serde(default)]
    pub joined_on: Option<Date>,
}

/// The day a member joined: given, or today; never after today.
fn joined_on(field: String, given: Option<Date>, today: Date) -> ApiResult<Date> {
    match given {
        Some(day) if day > today => Err(ApiError::invalid_field(
            field,
            FieldCode::InFuture,
            "a member cannot join after today",
        )),
        Some(day) => Ok(day),
        None => Ok(today),
    }
}

/// A new family.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreateFamilyRequest {
    /// Name, e.g. "Petraičių šeima".
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    /// Notes.
    #[validate(length(max = 2000))]
    pub notes: Option<String>,
    /// Eldership (an eldership specialist's own by default).
    pub eldership_id: Option<Uuid>,
    /// Members, at least one.
    #[validate(length(min = 1, max = 30))]
    pub members: Vec<MemberInput>,
}

/// Registers a family with its members (each found in the actor's scope).
pub async fn create(
    state: &AppState,
    actor: &Actor,
    body: CreateFamilyRequest,
) -> ApiResult<FamilyView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WritePersons).await?;
    let mut seen = Vec::new();
    for (i, m) in body.members.iter().enumerate() {
        if seen.contains(&m.person_id) {
            return Err(ApiError::invalid_field(
                format!("members[{i}].person_id"),
                FieldCode::Duplicate,
                "is listed twice",
            ));
        }
        seen.push(m.person_id);
    }
    let mut members: Vec<NewMember> = Vec::with_capacity(body.members.len());
    for (i, m) in body.members.iter().enumerate() {
        members.push(NewMember {
            person_id: m.person_id,
            relation: m.relation.as_str(),
            joined_on: joined_on(format!("members[{i}].joined_on"), m.joined_on, uow.today())?,
        });
    }
    let eldership_id = eldership_for(uow.db(), actor, body.eldership_id).await?;
    for m in &body.members {
        persons::find_scoped(uow.db(), actor, m.person_id).await?;
    }
    let name = body.name.trim().to_owned();
    let now = uow.now();
    let family = families::insert(
        uow.db(),
        actor,
        families::NewFamily {
            name: name.clone(),
            notes: crate::app::persons::trimmed(body.notes),
            eldership_id,
        },
        &members,
        now,
    )
    .await?;
    uow.audit(
        AuditEvent::new(AuditAction::FamilyCreate, "family", family.id).summary(json!({
            "name": name,
            "members": body.members.iter().map(|m| json!({ "person_id": m.person_id, "relation": m.relation })).collect::<Vec<_>>(),
        })),
    )
    .await?;
    let view = view(uow.db(), actor, family).await?;
    uow.commit().await?;
    Ok(view)
}

/// Adds a member to family `id`.
pub async fn add_member(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    member: MemberInput,
) -> ApiResult<FamilyView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WritePersons).await?;
    let family = families::find_scoped(uow.db(), actor, id).await?;
    let joined = joined_on("joined_on".to_owned(), member.joined_on, uow.today())?;
    persons::find_scoped(uow.db(), actor, member.person_id).await?;
    families::add_member(
        uow.db(),
        family.id,
        &NewMember {
            person_id: member.person_id,
            relation: member.relation.as_str(),
            joined_on: joined,
        },
    )
    .await
    .map_err(|e| {
        if e.is_unique_violation() {
            ApiError::conflict(
                ErrorCode::AlreadyMember,
                "The person is a member of this family already.",
            )
        } else {
            e.into()
        }
    })?;
    uow.audit(
        AuditEvent::new(AuditAction::FamilyMemberAdd, "family", family.id).summary(json!({
            "person_id": member.person_id,
            "relation": member.relation,
            "joined_on": joined,
        })),
    )
    .await?;
    let view = view(uow.db(), actor, family).await?;
    uow.commit().await?;
    Ok(view)
}

/// Person `person_id` leaves family `id` today: the membership keeps its
/// dates, so fees of earlier applications still count them (R-FEE-1).
pub async fn remove_member(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    person_id: Uuid,
) -> ApiResult<FamilyView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::WritePersons).await?;
    let family = families::find_scoped(uow.db(), actor, id).await?;
    let today = uow.today();
    families::remove_member(uow.db(), family.id, person_id, today)
        .await
        .map_err(|e| match e {
            StoreError::NotFound(_) => {
                ApiError::not_found("The person is not a member of this family.")
            }
            other => other.into(),
        })?;
    uow.audit(
        AuditEvent::new(AuditAction::FamilyMemberRemove, "family", family.id)
            .summary(json!({ "person_id": person_id, "left_on": today })),
    )
    .await?;
    let view = view(uow.db(), actor, family).await?;
    uow.commit().await?;
    Ok(view)
}
