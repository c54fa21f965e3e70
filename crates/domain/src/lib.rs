//! Atvejis domain rules: pure Rust, no I/O, no clock, no framework.
//!
//! Every rule of `shared/domain/RULES.md` lives in exactly one place here, as a
//! function or a type whose doc comment names its ID; its tests carry the ID in
//! their names. Time is always passed in by the caller.
//!
//! The optional `openapi` feature (enabled by the API crate) derives
//! `utoipa::ToSchema` on the types that appear in the API's contract: schema
//! metadata only, so that each enum is defined once and its values reach the
//! OpenAPI document; the crate still does no I/O and knows no framework.

pub mod access;
pub mod aids;
pub mod application;
pub mod calendar;
pub mod care_fees;
pub mod cases;
pub mod catalogue;
pub mod charges;
pub mod delivery;
pub mod eligibility;
pub mod fees;
pub mod hours;
pub mod income;
pub mod lead_times;
pub mod lifecycle;
pub mod personal_code;
pub mod places;
pub mod rates;
pub mod reports;
pub mod scopes;
pub mod signing;
pub mod text;
pub mod worklist;
