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
    /// Movement dysfunction (judėjimo funkcijų sutrikimas), from a doctor's
    /// or the disability service's record (R-EL-4).
    MovementDysfunction,
    /// Special need of transport cost compensation (specialusis transporto
    /// išlaidų kompensavimo poreikis, R-EL-4).
    SpecialTransportNeed,
    /// Intellectual or mental disability (proto ar psichikos negalia, R-EL-5).
    IntellectualOrMentalDisability,
    /// Physical independence (fizinis savarankiškumas): `independent`,
    /// `partially_independent` or `dependent` (R-EL-5).
    PhysicalIndependence,
    /// Returned from a prison or a social rehabilitation institution
    /// (pažyma apie paleidimą; meal coupons, R-EL-3).
    ReturnedFromPrisonOrRehabilitation,
    /// In the register of people without a residence (gyvenamosios vietos
    /// neturinčių asmenų apskaita; meal coupons, R-EL-3).
    HomelessRegister,
}

impl CertificateKind {
    /// Every kind.
    pub const ALL: [CertificateKind; 12] = [
        CertificateKind::DisabilityLevel,
        CertificateKind::WorkingCapacity,
        CertificateKind::SpecialNeedsLevel,
        CertificateKind::PermanentNursingNeed,
        CertificateKind::PermanentCareNeed,
        CertificateKind::Pensioner,
        CertificateKind::MovementDysfunction,
        CertificateKind::SpecialTransportNeed,
        CertificateKind::IntellectualOrMentalDisability,
        CertificateKind::PhysicalIndependence,
        CertificateKind::ReturnedFromPrisonOrRehabilitation,
        CertificateKind::HomelessRegister,
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
            CertificateKind::MovementDysfunction => "movement_dysfunction",
            CertificateKind::SpecialTransportNeed => "special_transport_need",
            CertificateKind::IntellectualOrMentalDisability => "intellectual_or_mental_disability",
            CertificateKind::PhysicalIndependence => "physical_independence",
            CertificateKind::ReturnedFromPrisonOrRehabilitation => {
                "returned_from_prison_or_rehabilitation"
            }
            CertificateKind::HomelessRegister => "homeless_register",
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
            (
                CertificateKind::PhysicalIndependence,
                Some("independent" | "partially_independent" | "dependent"),
            ) => Ok(()),
            (CertificateKind::PhysicalIndependence, _) => {
                Err("the independence is independent, partially_independent or dependent")
            }
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
        // R-EL-3: meal coupons. S4's groups: people back from a prison or a
        // social rehabilitation institution (30 coupons by the director);
        // people without the right to a social benefit who need urgent help
        // for poverty or homelessness; the ill (oncology and others) with
        // income per member ≤ 1.5 VRP; others by the commission.
        "R-EL-3" => {
            if facts.has(CertificateKind::ReturnedFromPrisonOrRehabilitation) {
                vec![hint(rule, Met, "returned_from_prison")]
            } else if facts.has(CertificateKind::HomelessRegister) {
                vec![hint(rule, Met, "homeless")]
            } else {
                vec![
                    income_below(rule, facts, Decimal::new(15, 1), true),
                    hint(rule, Unknown, "other_groups_by_commission"),
                ]
            }
        }
        // R-EL-4: transport — S4's groups: a special transport need; or a
        // movement dysfunction together with a disability (children: a
        // disability level), working capacity 0–55 % or a high or medium
        // special-needs level. A pensioner certificate or a low level alone
        // is not enough; the other groups (the centre's clients, people
        // driven home from the hospital, others by decision) are the
        // social worker's judgement.
        "R-EL-4" => {
            if facts.has(CertificateKind::SpecialTransportNeed) {
                return vec![hint(rule, Met, "special_transport_need")];
            }
            let capacity = facts
                .value(CertificateKind::WorkingCapacity)
                .and_then(|v| v.parse::<u8>().ok())
                .is_some_and(|pct| pct <= 55);
            let needs = matches!(
                facts.value(CertificateKind::SpecialNeedsLevel),
                Some("high" | "medium")
            );
            let qualifying = facts.has(CertificateKind::DisabilityLevel) || capacity || needs;
            let movement = facts.has(CertificateKind::MovementDysfunction);
            vec![match (qualifying, movement) {
                (true, true) => hint(rule, Met, "movement_dysfunction_and_certificate"),
                (true, false) => hint(rule, Unknown, "no_movement_dysfunction"),
                (false, _) => hint(rule, Unknown, "group_needs_assessment"),
            }]
        }
        // R-EL-5: group living home — elderly people or adults with an
        // intellectual or mental disability, whose physical independence is
        // at least partial ("ne mažesnis, kaip iš dalies savarankiškas");
        // living in the municipality.
        "R-EL-5" => {
            let group = match facts.age {
                Some(age) if age < 18 => hint(rule, NotMet, "minor"),
                _ if facts.has(CertificateKind::IntellectualOrMentalDisability) => {
                    hint(rule, Met, "intellectual_or_mental_disability")
                }
                _ if facts.has(CertificateKind::Pensioner) => hint(rule, Met, "pensioner"),
                _ => hint(rule, Unknown, "disability_needs_assessment"),
            };
            let independence = match facts.value(CertificateKind::PhysicalIndependence) {
                Some("independent" | "partially_independent") => {
                    hint(rule, Met, "at_least_partially_independent")
                }
                Some(_) => hint(rule, NotMet, "physically_dependent"),
                None => hint(rule, Unknown, "independence_unknown"),
            };
            vec![group, independence, residence(rule, facts)]
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

    fn outcomes(rule: &str, facts: &PersonFacts) -> Vec<(HintOutcome, String)> {
        hints(rule, facts)
            .into_iter()
            .map(|h| (h.outcome, h.reason))
            .collect()
    }

    #[test]
    fn r_el_4_transport_needs_movement_dysfunction_and_high_or_medium_level() {
        let with = |certs: Vec<Certificate>| PersonFacts {
            age: Some(70),
            certificates: certs,
            ..Default::default()
        };
        let movement = || cert(CertificateKind::MovementDysfunction, None);
        // A pensioner certificate alone is not enough.
        let pensioner = with(vec![cert(CertificateKind::Pensioner, None)]);
        assert_eq!(hints("R-EL-4", &pensioner)[0].outcome, HintOutcome::Unknown);
        // High or medium special needs with a movement dysfunction.
        for level in ["high", "medium"] {
            let facts = with(vec![
                cert(CertificateKind::SpecialNeedsLevel, Some(level)),
                movement(),
            ]);
            assert_eq!(
                hints("R-EL-4", &facts)[0].outcome,
                HintOutcome::Met,
                "{level}"
            );
        }
        // A low level does not qualify, with or without the dysfunction.
        let low = with(vec![
            cert(CertificateKind::SpecialNeedsLevel, Some("low")),
            movement(),
        ]);
        assert_eq!(hints("R-EL-4", &low)[0].outcome, HintOutcome::Unknown);
        // A high level without a movement dysfunction is not enough.
        let high_only = with(vec![cert(CertificateKind::SpecialNeedsLevel, Some("high"))]);
        assert_eq!(
            outcomes("R-EL-4", &high_only),
            [(HintOutcome::Unknown, "no_movement_dysfunction".to_owned())]
        );
        // Working capacity 30–55 % or 0–25 % with the dysfunction.
        for pct in ["0", "25", "30", "55"] {
            let facts = with(vec![
                cert(CertificateKind::WorkingCapacity, Some(pct)),
                movement(),
            ]);
            assert_eq!(
                hints("R-EL-4", &facts)[0].outcome,
                HintOutcome::Met,
                "{pct}"
            );
        }
        let at_60 = with(vec![
            cert(CertificateKind::WorkingCapacity, Some("60")),
            movement(),
        ]);
        assert_eq!(hints("R-EL-4", &at_60)[0].outcome, HintOutcome::Unknown);
        // A disabled child with a movement dysfunction.
        let child = PersonFacts {
            age: Some(9),
            certificates: vec![
                cert(CertificateKind::DisabilityLevel, Some("moderate")),
                movement(),
            ],
            ..Default::default()
        };
        assert_eq!(hints("R-EL-4", &child)[0].outcome, HintOutcome::Met);
        // A special transport need is enough by itself.
        let special = with(vec![cert(CertificateKind::SpecialTransportNeed, None)]);
        assert_eq!(hints("R-EL-4", &special)[0].outcome, HintOutcome::Met);
        assert_eq!(
            hints("R-EL-4", &PersonFacts::default())[0].outcome,
            HintOutcome::Unknown
        );
    }

    #[test]
    fn r_el_5_group_living_home_needs_at_least_partial_physical_independence() {
        let minor = PersonFacts {
            age: Some(15),
            lives_in_municipality: Some(true),
            ..Default::default()
        };
        assert_eq!(hints("R-EL-5", &minor)[0].outcome, HintOutcome::NotMet);
        // A pensioner certificate alone is not enough: independence unknown.
        let pensioner = PersonFacts {
            age: Some(80),
            certificates: vec![cert(CertificateKind::Pensioner, None)],
            lives_in_municipality: Some(true),
            ..Default::default()
        };
        let h = outcomes("R-EL-5", &pensioner);
        assert_eq!(h[0].0, HintOutcome::Met);
        assert_eq!(
            h[1],
            (HintOutcome::Unknown, "independence_unknown".to_owned())
        );
        assert!(h.iter().any(|(o, _)| *o != HintOutcome::Met));
        let independence = |value: &str| PersonFacts {
            certificates: vec![
                cert(CertificateKind::Pensioner, None),
                cert(CertificateKind::PhysicalIndependence, Some(value)),
            ],
            ..pensioner.clone()
        };
        for ok in ["independent", "partially_independent"] {
            assert!(
                hints("R-EL-5", &independence(ok))
                    .iter()
                    .all(|h| h.outcome == HintOutcome::Met),
                "{ok}"
            );
        }
        assert_eq!(
            outcomes("R-EL-5", &independence("dependent"))[1],
            (HintOutcome::NotMet, "physically_dependent".to_owned())
        );
        // An adult with a mental disability, partially independent, elsewhere.
        let adult = PersonFacts {
            age: Some(40),
            certificates: vec![
                cert(CertificateKind::IntellectualOrMentalDisability, None),
                cert(
                    CertificateKind::PhysicalIndependence,
                    Some("partially_independent"),
                ),
            ],
            lives_in_municipality: Some(false),
            ..Default::default()
        };
        let h = hints("R-EL-5", &adult);
        assert_eq!(
            (h[0].outcome, h[1].outcome, h[2].outcome),
            (HintOutcome::Met, HintOutcome::Met, HintOutcome::NotMet)
        );
        // An adult without either group is for the social worker.
        let other = PersonFacts {
            age: Some(40),
            ..Default::default()
        };
        assert_eq!(hints("R-EL-5", &other)[0].outcome, HintOutcome::Unknown);
    }

    #[test]
    fn r_el_3_meal_coupons_have_their_own_groups() {
        let vrp = Some(dec!(221));
        let back = PersonFacts {
            certificates: vec![cert(
                CertificateKind::ReturnedFromPrisonOrRehabilitation,
                None,
            )],
            income_per_member: Some(dec!(900)),
            vrp,
            ..Default::default()
        };
        assert_eq!(
            outcomes("R-EL-3", &back),
            [(HintOutcome::Met, "returned_from_prison".to_owned())]
        );
        let homeless = PersonFacts {
            certificates: vec![cert(CertificateKind::HomelessRegister, None)],
            ..Default::default()
        };
        assert_eq!(hints("R-EL-3", &homeless)[0].reason, "homeless");
        // Above the limit of the ill, the commission may still grant them.
        let above = PersonFacts {
            income_per_member: Some(dec!(400)),
            vrp,
            ..Default::default()
        };
        assert_eq!(
            outcomes("R-EL-3", &above),
            [
                (HintOutcome::NotMet, "income_above_limit".to_owned()),
                (
                    HintOutcome::Unknown,
                    "other_groups_by_commission".to_owned()
                )
            ]
        );
    }

    #[test]
    fn physical_independence_values() {
        let k = CertificateKind::PhysicalIndependence;
        assert!(k.check_value(Some("partially_independent")).is_ok());
        assert!(k.check_value(Some("partly")).is_err());
        assert!(k.check_value(None).is_err());
        for kind in CertificateKind::ALL {
            assert_eq!(CertificateKind::parse(kind.as_str()), Some(kind));
        }
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
