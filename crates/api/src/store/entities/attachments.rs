//! Metadata of a file attached to an application.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attachments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub application_id: Uuid,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub document_code: Option<String>,
    pub description: Option<String>,
    pub uploaded_by: Uuid,
    pub uploaded_at: TimeDateTimeWithTimeZone,
}

impl ActiveModelBehavior for ActiveModel {}
