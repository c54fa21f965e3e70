//! The service catalogue as data: every service type of S4 with its place in
//! the national catalogue, the eligibility rule for its recipients, the
//! documents an application needs (R-EL-6) and those checked only at moving
//! in, the decision deadline (R-DL-1, R-DL-2 or the product default), the
//! deadlines that follow the decision (R-DL-2 hand-over, R-DL-3
//! notification), whether a decision may come before the needs assessment
//! (R-CM-6), whether it is free (R-FEE-12) and whether it has places and a
//! queue (R-Q-1). [`default_catalogue`] is the seed each municipality gets;
//! an administrator edits the municipality's copy.

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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStart {
    /// The application was received.
    ApplicationReceived,
    /// The needs-assessment conclusions reached the municipality.
    AssessmentSubmitted,
    /// The file reached the Social Support Division (ready for decision).
    FilesReceived,
}

/// Which event meets a decision deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineEnd {
    /// The decision is signed (the default).
    #[default]
    DecisionSigned,
    /// R-DL-2: the decision is prepared and submitted for signature
    /// ("parengia … ir pateikia pasirašyti").
    SubmittedForSignature,
}

impl DeadlineEnd {
    fn is_default(&self) -> bool {
        *self == DeadlineEnd::DecisionSigned
    }
}

/// A decision deadline: how long, from when, and what meets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DecisionDeadline {
    /// Days.
    pub amount: u32,
    /// Calendar or working days.
    pub unit: DeadlineUnit,
    /// The event that starts it.
    pub from: DeadlineStart,
    /// The event that meets it (absent in stored rules: the signature).
    #[serde(default, skip_serializing_if = "DeadlineEnd::is_default")]
    pub until: DeadlineEnd,
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
    /// Transport: per trip by km and the income tier, the month under the
    /// 2 VRP floor (R-FEE-4 … R-FEE-7, [`crate::fees::transport_month`]);
    /// charged at delivery.
    #[serde(rename = "R-FEE-5")]
    Rfee5,
    /// Short- and long-term care: a share of income, never above the price
    /// (R-FEE-8, R-FEE-9); charged at delivery.
    #[serde(rename = "R-FEE-8")]
    Rfee8,
    /// Technical aids: a one-time fee at issue (R-FEE-10, R-FEE-11).
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
    /// R-DL-2: the signed decision and the file are handed to the provider
    /// within this term of the decision (children's day care: 3 working
    /// days); `None`: no hand-over is tracked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handover_deadline: Option<DeadlineRule>,
    /// R-DL-3: the person is told of the decision within this term of it
    /// (group living home: 5 working days); `None`: no term is tracked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_deadline: Option<DeadlineRule>,
    /// R-CM-6: the division may decide before the needs assessment where
    /// the person suffers violence or their safety is threatened (accredited
    /// social supervision); the assessment follows, the documents do not
    /// wait.
    #[serde(default)]
    pub decision_before_assessment: bool,
    /// Documents checked when the person moves in, not at application
    /// (e.g. the 027/a extract at most 3 months old for the group living
    /// home, R-EL-5); shown for information, never block a decision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moving_in_documents: Vec<DocumentSpec>,
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

fn medical_extract_3_months() -> DocumentSpec {
    doc(
        "medical_extract_027a_3_months",
        "Medicininių dokumentų išrašas (forma 027/a), išduotas ne daugiau kaip prieš 3 mėnesius iki apsigyvenimo",
        "Medical extract (form 027/a), issued at most 3 months before moving in",
    )
}

/// P: the deadline where S4 names none — 30 calendar days from the day the
/// division receives the file.
pub const DEFAULT_DEADLINE: DecisionDeadline = DecisionDeadline {
    amount: 30,
    unit: DeadlineUnit::CalendarDays,
    from: DeadlineStart::FilesReceived,
    until: DeadlineEnd::DecisionSigned,
};

/// R-DL-2: the signed decision and the file reach the provider within 3
/// working days.
pub const HANDOVER_DEADLINE: DeadlineRule = DeadlineRule::working_days(3);

/// R-DL-3: the person is told of a group living home decision within 5
/// working days.
pub const NOTIFICATION_DEADLINE: DeadlineRule = DeadlineRule::working_days(5);

/// The service types of S4, as seeded for a municipality.
///
/// Decision deadlines from the seed: R-DL-1 home help (14 calendar days
/// from the assessment's submission to the municipality) and R-DL-2
/// children's day care (10 working days from the files to the decision
/// being prepared and submitted for signature). Every other service,
/// transport and the overnight shelter included, has the product default
/// of 30 calendar days from the files (P): S4's "5 working days" for
/// transport is the applicant's lead time before a trip (R-DL-4) and its
/// "two days" for the shelter the window to file the SP-8 after arrival
/// (R-DL-5), both checked where trips and stays are recorded
/// ([`crate::lead_times`]). After the decision: R-DL-2 hand-over to the
/// provider (children's day care), R-DL-3 notification (group living
/// home). R-CM-6 applies to children's day care, the accredited social
/// supervision S4 names it for. Free: R-FEE-12.
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
                until: DeadlineEnd::DecisionSigned,
            },
            handover_deadline: None,
            notification_deadline: None,
            decision_before_assessment: false,
            moving_in_documents: Vec::new(),
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
            handover_deadline: None,
            notification_deadline: None,
            decision_before_assessment: false,
            moving_in_documents: Vec::new(),
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
            decision_deadline: DEFAULT_DEADLINE,
            handover_deadline: None,
            notification_deadline: None,
            decision_before_assessment: false,
            moving_in_documents: Vec::new(),
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
            handover_deadline: None,
            notification_deadline: None,
            decision_before_assessment: false,
            moving_in_documents: Vec::new(),
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
            handover_deadline: None,
            notification_deadline: None,
            decision_before_assessment: false,
            moving_in_documents: Vec::new(),
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
            handover_deadline: None,
            notification_deadline: None,
            decision_before_assessment: false,
            moving_in_documents: Vec::new(),
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
            decision_deadline: DEFAULT_DEADLINE,
            handover_deadline: None,
            notification_deadline: None,
            decision_before_assessment: false,
            moving_in_documents: Vec::new(),
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
                until: DeadlineEnd::SubmittedForSignature,
            },
            handover_deadline: Some(HANDOVER_DEADLINE),
            decision_before_assessment: true,
            notification_deadline: None,
            moving_in_documents: Vec::new(),
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
            required_documents: vec![application_form(), identity(), residence(), income()],
            decision_deadline: DEFAULT_DEADLINE,
            notification_deadline: Some(NOTIFICATION_DEADLINE),
            moving_in_documents: vec![medical_extract_3_months()],
            handover_deadline: None,
            decision_before_assessment: false,
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
            required_documents: vec![application_form(), identity(), residence(), income()],
            decision_deadline: DEFAULT_DEADLINE,
            notification_deadline: Some(NOTIFICATION_DEADLINE),
            moving_in_documents: vec![medical_extract_3_months()],
            handover_deadline: None,
            decision_before_assessment: false,
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
            handover_deadline: None,
            notification_deadline: None,
            decision_before_assessment: false,
            moving_in_documents: Vec::new(),
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
            handover_deadline: None,
            notification_deadline: None,
            decision_before_assessment: false,
            moving_in_documents: Vec::new(),
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
    fn r_dl_2_childrens_day_centre_deadline_is_10_working_days_to_submission_for_signature() {
        let spec = find("children_day_centre");
        let d = spec.decision_deadline;
        assert_eq!(
            (d.amount, d.unit, d.from, d.until),
            (
                10,
                DeadlineUnit::WorkingDays,
                DeadlineStart::FilesReceived,
                DeadlineEnd::SubmittedForSignature
            )
        );
        assert_eq!(spec.handover_deadline, Some(DeadlineRule::working_days(3)));
        // Only children's day care hands the file to a provider.
        for other in default_catalogue()
            .into_iter()
            .filter(|s| s.code != "children_day_centre")
        {
            assert_eq!(other.handover_deadline, None, "{}", other.code);
            assert_eq!(
                other.decision_deadline.until,
                DeadlineEnd::DecisionSigned,
                "{}",
                other.code
            );
        }
    }

    #[test]
    fn r_dl_4_r_dl_5_transport_and_shelter_have_the_default_decision_deadline() {
        for code in ["transport", "overnight_shelter"] {
            assert_eq!(find(code).decision_deadline, DEFAULT_DEADLINE, "{code}");
        }
        // Only home help and children's day care have a deadline from the seed.
        let seeded: Vec<String> = default_catalogue()
            .into_iter()
            .filter(|s| s.decision_deadline != DEFAULT_DEADLINE)
            .map(|s| s.code)
            .collect();
        assert_eq!(seeded, ["home_help", "children_day_centre"]);
    }

    #[test]
    fn r_dl_3_group_living_home_notifies_within_5_working_days() {
        for spec in default_catalogue() {
            let expected = spec
                .code
                .starts_with("group_living_")
                .then_some(DeadlineRule::working_days(5));
            assert_eq!(spec.notification_deadline, expected, "{}", spec.code);
        }
    }

    #[test]
    fn r_cm_6_applies_to_accredited_social_supervision_only() {
        for spec in default_catalogue() {
            assert_eq!(
                spec.decision_before_assessment,
                spec.code == "children_day_centre",
                "{}",
                spec.code
            );
        }
    }

    #[test]
    fn ref_027a_extract_is_checked_at_moving_in_and_no_assets_declaration() {
        for spec in default_catalogue() {
            let codes: Vec<&str> = spec
                .required_documents
                .iter()
                .map(|d| d.code.as_str())
                .collect();
            assert!(
                !codes.contains(&"medical_extract_027a_3_months"),
                "{}",
                spec.code
            );
            assert!(!codes.contains(&"assets_declaration"), "{}", spec.code);
        }
        for code in ["group_living_short_term", "group_living_long_term"] {
            let spec = find(code);
            assert_eq!(spec.moving_in_documents, vec![medical_extract_3_months()]);
            assert!(spec.moving_in_documents[0].name_lt.contains("3 mėnesius"));
        }
    }

    #[test]
    fn stored_specs_without_the_new_fields_still_parse() {
        let mut json = serde_json::to_value(find("transport")).unwrap();
        let map = json.as_object_mut().unwrap();
        for field in [
            "handover_deadline",
            "notification_deadline",
            "decision_before_assessment",
            "moving_in_documents",
        ] {
            map.remove(field);
        }
        let spec: ServiceTypeSpec = serde_json::from_value(json).unwrap();
        assert_eq!(spec, find("transport"));
        let rule: DecisionDeadline = serde_json::from_value(
            serde_json::json!({ "amount": 10, "unit": "working_days", "from": "files_received" }),
        )
        .unwrap();
        assert_eq!(rule.until, DeadlineEnd::DecisionSigned);
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
    fn r_fee_12_every_paid_service_names_its_fee_rule_and_free_ones_none() {
        for spec in default_catalogue() {
            assert_eq!(spec.free, spec.fee_rule.is_none(), "{}", spec.code);
        }
        let rule = |code: &str| find(code).fee_rule;
        assert_eq!(rule("home_help"), Some(FeeRule::Rfee1));
        assert_eq!(rule("respite"), Some(FeeRule::Rfee1));
        assert_eq!(rule("transport"), Some(FeeRule::Rfee5));
        assert_eq!(rule("group_living_short_term"), Some(FeeRule::Rfee8));
        assert_eq!(rule("group_living_long_term"), Some(FeeRule::Rfee8));
        assert_eq!(rule("technical_aids"), Some(FeeRule::Rfee10));
        assert_eq!(serde_json::to_value(FeeRule::Rfee5).unwrap(), "R-FEE-5");
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
