//! The pure parts of a monthly charge run: what a charge line is, the
//! fingerprint that tells whether a re-run changed anything, the totals and
//! the per-person differences between two runs, and the CSV rows of the
//! export for the accounting system.
//!
//! R-FEE-12: free services never produce a charge ([`is_chargeable`]).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::hash::Hash;

/// Where a charge line comes from: each source has one collector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChargeSource {
    /// A stay in a group living home (care fee, R-FEE-8/9).
    Stay,
    /// A month of home help or respite visits (R-FEE-1..3).
    VisitMonth,
    /// A transport trip (R-FEE-4..7).
    Trip,
    /// A technical aid loan (R-FEE-10..11).
    AidLoan,
}

impl ChargeSource {
    /// Every source.
    pub const ALL: [ChargeSource; 4] = [
        ChargeSource::Stay,
        ChargeSource::VisitMonth,
        ChargeSource::Trip,
        ChargeSource::AidLoan,
    ];

    /// The stored code.
    pub const fn as_str(self) -> &'static str {
        match self {
            ChargeSource::Stay => "stay",
            ChargeSource::VisitMonth => "visit_month",
            ChargeSource::Trip => "trip",
            ChargeSource::AidLoan => "aid_loan",
        }
    }

    /// The source of a stored code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == code)
    }
}

/// The unit of a charge line's quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChargeUnit {
    /// Days in care.
    Day,
    /// Hours of service.
    Hour,
    /// Kilometres.
    Km,
    /// Items (an aid).
    Item,
}

impl ChargeUnit {
    /// Every unit.
    pub const ALL: [ChargeUnit; 4] = [
        ChargeUnit::Day,
        ChargeUnit::Hour,
        ChargeUnit::Km,
        ChargeUnit::Item,
    ];

    /// The stored code.
    pub const fn as_str(self) -> &'static str {
        match self {
            ChargeUnit::Day => "day",
            ChargeUnit::Hour => "hour",
            ChargeUnit::Km => "km",
            ChargeUnit::Item => "item",
        }
    }

    /// The unit of a stored code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == code)
    }

    /// Lithuanian, for the export.
    pub const fn lt(self) -> &'static str {
        match self {
            ChargeUnit::Day => "d.",
            ChargeUnit::Hour => "val.",
            ChargeUnit::Km => "km",
            ChargeUnit::Item => "vnt.",
        }
    }
}

/// R-FEE-12: whether a service is charged at all; a free service (the
/// catalogue's `free`) never produces a charge, and a line of zero is not a
/// charge either.
pub fn is_chargeable(service_free: bool, amount: Decimal) -> bool {
    !service_free && amount > Decimal::ZERO
}

/// R-FEE-11: a refund (a negative line, e.g. a bed returned within 12
/// months) is a credit to the person and is kept, unless the service is
/// free (R-FEE-12).
pub fn is_credit(service_free: bool, amount: Decimal) -> bool {
    !service_free && amount < Decimal::ZERO
}

/// What identifies a line's content, to tell whether a re-run changed
/// anything: person, source and its id, quantity and amount.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineKey<K: Ord> {
    /// The person.
    pub person: K,
    /// The service's code.
    pub service: String,
    /// The source.
    pub source: ChargeSource,
    /// The source's id.
    pub source_id: K,
    /// The quantity (normalised).
    pub quantity: Decimal,
    /// The amount (normalised).
    pub amount: Decimal,
}

/// Whether two runs' lines are the same, whatever their order.
pub fn same_lines<K: Ord + Clone>(a: &[LineKey<K>], b: &[LineKey<K>]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let norm = |v: &[LineKey<K>]| {
        let mut v: Vec<LineKey<K>> = v
            .iter()
            .cloned()
            .map(|mut k| {
                k.quantity = k.quantity.normalize();
                k.amount = k.amount.normalize();
                k
            })
            .collect();
        v.sort();
        v
    };
    norm(a) == norm(b)
}

/// Each person's total of `lines` (`(person, amount)`).
pub fn totals_by_person<K: Ord + Clone>(lines: &[(K, Decimal)]) -> BTreeMap<K, Decimal> {
    let mut out = BTreeMap::new();
    for (person, amount) in lines {
        *out.entry(person.clone()).or_insert(Decimal::ZERO) += *amount;
    }
    out
}

/// A person whose total changed between two runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference<K> {
    /// The person.
    pub person: K,
    /// Their total in the previous run (0 if none).
    pub previous: Decimal,
    /// Their total in the new run (0 if none).
    pub new: Decimal,
    /// `new − previous`.
    pub change: Decimal,
}

/// The people whose totals differ between `previous` and `new`, in person
/// order; people whose totals are the same are not listed.
pub fn differences<K: Ord + Clone>(
    previous: &BTreeMap<K, Decimal>,
    new: &BTreeMap<K, Decimal>,
) -> Vec<Difference<K>> {
    let mut people: Vec<&K> = previous.keys().chain(new.keys()).collect();
    people.sort();
    people.dedup();
    people
        .into_iter()
        .filter_map(|p| {
            let before = previous.get(p).copied().unwrap_or(Decimal::ZERO);
            let after = new.get(p).copied().unwrap_or(Decimal::ZERO);
            (before != after).then(|| Difference {
                person: p.clone(),
                previous: before,
                new: after,
                change: after - before,
            })
        })
        .collect()
}

/// The CSV export's separator: a semicolon, because Excel in the Lithuanian
/// locale uses the comma as the decimal separator and the semicolon as the
/// list separator, so it opens such a file into columns with a double click.
pub const CSV_SEPARATOR: char = ';';

/// The byte-order mark that makes Excel read the file as UTF-8 (without it,
/// Lithuanian letters come out garbled).
pub const CSV_BOM: &str = "\u{feff}";

/// The export's columns, in order.
pub const EXPORT_COLUMNS: [&str; 10] = [
    "asmens_kodas",
    "vardas_pavarde",
    "paslauga",
    "laikotarpis",
    "kiekis",
    "vienetas",
    "suma_eur",
    "taisykle",
    "saltinis",
    "saltinio_id",
];

/// A field of a CSV row: quoted when it holds the separator, a quote or a
/// line break (quotes doubled).
pub fn csv_field(text: &str) -> String {
    if text.contains([CSV_SEPARATOR, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// An amount as exported: two decimals with a decimal comma (`12,30`), as
/// the Lithuanian locale reads numbers.
pub fn csv_amount(amount: Decimal) -> String {
    let mut a = crate::fees::round_money(amount);
    a.rescale(2);
    a.to_string().replace('.', ",")
}

/// A quantity as exported: as few decimals as it needs, decimal comma.
pub fn csv_quantity(quantity: Decimal) -> String {
    quantity.normalize().to_string().replace('.', ",")
}

/// One CSV line (with its `\r\n`) of `fields`.
pub fn csv_row<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(&CSV_SEPARATOR.to_string());
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn key(person: u32, amount: Decimal) -> LineKey<u32> {
        LineKey {
            person,
            service: "group_living_long_term".into(),
            source: ChargeSource::Stay,
            source_id: person,
            quantity: dec!(30),
            amount,
        }
    }

    #[test]
    fn same_lines_ignore_order_and_scale() {
        let a = vec![key(1, dec!(480.00)), key(2, dec!(100))];
        let b = vec![key(2, dec!(100.00)), key(1, dec!(480))];
        assert!(same_lines(&a, &b));
        assert!(!same_lines(&a, &[key(1, dec!(480))]));
        assert!(!same_lines(&a, &[key(1, dec!(480)), key(2, dec!(100.01))]));
    }

    #[test]
    fn differences_list_only_people_whose_total_changed() {
        let before = totals_by_person(&[(1, dec!(480)), (2, dec!(100)), (3, dec!(5))]);
        let after = totals_by_person(&[(1, dec!(457.60)), (2, dec!(100)), (4, dec!(7))]);
        let d = differences(&before, &after);
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].person, 1);
        assert_eq!(d[0].change, dec!(-22.40));
        assert_eq!((d[1].person, d[1].new), (3, Decimal::ZERO));
        assert_eq!((d[2].person, d[2].previous), (4, Decimal::ZERO));
    }

    #[test]
    fn r_fee_12_free_services_and_zero_amounts_are_never_charged() {
        assert!(!is_chargeable(true, dec!(10)));
        assert!(!is_chargeable(false, Decimal::ZERO));
        assert!(is_chargeable(false, dec!(0.01)));
    }

    #[test]
    fn r_fee_11_a_refund_is_a_credit_unless_the_service_is_free() {
        assert!(is_credit(false, dec!(-29)));
        assert!(is_credit(false, dec!(-15)));
        assert!(!is_credit(true, dec!(-15)));
        assert!(!is_credit(false, Decimal::ZERO));
        assert!(!is_credit(false, dec!(72)));
        assert!(!is_chargeable(false, dec!(-15)), "a refund is not a charge");
    }

    #[test]
    fn csv_rows_use_semicolons_decimal_commas_and_quote_when_needed() {
        assert_eq!(csv_amount(dec!(457.6)), "457,60");
        assert_eq!(csv_amount(dec!(0.005)), "0,01");
        assert_eq!(csv_quantity(dec!(30.00)), "30");
        assert_eq!(csv_row(&["a", "b;c", "d\"e"]), "a;\"b;c\";\"d\"\"e\"\r\n");
    }
}
