//! The benchmark's municipality (issue 13; `atvejis seed-bench`, run by
//! `make bench`): `people` generated people in the demo's Kelmė, written
//! through the store many rows a statement (not through HTTP), the same
//! every time: Lithuanian names with diacritics spread over the
//! elderships, a quarter of them children; three months of income for
//! every second person; a family of three in every twelve people (two
//! adults and a child); and ten years of applications — one or two a
//! person — with their signed decisions (about one in six late, one in ten
//! refused) and, for a fifth of them, a spell in a facility's queue and the stay that ended it
//! (the report history's [`History`]). Then the planner's statistics.
//!
//! The demo must be loaded first (its municipality, staff, service types
//! and facilities). The ids are new on every run; everything else follows
//! from `people` and `today`.

use super::demo_reports::{History, HistoryCase, Lcg, QueueSpellSpec, insert_chunks, person_row};
use super::entities::persons;
use super::entities::{elderships, families, family_members, income_records, municipalities};
use atvejis_domain::places::PlaceKind;
use rust_decimal::Decimal;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use time::{Date, Duration, Month, OffsetDateTime};
use uuid::Uuid;

/// Rows a statement.
const CHUNK: usize = 1000;

const WOMEN: [&str; 20] = [
    "Ona", "Aušra", "Rūta", "Dalia", "Irena", "Jūratė", "Laima", "Eglė", "Živilė", "Birutė",
    "Danutė", "Vida", "Asta", "Gintarė", "Rasa", "Indrė", "Kristina", "Lina", "Milda", "Skaistė",
];
const MEN: [&str; 20] = [
    "Jonas",
    "Žydrūnas",
    "Česlovas",
    "Šarūnas",
    "Ąžuolas",
    "Vytautas",
    "Gediminas",
    "Mindaugas",
    "Saulius",
    "Rimantas",
    "Kęstutis",
    "Algirdas",
    "Tomas",
    "Darius",
    "Linas",
    "Mantas",
    "Povilas",
    "Arūnas",
    "Egidijus",
    "Vaidotas",
];
/// Surnames: a man's, a married woman's, an unmarried woman's.
const SURNAMES: [[&str; 3]; 50] = [
    ["Petraitis", "Petraitienė", "Petraitytė"],
    ["Kairys", "Kairienė", "Kairytė"],
    ["Šimkus", "Šimkienė", "Šimkutė"],
    ["Baranauskas", "Baranauskienė", "Baranauskaitė"],
    ["Lukošius", "Lukošienė", "Lukošiūtė"],
    ["Čepaitis", "Čepaitienė", "Čepaitytė"],
    ["Jankauskas", "Jankauskienė", "Jankauskaitė"],
    ["Grybauskas", "Grybauskienė", "Grybauskaitė"],
    ["Stankevičius", "Stankevičienė", "Stankevičiūtė"],
    ["Žukauskas", "Žukauskienė", "Žukauskaitė"],
    ["Žemaitis", "Žemaitienė", "Žemaitytė"],
    ["Urbonas", "Urbonienė", "Urbonaitė"],
    ["Ramanauskas", "Ramanauskienė", "Ramanauskaitė"],
    ["Vaitkus", "Vaitkienė", "Vaitkutė"],
    ["Ščiglys", "Ščiglienė", "Ščiglytė"],
    ["Kazlauskas", "Kazlauskienė", "Kazlauskaitė"],
    ["Vasiliauskas", "Vasiliauskienė", "Vasiliauskaitė"],
    ["Butkus", "Butkienė", "Butkutė"],
    ["Paulauskas", "Paulauskienė", "Paulauskaitė"],
    ["Kavaliauskas", "Kavaliauskienė", "Kavaliauskaitė"],
    ["Pocius", "Pocienė", "Pociūtė"],
    ["Sakalauskas", "Sakalauskienė", "Sakalauskaitė"],
    ["Navickas", "Navickienė", "Navickaitė"],
    ["Žilinskas", "Žilinskienė", "Žilinskaitė"],
    ["Rimkus", "Rimkienė", "Rimkutė"],
    ["Šukys", "Šukienė", "Šukytė"],
    ["Dambrauskas", "Dambrauskienė", "Dambrauskaitė"],
    ["Adomaitis", "Adomaitienė", "Adomaitytė"],
    ["Mockus", "Mockienė", "Mockutė"],
    ["Bružas", "Bružienė", "Bružaitė"],
    ["Vitkus", "Vitkienė", "Vitkutė"],
    ["Morkūnas", "Morkūnienė", "Morkūnaitė"],
    ["Gudaitis", "Gudaitienė", "Gudaitytė"],
    ["Jonaitis", "Jonaitienė", "Jonaitytė"],
    ["Balčiūnas", "Balčiūnienė", "Balčiūnaitė"],
    ["Mažeika", "Mažeikienė", "Mažeikaitė"],
    ["Norkus", "Norkienė", "Norkutė"],
    ["Budrys", "Budrienė", "Budrytė"],
    ["Girdauskas", "Girdauskienė", "Girdauskaitė"],
    ["Lapinskas", "Lapinskienė", "Lapinskaitė"],
    ["Tamošiūnas", "Tamošiūnienė", "Tamošiūnaitė"],
    ["Kučinskas", "Kučinskienė", "Kučinskaitė"],
    ["Sabaliauskas", "Sabaliauskienė", "Sabaliauskaitė"],
    ["Daukša", "Daukšienė", "Daukšaitė"],
    ["Eidukevičius", "Eidukevičienė", "Eidukevičiūtė"],
    ["Juška", "Juškienė", "Juškaitė"],
    ["Petrauskas", "Petrauskienė", "Petrauskaitė"],
    ["Rudys", "Rudienė", "Rudytė"],
    ["Valančius", "Valančienė", "Valančiūtė"],
    ["Zabiela", "Zabielienė", "Zabielaitė"],
];

/// What [`seed`] wrote.
#[derive(Debug, Default)]
pub struct Seeded {
    /// People.
    pub people: usize,
    /// Income records.
    pub income: usize,
    /// Families.
    pub families: usize,
    /// Applications (each with its signed decision).
    pub applications: usize,
}

/// Generates the benchmark's municipality in the demo's Kelmė as of
/// `today` (written at `now`); see the module's documentation.
pub async fn seed<C: ConnectionTrait>(
    db: &C,
    people: u64,
    now: OffsetDateTime,
    today: Date,
) -> Result<Seeded, DbErr> {
    let kelme = municipalities::Entity::find()
        .filter(municipalities::Column::Code.eq(super::seed::KELME.code))
        .one(db)
        .await?
        .ok_or_else(|| DbErr::Custom("load the demo first (atvejis seed-demo)".into()))?
        .id;
    let wards: Vec<Uuid> = elderships::Entity::find()
        .filter(elderships::Column::MunicipalityId.eq(kelme))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.id)
        .collect();
    let mut rng = Lcg(2026);
    let mut seeded = Seeded::default();
    let mut people_rows = Vec::with_capacity(people as usize);
    let mut income = Vec::new();
    let mut household: Vec<Uuid> = Vec::new();
    let (mut family_rows, mut member_rows) = (Vec::new(), Vec::new());
    let mut ids = Vec::with_capacity(people as usize);
    for n in 0..people {
        let child = n % 4 == 0;
        let born = if child {
            today - Duration::days(365 * 3 + rng.days(365 * 14))
        } else {
            today - Duration::days(365 * 20 + rng.days(365 * 70))
        };
        let woman = rng.next(2) == 0;
        let first = if woman { WOMEN } else { MEN }[rng.next(WOMEN.len() as u64) as usize];
        let surname = SURNAMES[rng.next(SURNAMES.len() as u64) as usize];
        let last = match (woman, child) {
            (false, _) => surname[0],
            (true, true) => surname[2],
            (true, false) => surname[1 + rng.next(2) as usize],
        };
        // Twelve neighbours a block, the blocks spread over the elderships.
        let eldership = (!wards.is_empty()).then(|| wards[(n / 12 % wards.len() as u64) as usize]);
        let id = Uuid::now_v7();
        ids.push((id, child, eldership));
        people_rows.push(person_row(
            id,
            kelme,
            eldership,
            first,
            last,
            Some(born),
            now,
        ));
        if n % 2 == 1 {
            let (mut year, mut month) = (today.year(), today.month());
            for _ in 0..3 {
                if month == Month::January {
                    year -= 1;
                }
                month = month.previous();
                income.push(income_records::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    municipality_id: Set(kelme),
                    person_id: Set(id),
                    year: Set(year),
                    month: Set(i32::from(u8::from(month))),
                    amount: Set(Decimal::new(30_000 + rng.next(120_000) as i64, 2)),
                    source: Set("sodra".to_owned()),
                    note: Set(None),
                    created_at: Set(now),
                    created_by: Set(None),
                });
            }
        }
        // People 12k+1 and 12k+3 (adults) and 12k+4 (a child) make a family.
        match n % 12 {
            1 | 3 => household.push(id),
            4 => {
                let family_id = Uuid::now_v7();
                family_rows.push(families::ActiveModel {
                    id: Set(family_id),
                    municipality_id: Set(kelme),
                    eldership_id: Set(eldership),
                    name: Set(format!("{} šeima", surname[0])),
                    notes: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                });
                let members = household.drain(..).chain([id]);
                for (person_id, relation) in members.zip(["applicant", "spouse", "child"]) {
                    member_rows.push(family_members::ActiveModel {
                        family_id: Set(family_id),
                        person_id: Set(person_id),
                        relation: Set(relation.to_owned()),
                        joined_on: Set(None),
                        left_on: Set(None),
                    });
                }
            }
            _ => {}
        }
    }
    seeded.people = people_rows.len();
    insert_chunks::<persons::Entity, _>(db, people_rows, CHUNK).await?;
    seeded.income = income.len();
    insert_chunks::<income_records::Entity, _>(db, income, CHUNK).await?;
    seeded.families = family_rows.len();
    insert_chunks::<families::Entity, _>(db, family_rows, CHUNK).await?;
    insert_chunks::<family_members::Entity, _>(db, member_rows, CHUNK).await?;

    let first_day = today - Duration::days(3652) + Duration::days(1);
    let span = (today - first_day).whole_days() - 60;
    let mut history = History::of(db, kelme, now).await?;
    let mut rows = Vec::new();
    for (n, &(person_id, child, eldership)) in ids.iter().enumerate() {
        for _ in 0..1 + n % 2 {
            let received_on = first_day + Duration::days(rng.days(span as u64));
            let case = history_case(&mut rng, person_id, child, received_on);
            history.prepare(db, &case).await?;
            let mut case_rows = history.rows(&case)?;
            // Where the person lives: the eldership's staff see it.
            case_rows.application.eldership_id = Set(eldership);
            rows.push(case_rows);
            seeded.applications += 1;
        }
        if rows.len() >= 10_000 {
            history.store(db, std::mem::take(&mut rows)).await?;
        }
    }
    history.store(db, rows).await?;
    super::analyze(db).await?;
    Ok(seeded)
}

/// One application of the history: a service by age, due in 14 days,
/// signed 3–12 days after receipt (one in six 1–10 days late), one in ten
/// refused; a child's day centre or short-term care after a queue spell.
fn history_case(rng: &mut Lcg, person_id: Uuid, child: bool, received_on: Date) -> HistoryCase {
    let service = match (child, rng.days(5)) {
        (true, 0..=2) => "children_day_centre",
        (true, _) => "respite",
        (false, 0..=1) => "home_help",
        (false, 2) => "transport",
        (false, 3) => "respite",
        (false, _) => "group_living_short_term",
    };
    let due_on = received_on + Duration::days(14);
    let decided_on = if rng.days(6) == 0 {
        due_on + Duration::days(1 + rng.days(10))
    } else {
        received_on + Duration::days(3 + rng.days(10))
    };
    let granted = rng.days(10) != 0;
    let wait = Duration::days(2 + rng.days(60));
    let queue = match service {
        "children_day_centre" => Some(("vdc-parama", PlaceKind::DayCare)),
        "group_living_short_term" => Some(("ggn", PlaceKind::ShortTermCare)),
        _ => None,
    }
    .filter(|_| granted)
    .map(|(facility, kind)| QueueSpellSpec {
        facility: facility.to_owned(),
        kind,
        joined_on: decided_on,
        closed_on: Some(decided_on + wait),
        admitted: true,
        stay_ended_on: Some(decided_on + wait + Duration::days(30 + rng.days(300))),
    });
    HistoryCase {
        person_id,
        service: service.to_owned(),
        received_on,
        due_on: Some(due_on),
        decided_on: Some(decided_on),
        granted,
        service_from: (granted && queue.is_none()).then(|| decided_on + wait / 4),
        queue,
    }
}
