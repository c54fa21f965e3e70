//! A history of past work for the reports (R-REP-1..3): applications with
//! their signed decisions (some late), the start of the service, and queue
//! spells with the stays that ended them. [`record`] stores one such case
//! exactly as given (the black-box tests build their fixed data sets with
//! it); [`load`] generates the demo's history deterministically — the
//! previous calendar year and this year up to the last month, relative to
//! the demo's "today" — once.
//!
//! The history never touches what other demo data rests on: its people
//! belong to no eldership, its queue entries are closed and its stays ended
//! before the last full month (the charge run's month), and it uses the
//! short-term care places and the children's day centre, not the long-term
//! places of the places demo.

use crate::store::catalogue::{by_code, spec_of};
use crate::store::entities::{
    applications, decisions, facilities, facility_places, persons, queue_entries, stays, users,
};
use crate::store::persons::search_text;
use crate::store::places::{ADMITTED, LEFT};
use atvejis_domain::application::{DeadlineEvents, decision_due_on};
use atvejis_domain::places::PlaceKind;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, sea_query::Expr,
};
use serde_json::json;
use time::{Date, Duration, Month, OffsetDateTime, Time};
use uuid::Uuid;

fn err(e: impl std::fmt::Display) -> DbErr {
    DbErr::Custom(format!("report history: {e}"))
}

fn at(day: Date) -> OffsetDateTime {
    day.with_time(Time::from_hms(9, 0, 0).unwrap_or(Time::MIDNIGHT))
        .assume_utc()
}

/// Stores a person of the history (no eldership, no personal code).
pub async fn person<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    first: &str,
    last: &str,
    birth_date: Option<Date>,
    now: OffsetDateTime,
) -> Result<Uuid, DbErr> {
    let id = Uuid::now_v7();
    persons::Entity::insert(person_row(
        id,
        municipality_id,
        None,
        first,
        last,
        birth_date,
        now,
    ))
    .exec(db)
    .await?;
    Ok(id)
}

/// The row of generated person `id` (no personal code, no contacts).
pub fn person_row(
    id: Uuid,
    municipality_id: Uuid,
    eldership_id: Option<Uuid>,
    first: &str,
    last: &str,
    birth_date: Option<Date>,
    now: OffsetDateTime,
) -> persons::ActiveModel {
    persons::ActiveModel {
        id: Set(id),
        municipality_id: Set(municipality_id),
        eldership_id: Set(eldership_id),
        personal_code: Set(None),
        first_name: Set(first.to_owned()),
        last_name: Set(last.to_owned()),
        birth_date: Set(birth_date),
        sex: Set(None),
        declared_address: Set(None),
        phone: Set(None),
        email: Set(None),
        search_text: Set(search_text(first, last, None, None)),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
}

/// A stretch in a facility's queue, and the stay that ended it.
#[derive(Debug, Clone)]
pub struct QueueSpellSpec {
    /// The facility's code, e.g. `ggn`.
    pub facility: String,
    /// The place kind.
    pub kind: PlaceKind,
    /// The day the person joined the queue.
    pub joined_on: Date,
    /// The day the entry closed (`None`: still waiting — then it holds no
    /// position and is for tests only).
    pub closed_on: Option<Date>,
    /// Admitted (a stay from `closed_on`) or left the queue.
    pub admitted: bool,
    /// The day the stay ended, if it has.
    pub stay_ended_on: Option<Date>,
}

/// One case of the history: an application, its decision if signed, and
/// how the service started.
#[derive(Debug, Clone)]
pub struct HistoryCase {
    /// The person.
    pub person_id: Uuid,
    /// The service type's code.
    pub service: String,
    /// When the application was received.
    pub received_on: Date,
    /// When the decision was due.
    pub due_on: Option<Date>,
    /// When the decision was signed (`None`: not yet).
    pub decided_on: Option<Date>,
    /// Granted or refused.
    pub granted: bool,
    /// The decision's `service_from` (services not given in a facility).
    pub service_from: Option<Date>,
    /// The queue spell of a service given in a facility.
    pub queue: Option<QueueSpellSpec>,
}

/// Who a granted service of the history was handed over to.
const HANDED_OVER_TO: &str = "Paslaugų teikėjas";

/// The rows of one case of the history, as [`History::rows`] builds them.
pub struct HistoryRows {
    /// The application's id.
    pub application_id: Uuid,
    /// The application.
    pub application: applications::ActiveModel,
    /// Its signed decision.
    pub decision: Option<decisions::ActiveModel>,
    /// The queue entry of a service given in a facility.
    pub entry: Option<queue_entries::ActiveModel>,
    /// The stay that closed the queue entry.
    pub stay: Option<stays::ActiveModel>,
}

/// Where a history is written: the municipality, the member of staff who
/// recorded it, its service types and the places whose queues it joins
/// (looked up once, so that a bulk load builds its rows without a
/// statement per case).
pub struct History {
    municipality_id: Uuid,
    staff: Uuid,
    now: OffsetDateTime,
    services: Vec<(String, Uuid)>,
    /// Each place with the registrations the history has given it.
    places: Vec<(String, PlaceKind, facility_places::Model)>,
}

impl History {
    /// The history of `municipality_id`, written at `now`.
    pub async fn of<C: ConnectionTrait>(
        db: &C,
        municipality_id: Uuid,
        now: OffsetDateTime,
    ) -> Result<Self, DbErr> {
        let staff = users::Entity::find()
            .filter(users::Column::MunicipalityId.eq(municipality_id))
            .one(db)
            .await?
            .ok_or_else(|| err("no member of staff"))?
            .id;
        Ok(History {
            municipality_id,
            staff,
            now,
            services: Vec::new(),
            places: Vec::new(),
        })
    }

    /// Looks up the service type and the place `case` needs, once each.
    pub async fn prepare<C: ConnectionTrait>(
        &mut self,
        db: &C,
        case: &HistoryCase,
    ) -> Result<(), DbErr> {
        if !self.services.iter().any(|(code, _)| *code == case.service) {
            let service = by_code(db, self.municipality_id, &case.service)
                .await?
                .ok_or_else(|| err(format!("service type {} missing", case.service)))?;
            self.services.push((case.service.clone(), service.id));
        }
        if let Some(q) = &case.queue
            && !self
                .places
                .iter()
                .any(|(f, k, _)| *f == q.facility && *k == q.kind)
        {
            let model = place(db, self.municipality_id, &q.facility, q.kind).await?;
            self.places.push((q.facility.clone(), q.kind, model));
        }
        Ok(())
    }

    /// The rows that store `case` as given, after [`History::prepare`]: a
    /// queue entry takes the place's next registration number.
    pub fn rows(&mut self, case: &HistoryCase) -> Result<HistoryRows, DbErr> {
        let (municipality_id, staff, now) = (self.municipality_id, self.staff, self.now);
        let service_type_id = self
            .services
            .iter()
            .find(|(code, _)| *code == case.service)
            .ok_or_else(|| err(format!("service type {} not prepared", case.service)))?
            .1;
        let status = if case.decided_on.is_some() {
            "notified"
        } else {
            "ready_for_decision"
        };
        let application_id = Uuid::now_v7();
        let application = applications::ActiveModel {
            id: Set(application_id),
            municipality_id: Set(municipality_id),
            eldership_id: Set(None),
            person_id: Set(case.person_id),
            family_id: Set(None),
            service_type_id: Set(service_type_id),
            service_code: Set(case.service.clone()),
            status: Set(status.to_owned()),
            received_on: Set(case.received_on),
            channel: Set("in_person".to_owned()),
            received_by: Set(staff),
            representative: Set(None),
            notes: Set(Some(NOTE.to_owned())),
            documents: Set(json!([])),
            exception_reason: Set(None),
            assessment: Set(None),
            assessment_submitted_on: Set(Some(case.received_on)),
            files_received_on: Set(Some(case.received_on)),
            decision_deadline: Set(None),
            decision_due_on: Set(case.due_on),
            status_reason: Set(None),
            case_id: Set(None),
            case_recommendation: Set(None),
            preferred_facility_id: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        };
        let mut rows = HistoryRows {
            application_id,
            application,
            decision: None,
            entry: None,
            stay: None,
        };
        let Some(decided) = case.decided_on else {
            return Ok(rows);
        };
        let place = match &case.queue {
            Some(q) => {
                let (_, _, place) = self
                    .places
                    .iter_mut()
                    .find(|(f, k, _)| *f == q.facility && k == &q.kind)
                    .ok_or_else(|| err(format!("place at {} not prepared", q.facility)))?;
                place.registrations += 1;
                Some(place.clone())
            }
            None => None,
        };
        let decision_id = Uuid::now_v7();
        rows.decision = Some(decisions::ActiveModel {
            id: Set(decision_id),
            municipality_id: Set(municipality_id),
            application_id: Set(application_id),
            outcome: Set(if case.granted { "granted" } else { "refused" }.to_owned()),
            status: Set("signed".to_owned()),
            reasoning: Set(Some("Demonstraciniai duomenys.".to_owned())),
            hours_per_month: Set(None),
            monthly_fee: Set(None),
            fee_calculation: Set(None),
            service_from: Set(case.service_from),
            prepared_by: Set(staff),
            prepared_at: Set(at(decided)),
            signed_by: Set(Some(staff)),
            signed_at: Set(Some(at(decided))),
            decided_on: Set(Some(decided)),
            notified_on: Set(Some(decided)),
            notification_method: Set(Some("in_person".to_owned())),
            signing_delegation_id: Set(None),
            signing_reference: Set(None),
            // History is complete: a granted service was handed over to
            // its provider on the day (R-DL-2), so it is not today's work.
            handed_over_on: Set(case.granted.then_some(decided)),
            handed_over_to: Set(case.granted.then(|| HANDED_OVER_TO.to_owned())),
            facility_id: Set(place.as_ref().map(|p| p.facility_id)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        });
        let (Some(q), Some(place)) = (&case.queue, place) else {
            return Ok(rows);
        };
        let entry_id = Uuid::now_v7();
        let (status, reason) = match (q.closed_on, q.admitted) {
            (None, _) => ("waiting", None),
            (Some(_), true) => (ADMITTED, Some("admitted")),
            (Some(_), false) => (LEFT, Some("withdrew")),
        };
        rows.entry = Some(queue_entries::ActiveModel {
            id: Set(entry_id),
            municipality_id: Set(municipality_id),
            place_id: Set(place.id),
            facility_id: Set(place.facility_id),
            person_id: Set(case.person_id),
            decision_id: Set(Some(decision_id)),
            application_id: Set(Some(application_id)),
            place_kind: Set(place.place_kind.clone()),
            exclusive_kind: Set(None),
            decided_on: Set(decided),
            applied_on: Set(case.received_on),
            registration: Set(place.registrations),
            status: Set(status.to_owned()),
            position: Set(None),
            hold_until: Set(None),
            hold_reason: Set(None),
            joined_at: Set(at(q.joined_on)),
            closed_at: Set(q.closed_on.map(at)),
            close_reason: Set(reason.map(str::to_owned)),
            close_note: Set(None),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        });
        if let (Some(start), true) = (q.closed_on, q.admitted) {
            rows.stay = Some(stays::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(municipality_id),
                place_id: Set(place.id),
                facility_id: Set(place.facility_id),
                person_id: Set(case.person_id),
                place_kind: Set(place.place_kind.clone()),
                entry_id: Set(Some(entry_id)),
                offer_id: Set(None),
                decision_id: Set(Some(decision_id)),
                started_on: Set(start),
                arrived_at: Set(None),
                brought_by: Set(None),
                planned_until: Set(None),
                threat_reason: Set(None),
                checklist: Set(None),
                extract_027a_issued_on: Set(None),
                ended_on: Set(q.stay_ended_on),
                end_reason: Set(q.stay_ended_on.map(|_| "completed".to_owned())),
                end_note: Set(None),
                created_by: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
            });
        }
        Ok(rows)
    }

    /// Stores what [`History::rows`] built, many rows a statement, and the
    /// places' registration counters.
    pub async fn store<C: ConnectionTrait>(
        &self,
        db: &C,
        rows: Vec<HistoryRows>,
    ) -> Result<(), DbErr> {
        const CHUNK: usize = 500;
        let mut applications = Vec::with_capacity(rows.len());
        let (mut decisions, mut entries, mut stays) = (Vec::new(), Vec::new(), Vec::new());
        for r in rows {
            applications.push(r.application);
            decisions.extend(r.decision);
            entries.extend(r.entry);
            stays.extend(r.stay);
        }
        insert_chunks::<applications::Entity, _>(db, applications, CHUNK).await?;
        insert_chunks::<decisions::Entity, _>(db, decisions, CHUNK).await?;
        insert_chunks::<queue_entries::Entity, _>(db, entries, CHUNK).await?;
        insert_chunks::<stays::Entity, _>(db, stays, CHUNK).await?;
        for (_, _, place) in &self.places {
            facility_places::Entity::update_many()
                .col_expr(
                    facility_places::Column::Registrations,
                    Expr::value(place.registrations),
                )
                .filter(facility_places::Column::Id.eq(place.id))
                .exec(db)
                .await?;
        }
        Ok(())
    }
}

/// Inserts `models` `chunk` rows a statement.
pub(crate) async fn insert_chunks<E, C>(
    db: &C,
    models: Vec<E::ActiveModel>,
    chunk: usize,
) -> Result<(), DbErr>
where
    E: EntityTrait,
    E::ActiveModel: Send,
    C: ConnectionTrait,
{
    let mut models = models.into_iter().peekable();
    while models.peek().is_some() {
        E::insert_many(models.by_ref().take(chunk))
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Stores `case` as given; returns the application's id.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    case: &HistoryCase,
    now: OffsetDateTime,
) -> Result<Uuid, DbErr> {
    let mut history = History::of(db, municipality_id, now).await?;
    history.prepare(db, case).await?;
    let rows = history.rows(case)?;
    let id = rows.application_id;
    history.store(db, vec![rows]).await?;
    Ok(id)
}

async fn place<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    facility_code: &str,
    kind: PlaceKind,
) -> Result<facility_places::Model, DbErr> {
    let facility = facilities::Entity::find()
        .filter(facilities::Column::MunicipalityId.eq(municipality_id))
        .filter(facilities::Column::Code.eq(facility_code))
        .one(db)
        .await?
        .ok_or_else(|| err(format!("facility {facility_code} missing")))?;
    facility_places::Entity::find()
        .filter(facility_places::Column::FacilityId.eq(facility.id))
        .filter(facility_places::Column::PlaceKind.eq(kind.as_str()))
        .one(db)
        .await?
        .ok_or_else(|| err(format!("no {kind:?} places at {facility_code}")))
}

/// The marker of the history's applications (how [`load`] knows it ran).
const NOTE: &str = "Ataskaitų istorija (demonstraciniai duomenys)";

const FIRST: [&str; 12] = [
    "Rasa",
    "Darius",
    "Irena",
    "Vytautas",
    "Laima",
    "Gediminas",
    "Aušra",
    "Mindaugas",
    "Jūratė",
    "Saulius",
    "Dalia",
    "Rimantas",
];
const LAST: [&str; 8] = [
    "Jankauskas",
    "Žilinskas",
    "Kairys",
    "Šimkus",
    "Baranauskas",
    "Lukošius",
    "Mockus",
    "Čepaitis",
];

/// A small deterministic generator (a linear congruential one): the demo
/// is the same every time it is loaded on the same day.
pub struct Lcg(pub u64);

impl Lcg {
    /// A number in `0..n`.
    pub fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }

    /// A number of days in `0..n`.
    pub fn days(&mut self, n: u64) -> i64 {
        i64::try_from(self.next(n)).unwrap_or(0)
    }
}

/// Loads the demo's report history once: from 1 January of last year to the
/// end of the month before the last full month, about eight applications a
/// month for home help, respite, transport, the children's day centre and
/// short-term care; about one decision in six signed late.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    let done = applications::Entity::find()
        .filter(applications::Column::MunicipalityId.eq(municipality_id))
        .filter(applications::Column::Notes.eq(NOTE))
        .count(db)
        .await?;
    if done > 0 {
        return Ok(());
    }
    let today = atvejis_domain::calendar::lithuanian_date(now);
    let this_month = today.replace_day(1).map_err(err)?;
    let last_full = (this_month - Duration::days(1))
        .replace_day(1)
        .map_err(err)?;
    // Everything of the history is over before the charge run's month.
    let end = last_full - Duration::days(1);
    let start = Date::from_calendar_date(today.year() - 1, Month::January, 1).map_err(err)?;
    let mut rng = Lcg(20_261_203);

    // 60 people: a third of them children (born 2010–2019).
    let mut people = Vec::new();
    for i in 0..60u64 {
        let child = i % 3 == 0;
        let year = if child {
            2010 + i32::try_from(rng.next(10)).map_err(err)?
        } else {
            1935 + i32::try_from(rng.next(50)).map_err(err)?
        };
        let birth = Date::from_calendar_date(
            year,
            Month::try_from(u8::try_from(1 + rng.next(12)).map_err(err)?).map_err(err)?,
            u8::try_from(1 + rng.next(28)).map_err(err)?,
        )
        .map_err(err)?;
        let first = FIRST[usize::try_from(i).map_err(err)? % FIRST.len()];
        let last = LAST[usize::try_from(i / 2).map_err(err)? % LAST.len()];
        let id = person(db, municipality_id, first, last, Some(birth), now).await?;
        people.push((id, child));
    }
    let children: Vec<Uuid> = people.iter().filter(|p| p.1).map(|p| p.0).collect();
    let adults: Vec<Uuid> = people.iter().filter(|p| !p.1).map(|p| p.0).collect();

    let mut history = History::of(db, municipality_id, now).await?;
    let mut rows = Vec::new();
    let mut day = start;
    let mut n = 0usize;
    while day <= end - Duration::days(40) {
        let service = match n % 8 {
            0..=2 => "home_help",
            3 => "respite",
            4 => "transport",
            5 | 6 => "children_day_centre",
            _ => "group_living_short_term",
        };
        let spec = spec_of(
            &by_code(db, municipality_id, service)
                .await?
                .ok_or_else(|| err(format!("service type {service} missing")))?,
        )?;
        let due = decision_due_on(
            &spec.decision_deadline,
            &DeadlineEvents {
                received_on: day,
                assessment_submitted_on: Some(day),
                files_received_on: Some(day),
            },
        )
        .unwrap_or(day + Duration::days(14));
        let late = rng.next(6) == 0;
        let decided = if late {
            due + Duration::days(1 + rng.days(10))
        } else {
            day + Duration::days(3 + rng.days(8)).min(due - day)
        };
        let person_id = if service == "children_day_centre" {
            children[n % children.len()]
        } else {
            adults[n % adults.len()]
        };
        let granted = rng.next(10) != 0;
        let wait = 2 + rng.days(30);
        let queue = match service {
            "children_day_centre" => Some(("vdc-parama", PlaceKind::DayCare)),
            "group_living_short_term" => Some(("ggn", PlaceKind::ShortTermCare)),
            _ => None,
        }
        .filter(|_| granted)
        .map(|(facility, kind)| {
            let admitted_on = (decided + Duration::days(wait)).min(end);
            QueueSpellSpec {
                facility: facility.to_owned(),
                kind,
                joined_on: decided,
                closed_on: Some(admitted_on),
                admitted: true,
                stay_ended_on: Some((admitted_on + Duration::days(60)).min(end)),
            }
        });
        let case = HistoryCase {
            person_id,
            service: service.to_owned(),
            received_on: day,
            due_on: Some(due),
            decided_on: Some(decided),
            granted,
            service_from: (granted && queue.is_none()).then(|| decided + Duration::days(wait / 3)),
            queue,
        };
        history.prepare(db, &case).await?;
        rows.push(history.rows(&case)?);
        n += 1;
        day += Duration::days(2 + rng.days(5));
    }
    history.store(db, rows).await
}
