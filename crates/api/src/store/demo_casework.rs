//! Demo casework (demo mode only): a few people with income and
//! certificates, a family, and applications in several states, with dates
//! relative to today so that the demo always looks current.

use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::catalogue::{by_code, spec_of};
use crate::store::entities::{
    applications, families, family_members, income_records, person_certificates, persons, users,
};
use crate::store::persons::search_text;
use atvejis_domain::access::Purpose;
use atvejis_domain::application::{
    ApplicationStatus, DeadlineEvents, DocumentCheck, DocumentStatus, decision_due_on,
};
use atvejis_domain::income::{YearMonth, income_window};
use atvejis_domain::personal_code::PersonalCode;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
};
use serde_json::json;
use time::{Date, Duration};
use uuid::Uuid;

struct DemoPerson {
    code: Option<&'static str>,
    first: &'static str,
    last: &'static str,
    address: &'static str,
    eldership: &'static str,
    monthly_income: i64,
}

const KELME_PEOPLE: &[DemoPerson] = &[
    DemoPerson {
        code: Some("46805280103"),
        first: "Ona",
        last: "Žemaitė",
        address: "Šiaulių g. 5, Kelmė",
        eldership: "kelmes-miesto",
        monthly_income: 700,
    },
    DemoPerson {
        code: Some("34803120015"),
        first: "Jonas",
        last: "Petraitis",
        address: "Vytauto Didžiojo g. 12-3, Kelmė",
        eldership: "kelmes-miesto",
        monthly_income: 520,
    },
    DemoPerson {
        code: None,
        first: "Olena",
        last: "Kovalenko",
        address: "Žalioji g. 7, Kelmė",
        eldership: "kelmes-miesto",
        monthly_income: 0,
    },
    DemoPerson {
        code: Some("38507150022"),
        first: "Tomas",
        last: "Kazlauskas",
        address: "Miško g. 3, Tytuvėnai",
        eldership: "tytuvenu",
        monthly_income: 900,
    },
    DemoPerson {
        code: Some("48802030017"),
        first: "Rima",
        last: "Kazlauskienė",
        address: "Miško g. 3, Tytuvėnai",
        eldership: "tytuvenu",
        monthly_income: 450,
    },
];

/// Loads the demo casework of Kelmė once (when it has no people yet).
pub async fn load<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    now: time::OffsetDateTime,
) -> Result<(), DbErr> {
    let existing = persons::Entity::find()
        .filter(persons::Column::MunicipalityId.eq(municipality_id))
        .count(db)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    let worker = users::Entity::find()
        .filter(users::Column::Username.eq("social_worker"))
        .one(db)
        .await?
        .ok_or_else(|| DbErr::Custom("demo user social_worker missing".into()))?;
    let who = AuditActor::system("seed-demo", Some(municipality_id));
    let at = now;
    let today = atvejis_domain::calendar::lithuanian_date(now);
    // The demo applications' dates: their income windows (and today's, for
    // the eligibility hints) are recorded, so that every fee of the demo can
    // be calculated whatever today's date (R-FEE-1).
    let jonas_received = today - Duration::days(24);
    let ona_received = today - Duration::days(3);
    let mut months: Vec<YearMonth> = [today, jonas_received, ona_received]
        .into_iter()
        .flat_map(income_window)
        .collect();
    months.sort();
    months.dedup();
    let mut ids = Vec::new();
    for p in KELME_PEOPLE {
        let eldership = super::seed::eldership_id(db, municipality_id, p.eldership).await?;
        let code = p.code.and_then(|c| PersonalCode::parse(c).ok());
        let id = Uuid::now_v7();
        persons::Entity::insert(persons::ActiveModel {
            id: Set(id),
            municipality_id: Set(municipality_id),
            eldership_id: Set(eldership),
            personal_code: Set(code.as_ref().map(|c| c.as_str().to_owned())),
            first_name: Set(p.first.to_owned()),
            last_name: Set(p.last.to_owned()),
            birth_date: Set(code.as_ref().and_then(PersonalCode::birth_date)),
            sex: Set(code.as_ref().map(|c| {
                if c.sex() == atvejis_domain::personal_code::Sex::Male {
                    "male"
                } else {
                    "female"
                }
                .to_owned()
            })),
            declared_address: Set(Some(p.address.to_owned())),
            phone: Set(None),
            email: Set(None),
            search_text: Set(search_text(p.first, p.last, p.code, Some(p.address))),
            created_at: Set(at),
            updated_at: Set(at),
            version: Set(1),
        })
        .exec(db)
        .await?;
        // Income of every month, or "no income" recorded explicitly.
        for month in &months {
            income_records::Entity::insert(income_records::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(municipality_id),
                person_id: Set(id),
                year: Set(month.year),
                month: Set(i32::from(month.month)),
                amount: Set(Decimal::from(p.monthly_income)),
                source: Set(if p.monthly_income > 0 {
                    "sodra"
                } else {
                    "no_income"
                }
                .into()),
                note: Set(None),
                created_at: Set(at),
                created_by: Set(None),
            })
            .exec(db)
            .await?;
        }
        audit::record(
            db,
            &who,
            at,
            AuditEvent::new(AuditAction::PersonCreate, "person", id)
                .summary(json!({ "demo": true })),
        )
        .await?;
        ids.push(id);
    }
    let [ona, jonas, _olena, tomas, rima] = ids[..] else {
        return Err(DbErr::Custom("demo people".into()));
    };
    for (person, kind, value, years_ago) in [
        (ona, "working_capacity", Some("40"), 2),
        (ona, "permanent_care_need", None, 2),
        (jonas, "pensioner", None, 13),
        (jonas, "special_needs_level", Some("medium"), 1),
    ] {
        person_certificates::Entity::insert(person_certificates::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(municipality_id),
            person_id: Set(person),
            kind: Set(kind.into()),
            value: Set(value.map(str::to_owned)),
            valid_from: Set(today - Duration::days(365 * years_ago)),
            valid_until: Set(None),
            issued_by: Set(Some("NDNT".into())),
            created_at: Set(at),
        })
        .exec(db)
        .await?;
    }
    let family = Uuid::now_v7();
    families::Entity::insert(families::ActiveModel {
        id: Set(family),
        municipality_id: Set(municipality_id),
        eldership_id: Set(super::seed::eldership_id(db, municipality_id, "tytuvenu").await?),
        name: Set("Kazlauskų šeima".into()),
        notes: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    })
    .exec(db)
    .await?;
    for (person, relation) in [(tomas, "applicant"), (rima, "spouse")] {
        family_members::Entity::insert(family_members::ActiveModel {
            family_id: Set(family),
            person_id: Set(person),
            relation: Set(relation.into()),
            // They have lived together for years.
            joined_on: Set(Some(today - Duration::days(365 * 12))),
            left_on: Set(None),
        })
        .exec(db)
        .await?;
    }
    // Jonas Petraitis: home help, with the division and overdue.
    demo_application(
        db,
        municipality_id,
        worker.id,
        jonas,
        "home_help",
        jonas_received,
        Some(today - Duration::days(21)),
        ApplicationStatus::ReadyForDecision,
        at,
    )
    .await?;
    // Ona Žemaitė: respite, received a few days ago.
    let ona_application = demo_application(
        db,
        municipality_id,
        worker.id,
        ona,
        "respite",
        ona_received,
        None,
        ApplicationStatus::Submitted,
        at,
    )
    .await?;
    // The division's specialist looked at it to plan the decision: the read
    // is recorded as every read is (R-ROLE-3), so that Ona's question "who
    // read my data" has an answer in the demo.
    let specialist = users::Entity::find()
        .filter(users::Column::Username.eq("division_specialist"))
        .one(db)
        .await?
        .ok_or_else(|| DbErr::Custom("demo user division_specialist missing".into()))?;
    audit::record(
        db,
        &AuditActor {
            kind: "user",
            id: Some(specialist.id),
            name: specialist.username.clone(),
            municipality_id: Some(municipality_id),
            request_id: None,
            client_request_id: None,
            client_addr: None,
        },
        at,
        audit::read_event(
            AuditEvent::new(AuditAction::ApplicationRead, "application", ona_application),
            Purpose::Decision,
        ),
    )
    .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn demo_application<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    received_by: Uuid,
    person_id: Uuid,
    service_code: &str,
    received_on: Date,
    assessed_on: Option<Date>,
    status: ApplicationStatus,
    at: time::OffsetDateTime,
) -> Result<Uuid, DbErr> {
    let service = by_code(db, municipality_id, service_code)
        .await?
        .ok_or_else(|| DbErr::Custom(format!("service type {service_code} missing")))?;
    let spec = spec_of(&service)?;
    let person = persons::Entity::find_by_id(person_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::Custom("demo person missing".into()))?;
    let documents: Vec<DocumentCheck> = spec
        .required_documents
        .iter()
        .map(|d| DocumentCheck {
            code: d.code.clone(),
            status: DocumentStatus::Provided,
            provided_on: Some(received_on),
        })
        .collect();
    let files_received_on = (status == ApplicationStatus::ReadyForDecision)
        .then_some(assessed_on.unwrap_or(received_on));
    let due = decision_due_on(
        &spec.decision_deadline,
        &DeadlineEvents {
            received_on,
            assessment_submitted_on: assessed_on,
            files_received_on,
        },
    );
    let id = Uuid::now_v7();
    applications::Entity::insert(applications::ActiveModel {
        id: Set(id),
        municipality_id: Set(municipality_id),
        eldership_id: Set(person.eldership_id),
        person_id: Set(person_id),
        family_id: Set(None),
        service_type_id: Set(service.id),
        service_code: Set(service.code.clone()),
        status: Set(status.as_str().to_owned()),
        received_on: Set(received_on),
        channel: Set("in_person".into()),
        received_by: Set(received_by),
        representative: Set(None),
        notes: Set(None),
        documents: Set(serde_json::to_value(&documents).map_err(|e| DbErr::Custom(e.to_string()))?),
        exception_reason: Set(None),
        assessment: Set(assessed_on.map(|on| {
            json!({
                "assessor_id": received_by,
                "submitted_on": on,
                "conclusion": "Asmeniui reikia pagalbos buityje ir apsiperkant.",
                "recommended_services": "Pagalba į namus",
                "recommended_hours_per_month": "16",
            })
        })),
        assessment_submitted_on: Set(assessed_on),
        files_received_on: Set(files_received_on),
        decision_deadline: Set(Some(
            serde_json::to_value(spec.decision_deadline)
                .map_err(|e| DbErr::Custom(e.to_string()))?,
        )),
        decision_due_on: Set(due),
        status_reason: Set(None),
        case_id: Set(None),
        case_recommendation: Set(None),
        preferred_facility_id: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    })
    .exec(db)
    .await?;
    audit::record(
        db,
        &AuditActor::system("seed-demo", Some(municipality_id)),
        at,
        AuditEvent::new(AuditAction::ApplicationCreate, "application", id)
            .summary(json!({ "demo": true, "service_code": service_code })),
    )
    .await?;
    Ok(id)
}
