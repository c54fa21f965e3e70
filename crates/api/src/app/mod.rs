//! Use cases: what the API does, one function per action, between the
//! routes (which parse and answer) and the store (which reads and saves).
//!
//! Every write goes through a [`UnitOfWork`]: the permission is checked
//! before anything is looked up (a role without the right gets 403 for a real
//! id and a random one alike), the records are loaded in the actor's scope,
//! the domain decides, the store saves with the version check, the typed
//! audit event is written in the same transaction, and the transaction
//! commits — or nothing happens. Every read of case content goes through
//! [`read::audited`], which records who read what and why.

pub mod aids;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod cases;
pub mod catalogue;
pub mod charges;
pub mod common;
pub mod data_subjects;
pub mod decisions;
pub mod deliveries;
pub mod families;
pub mod fees;
pub mod lifecycle;
pub mod me;
pub mod organisation;
pub mod persons;
pub mod places;
pub mod procedure_parameters;
pub mod read;
pub mod reports;
pub mod search;
pub mod service_accounts;
pub mod signing_delegations;
pub mod uow;
pub mod users;
pub mod worklist;

pub use read::audited;
pub use uow::UnitOfWork;
