//! `/api/v1/persons`: people, their certificates and income. The handlers
//! parse and answer; the use cases are in [`crate::app::persons`].

pub mod certificates;
pub mod create;
pub mod eligibility;
pub mod export;
pub mod get;
pub mod income;
pub mod list;
pub mod update;

pub use crate::app::persons::{CertificateView, IncomeRecordView, PersonView};
