//! Who may receive a service (R-EL-1 … R-EL-5, R-CM-5), as hints for the
//! intake form: each rule says met, not met, or unknown (data missing). The
//! hints never block an application; the decision is the division's.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// A kind of certificate a person can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CertificateKind {
    /// Disability level (children; neįgalumo lygis).
    DisabilityLevel,
    /// Working capacity, a percentage (darbingumo lygis).
    WorkingCapacity,
    /// Special needs level: `high`, `medium` or `low` (specialiųjų poreikių lygis).
    SpecialNeedsLevel,
    /// Special need of permanent nursing.
    PermanentNursingNeed,
    /// Special need of permanent care (assistance).
    PermanentCareNeed,
    /// Pensioner.
    Pensioner,
}

impl CertificateKind {
    /// Every kind.
    pub const ALL: [CertificateKind; 6] = [
        CertificateKind::DisabilityLevel,
        CertificateKind::WorkingCapacity,
        CertificateKind::SpecialNeedsLevel,
        CertificateKind::PermanentNursingNeed,
        CertificateKind::PermanentCareNeed,
        CertificateKind::Pensioner,
    ];

    /// The code as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            CertificateKind::DisabilityLevel => "disability_level",
            CertificateKind::WorkingCapacity => "working_capacity",
            CertificateKind::SpecialNeedsLevel => "special_needs_level",
            CertificateKind::PermanentNursingNeed => "permanent_nursing_need",
            CertificateKind::PermanentCareNeed => "permanent_care_need",
            CertificateKind::Pensioner => "pensioner",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// Whether the certificate carries a value, and which values are valid.
    pub fn check_value(self, value: Option<&str>) -> Result<(), &'static str> {
        match (self, value) {
            (CertificateKind::WorkingCapacity, Some(v)) => match v.trim().parse::<u8>() {
                Ok(pct) if pct <= 100 && pct % 5 == 0 => Ok(()),
                _ => Err("a working capacity is a percentage 0–100 in steps of 5"),
            },
            (CertificateKind::WorkingCapacity, None) => Err("give the working capacity percentage"),
            (CertificateKind::SpecialNeedsLevel, Some("high" | "medium" | "low")) => Ok(()),
            (CertificateKind::SpecialNeedsLevel, _) => Err("the level is high, medium or low"),
            (CertificateKind::DisabilityLevel, Some("severe" | "moderate" | "mild")) => Ok(()),
            (CertificateKind::DisabilityLevel, _) => Err("the level is severe, moderate or mild"),
            (_, _) => Ok(()),
        }
    }
}

/// A certificate with its validity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// What it certifies.
    pub kind: CertificateKind,
    /// The level or percentage.
    pub value: Option<String>,
    /// Valid from.
    pub valid_from: Date,
    /// Valid until (inclusive); `None`: indefinitely.
    pub valid_until: Option<Date>,
}

impl Certificate {
    /// Whether it is valid on `date`.
    pub fn valid_on(&self, date: Date) -> bool {
        self.valid_from <= date && self.valid_until.is_none_or(|until| date <= until)
    }
}

/// What is known of the person (or family) on the reference date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonFacts {
    /// Age in full years, if the birth date is known.
    pub age: Option<u32>,
    /// Certificates valid on the reference date.
    pub certificates: Vec<Certificate>,
    /// Average monthly income per family member, if income is recorded.
    pub income_per_member: Option<Decimal>,
    /// The VRP in force.
    pub vrp: Option<Decimal>,
    /// Whether the declared residence is in the municipality.
    pub lives_in_municipality: Option<bool>,
}

impl PersonFacts {
    fn has(&self, kind: CertificateKind) -> bool {
        self.certificates.iter().any(|c| c.kind == kind)
    }

    fn value(&self, kind: CertificateKind) -> Option<&str> {
        self.certificates
            .iter()
            .find(|c| c.kind == kind)
            .and_then(|c| c.value.as_deref())
    }

    fn permanent_need(&self) -> bool {
        self.has(CertificateKind::PermanentNursingNeed)
            || self.has(CertificateKind::PermanentCareNeed)
    }
}

/// Whether a rule's condition holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HintOutcome {
    /// Met by the recorded data.
    Met,
    /// Not met by the recorded data.
    NotMet,
    /// The data to tell is missing, or the rule needs a social worker's judgement.
    Unknown,
}

/// One eligibility hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityHint {
    /// The rule, e.g. `R-EL-1`.
    pub rule: String,
    /// Met, not met, unknown.
    pub outcome: HintOutcome,
    /// A stable code of the reason, for the translated message.
    pub reason: String,
}

fn hint(rule: &str, outcome: HintOutcome, reason: &str) -> EligibilityHint {
    EligibilityHint {
        rule: rule.into(),
        outcome,
        reason: reason.into(),
    }
}

/// The hints of the eligibility rule `rule` (a catalogue's `eligibility_rule`)
/// for a person. Unknown rules give no hints.
pub fn hints(rule: &str, facts: &PersonFacts) -> Vec<EligibilityHint> {
    use HintOutcome::*;
    match rule {
        // R-EL-1: respite — a child with a disability level, or an adult with
        // working capacity ≤ 55 % or high/medium special needs; and a special
        // need of permanent nursing or care.
        "R-EL-1" => {
            let Some(age) = facts.age else {
                return vec![hint(rule, Unknown, "age_unknown")];
            };
            let condition = if age < 18 {
                facts.has(CertificateKind::DisabilityLevel)
            } else {
                let capacity = facts
                    .value(CertificateKind::WorkingCapacity)
                    .and_then(|v| v.parse::<u8>().ok())
                    .is_some_and(|pct| pct <= 55);
                let needs = matches!(
                    facts.value(CertificateKind::SpecialNeedsLevel),
                    Some("high" | "medium")
                );
                capacity || needs
            };
            match (condition, facts.permanent_need()) {
                (true, true) => vec![hint(rule, Met, "certificates_match")],
                (false, _) => vec![hint(
                    rule,
                    NotMet,
                    if age < 18 {
                        "no_disability_level"
                    } else {
                        "no_capacity_or_needs_level"
                    },
                )],
                (true, false) => vec![hint(rule, NotMet, "no_permanent_need")],
            }
        }
        // R-EL-2: meals — social benefit, income per member < 2 VRP or no
        // income; one of the listed situations (a social worker's judgement);
        // residence in the municipality.
        "R-EL-2" => vec![
            income_below(rule, facts, Decimal::TWO, false),
            hint(rule, Unknown, "situation_needs_assessment"),
            residence(rule, facts),
        ],
        // R-EL-3: meal coupons for the ill — income per member ≤ 1.5 VRP.
        "R-EL-3" => vec![income_below(rule, facts, Decimal::new(15, 1), true)],
        // R-EL-4: transport — the groups of S4; certificates suggest it, the
        // rest is decided case by case.
        "R-EL-4" => {
            let suggests = facts.has(CertificateKind::DisabilityLevel)
                || facts.has(CertificateKind::SpecialNeedsLevel)
                || facts.has(CertificateKind::Pensioner)
                || facts
                    .value(CertificateKind::WorkingCapacity)
                    .and_then(|v| v.parse::<u8>().ok())
                    .is_some_and(|pct| pct <= 55);
            vec![hint(
                rule,
                if suggests { Met } else { Unknown },
                if suggests {
                    "certificates_match"
                } else {
                    "group_needs_assessment"
                },
            )]
        }
        // R-EL-5: group living home — elderly, or adults with an intellectual
        // or mental disability; living in the municipality.
        "R-EL-5" => {
            let group = match facts.age {
                Some(age) if age < 18 => hint(rule, NotMet, "minor"),
                _ if facts.has(CertificateKind::Pensioner) => hint(rule, Met, "pensioner"),
                _ => hint(rule, Unknown, "disability_needs_assessment"),
            };
            vec![group, residence(rule, facts)]
        }
        // R-CM-5: social skills services — families raising or expecting
        // children at social risk, living in the municipality.
        "R-CM-5" => vec![
            hint(rule, Unknown, "social_risk_needs_case_meeting"),
            residence(rule, facts),
        ],
        _ => Vec::new(),
    }
}

fn income_below(
    rule: &str,
    facts: &PersonFacts,
    multiple: Decimal,
    inclusive: bool,
) -> EligibilityHint {
    match (facts.income_per_member, facts.vrp) {
        (Some(income), Some(vrp)) => {
            let limit = vrp * multiple;
            let ok = if inclusive {
                income <= limit
            } else {
                income < limit
            };
            hint(
                rule,
                if ok {
                    HintOutcome::Met
                } else {
                    HintOutcome::NotMet
                },
                if ok {
                    "income_below_limit"
                } else {
                    "income_above_limit"
                },
            )
        }
        _ => hint(rule, HintOutcome::Unknown, "income_unknown"),
    }
}

fn residence(rule: &str, facts: &PersonFacts) -> EligibilityHint {
    match facts.lives_in_municipality {
        Some(true) => hint(rule, HintOutcome::Met, "lives_in_municipality"),
        Some(false) => hint(rule, HintOutcome::NotMet, "lives_elsewhere"),
        None => hint(rule, HintOutcome::Unknown, "residence_unknown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use time::macros::date;

    fn cert(kind: CertificateKind, value: Option<&str>) -> Certificate {
        Certificate {
            kind,
            value: value.map(str::to_owned),
            valid_from: date!(2024 - 01 - 01),
            valid_until: None,
        }
    }

    #[test]
    fn r_el_1_respite_recipients() {
        let adult = PersonFacts {
            age: Some(70),
            certificates: vec![
                cert(CertificateKind::WorkingCapacity, Some("40")),
                cert(CertificateKind::PermanentCareNeed, None),
            ],
            ..Default::default()
        };
        assert_eq!(hints("R-EL-1", &adult)[0].outcome, HintOutcome::Met);
        let at_55 = PersonFacts {
            certificates: vec![
                cert(CertificateKind::WorkingCapacity, Some("55")),
                cert(CertificateKind::PermanentNursingNeed, None),
            ],
            ..adult.clone()
        };
        assert_eq!(hints("R-EL-1", &at_55)[0].outcome, HintOutcome::Met);
        let at_60 = PersonFacts {
            certificates: vec![
                cert(CertificateKind::WorkingCapacity, Some("60")),
                cert(CertificateKind::PermanentNursingNeed, None),
            ],
            ..adult.clone()
        };
        assert_eq!(hints("R-EL-1", &at_60)[0].outcome, HintOutcome::NotMet);
        let no_need = PersonFacts {
            certificates: vec![cert(CertificateKind::SpecialNeedsLevel, Some("high"))],
            ..adult
        };
        assert_eq!(hints("R-EL-1", &no_need)[0].reason, "no_permanent_need");
        let child = PersonFacts {
            age: Some(9),
            certificates: vec![
                cert(CertificateKind::DisabilityLevel, Some("severe")),
                cert(CertificateKind::PermanentCareNeed, None),
            ],
            ..Default::default()
        };
        assert_eq!(hints("R-EL-1", &child)[0].outcome, HintOutcome::Met);
        assert_eq!(
            hints("R-EL-1", &PersonFacts::default())[0].outcome,
            HintOutcome::Unknown
        );
    }

    #[test]
    fn r_el_2_meals_income_below_two_vrp() {
        let facts = |income| PersonFacts {
            income_per_member: Some(income),
            vrp: Some(dec!(221)),
            lives_in_municipality: Some(true),
            ..Default::default()
        };
        assert_eq!(
            hints("R-EL-2", &facts(dec!(441.99)))[0].outcome,
            HintOutcome::Met
        );
        assert_eq!(
            hints("R-EL-2", &facts(dec!(442)))[0].outcome,
            HintOutcome::NotMet
        );
        assert_eq!(
            hints("R-EL-2", &facts(dec!(0)))[2].outcome,
            HintOutcome::Met
        );
    }

    #[test]
    fn r_el_3_meal_coupons_up_to_one_and_a_half_vrp() {
        let facts = |income| PersonFacts {
            income_per_member: Some(income),
            vrp: Some(dec!(221)),
            ..Default::default()
        };
        assert_eq!(
            hints("R-EL-3", &facts(dec!(331.50)))[0].outcome,
            HintOutcome::Met
        );
        assert_eq!(
            hints("R-EL-3", &facts(dec!(331.51)))[0].outcome,
            HintOutcome::NotMet
        );
        assert_eq!(
            hints("R-EL-3", &PersonFacts::default())[0].outcome,
            HintOutcome::Unknown
        );
    }

    #[test]
    fn r_el_4_transport_certificates_suggest_eligibility() {
        let pensioner = PersonFacts {
            certificates: vec![cert(CertificateKind::Pensioner, None)],
            ..Default::default()
        };
        assert_eq!(hints("R-EL-4", &pensioner)[0].outcome, HintOutcome::Met);
        assert_eq!(
            hints("R-EL-4", &PersonFacts::default())[0].outcome,
            HintOutcome::Unknown
        );
    }

    #[test]
    fn r_el_5_group_living_home_for_adults_of_the_municipality() {
        let minor = PersonFacts {
            age: Some(15),
            lives_in_municipality: Some(true),
            ..Default::default()
        };
        assert_eq!(hints("R-EL-5", &minor)[0].outcome, HintOutcome::NotMet);
        let elderly_elsewhere = PersonFacts {
            age: Some(80),
            certificates: vec![cert(CertificateKind::Pensioner, None)],
            lives_in_municipality: Some(false),
            ..Default::default()
        };
        let h = hints("R-EL-5", &elderly_elsewhere);
        assert_eq!(
            (h[0].outcome, h[1].outcome),
            (HintOutcome::Met, HintOutcome::NotMet)
        );
    }

    #[test]
    fn r_cm_5_social_skills_need_a_case_meeting() {
        let h = hints("R-CM-5", &PersonFacts::default());
        assert_eq!(h[0].outcome, HintOutcome::Unknown);
        assert!(hints("R-XX-9", &PersonFacts::default()).is_empty());
    }

    #[test]
    fn certificates_validity_and_values() {
        let c = Certificate {
            kind: CertificateKind::WorkingCapacity,
            value: Some("40".into()),
            valid_from: date!(2025 - 01 - 01),
            valid_until: Some(date!(2026 - 12 - 31)),
        };
        assert!(c.valid_on(date!(2026 - 12 - 31)));
        assert!(!c.valid_on(date!(2027 - 01 - 01)));
        assert!(!c.valid_on(date!(2024 - 12 - 31)));
        assert!(
            CertificateKind::WorkingCapacity
                .check_value(Some("45"))
                .is_ok()
        );
        assert!(
            CertificateKind::WorkingCapacity
                .check_value(Some("47"))
                .is_err()
        );
        assert!(CertificateKind::WorkingCapacity.check_value(None).is_err());
        assert!(
            CertificateKind::SpecialNeedsLevel
                .check_value(Some("medium"))
                .is_ok()
        );
        assert!(CertificateKind::Pensioner.check_value(None).is_ok());
    }
}
