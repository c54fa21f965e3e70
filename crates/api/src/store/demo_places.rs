//! Demo places and queues (demo mode only), dated from the caller's `now`:
//!
//! - Kelmė's group living home (`ggn`): every long-term place taken by a
//!   stay (8 residents), and four people waiting in its queue in R-Q-3
//!   order (decision date, application date, registration), each with its
//!   `joined` history; the fourth joined first and moved back when people
//!   with earlier decisions joined ahead (`ahead_joined`), so the position
//!   history has something to tell;
//! - the overnight shelter (`apnakvindinimas`): one arrival this morning,
//!   brought by the police, whose SP-8 application is due 48 hours later
//!   (R-DL-5).
//!
//! Plain inserts in the caller's transaction, consistent with the queue's
//! invariants (dense positions, one history event per move, the queue's
//! registration counter); loaded once (skipped when the long-term queue has
//! any entry or stay).

use crate::store::entities::{
    facilities, facility_places, persons, queue_entries, queue_position_events, stays,
};
use crate::store::persons::search_text;
use crate::store::places::{ADMITTED, WAITING};
use atvejis_domain::personal_code::{PersonalCode, Sex, check_digit};
use atvejis_domain::places::{PlaceKind, shelter_stay_ends_on};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, sea_query::Expr,
};
use time::{Date, Duration, OffsetDateTime, Time};
use uuid::Uuid;

/// The residents of the long-term places: first ten digits of the code,
/// names, days since moving in.
const RESIDENTS: &[(&str, &str, &str, i64)] = &[
    ("3350615001", "Jonas", "Petraitis", 1900),
    ("4370203001", "Ona", "Kazlauskienė", 1500),
    ("3400911001", "Antanas", "Žukauskas", 1200),
    ("4381127001", "Marija", "Stankevičienė", 900),
    ("3420305001", "Petras", "Vasiliauskas", 640),
    ("4410719001", "Elena", "Butkienė", 420),
    ("3391014001", "Kazys", "Urbonas", 210),
    ("4360402001", "Stasė", "Paulauskienė", 95),
];

/// The people waiting, in their R-Q-3 order: code, names, days since the
/// decision, days since the application.
const WAITING_PEOPLE: &[(&str, &str, &str, i64, i64)] = &[
    ("4400818002", "Aldona", "Grigienė", 120, 150),
    ("3380512002", "Vytautas", "Mockus", 90, 110),
    ("4420923002", "Genovaitė", "Šimkienė", 60, 75),
    ("3430130002", "Algirdas", "Lukošius", 30, 40),
];

/// The shelter's arrival.
const ARRIVAL: (&str, &str, &str) = ("3750603003", "Rolandas", "Tamošaitis");

fn err(e: impl std::fmt::Display) -> DbErr {
    DbErr::Custom(e.to_string())
}

/// A valid personal code from its first ten digits.
fn code_of(first_ten: &str) -> Result<PersonalCode, DbErr> {
    let mut digits = [0u8; 10];
    for (d, c) in digits.iter_mut().zip(first_ten.bytes()) {
        *d = c.wrapping_sub(b'0');
    }
    PersonalCode::parse(&format!("{first_ten}{}", check_digit(&digits))).map_err(err)
}

fn at(day: Date, hour: u8) -> OffsetDateTime {
    day.with_time(Time::from_hms(hour, 0, 0).unwrap_or(Time::MIDNIGHT))
        .assume_utc()
}

async fn person<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    eldership_id: Option<Uuid>,
    (first_ten, first, last): (&str, &str, &str),
    now: OffsetDateTime,
) -> Result<Uuid, DbErr> {
    let code = code_of(first_ten)?;
    let address = "Vytauto Didžiojo g. 1, Kelmė";
    let id = Uuid::now_v7();
    persons::Entity::insert(persons::ActiveModel {
        id: Set(id),
        municipality_id: Set(municipality_id),
        eldership_id: Set(eldership_id),
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

async fn place<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    facility_code: &str,
    kind: PlaceKind,
) -> Result<Option<(facilities::Model, facility_places::Model)>, DbErr> {
    let Some(facility) = facilities::Entity::find()
        .filter(facilities::Column::MunicipalityId.eq(municipality_id))
        .filter(facilities::Column::Code.eq(facility_code))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let place = facility_places::Entity::find()
        .filter(facility_places::Column::FacilityId.eq(facility.id))
        .filter(facility_places::Column::PlaceKind.eq(kind.as_str()))
        .one(db)
        .await?;
    Ok(place.map(|p| (facility, p)))
}

fn stay(
    municipality_id: Uuid,
    place: &facility_places::Model,
    person_id: Uuid,
    started_on: Date,
    now: OffsetDateTime,
) -> stays::ActiveModel {
    stays::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(municipality_id),
        place_id: Set(place.id),
        facility_id: Set(place.facility_id),
        person_id: Set(person_id),
        place_kind: Set(place.place_kind.clone()),
        entry_id: Set(None),
        offer_id: Set(None),
        decision_id: Set(None),
        started_on: Set(started_on),
        arrived_at: Set(None),
        brought_by: Set(None),
        planned_until: Set(None),
        threat_reason: Set(None),
        checklist: Set(None),
        extract_027a_issued_on: Set(None),
        ended_on: Set(None),
        end_reason: Set(None),
        end_note: Set(None),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
}

/// One history event of the demo queue.
struct Event {
    entry: usize,
    from: Option<i32>,
    to: i32,
    cause: &'static str,
    because_of: Option<usize>,
    days_ago: i64,
}

/// Loads the demo places of Kelmė once.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    let Some((_, long)) = place(db, municipality_id, "ggn", PlaceKind::LongTermCare).await? else {
        return Ok(());
    };
    let used = queue_entries::Entity::find()
        .filter(queue_entries::Column::PlaceId.eq(long.id))
        .count(db)
        .await?
        + stays::Entity::find()
            .filter(stays::Column::PlaceId.eq(long.id))
            .count(db)
            .await?;
    if used > 0 {
        return Ok(());
    }
    let today = atvejis_domain::calendar::lithuanian_date(now);
    let eldership = super::seed::eldership_id(db, municipality_id, "kelmes-miesto").await?;

    // Every long-term place taken; those who moved in within the last year
    // came from the queue (their entries closed `admitted`), which is what
    // the board's expected waits are estimated from.
    let mut registrations = 0_i64;
    for (code, first, last, days) in RESIDENTS {
        let id = person(db, municipality_id, eldership, (code, first, last), now).await?;
        let started_on = today - Duration::days(*days);
        let mut row = stay(municipality_id, &long, id, started_on, now);
        if *days < 365 {
            registrations += 1;
            let entry = Uuid::now_v7();
            let joined = at(started_on - Duration::days(60), 9);
            let admitted = at(started_on, 9);
            queue_entries::Entity::insert(queue_entries::ActiveModel {
                id: Set(entry),
                municipality_id: Set(municipality_id),
                place_id: Set(long.id),
                facility_id: Set(long.facility_id),
                person_id: Set(id),
                decision_id: Set(None),
                application_id: Set(None),
                place_kind: Set(long.place_kind.clone()),
                exclusive_kind: Set(Some(long.place_kind.clone())),
                decided_on: Set(started_on - Duration::days(70)),
                applied_on: Set(started_on - Duration::days(90)),
                registration: Set(registrations),
                status: Set(ADMITTED.to_owned()),
                position: Set(None),
                hold_until: Set(None),
                hold_reason: Set(None),
                joined_at: Set(joined),
                closed_at: Set(Some(admitted)),
                close_reason: Set(Some(ADMITTED.to_owned())),
                close_note: Set(None),
                created_by: Set(None),
                created_at: Set(joined),
                updated_at: Set(admitted),
                version: Set(2),
            })
            .exec(db)
            .await?;
            row.entry_id = Set(Some(entry));
        }
        stays::Entity::insert(row).exec(db).await?;
    }

    // The queue, in R-Q-3 order; registration numbers in the order they
    // joined: the last in order (registration 1) joined first.
    let joined_days_ago = [20_i64, 15, 10, 25];
    let registration = [2_i64, 3, 4, 1];
    let mut ids = Vec::with_capacity(WAITING_PEOPLE.len());
    for (i, (code, first, last, decided, applied)) in WAITING_PEOPLE.iter().enumerate() {
        let person_id = person(db, municipality_id, eldership, (code, first, last), now).await?;
        let id = Uuid::now_v7();
        let joined = at(today - Duration::days(joined_days_ago[i]), 9);
        queue_entries::Entity::insert(queue_entries::ActiveModel {
            id: Set(id),
            municipality_id: Set(municipality_id),
            place_id: Set(long.id),
            facility_id: Set(long.facility_id),
            person_id: Set(person_id),
            decision_id: Set(None),
            application_id: Set(None),
            place_kind: Set(long.place_kind.clone()),
            exclusive_kind: Set(Some(long.place_kind.clone())),
            decided_on: Set(today - Duration::days(*decided)),
            applied_on: Set(today - Duration::days(*applied)),
            registration: Set(registrations + registration[i]),
            status: Set(WAITING.to_owned()),
            position: Set(Some(i32::try_from(i + 1).unwrap_or(i32::MAX))),
            hold_until: Set(None),
            hold_reason: Set(None),
            joined_at: Set(joined),
            closed_at: Set(None),
            close_reason: Set(None),
            close_note: Set(None),
            created_by: Set(None),
            created_at: Set(joined),
            updated_at: Set(joined),
            version: Set(1),
        })
        .exec(db)
        .await?;
        ids.push(id);
    }
    // Lukošius (3) joined first; Grigienė (0), Mockus (1) and Šimkienė (2)
    // joined ahead of him with earlier decisions.
    let events = [
        Event {
            entry: 3,
            from: None,
            to: 1,
            cause: "joined",
            because_of: None,
            days_ago: 25,
        },
        Event {
            entry: 0,
            from: None,
            to: 1,
            cause: "joined",
            because_of: None,
            days_ago: 20,
        },
        Event {
            entry: 3,
            from: Some(1),
            to: 2,
            cause: "ahead_joined",
            because_of: Some(0),
            days_ago: 20,
        },
        Event {
            entry: 1,
            from: None,
            to: 2,
            cause: "joined",
            because_of: None,
            days_ago: 15,
        },
        Event {
            entry: 3,
            from: Some(2),
            to: 3,
            cause: "ahead_joined",
            because_of: Some(1),
            days_ago: 15,
        },
        Event {
            entry: 2,
            from: None,
            to: 3,
            cause: "joined",
            because_of: None,
            days_ago: 10,
        },
        Event {
            entry: 3,
            from: Some(3),
            to: 4,
            cause: "ahead_joined",
            because_of: Some(2),
            days_ago: 10,
        },
    ];
    let mut seq = 0_i64;
    let mut last_day = None;
    for e in &events {
        if last_day != Some(e.days_ago) {
            seq += 1;
            last_day = Some(e.days_ago);
        }
        let day = today - Duration::days(e.days_ago);
        queue_position_events::Entity::insert(queue_position_events::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(municipality_id),
            place_id: Set(long.id),
            entry_id: Set(ids[e.entry]),
            seq: Set(seq),
            at: Set(at(day, 9)),
            on_date: Set(day),
            from_position: Set(e.from),
            to_position: Set(Some(e.to)),
            cause: Set(e.cause.to_owned()),
            cause_entry_id: Set(e.because_of.map(|i| ids[i])),
            cause_detail: Set(None),
            recorded_by: Set(None),
        })
        .exec(db)
        .await?;
    }
    facility_places::Entity::update_many()
        .col_expr(
            facility_places::Column::Registrations,
            Expr::value(registrations + 4),
        )
        .col_expr(
            facility_places::Column::Version,
            Expr::value(i32::try_from(seq + 1).unwrap_or(i32::MAX)),
        )
        .filter(facility_places::Column::Id.eq(long.id))
        .exec(db)
        .await?;

    // The shelter: one arrival this morning, its SP-8 due in 48 hours.
    if let Some((_, shelter)) =
        place(db, municipality_id, "apnakvindinimas", PlaceKind::Shelter).await?
    {
        let id = person(db, municipality_id, eldership, ARRIVAL, now).await?;
        let arrived = now - Duration::hours(6);
        let started_on = atvejis_domain::calendar::lithuanian_date(arrived);
        let mut row = stay(municipality_id, &shelter, id, started_on, now);
        row.arrived_at = Set(Some(arrived));
        row.brought_by = Set(Some("police".to_owned()));
        row.planned_until = Set(Some(shelter_stay_ends_on(started_on)));
        stays::Entity::insert(row).exec(db).await?;
    }
    Ok(())
}
