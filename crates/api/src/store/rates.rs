//! Effective-dated rates per municipality: the kinds, their seeded defaults,
//! and the lookup of the value in force on a date.

use crate::actor::Actor;
use crate::store::entities::{applications, decisions, rates};
use crate::store::error::{StoreError, StoreResult};
use crate::store::scope::scoped;
use atvejis_domain::fees::{DayCareCaps, HomeHelpCaps, TransportRates};
use atvejis_domain::income::VRP_TABLE;
use rust_decimal::Decimal;
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;
use time::{Date, Month, OffsetDateTime};
use uuid::Uuid;

pub use atvejis_domain::rates::RateKind;

/// State-supported income (VRP), EUR a month.
pub const VRP: &str = RateKind::Vrp.as_str();
/// Home help: the council's hourly price, EUR.
pub const HOME_HELP_HOURLY_PRICE: &str = RateKind::HomeHelpHourlyPrice.as_str();
/// R-FEE-1: cap for `2V < I < 3V`, a share.
pub const HOME_HELP_CAP_2_3: &str = RateKind::HomeHelpCap2To3.as_str();
/// R-FEE-1: cap for `3V ≤ I < 4V`.
pub const HOME_HELP_CAP_3_4: &str = RateKind::HomeHelpCap3To4.as_str();
/// R-FEE-1: cap for `4V ≤ I < 5V`.
pub const HOME_HELP_CAP_4_5: &str = RateKind::HomeHelpCap4To5.as_str();
/// R-FEE-1a: cap for `I ≥ 5V`.
pub const HOME_HELP_CAP_5: &str = RateKind::HomeHelpCap5.as_str();

/// The demo's hourly price of home help (Kelmė's real price is set by its
/// council; administrators change it).
pub const DEMO_HOURLY_PRICE: Decimal = Decimal::from_parts(650, 0, 0, false, 2);

fn date(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// A seeded rate: kind, valid from, value, and the note staff see with it.
type Seeded = (&'static str, Date, Decimal, &'static str);

/// The seeded rates: the national VRP table, the caps of the municipal
/// rules, and an hourly price the administrator replaces with the council's.
fn defaults() -> Vec<Seeded> {
    let mut out: Vec<Seeded> = VRP_TABLE
        .iter()
        .filter_map(|(y, m, d, eur)| {
            Some((
                VRP,
                date(*y, *m, *d)?,
                Decimal::from(*eur),
                "Vyriausybės nustatytas VRP dydis",
            ))
        })
        .collect();
    let caps = HomeHelpCaps::default();
    if let Some(from) = date(2020, 1, 1) {
        let rules = "Savivaldybės mokėjimo už paslaugas tvarka (R-FEE-1)";
        out.extend([
            (HOME_HELP_CAP_2_3, from, caps.from_2_to_3, rules),
            (HOME_HELP_CAP_3_4, from, caps.from_3_to_4, rules),
            (HOME_HELP_CAP_4_5, from, caps.from_4_to_5, rules),
            (
                HOME_HELP_CAP_5,
                from,
                caps.from_5,
                "Pagal R-FEE-1a (tvarka aukštesnės ribos nenustato)",
            ),
            (
                HOME_HELP_HOURLY_PRICE,
                from,
                DEMO_HOURLY_PRICE,
                "Pavyzdinė kaina: įrašykite tarybos patvirtintą",
            ),
        ]);
        out.extend(issue_11_defaults(from));
    }
    out
}

/// The P default of the asset value normative (R-FEE-8), EUR: a
/// placeholder the administrator replaces with the municipality's.
pub const DEMO_ASSET_NORMATIVE: Decimal = Decimal::from_parts(20_000, 0, 0, false, 0);

/// The P default monthly price of care in the group living home, short- and
/// long-term (R-FEE-8), EUR: a placeholder for the council's price.
pub const DEMO_GROUP_LIVING_MONTHLY_PRICE: Decimal = Decimal::from_parts(1_100, 0, 0, false, 0);

/// The rates of issue 11 (transport, care, day care), the same values that
/// migration 000010 seeds for the municipalities that existed before it.
fn issue_11_defaults(from: Date) -> Vec<Seeded> {
    let transport = TransportRates::default();
    let day = DayCareCaps::default();
    let pct = |p: i64| Decimal::new(p, 2);
    vec![
        (
            RateKind::TransportKmPrice.as_str(),
            from,
            transport.km_price,
            "Transporto paslaugos kaina už 1 km (R-FEE-4)",
        ),
        (
            RateKind::TransportTariff2To3.as_str(),
            from,
            transport.tariff_2_3,
            "Transporto tarifas už 1 km, 2–3 VRP (R-FEE-5)",
        ),
        (
            RateKind::TransportTariff3To4.as_str(),
            from,
            transport.tariff_3_4,
            "Transporto tarifas už 1 km, 3–4 VRP (R-FEE-5)",
        ),
        (
            RateKind::TransportTariff4.as_str(),
            from,
            transport.tariff_4,
            "Transporto tarifas už 1 km, 4 VRP ir daugiau (R-FEE-5)",
        ),
        (
            RateKind::CareIncomeShare.as_str(),
            from,
            pct(80),
            "Mokėjimas už socialinę globą neviršija 80 % pajamų (R-FEE-8)",
        ),
        (
            RateKind::CareAbsenceShare.as_str(),
            from,
            pct(30),
            "Nuo 4-os išvykimo paros mokama 30 % (R-FEE-9)",
        ),
        (
            RateKind::CareAssetShare.as_str(),
            from,
            pct(1),
            "1 % turto vertės, viršijančios normatyvą (R-FEE-8)",
        ),
        (
            RateKind::CareAssetNormative.as_str(),
            from,
            DEMO_ASSET_NORMATIVE,
            "Pavyzdinis turto vertės normatyvas: įrašykite savivaldybės nustatytą",
        ),
        (
            RateKind::GroupLivingShortTermMonthlyPrice.as_str(),
            from,
            DEMO_GROUP_LIVING_MONTHLY_PRICE,
            "Pavyzdinė GGN trumpalaikės globos kaina per mėnesį: įrašykite tarybos patvirtintą",
        ),
        (
            RateKind::GroupLivingLongTermMonthlyPrice.as_str(),
            from,
            DEMO_GROUP_LIVING_MONTHLY_PRICE,
            "Pavyzdinė GGN ilgalaikės globos kaina per mėnesį: įrašykite tarybos patvirtintą",
        ),
        (
            RateKind::DayCareAloneCapBelow2.as_str(),
            from,
            day.alone_below_2,
            "Dienos socialinė globa, vienas gyvenantis, iki 2 VRP (R-FEE-13)",
        ),
        (
            RateKind::DayCareAloneCap2To3.as_str(),
            from,
            day.alone_2_3,
            "Dienos socialinė globa, vienas gyvenantis, 2–3 VRP (R-FEE-13)",
        ),
        (
            RateKind::DayCareAloneCap3.as_str(),
            from,
            day.alone_3,
            "Dienos socialinė globa, vienas gyvenantis, nuo 3 VRP (R-FEE-13)",
        ),
        (
            RateKind::DayCareFamilyCapBelow2.as_str(),
            from,
            day.family_below_2,
            "Dienos socialinė globa, šeima, iki 2 VRP (R-FEE-13)",
        ),
        (
            RateKind::DayCareFamilyCap2To3.as_str(),
            from,
            day.family_2_3,
            "Dienos socialinė globa, šeima, 2–3 VRP (R-FEE-13)",
        ),
        (
            RateKind::DayCareFamilyCap3To4.as_str(),
            from,
            day.family_3_4,
            "Dienos socialinė globa, šeima, 3–4 VRP (R-FEE-13)",
        ),
        (
            RateKind::DayCareFamilyCap4To5.as_str(),
            from,
            day.family_4_5,
            "Dienos socialinė globa, šeima, 4–5 VRP (R-FEE-13)",
        ),
        (
            RateKind::DayCareFamilyCap5.as_str(),
            from,
            day.family_5,
            "Dienos socialinė globa, šeima, nuo 5 VRP (R-FEE-13)",
        ),
    ]
}

/// Seeds the default rates of a municipality, recorded as created at `now`.
pub async fn seed<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    rates::Entity::insert_many(
        defaults()
            .into_iter()
            .map(|(kind, valid_from, value, note)| rates::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(municipality_id),
                kind: Set(kind.to_owned()),
                valid_from: Set(valid_from),
                value: Set(value),
                note: Set(Some(note.to_owned())),
                created_at: Set(now),
                created_by: Set(None),
            }),
    )
    .exec(db)
    .await?;
    Ok(())
}

/// The value of `kind` in force on `on` in a municipality.
pub async fn in_force<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    kind: &str,
    on: Date,
) -> Result<Option<Decimal>, DbErr> {
    Ok(rates::Entity::find()
        .filter(rates::Column::MunicipalityId.eq(municipality_id))
        .filter(rates::Column::Kind.eq(kind))
        .filter(rates::Column::ValidFrom.lte(on))
        .order_by_desc(rates::Column::ValidFrom)
        .one(db)
        .await?
        .map(|r| r.value))
}

/// The values of `kinds` in force on `on` in a municipality, with one query
/// (kinds without a value on that date are absent from the map).
pub async fn in_force_many<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    kinds: &[RateKind],
    on: Date,
) -> Result<HashMap<RateKind, Decimal>, DbErr> {
    let rows = rates::Entity::find()
        .filter(rates::Column::MunicipalityId.eq(municipality_id))
        .filter(rates::Column::Kind.is_in(kinds.iter().map(|k| k.as_str())))
        .filter(rates::Column::ValidFrom.lte(on))
        .order_by_desc(rates::Column::ValidFrom)
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for row in rows {
        if let Ok(kind) = row.kind.parse::<RateKind>() {
            out.entry(kind).or_insert(row.value);
        }
    }
    Ok(out)
}

/// Every rate of a municipality in force on `on`, with the date each value
/// is in force from, in one query.
pub async fn in_force_dated<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    on: Date,
) -> Result<HashMap<RateKind, (Decimal, Date)>, DbErr> {
    let rows = rates::Entity::find()
        .filter(rates::Column::MunicipalityId.eq(municipality_id))
        .filter(rates::Column::ValidFrom.lte(on))
        .order_by_desc(rates::Column::ValidFrom)
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for row in rows {
        if let Ok(kind) = row.kind.parse::<RateKind>() {
            out.entry(kind).or_insert((row.value, row.valid_from));
        }
    }
    Ok(out)
}

/// A stored rate value with its kind parsed.
#[derive(Debug, Clone)]
pub struct Rate {
    /// Id.
    pub id: Uuid,
    /// The kind.
    pub kind: RateKind,
    /// In force from.
    pub valid_from: Date,
    /// The value.
    pub value: Decimal,
    /// Note.
    pub note: Option<String>,
}

impl TryFrom<rates::Model> for Rate {
    type Error = StoreError;

    fn try_from(row: rates::Model) -> StoreResult<Rate> {
        Ok(Rate {
            kind: row
                .kind
                .parse()
                .map_err(|e| StoreError::corrupt("rate", e))?,
            id: row.id,
            valid_from: row.valid_from,
            value: row.value,
            note: row.note,
        })
    }
}

/// The rates of the actor's municipality (only `kind`, when given), by kind
/// then newest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    kind: Option<RateKind>,
) -> StoreResult<Vec<Rate>> {
    let mut query = scoped::<rates::Entity>(actor);
    if let Some(kind) = kind {
        query = query.filter(rates::Column::Kind.eq(kind.as_str()));
    }
    query
        .order_by_asc(rates::Column::Kind)
        .order_by_desc(rates::Column::ValidFrom)
        .all(db)
        .await?
        .into_iter()
        .map(Rate::try_from)
        .collect()
}

/// The rate value `id`. MUST return `NotFound("rate")` when it is not in the
/// actor's municipality.
pub async fn find_scoped<C: ConnectionTrait>(db: &C, actor: &Actor, id: Uuid) -> StoreResult<Rate> {
    scoped::<rates::Entity>(actor)
        .filter(rates::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("rate"))?
        .try_into()
}

/// What a new rate value needs.
#[derive(Debug, Clone)]
pub struct NewRate {
    /// The kind.
    pub kind: RateKind,
    /// In force from.
    pub valid_from: Date,
    /// The value.
    pub value: Decimal,
    /// Note.
    pub note: Option<String>,
}

/// Inserts a value of a rate in the actor's municipality. A value of the
/// same kind from the same date answers a unique violation
/// ([`StoreError::is_unique_violation`]).
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    new: NewRate,
    now: OffsetDateTime,
) -> StoreResult<Rate> {
    rates::Entity::insert(rates::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        kind: Set(new.kind.as_str().to_owned()),
        valid_from: Set(new.valid_from),
        value: Set(new.value),
        note: Set(new.note),
        created_at: Set(now),
        created_by: Set(actor.user_id()),
    })
    .exec_with_returning(db)
    .await?
    .try_into()
}

/// Whether a value of `kind` dated before `valid_from` was in force then
/// and a fee kept with a decision used it: a fee whose reference date (the
/// application's date) falls on or after `valid_from` and before the next
/// value of the kind. Two queries.
pub async fn replaced_value_used_by_a_fee<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    kind: RateKind,
    valid_from: Date,
) -> StoreResult<bool> {
    let values = scoped::<rates::Entity>(actor)
        .filter(rates::Column::Kind.eq(kind.as_str()))
        .all(db)
        .await?;
    if !values.iter().any(|r| r.valid_from < valid_from) {
        return Ok(false);
    }
    let next = values
        .iter()
        .map(|r| r.valid_from)
        .filter(|from| *from > valid_from)
        .min();
    let mut received = Query::select()
        .column(applications::Column::Id)
        .from(applications::Entity)
        .and_where(applications::Column::MunicipalityId.eq(actor.municipality_id))
        .and_where(applications::Column::ReceivedOn.gte(valid_from))
        .to_owned();
    if let Some(next) = next {
        received.and_where(applications::Column::ReceivedOn.lt(next));
    }
    Ok(decisions::Entity::find()
        .filter(decisions::Column::MunicipalityId.eq(actor.municipality_id))
        .filter(decisions::Column::FeeCalculation.is_not_null())
        .filter(decisions::Column::ApplicationId.in_subquery(received))
        .one(db)
        .await?
        .is_some())
}

/// Deletes the rate value `id` (the caller found it in scope first).
pub async fn delete<C: ConnectionTrait>(db: &C, id: Uuid) -> StoreResult<()> {
    rates::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}
