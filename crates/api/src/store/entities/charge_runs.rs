//! A monthly charge run of a municipality (one row per run version).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "charge_runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub municipality_id: Uuid,
    /// `YYYY-MM`.
    pub month: String,
    pub version: i32,
    /// `running`, `done`, `failed`.
    pub status: String,
    pub total_recipients: i32,
    pub processed_recipients: i32,
    pub previous_run_id: Option<Uuid>,
    /// The run whose lines stand for this one (itself, or the previous run
    /// when nothing changed).
    pub lines_run_id: Option<Uuid>,
    pub changed: Option<bool>,
    pub line_count: i32,
    pub total_amount: Decimal,
    pub error: Option<String>,
    /// The people the run could not charge (`[ChargeProblem]`, JSON).
    pub problems: Option<Json>,
    pub started_by: Option<Uuid>,
    pub started_at: TimeDateTimeWithTimeZone,
    pub heartbeat_at: TimeDateTimeWithTimeZone,
    pub finished_at: Option<TimeDateTimeWithTimeZone>,
}

impl ActiveModelBehavior for ActiveModel {}
