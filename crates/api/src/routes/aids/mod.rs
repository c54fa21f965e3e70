//! Technical aids (R-FEE-10, R-FEE-11, R-LIM-6): `/api/v1/aids` (the
//! inventory, the stock per type, the price table and the waiting lists)
//! and `/api/v1/aid-loans` (issue, return, the user's death). Social workers
//! and the division record them (`RecordDeliveries`); they and the division
//! head read them (`ReadDeliveries`).

pub mod items;
pub mod loans;
pub mod waiting;
