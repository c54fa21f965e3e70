//! Contract types and helpers shared by several use cases and handlers:
//! references to a municipality and an eldership, the version a client read,
//! paging, money as sent.

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::store::entities::{elderships, municipalities};
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

pub use crate::app::auth::TokenPair;

/// A municipality, briefly.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MunicipalityRef {
    /// Id.
    pub id: Uuid,
    /// Stable code, e.g. `kelme`.
    pub code: String,
    /// Name, e.g. Kelmės rajono savivaldybė.
    pub name: String,
}

impl From<municipalities::Model> for MunicipalityRef {
    fn from(m: municipalities::Model) -> Self {
        MunicipalityRef {
            id: m.id,
            code: m.code,
            name: m.name,
        }
    }
}

/// An eldership, briefly.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EldershipRef {
    /// Id.
    pub id: Uuid,
    /// Stable code within the municipality.
    pub code: String,
    /// Name, e.g. Kelmės miesto seniūnija.
    pub name: String,
}

impl From<crate::store::person_file::EldershipName> for EldershipRef {
    fn from(e: crate::store::person_file::EldershipName) -> Self {
        EldershipRef {
            id: e.id,
            code: e.code,
            name: e.name,
        }
    }
}

impl From<elderships::Model> for EldershipRef {
    fn from(e: elderships::Model) -> Self {
        EldershipRef {
            id: e.id,
            code: e.code,
            name: e.name,
        }
    }
}

/// The version the client read, for optimistic concurrency.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct VersionBody {
    /// The `version` of the record as the client last read it.
    #[validate(range(min = 1))]
    pub version: i32,
}

/// Page-based pagination.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, 1–1,000,000.
    #[param(minimum = 1, maximum = 1_000_000)]
    pub page: Option<u64>,
    /// Items per page, 1–100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

/// Largest page.
pub const MAX_PER_PAGE: u64 = 100;

/// Highest page number: beyond it the offset would not fit the databases'
/// 64-bit integers (and no list is that long).
pub const MAX_PAGE: u64 = 1_000_000;

impl PageParams {
    /// `(page, per_page)` within bounds; 422 when out of range.
    pub fn resolve(&self) -> ApiResult<(u64, u64)> {
        let page = self.page.unwrap_or(1);
        let per_page = self.per_page.unwrap_or(25);
        if page == 0 || page > MAX_PAGE {
            return Err(ApiError::invalid_field(
                "page",
                FieldCode::Range,
                format!("must be between 1 and {MAX_PAGE}"),
            ));
        }
        if per_page == 0 || per_page > MAX_PER_PAGE {
            return Err(ApiError::invalid_field(
                "per_page",
                FieldCode::Range,
                format!("must be between 1 and {MAX_PER_PAGE}"),
            ));
        }
        Ok((page, per_page))
    }
}

/// Page `page` (counted from 1) of `rows` already read and ordered, and how
/// many rows there are in all: for lists that are worked out in memory.
pub fn page_of<T>(rows: Vec<T>, page: u64, per_page: u64) -> (Vec<T>, u64) {
    let total = rows.len() as u64;
    let skip = usize::try_from(crate::store::page_index(page).saturating_mul(per_page))
        .unwrap_or(usize::MAX);
    let take = usize::try_from(per_page).unwrap_or(usize::MAX);
    (rows.into_iter().skip(skip).take(take).collect(), total)
}

/// Deserialises a field that may be absent (no change), `null` (clear) or a value.
pub fn double_option<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// The JSON code of a unit enum (`#[serde(rename_all = "snake_case")]`).
pub fn serde_code<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Money as sent: rounded to cents with two decimals (`12.30`, not `12.3`).
pub fn money(amount: rust_decimal::Decimal) -> rust_decimal::Decimal {
    let mut m = atvejis_domain::fees::round_money(amount);
    m.rescale(2);
    m
}

/// The names of the staff `ids` as a view shows them, in at most one query.
pub async fn staff_names<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    ids: Vec<Uuid>,
) -> ApiResult<HashMap<Uuid, String>> {
    let (own, others) = split_staff(actor, ids);
    let mut names = crate::store::applications::staff_names(db, others).await?;
    names.extend(own);
    Ok(names)
}

/// Splits the staff a view names into the actor, whose name their token
/// carries (current: renaming an account makes its tokens refused), and
/// the others, whose names are read (issue 13: receiving an application
/// reads no staff name).
pub fn split_staff(actor: &Actor, mut staff: Vec<Uuid>) -> (Option<(Uuid, String)>, Vec<Uuid>) {
    let own = actor
        .user_id()
        .zip(actor.display_name.clone())
        .filter(|(id, _)| staff.contains(id));
    if let Some((id, _)) = &own {
        staff.retain(|s| s != id);
    }
    (own, staff)
}
