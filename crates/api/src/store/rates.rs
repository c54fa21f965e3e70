//! Effective-dated rates per municipality: the kinds, their seeded defaults,
//! and the lookup of the value in force on a date.

use crate::store::entities::rates;
use atvejis_domain::fees::HomeHelpCaps;
use atvejis_domain::income::VRP_TABLE;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use time::{Date, Month};
use uuid::Uuid;

/// A kind of rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateKind {
    /// Code.
    pub code: &'static str,
    /// What it is.
    pub doc: &'static str,
}

/// State-supported income (VRP), EUR a month.
pub const VRP: &str = "vrp";
/// Home help: the council's hourly price, EUR.
pub const HOME_HELP_HOURLY_PRICE: &str = "home_help_hourly_price";
/// R-FEE-1: cap for `2V < I < 3V`, a share.
pub const HOME_HELP_CAP_2_3: &str = "home_help_cap_2_3";
/// R-FEE-1: cap for `3V ≤ I < 4V`.
pub const HOME_HELP_CAP_3_4: &str = "home_help_cap_3_4";
/// R-FEE-1: cap for `4V ≤ I < 5V`.
pub const HOME_HELP_CAP_4_5: &str = "home_help_cap_4_5";
/// R-FEE-1a: cap for `I ≥ 5V`.
pub const HOME_HELP_CAP_5: &str = "home_help_cap_5";

/// Every kind of rate.
pub const KINDS: &[RateKind] = &[
    RateKind {
        code: VRP,
        doc: "state-supported income (VRP), EUR a month",
    },
    RateKind {
        code: HOME_HELP_HOURLY_PRICE,
        doc: "home help hourly price, EUR",
    },
    RateKind {
        code: HOME_HELP_CAP_2_3,
        doc: "home help fee cap for 2–3 VRP, a share of income",
    },
    RateKind {
        code: HOME_HELP_CAP_3_4,
        doc: "home help fee cap for 3–4 VRP, a share of income",
    },
    RateKind {
        code: HOME_HELP_CAP_4_5,
        doc: "home help fee cap for 4–5 VRP, a share of income",
    },
    RateKind {
        code: HOME_HELP_CAP_5,
        doc: "home help fee cap from 5 VRP, a share of income",
    },
];

/// Whether `code` is a kind of rate.
pub fn is_kind(code: &str) -> bool {
    KINDS.iter().any(|k| k.code == code)
}

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
    }
    out
}

/// Seeds the default rates of a municipality.
pub async fn seed<C: ConnectionTrait>(db: &C, municipality_id: Uuid) -> Result<(), DbErr> {
    let now = super::now();
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
