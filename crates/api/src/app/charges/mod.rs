//! Care fees of stays (R-FEE-8, R-FEE-9: fee terms and absences) and the
//! monthly charge runs with their exports and each person's charges.

pub mod export;
pub mod person;
pub mod runs;
pub mod stays;
