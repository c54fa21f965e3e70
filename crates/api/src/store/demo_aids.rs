//! Demo technical aids of Kelmė (demo mode only), dated from the caller's
//! `now`: a dozen items across the types, four loans — an automatic bed
//! issued new 4 months ago and returned last week with its refund
//! (R-FEE-11: 72 € paid, 29 € back), a manual bed and a commode chair on
//! loan, a walker whose user died 40 days ago and which is overdue
//! (R-LIM-6), the other automatic bed on loan — and one person who joined
//! the automatic beds' waiting list while both were out, shown as next now
//! that one is back. Loaded once (skipped when Kelmė has any aid item).

use crate::store::aids::{WAITING, seed_prices};
use crate::store::entities::{aid_items, aid_loans, aid_waiting, persons};
use crate::store::persons::search_text;
use atvejis_domain::aids::{
    AidPrice, AidStatus, AidType, Newness, issue_fee, refund, refund_until, return_due_after_death,
};
use atvejis_domain::personal_code::{PersonalCode, Sex, check_digit};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
};
use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

/// The inventory: type, serial number, new/used, location.
const ITEMS: &[(AidType, &str, Newness, &str)] = &[
    (
        AidType::AutomaticBed,
        "KEL-AL-001",
        Newness::New,
        "Sandėlis, Vytauto Didžiojo g. 1",
    ),
    (
        AidType::AutomaticBed,
        "KEL-AL-002",
        Newness::Used,
        "Sandėlis, Vytauto Didžiojo g. 1",
    ),
    (
        AidType::ManualBed,
        "KEL-RL-001",
        Newness::Used,
        "Sandėlis, Vytauto Didžiojo g. 1",
    ),
    (
        AidType::ManualBed,
        "KEL-RL-002",
        Newness::New,
        "Sandėlis, Vytauto Didžiojo g. 1",
    ),
    (
        AidType::CommodeChair,
        "KEL-NK-001",
        Newness::New,
        "Sandėlis, Vytauto Didžiojo g. 1",
    ),
    (
        AidType::CommodeChair,
        "KEL-NK-002",
        Newness::Used,
        "Tytuvėnų seniūnija",
    ),
    (
        AidType::WalkerWithTable,
        "KEL-VS-001",
        Newness::Used,
        "Sandėlis, Vytauto Didžiojo g. 1",
    ),
    (
        AidType::WalkerWithTable,
        "KEL-VS-002",
        Newness::New,
        "Sandėlis, Vytauto Didžiojo g. 1",
    ),
    (
        AidType::PressureMattress,
        "KEL-CP-001",
        Newness::New,
        "Sandėlis, Vytauto Didžiojo g. 1",
    ),
    (
        AidType::BedsideTable,
        "KEL-ST-001",
        Newness::Used,
        "Sandėlis, Vytauto Didžiojo g. 1",
    ),
    (
        AidType::Wheelchair,
        "KEL-VZ-001",
        Newness::Used,
        "Sandėlis, Vytauto Didžiojo g. 1",
    ),
    (
        AidType::Crutches,
        "KEL-RM-001",
        Newness::New,
        "Tytuvėnų seniūnija",
    ),
];

/// The people: first ten digits of the code, names.
const PEOPLE: &[(&str, &str, &str)] = &[
    ("4350311004", "Bronislava", "Jankauskienė"),
    ("3370822004", "Juozas", "Navickas"),
    ("4410105004", "Janina", "Rimkienė"),
    ("3330917004", "Povilas", "Kairys"),
    ("4390428004", "Zita", "Bagdonienė"),
];

fn err(e: impl std::fmt::Display) -> DbErr {
    DbErr::Custom(e.to_string())
}

async fn person<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    (first_ten, first, last): (&str, &str, &str),
    now: OffsetDateTime,
) -> Result<Uuid, DbErr> {
    let mut digits = [0u8; 10];
    for (d, c) in digits.iter_mut().zip(first_ten.bytes()) {
        *d = c.wrapping_sub(b'0');
    }
    let code = PersonalCode::parse(&format!("{first_ten}{}", check_digit(&digits))).map_err(err)?;
    let address = "Kelmė";
    let id = Uuid::now_v7();
    persons::Entity::insert(persons::ActiveModel {
        id: Set(id),
        municipality_id: Set(municipality_id),
        eldership_id: Set(None),
        personal_code: Set(Some(code.as_str().to_owned())),
        first_name: Set(first.to_owned()),
        last_name: Set(last.to_owned()),
        birth_date: Set(code.birth_date()),
        sex: Set(Some(
            if code.sex() == Sex::Male {
                "male"
            } else {
                "female"
            }
            .to_owned(),
        )),
        declared_address: Set(Some(address.to_owned())),
        phone: Set(None),
        email: Set(None),
        search_text: Set(search_text(first, last, Some(code.as_str()), Some(address))),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(db)
    .await?;
    Ok(id)
}

/// One demo loan.
struct Loan {
    item: usize,
    person: usize,
    issued_days_ago: i64,
    returned_days_ago: Option<i64>,
    died_days_ago: Option<i64>,
}

const LOANS: &[Loan] = &[
    Loan {
        item: 0,
        person: 0,
        issued_days_ago: 120,
        returned_days_ago: Some(7),
        died_days_ago: None,
    },
    Loan {
        item: 2,
        person: 1,
        issued_days_ago: 200,
        returned_days_ago: None,
        died_days_ago: None,
    },
    Loan {
        item: 4,
        person: 2,
        issued_days_ago: 30,
        returned_days_ago: None,
        died_days_ago: None,
    },
    Loan {
        item: 6,
        person: 3,
        issued_days_ago: 300,
        returned_days_ago: None,
        died_days_ago: Some(40),
    },
    Loan {
        item: 1,
        person: 2,
        issued_days_ago: 25,
        returned_days_ago: None,
        died_days_ago: None,
    },
];

/// Loads the demo aids of Kelmė once.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    let existing = aid_items::Entity::find()
        .filter(aid_items::Column::MunicipalityId.eq(municipality_id))
        .count(db)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    seed_prices(db, municipality_id, now).await?;
    let today = atvejis_domain::calendar::lithuanian_date(now);
    let day = |days_ago: i64| -> Date { today - Duration::days(days_ago) };
    let mut people = Vec::with_capacity(PEOPLE.len());
    for p in PEOPLE {
        people.push(person(db, municipality_id, *p, now).await?);
    }
    let mut item_ids = Vec::with_capacity(ITEMS.len());
    for (aid_type, serial, newness, location) in ITEMS {
        let id = Uuid::now_v7();
        // The status and newness after the loans below.
        let loans: Vec<&Loan> = LOANS
            .iter()
            .filter(|l| ITEMS[l.item].1 == *serial)
            .collect();
        let on_loan = loans.iter().any(|l| l.returned_days_ago.is_none());
        let newness = if loans.iter().any(|l| l.returned_days_ago.is_some()) {
            Newness::Used
        } else {
            *newness
        };
        let status = if on_loan {
            AidStatus::OnLoan
        } else {
            AidStatus::Available
        };
        aid_items::Entity::insert(aid_items::ActiveModel {
            id: Set(id),
            municipality_id: Set(municipality_id),
            aid_type: Set(aid_type.as_str().to_owned()),
            serial: Set((*serial).to_owned()),
            newness: Set(newness.as_str().to_owned()),
            condition: Set("good".to_owned()),
            condition_note: Set(None),
            location: Set(Some((*location).to_owned())),
            status: Set(status.as_str().to_owned()),
            created_by: Set(None),
            created_at: Set(now - Duration::days(400)),
            updated_at: Set(now),
            version: Set(1),
        })
        .exec(db)
        .await?;
        item_ids.push(id);
    }
    for loan in LOANS {
        let (aid_type, _, newness, _) = ITEMS[loan.item];
        let price = AidPrice::since_2017(aid_type);
        let issued_on = day(loan.issued_days_ago);
        let fee = issue_fee(&price, newness);
        let returned_on = loan.returned_days_ago.map(day);
        let died_on = loan.died_days_ago.map(day);
        aid_loans::Entity::insert(aid_loans::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(municipality_id),
            item_id: Set(item_ids[loan.item]),
            aid_type: Set(aid_type.as_str().to_owned()),
            person_id: Set(people[loan.person]),
            decision_id: Set(None),
            issued_on: Set(issued_on),
            newness: Set(newness.as_str().to_owned()),
            fee: Set(fee),
            price_valid_from: Set(price.valid_from),
            extract_027a_issued_on: Set(issued_on - Duration::days(20)),
            refund_until: Set(refund_until(issued_on)),
            died_on: Set(died_on),
            return_due_on: Set(died_on.map(return_due_after_death)),
            returned_on: Set(returned_on),
            refund: Set(returned_on.map(|r| refund(&price, newness, fee, issued_on, r))),
            return_condition: Set(returned_on.map(|_| "good".to_owned())),
            note: Set(None),
            issued_by: Set(None),
            returned_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(if returned_on.is_some() || died_on.is_some() {
                2
            } else {
                1
            }),
        })
        .exec(db)
        .await?;
    }
    // Both automatic beds were out two weeks ago; one came back last week,
    // so the person waiting is shown as next for it.
    aid_waiting::Entity::insert(aid_waiting::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(municipality_id),
        aid_type: Set(AidType::AutomaticBed.as_str().to_owned()),
        person_id: Set(people[4]),
        decision_id: Set(None),
        seq: Set(1),
        joined_at: Set(now - Duration::days(14)),
        status: Set(WAITING.to_owned()),
        closed_at: Set(None),
        loan_id: Set(None),
        note: Set(None),
        created_by: Set(None),
        created_at: Set(now - Duration::days(14)),
        updated_at: Set(now - Duration::days(14)),
        version: Set(1),
    })
    .exec(db)
    .await?;
    Ok(())
}
