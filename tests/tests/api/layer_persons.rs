//! People and families through the application layer: the person's file in
//! a fixed number of statements, and every read of case content recorded
//! with its purpose (or refused without one).

use crate::db_tests;
use crate::support::{Reply, TestApp};
use atvejis_api::actor::Actor;
use atvejis_api::store::StoreError;
use atvejis_api::store::entities::{
    applications, decisions, elderships, families, family_members, income_records, municipalities,
    person_certificates, persons, service_types, users,
};
use atvejis_api::store::person_file::{self, FileStamp, PersonFileRows};
use atvejis_domain::access::Role;
use reqwest::Method;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveValue::Set, ColumnTrait, DbBackend, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

db_tests!(
    person_file_takes_one_statement_and_the_read_record_on_postgresql,
    person_file_loaders_agree,
    person_file_stamp_moves_with_every_change_of_the_file,
    a_file_read_again_shows_every_change_since,
    search_and_eligibility_reads_are_recorded_with_their_purpose,
    reads_without_a_purpose_are_refused_and_not_recorded,
    search_counts_exactly_up_to_1000_then_says_more,
    a_broad_searchs_page_is_in_name_order_wherever_its_matches_stand,
);

const HOME_HELP_DOCS: [&str; 7] = [
    "sp8_application",
    "identity_document",
    "disability_or_pensioner_certificate",
    "medical_extract_027a",
    "declared_residence",
    "income_3_months",
    "capacity_or_special_needs",
];

async fn ona(app: &TestApp, token: &str) -> Value {
    app.post(
        "/api/v1/persons",
        token,
        json!({
            "personal_code": "46805280103",
            "first_name": "Ona",
            "last_name": "Žemaitė",
            "declared_address": "Šiaulių g. 5, Kelmė",
        }),
    )
    .await
    .assert_status(201)
    .clone()
}

async fn home_help(app: &TestApp, token: &str, person_id: &str, received_on: &str) -> Value {
    let documents: Vec<Value> = HOME_HELP_DOCS
        .iter()
        .map(|c| json!({ "code": c, "status": "provided" }))
        .collect();
    app.post(
        "/api/v1/applications",
        token,
        json!({
            "person_id": person_id,
            "service_code": "home_help",
            "received_on": received_on,
            "channel": "in_person",
            "documents": documents,
        }),
    )
    .await
    .assert_status(201)
    .clone()
}

/// Takes a received application through assessment, the division, a
/// prepared decision and its signature, all through the API.
async fn decide(app: &TestApp, worker: &str, specialist: &str, head: &str, application: &Value) {
    let id = application["id"].as_str().unwrap();
    let assessed = app
        .json(
            Method::PUT,
            &format!("/api/v1/applications/{id}/assessment"),
            Some(worker),
            json!({
                "version": application["version"],
                "submitted_on": "2026-11-12",
                "conclusion": "Reikia pagalbos į namus.",
                "recommended_hours_per_month": "10",
            }),
        )
        .await
        .assert_status(200)
        .clone();
    let forwarded = app
        .post(
            &format!("/api/v1/applications/{id}/forward"),
            worker,
            json!({ "version": assessed["version"] }),
        )
        .await
        .assert_status(200)
        .clone();
    let prepared = app
        .post(
            &format!("/api/v1/applications/{id}/decision"),
            specialist,
            json!({ "version": forwarded["version"], "outcome": "granted", "reasoning": "Taip.", "hours_per_month": "10" }),
        )
        .await
        .assert_status(200)
        .clone();
    let decision = &prepared["decision"];
    app.post(
        &format!(
            "/api/v1/decisions/{}/sign",
            decision["id"].as_str().unwrap()
        ),
        head,
        json!({ "version": decision["version"] }),
    )
    .await
    .assert_status(200);
}

/// Ona with a full file, read by the social worker: 6 income records, 2
/// certificates, a family and 3 applications (2 decided). Returns the
/// worker's token and Ona's id.
async fn full_file(app: &TestApp) -> (String, String) {
    // After the applications below (received 10–12 November 2026).
    app.clock.set_today(time::macros::date!(2026 - 12 - 10));
    let worker = app.token("social_worker").await;
    let specialist = app.token("division_specialist").await;
    let head = app.token("division_head").await;
    let person = ona(app, &worker).await;
    let id = person["id"].as_str().unwrap().to_owned();
    // 6 income records: May–October 2026.
    for month in 5..=10 {
        app.post(
            &format!("/api/v1/persons/{id}/income"),
            &worker,
            json!({ "year": 2026, "month": month, "amount": "700.00", "source": "sodra" }),
        )
        .await
        .assert_status(201);
    }
    // 2 certificates.
    for (kind, value) in [("pensioner", None), ("working_capacity", Some("40"))] {
        app.post(
            &format!("/api/v1/persons/{id}/certificates"),
            &worker,
            json!({ "kind": kind, "value": value, "valid_from": "2026-01-01" }),
        )
        .await
        .assert_status(201);
    }
    // 1 family.
    app.post(
        "/api/v1/families",
        &worker,
        json!({ "name": "Žemaičių šeima", "members": [{ "person_id": id, "relation": "applicant" }] }),
    )
    .await
    .assert_status(201);
    // 3 applications, 2 of them decided (prepared and signed).
    for (n, received_on) in ["2026-11-10", "2026-11-11", "2026-11-12"]
        .iter()
        .enumerate()
    {
        let application = home_help(app, &worker, &id, received_on).await;
        if n < 2 {
            decide(app, &worker, &specialist, &head, &application).await;
        }
    }
    (worker, id)
}

async fn person_file_takes_one_statement_and_the_read_record_on_postgresql(app: TestApp) {
    let (worker, id) = full_file(&app).await;
    let read = || async {
        app.statements(
            app.request(Method::GET, &format!("/api/v1/persons/{id}"))
                .bearer_auth(&worker)
                .header("x-purpose", "decision"),
        )
        .await
    };
    // Receiving the applications put their service type in the process's
    // cache, so even the first read reads none.
    let (reply, first): (Reply, usize) = read().await;
    reply.assert_status(200);
    let (reply, statements): (Reply, usize) = read().await;
    let file = reply.assert_status(200);
    println!("GET /api/v1/persons/{{id}}: {first}, then {statements} SQL statements");
    assert_eq!(file["applications"].as_array().unwrap().len(), 3);
    assert_eq!(file["income"].as_array().unwrap().len(), 6);
    assert_eq!(file["income"][0]["month"], 10, "newest month first");
    assert_eq!(file["income"][0]["amount"], "700.00");
    assert_eq!(file["certificates"].as_array().unwrap().len(), 2);
    assert_eq!(file["families"].as_array().unwrap().len(), 1);
    assert_eq!(file["families"][0]["relation"], "applicant");
    assert_eq!(
        file["person"]["eldership"]["name"],
        "Kelmės miesto seniūnija"
    );
    let signed = file["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "decision_signed")
        .count();
    assert_eq!(signed, 2);
    // The worker's token was checked before: the session cache holds it.
    // One SELECT on PostgreSQL, three on SQLite; then the read record.
    let most = match app.db.get_database_backend() {
        DbBackend::Postgres => 2,
        _ => 4,
    };
    for taken in [first, statements] {
        assert!(
            taken <= most,
            "the file took {taken} statements (at most {most})"
        );
    }
}

/// The one PostgreSQL statement and the three SQLite queries read the same
/// file (on SQLite both are the three queries).
async fn person_file_loaders_agree(app: TestApp) {
    let (_, id) = full_file(&app).await;
    let actor = social_worker(&app).await;
    let id: Uuid = id.parse().unwrap();
    let file = person_file::load(&app.db, &actor, id).await.unwrap();
    let queried = three_queries(&app, &actor, id).await;
    assert_eq!(file, queried);
    assert_eq!(
        (
            file.applications.len(),
            file.income.len(),
            file.certificates.len()
        ),
        (3, 6, 2)
    );
    assert!(file.applications[0].eldership.is_some());
    assert!(
        file.applications[2].prepared_at.is_some(),
        "the oldest was decided"
    );
    // An application received by another eldership is not the eldership
    // specialist's to see (R-ROLE-1), but the division's.
    let elsewhere = elderships::Entity::find()
        .filter(elderships::Column::MunicipalityId.eq(actor.municipality_id))
        .filter(elderships::Column::Id.ne(actor.eldership_id.unwrap()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    applications::Entity::update_many()
        .col_expr(applications::Column::EldershipId, Expr::value(elsewhere.id))
        .filter(applications::Column::Id.eq(file.applications[0].id))
        .exec(&app.db)
        .await
        .unwrap();
    let division = Actor {
        roles: vec![Role::DivisionSpecialist],
        eldership_id: None,
        ..actor.clone()
    };
    for (who, seen) in [(&actor, 2), (&division, 3)] {
        let file = person_file::load(&app.db, who, id).await.unwrap();
        assert_eq!(file, three_queries(&app, who, id).await);
        assert_eq!(file.applications.len(), seen, "{:?}", who.roles);
    }
    // Outside the scope: not found, on both.
    let stranger = Actor {
        municipality_id: Uuid::now_v7(),
        ..actor
    };
    assert!(matches!(
        person_file::load(&app.db, &stranger, id).await,
        Err(StoreError::NotFound("person"))
    ));
    assert!(matches!(
        person_file::stamp(&app.db, &stranger, id).await,
        Err(StoreError::NotFound("person"))
    ));
}

/// Issue 13 (the file cache, migration 000023): every change of what a file
/// shows moves the file's stamp in the writing statement itself, whoever
/// writes (here: bare SQL, no API), and the file read with the new stamp
/// shows the change; another person's change moves nothing.
async fn person_file_stamp_moves_with_every_change_of_the_file(app: TestApp) {
    let (worker, id) = full_file(&app).await;
    let actor = social_worker(&app).await;
    let id: Uuid = id.parse().unwrap();
    let before = person_file::load(&app.db, &actor, id).await.unwrap();
    unchanged(&app, &actor, id, before.stamp).await;
    // Another person's application and family.
    let other = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "first_name": "Jonas", "last_name": "Kitas" }),
        )
        .await
        .assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    home_help(&app, &worker, &other, "2026-11-20").await;
    unchanged(&app, &actor, id, before.stamp).await;
    let moved = |stamp, what| moved(&app, &actor, id, stamp, what);
    let mut stamp = before.stamp;
    persons::Entity::update_many()
        .col_expr(persons::Column::Phone, Expr::value("+37060000001"))
        .filter(persons::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
    let after;
    (stamp, after) = moved(stamp, "the person").await;
    assert_eq!(after.person.phone.as_deref(), Some("+37060000001"));
    applications::Entity::update_many()
        .col_expr(
            applications::Column::Status,
            Expr::col(applications::Column::Status),
        )
        .filter(applications::Column::PersonId.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
    (stamp, _) = moved(stamp, "an application").await;
    decisions::Entity::update_many()
        .col_expr(
            decisions::Column::NotifiedOn,
            Expr::value(time::macros::date!(2026 - 12 - 09)),
        )
        .filter(decisions::Column::ApplicationId.eq(before.applications[2].id))
        .exec(&app.db)
        .await
        .unwrap();
    let after;
    (stamp, after) = moved(stamp, "a decision").await;
    assert_eq!(
        after.applications[2].notified_on,
        Some(time::macros::date!(2026 - 12 - 09))
    );
    person_certificates::Entity::delete_by_id(before.certificates[0].id)
        .exec(&app.db)
        .await
        .unwrap();
    let after;
    (stamp, after) = moved(stamp, "a certificate").await;
    assert_eq!(after.certificates.len(), 1);
    income_records::Entity::update_many()
        .col_expr(income_records::Column::Source, Expr::value("kita"))
        .filter(income_records::Column::Id.eq(before.income[0].id))
        .exec(&app.db)
        .await
        .unwrap();
    let after;
    (stamp, after) = moved(stamp, "an income record").await;
    assert_eq!(after.income[0].source, "kita");
    let family = before.memberships[0].family_id;
    families::Entity::update_many()
        .col_expr(families::Column::Name, Expr::value("Žemaičių giminė"))
        .filter(families::Column::Id.eq(family))
        .exec(&app.db)
        .await
        .unwrap();
    let after;
    (stamp, after) = moved(stamp, "a family's name").await;
    assert_eq!(after.memberships[0].family_name, "Žemaičių giminė");
    family_members::Entity::update_many()
        .col_expr(family_members::Column::Relation, Expr::value("spouse"))
        .filter(family_members::Column::PersonId.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
    let after;
    (stamp, after) = moved(stamp, "a membership").await;
    assert_eq!(after.memberships[0].relation, "spouse");
    let service = before.applications[0].service_type_id;
    service_types::Entity::update_many()
        .col_expr(
            service_types::Column::Version,
            Expr::col(service_types::Column::Version).add(1),
        )
        .filter(service_types::Column::Id.eq(service))
        .exec(&app.db)
        .await
        .unwrap();
    let after;
    (stamp, after) = moved(stamp, "a service type").await;
    assert_eq!(
        after.applications[0].service_type_version,
        before.applications[0].service_type_version + 1
    );
    let place = before.applications[0].eldership.clone().unwrap();
    elderships::Entity::update_many()
        .col_expr(elderships::Column::Name, Expr::value("Kelmės seniūnija"))
        .filter(elderships::Column::Id.eq(place.id))
        .exec(&app.db)
        .await
        .unwrap();
    let after;
    (stamp, after) = moved(stamp, "an eldership").await;
    assert_eq!(
        after.applications[0].eldership.as_ref().unwrap().name,
        "Kelmės seniūnija"
    );
    applications::Entity::delete_many()
        .filter(applications::Column::Id.eq(before.applications[0].id))
        .exec(&app.db)
        .await
        .unwrap();
    let after;
    (_, after) = moved(stamp, "an application removed").await;
    assert_eq!(after.applications.len(), 2);
}

/// The stamp of the file has not moved from `stamp`.
async fn unchanged(app: &TestApp, actor: &Actor, id: Uuid, stamp: FileStamp) {
    let now = person_file::stamp(&app.db, actor, id).await.unwrap();
    assert_eq!(now, stamp, "the stamp moved");
}

/// The stamp of the file has moved from `stamp` (by `what`): the new stamp,
/// and the file as read with it.
async fn moved(
    app: &TestApp,
    actor: &Actor,
    id: Uuid,
    stamp: FileStamp,
    what: &str,
) -> (FileStamp, PersonFileRows) {
    let now = person_file::stamp(&app.db, actor, id).await.unwrap();
    assert_ne!(now, stamp, "{what} did not move the stamp");
    let file = person_file::load(&app.db, actor, id).await.unwrap();
    assert_eq!(file.stamp, now);
    unchanged(app, actor, id, now).await;
    (now, file)
}

/// Issue 13 (the file cache): a file read again through the API shows every
/// change made through the API since, whoever read it before.
async fn a_file_read_again_shows_every_change_since(app: TestApp) {
    let (worker, id) = full_file(&app).await;
    let head = app.token("division_head").await;
    let path = format!("/api/v1/persons/{id}");
    let read = |token: &str| {
        let (app, path, token) = (&app, path.clone(), token.to_owned());
        async move {
            app.get_for(&path, &token, Some("decision"))
                .await
                .assert_status(200)
                .clone()
        }
    };
    let before = read(&worker).await;
    read(&head).await;
    assert_eq!(before["income"].as_array().unwrap().len(), 6);
    app.post(
        &format!("/api/v1/persons/{id}/income"),
        &worker,
        json!({ "year": 2026, "month": 11, "amount": "710.00", "source": "sodra" }),
    )
    .await
    .assert_status(201);
    let certificate = before["certificates"][0]["id"].as_str().unwrap().to_owned();
    app.send(
        app.request(
            Method::DELETE,
            &format!("/api/v1/persons/{id}/certificates/{certificate}"),
        )
        .bearer_auth(&worker),
    )
    .await
    .assert_status(204);
    for token in [&worker, &head] {
        let after = read(token).await;
        assert_eq!(after["income"].as_array().unwrap().len(), 7);
        assert_eq!(after["income"][0]["amount"], "710.00");
        assert_eq!(after["certificates"].as_array().unwrap().len(), 1);
        assert_eq!(after["families"], before["families"]);
    }
    // The person's own row is read with every file.
    app.patch(
        &path,
        &worker,
        json!({ "declared_address": "Vilniaus g. 1, Kelmė", "version": before["person"]["version"] }),
    )
    .await
    .assert_status(200);
    let after = read(&worker).await;
    assert_eq!(after["person"]["declared_address"], "Vilniaus g. 1, Kelmė");
}

/// The file by the three queries, its parts in the file's order.
async fn three_queries(app: &TestApp, actor: &Actor, id: Uuid) -> PersonFileRows {
    person_file::load_in_three_queries(&app.db, actor, id)
        .await
        .unwrap()
        .sorted()
}

/// The demo's social worker (of Kelmė's eldership) as an actor.
async fn social_worker(app: &TestApp) -> Actor {
    let user = users::Entity::find()
        .filter(users::Column::Username.eq("social_worker"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    Actor::staff(
        user.id,
        user.username,
        user.municipality_id,
        user.eldership_id,
        vec![Role::SocialWorker],
    )
}

async fn search_and_eligibility_reads_are_recorded_with_their_purpose(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = ona(&app, &worker).await;
    let id = person["id"].as_str().unwrap();
    let page = app
        .get_for("/api/v1/persons?q=zemaite", &worker, Some("intake"))
        .await;
    assert_eq!(page.assert_status(200)["total"], 1);
    let by_code = app
        .get_for(
            "/api/v1/persons?personal_code=46805280103",
            &worker,
            Some("decision"),
        )
        .await;
    assert_eq!(by_code.assert_status(200)["total"], 1);
    let hints = app
        .get_for(
            &format!("/api/v1/persons/{id}/eligibility?service_code=home_help"),
            &worker,
            Some("needs_assessment"),
        )
        .await;
    hints.assert_status(200);

    let auditor = app.token("auditor").await;
    let searches = app.audit(&auditor, "action=person.search").await;
    assert_eq!(searches.len(), 2, "one record per search: {searches:?}");
    assert_eq!(searches[0]["summary"]["purpose"], "decision");
    assert_eq!(searches[0]["summary"]["query"], json!(["personal_code"]));
    assert_eq!(searches[0]["summary"]["results"], 1);
    assert_eq!(searches[1]["summary"]["purpose"], "intake");
    assert_eq!(searches[1]["summary"]["query"], json!(["name"]));
    assert!(
        !searches[1]["summary"].to_string().contains("zemaite"),
        "the query text is not recorded"
    );
    assert_eq!(searches[1]["actor_name"], "social_worker");
    let reads = app
        .audit(
            &auditor,
            &format!("action=person.eligibility_read&entity_id={id}"),
        )
        .await;
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0]["summary"]["purpose"], "needs_assessment");
}

async fn reads_without_a_purpose_are_refused_and_not_recorded(app: TestApp) {
    let worker = app.token("social_worker").await;
    let person = ona(&app, &worker).await;
    let id = person["id"].as_str().unwrap();
    let family = app
        .post(
            "/api/v1/families",
            &worker,
            json!({ "name": "Žemaičių šeima", "members": [{ "person_id": id, "relation": "applicant" }] }),
        )
        .await
        .assert_status(201)
        .clone();
    let reads = "SELECT COUNT(*) FROM audit_log WHERE action IN \
        ('person.read', 'person.search', 'person.eligibility_read', 'family.read')";
    let before = app.count(reads).await;
    for path in [
        "/api/v1/persons?q=zemaite".to_owned(),
        format!("/api/v1/persons/{id}"),
        format!("/api/v1/persons/{id}/eligibility?service_code=home_help"),
        format!("/api/v1/families/{}", family["id"].as_str().unwrap()),
    ] {
        let reply = app.get_for(&path, &worker, None).await;
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], "X-Purpose", "{path}");
        app.get_for(&path, &worker, Some("curiosity"))
            .await
            .assert_problem(422, "validation_failed");
    }
    assert_eq!(app.count(reads).await, before, "nothing was recorded");
    // With a purpose, the family read is recorded.
    app.get_for(
        &format!("/api/v1/families/{}", family["id"].as_str().unwrap()),
        &worker,
        Some("case_management"),
    )
    .await
    .assert_status(200);
    assert_eq!(app.count(reads).await, before + 1);
}

/// The header search's group of `record`s for `q`.
async fn header_group(app: &TestApp, token: &str, q: &str, record: &str) -> Value {
    let reply = app
        .get_for(&format!("/api/v1/search?q={q}"), token, Some("decision"))
        .await;
    reply.assert_status(200)["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["record"] == record)
        .unwrap()
        .clone()
}

/// The demo municipality Kelmė's id.
async fn kelme_id(app: &TestApp) -> Uuid {
    municipalities::Entity::find()
        .filter(municipalities::Column::Code.eq("kelme"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Stores `count` people named "Gyventojas<n> `last_name`" in Kelmė (no
/// eldership), numbered from `from`; `last_name` is plain ASCII.
async fn people_named(app: &TestApp, last_name: &str, from: usize, count: usize) {
    let kelme = kelme_id(app).await;
    let now = app.clock.now();
    let people: Vec<persons::ActiveModel> = (from..from + count)
        .map(|n| persons::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(kelme),
            eldership_id: Set(None),
            personal_code: Set(None),
            first_name: Set(format!("Gyventojas{n}")),
            last_name: Set(last_name.into()),
            birth_date: Set(None),
            sex: Set(None),
            declared_address: Set(None),
            phone: Set(None),
            email: Set(None),
            search_text: Set(format!("gyventojas{n} {}", last_name.to_lowercase())),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        })
        .collect();
    for chunk in people.chunks(500) {
        persons::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&app.db)
            .await
            .unwrap();
    }
}

/// Issue 13: a broad search is not counted to its end: exact up to 1,000,
/// then "more than 1,000" — in the person search and the header search.
async fn search_counts_exactly_up_to_1000_then_says_more(app: TestApp) {
    let specialist = app.token("division_specialist").await;
    people_named(&app, "Bandomasis", 0, 1000).await;
    let page = app
        .get_for(
            "/api/v1/persons?q=bandomasis",
            &specialist,
            Some("decision"),
        )
        .await;
    let page = page.assert_status(200);
    assert_eq!(page["total"], 1000, "exactly 1,000: counted");
    assert_eq!(page["more_than_total"], false);

    people_named(&app, "Bandomasis", 1000, 1).await;
    let page = app
        .get_for(
            "/api/v1/persons?q=bandomasis&per_page=50&page=2",
            &specialist,
            Some("decision"),
        )
        .await;
    let page = page.assert_status(200);
    assert_eq!(page["total"], 1000, "{page}");
    assert_eq!(page["more_than_total"], true);
    assert_eq!(page["items"].as_array().unwrap().len(), 50);
    // The page is still in name order.
    let first_names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["first_name"].as_str().unwrap())
        .collect();
    // It is the second page of all 1,001 by name, not of some of them.
    let mut all: Vec<String> = (0..=1000).map(|n| format!("Gyventojas{n}")).collect();
    all.sort_unstable();
    assert_eq!(first_names, all[50..100]);

    let narrow = app
        .get_for(
            "/api/v1/persons?q=gyventojas100+bandomasis",
            &specialist,
            Some("decision"),
        )
        .await;
    let narrow = narrow.assert_status(200);
    // gyventojas100, gyventojas1000
    assert_eq!(narrow["total"], 2, "{narrow}");
    assert_eq!(narrow["more_than_total"], false);
    for (page, names) in [(2, vec!["Gyventojas1000"]), (5, vec![])] {
        let reply = app
            .get_for(
                &format!("/api/v1/persons?q=gyventojas100+bandomasis&per_page=1&page={page}"),
                &specialist,
                Some("decision"),
            )
            .await;
        let reply = reply.assert_status(200);
        assert_eq!(reply["total"], 2, "page {page}: {reply}");
        let found: Vec<&str> = reply["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["first_name"].as_str().unwrap())
            .collect();
        assert_eq!(found, names, "page {page}");
    }

    let people = header_group(&app, &specialist, "bandomasis", "person").await;
    assert_eq!(people["total"], 1000, "{people}");
    assert_eq!(people["more_than_total"], true);

    // The header search counts applications the same way: copies of one
    // received through the API, one for each "Bandomasis".
    let worker = app.token("social_worker").await;
    let person = ona(&app, &worker).await;
    let received = home_help(
        &app,
        &worker,
        person["id"].as_str().unwrap(),
        &app.clock.today().to_string(),
    )
    .await;
    let template =
        applications::Entity::find_by_id(received["id"].as_str().unwrap().parse::<Uuid>().unwrap())
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
    let bandomieji = persons::Entity::find()
        .filter(persons::Column::LastName.eq("Bandomasis"))
        .all(&app.db)
        .await
        .unwrap();
    let application_of = |person: &persons::Model| {
        let mut row = template.clone();
        row.id = Uuid::now_v7();
        row.person_id = person.id;
        row.eldership_id = None;
        row.family_id = None;
        row.case_id = None;
        applications::ActiveModel::from(row)
    };
    let mut stored = 0;
    let mut ids = Vec::new();
    for (given, more) in [(1000, false), (1001, true)] {
        let rows: Vec<_> = bandomieji[stored..given]
            .iter()
            .map(application_of)
            .collect();
        stored = given;
        ids.extend(rows.iter().map(|row| row.id.clone().unwrap()));
        for chunk in rows.chunks(200) {
            applications::Entity::insert_many(chunk.to_vec())
                .exec_without_returning(&app.db)
                .await
                .unwrap();
        }
        let found = header_group(&app, &specialist, "bandomasis", "application").await;
        assert_eq!(found["total"], 1000, "{given}: {found}");
        assert_eq!(found["more_than_total"], more, "{given}: {found}");
        // The newest of all (received the same day: the last ids), whether
        // counted to the end or not.
        ids.sort_unstable();
        let newest: Vec<String> = ids.iter().rev().take(5).map(Uuid::to_string).collect();
        let items: Vec<&str> = found["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        assert_eq!(items, newest, "{given}");
    }
}

/// Issue 13: the page of a search with more than 1,000 matches is the same
/// whether its matches come early in name order (found among the first
/// people by name) or late (found by the search index and sorted, one
/// statement more).
async fn a_broad_searchs_page_is_in_name_order_wherever_its_matches_stand(app: TestApp) {
    let specialist = app.token("division_specialist").await;
    // More people than the walk reads before the first "Zubaitis".
    let early = usize::try_from(atvejis_api::store::persons::NAME_WALK).unwrap() + 100;
    people_named(&app, "Aabaitis", 0, early).await;
    people_named(&app, "Zubaitis", 0, 1001).await;
    // Every match of `word` in name order, as (first name, last name).
    let everyone: Vec<(String, String)> = {
        let mut all: Vec<_> = (0..early)
            .map(|n| ("Aabaitis", n))
            .chain((0..1001).map(|n| ("Zubaitis", n)))
            .map(|(last, n)| (last.to_owned(), format!("Gyventojas{n}")))
            .collect();
        all.sort_unstable();
        all
    };
    let expected = |word: &str, page: usize, per_page: usize| -> Vec<String> {
        everyone
            .iter()
            .filter(|(last, first)| format!("{first} {last}").to_lowercase().contains(word))
            .skip((page - 1) * per_page)
            .take(per_page)
            .map(|(last, first)| format!("{first} {last}"))
            .collect()
    };
    let mut statements = Vec::new();
    for (word, page, per_page) in [
        // Early: within the first people by name.
        ("gyventojas1", 1, 25),
        ("aabaitis", 3, 50),
        // Late: after them, or more than they hold.
        ("zubaitis", 1, 25),
        ("zubaitis", 11, 100),
        ("gyventojas1", 12, 100),
        // Past the end.
        ("zubaitis", 30, 50),
    ] {
        let (reply, count) = app
            .statements(
                app.request(
                    Method::GET,
                    &format!("/api/v1/persons?q={word}&page={page}&per_page={per_page}"),
                )
                .bearer_auth(&specialist)
                .header("x-purpose", "decision"),
            )
            .await;
        let reply = reply.assert_status(200);
        assert_eq!(reply["more_than_total"], true, "{word} {reply}");
        let names: Vec<String> = reply["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{} {}",
                    p["first_name"].as_str().unwrap(),
                    p["last_name"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(
            names,
            expected(word, page, per_page),
            "{word}, page {page} of {per_page}"
        );
        statements.push(count);
    }
    assert_eq!(
        statements[2],
        statements[1] + 1,
        "late matches are sorted in a statement of their own: {statements:?}"
    );
}
