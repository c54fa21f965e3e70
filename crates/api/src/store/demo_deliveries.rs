//! Demo deliveries of Kelmė (demo mode only), dated from the caller's
//! `now`, so that a month's charges have something real: five people with
//! signed granting decisions (respite, home help, transport, meals, meal
//! coupons), and
//!
//! - an approved respite schedule at home (6 h, 2 visits a week) with two
//!   visits of 3 h in each week of the last full month (R-LIM-1 kept);
//! - an approved home-help schedule (8 h a week) with visits of 2.5 h on
//!   every Monday, Wednesday and Friday of the last full month;
//! - three trips of the last full month, done: to the hospital (free,
//!   R-FEE-6), to a shop in Šiauliai (paid), and one at the full price
//!   without a decision (R-FEE-7);
//! - meal lists for the last five working days with two recipients each;
//! - 30 coupons for a person returning from prison, 10 issued (R-LIM-5).
//!
//! Plain inserts in the caller's transaction; loaded once (skipped when the
//! municipality has any schedule).

use crate::store::catalogue::by_code;
use crate::store::deliveries::{SCHEDULE_APPROVED, TRIP_COMPLETED};
use crate::store::entities::{
    applications, coupon_grants, coupon_issues, decisions, delivery_schedules, delivery_visits,
    meal_list_entries, meal_lists, persons, trips, users,
};
use crate::store::persons::search_text;
use atvejis_domain::calendar::is_working_day;
use atvejis_domain::delivery::{DestinationKind, TripPurpose};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
};
use serde_json::json;
use time::{Date, Duration, Month, OffsetDateTime, Weekday};
use uuid::Uuid;

fn err(e: impl std::fmt::Display) -> DbErr {
    DbErr::Custom(e.to_string())
}

async fn user<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    username: &str,
) -> Result<Uuid, DbErr> {
    Ok(users::Entity::find()
        .filter(users::Column::MunicipalityId.eq(municipality_id))
        .filter(users::Column::Username.eq(username))
        .one(db)
        .await?
        .ok_or_else(|| err(format!("demo user {username} missing")))?
        .id)
}

async fn person<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    first: &str,
    last: &str,
    birth: Date,
    now: OffsetDateTime,
) -> Result<Uuid, DbErr> {
    let id = Uuid::now_v7();
    let address = "Laisvės g. 5, Kelmė";
    // Kelmė town's people: the demo `social_worker` (of that eldership)
    // records their visits and sees their names.
    let eldership = super::seed::eldership_id(db, municipality_id, "kelmes-miesto").await?;
    persons::Entity::insert(persons::ActiveModel {
        id: Set(id),
        municipality_id: Set(municipality_id),
        eldership_id: Set(eldership),
        personal_code: Set(None),
        first_name: Set(first.to_owned()),
        last_name: Set(last.to_owned()),
        birth_date: Set(Some(birth)),
        sex: Set(None),
        declared_address: Set(Some(address.to_owned())),
        phone: Set(None),
        email: Set(None),
        search_text: Set(search_text(first, last, None, Some(address))),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(db)
    .await?;
    Ok(id)
}

/// A notified application of `person_id` for `service` with its signed
/// granting decision in force from `from`; returns the decision's id.
#[allow(clippy::too_many_arguments)]
async fn granted<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    person_id: Uuid,
    service: &str,
    from: Date,
    worker: Uuid,
    head: Uuid,
    now: OffsetDateTime,
) -> Result<Uuid, DbErr> {
    let service_type = by_code(db, municipality_id, service)
        .await?
        .ok_or_else(|| err(format!("service type {service} missing")))?;
    let application_id = Uuid::now_v7();
    let received = from - Duration::days(20);
    let eldership = super::seed::eldership_id(db, municipality_id, "kelmes-miesto").await?;
    applications::Entity::insert(applications::ActiveModel {
        id: Set(application_id),
        municipality_id: Set(municipality_id),
        eldership_id: Set(eldership),
        person_id: Set(person_id),
        family_id: Set(None),
        service_type_id: Set(service_type.id),
        service_code: Set(service.to_owned()),
        status: Set("notified".to_owned()),
        received_on: Set(received),
        channel: Set("in_person".to_owned()),
        received_by: Set(worker),
        representative: Set(None),
        notes: Set(None),
        documents: Set(json!([])),
        exception_reason: Set(None),
        assessment: Set(None),
        assessment_submitted_on: Set(Some(received)),
        files_received_on: Set(Some(received)),
        decision_deadline: Set(None),
        decision_due_on: Set(None),
        status_reason: Set(None),
        case_id: Set(None),
        case_recommendation: Set(None),
        preferred_facility_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(db)
    .await?;
    let decision_id = Uuid::now_v7();
    let decided = from - Duration::days(3);
    decisions::Entity::insert(decisions::ActiveModel {
        id: Set(decision_id),
        municipality_id: Set(municipality_id),
        application_id: Set(application_id),
        outcome: Set("granted".to_owned()),
        status: Set("signed".to_owned()),
        reasoning: Set(Some(
            "Skirti paslaugas (demonstraciniai duomenys).".to_owned(),
        )),
        hours_per_month: Set(None),
        monthly_fee: Set(None),
        fee_calculation: Set(None),
        service_from: Set(Some(from)),
        prepared_by: Set(worker),
        prepared_at: Set(now),
        signed_by: Set(Some(head)),
        signed_at: Set(Some(now)),
        decided_on: Set(Some(decided)),
        notified_on: Set(Some(decided)),
        notification_method: Set(Some("in_person".to_owned())),
        signing_delegation_id: Set(None),
        signing_reference: Set(None),
        handed_over_on: Set(None),
        handed_over_to: Set(None),
        facility_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(db)
    .await?;
    Ok(decision_id)
}

#[allow(clippy::too_many_arguments)]
fn schedule(
    municipality_id: Uuid,
    person_id: Uuid,
    decision_id: Uuid,
    service: &str,
    organisation: Option<&str>,
    hours: Decimal,
    visits: i32,
    from: Date,
    until: Date,
    head: Uuid,
    worker: Uuid,
    now: OffsetDateTime,
) -> delivery_schedules::ActiveModel {
    delivery_schedules::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(municipality_id),
        person_id: Set(person_id),
        decision_id: Set(decision_id),
        service_code: Set(service.to_owned()),
        respite_organisation: Set(organisation.map(str::to_owned)),
        hours_per_week: Set(hours),
        visits_per_week: Set(visits),
        valid_from: Set(from),
        valid_until: Set(until),
        notes: Set(None),
        status: Set(SCHEDULE_APPROVED.to_owned()),
        approved_by: Set(Some(head)),
        approved_at: Set(Some(now)),
        created_by: Set(Some(worker)),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(2),
    }
}

fn visit(
    s: &delivery_schedules::Model,
    on: Date,
    hours: Decimal,
    worker: Uuid,
    now: OffsetDateTime,
) -> delivery_visits::ActiveModel {
    delivery_visits::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(s.municipality_id),
        schedule_id: Set(s.id),
        person_id: Set(s.person_id),
        decision_id: Set(s.decision_id),
        service_code: Set(s.service_code.clone()),
        visit_on: Set(on),
        hours: Set(hours),
        other_paid_care_hours: Set(Decimal::ZERO),
        countable_hours: Set(hours),
        worker_id: Set(worker),
        over_schedule: Set(false),
        note: Set(None),
        created_by: Set(Some(worker)),
        created_at: Set(now),
    }
}

#[allow(clippy::too_many_arguments)]
fn trip(
    municipality_id: Uuid,
    person_id: Uuid,
    decision_id: Option<Uuid>,
    on: Date,
    purpose: TripPurpose,
    destination: &str,
    kind: DestinationKind,
    km: Decimal,
    full_price: bool,
    worker: Uuid,
    now: OffsetDateTime,
) -> trips::ActiveModel {
    trips::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(municipality_id),
        person_id: Set(person_id),
        decision_id: Set(decision_id),
        requested_on: Set(on - Duration::days(10)),
        trip_on: Set(on),
        purpose: Set(purpose.as_str().to_owned()),
        destination: Set(destination.to_owned()),
        destination_kind: Set(kind.as_str().to_owned()),
        free_destination: Set(kind.is_free()),
        km_one_way: Set(km),
        full_price: Set(full_price),
        status: Set(TRIP_COMPLETED.to_owned()),
        km_driven: Set(Some(km * Decimal::TWO)),
        completed_at: Set(Some(now)),
        note: Set(None),
        created_by: Set(Some(worker)),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(2),
    }
}

/// Loads the demo deliveries of Kelmė once.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    let existing = delivery_schedules::Entity::find()
        .filter(delivery_schedules::Column::MunicipalityId.eq(municipality_id))
        .count(db)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    let worker = user(db, municipality_id, "social_worker").await?;
    let head = user(db, municipality_id, "division_head").await?;
    let today = atvejis_domain::calendar::lithuanian_date(now);
    // The last full month.
    let this_month = Date::from_calendar_date(today.year(), today.month(), 1).map_err(err)?;
    let last_day = this_month - Duration::days(1);
    let first_day = Date::from_calendar_date(last_day.year(), last_day.month(), 1).map_err(err)?;
    let month_days: Vec<Date> = (0..i64::from(last_day.day()))
        .map(|d| first_day + Duration::days(d))
        .collect();
    let from = first_day - Duration::days(30);
    let until = Date::from_calendar_date(today.year() + 1, Month::December, 31).map_err(err)?;

    let birth = |y| Date::from_calendar_date(y, Month::March, 3).map_err(err);
    let respite_person =
        person(db, municipality_id, "Birutė", "Rimkienė", birth(1941)?, now).await?;
    let home_person = person(db, municipality_id, "Juozas", "Navickas", birth(1938)?, now).await?;
    let trip_person = person(
        db,
        municipality_id,
        "Romualdas",
        "Kairys",
        birth(1952)?,
        now,
    )
    .await?;
    let meal_one = person(
        db,
        municipality_id,
        "Vida",
        "Baranauskienė",
        birth(1961)?,
        now,
    )
    .await?;
    let meal_two = person(
        db,
        municipality_id,
        "Saulius",
        "Jonaitis",
        birth(1979)?,
        now,
    )
    .await?;
    let coupon_person = person(db, municipality_id, "Darius", "Pocius", birth(1985)?, now).await?;

    // Respite at home: two visits of 3 h a week (Tuesday and Thursday).
    let d = granted(
        db,
        municipality_id,
        respite_person,
        "respite",
        from,
        worker,
        head,
        now,
    )
    .await?;
    let s = delivery_schedules::Entity::insert(schedule(
        municipality_id,
        respite_person,
        d,
        "respite",
        Some("at_home"),
        Decimal::from(6),
        2,
        from,
        until,
        head,
        worker,
        now,
    ))
    .exec_with_returning(db)
    .await?;
    for day in month_days
        .iter()
        .filter(|d| matches!(d.weekday(), Weekday::Tuesday | Weekday::Thursday))
    {
        delivery_visits::Entity::insert(visit(&s, *day, Decimal::from(3), worker, now))
            .exec(db)
            .await?;
    }

    // Home help: 2.5 h on Mondays, Wednesdays and Fridays.
    let d = granted(
        db,
        municipality_id,
        home_person,
        "home_help",
        from,
        worker,
        head,
        now,
    )
    .await?;
    let s = delivery_schedules::Entity::insert(schedule(
        municipality_id,
        home_person,
        d,
        "home_help",
        None,
        Decimal::from(8),
        3,
        from,
        until,
        head,
        worker,
        now,
    ))
    .exec_with_returning(db)
    .await?;
    for day in month_days.iter().filter(|d| {
        matches!(
            d.weekday(),
            Weekday::Monday | Weekday::Wednesday | Weekday::Friday
        )
    }) {
        delivery_visits::Entity::insert(visit(&s, *day, Decimal::new(25, 1), worker, now))
            .exec(db)
            .await?;
    }

    // Trips.
    let d = granted(
        db,
        municipality_id,
        trip_person,
        "transport",
        from,
        worker,
        head,
        now,
    )
    .await?;
    let working: Vec<Date> = month_days
        .iter()
        .copied()
        .filter(|d| is_working_day(*d))
        .collect();
    let pick = |i: usize| working.get(i).copied().unwrap_or(first_day);
    for t in [
        trip(
            municipality_id,
            trip_person,
            Some(d),
            pick(2),
            TripPurpose::Treatment,
            "Kelmės ligoninė",
            DestinationKind::CareInstitution,
            Decimal::from(12),
            false,
            worker,
            now,
        ),
        trip(
            municipality_id,
            trip_person,
            Some(d),
            pick(9),
            TripPurpose::TechnicalAids,
            "Šiaulių techninės pagalbos centras",
            DestinationKind::Other,
            Decimal::from(43),
            false,
            worker,
            now,
        ),
        trip(
            municipality_id,
            meal_two,
            None,
            pick(14),
            TripPurpose::MedicalCommission,
            "Šiaulių GKK",
            DestinationKind::Other,
            Decimal::new(415, 1),
            true,
            worker,
            now,
        ),
    ] {
        trips::Entity::insert(t).exec(db).await?;
    }

    // Meal lists for the last five working days of the month.
    let meal_one_decision = granted(
        db,
        municipality_id,
        meal_one,
        "meals",
        from,
        worker,
        head,
        now,
    )
    .await?;
    let meal_two_decision = granted(
        db,
        municipality_id,
        meal_two,
        "meals",
        from,
        worker,
        head,
        now,
    )
    .await?;
    for day in working.iter().rev().take(5) {
        let list_id = Uuid::now_v7();
        meal_lists::Entity::insert(meal_lists::ActiveModel {
            id: Set(list_id),
            municipality_id: Set(municipality_id),
            name: Set("Kelmės socialinių paslaugų centro valgykla".to_owned()),
            served_on: Set(*day),
            created_by: Set(Some(worker)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        })
        .exec(db)
        .await?;
        for (person_id, decision_id, by) in [
            (meal_one, meal_one_decision, None),
            (meal_two, meal_two_decision, Some("Rasa Jonaitienė")),
        ] {
            meal_list_entries::Entity::insert(meal_list_entries::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(municipality_id),
                list_id: Set(list_id),
                person_id: Set(person_id),
                decision_id: Set(decision_id),
                served_on: Set(*day),
                signed: Set(true),
                signed_by_name: Set(by.map(str::to_owned)),
                created_by: Set(Some(worker)),
                created_at: Set(now),
            })
            .exec(db)
            .await?;
        }
    }

    // Coupons for a person returning from prison (R-LIM-5).
    let grant_id = Uuid::now_v7();
    coupon_grants::Entity::insert(coupon_grants::ActiveModel {
        id: Set(grant_id),
        municipality_id: Set(municipality_id),
        person_id: Set(coupon_person),
        basis: Set("prison_return".to_owned()),
        commission_decision_no: Set(None),
        commission_decision_on: Set(None),
        coupons: Set(30),
        valid_from: Set(first_day),
        valid_until: Set(None),
        director_decision_no: Set(Some("V-112".to_owned())),
        created_by: Set(Some(worker)),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(db)
    .await?;
    coupon_issues::Entity::insert(coupon_issues::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(municipality_id),
        grant_id: Set(grant_id),
        person_id: Set(coupon_person),
        issued_on: Set(pick(0)),
        coupons: Set(10),
        received_by: Set("person".to_owned()),
        authorised_name: Set(None),
        signed: Set(true),
        created_by: Set(Some(worker)),
        created_at: Set(now),
    })
    .exec(db)
    .await?;
    Ok(())
}
