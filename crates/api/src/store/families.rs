//! The families repository: families (households) with their members and
//! relations.

use crate::actor::Actor;
use crate::store::entities::{families, family_members, persons};
use crate::store::persons::on;
use crate::store::scope::scoped;
use crate::store::{StoreError, StoreResult};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder,
    QuerySelect,
};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// The family `id` within the actor's scope.
///
/// MUST return [`StoreError::NotFound`] when the family does not exist or
/// is outside the actor's scope.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<families::Model> {
    scoped::<families::Entity>(actor)
        .filter(families::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("family"))
}

/// A current member with the person.
#[derive(Debug, Clone)]
pub struct Member {
    /// The person.
    pub person: persons::Model,
    /// The relation's code.
    pub relation: String,
    /// Joined.
    pub joined_on: Option<Date>,
}

/// The current members of `family_id` with their people, in one query.
pub async fn members_of<C: ConnectionTrait>(db: &C, family_id: Uuid) -> StoreResult<Vec<Member>> {
    let rows = family_members::Entity::find()
        .filter(family_members::Column::FamilyId.eq(family_id))
        .filter(family_members::Column::LeftOn.is_null())
        .join(
            JoinType::InnerJoin,
            on::<family_members::Entity, persons::Entity>(
                family_members::Column::PersonId,
                persons::Column::Id,
            ),
        )
        .order_by_asc(persons::Column::LastName)
        .order_by_asc(persons::Column::FirstName)
        .select_also(persons::Entity)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(m, person)| {
            Some(Member {
                person: person?,
                relation: m.relation,
                joined_on: m.joined_on,
            })
        })
        .collect())
}

/// A member to add.
#[derive(Debug, Clone)]
pub struct NewMember {
    /// The person (found in the actor's scope by the caller).
    pub person_id: Uuid,
    /// The relation's code.
    pub relation: &'static str,
    /// Joined on.
    pub joined_on: Date,
}

/// A family to register.
#[derive(Debug, Clone)]
pub struct NewFamily {
    /// Name.
    pub name: String,
    /// Notes.
    pub notes: Option<String>,
    /// Eldership.
    pub eldership_id: Option<Uuid>,
}

/// Registers a family with its members.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    new: NewFamily,
    members: &[NewMember],
    now: OffsetDateTime,
) -> StoreResult<families::Model> {
    let family = families::Entity::insert(families::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        eldership_id: Set(new.eldership_id),
        name: Set(new.name),
        notes: Set(new.notes),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec_with_returning(db)
    .await?;
    if !members.is_empty() {
        family_members::Entity::insert_many(members.iter().map(|m| member_row(family.id, m)))
            .exec(db)
            .await?;
    }
    Ok(family)
}

fn member_row(family_id: Uuid, m: &NewMember) -> family_members::ActiveModel {
    family_members::ActiveModel {
        family_id: Set(family_id),
        person_id: Set(m.person_id),
        relation: Set(m.relation.to_owned()),
        joined_on: Set(Some(m.joined_on)),
        left_on: Set(None),
    }
}

/// Adds a member, or takes back a member who had left (the membership
/// then starts again on the new date; one row per person and family).
///
/// MUST return a unique violation when the person is a current member.
pub async fn add_member<C: ConnectionTrait>(
    db: &C,
    family_id: Uuid,
    member: &NewMember,
) -> StoreResult<()> {
    let rejoined = family_members::Entity::update_many()
        .col_expr(
            family_members::Column::JoinedOn,
            Expr::value(Some(member.joined_on)),
        )
        .col_expr(family_members::Column::LeftOn, Expr::value(None::<Date>))
        .col_expr(
            family_members::Column::Relation,
            Expr::value(member.relation.to_owned()),
        )
        .filter(family_members::Column::FamilyId.eq(family_id))
        .filter(family_members::Column::PersonId.eq(member.person_id))
        .filter(family_members::Column::LeftOn.is_not_null())
        .exec(db)
        .await?;
    if rejoined.rows_affected == 0 {
        family_members::Entity::insert(member_row(family_id, member))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// `person_id` leaves `family_id` on `left_on` (the row stays, with its
/// dates).
///
/// MUST return [`StoreError::NotFound`] when the person is not a current
/// member.
pub async fn remove_member<C: ConnectionTrait>(
    db: &C,
    family_id: Uuid,
    person_id: Uuid,
    left_on: Date,
) -> StoreResult<()> {
    let left = family_members::Entity::update_many()
        .col_expr(family_members::Column::LeftOn, Expr::value(Some(left_on)))
        .filter(family_members::Column::FamilyId.eq(family_id))
        .filter(family_members::Column::PersonId.eq(person_id))
        .filter(family_members::Column::LeftOn.is_null())
        .exec(db)
        .await?;
    if left.rows_affected == 1 {
        Ok(())
    } else {
        Err(StoreError::NotFound("member"))
    }
}
