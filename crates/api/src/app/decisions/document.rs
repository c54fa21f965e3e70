//! The decision (SP-9) as a PDF, and the letter notifying the person of it
//! (R-DL-3), from the same data: the municipality and the issuing unit, the
//! number and date, the person, the service, granted or refused with the
//! reasoning, the fee with its explanation in plain Lithuanian (from the fee
//! calculation the decision keeps), the start date, who prepared and who
//! signed. Printing is a read of case content, recorded
//! (`decision.print`, with the document printed) with its purpose.

use crate::actor::Actor;
use crate::app::applications::views::spec;
use crate::app::cases::plan_pdf::issuer_of;
use crate::app::read;
use crate::documents::{self, DecisionDocument, DecisionPerson, lithuanian_money};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::applications::{self as applications_repo, staff_names};
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{facilities, persons};
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::fees::FeeLimit;
use rust_decimal::Decimal;
use sea_orm::EntityTrait;
use serde_json::json;
use uuid::Uuid;

use super::views::{
    DecisionStatus, DecisionView, FeeCalculationView, NotificationMethod, decision_view,
};

/// Which document of a decision to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionPrintout {
    /// The decision itself (a draft is marked "PROJEKTAS").
    Decision,
    /// The letter notifying the person (signed decisions only).
    NotificationLetter,
}

impl DecisionPrintout {
    fn code(self) -> &'static str {
        match self {
            DecisionPrintout::Decision => "decision",
            DecisionPrintout::NotificationLetter => "notification_letter",
        }
    }
}

/// A printed decision document: its file name and bytes.
pub struct DecisionPdf {
    /// E.g. `sprendimas-SP9-2026-1A2B3C4D.pdf`.
    pub file_name: String,
    /// The PDF.
    pub bytes: Vec<u8>,
}

/// The decision's number as printed: the year of the decision (or of its
/// preparation, for a draft) and the first eight hex digits of its id.
fn decision_number(view: &DecisionView) -> String {
    let year = view
        .decided_on
        .map_or(view.prepared_at.year(), |d| d.year());
    let id = view.id.simple().to_string();
    format!("SP9-{year}-{}", id[..8].to_uppercase())
}

/// How the person was told, as a Lithuanian phrase ("paštu").
fn method_phrase(method: NotificationMethod) -> &'static str {
    match method {
        NotificationMethod::Letter => "paštu (laišku)",
        NotificationMethod::Email => "elektroniniu paštu",
        NotificationMethod::InPerson => "įteikiant asmeniškai",
        NotificationMethod::Eservices => "per elektroninių paslaugų sistemą",
        NotificationMethod::Phone => "telefonu",
    }
}

/// A share as a percentage: `0.1` → "10".
fn percent(rate: Decimal) -> String {
    (rate * Decimal::ONE_HUNDRED)
        .normalize()
        .to_string()
        .replace('.', ",")
}

/// A number of hours with a decimal comma: `20.5` → "20,5".
fn number(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// How the fee of a calculated service follows from R-FEE-0..3, one
/// paragraph a step, in plain Lithuanian, each naming its rules.
pub fn calculated_fee_explanation(c: &FeeCalculationView) -> Vec<String> {
    let eur = |d: Decimal| lithuanian_money(d);
    let mut out = vec![format!(
        "Mokestis apskaičiuotas iš pajamų, gautų per tris mėnesius iki prašymo \
         datos ({}). Skaičiuojama šeimos narių: {}. Vidutinės pajamos vienam \
         šeimos nariui per mėnesį — {}. Valstybės remiamų pajamų dydis (VRP) — \
         {}, taigi 2 VRP sudaro {} (R-FEE-0).",
        c.income_months.join(", "),
        c.members,
        eur(c.income_per_member),
        eur(c.vrp),
        eur(c.free_limit),
    )];
    if c.limited_by == FeeLimit::Free {
        out.push(format!(
            "Kadangi pajamos vienam šeimos nariui ({}) neviršija 2 VRP ({}), už \
             paslaugą mokėti nereikia (R-FEE-0, R-FEE-1).",
            eur(c.income_per_member),
            eur(c.free_limit),
        ));
        return out;
    }
    out.push(format!(
        "Pajamos vienam šeimos nariui viršija 2 VRP, todėl mokestis negali būti \
         didesnis nei {} proc. pajamų, nuo kurių jis skaičiuojamas ({}): ne \
         daugiau kaip {} (R-FEE-1).",
        percent(c.cap_rate),
        eur(c.fee_base_income),
        eur(c.cap_amount),
    ));
    out.push(format!(
        "Paslaugos kaina per mėnesį: {} val. × {} už valandą = {} (R-FEE-3).",
        number(c.hours),
        eur(c.hourly_price),
        eur(c.cost),
    ));
    out.push(format!(
        "Sumokėjus mokestį, pajamos vienam šeimos nariui turi likti ne mažesnės \
         nei 2 VRP, todėl mokestis gali būti ne didesnis nei {} (R-FEE-2).",
        eur(c.floor_room),
    ));
    let why = match c.limited_by {
        FeeLimit::Cost => "jis lygus paslaugos kainai, nes ji mažesnė už kitas ribas",
        FeeLimit::Cap => {
            "jis lygus didžiausiai leidžiamai pajamų daliai, nes ji mažesnė už paslaugos kainą"
        }
        FeeLimit::Floor => {
            "jis sumažintas tiek, kad pajamos vienam šeimos nariui liktų ne mažesnės nei 2 VRP"
        }
        FeeLimit::Tariff | FeeLimit::Free => "jis apskaičiuotas pagal pajamų grupės tarifą",
    };
    out.push(format!(
        "Mokamas mažiausias iš šių dydžių: {} per mėnesį — {} (R-FEE-3).",
        eur(c.fee),
        why,
    ));
    out
}

/// The fee's explanation of any granted decision: the calculation's steps,
/// a free service (R-FEE-12), or a fee set at delivery.
fn fee_explanation(view: &DecisionView) -> Vec<String> {
    match (&view.fee_calculation, view.monthly_fee) {
        (Some(c), _) => calculated_fee_explanation(c),
        (None, Some(fee)) if fee.is_zero() => {
            vec!["Ši paslauga teikiama nemokamai (R-FEE-12).".to_owned()]
        }
        (None, Some(_)) => vec![],
        (None, None) => vec![
            "Mokestis už šią paslaugą nustatomas ją teikiant, pagal savivaldybės \
             tarybos patvirtintus įkainius ir Jūsų pajamas."
                .to_owned(),
        ],
    }
}

/// Decision `id` printed as `printout`, read for `purpose`. 404 outside the
/// actor's scope; the letter of an unsigned decision is 409
/// `invalid_transition` (a person is told only of a signed decision).
pub async fn decision_pdf(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
    printout: DecisionPrintout,
) -> ApiResult<DecisionPdf> {
    actor.require(Permission::ReadCaseContent)?;
    read::audited_event(state, actor, purpose, || async {
        let db = &state.db;
        let record = applications_repo::load_by_decision(db, actor, id).await?;
        let decision = record
            .decision
            .clone()
            .ok_or(StoreError::NotFound("decision"))?;
        let mut staff = vec![decision.prepared_by];
        staff.extend(decision.signed_by);
        let names = staff_names(db, staff).await?;
        let view = decision_view(decision, &names)?;
        if printout == DecisionPrintout::NotificationLetter && view.status != DecisionStatus::Signed
        {
            return Err(ApiError::conflict(
                ErrorCode::InvalidTransition,
                "The decision is not signed yet; the person is notified of a signed decision.",
            ));
        }
        let person = persons::Entity::find_by_id(record.application.person_id)
            .one(db)
            .await
            .map_err(StoreError::from)?
            .ok_or_else(|| ApiError::internal("the application's person does not exist"))?;
        let facility = match view.facility_id {
            Some(fid) => facilities::Entity::find_by_id(fid)
                .one(db)
                .await
                .map_err(StoreError::from)?
                .map(|f| f.name),
            None => None,
        };
        let (municipality, issuer) = issuer_of(db, actor.municipality_id).await?;
        let service = spec(&record.service_type)?.name_lt;
        let granted = matches!(view.outcome, atvejis_domain::application::Outcome::Granted);
        let doc_number = decision_number(&view);
        let doc = DecisionDocument {
            municipality,
            issuer,
            number: doc_number.clone(),
            decided_on: view.decided_on,
            person: DecisionPerson {
                name: format!("{} {}", person.first_name, person.last_name),
                personal_code: person.personal_code.clone(),
                address: person.declared_address.clone(),
            },
            service,
            application_received_on: record.application.received_on,
            granted,
            reasoning: view.reasoning.clone().unwrap_or_default(),
            hours_per_month: view.hours_per_month.map(number),
            monthly_fee: view.monthly_fee.filter(|_| granted).map(lithuanian_money),
            fee_explanation: if granted {
                fee_explanation(&view)
            } else {
                vec![]
            },
            service_from: view.service_from,
            facility,
            prepared_by: view.prepared_by.display_name.clone(),
            signed_by: view.signed_by.as_ref().map(|s| s.display_name.clone()),
            signed_under: view.signed_under.as_ref().map(|s| s.reference.clone()),
            notified_on: view.notified_on,
            notification_method: view
                .notification_method
                .map(|m| method_phrase(m).to_owned()),
            printed_on: state.clock.today(),
        };
        let bytes = tokio::task::spawn_blocking(move || match printout {
            DecisionPrintout::Decision => documents::decision_pdf(&doc),
            DecisionPrintout::NotificationLetter => documents::notification_letter_pdf(&doc),
        })
        .await
        .map_err(ApiError::internal)??;
        let event = AuditEvent::new(AuditAction::DecisionPrint, "decision", id).summary(json!({
            "document": printout.code(),
            "signed": view.status == DecisionStatus::Signed,
        }));
        let stem = match printout {
            DecisionPrintout::Decision => "sprendimas",
            DecisionPrintout::NotificationLetter => "pranesimas",
        };
        Ok((
            DecisionPdf {
                file_name: format!("{stem}-{doc_number}.pdf"),
                bytes,
            },
            event,
        ))
    })
    .await
}
