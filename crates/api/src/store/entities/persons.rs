//! A person: a recipient, an applicant, a family member.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "persons")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    /// The eldership of the declared address; limits who sees the person.
    pub eldership_id: Option<Uuid>,
    /// Lithuanian personal code, when the person has one.
    pub personal_code: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Option<TimeDate>,
    /// `male` or `female`.
    pub sex: Option<String>,
    pub declared_address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Names and address folded to lower-case ASCII, for search.
    pub search_text: String,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
