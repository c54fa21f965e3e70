//! `/api/v1/families`: families (households) with their members and
//! relations; the average monthly income per member. The handlers parse
//! and answer; the use cases are in [`crate::app::families`].

pub mod add_member;
pub mod create;
pub mod get;
pub mod remove_member;

pub use crate::app::families::{FamilyView, MemberView, Relation};
