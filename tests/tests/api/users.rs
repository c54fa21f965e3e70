//! User administration: admin only, own municipality only, every write audited.

use crate::db_tests;
use crate::support::{PASSWORD, TestApp};
use atvejis_api::store::seed;
use atvejis_domain::access::Role;
use reqwest::Method;
use serde_json::{Value, json};

db_tests!(
    only_admins_manage_users,
    kaunas_admin_sees_no_kelme_user,
    admin_creates_a_user_who_can_log_in,
    duplicate_username_is_a_conflict,
    eldership_must_belong_to_the_municipality,
    list_filters_and_pages,
    role_change_deactivate_activate_and_reset_are_audited,
    admin_cannot_lock_themselves_out,
    user_changes_own_password,
    guessing_the_password_through_an_open_session_is_throttled,
);

async fn user_id(app: &TestApp, admin: &str, username: &str) -> (String, i64) {
    let page = app.get(&format!("/api/v1/users?q={username}"), admin).await;
    let user = page.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["username"] == username)
        .cloned()
        .unwrap_or_else(|| panic!("{username} not listed: {}", page.body));
    (
        user["id"].as_str().unwrap().to_owned(),
        user["version"].as_i64().unwrap(),
    )
}

async fn only_admins_manage_users(app: TestApp) {
    let admin = app.token("admin").await;
    let (id, _) = user_id(&app, &admin, "auditor").await;
    for username in [
        "social_worker",
        "case_manager",
        "division_specialist",
        "division_head",
        "auditor",
    ] {
        let token = app.token(username).await;
        app.get("/api/v1/users", &token)
            .await
            .assert_problem(403, "forbidden");
        app.get(&format!("/api/v1/users/{id}"), &token)
            .await
            .assert_problem(403, "forbidden");
        app.post(
            "/api/v1/users",
            &token,
            json!({ "username": "x.y", "display_name": "X", "password": "Long-enough-1", "roles": ["admin"] }),
        )
        .await
        .assert_problem(403, "forbidden");
        app.post(
            &format!("/api/v1/users/{id}/deactivate"),
            &token,
            json!({ "version": 1 }),
        )
        .await
        .assert_problem(403, "forbidden");
        app.get("/api/v1/service-accounts", &token)
            .await
            .assert_problem(403, "forbidden");
    }
}

/// A Kaunas district administrator, created directly in the database.
async fn kaunas_admin(app: &TestApp) -> String {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let kaunas = atvejis_api::store::entities::municipalities::Entity::find()
        .filter(atvejis_api::store::entities::municipalities::Column::Code.eq("kauno-r"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let hash = atvejis_api::auth::password::hash_blocking(PASSWORD).unwrap();
    assert!(
        seed::user(
            &app.db,
            kaunas.id,
            None,
            "kaunas_admin",
            "Kauno administratorius",
            &[Role::Admin],
            &hash,
            "test",
            app.clock.now(),
        )
        .await
        .unwrap()
    );
    app.token("kaunas_admin").await
}

async fn kaunas_admin_sees_no_kelme_user(app: TestApp) {
    let kelme_admin = app.token("admin").await;
    let (kelme_user, _) = user_id(&app, &kelme_admin, "division_head").await;
    let kaunas = kaunas_admin(&app).await;

    let page = app.get("/api/v1/users?per_page=100", &kaunas).await;
    let names: Vec<&str> = page.assert_status(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["kaunas_admin", "kaunas_worker"]);
    assert_eq!(page.body["total"], 2);

    // Kelmė's records do not exist for Kaunas: 404, and nothing changes.
    let path = format!("/api/v1/users/{kelme_user}");
    app.get(&path, &kaunas)
        .await
        .assert_problem(404, "not_found");
    app.patch(
        &path,
        &kaunas,
        json!({ "version": 1, "display_name": "Hacked" }),
    )
    .await
    .assert_problem(404, "not_found");
    app.post(
        &format!("{path}/deactivate"),
        &kaunas,
        json!({ "version": 1 }),
    )
    .await
    .assert_problem(404, "not_found");
    app.post(
        &format!("{path}/password"),
        &kaunas,
        json!({ "version": 1, "new_password": "Hacked-password-1" }),
    )
    .await
    .assert_problem(404, "not_found");
    let head = app.get(&path, &kelme_admin).await;
    assert_eq!(head.body["version"], 1);
    assert_eq!(head.body["active"], true);
    app.try_login("division_head", PASSWORD)
        .await
        .assert_status(200);

    // And a Kelmė eldership cannot be given to a Kaunas user.
    let org = app.get("/api/v1/organisation", &kelme_admin).await;
    let kelme_eldership = org.body["elderships"][0]["id"].clone();
    app.post(
        "/api/v1/users",
        &kaunas,
        json!({ "username": "k2", "display_name": "K", "password": "Long-enough-1", "roles": ["social_worker"], "eldership_id": kelme_eldership }),
    )
    .await
    .assert_problem(422, "validation_failed");
    // Kaunas's organisation is its own.
    let org = app.get("/api/v1/organisation", &kaunas).await;
    assert_eq!(org.body["municipality"]["code"], "kauno-r");
    assert_eq!(org.body["elderships"].as_array().unwrap().len(), 1);
}

async fn admin_creates_a_user_who_can_log_in(app: TestApp) {
    let admin = app.token("admin").await;
    let org = app.get("/api/v1/organisation", &admin).await;
    assert_eq!(org.body["elderships"].as_array().unwrap().len(), 11);
    let kraziai = org.body["elderships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Kražių seniūnija")
        .unwrap()["id"]
        .clone();
    let created = app
        .post(
            "/api/v1/users",
            &admin,
            json!({
                "username": "Jonas.Jonaitis",
                "display_name": "Jonas Jonaitis",
                "password": "Kražiai-2026!",
                "roles": ["social_worker"],
                "eldership_id": kraziai,
            }),
        )
        .await;
    let body = created.assert_status(201).clone();
    assert_eq!(body["username"], "jonas.jonaitis");
    assert_eq!(body["eldership"]["name"], "Kražių seniūnija");
    assert_eq!(body["version"], 1);
    assert_eq!(
        created.header("location"),
        Some(format!("/api/v1/users/{}", body["id"].as_str().unwrap()).as_str())
    );
    let token = app
        .try_login("jonas.jonaitis", "Kražiai-2026!")
        .await
        .assert_status(200)["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(me.body["eldership"]["name"], "Kražių seniūnija");

    let auditor = app.token("auditor").await;
    let records = app
        .audit(
            &auditor,
            &format!("entity=user&entity_id={}", body["id"].as_str().unwrap()),
        )
        .await;
    let create = records
        .iter()
        .find(|r| r["action"] == "user.create")
        .unwrap();
    assert_eq!(create["actor_name"], "admin");
    assert_eq!(create["summary"]["roles"], json!(["social_worker"]));
    assert!(create["request_id"].as_str().unwrap().len() >= 16);
    assert!(
        !create["summary"].to_string().contains("Kražiai-2026!"),
        "no password in the audit log"
    );
}

async fn duplicate_username_is_a_conflict(app: TestApp) {
    let admin = app.token("admin").await;
    let reply = app
        .post(
            "/api/v1/users",
            &admin,
            json!({ "username": "AUDITOR", "display_name": "Kitas", "password": "Long-enough-1", "roles": ["auditor"] }),
        )
        .await;
    reply.assert_problem(409, "username_taken");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE username = 'auditor'")
            .await,
        1
    );
}

async fn eldership_must_belong_to_the_municipality(app: TestApp) {
    let admin = app.token("admin").await;
    let reply = app
        .post(
            "/api/v1/users",
            &admin,
            json!({ "username": "x.y", "display_name": "X", "password": "Long-enough-1", "roles": ["social_worker"], "eldership_id": "00000000-0000-7000-8000-000000000000" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["code"], "unknown_eldership");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE username = 'x.y'")
            .await,
        0
    );
}

async fn list_filters_and_pages(app: TestApp) {
    let admin = app.token("admin").await;
    let all = app.get("/api/v1/users", &admin).await;
    assert_eq!(all.body["total"], 8, "the eight Kelmė demo users");
    let page = app.get("/api/v1/users?per_page=5&page=2", &admin).await;
    assert_eq!(page.body["items"].as_array().unwrap().len(), 3);
    assert_eq!(page.body["page"], 2);
    let heads = app.get("/api/v1/users?role=division_head", &admin).await;
    assert_eq!(heads.body["total"], 1);
    assert_eq!(heads.body["items"][0]["username"], "division_head");
    // Case-insensitive search in the display name, with LIKE wildcards escaped.
    let found = app.get("/api/v1/users?q=PETRAIT", &admin).await;
    assert_eq!(found.body["items"][0]["username"], "social_worker");
    let none = app.get("/api/v1/users?q=%25", &admin).await;
    assert_eq!(none.body["total"], 0);
    app.get("/api/v1/users?per_page=1000", &admin)
        .await
        .assert_problem(422, "validation_failed");
    app.get("/api/v1/users?role=boss", &admin)
        .await
        .assert_problem(400, "invalid_query");
}

async fn role_change_deactivate_activate_and_reset_are_audited(app: TestApp) {
    let admin = app.token("admin").await;
    let (id, version) = user_id(&app, &admin, "case_manager").await;
    let path = format!("/api/v1/users/{id}");
    let changed = app
        .patch(&path, &admin, json!({ "version": version, "roles": ["case_manager", "social_worker"], "display_name": "Giedrius K." }))
        .await;
    let changed = changed.assert_status(200).clone();
    assert_eq!(changed["roles"], json!(["social_worker", "case_manager"]));
    assert_eq!(changed["version"], version + 1);

    let deactivated = app
        .post(
            &format!("{path}/deactivate"),
            &admin,
            json!({ "version": version + 1 }),
        )
        .await;
    assert_eq!(deactivated.assert_status(200)["active"], false);
    let listed = app.get("/api/v1/users?active=false", &admin).await;
    assert_eq!(listed.body["total"], 1);
    let activated = app
        .post(
            &format!("{path}/activate"),
            &admin,
            json!({ "version": version + 2 }),
        )
        .await;
    assert_eq!(activated.assert_status(200)["active"], true);
    let reset = app
        .post(
            &format!("{path}/password"),
            &admin,
            json!({ "version": version + 3, "new_password": "Naujas-slaptazodis-1" }),
        )
        .await;
    reset.assert_status(200);
    app.try_login("case_manager", PASSWORD)
        .await
        .assert_problem(401, "invalid_credentials");
    app.try_login("case_manager", "Naujas-slaptazodis-1")
        .await
        .assert_status(200);

    let auditor = app.token("auditor").await;
    let actions: Vec<String> = app
        .audit(&auditor, &format!("entity=user&entity_id={id}&actor=admin"))
        .await
        .iter()
        .map(|r| r["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        actions,
        vec![
            "user.password_reset",
            "user.activate",
            "user.deactivate",
            "user.update"
        ]
    );
    let update = app.audit(&auditor, "action=user.update").await;
    assert_eq!(
        update[0]["summary"]["roles"]["from"],
        json!(["case_manager"])
    );
    assert_eq!(update[0]["summary"]["display_name"]["to"], "Giedrius K.");
}

async fn admin_cannot_lock_themselves_out(app: TestApp) {
    let admin = app.token("admin").await;
    let me = app.get("/api/v1/me", &admin).await;
    let id = me.body["id"].as_str().unwrap();
    app.post(
        &format!("/api/v1/users/{id}/deactivate"),
        &admin,
        json!({ "version": 1 }),
    )
    .await
    .assert_problem(422, "validation_failed");
    let reply = app
        .patch(
            &format!("/api/v1/users/{id}"),
            &admin,
            json!({ "version": 1, "roles": ["auditor"] }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["code"], "cannot_change_own_roles");
}

async fn user_changes_own_password(app: TestApp) {
    let session = app.login("division_specialist").await;
    let other = app.login("division_specialist").await;
    let token = session["access_token"].as_str().unwrap();
    let wrong = app
        .post(
            "/api/v1/me/password",
            token,
            json!({ "current_password": "nope", "new_password": "Naujas-slaptazodis-1" }),
        )
        .await;
    wrong.assert_problem(422, "validation_failed");
    assert_eq!(wrong.body["errors"][0]["field"], "current_password");
    let weak = app
        .post(
            "/api/v1/me/password",
            token,
            json!({ "current_password": PASSWORD, "new_password": "short" }),
        )
        .await;
    weak.assert_problem(422, "validation_failed");
    let ok = app
        .post(
            "/api/v1/me/password",
            token,
            json!({ "current_password": PASSWORD, "new_password": "Naujas-slaptazodis-1" }),
        )
        .await;
    assert_eq!(ok.status.as_u16(), 204);
    app.try_login("division_specialist", "Naujas-slaptazodis-1")
        .await
        .assert_status(200);
    // The other session ended; this one goes on.
    let refresh = |token: Value| {
        let app = &app;
        async move {
            app.json(
                Method::POST,
                "/api/v1/auth/refresh",
                None,
                json!({ "refresh_token": token }),
            )
            .await
        }
    };
    refresh(other["refresh_token"].clone())
        .await
        .assert_problem(401, "invalid_refresh_token");
    refresh(session["refresh_token"].clone())
        .await
        .assert_status(200);
}

async fn guessing_the_password_through_an_open_session_is_throttled(app: TestApp) {
    let token = app.token("case_manager").await;
    let guess = |n: usize| {
        let app = &app;
        let token = &token;
        async move {
            app.post(
                "/api/v1/me/password",
                token,
                json!({ "current_password": format!("guess-{n}"), "new_password": "Naujas-slaptazodis-1" }),
            )
            .await
        }
    };
    for n in 0..10 {
        guess(n).await.assert_problem(422, "validation_failed");
    }
    let throttled = guess(10).await;
    throttled.assert_problem(429, "too_many_attempts");
    let retry: u64 = throttled.header("retry-after").unwrap().parse().unwrap();
    assert!((850..=900).contains(&retry), "Retry-After {retry}");
    // The right password is refused too while throttled, and logins from the
    // same address share the budget.
    app.post(
        "/api/v1/me/password",
        &token,
        json!({ "current_password": PASSWORD, "new_password": "Naujas-slaptazodis-1" }),
    )
    .await
    .assert_problem(429, "too_many_attempts");
    app.try_login("case_manager", PASSWORD)
        .await
        .assert_problem(429, "too_many_attempts");
    let auditor = app.token("auditor").await;
    let failures = app
        .audit(&auditor, "action=user.password_change_failed")
        .await;
    assert_eq!(failures.len(), 10);
}
