//! Documents the server prints: PDFs typeset by Typst, used as a library.
//!
//! A template is a Typst file of the repository's `templates/` (built into
//! the binary), or of the directory `ATVEJIS_TEMPLATES_DIR` names, so that a
//! municipality adapts its name, logo and signatories without recompiling.
//! The template knows no code: it reads its data with `json("data.json")`,
//! and an adapted directory may hold a `logo.png` (or `.jpg`, `.jpeg`,
//! `.svg`) whose file name the data gives as `logo` (`none` without one).
//! Fonts are those of `typst-assets`, embedded in the binary and parsed once
//! per process; nothing is fetched at build or run time.
//!
//! Rendering is CPU-bound (tens of milliseconds): callers run it off the
//! async workers (`web::block` / `spawn_blocking`).

mod template;
mod world;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use serde::Serialize;
use typst::foundations::{Bytes, Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use self::template::TemplateSource;
use self::world::{DocumentWorld, project_file};

pub use self::template::TEMPLATES_DIR_VAR;

/// A help plan to print (kompleksinės pagalbos šeimai planas, R-CMP-3).
#[derive(Debug, Clone, Serialize)]
pub struct PlanDocument {
    /// The municipality, e.g. "Kelmės rajono savivaldybė".
    pub municipality: String,
    /// The issuing institution, e.g. "Kelmės rajono socialinių paslaugų
    /// centras".
    pub issuer: String,
    /// The case number, e.g. "AV-2026-0003".
    pub case_number: String,
    /// The plan's version number.
    pub version: i32,
    /// The date of the meeting that agreed the version (`None`: a draft).
    pub agreed_on: Option<time::Date>,
    /// The adults of the family.
    pub family: Vec<PlanPerson>,
    /// The children.
    pub children: Vec<PlanPerson>,
    /// The case manager's full name.
    pub case_manager: Option<String>,
    /// The family social worker's full name.
    pub social_worker: Option<String>,
    /// The goals, in order.
    pub goals: Vec<PlanGoal>,
    /// The day the document is printed.
    pub printed_on: time::Date,
}

/// A member of the family on the plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanPerson {
    /// Full name.
    pub name: String,
    /// Birth date, when known.
    pub birth_date: Option<time::Date>,
    /// The relation in the family, e.g. "Motina", "Sūnus".
    pub relation: Option<String>,
}

/// A goal of the plan and its actions.
#[derive(Debug, Clone, Serialize)]
pub struct PlanGoal {
    /// What the goal is.
    pub title: String,
    /// Its actions, in order.
    pub actions: Vec<PlanAction>,
}

/// An action of a goal.
#[derive(Debug, Clone, Serialize)]
pub struct PlanAction {
    /// What is to be done.
    pub what: String,
    /// Who is responsible: a staff member, a family member or an
    /// organisation, as printed.
    pub responsible: String,
    /// The due date.
    pub due_on: time::Date,
    /// The status's Lithuanian label, e.g. "Suplanuota".
    pub status: String,
}

/// The answer to a data subject's request (GDPR art. 15) as a readable
/// document: what is stored about the person and who read or changed it.
#[derive(Debug, Clone, Serialize)]
pub struct DataSubjectDocument {
    /// The municipality, e.g. "Kelmės rajono savivaldybė".
    pub municipality: String,
    /// The institution that answers.
    pub issuer: String,
    /// The person's full name.
    pub person_name: String,
    /// The person record, label and value, in order.
    pub facts: Vec<DocField>,
    /// The stored records, one table per kind (applications, decisions, …).
    pub sections: Vec<DocTable>,
    /// Who read or changed the person's data, newest first.
    pub accesses: DocTable,
    /// Who prepared the answer (full name).
    pub prepared_by: String,
    /// The day the document is printed.
    pub printed_on: time::Date,
}

/// A decision on a social service (SP-9), printed as the decision itself
/// and as the letter that notifies the person of it (R-DL-3): both
/// templates read the same data.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionDocument {
    /// The municipality, e.g. "Kelmės rajono savivaldybė".
    pub municipality: String,
    /// The issuing unit, e.g. "Kelmės rajono socialinių paslaugų centras".
    pub issuer: String,
    /// The decision's number as printed.
    pub number: String,
    /// The day it was signed (`None`: a draft, printed as "PROJEKTAS").
    pub decided_on: Option<time::Date>,
    /// The person the service is for.
    pub person: DecisionPerson,
    /// The service's Lithuanian name.
    pub service: String,
    /// When the application (SP-8) was received.
    pub application_received_on: time::Date,
    /// Granted (`true`) or refused.
    pub granted: bool,
    /// The reasoning, as written by the preparer.
    pub reasoning: String,
    /// Hours a month granted, e.g. "20".
    pub hours_per_month: Option<String>,
    /// The monthly fee in words of money, e.g. "70,00 Eur" (`None`:
    /// refused, or set at delivery).
    pub monthly_fee: Option<String>,
    /// How the fee follows from the rules, in plain Lithuanian, one
    /// paragraph an item, each naming its rule IDs.
    pub fee_explanation: Vec<String>,
    /// The service starts on.
    pub service_from: Option<time::Date>,
    /// The facility whose place it grants.
    pub facility: Option<String>,
    /// Who prepared it (full name).
    pub prepared_by: String,
    /// Who signed it (full name).
    pub signed_by: Option<String>,
    /// The signing delegation's authority, e.g. the director's order.
    pub signed_under: Option<String>,
    /// When the person was notified (R-DL-3).
    pub notified_on: Option<time::Date>,
    /// How, in Lithuanian, e.g. "paštu".
    pub notification_method: Option<String>,
    /// The day the document is printed.
    pub printed_on: time::Date,
}

/// A label and its value.
#[derive(Debug, Clone, Serialize)]
pub struct DocField {
    /// The label, e.g. "Asmens kodas".
    pub label: String,
    /// The value as printed.
    pub value: String,
}

/// A titled table of text cells.
#[derive(Debug, Clone, Serialize)]
pub struct DocTable {
    /// The heading.
    pub title: String,
    /// The column headers.
    pub columns: Vec<String>,
    /// The rows, one cell per column.
    pub rows: Vec<Vec<String>>,
}

/// The person a decision is about.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionPerson {
    /// Full name.
    pub name: String,
    /// The personal code, when recorded.
    pub personal_code: Option<String>,
    /// The declared address, when recorded.
    pub address: Option<String>,
}

/// Why a document could not be made. Every variant is the server's fault
/// (a template or the installation), never the client's: the API answers
/// 500 `document_failed` and logs this text.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The template is not where the configuration says.
    #[error("template {name} is missing in {place}")]
    TemplateMissing {
        /// The template's file name.
        name: String,
        /// The directory looked in (or "the built-in templates").
        place: String,
    },
    /// The template or its logo exists but cannot be read.
    #[error("template file {path} cannot be read: {source}")]
    TemplateUnreadable {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The data could not be turned into JSON for the template.
    #[error("the data of template {name} cannot be serialised: {source}")]
    Data {
        /// The template's file name.
        name: String,
        /// The serialisation error.
        source: serde_json::Error,
    },
    /// Typst could not compile the template with the data.
    #[error("template {name} does not compile:\n{diagnostics}")]
    Compile {
        /// The template's file name.
        name: String,
        /// Typst's diagnostics, one per line.
        diagnostics: String,
    },
    /// The typeset document could not be written as PDF.
    #[error("the PDF of template {name} cannot be written:\n{diagnostics}")]
    Export {
        /// The template's file name.
        name: String,
        /// Typst's diagnostics, one per line.
        diagnostics: String,
    },
}

/// The case plan's template file.
const CASE_PLAN: &str = "case-plan.typ";

/// Renders the plan as PDF bytes (CPU-bound: callers run it in `web::block`
/// / `spawn_blocking`), with the template of `ATVEJIS_TEMPLATES_DIR` when it
/// is set, otherwise the built-in one.
pub fn case_plan_pdf(doc: &PlanDocument) -> Result<Vec<u8>, DocumentError> {
    case_plan_pdf_from(&TemplateSource::from_env(), doc)
}

/// [`case_plan_pdf`] with the template from `source`.
fn case_plan_pdf_from(
    source: &TemplateSource,
    doc: &PlanDocument,
) -> Result<Vec<u8>, DocumentError> {
    #[derive(Serialize)]
    struct PlanData<'a> {
        #[serde(flatten)]
        plan: &'a PlanDocument,
        /// The agreed date in words, e.g. "2026 m. gruodžio 2 d.".
        agreed_on_text: Option<String>,
        /// The printing date in words.
        printed_on_text: String,
    }
    let data = PlanData {
        plan: doc,
        agreed_on_text: doc.agreed_on.map(lithuanian_date),
        printed_on_text: lithuanian_date(doc.printed_on),
    };
    render(
        source,
        CASE_PLAN,
        &data,
        doc.printed_on,
        format!("case-plan/{}/{}", doc.case_number, doc.version),
    )
}

/// The data subject export's template file.
const DATA_SUBJECT_EXPORT: &str = "data-subject-export.typ";

/// Renders the data subject's answer as PDF bytes (CPU-bound, like
/// [`case_plan_pdf`]).
pub fn data_subject_pdf(doc: &DataSubjectDocument) -> Result<Vec<u8>, DocumentError> {
    #[derive(Serialize)]
    struct Data<'a> {
        #[serde(flatten)]
        doc: &'a DataSubjectDocument,
        /// The printing date in words.
        printed_on_text: String,
    }
    let data = Data {
        doc,
        printed_on_text: lithuanian_date(doc.printed_on),
    };
    render(
        &TemplateSource::from_env(),
        DATA_SUBJECT_EXPORT,
        &data,
        doc.printed_on,
        format!("data-subject/{}/{}", doc.person_name, doc.printed_on),
    )
}

/// The decision's template file.
const DECISION: &str = "decision.typ";
/// The notification letter's template file.
const NOTIFICATION_LETTER: &str = "notification-letter.typ";

/// Renders the decision (SP-9) as PDF bytes (CPU-bound, like
/// [`case_plan_pdf`]); a draft is marked "PROJEKTAS".
pub fn decision_pdf(doc: &DecisionDocument) -> Result<Vec<u8>, DocumentError> {
    decision_document_from(&TemplateSource::from_env(), DECISION, doc)
}

/// Renders the letter notifying the person of the decision (R-DL-3), dated
/// the day of the notification when it is recorded, else the printing day.
pub fn notification_letter_pdf(doc: &DecisionDocument) -> Result<Vec<u8>, DocumentError> {
    decision_document_from(&TemplateSource::from_env(), NOTIFICATION_LETTER, doc)
}

/// Template `name` (the decision or the letter) from `source` with `doc`.
fn decision_document_from(
    source: &TemplateSource,
    name: &'static str,
    doc: &DecisionDocument,
) -> Result<Vec<u8>, DocumentError> {
    #[derive(Serialize)]
    struct DecisionData<'a> {
        #[serde(flatten)]
        decision: &'a DecisionDocument,
        decided_on_text: Option<String>,
        application_received_on_text: String,
        service_from_text: Option<String>,
        notified_on_text: Option<String>,
        printed_on_text: String,
        /// The letter's date: the notification's, else the printing day.
        letter_date_text: String,
    }
    let data = DecisionData {
        decision: doc,
        decided_on_text: doc.decided_on.map(lithuanian_date),
        application_received_on_text: lithuanian_date(doc.application_received_on),
        service_from_text: doc.service_from.map(lithuanian_date),
        notified_on_text: doc.notified_on.map(lithuanian_date),
        printed_on_text: lithuanian_date(doc.printed_on),
        letter_date_text: lithuanian_date(doc.notified_on.unwrap_or(doc.printed_on)),
    };
    render(
        source,
        name,
        &data,
        doc.printed_on,
        format!("{name}/{}", doc.number),
    )
}

/// Compiles template `name` from `source` with `data` as `/data.json` (plus
/// `logo`: the logo's file name or null) and exports it as PDF. `today` is
/// what Typst's `datetime.today()` answers; `ident` a stable identifier of
/// the document (the same document printed twice has the same PDF id).
fn render(
    source: &TemplateSource,
    name: &'static str,
    data: &impl Serialize,
    today: time::Date,
    ident: String,
) -> Result<Vec<u8>, DocumentError> {
    let template = source.load(name)?;
    let data_error = |source| DocumentError::Data {
        name: name.to_owned(),
        source,
    };
    let mut json = serde_json::to_value(data).map_err(data_error)?;
    if let serde_json::Value::Object(map) = &mut json {
        map.insert(
            "logo".to_owned(),
            template.logo.as_ref().map(|(logo, _)| *logo).into(),
        );
    }
    let json = serde_json::to_vec(&json).map_err(data_error)?;

    let (Some(main), Some(data_id)) = (project_file(name), project_file("data.json")) else {
        return Err(DocumentError::TemplateMissing {
            name: name.to_owned(),
            place: "an invalid file name".to_owned(),
        });
    };
    let mut files = HashMap::from([(data_id, Bytes::new(json))]);
    if let Some((logo, bytes)) = template.logo
        && let Some(id) = project_file(logo)
    {
        files.insert(id, Bytes::new(bytes));
    }
    let world = DocumentWorld::new(main, template.text, files, typst_date(today));

    let compiled = typst::compile::<PagedDocument>(&world);
    // Typst memoises across compilations; keep its caches from growing
    // with every document a long-running server prints.
    typst::comemo::evict(30);
    if !compiled.warnings.is_empty() {
        tracing::warn!(
            template = name,
            warnings = %world.describe(&compiled.warnings),
            "document template warnings"
        );
    }
    let document = compiled.output.map_err(|errors| DocumentError::Compile {
        name: name.to_owned(),
        diagnostics: world.describe(&errors),
    })?;
    let options = PdfOptions {
        ident: Smart::Custom(ident),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| DocumentError::Export {
        name: name.to_owned(),
        diagnostics: world.describe(&errors),
    })
}

/// The date as Typst's `datetime` (Typst keeps dates as `time::Date`).
fn typst_date(date: time::Date) -> Datetime {
    Datetime::Date(date)
}

/// A date as Lithuanian documents write it in words: "2026 m. gruodžio 2 d.".
pub fn lithuanian_date(date: time::Date) -> String {
    const MONTHS: [&str; 12] = [
        "sausio",
        "vasario",
        "kovo",
        "balandžio",
        "gegužės",
        "birželio",
        "liepos",
        "rugpjūčio",
        "rugsėjo",
        "spalio",
        "lapkričio",
        "gruodžio",
    ];
    let month = MONTHS[usize::from(u8::from(date.month())) - 1];
    format!("{} m. {month} {} d.", date.year(), date.day())
}

/// An amount of euros as Lithuanian documents write it: "1 234,50 Eur"
/// (two decimals, a decimal comma, a space between thousands).
pub fn lithuanian_money(amount: rust_decimal::Decimal) -> String {
    let mut rounded =
        amount.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    let text = rounded.abs().to_string();
    let (whole, cents) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('\u{a0}');
        }
        grouped.push(digit);
    }
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "−"
    } else {
        ""
    };
    format!("{sign}{grouped},{cents}\u{a0}Eur")
}
