//! `/api/v1/families`: families (households) with their members and
//! relations; the average monthly income per member.

pub mod add_member;
pub mod create;
pub mod get;
pub mod remove_member;

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult};
use crate::routes::applications::{PersonRef, person_ref};
use crate::store::entities::{families, family_members, persons};
use crate::store::scope::scoped;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;

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
}

/// A member of a family.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MemberView {
    /// The person.
    pub person: PersonRef,
    /// Relation.
    #[schema(value_type = Relation)]
    pub relation: String,
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
    /// Members.
    pub members: Vec<MemberView>,
    /// Version.
    pub version: i32,
}

/// The family `id` within the actor's scope, or 404.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<families::Model> {
    scoped::<families::Entity>(actor)
        .filter(families::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or_else(|| ApiError::not_found("No such family."))
}

/// The view of a family with its members.
pub async fn view<C: ConnectionTrait>(db: &C, family: families::Model) -> ApiResult<FamilyView> {
    let members = family_members::Entity::find()
        .filter(family_members::Column::FamilyId.eq(family.id))
        .filter(family_members::Column::LeftOn.is_null())
        .all(db)
        .await?;
    let people: HashMap<Uuid, persons::Model> = persons::Entity::find()
        .filter(persons::Column::Id.is_in(members.iter().map(|m| m.person_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    Ok(FamilyView {
        id: family.id,
        name: family.name,
        notes: family.notes,
        eldership_id: family.eldership_id,
        members: members
            .into_iter()
            .filter_map(|m| {
                Some(MemberView {
                    person: person_ref(people.get(&m.person_id)?),
                    relation: m.relation,
                    joined_on: m.joined_on,
                })
            })
            .collect(),
        version: family.version,
    })
}
