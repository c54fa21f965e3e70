//! `/api/v1/applications`: applications for social services (SP-8), their
//! documents checklist, needs assessment and path to a decision. The
//! handlers parse and answer; the use cases are in [`crate::app::applications`].

pub mod add_attachment;
pub mod create;
pub mod export;
pub mod forward;
pub mod get;
pub mod inbox;
pub mod list;
pub mod record_assessment;
pub mod return_for_completion;
pub mod submit;
pub mod update;
pub mod withdraw;

pub use crate::app::applications::summaries;
pub use crate::app::applications::views::{
    ApplicationSummary, ApplicationView, Assessment, AttachmentView, Channel, DocumentLine,
    PersonRef, ServiceTypeRef, StaffRef, person_ref,
};

use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

/// A step with a reason.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ReasonBody {
    /// The `version` you read.
    #[validate(range(min = 1))]
    pub version: i32,
    /// Why.
    #[validate(length(min = 1, max = 2000))]
    pub reason: String,
}
