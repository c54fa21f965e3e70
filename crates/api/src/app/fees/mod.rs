//! Fees (issue 11): the fee quote, the fee records of decisions and their
//! monthly review. The rules are the domain's ([`atvejis_domain::fees`]);
//! this layer reads the rates in force and the recorded income, and keeps
//! every result as a [`views::FeeBreakdown`].
//!
//! Permissions: a quote needs `QuoteFees`; the reviews and their
//! confirmation `RunCharges`. Each is checked before anything is looked up.

pub mod quote;
pub mod records;
pub mod reviews;
pub mod views;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::store::rates;
use actix_web::http::StatusCode;
use atvejis_domain::fees::RateUsed;
use atvejis_domain::rates::RateKind;
use rust_decimal::Decimal;
use sea_orm::ConnectionTrait;
use std::collections::HashMap;
use time::Date;
use uuid::Uuid;

/// The rates of a municipality in force on a date, read in one query, and
/// the values a calculation took from them (with their dates).
#[derive(Debug, Clone)]
pub struct RateBook {
    on: Date,
    in_force: HashMap<RateKind, (Decimal, Date)>,
    used: Vec<RateUsed>,
}

impl RateBook {
    /// The rates of `municipality_id` in force on `on`.
    pub async fn load<C: ConnectionTrait>(
        db: &C,
        municipality_id: Uuid,
        on: Date,
    ) -> ApiResult<RateBook> {
        Ok(RateBook {
            on,
            in_force: rates::in_force_dated(db, municipality_id, on).await?,
            used: Vec::new(),
        })
    }

    /// The value of `kind`, recorded as used; 422 `rate_missing` when none
    /// is in force.
    pub fn get(&mut self, kind: RateKind) -> ApiResult<Decimal> {
        let Some((value, from)) = self.in_force.get(&kind).copied() else {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::RateMissing,
                format!(
                    "No `{kind}` rate is in force on {}; an administrator adds it under rates.",
                    self.on
                ),
            ));
        };
        if !self.used.iter().any(|u| u.kind == kind) {
            self.used.push(RateUsed {
                kind,
                value: value.normalize(),
                effective_from: from,
            });
        }
        Ok(value)
    }

    /// The values used, in the order first used.
    pub fn used(&self) -> Vec<RateUsed> {
        self.used.clone()
    }
}
