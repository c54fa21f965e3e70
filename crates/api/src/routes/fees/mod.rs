//! Fees (issue 11): `/api/v1/fee-quotes` (the fee of a service type on a
//! date, nothing stored) and `/api/v1/fee-reviews` (the decisions whose
//! monthly fee would change, and their confirmation).

pub mod quotes;
pub mod reviews;
