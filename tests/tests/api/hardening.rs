//! Issue 8: what an attacker found — huge page numbers (13) and control
//! characters in text (14) — answered with 422, never a dropped connection
//! or a 500, on SQLite and PostgreSQL alike.

use crate::db_tests;
use crate::support::{Backend, TestApp, spawn_app_with};
use reqwest::Method;
use serde_json::json;

db_tests!(
    a_huge_page_number_is_refused_not_a_dropped_connection,
    nul_and_control_characters_are_refused_in_every_text_input
);

async fn a_huge_page_number_is_refused_not_a_dropped_connection(app: TestApp) {
    let admin = app.token("admin").await;
    let worker = app.token("social_worker").await;
    for (path, token) in [
        ("/api/v1/persons", &worker),
        ("/api/v1/applications", &worker),
        ("/api/v1/users", &admin),
    ] {
        let reply = app
            .get(
                &format!("{path}?page=9223372036854775809&per_page=1"),
                token,
            )
            .await;
        reply.assert_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], "page", "{path}");
        app.get(&format!("{path}?page=1&per_page=1000"), token)
            .await
            .assert_problem(422, "validation_failed");
        // The worker still answers.
        app.get(&format!("{path}?page=1&per_page=1"), token)
            .await
            .assert_status(200);
    }
}

async fn nul_and_control_characters_are_refused_in_every_text_input(app: TestApp) {
    // Before login: the username of a login.
    let reply = app
        .json(
            Method::POST,
            "/api/v1/auth/login",
            None,
            json!({ "username": "x\u{0000}", "password": "whatever-123" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "username");
    assert_eq!(reply.body["errors"][0]["code"], "control_character");

    // A person's name, nested and top-level fields alike; nothing stored.
    let worker = app.token("social_worker").await;
    let before = app.count("SELECT COUNT(*) FROM persons").await;
    let reply = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "first_name": "Ona\u{0001}", "last_name": "Žemaitė\u{0000}" }),
        )
        .await;
    reply.assert_problem(422, "validation_failed");
    let fields: Vec<&str> = reply.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["first_name", "last_name"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM persons").await, before);

    // Tab and newline are text.
    let reply = app
        .post(
            "/api/v1/persons",
            &worker,
            json!({ "first_name": "Ona", "last_name": "Kontrolė", "declared_address": "Vytauto g. 1\nKelmė" }),
        )
        .await;
    assert_ne!(reply.status.as_u16(), 500, "{}", reply.body);

    // A search filter in the query string.
    let reply = app.get("/api/v1/persons?q=ona%00", &worker).await;
    reply.assert_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "q");
}

/// Issue 8 (27): the SPA's assets are served as the brotli or gzip files made
/// at build time when the browser accepts them, with long cache headers for
/// hashed assets; the plain file otherwise.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_spa_is_served_precompressed_with_long_cache_for_hashed_assets() {
    let dir = std::env::temp_dir().join(format!("atvejis-spa-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("index.html"), "<html lang=\"lt\"></html>").unwrap();
    std::fs::write(dir.join("assets/app-1a2b.js"), "console.log('plain')").unwrap();
    std::fs::write(dir.join("assets/app-1a2b.js.br"), "BROTLI").unwrap();
    std::fs::write(dir.join("assets/app-1a2b.js.gz"), "GZIP").unwrap();
    let app = spawn_app_with(
        Backend::Sqlite,
        &[("ATVEJIS_STATIC_DIR", dir.to_str().unwrap())],
    )
    .await
    .unwrap();
    let fetch = |encoding: Option<&'static str>| {
        let mut request = app.request(Method::GET, "/assets/app-1a2b.js");
        if let Some(encoding) = encoding {
            request = request.header("accept-encoding", encoding);
        }
        async move { request.send().await.unwrap() }
    };
    for (accept, encoding, body) in [
        (Some("gzip, deflate, br"), Some("br"), "BROTLI"),
        (Some("gzip"), Some("gzip"), "GZIP"),
        (Some("br;q=0, gzip"), Some("gzip"), "GZIP"),
        (None, None, "console.log('plain')"),
    ] {
        let response = fetch(accept).await;
        assert_eq!(response.status(), 200);
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        assert_eq!(
            header("content-encoding").as_deref(),
            encoding,
            "{accept:?}"
        );
        assert!(
            header("content-type").unwrap().contains("javascript"),
            "{accept:?}"
        );
        assert!(
            header("content-disposition").is_none_or(|d| d.starts_with("inline")),
            "{accept:?}"
        );
        assert_eq!(
            header("cache-control").as_deref(),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(header("vary").as_deref(), Some("accept-encoding"));
        assert_eq!(response.bytes().await.unwrap(), body.as_bytes());
    }
    // Pages of the SPA itself are revalidated.
    let page = app.request(Method::GET, "/persons").send().await.unwrap();
    assert_eq!(page.headers()["cache-control"], "no-cache");
    std::fs::remove_dir_all(dir).ok();
}
