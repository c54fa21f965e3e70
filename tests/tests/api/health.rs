//! Liveness, readiness, request ids.

use crate::db_tests;
use crate::support::TestApp;
use reqwest::Method;

db_tests!(
    health_and_readiness_answer,
    request_ids_are_returned_and_kept
);

async fn health_and_readiness_answer(app: TestApp) {
    let up = app.send(app.request(Method::GET, "/healthz")).await;
    assert_eq!(up.assert_status(200)["status"], "ok");
    let ready = app.send(app.request(Method::GET, "/readyz")).await;
    assert_eq!(ready.assert_status(200)["status"], "ok");
    let spec = app
        .send(app.request(Method::GET, "/api/openapi.json"))
        .await;
    assert_eq!(spec.assert_status(200)["info"]["title"], "Atvejis API");
    let docs = app.send(app.request(Method::GET, "/api/docs/")).await;
    assert_eq!(docs.status.as_u16(), 200);
}

async fn request_ids_are_returned_and_kept(app: TestApp) {
    let reply = app.send(app.request(Method::GET, "/healthz")).await;
    let id = reply.header("x-request-id").unwrap();
    assert_eq!(id.len(), 32);
    let reply = app
        .send(
            app.request(Method::GET, "/healthz")
                .header("x-request-id", "client-abc-123"),
        )
        .await;
    // The server's own id, never the client's (which the audit log keeps
    // beside it: see security.rs).
    let own = reply.header("x-request-id").unwrap();
    assert_ne!(own, "client-abc-123");
    assert_eq!(own.len(), 32);
    // Ids that could forge log lines are replaced.
    let reply = app
        .send(
            app.request(Method::GET, "/healthz")
                .header("x-request-id", "a b\"c"),
        )
        .await;
    assert_ne!(reply.header("x-request-id"), Some("a b\"c"));
}
