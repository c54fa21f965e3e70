//! Decisions (SP-9). The handlers parse and answer; the use cases are in
//! [`crate::app::decisions`].

pub mod fee_preview;
pub mod get;
pub mod pdf;
pub mod prepare;
pub mod record_handover;
pub mod record_notification;
pub mod sign;

pub use crate::app::decisions::views::{
    DecisionStatus, DecisionView, FeeCalculationView, NotificationMethod,
};
pub use crate::app::decisions::{FeeKind, FeePreview, NotificationRequest, PrepareDecisionRequest};
