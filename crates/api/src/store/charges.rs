//! Care fee terms and absences of stays, charge runs and their lines, and
//! the **collectors** that compute a month's charge lines.
//!
//! # Collectors
//!
//! Each kind of charge comes from one collector ([`Collector`]): for a
//! municipality and a month it returns the charge lines of one source,
//! reading that source in batches (one query per table for the whole month,
//! never one per person), and computing each line with the domain's fee
//! rule. A run ([`crate::app::charges::runs`]) calls every collector of
//! [`Collector::ALL`], and stores, compares and exports their lines alike.
//!
//! Implemented: [`Collector::Stays`] (care fees of group living home stays,
//! R-FEE-8, R-FEE-9). To add a source (home help and respite visit months,
//! transport trips, technical aid loans, as their tables arrive): add a
//! variant, list it in [`Collector::ALL`], and write its `collect_*`
//! function returning [`NewLine`]s with its [`ChargeSource`], the id of the
//! record charged, the quantity and unit, the amount (rounded to cents), the
//! breakdown and the rule IDs. Lines of free services (R-FEE-12) and of zero
//! are dropped by the run ([`atvejis_domain::charges::is_chargeable`]).

use crate::store::entities::{
    charge_lines, charge_runs, income_records, persons, rates, service_types, stay_absences,
    stay_fee_terms, stays,
};
use crate::store::scope::MunicipalityScoped;
use crate::store::versioned::Versioned;
use atvejis_domain::care_fees::{
    Absence, CareFeeInput, CareShares, care_fee, care_month, first_day, last_day,
};
use atvejis_domain::charges::{ChargeSource, ChargeUnit};
use atvejis_domain::income::{YearMonth, income_window};
use atvejis_domain::places::PlaceKind;
use atvejis_domain::rates::RateKind;
use rust_decimal::Decimal;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::{Value, json};
use std::collections::HashMap;
use time::Date;
use uuid::Uuid;

macro_rules! scoped_and_versioned {
    ($($module:ident),*) => {$(
        impl MunicipalityScoped for $module::Entity {
            fn municipality_column() -> Self::Column {
                $module::Column::MunicipalityId
            }
        }
    )*};
}
scoped_and_versioned!(stay_fee_terms, stay_absences, charge_runs, charge_lines);

macro_rules! versioned {
    ($($module:ident),*) => {$(
        impl Versioned for $module::Entity {
            fn id_column() -> Self::Column {
                $module::Column::Id
            }
            fn version_column() -> Self::Column {
                $module::Column::Version
            }
            fn updated_at_column() -> Self::Column {
                $module::Column::UpdatedAt
            }
        }
    )*};
}
versioned!(stay_fee_terms, stay_absences);

/// R-FEE-8: the share of income (rate kind).
pub const CARE_INCOME_SHARE: &str = RateKind::CareIncomeShare.as_str();
/// R-FEE-9: the share of the daily fee paid from the 4th day of an absence.
pub const CARE_ABSENCE_SHARE: &str = RateKind::CareAbsenceShare.as_str();
/// R-FEE-8: the share of the assets over the normative.
pub const CARE_ASSET_SHARE: &str = RateKind::CareAssetShare.as_str();
/// The monthly price of short-term care, EUR.
pub const CARE_PRICE_SHORT_TERM: &str = RateKind::GroupLivingShortTermMonthlyPrice.as_str();
/// The monthly price of long-term care, EUR.
pub const CARE_PRICE_LONG_TERM: &str = RateKind::GroupLivingLongTermMonthlyPrice.as_str();

/// The service of a kind of care place (its catalogue code).
pub fn care_service_code(kind: PlaceKind) -> Option<&'static str> {
    match kind {
        PlaceKind::ShortTermCare => Some("group_living_short_term"),
        PlaceKind::LongTermCare => Some("group_living_long_term"),
        PlaceKind::DayCare | PlaceKind::Shelter => None,
    }
}

/// A month of a run: its code and days.
#[derive(Debug, Clone, Copy)]
pub struct RunMonth {
    /// The month.
    pub month: YearMonth,
    /// Its first day.
    pub first: Date,
    /// Its last day.
    pub last: Date,
}

impl RunMonth {
    /// `YYYY-MM` → the month; `None` if it is not one.
    pub fn parse(code: &str) -> Option<RunMonth> {
        let (y, m) = code.split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let month = YearMonth {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        Some(RunMonth {
            month,
            first: first_day(month)?,
            last: last_day(month)?,
        })
    }
}

/// A charge line computed by a collector.
#[derive(Debug, Clone)]
pub struct NewLine {
    /// Who pays.
    pub person_id: Uuid,
    /// The service's catalogue code.
    pub service_code: String,
    /// The source.
    pub source: ChargeSource,
    /// The record charged (a stay, a visit month, a trip, a loan).
    pub source_id: Uuid,
    /// The days charged.
    pub period_from: Date,
    /// Last day charged.
    pub period_to: Date,
    /// How much.
    pub quantity: Decimal,
    /// Of what.
    pub unit: ChargeUnit,
    /// EUR, rounded to cents.
    pub amount: Decimal,
    /// How it was computed.
    pub breakdown: Value,
    /// The rules applied.
    pub rules: &'static str,
}

/// Why a collector could not compute a month.
#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbErr),
    /// A rate the month needs is not in force.
    #[error("no rate `{kind}` is in force on {on}; set it and run again")]
    MissingRate {
        /// The kind.
        kind: &'static str,
        /// The day.
        on: Date,
    },
}

/// A source of charge lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collector {
    /// Care fees of stays in group living homes (R-FEE-8, R-FEE-9).
    Stays,
}

impl Collector {
    /// Every collector a run calls.
    pub const ALL: [Collector; 1] = [Collector::Stays];

    /// The lines of `month` in `municipality_id` from this source.
    pub async fn collect<C: ConnectionTrait>(
        self,
        db: &C,
        municipality_id: Uuid,
        month: RunMonth,
    ) -> Result<Vec<NewLine>, CollectError> {
        match self {
            Collector::Stays => collect_stays(db, municipality_id, month).await,
        }
    }
}

/// The rates of `kinds` in force on `on` (one query).
async fn rates_on<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    kinds: &[&str],
    on: Date,
) -> Result<HashMap<String, (Decimal, Date)>, DbErr> {
    let rows = rates::Entity::find()
        .filter(rates::Column::MunicipalityId.eq(municipality_id))
        .filter(rates::Column::Kind.is_in(kinds.iter().copied()))
        .filter(rates::Column::ValidFrom.lte(on))
        .order_by_asc(rates::Column::ValidFrom)
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for r in rows {
        out.insert(r.kind, (r.value, r.valid_from));
    }
    Ok(out)
}

/// Each person's average monthly income over the 3 months before `month`
/// (months without a record count as no income), with the number of
/// months recorded: one query for the municipality.
async fn average_incomes<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    month: RunMonth,
) -> Result<HashMap<Uuid, (Decimal, usize)>, DbErr> {
    let window = income_window(month.first);
    let mut months = Condition::any();
    for m in window {
        months = months.add(
            Condition::all()
                .add(income_records::Column::Year.eq(m.year))
                .add(income_records::Column::Month.eq(i32::from(m.month))),
        );
    }
    let rows = income_records::Entity::find()
        .filter(income_records::Column::MunicipalityId.eq(municipality_id))
        .filter(months)
        .all(db)
        .await?;
    let mut sums: HashMap<Uuid, (Decimal, Vec<(i32, i32)>)> = HashMap::new();
    for r in rows {
        let e = sums.entry(r.person_id).or_default();
        e.0 += r.amount.max(Decimal::ZERO);
        if !e.1.contains(&(r.year, r.month)) {
            e.1.push((r.year, r.month));
        }
    }
    Ok(sums
        .into_iter()
        .map(|(p, (total, months))| (p, (total / Decimal::from(3), months.len())))
        .collect())
}

/// The stays collector: every short-term and long-term care stay that
/// overlaps the month pays R-FEE-8's monthly fee for its days in care with
/// R-FEE-9's absences. Reads: the stays, their terms, their absences, the
/// income of the 3 months before, the rates (one query each).
///
/// P: the rates are those in force on the month's first day; the terms
/// those in force on its last day (the latest `effective_from` not after
/// it); a stay without terms has no target compensation nor assets over the
/// normative, and its care began the day the stay did. The R-FEE-8 shares
/// default to the seed's figures (0.80, 0.30, 0.01) where the municipality
/// has not set them; a price of care has no default: a month with a stay
/// whose price is not set fails with [`CollectError::MissingRate`].
async fn collect_stays<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    month: RunMonth,
) -> Result<Vec<NewLine>, CollectError> {
    let kinds = [
        PlaceKind::ShortTermCare.as_str(),
        PlaceKind::LongTermCare.as_str(),
    ];
    let stays = stays::Entity::find()
        .filter(stays::Column::MunicipalityId.eq(municipality_id))
        .filter(stays::Column::PlaceKind.is_in(kinds))
        .filter(stays::Column::StartedOn.lte(month.last))
        .filter(
            Condition::any()
                .add(stays::Column::EndedOn.is_null())
                .add(stays::Column::EndedOn.gte(month.first)),
        )
        .order_by_asc(stays::Column::Id)
        .all(db)
        .await?;
    if stays.is_empty() {
        return Ok(Vec::new());
    }
    let rates = rates_on(
        db,
        municipality_id,
        &[
            CARE_INCOME_SHARE,
            CARE_ABSENCE_SHARE,
            CARE_ASSET_SHARE,
            CARE_PRICE_SHORT_TERM,
            CARE_PRICE_LONG_TERM,
        ],
        month.first,
    )
    .await?;
    let defaults = CareShares::default();
    let share = |kind: &str, default: Decimal| rates.get(kind).map_or(default, |(v, _)| *v);
    let shares = CareShares {
        income_share: share(CARE_INCOME_SHARE, defaults.income_share),
        absence_share: share(CARE_ABSENCE_SHARE, defaults.absence_share),
        asset_share: share(CARE_ASSET_SHARE, defaults.asset_share),
    };
    let mut terms: HashMap<Uuid, stay_fee_terms::Model> = HashMap::new();
    for t in stay_fee_terms::Entity::find()
        .filter(stay_fee_terms::Column::MunicipalityId.eq(municipality_id))
        .filter(stay_fee_terms::Column::EffectiveFrom.lte(month.last))
        .order_by_asc(stay_fee_terms::Column::EffectiveFrom)
        .all(db)
        .await?
    {
        terms.insert(t.stay_id, t);
    }
    let mut absences: HashMap<Uuid, Vec<stay_absences::Model>> = HashMap::new();
    for a in stay_absences::Entity::find()
        .filter(stay_absences::Column::MunicipalityId.eq(municipality_id))
        .filter(stay_absences::Column::FromDate.lte(month.last))
        .filter(stay_absences::Column::ToDate.gte(month.first))
        .order_by_asc(stay_absences::Column::FromDate)
        .all(db)
        .await?
    {
        absences.entry(a.stay_id).or_default().push(a);
    }
    let incomes = average_incomes(db, municipality_id, month).await?;
    let window: Vec<String> = income_window(month.first)
        .iter()
        .map(|m| m.code())
        .collect();
    let mut out = Vec::with_capacity(stays.len());
    for stay in stays {
        let Some(kind) = PlaceKind::parse(&stay.place_kind) else {
            continue;
        };
        let Some(service) = care_service_code(kind) else {
            continue;
        };
        let long_term = kind == PlaceKind::LongTermCare;
        let price_kind = if long_term {
            CARE_PRICE_LONG_TERM
        } else {
            CARE_PRICE_SHORT_TERM
        };
        let (price, price_from) = *rates.get(price_kind).ok_or(CollectError::MissingRate {
            kind: price_kind,
            on: month.first,
        })?;
        let term = terms.get(&stay.id);
        let (income, months_recorded) = incomes
            .get(&stay.person_id)
            .copied()
            .unwrap_or((Decimal::ZERO, 0));
        let input = CareFeeInput {
            income,
            target_compensation: term.map_or(Decimal::ZERO, |t| t.target_compensation),
            assets_over_normative: term.map_or(Decimal::ZERO, |t| t.assets_over_normative),
            adult: term.is_some_and(|t| t.adult),
            long_term,
            care_started_on: term.map_or(stay.started_on, |t| t.care_started_on),
            price,
            shares,
        };
        let fee = care_fee(&input);
        let away: Vec<Absence> = absences
            .get(&stay.id)
            .map(|list| {
                list.iter()
                    .map(|a| Absence {
                        from: a.from_date,
                        to: a.to_date,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let Some(cm) = care_month(
            fee.monthly_fee_exact,
            month.month,
            stay.started_on,
            stay.ended_on,
            &away,
            shares.absence_share,
        ) else {
            continue;
        };
        let period_from = stay.started_on.max(month.first);
        let period_to = stay.ended_on.map_or(month.last, |e| e.min(month.last));
        out.push(NewLine {
            person_id: stay.person_id,
            service_code: service.to_owned(),
            source: ChargeSource::Stay,
            source_id: stay.id,
            period_from,
            period_to,
            quantity: Decimal::from(cm.days_in_care),
            unit: ChargeUnit::Day,
            amount: cm.amount,
            breakdown: json!({
                "income": {
                    "average": crate::app::common::money(income),
                    "months": window,
                    "months_recorded": months_recorded,
                },
                "terms_id": term.map(|t| t.id),
                "care_fee": fee,
                "price": { "kind": price_kind, "value": price, "valid_from": price_from },
                "shares": shares,
                "month": cm,
                "absences": away,
            }),
            rules: "R-FEE-8,R-FEE-9",
        });
    }
    Ok(out)
}

/// Whether each service of the municipality is free (R-FEE-12) and its
/// Lithuanian name, by code.
pub async fn services<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
) -> Result<HashMap<String, (bool, String)>, DbErr> {
    Ok(service_types::Entity::find()
        .filter(service_types::Column::MunicipalityId.eq(municipality_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| {
            let free = s.spec.get("free").and_then(Value::as_bool).unwrap_or(false);
            let name = s
                .spec
                .get("name_lt")
                .and_then(Value::as_str)
                .unwrap_or(&s.code)
                .to_owned();
            (s.code, (free, name))
        })
        .collect())
}

/// Persons by id (in chunks of 1,000 ids).
pub async fn persons_by_id<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, persons::Model>, DbErr> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort();
    ids.dedup();
    let mut out = HashMap::new();
    for chunk in ids.chunks(1000) {
        for p in persons::Entity::find()
            .filter(persons::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            out.insert(p.id, p);
        }
    }
    Ok(out)
}

/// The lines of run `run_id`, by person.
pub async fn lines_of<C: ConnectionTrait>(
    db: &C,
    run_id: Uuid,
) -> Result<Vec<charge_lines::Model>, DbErr> {
    charge_lines::Entity::find()
        .filter(charge_lines::Column::RunId.eq(run_id))
        .order_by_asc(charge_lines::Column::PersonId)
        .order_by_asc(charge_lines::Column::Source)
        .order_by_asc(charge_lines::Column::SourceId)
        .all(db)
        .await
}

/// A `running` run whose heartbeat is older than this was interrupted.
pub const HEARTBEAT_TIMEOUT: time::Duration = time::Duration::seconds(120);

/// Runs left `running` by a process that stopped (no heartbeat for
/// [`HEARTBEAT_TIMEOUT`]) are marked failed, so that the month can be run
/// again: called at start-up, and before a new run of a month starts.
pub async fn fail_interrupted<C: ConnectionTrait>(
    db: &C,
    now: time::OffsetDateTime,
) -> Result<u64, DbErr> {
    use sea_orm::sea_query::Expr;
    Ok(charge_runs::Entity::update_many()
        .col_expr(charge_runs::Column::Status, Expr::value("failed"))
        .col_expr(
            charge_runs::Column::Error,
            Expr::value("interrupted: the server stopped during the run"),
        )
        .col_expr(charge_runs::Column::FinishedAt, Expr::value(Some(now)))
        .filter(charge_runs::Column::Status.eq("running"))
        .filter(charge_runs::Column::HeartbeatAt.lt(now - HEARTBEAT_TIMEOUT))
        .exec(db)
        .await?
        .rows_affected)
}
