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
//! R-FEE-8, R-FEE-9), [`Collector::Visits`] (a month of home help or
//! respite visits, R-FEE-1..3 with R-LIM-3's countable hours),
//! [`Collector::Trips`] (completed transport trips, R-FEE-4..7 with R-FEE-2
//! over the month) and [`Collector::AidLoans`] (R-FEE-10's one-time fee in
//! the month of issue, R-FEE-11's refund as a negative line in the month of
//! return). Meals, coupons, shelter and day centre have no collector: they
//! are never charged (R-FEE-12). To add a source: add a variant, list it in
//! [`Collector::ALL`], and write its `collect_*` function returning
//! [`NewLine`]s with its [`ChargeSource`], the id of the record charged, the
//! quantity and unit, the amount (rounded to cents), the breakdown and the
//! rule IDs. Lines of free services (R-FEE-12) and of zero are dropped by
//! the run ([`atvejis_domain::charges::is_chargeable`]; a refund is kept,
//! [`atvejis_domain::charges::is_credit`]).
//!
//! # Problems per person
//!
//! A person whose charge cannot be computed does not fail the run: the
//! collector leaves their lines out and reports a [`ChargeProblem`] (shown
//! with the run), and every other person is charged. The cases: income
//! needed by the fee is incomplete (R-FEE-1: a month without a record is
//! unknown, not zero — stays and tier-priced trips; a trip at the full
//! price, R-FEE-7, needs no income), the person lived in a family without
//! members on the reference day, and a paid visit month whose decision has
//! neither a fee record nor a stored calculation. A rate the whole
//! municipality lacks (a price of care, the hourly price, the km price)
//! still fails the run ([`CollectError::MissingRate`]): it is not one
//! person's problem and every line would be wrong.

use crate::store::entities::{
    aid_loans, charge_lines, charge_runs, decisions, delivery_visits, family_members, fee_records,
    persons, rates, service_types, stay_absences, stay_fee_terms, stays, trips,
};
use crate::store::scope::MunicipalityScoped;
use crate::store::versioned::Versioned;
use atvejis_domain::care_fees::{
    Absence, CareFeeInput, CareShares, care_fee, care_month, first_day, last_day,
};
use atvejis_domain::charges::{ChargeSource, ChargeUnit};
use atvejis_domain::fees::{
    FeeIncome, FeeIncomeError, HomeHelpCaps, HomeHelpFeeInput, TransportPayer, TransportRates,
    Trip, fee_income, home_help_fee, round_money, transport_month,
};
use atvejis_domain::income::{IncomeRecord, Membership, YearMonth, income_window};
use atvejis_domain::places::PlaceKind;
use atvejis_domain::rates::RateKind;
use rust_decimal::Decimal;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
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

/// Why a person could not be charged in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChargeProblemCode {
    /// R-FEE-1: a counted member lacks an income record (even "no income")
    /// for some month of the 3 before the month charged.
    IncomeIncomplete,
    /// The family the person lived in had no members on the reference day.
    NoMembers,
    /// A paid visit month whose decision has no fee record nor a stored
    /// calculation.
    NoFee,
}

/// A person the run could not charge from one source (their lines from it
/// are left out; fix the cause and run the month again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ChargeProblem {
    /// The person.
    pub person_id: Uuid,
    /// Their name (filled by the run).
    #[serde(default)]
    pub person_name: String,
    /// The service's catalogue code.
    pub service_code: String,
    /// The source.
    pub source: ChargeSource,
    /// What is wrong.
    pub code: ChargeProblemCode,
    /// The months without income (`YYYY-MM`), by member, when incomplete.
    #[serde(default)]
    pub missing: Vec<MissingMonths>,
    /// In words.
    pub detail: String,
}

/// A member's months without an income record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MissingMonths {
    /// The member.
    pub person_id: Uuid,
    /// The months, `YYYY-MM`.
    pub months: Vec<String>,
}

/// What a collector found: the lines and the people it could not charge.
#[derive(Debug, Default)]
pub struct Collected {
    /// The lines.
    pub lines: Vec<NewLine>,
    /// The problems, per person.
    pub problems: Vec<ChargeProblem>,
}

/// A source of charge lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collector {
    /// Care fees of stays in group living homes (R-FEE-8, R-FEE-9).
    Stays,
    /// Home help and respite visit months (R-FEE-1..3, R-LIM-3).
    Visits,
    /// Transport trips (R-FEE-4..7, R-FEE-2).
    Trips,
    /// Technical aid loans (R-FEE-10, R-FEE-11).
    AidLoans,
}

impl Collector {
    /// Every collector a run calls. R-FEE-12: meals, coupons, shelter and
    /// day centre have none (never charged).
    pub const ALL: [Collector; 4] = [
        Collector::Stays,
        Collector::Visits,
        Collector::Trips,
        Collector::AidLoans,
    ];

    /// The lines of `month` in `municipality_id` from this source, and the
    /// people it could not charge.
    pub async fn collect<C: ConnectionTrait>(
        self,
        db: &C,
        municipality_id: Uuid,
        month: RunMonth,
    ) -> Result<Collected, CollectError> {
        match self {
            Collector::Stays => collect_stays(db, municipality_id, month).await,
            Collector::Visits => collect_visits(db, municipality_id, month).await,
            Collector::Trips => collect_trips(db, municipality_id, month).await,
            Collector::AidLoans => collect_aid_loans(db, municipality_id, month).await,
        }
    }
}

/// Ids in chunks for `IN (…)` lists.
const ID_CHUNK: usize = 1000;

/// R-FEE-1 for many people at once: each person's [`FeeIncome`] on
/// `reference`, exactly as [`fee_income`] reads it for one (the domain
/// function is called per person), with the memberships and income records
/// read in batches (three queries a chunk of people). `own_only`: the
/// person's own income only (R-FEE-8's care fee); else the family they
/// lived in on `reference` (the one joined last, if several), as a
/// person's service (the tier by the family's income per member).
pub async fn fee_incomes<C: ConnectionTrait>(
    db: &C,
    people: &[Uuid],
    reference: Date,
    own_only: bool,
) -> Result<HashMap<Uuid, Result<FeeIncome, FeeIncomeError<Uuid>>>, DbErr> {
    fn membership(m: &family_members::Model) -> Membership<Uuid> {
        Membership {
            member: m.person_id,
            joined_on: m.joined_on.unwrap_or(Date::MIN),
            left_on: m.left_on,
        }
    }
    let mut people: Vec<Uuid> = people.to_vec();
    people.sort();
    people.dedup();
    let mut out = HashMap::with_capacity(people.len());
    for chunk in people.chunks(ID_CHUNK) {
        // The family each person lived in on `reference`.
        let mut family_of: HashMap<Uuid, (Uuid, Date)> = HashMap::new();
        if !own_only {
            for m in family_members::Entity::find()
                .filter(family_members::Column::PersonId.is_in(chunk.iter().copied()))
                .all(db)
                .await?
            {
                let ms = membership(&m);
                if !ms.member_on(reference) {
                    continue;
                }
                let e = family_of
                    .entry(m.person_id)
                    .or_insert((m.family_id, ms.joined_on));
                if (ms.joined_on, m.family_id) > (e.1, e.0) {
                    *e = (m.family_id, ms.joined_on);
                }
            }
        }
        let mut families: HashMap<Uuid, Vec<Membership<Uuid>>> = HashMap::new();
        let family_ids: Vec<Uuid> = {
            let mut ids: Vec<Uuid> = family_of.values().map(|(f, _)| *f).collect();
            ids.sort();
            ids.dedup();
            ids
        };
        for ids in family_ids.chunks(ID_CHUNK) {
            for m in family_members::Entity::find()
                .filter(family_members::Column::FamilyId.is_in(ids.iter().copied()))
                .all(db)
                .await?
            {
                families
                    .entry(m.family_id)
                    .or_default()
                    .push(membership(&m));
            }
        }
        let mut members: Vec<Uuid> = chunk.to_vec();
        members.extend(families.values().flatten().map(|m| m.member));
        members.sort();
        members.dedup();
        let mut records: HashMap<Uuid, Vec<IncomeRecord<Uuid>>> = HashMap::new();
        for ids in members.chunks(ID_CHUNK) {
            for r in crate::store::income::records_of(db, ids).await? {
                records.entry(r.member).or_default().push(r);
            }
        }
        for person in chunk {
            let family = family_of
                .get(person)
                .and_then(|(f, _)| families.get(f))
                .map(Vec::as_slice);
            let counted: Vec<Uuid> = match family {
                Some(f) => f.iter().map(|m| m.member).collect(),
                None => vec![*person],
            };
            let mine: Vec<IncomeRecord<Uuid>> = counted
                .iter()
                .filter_map(|m| records.get(m))
                .flatten()
                .cloned()
                .collect();
            out.insert(*person, fee_income(person, family, false, &mine, reference));
        }
    }
    Ok(out)
}

/// The problem of a person whose income cannot be known.
fn income_problem(
    person_id: Uuid,
    service_code: &str,
    source: ChargeSource,
    error: FeeIncomeError<Uuid>,
) -> ChargeProblem {
    match error {
        FeeIncomeError::NoMembers => ChargeProblem {
            person_id,
            person_name: String::new(),
            service_code: service_code.to_owned(),
            source,
            code: ChargeProblemCode::NoMembers,
            missing: Vec::new(),
            detail: "R-FEE-1: the family the person lived in had no members on the first day of the month; not charged".to_owned(),
        },
        FeeIncomeError::Incomplete(missing) => {
            let missing: Vec<MissingMonths> = missing
                .into_iter()
                .map(|m| MissingMonths {
                    person_id: m.member,
                    months: m.months.iter().map(|x| x.code()).collect(),
                })
                .collect();
            let months: Vec<String> = missing
                .iter()
                .flat_map(|m| m.months.iter().cloned())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            ChargeProblem {
                person_id,
                person_name: String::new(),
                service_code: service_code.to_owned(),
                source,
                code: ChargeProblemCode::IncomeIncomplete,
                detail: format!(
                    "R-FEE-1: income is not recorded for {} (a month without a record is unknown, not zero); not charged until it is",
                    months.join(", ")
                ),
                missing,
            }
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

/// The stays collector: every short-term and long-term care stay that
/// overlaps the month pays R-FEE-8's monthly fee for its days in care with
/// R-FEE-9's absences. Reads: the stays, their terms, their absences, the
/// income of the 3 months before, the rates (one query each).
///
/// The income is the person's own average over the 3 months before the
/// month, read as every fee reads it ([`fee_incomes`]); a person with a
/// month of that window unrecorded is not charged but listed as a problem
/// (R-FEE-1: missing income is unknown, not zero).
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
) -> Result<Collected, CollectError> {
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
        return Ok(Collected::default());
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
    let people: Vec<Uuid> = stays.iter().map(|s| s.person_id).collect();
    let incomes = fee_incomes(db, &people, month.first, true).await?;
    let window: Vec<String> = income_window(month.first)
        .iter()
        .map(|m| m.code())
        .collect();
    let mut out = Collected {
        lines: Vec::with_capacity(stays.len()),
        problems: Vec::new(),
    };
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
        let income = match incomes.get(&stay.person_id) {
            Some(Ok(income)) => income.fee_base_income,
            Some(Err(error)) => {
                let error = error.clone();
                out.problems.push(income_problem(
                    stay.person_id,
                    service,
                    ChargeSource::Stay,
                    error,
                ));
                continue;
            }
            None => continue,
        };
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
        out.lines.push(NewLine {
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
                },
                "terms_id": term.map(|t| t.id),
                "care_fee": atvejis_domain::care_fees::CareFee {
                    monthly_fee: crate::app::common::money(fee.monthly_fee),
                    ..fee
                },
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

/// The hourly price of home help and respite.
pub const HOURLY_PRICE: &str = RateKind::HomeHelpHourlyPrice.as_str();
/// R-FEE-4: the full price per km.
pub const KM_PRICE: &str = RateKind::TransportKmPrice.as_str();

/// The fee record (or the decision's stored calculation) a visit month is
/// charged by: the income, members, VRP and cap share it was set with.
struct FeeBasis {
    /// The fee record's id (`None`: the decision's stored calculation).
    record_id: Option<Uuid>,
    /// Its version (0 for the stored calculation).
    record_version: i32,
    /// The month it applies from.
    effective_from: Option<Date>,
    /// The input it was computed with (hours and price replaced by the
    /// month's).
    input: HomeHelpFeeInput,
    /// It said free (R-FEE-0 / R-FEE-12).
    free: bool,
}

fn decimal_at(v: &Value, path: &[&str]) -> Option<Decimal> {
    let mut cur = v;
    for p in path {
        cur = cur.get(p)?;
    }
    match cur {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.to_string().parse().ok(),
        _ => None,
    }
}

/// The basis of a fee record's breakdown
/// ([`crate::app::fees::views::FeeBreakdown`]): its income basis and cap
/// share. The cap share was fixed by the record's income and VRP, so every
/// tier's cap is set to it: [`home_help_fee`] then recomputes the record's
/// cap amount and floor room exactly.
fn basis_of_record(r: &fee_records::Model) -> Option<FeeBasis> {
    let c = &r.calculation;
    let free = c.get("fee_rule").is_none_or(Value::is_null)
        || c.get("limited_by").and_then(Value::as_str) == Some("free")
        || c.get("income").is_none_or(Value::is_null);
    let zero = Decimal::ZERO;
    let cap = decimal_at(c, &["cap_rate"]).unwrap_or(zero);
    let input = HomeHelpFeeInput {
        income_per_member: decimal_at(c, &["income", "income_per_member"]).unwrap_or(zero),
        members: c
            .get("income")
            .and_then(|i| i.get("members"))
            .and_then(Value::as_u64)
            .and_then(|m| u32::try_from(m).ok())
            .unwrap_or(1),
        fee_base_income: decimal_at(c, &["income", "base_income"]).unwrap_or(zero),
        vrp: decimal_at(c, &["income", "vrp"]).unwrap_or(zero),
        hours: zero,
        hourly_price: zero,
        caps: HomeHelpCaps {
            from_2_to_3: cap,
            from_3_to_4: cap,
            from_4_to_5: cap,
            from_5: cap,
        },
    };
    if !free && input.vrp <= zero {
        return None;
    }
    Some(FeeBasis {
        record_id: Some(r.id),
        record_version: r.version,
        effective_from: Some(r.effective_from),
        input,
        free,
    })
}

/// The basis of a decision signed before fee records existed: its stored
/// calculation ([`crate::app::decisions::views::FeeSnapshot`]).
fn basis_of_decision(d: &decisions::Model) -> Option<FeeBasis> {
    let snapshot: crate::app::decisions::views::FeeSnapshot =
        serde_json::from_value(d.fee_calculation.clone()?).ok()?;
    let c = snapshot.calculation;
    Some(FeeBasis {
        record_id: None,
        record_version: 0,
        effective_from: None,
        free: c.limited_by == atvejis_domain::fees::FeeLimit::Free,
        input: c.input,
    })
}

/// The home help and respite collector: the visits of the month (one
/// query), grouped by decision, each group one line (source
/// `visit_month`, its id the decision's): R-LIM-3's countable hours (the
/// visit's hours less the hours of other paid care) × the hourly price in
/// force on the month's first day = the cost; the fee is
/// [`home_help_fee`]'s `min(cost, cap, room above the 2 VRP floor)`
/// (R-FEE-1..3) with the income, members, VRP and cap share of the
/// decision's fee record in force in the month
/// ([`crate::store::fees::fee_record_in_force`]'s rule: the latest record
/// from a month not after it; read in one query for all decisions), or the
/// decision's stored calculation when it has no record; nothing when that
/// says free. A paid decision with neither is a [`ChargeProblem`].
async fn collect_visits<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    month: RunMonth,
) -> Result<Collected, CollectError> {
    let visits = delivery_visits::Entity::find()
        .filter(delivery_visits::Column::MunicipalityId.eq(municipality_id))
        .filter(delivery_visits::Column::VisitOn.gte(month.first))
        .filter(delivery_visits::Column::VisitOn.lte(month.last))
        .order_by_asc(delivery_visits::Column::VisitOn)
        .all(db)
        .await?;
    if visits.is_empty() {
        return Ok(Collected::default());
    }
    // By decision: person, service, hours, countable hours, visits, days.
    struct Group {
        person_id: Uuid,
        service_code: String,
        hours: Decimal,
        other_paid: Decimal,
        countable: Decimal,
        visits: usize,
        first: Date,
        last: Date,
    }
    let mut groups: BTreeMap<Uuid, Group> = BTreeMap::new();
    for v in &visits {
        let g = groups.entry(v.decision_id).or_insert(Group {
            person_id: v.person_id,
            service_code: v.service_code.clone(),
            hours: Decimal::ZERO,
            other_paid: Decimal::ZERO,
            countable: Decimal::ZERO,
            visits: 0,
            first: v.visit_on,
            last: v.visit_on,
        });
        g.hours += v.hours;
        g.other_paid += v.other_paid_care_hours;
        g.countable += v.countable_hours;
        g.visits += 1;
        g.first = g.first.min(v.visit_on);
        g.last = g.last.max(v.visit_on);
    }
    let rates = rates_on(db, municipality_id, &[HOURLY_PRICE], month.first).await?;
    let (price, price_from) = *rates.get(HOURLY_PRICE).ok_or(CollectError::MissingRate {
        kind: HOURLY_PRICE,
        on: month.first,
    })?;
    let ids: Vec<Uuid> = groups.keys().copied().collect();
    let mut in_force: HashMap<Uuid, fee_records::Model> = HashMap::new();
    let mut decisions_of: HashMap<Uuid, decisions::Model> = HashMap::new();
    for chunk in ids.chunks(ID_CHUNK) {
        // Oldest first: the last seen of a decision is the one in force.
        for r in fee_records::Entity::find()
            .filter(fee_records::Column::DecisionId.is_in(chunk.iter().copied()))
            .filter(fee_records::Column::EffectiveFrom.lte(month.first))
            .order_by_asc(fee_records::Column::EffectiveFrom)
            .order_by_asc(fee_records::Column::Version)
            .all(db)
            .await?
        {
            in_force.insert(r.decision_id, r);
        }
        let without: Vec<Uuid> = chunk
            .iter()
            .filter(|d| !in_force.contains_key(d))
            .copied()
            .collect();
        if !without.is_empty() {
            for d in decisions::Entity::find()
                .filter(decisions::Column::Id.is_in(without))
                .all(db)
                .await?
            {
                decisions_of.insert(d.id, d);
            }
        }
    }
    let mut out = Collected::default();
    for (decision_id, g) in groups {
        let basis = match in_force.get(&decision_id) {
            Some(r) => basis_of_record(r),
            None => decisions_of.get(&decision_id).and_then(basis_of_decision),
        };
        let Some(basis) = basis else {
            out.problems.push(ChargeProblem {
                person_id: g.person_id,
                person_name: String::new(),
                service_code: g.service_code.clone(),
                source: ChargeSource::VisitMonth,
                code: ChargeProblemCode::NoFee,
                missing: Vec::new(),
                detail: format!(
                    "R-FEE-1: the decision {decision_id} has no fee record in force in {} nor a stored fee calculation; not charged",
                    month.month.code()
                ),
            });
            continue;
        };
        if basis.free {
            continue;
        }
        let input = HomeHelpFeeInput {
            hours: g.countable,
            hourly_price: price,
            ..basis.input
        };
        let calc = home_help_fee(input);
        out.lines.push(NewLine {
            person_id: g.person_id,
            service_code: g.service_code.clone(),
            source: ChargeSource::VisitMonth,
            source_id: decision_id,
            period_from: g.first,
            period_to: g.last,
            quantity: g.countable,
            unit: ChargeUnit::Hour,
            amount: calc.fee,
            breakdown: json!({
                "decision_id": decision_id,
                "fee_record": {
                    "id": basis.record_id,
                    "version": basis.record_version,
                    "effective_from": basis.effective_from,
                    "stored_calculation": basis.record_id.is_none(),
                },
                "visits": g.visits,
                "hours": g.hours.normalize(),
                "other_paid_care_hours": g.other_paid.normalize(),
                "countable_hours": g.countable.normalize(),
                "hourly_price": { "kind": HOURLY_PRICE, "value": price, "valid_from": price_from },
                "income_per_member": calc.input.income_per_member,
                "members": calc.input.members,
                "vrp": calc.input.vrp,
                "cap_rate": calc.cap_rate,
                "cost": round_money(calc.cost),
                "cap": round_money(calc.cap_amount),
                "floor_room": round_money(calc.floor_room),
                "fee": calc.fee,
                "limited_by": calc.limited_by,
            }),
            rules: "R-FEE-1,R-FEE-2,R-FEE-3,R-LIM-3",
        });
    }
    Ok(out)
}

/// The transport collector: the trips done (`completed`) on a day of the
/// month (one query), by person; each trip is one line (source `trip`).
/// The fares are [`transport_month`]'s over the person's trips of the
/// month in date order: R-FEE-4's km (the one-way km to the drop-off point,
/// there and back; the odometer's `km_driven` is shown), R-FEE-6's free
/// destinations (`trips.free_destination`), R-FEE-5's tariff of the
/// family's income per member with R-FEE-2's floor over the month's trips,
/// or R-FEE-7's full price (no income, no floor) for the trips the person
/// chose to pay in full. The income is read as every fee reads it
/// ([`fee_incomes`], the 3 months before the month). Decided: a person
/// with tier-priced, not free trips and incomplete income cannot be charged
/// by tier, nor charged as if they had none; those trips are left out and
/// the person is listed as a [`ChargeProblem`] (their full-price trips are
/// still charged). The tariffs are the rates in force on the month's first
/// day (the seed's when not set), the km price must be set.
async fn collect_trips<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    month: RunMonth,
) -> Result<Collected, CollectError> {
    let rows = trips::Entity::find()
        .filter(trips::Column::MunicipalityId.eq(municipality_id))
        .filter(trips::Column::Status.eq("completed"))
        .filter(trips::Column::TripOn.gte(month.first))
        .filter(trips::Column::TripOn.lte(month.last))
        .order_by_asc(trips::Column::TripOn)
        .order_by_asc(trips::Column::Id)
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(Collected::default());
    }
    let t2 = RateKind::TransportTariff2To3.as_str();
    let t3 = RateKind::TransportTariff3To4.as_str();
    let t4 = RateKind::TransportTariff4.as_str();
    let vrp_kind = RateKind::Vrp.as_str();
    let rates = rates_on(
        db,
        municipality_id,
        &[KM_PRICE, t2, t3, t4, vrp_kind],
        month.first,
    )
    .await?;
    let (km_price, km_from) = *rates.get(KM_PRICE).ok_or(CollectError::MissingRate {
        kind: KM_PRICE,
        on: month.first,
    })?;
    let defaults = TransportRates::default();
    let rate = |kind: &str, default: Decimal| rates.get(kind).map_or(default, |(v, _)| *v);
    let tariffs = TransportRates {
        km_price,
        tariff_2_3: rate(t2, defaults.tariff_2_3),
        tariff_3_4: rate(t3, defaults.tariff_3_4),
        tariff_4: rate(t4, defaults.tariff_4),
    };
    let rates_used: Vec<Value> = [KM_PRICE, t2, t3, t4, vrp_kind]
        .iter()
        .filter_map(|k| {
            rates
                .get(*k)
                .map(|(v, from)| json!({ "kind": k, "value": v, "valid_from": from }))
        })
        .collect();
    // By person, and full price or by income.
    let mut by_person: BTreeMap<(Uuid, bool), Vec<trips::Model>> = BTreeMap::new();
    for t in rows {
        by_person
            .entry((t.person_id, t.full_price))
            .or_default()
            .push(t);
    }
    let needing_income: Vec<Uuid> = by_person
        .iter()
        .filter(|((_, full), list)| !full && list.iter().any(|t| !t.free_destination))
        .map(|((p, _), _)| *p)
        .collect();
    let incomes = fee_incomes(db, &needing_income, month.first, false).await?;
    let window: Vec<String> = income_window(month.first)
        .iter()
        .map(|m| m.code())
        .collect();
    let mut out = Collected::default();
    for ((person_id, full_price), list) in by_person {
        let service_code = "transport";
        let payer = if full_price {
            TransportPayer::FullPrice
        } else if list.iter().all(|t| t.free_destination) {
            // R-FEE-6: only free destinations: nothing to charge.
            continue;
        } else {
            match incomes.get(&person_id) {
                Some(Ok(income)) => {
                    let Some((vrp, _)) = rates.get(vrp_kind).copied() else {
                        return Err(CollectError::MissingRate {
                            kind: vrp_kind,
                            on: month.first,
                        });
                    };
                    TransportPayer::ByIncome {
                        income_per_member: income.income_per_member,
                        members: income.members,
                        vrp,
                    }
                }
                Some(Err(error)) => {
                    out.problems.push(income_problem(
                        person_id,
                        service_code,
                        ChargeSource::Trip,
                        error.clone(),
                    ));
                    continue;
                }
                None => continue,
            }
        };
        let trips_of: Vec<Trip> = list
            .iter()
            .map(|t| Trip {
                km_one_way: t.km_one_way,
                destination_free: t.free_destination,
            })
            .collect();
        let m = transport_month(&trips_of, &payer, &tariffs);
        let income = match payer {
            TransportPayer::ByIncome {
                income_per_member,
                members,
                vrp,
            } => json!({
                "months": window,
                "income_per_member": round_money(income_per_member),
                "members": members,
                "vrp": vrp,
                "free_limit": vrp * Decimal::TWO,
            }),
            TransportPayer::FullPrice => Value::Null,
        };
        for (t, charge) in list.iter().zip(m.trips.iter()) {
            out.lines.push(NewLine {
                person_id,
                service_code: service_code.to_owned(),
                source: ChargeSource::Trip,
                source_id: t.id,
                period_from: t.trip_on,
                period_to: t.trip_on,
                quantity: charge.fare.km_charged,
                unit: ChargeUnit::Km,
                amount: charge.charged,
                breakdown: json!({
                    "trip_on": t.trip_on,
                    "destination": t.destination,
                    "destination_kind": t.destination_kind,
                    "km_driven": t.km_driven,
                    "full_price": full_price,
                    "income": income,
                    "trip": charge,
                    "month": {
                        "trips": m.trips.len(),
                        "cost": m.cost,
                        "fares": m.fares,
                        "floor_room": m.floor_room,
                        "total": m.total,
                        "limited_by": m.limited_by,
                    },
                    "km_price_valid_from": km_from,
                    "rates_used": rates_used,
                }),
                rules: if full_price {
                    "R-FEE-4,R-FEE-6,R-FEE-7"
                } else {
                    "R-FEE-2,R-FEE-4,R-FEE-5,R-FEE-6"
                },
            });
        }
    }
    Ok(out)
}

/// The technical aids collector: each loan issued in the month is charged
/// its one-time fee (R-FEE-10, as fixed at issue from the price table in
/// force that day, `aid_loans.fee`), and each loan returned in the month
/// with a refund is credited it as a negative line (R-FEE-11,
/// `aid_loans.refund`): two queries. Both lines have the loan as source.
async fn collect_aid_loans<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    month: RunMonth,
) -> Result<Collected, CollectError> {
    let loans = aid_loans::Entity::find()
        .filter(aid_loans::Column::MunicipalityId.eq(municipality_id))
        .filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(aid_loans::Column::IssuedOn.gte(month.first))
                        .add(aid_loans::Column::IssuedOn.lte(month.last)),
                )
                .add(
                    Condition::all()
                        .add(aid_loans::Column::ReturnedOn.gte(month.first))
                        .add(aid_loans::Column::ReturnedOn.lte(month.last)),
                ),
        )
        .order_by_asc(aid_loans::Column::Id)
        .all(db)
        .await?;
    let service = "technical_aids";
    let mut out = Collected::default();
    for l in loans {
        if l.issued_on >= month.first && l.issued_on <= month.last {
            out.lines.push(NewLine {
                person_id: l.person_id,
                service_code: service.to_owned(),
                source: ChargeSource::AidLoan,
                source_id: l.id,
                period_from: l.issued_on,
                period_to: l.issued_on,
                quantity: Decimal::ONE,
                unit: ChargeUnit::Item,
                amount: round_money(l.fee),
                breakdown: json!({
                    "kind": "fee",
                    "aid_type": l.aid_type,
                    "newness": l.newness,
                    "issued_on": l.issued_on,
                    "price_valid_from": l.price_valid_from,
                    "fee": round_money(l.fee),
                }),
                rules: "R-FEE-10",
            });
        }
        if let (Some(returned), Some(refund)) = (l.returned_on, l.refund)
            && returned >= month.first
            && returned <= month.last
            && refund > Decimal::ZERO
        {
            out.lines.push(NewLine {
                person_id: l.person_id,
                service_code: service.to_owned(),
                source: ChargeSource::AidLoan,
                source_id: l.id,
                period_from: returned,
                period_to: returned,
                quantity: Decimal::NEGATIVE_ONE,
                unit: ChargeUnit::Item,
                amount: -round_money(refund),
                breakdown: json!({
                    "kind": "refund",
                    "aid_type": l.aid_type,
                    "newness": l.newness,
                    "issued_on": l.issued_on,
                    "returned_on": returned,
                    "refund_until": l.refund_until,
                    "fee_paid": round_money(l.fee),
                    "refund": round_money(refund),
                    "price_valid_from": l.price_valid_from,
                }),
                rules: "R-FEE-11",
            });
        }
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
