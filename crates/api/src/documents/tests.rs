//! The documents read back: each PDF is rendered, its text extracted with
//! `lopdf`, and the Lithuanian text looked for with its diacritics.

use super::template::{Template, TemplateSource};
use super::*;
use time::macros::date;

fn plan() -> PlanDocument {
    PlanDocument {
        municipality: "Kelmės rajono savivaldybė".into(),
        issuer: "Kelmės rajono socialinių paslaugų centras".into(),
        case_number: "AV-2026-0003".into(),
        version: 2,
        agreed_on: Some(date!(2026 - 12 - 02)),
        family: vec![
            PlanPerson {
                name: "Žaneta Šimkienė".into(),
                birth_date: Some(date!(1990 - 04 - 17)),
                relation: Some("Motina".into()),
            },
            PlanPerson {
                name: "Ąžuolas Čepas".into(),
                birth_date: None,
                relation: Some("Sugyventinis".into()),
            },
        ],
        children: vec![PlanPerson {
            name: "Gustė Šimkutė".into(),
            birth_date: Some(date!(2016 - 09 - 01)),
            relation: Some("Dukra".into()),
        }],
        case_manager: Some("Rūta Kęstutienė".into()),
        social_worker: Some("Jūratė Ūselienė".into()),
        goals: vec![
            PlanGoal {
                title: "Vaikas reguliariai lanko mokyklą".into(),
                actions: vec![
                    PlanAction {
                        what: "Susitikti su mokyklos socialine pedagoge".into(),
                        responsible: "Jūratė Ūselienė".into(),
                        due_on: date!(2027 - 01 - 15),
                        status: "Suplanuota".into(),
                    },
                    PlanAction {
                        what: "Kasdien palydėti dukrą į mokyklą".into(),
                        responsible: "Žaneta Šimkienė".into(),
                        due_on: date!(2027 - 02 - 28),
                        status: "Vykdoma".into(),
                    },
                ],
            },
            PlanGoal {
                title: "Tėvystės įgūdžių stiprinimas".into(),
                actions: vec![],
            },
        ],
        printed_on: date!(2026 - 12 - 03),
    }
}

/// The PDF's text, with runs of white space made one space (table cells and
/// line breaks come out as spaces or new lines).
fn text_of(pdf: &[u8]) -> String {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let document = lopdf::Document::load_mem(pdf).expect("a readable PDF");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).expect("the PDF's text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_plan_prints_in_lithuanian_with_its_people_goals_and_actions() {
    let pdf = case_plan_pdf_from(&TemplateSource::Builtin, &plan()).expect("the plan's PDF");
    let text = text_of(&pdf);
    for expected in [
        "Kompleksinės pagalbos šeimai planas",
        "KELMĖS RAJONO SAVIVALDYBĖ",
        "Kelmės rajono socialinių paslaugų centras",
        "AV-2026-0003",
        "2026 m. gruodžio 2 d.",
        "Žaneta Šimkienė",
        "Ąžuolas Čepas",
        "Gustė Šimkutė",
        "Rūta Kęstutienė",
        "Jūratė Ūselienė",
        "Vaikas reguliariai lanko mokyklą",
        "Susitikti su mokyklos socialine pedagoge",
        "2027-01-15",
        "Suplanuota",
        "Tėvystės įgūdžių stiprinimas",
        "Parašas",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} is not in the PDF:\n{text}"
        );
    }
}

#[test]
fn the_data_subject_answer_prints_in_lithuanian_with_the_read_log() {
    let table = |title: &str, columns: &[&str], rows: &[&[&str]]| DocTable {
        title: title.into(),
        columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect(),
    };
    let doc = DataSubjectDocument {
        municipality: "Kelmės rajono savivaldybė".into(),
        issuer: "Kelmės rajono socialinių paslaugų centras".into(),
        person_name: "Ona Žemaitė".into(),
        facts: vec![DocField {
            label: "Asmens kodas".into(),
            value: "46805280103".into(),
        }],
        sections: vec![
            table(
                "Prašymai (SP-8)",
                &["Gautas", "Paslauga"],
                &[&["2026-11-30", "respite"]],
            ),
            table("Pajamos", &["Metai"], &[]),
        ],
        accesses: table(
            "Kas peržiūrėjo ar keitė jūsų duomenis",
            &["Kada", "Darbuotojas", "Veiksmas", "Įrašas", "Tikslas"],
            &[&[
                "2026-12-01 09:15",
                "Ona Jankauskienė (Socialinės paramos skyriaus specialistas)",
                "Peržiūrėjo",
                "Prašymas (SP-8)",
                "Sprendimo priėmimas",
            ]],
        ),
        prepared_by: "Rūta Duomenienė".into(),
        printed_on: date!(2026 - 12 - 03),
    };
    let pdf = data_subject_pdf(&doc).expect("the answer's PDF");
    let text = text_of(&pdf);
    for expected in [
        "Informacija apie asmens duomenis",
        "KELMĖS RAJONO SAVIVALDYBĖ",
        "Ona Žemaitė",
        "46805280103",
        "Prašymai (SP-8)",
        "respite",
        "Įrašų nėra.",
        "Kas peržiūrėjo ar keitė jūsų duomenis",
        "Ona Jankauskienė",
        "Sprendimo priėmimas",
        "Rūta Duomenienė",
        "2026 m. gruodžio 3 d.",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} is not in the PDF:\n{text}"
        );
    }
}

#[test]
fn the_capital_diacritics_render_with_the_embedded_fonts() {
    let mut doc = plan();
    doc.family[0].name = "ĄČĘĖĮŠŲŪŽ ąčęėįšųūž".into();
    let pdf = case_plan_pdf_from(&TemplateSource::Builtin, &doc).expect("the plan's PDF");
    assert!(text_of(&pdf).contains("ĄČĘĖĮŠŲŪŽ ąčęėįšųūž"));
}

#[test]
fn a_draft_plan_without_team_or_goals_prints() {
    let mut doc = plan();
    doc.agreed_on = None;
    doc.case_manager = None;
    doc.social_worker = None;
    doc.goals.clear();
    doc.children.clear();
    let text = text_of(&case_plan_pdf_from(&TemplateSource::Builtin, &doc).expect("PDF"));
    assert!(text.contains("projektas, dar nesuderintas"), "{text}");
    assert!(text.contains("Tikslų dar nenustatyta"), "{text}");
}

#[test]
fn the_same_plan_prints_the_same_bytes() {
    let a = case_plan_pdf_from(&TemplateSource::Builtin, &plan()).expect("PDF");
    let b = case_plan_pdf_from(&TemplateSource::Builtin, &plan()).expect("PDF");
    assert_eq!(a, b);
}

/// A temporary directory removed at the end of the test.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "atvejis-templates-{name}-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4()
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_templates_directory_overrides_the_built_in_template() {
    let dir = TempDir::new("override");
    std::fs::write(
        dir.0.join("case-plan.typ"),
        "#let d = json(\"data.json\")\nPritaikytas šablonas: #d.municipality, byla #d.case_number, logotipas: #repr(d.logo).",
    )
    .unwrap();
    let pdf = case_plan_pdf_from(&TemplateSource::Dir(dir.0.clone()), &plan()).expect("PDF");
    let text = text_of(&pdf);
    assert!(
        text.contains("Pritaikytas šablonas: Kelmės rajono savivaldybė, byla AV-2026-0003"),
        "{text}"
    );
    assert!(text.contains("logotipas: none"), "{text}");
    assert!(!text.contains("Kompleksinės pagalbos šeimai planas"));
}

#[test]
fn a_logo_next_to_the_template_is_given_to_it() {
    let dir = TempDir::new("logo");
    std::fs::write(
        dir.0.join("case-plan.typ"),
        "#let d = json(\"data.json\")\n#image(d.logo, width: 2cm)\nLogotipas: #d.logo",
    )
    .unwrap();
    std::fs::write(
        dir.0.join("logo.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="green"/></svg>"#,
    )
    .unwrap();
    let source = TemplateSource::Dir(dir.0.clone());
    let Template { logo, .. } = source.load(CASE_PLAN).expect("template");
    assert_eq!(logo.map(|(name, _)| name), Some("logo.svg"));
    let text = text_of(&case_plan_pdf_from(&source, &plan()).expect("PDF"));
    assert!(text.contains("Logotipas: logo.svg"), "{text}");
}

#[test]
fn the_repository_templates_directory_works_as_an_adapted_directory() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates");
    let text = text_of(&case_plan_pdf_from(&TemplateSource::Dir(dir), &plan()).expect("PDF"));
    assert!(text.contains("Žaneta Šimkienė"), "{text}");
}

#[test]
fn a_directory_without_the_template_is_template_missing() {
    let dir = TempDir::new("empty");
    let err = case_plan_pdf_from(&TemplateSource::Dir(dir.0.clone()), &plan()).unwrap_err();
    assert!(
        matches!(err, DocumentError::TemplateMissing { .. }),
        "{err}"
    );
}

#[test]
fn a_template_that_does_not_compile_reports_typsts_diagnostics() {
    let dir = TempDir::new("broken");
    std::fs::write(
        dir.0.join("case-plan.typ"),
        "Pradžia\n#let d = json(\"data.json\")\n#d.no_such_field\n",
    )
    .unwrap();
    let err = case_plan_pdf_from(&TemplateSource::Dir(dir.0.clone()), &plan()).unwrap_err();
    let DocumentError::Compile { diagnostics, .. } = &err else {
        panic!("expected a compile error, got {err}");
    };
    assert!(diagnostics.contains("case-plan.typ:3:"), "{diagnostics}");
    assert!(diagnostics.contains("no_such_field"), "{diagnostics}");
}

#[test]
fn packages_are_not_fetched() {
    let dir = TempDir::new("package");
    std::fs::write(
        dir.0.join("case-plan.typ"),
        "#import \"@preview/example:0.1.0\": *\nTekstas",
    )
    .unwrap();
    let err = case_plan_pdf_from(&TemplateSource::Dir(dir.0.clone()), &plan()).unwrap_err();
    assert!(matches!(err, DocumentError::Compile { .. }), "{err}");
}

#[test]
fn the_document_error_answers_500_document_failed_without_the_diagnostics() {
    let err = DocumentError::Compile {
        name: CASE_PLAN.into(),
        diagnostics: "case-plan.typ:3:2: Error: secret detail".into(),
    };
    let api: crate::error::ApiError = err.into();
    assert_eq!(api.code(), crate::error::ErrorCode::DocumentFailed);
    let problem = api.problem(None);
    assert_eq!(problem.status, 500);
    assert!(!problem.detail.contains("secret detail"));
}

#[test]
fn dates_in_words_are_lithuanian() {
    assert_eq!(
        lithuanian_date(date!(2026 - 12 - 02)),
        "2026 m. gruodžio 2 d."
    );
    assert_eq!(
        lithuanian_date(date!(2027 - 01 - 15)),
        "2027 m. sausio 15 d."
    );
    assert_eq!(
        lithuanian_date(date!(2027 - 08 - 31)),
        "2027 m. rugpjūčio 31 d."
    );
}

#[test]
fn money_in_words_is_lithuanian() {
    use rust_decimal::Decimal;
    let eur = |s: &str| lithuanian_money(s.parse::<Decimal>().unwrap());
    assert_eq!(eur("70"), "70,00\u{a0}Eur");
    assert_eq!(eur("6.5"), "6,50\u{a0}Eur");
    assert_eq!(eur("0.005"), "0,01\u{a0}Eur");
    assert_eq!(eur("1234.5"), "1\u{a0}234,50\u{a0}Eur");
    assert_eq!(eur("1234567.891"), "1\u{a0}234\u{a0}567,89\u{a0}Eur");
    assert_eq!(eur("-12.3"), "−12,30\u{a0}Eur");
}

fn decision() -> DecisionDocument {
    DecisionDocument {
        municipality: "Kelmės rajono savivaldybė".into(),
        issuer: "Kelmės rajono socialinių paslaugų centras".into(),
        number: "SP9-2026-0A1B2C3D".into(),
        decided_on: Some(date!(2026 - 12 - 01)),
        person: DecisionPerson {
            name: "Ąžuolė Čiurlionytė".into(),
            personal_code: None,
            address: None,
        },
        service: "Pagalba į namus".into(),
        application_received_on: date!(2026 - 11 - 10),
        granted: true,
        reasoning: "Poreikis nustatytas.".into(),
        hours_per_month: Some("20".into()),
        monthly_fee: Some("0,00 Eur".into()),
        fee_explanation: vec!["Už paslaugą mokėti nereikia (R-FEE-0, R-FEE-1).".into()],
        service_from: None,
        facility: None,
        prepared_by: "Ona Jankauskienė".into(),
        signed_by: Some("Vytautas Stankevičius".into()),
        signed_under: None,
        notified_on: None,
        notification_method: None,
        printed_on: date!(2026 - 12 - 03),
    }
}

#[test]
fn the_repository_decision_templates_work_as_an_adapted_directory() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates");
    let source = TemplateSource::Dir(dir);
    for name in [DECISION, NOTIFICATION_LETTER] {
        let text = text_of(&decision_document_from(&source, name, &decision()).expect("PDF"));
        assert!(text.contains("Ąžuolė Čiurlionytė"), "{name}: {text}");
        assert!(text.contains("(R-FEE-0, R-FEE-1)"), "{name}: {text}");
    }
}

#[test]
fn a_decision_without_optional_data_prints_dashes_and_a_draft_mark() {
    let mut doc = decision();
    doc.decided_on = None;
    doc.signed_by = None;
    let text =
        text_of(&decision_document_from(&TemplateSource::Builtin, DECISION, &doc).expect("PDF"));
    assert!(text.contains("PROJEKTAS"), "{text}");
    assert!(text.contains("Asmens kodas: —"), "{text}");
    assert!(text.contains("sprendimo įsigaliojimo dienos."), "{text}");
}
