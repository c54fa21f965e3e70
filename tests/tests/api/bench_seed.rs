//! The benchmark's generated municipality (`atvejis seed-bench`, issue 13):
//! it writes what it says, the same people every time, and a generated
//! family member's file has every part the benchmark reads.

use crate::db_tests;
use crate::support::TestApp;
use atvejis_api::store::bench_seed;
use atvejis_api::store::entities::{elderships, family_members, persons};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

db_tests!(seed_bench_writes_people_income_families_and_applications_the_same_every_time);

async fn seed_bench_writes_people_income_families_and_applications_the_same_every_time(
    app: TestApp,
) {
    atvejis_api::store::seed::demo_with_casework(&app.db, "unused", app.clock.now())
        .await
        .expect("demo");
    let before = app.count("SELECT COUNT(*) FROM persons").await;
    // Each run at its own instant, after the demo's, to tell its people apart.
    let today = app.clock.today();
    let (first_at, second_at) = (
        app.clock.now() + time::Duration::seconds(1),
        app.clock.now() + time::Duration::seconds(2),
    );
    let seeded = bench_seed::seed(&app.db, 90, first_at, today)
        .await
        .expect("seed");
    // Every second person has three months of income and two applications
    // (the others one); people 12k+1, 12k+3 and 12k+4 make a family.
    assert_eq!(seeded.people, 90);
    assert_eq!(seeded.income, 45 * 3);
    assert_eq!(seeded.families, 8);
    assert_eq!(seeded.applications, 45 + 45 * 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM persons").await, before + 90);
    let db = &app.db;
    let generated = |at| async move {
        persons::Entity::find()
            .filter(persons::Column::CreatedAt.eq(at))
            .all(db)
            .await
            .unwrap()
    };
    let first = generated(first_at).await;

    // Each family's applicant: an adult with income and two applications.
    // The social worker sees those of her eldership, with every part the
    // benchmark reads; the others are outside her scope.
    let hers = elderships::Entity::find()
        .filter(elderships::Column::Code.eq("kelmes-miesto"))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let applicants: Vec<_> = family_members::Entity::find()
        .filter(family_members::Column::Relation.eq("applicant"))
        .filter(family_members::Column::PersonId.is_in(first.iter().map(|p| p.id)))
        .all(db)
        .await
        .unwrap();
    assert_eq!(applicants.len(), 8);
    let worker = app.token("social_worker").await;
    let mut seen = 0;
    for member in applicants {
        let person = first.iter().find(|p| p.id == member.person_id).unwrap();
        assert!(person.eldership_id.is_some());
        let reply = app
            .get(&format!("/api/v1/persons/{}", member.person_id), &worker)
            .await;
        if person.eldership_id != Some(hers) {
            reply.assert_status(404);
            continue;
        }
        let file = reply.assert_status(200);
        assert_eq!(file["families"].as_array().unwrap().len(), 1, "{file}");
        assert_eq!(file["income"].as_array().unwrap().len(), 3, "{file}");
        assert_eq!(file["applications"].as_array().unwrap().len(), 2, "{file}");
        seen += 1;
    }
    assert!(seen > 0, "some of the families live in her eldership");

    // A second run writes the same people again (new ids).
    let people = |rows: Vec<persons::Model>| {
        let mut v: Vec<_> = rows
            .into_iter()
            .map(|p| (p.first_name, p.last_name, p.birth_date))
            .collect();
        v.sort();
        v
    };
    bench_seed::seed(&app.db, 90, second_at, today)
        .await
        .expect("seed again");
    let (first, second) = (people(first), people(generated(second_at).await));
    assert_eq!(first.len(), 90);
    assert_eq!(first, second);
    let names: std::collections::HashSet<_> = first.iter().map(|p| &p.1).collect();
    assert!(names.len() > 20, "surnames of many forms: {names:?}");
}
