//! R-ROLE-2, who decides: an administrator grants a signer a delegation for
//! service types with its dates and authority; the signer signs only what a
//! delegation in force that day covers, the signed decision says under which
//! one, the application offers "sign" only then; the preparer never signs;
//! nobody grants themself, nor anyone of another municipality; every grant
//! and revocation is audited.

use crate::db_tests;
use crate::layer_applications::ready_application;
use crate::support::{PASSWORD, TestApp, migrate_down_through};
use serde_json::{Value, json};
use time::{Date, Duration};

db_tests!(
    r_role_2_admin_grants_and_the_delegate_signs,
    r_role_2_scheduled_expired_revoked_or_other_service_delegations_do_not_sign,
    r_role_2_preparer_with_a_delegation_still_cannot_sign,
    r_role_2_grants_are_checked_and_only_administrators_manage_them,
    r_role_2_the_demo_head_signs_under_a_delegation_for_every_service,
    r_role_2_an_upgrade_carries_the_signing_role_over_to_delegations,
);

fn id(value: &Value) -> &str {
    value["id"].as_str().unwrap()
}

fn day(date: Date) -> String {
    date.to_string()
}

/// A user of Kelmė created by the administrator; their id.
async fn staff(app: &TestApp, admin: &str, username: &str, roles: &[&str]) -> String {
    let created = app
        .post(
            "/api/v1/users",
            admin,
            json!({ "username": username, "display_name": format!("{username} Pasirašantis"), "password": PASSWORD, "roles": roles }),
        )
        .await;
    created.assert_status(201)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A prepared decision (by `preparer`) on a new home-help application; the
/// application as answered.
async fn prepared(app: &TestApp, preparer: &str, personal_code: &str) -> Value {
    let worker = app.token("social_worker").await;
    let application = ready_application(app, &worker, personal_code).await;
    app.post(
        &format!("/api/v1/applications/{}/decision", id(&application)),
        preparer,
        json!({ "version": application["version"], "outcome": "refused", "reasoning": "Poreikis nenustatytas." }),
    )
    .await
    .assert_status(200)
    .clone()
}

async fn sign(app: &TestApp, token: &str, application: &Value) -> crate::support::Reply {
    let decision = &application["decision"];
    app.post(
        &format!("/api/v1/decisions/{}/sign", id(decision)),
        token,
        json!({ "version": decision["version"] }),
    )
    .await
}

async fn grant(
    app: &TestApp,
    admin: &str,
    user_id: &str,
    services: &[&str],
    from: Date,
    until: Option<Date>,
) -> crate::support::Reply {
    app.post(
        "/api/v1/signing-delegations",
        admin,
        json!({
            "user_id": user_id,
            "service_codes": services,
            "valid_from": day(from),
            "valid_until": until.map(day),
            "reference": "Administracijos direktoriaus 2026-12-01 įsakymas Nr. A-1234",
        }),
    )
    .await
}

async fn allowed(app: &TestApp, token: &str, application: &Value) -> Vec<Value> {
    app.get(&format!("/api/v1/applications/{}", id(application)), token)
        .await
        .assert_status(200)["allowed_actions"]
        .as_array()
        .unwrap()
        .clone()
}

async fn r_role_2_admin_grants_and_the_delegate_signs(app: TestApp) {
    let admin = app.token("admin").await;
    let specialist = app.token("division_specialist").await;
    let signer_id = staff(&app, &admin, "direktorius", &["division_head"]).await;
    let signer = app.token("direktorius").await;
    let application = prepared(&app, &specialist, "46805280103").await;

    // Without a delegation: not offered, and refused.
    assert!(
        !allowed(&app, &signer, &application)
            .await
            .contains(&json!("sign"))
    );
    sign(&app, &signer, &application)
        .await
        .assert_problem(403, "no_signing_delegation");

    let today = app.clock.today();
    let granted = grant(
        &app,
        &admin,
        &signer_id,
        &["home_help", "respite"],
        today,
        None,
    )
    .await;
    let delegation = granted.assert_status(201).clone();
    assert_eq!(delegation["status"], "in_force");
    assert_eq!(delegation["user"]["id"], signer_id.as_str());
    assert_eq!(
        delegation["granted_by"]["display_name"],
        "Aušra Administratorė"
    );
    assert_eq!(delegation["valid_until"], Value::Null);
    let codes: Vec<&str> = delegation["service_types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["home_help", "respite"]);

    // Now offered, and signed under it.
    assert!(
        allowed(&app, &signer, &application)
            .await
            .contains(&json!("sign"))
    );
    let signed = sign(&app, &signer, &application).await;
    let signed = signed.assert_status(200).clone();
    assert_eq!(signed["status"], "signed");
    assert_eq!(signed["signed_by"]["id"], signer_id.as_str());
    assert_eq!(signed["signed_under"]["delegation_id"], delegation["id"]);
    assert_eq!(
        signed["signed_under"]["reference"],
        "Administracijos direktoriaus 2026-12-01 įsakymas Nr. A-1234"
    );
    let read = app
        .get(
            &format!("/api/v1/applications/{}", id(&application)),
            &specialist,
        )
        .await;
    assert_eq!(
        read.assert_status(200)["decision"]["signed_under"]["delegation_id"],
        delegation["id"]
    );

    // The administrator's list.
    let list = app
        .get(
            &format!("/api/v1/signing-delegations?user_id={signer_id}"),
            &admin,
        )
        .await;
    let list = list.assert_status(200);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], delegation["id"]);

    // Audited: the grant, and the signature with its delegation.
    let auditor = app.token("auditor").await;
    let grants = app
        .audit(
            &auditor,
            &format!(
                "action=signing_delegation.grant&entity_id={}",
                id(&delegation)
            ),
        )
        .await;
    assert_eq!(grants.len(), 1, "{grants:?}");
    assert_eq!(grants[0]["actor_name"], "admin");
    let signs = app
        .audit(
            &auditor,
            &format!("action=application.sign&entity_id={}", id(&application)),
        )
        .await;
    assert_eq!(signs.len(), 1, "{signs:?}");
    assert_eq!(
        signs[0]["summary"]["signing_delegation_id"],
        delegation["id"]
    );
}

async fn r_role_2_scheduled_expired_revoked_or_other_service_delegations_do_not_sign(app: TestApp) {
    let admin = app.token("admin").await;
    let specialist = app.token("division_specialist").await;
    let signer_id = staff(&app, &admin, "pavaduotojas", &["division_head"]).await;
    let signer = app.token("pavaduotojas").await;
    let application = prepared(&app, &specialist, "46805280103").await;
    let today = app.clock.today();
    let refused = |reply: crate::support::Reply| reply.assert_problem(403, "no_signing_delegation");

    // Another service type.
    grant(
        &app,
        &admin,
        &signer_id,
        &["meals", "meal_coupons"],
        today,
        None,
    )
    .await
    .assert_status(201);
    refused(sign(&app, &signer, &application).await);

    // Not yet in force: from tomorrow.
    let tomorrow = today + Duration::days(1);
    let scheduled = grant(&app, &admin, &signer_id, &["home_help"], tomorrow, None).await;
    assert_eq!(scheduled.assert_status(201)["status"], "scheduled");
    refused(sign(&app, &signer, &application).await);
    assert!(
        !allowed(&app, &signer, &application)
            .await
            .contains(&json!("sign"))
    );

    // Revoked the day it starts.
    app.clock.set_today(tomorrow);
    let scheduled = scheduled.body;
    let revoked = app
        .post(
            &format!("/api/v1/signing-delegations/{}/revoke", id(&scheduled)),
            &admin,
            json!({ "version": scheduled["version"] }),
        )
        .await;
    let revoked = revoked.assert_status(200).clone();
    assert_eq!(revoked["status"], "revoked");
    assert_eq!(
        revoked["revoked_by"]["display_name"],
        "Aušra Administratorė"
    );
    assert!(revoked["revoked_at"].is_string());
    refused(sign(&app, &signer, &application).await);
    // Once ended, it stays ended.
    app.post(
        &format!("/api/v1/signing-delegations/{}/revoke", id(&revoked)),
        &admin,
        json!({ "version": revoked["version"] }),
    )
    .await
    .assert_problem(409, "delegation_ended");

    // Expired: one day only, and that day is over.
    let one_day = grant(
        &app,
        &admin,
        &signer_id,
        &["home_help"],
        tomorrow,
        Some(tomorrow),
    )
    .await
    .assert_status(201)
    .clone();
    assert_eq!(one_day["status"], "in_force");
    app.clock.set_today(tomorrow + Duration::days(1));
    refused(sign(&app, &signer, &application).await);
    let current = app
        .get(
            &format!("/api/v1/signing-delegations?user_id={signer_id}&current=true"),
            &admin,
        )
        .await;
    let current: Vec<&str> = current.assert_status(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["status"].as_str().unwrap())
        .collect();
    assert_eq!(current, ["in_force"], "only the meals one is current");
    let all = app
        .get(
            &format!("/api/v1/signing-delegations?user_id={signer_id}"),
            &admin,
        )
        .await;
    assert_eq!(all.assert_status(200)["total"], 3);

    // Nothing was signed.
    let decision = app
        .get(
            &format!("/api/v1/decisions/{}", id(&application["decision"])),
            &specialist,
        )
        .await;
    assert_eq!(decision.assert_status(200)["status"], "prepared");
    assert_eq!(decision.body["signed_by"], Value::Null);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM decisions WHERE signing_delegation_id IS NOT NULL")
            .await,
        0
    );

    // In force for home help: signed.
    let today = app.clock.today();
    grant(&app, &admin, &signer_id, &["home_help"], today, None)
        .await
        .assert_status(201);
    sign(&app, &signer, &application).await.assert_status(200);
}

async fn r_role_2_preparer_with_a_delegation_still_cannot_sign(app: TestApp) {
    let admin = app.token("admin").await;
    let both_id = staff(
        &app,
        &admin,
        "abi_roles",
        &["division_specialist", "division_head"],
    )
    .await;
    let both = app.token("abi_roles").await;
    grant(
        &app,
        &admin,
        &both_id,
        &["home_help"],
        app.clock.today(),
        None,
    )
    .await
    .assert_status(201);
    let application = prepared(&app, &both, "46805280103").await;
    assert!(
        !allowed(&app, &both, &application)
            .await
            .contains(&json!("sign"))
    );
    sign(&app, &both, &application)
        .await
        .assert_problem(403, "preparer_cannot_sign");
    // Another signer with a delegation signs it.
    let head = app.token("division_head").await;
    assert!(
        allowed(&app, &head, &application)
            .await
            .contains(&json!("sign"))
    );
    sign(&app, &head, &application).await.assert_status(200);
}

async fn r_role_2_grants_are_checked_and_only_administrators_manage_them(app: TestApp) {
    use atvejis_api::store::entities::users;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let admin = app.token("admin").await;
    let today = app.clock.today();
    let before = app.count("SELECT COUNT(*) FROM signing_delegations").await;
    let user_id = |username: &'static str| {
        let db = app.db.clone();
        async move {
            users::Entity::find()
                .filter(users::Column::Username.eq(username))
                .one(&db)
                .await
                .unwrap()
                .unwrap()
                .id
                .to_string()
        }
    };

    // Nobody grants themself, even holding the signing role.
    let admin_id = user_id("admin").await;
    grant(&app, &admin, &admin_id, &["home_help"], today, None)
        .await
        .assert_problem(403, "self_delegation");
    // A user of another municipality does not exist here.
    let kaunas = user_id("kaunas_worker").await;
    grant(&app, &admin, &kaunas, &["home_help"], today, None)
        .await
        .assert_problem(404, "not_found");
    grant(
        &app,
        &admin,
        &uuid::Uuid::new_v4().to_string(),
        &["home_help"],
        today,
        None,
    )
    .await
    .assert_problem(404, "not_found");
    // A role that never signs gets no delegation.
    let worker_id = user_id("social_worker").await;
    let reply = grant(&app, &admin, &worker_id, &["home_help"], today, None).await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "user_id");
    assert_eq!(reply.body["errors"][0]["code"], "cannot_sign");
    let specialist_id = user_id("division_specialist").await;
    grant(&app, &admin, &specialist_id, &["home_help"], today, None)
        .await
        .assert_problem(422, "validation_failed");

    let head_id = user_id("division_head").await;
    let reply = grant(
        &app,
        &admin,
        &head_id,
        &["home_help", "spa_weekend"],
        today,
        None,
    )
    .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "service_codes[1]");
    assert_eq!(reply.body["errors"][0]["code"], "unknown_service_type");
    let reply = grant(&app, &admin, &head_id, &["meals", "meals"], today, None).await;
    assert_eq!(reply.assert_status(422)["errors"][0]["code"], "duplicate");
    grant(&app, &admin, &head_id, &[], today, None)
        .await
        .assert_problem(422, "validation_failed");
    let reply = grant(
        &app,
        &admin,
        &head_id,
        &["meals"],
        today - Duration::days(1),
        None,
    )
    .await;
    assert_eq!(reply.assert_status(422)["errors"][0]["code"], "in_past");
    let reply = grant(
        &app,
        &admin,
        &head_id,
        &["meals"],
        today + Duration::days(5),
        Some(today + Duration::days(4)),
    )
    .await;
    assert_eq!(
        reply.assert_status(422)["errors"][0]["field"],
        "valid_until"
    );
    let reply = app
        .post(
            "/api/v1/signing-delegations",
            &admin,
            json!({ "user_id": head_id, "service_codes": ["meals"], "valid_from": day(today), "reference": "  " }),
        )
        .await;
    assert_eq!(reply.assert_status(422)["errors"][0]["field"], "reference");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM signing_delegations").await,
        before,
        "nothing was granted"
    );

    // Only administrators: 403 before any lookup, for real and random ids.
    let random = uuid::Uuid::new_v4();
    for role in [
        "division_head",
        "division_specialist",
        "auditor",
        "social_worker",
    ] {
        let token = app.token(role).await;
        app.get("/api/v1/signing-delegations", &token)
            .await
            .assert_problem(403, "forbidden");
        grant(&app, &token, &head_id, &["meals"], today, None)
            .await
            .assert_problem(403, "forbidden");
        app.post(
            &format!("/api/v1/signing-delegations/{random}/revoke"),
            &token,
            json!({ "version": 1 }),
        )
        .await
        .assert_problem(403, "forbidden");
    }
    app.post(
        &format!("/api/v1/signing-delegations/{random}/revoke"),
        &admin,
        json!({ "version": 1 }),
    )
    .await
    .assert_problem(404, "not_found");
    // A role that never signs is refused before the decision is looked up.
    let worker = app.token("social_worker").await;
    app.post(
        &format!("/api/v1/decisions/{random}/sign"),
        &worker,
        json!({ "version": 1 }),
    )
    .await
    .assert_problem(403, "forbidden");
}

async fn r_role_2_the_demo_head_signs_under_a_delegation_for_every_service(app: TestApp) {
    let admin = app.token("admin").await;
    let list = app.get("/api/v1/signing-delegations", &admin).await;
    let list = list.assert_status(200);
    assert_eq!(list["total"], 1);
    let demo = &list["items"][0];
    assert_eq!(demo["user"]["display_name"], "Vytautas Stankevičius");
    assert_eq!(demo["status"], "in_force");
    let catalogue = app.get("/api/v1/service-types", &admin).await;
    let catalogue_len = catalogue.assert_status(200).as_array().unwrap().len();
    assert_eq!(
        demo["service_types"].as_array().unwrap().len(),
        catalogue_len,
        "every service type of the catalogue"
    );
    // The demo administrator ends it: the demo head signs no more.
    let revoked = app
        .post(
            &format!("/api/v1/signing-delegations/{}/revoke", id(demo)),
            &admin,
            json!({ "version": demo["version"] }),
        )
        .await;
    revoked.assert_status(200);
    let specialist = app.token("division_specialist").await;
    let head = app.token("division_head").await;
    let application = prepared(&app, &specialist, "46805280103").await;
    sign(&app, &head, &application)
        .await
        .assert_problem(403, "no_signing_delegation");
    let auditor = app.token("auditor").await;
    let revocations = app
        .audit(&auditor, "action=signing_delegation.revoke")
        .await;
    assert_eq!(revocations.len(), 1);
    assert_eq!(revocations[0]["entity_id"], demo["id"]);
}

/// Before delegations, every `division_head` signed everything: migrating an
/// installation with signers gives each a delegation for every service type
/// of their municipality, granted by its administrator, so that nobody stops
/// signing on the day of the upgrade.
async fn r_role_2_an_upgrade_carries_the_signing_role_over_to_delegations(app: TestApp) {
    // Undo the delegations migration (and any after it): the demo signer is
    // a user with the role and no delegation, as before the upgrade.
    migrate_down_through(&app.db, "m20261202_000006_signing_delegations").await;
    atvejis_api::store::migrate(&app.db)
        .await
        .expect("up again");

    let admin = app.token("admin").await;
    let list = app.get("/api/v1/signing-delegations", &admin).await;
    let list = list.assert_status(200);
    assert_eq!(list["total"], 1, "one signer in Kelmė: {list}");
    let carried = &list["items"][0];
    assert_eq!(carried["user"]["display_name"], "Vytautas Stankevičius");
    assert_eq!(
        carried["granted_by"]["display_name"],
        "Aušra Administratorė"
    );
    assert_eq!(carried["status"], "in_force");
    assert_eq!(carried["valid_until"], Value::Null);
    let catalogue = app.get("/api/v1/service-types", &admin).await;
    assert_eq!(
        carried["service_types"].as_array().unwrap().len(),
        catalogue.assert_status(200).as_array().unwrap().len()
    );
    // And the head signs as before.
    let specialist = app.token("division_specialist").await;
    let head = app.token("division_head").await;
    let application = prepared(&app, &specialist, "46805280103").await;
    let signed = sign(&app, &head, &application).await;
    assert_eq!(
        signed.assert_status(200)["signed_under"]["delegation_id"],
        carried["id"]
    );
}
