//! The store's own error: what a repository can answer besides its data.
//! The API maps it to problem+json in one place ([`crate::error`]).

use sea_orm::DbErr;

/// A repository's failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed (connection, SQL, constraint not mapped below).
    #[error("database: {0}")]
    Db(#[from] DbErr),
    /// No such record in the actor's scope (or none at all: the two are not
    /// told apart). The name is the entity's, e.g. `person`.
    #[error("no such {0}")]
    NotFound(&'static str),
    /// The row's version is not the one the caller read.
    #[error("stale version")]
    StaleVersion,
    /// A stored value cannot be read back (a bug or a hand-edited row).
    #[error("corrupt {entity} row: {detail}")]
    Corrupt {
        /// The entity.
        entity: &'static str,
        /// What is wrong.
        detail: String,
    },
}

impl StoreError {
    /// A stored value that cannot be read back.
    pub fn corrupt(entity: &'static str, detail: impl std::fmt::Display) -> Self {
        StoreError::Corrupt {
            entity,
            detail: detail.to_string(),
        }
    }

    /// Whether this is a unique-constraint violation.
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, StoreError::Db(e) if super::is_unique_violation(e))
    }
}

/// What a repository returns.
pub type StoreResult<T> = Result<T, StoreError>;
