//! An application for a social service (SP-8).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    /// The eldership that received it (the person's); limits who sees it.
    pub eldership_id: Option<Uuid>,
    /// The person the service is for (or the family's applicant).
    pub person_id: Uuid,
    /// The family, for a service given to a family.
    pub family_id: Option<Uuid>,
    pub service_type_id: Uuid,
    pub service_code: String,
    pub status: String,
    pub received_on: TimeDate,
    pub channel: String,
    pub received_by: Uuid,
    pub representative: Option<String>,
    pub notes: Option<String>,
    /// The documents checklist.
    pub documents: Json,
    /// R-CM-6: the recorded reason for deciding without an assessment or
    /// with a document missing.
    pub exception_reason: Option<String>,
    /// The needs assessment.
    pub assessment: Option<Json>,
    /// When the assessment's conclusions reached the municipality (R-DL-1).
    pub assessment_submitted_on: Option<TimeDate>,
    /// When the file reached the division (R-DL-2).
    pub files_received_on: Option<TimeDate>,
    /// The service type's decision deadline rule when the application was
    /// received (R-DL-1, R-DL-2); `None` for rows older than this column.
    pub decision_deadline: Option<Json>,
    pub decision_due_on: Option<TimeDate>,
    /// Why it was returned or withdrawn.
    pub status_reason: Option<String>,
    /// The case whose meeting filed it (R-CM-4).
    pub case_id: Option<Uuid>,
    /// The case manager's recommendation filed with it (R-CM-4; required
    /// for children's day care).
    pub case_recommendation: Option<String>,
    /// R-Q-5: the institution named in the SP-8.
    pub preferred_facility_id: Option<Uuid>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub version: i32,
}

impl ActiveModelBehavior for ActiveModel {}
