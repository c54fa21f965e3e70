//! `/api/v1/cases`: case management (atvejo vadyba) of families with
//! children at social risk (R-CM-1..5, R-CMP-1..5). Case managers and the
//! family's social worker see the cases assigned to them; the head of the
//! case managers' unit and the division head every case of the
//! municipality; nobody else any (403), and a case outside one's scope is
//! 404.

pub mod action_status;
pub mod add_review;
pub mod assign;
pub mod candidates;
pub mod caseloads;
pub mod create;
pub mod get;
pub mod get_plan;
pub mod journal;
pub mod list;
pub mod list_assessments;
pub mod list_meetings;
pub mod list_reviews;
pub mod plan_pdf;
pub mod plan_version;
pub mod put_plan;
pub mod record_assessment;
pub mod record_meeting;
pub mod timeline;
pub mod update;
