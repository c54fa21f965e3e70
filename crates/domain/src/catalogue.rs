//! The service catalogue as data: every service type of S4 with its place in
//! the national catalogue, the eligibility rule for its recipients, the
//! documents an application needs (R-EL-6), the decision deadline (R-DL-*),
//! whether it is free (R-FEE-12) and whether it has places and a queue
//! (R-Q-1). [`default_catalogue`] is the seed each municipality gets; an
//! administrator edits the municipality's copy.

use crate::calendar::{DeadlineRule, DeadlineUnit};
use serde::{Deserialize, Serialize};

/// The group of the national catalogue of social services (order A1-93).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CatalogueGroup {
    /// General social services (bendrosios socialinės paslaugos).
    GeneralServices,
    /// Social supervision (socialinė priežiūra).
    SocialSupervision,
    /// Social care (socialinė globa).
    SocialCare,
}

/// From which event a decision deadline runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStart {
    /// The application was received.
    ApplicationReceived,
    /// The needs-assessment conclusions reached the municipality.
    AssessmentSubmitted,
    /// The file reached the Social Support Division (ready for decision).
    FilesReceived,
}

/// A decision deadline: how long, and from when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DecisionDeadline {
    /// Days.
    pub amount: u32,
    /// Calendar or working days.
    pub unit: DeadlineUnit,
    /// The event that starts it.
    pub from: DeadlineStart,
}

impl DecisionDeadline {
    /// The deadline rule.
    pub fn rule(&self) -> DeadlineRule {
        DeadlineRule {
            amount: self.amount,
            unit: self.unit,
        }
    }
}

/// A document an application of this type needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DocumentSpec {
    /// Stable code, e.g. `identity_document`.
    pub code: String,
    /// Lithuanian name.
    pub name_lt: String,
    /// English name.
    pub name_en: String,
}

/// The RULES.md rule that sets a paid service's fee. Stored in the spec as
/// the rule's name (e.g. `"R-FEE-1"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FeeRule {
    /// Home help and other social supervision: from income and hours
    /// (calculated by [`crate::fees::home_help_fee`]).
    #[serde(rename = "R-FEE-1")]
    Rfee1,
    /// R-FEE-5 (set at delivery).
    #[serde(rename = "R-FEE-5")]
    Rfee5,
    /// R-FEE-8 (set at delivery).
    #[serde(rename = "R-FEE-8")]
    Rfee8,
    /// R-FEE-10 (set at delivery).
    #[serde(rename = "R-FEE-10")]
    Rfee10,
}

impl FeeRule {
    /// Whether the fee is calculated when the decision is prepared (from
    /// income and hours); otherwise it is set at delivery.
    pub fn is_calculated_at_decision(self) -> bool {
        self == FeeRule::Rfee1
    }
}

/// One service type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceTypeSpec {
    /// Stable code, e.g. `home_help`.
    pub code: String,
    /// Lithuanian name.
    pub name_lt: String,
    /// English name.
    pub name_en: String,
    /// National catalogue group.
    pub group: CatalogueGroup,
    /// The RULES.md rule that says who may receive it (e.g. `R-EL-1`).
    pub eligibility_rule: Option<String>,
    /// Documents the application needs (R-EL-6).
    pub required_documents: Vec<DocumentSpec>,
    /// When the decision is due.
    pub decision_deadline: DecisionDeadline,
    /// Given free of charge (R-FEE-12).
    pub free: bool,
    /// Has a limited number of places and a queue (R-Q-1).
    pub has_places: bool,
    /// The RULES.md rule that sets its fee, if it is paid (e.g. `R-FEE-1`).
    pub fee_rule: Option<FeeRule>,
}

fn doc(code: &str, name_lt: &str, name_en: &str) -> DocumentSpec {
    DocumentSpec {
        code: code.into(),
        name_lt: name_lt.into(),
        name_en: name_en.into(),
    }
}

fn application_form() -> DocumentSpec {
    doc(
        "sp8_application",
        "Prašymas-paraiška socialinėms paslaugoms gauti (SP-8)",
        "Application for social services (SP-8)",
    )
}
fn identity() -> DocumentSpec {
    doc(
        "identity_document",
        "Asmens tapatybę patvirtinantis dokumentas",
        "Identity document",
    )
}
fn residence() -> DocumentSpec {
    doc(
        "declared_residence",
        "Pažyma apie deklaruotą gyvenamąją vietą (arba gyvenamosios vietos neturinčių asmenų apskaitą)",
        "Certificate of declared residence (or of the register of people without a residence)",
    )
}
fn income() -> DocumentSpec {
    doc(
        "income_3_months",
        "Pažymos apie asmens (šeimos) pajamas per 3 mėnesius iki kreipimosi",
        "Income certificates of the person (family) for the 3 months before applying",
    )
}
fn disability_or_pensioner() -> DocumentSpec {
    doc(
        "disability_or_pensioner_certificate",
        "Neįgaliojo ar pensininko pažymėjimas",
        "Disability or pensioner certificate",
    )
}
fn medical_extract() -> DocumentSpec {
    doc(
        "medical_extract_027a",
        "Medicininių dokumentų išrašas (forma 027/a)",
        "Medical extract (form 027/a)",
    )
}
fn capacity_or_needs() -> DocumentSpec {
    doc(
        "capacity_or_special_needs",
        "Darbingumo lygio, neįgalumo, specialiojo nuolatinės slaugos ar priežiūros poreikio nustatymo pažyma",
        "Certificate of working capacity, disability, or special need of permanent nursing or care",
    )
}

/// P: the deadline where S4 names none — 30 calendar days from the day the
/// division receives the file.
const DEFAULT_DEADLINE: DecisionDeadline = DecisionDeadline {
    amount: 30,
    unit: DeadlineUnit::CalendarDays,
    from: DeadlineStart::FilesReceived,
};

/// The service types of S4, as seeded for a municipality.
///
/// Deadlines: R-DL-1 home help (14 calendar days from the assessment's
/// submission to the municipality); R-DL-2 children's day centre (10 working
/// days from the files); the others are S4-silent and use the product
/// default of 30 calendar days from the files (P). Free: R-FEE-12.
pub fn default_catalogue() -> Vec<ServiceTypeSpec> {
    use CatalogueGroup::*;
    let rule = |s: &str| Some(s.to_owned());
    vec![
        ServiceTypeSpec {
            code: "home_help".into(),
            name_lt: "Pagalba į namus".into(),
            name_en: "Home help".into(),
            group: SocialSupervision,
            eligibility_rule: None,
            required_documents: vec![
                application_form(),
                identity(),
                disability_or_pensioner(),
                medical_extract(),
                residence(),
                income(),
                capacity_or_needs(),
            ],
            decision_deadline: DecisionDeadline {
                amount: 14,
                unit: DeadlineUnit::CalendarDays,
                from: DeadlineStart::AssessmentSubmitted,
            },
            free: false,
            has_places: false,
            fee_rule: Some(FeeRule::Rfee1),
        },
        ServiceTypeSpec {
            code: "respite".into(),
            name_lt: "Laikino atokvėpio paslauga".into(),
            name_en: "Respite".into(),
            group: SocialSupervision,
            eligibility_rule: rule("R-EL-1"),
            required_documents: vec![
                application_form(),
                identity(),
                doc(
                    "disability_or_capacity_certificate",
                    "Neįgalumo lygio arba darbingumo lygio pažyma",
                    "Disability level or working capacity certificate",
                ),
                doc(
                    "daily_routine",
                    "Tikslinės grupės asmens įprastinė dienotvarkė",
                    "The person's usual daily routine",
                ),
            ],
            decision_deadline: DEFAULT_DEADLINE,
            free: false,
            has_places: false,
            fee_rule: Some(FeeRule::Rfee1),
        },
        ServiceTypeSpec {
            code: "transport".into(),
            name_lt: "Transporto paslaugos organizavimas".into(),
            name_en: "Transport".into(),
            group: GeneralServices,
            eligibility_rule: rule("R-EL-4"),
            required_documents: vec![
                application_form(),
                identity(),
                residence(),
                disability_or_pensioner(),
                capacity_or_needs(),
                doc(
                    "trip_necessity",
                    "Dokumentas, įrodantis vykimo reikalingumą (siuntimas 027/a ar kt.)",
                    "Document showing the trip is needed (referral 027/a or other)",
                ),
                income(),
            ],
            decision_deadline: DecisionDeadline {
                amount: 5,
                unit: DeadlineUnit::WorkingDays,
                from: DeadlineStart::ApplicationReceived,
            },
            free: false,
            has_places: false,
            fee_rule: Some(FeeRule::Rfee5),
        },
        ServiceTypeSpec {
            code: "meal_coupons".into(),
            name_lt: "Nemokamo maitinimo talonai".into(),
            name_en: "Meal coupons".into(),
            group: GeneralServices,
            eligibility_rule: rule("R-EL-3"),
            required_documents: vec![
                application_form(),
                identity(),
                income(),
                doc(
                    "family_composition",
                    "Pažyma apie šeimos sudėtį",
                    "Certificate of family composition",
                ),
            ],
            decision_deadline: DEFAULT_DEADLINE,
            free: true,
            has_places: false,
            fee_rule: None,
        },
        ServiceTypeSpec {
            code: "meals".into(),
            name_lt: "Maitinimo organizavimas".into(),
            name_en: "Meals".into(),
            group: GeneralServices,
            eligibility_rule: rule("R-EL-2"),
            required_documents: vec![application_form(), identity(), income()],
            decision_deadline: DEFAULT_DEADLINE,
            free: true,
            has_places: false,
            fee_rule: None,
        },
        ServiceTypeSpec {
            code: "technical_aids".into(),
            name_lt: "Techninės pagalbos priemonės".into(),
            name_en: "Technical aids".into(),
            group: GeneralServices,
            eligibility_rule: None,
            required_documents: vec![
                application_form(),
                medical_extract(),
                identity(),
                residence(),
                doc(
                    "disability_or_special_needs",
                    "Neįgalumo pažymėjimas, specialiųjų poreikių nustatymo pažyma arba pensijos gavėjo pažymėjimas",
                    "Disability, special needs or pension certificate",
                ),
            ],
            decision_deadline: DEFAULT_DEADLINE,
            free: false,
            has_places: false,
            fee_rule: Some(FeeRule::Rfee10),
        },
        ServiceTypeSpec {
            code: "overnight_shelter".into(),
            name_lt: "Laikinas apnakvindinimas".into(),
            name_en: "Temporary overnight shelter".into(),
            group: SocialSupervision,
            eligibility_rule: None,
            required_documents: vec![
                application_form(),
                identity(),
                residence(),
                disability_or_pensioner(),
            ],
            decision_deadline: DecisionDeadline {
                amount: 2,
                unit: DeadlineUnit::CalendarDays,
                from: DeadlineStart::ApplicationReceived,
            },
            free: true,
            has_places: true,
            fee_rule: None,
        },
        ServiceTypeSpec {
            code: "children_day_centre".into(),
            name_lt: "Vaikų dienos socialinė priežiūra (vaikų dienos centras)".into(),
            name_en: "Children's day care (children's day centre)".into(),
            group: SocialSupervision,
            eligibility_rule: None,
            required_documents: vec![application_form(), identity()],
            decision_deadline: DecisionDeadline {
                amount: 10,
                unit: DeadlineUnit::WorkingDays,
                from: DeadlineStart::FilesReceived,
            },
            free: true,
            has_places: true,
            fee_rule: None,
        },
        ServiceTypeSpec {
            code: "group_living_short_term".into(),
            name_lt: "Trumpalaikė socialinė globa grupinio gyvenimo namuose".into(),
            name_en: "Short-term care in the group living home".into(),
            group: SocialCare,
            eligibility_rule: rule("R-EL-5"),
            required_documents: vec![
                application_form(),
                identity(),
                residence(),
                income(),
                doc(
                    "medical_extract_027a_3_months",
                    "Medicininių dokumentų išrašas (forma 027/a), ne senesnis kaip 3 mėnesių",
                    "Medical extract (form 027/a), at most 3 months old",
                ),
            ],
            decision_deadline: DEFAULT_DEADLINE,
            free: false,
            has_places: true,
            fee_rule: Some(FeeRule::Rfee8),
        },
        ServiceTypeSpec {
            code: "group_living_long_term".into(),
            name_lt: "Ilgalaikė socialinė globa grupinio gyvenimo namuose".into(),
            name_en: "Long-term care in the group living home".into(),
            group: SocialCare,
            eligibility_rule: rule("R-EL-5"),
            required_documents: vec![
                application_form(),
                identity(),
                residence(),
                income(),
                doc(
                    "medical_extract_027a_3_months",
                    "Medicininių dokumentų išrašas (forma 027/a), ne senesnis kaip 3 mėnesių",
                    "Medical extract (form 027/a), at most 3 months old",
                ),
                doc(
                    "assets_declaration",
                    "Turto deklaracija",
                    "Declaration of assets",
                ),
            ],
            decision_deadline: DEFAULT_DEADLINE,
            free: false,
            has_places: true,
            fee_rule: Some(FeeRule::Rfee8),
        },
        ServiceTypeSpec {
            code: "social_skills".into(),
            name_lt: "Socialinių įgūdžių ugdymo, palaikymo ir (ar) atkūrimo paslaugos šeimoms"
                .into(),
            name_en: "Social skills services for families".into(),
            group: SocialSupervision,
            eligibility_rule: rule("R-CM-5"),
            required_documents: vec![application_form()],
            decision_deadline: DEFAULT_DEADLINE,
            free: true,
            has_places: false,
            fee_rule: None,
        },
        ServiceTypeSpec {
            code: "reintegration_after_prison".into(),
            name_lt: "Socialinė integracija grįžus iš įkalinimo įstaigos".into(),
            name_en: "Reintegration after prison".into(),
            group: GeneralServices,
            eligibility_rule: None,
            required_documents: vec![
                application_form(),
                identity(),
                doc(
                    "release_certificate",
                    "Pažyma iš įkalinimo įstaigos (apie paleidimą)",
                    "Certificate of release from the prison",
                ),
            ],
            decision_deadline: DEFAULT_DEADLINE,
            free: true,
            has_places: false,
            fee_rule: None,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(code: &str) -> ServiceTypeSpec {
        default_catalogue()
            .into_iter()
            .find(|s| s.code == code)
            .unwrap()
    }

    #[test]
    fn catalogue_has_every_service_of_s4_once() {
        let codes: Vec<String> = default_catalogue().into_iter().map(|s| s.code).collect();
        assert_eq!(codes.len(), 12);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
        for spec in default_catalogue() {
            assert!(
                spec.required_documents
                    .iter()
                    .any(|d| d.code == "sp8_application"),
                "{}",
                spec.code
            );
        }
    }

    #[test]
    fn r_dl_1_home_help_deadline_is_14_calendar_days_from_the_assessment() {
        let d = find("home_help").decision_deadline;
        assert_eq!(
            (d.amount, d.unit, d.from),
            (
                14,
                DeadlineUnit::CalendarDays,
                DeadlineStart::AssessmentSubmitted
            )
        );
    }

    #[test]
    fn r_dl_2_childrens_day_centre_deadline_is_10_working_days_from_the_files() {
        let d = find("children_day_centre").decision_deadline;
        assert_eq!(
            (d.amount, d.unit, d.from),
            (10, DeadlineUnit::WorkingDays, DeadlineStart::FilesReceived)
        );
    }

    #[test]
    fn r_fee_12_free_services() {
        for code in [
            "overnight_shelter",
            "children_day_centre",
            "social_skills",
            "reintegration_after_prison",
            "meals",
            "meal_coupons",
        ] {
            assert!(find(code).free, "{code}");
        }
        for code in [
            "home_help",
            "transport",
            "technical_aids",
            "group_living_long_term",
        ] {
            assert!(!find(code).free, "{code}");
        }
    }

    #[test]
    fn r_q_1_services_with_places() {
        for code in [
            "group_living_short_term",
            "group_living_long_term",
            "children_day_centre",
            "overnight_shelter",
        ] {
            assert!(find(code).has_places, "{code}");
        }
        assert!(!find("home_help").has_places);
    }

    #[test]
    fn catalogue_round_trips_through_json() {
        let json = serde_json_roundtrip(&default_catalogue());
        assert_eq!(json, default_catalogue());
    }

    fn serde_json_roundtrip(specs: &[ServiceTypeSpec]) -> Vec<ServiceTypeSpec> {
        // The API stores each spec as JSON.
        let text = serde_json::to_string(specs).unwrap();
        serde_json::from_str(&text).unwrap()
    }
}
