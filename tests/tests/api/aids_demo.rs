//! The demo's technical aids (crates/api/src/store/demo_aids.rs): Kelmė's
//! inventory, loans (one bed returned within 12 months with its refund, one
//! overdue after the user's death) and the next person waiting.

use crate::db_tests;
use crate::support::TestApp;
use time::macros::date;

db_tests!(the_demo_has_kelmes_aids_loans_with_a_refund_and_an_overdue_return,);

async fn the_demo_has_kelmes_aids_loans_with_a_refund_and_an_overdue_return(app: TestApp) {
    app.clock.set_today(date!(2026 - 12 - 02));
    for _ in 0..2 {
        atvejis_api::store::seed::demo_with_casework(&app.db, "unused", app.clock.now())
            .await
            .expect("demo");
    }
    let token = app.token("division_specialist").await;
    let items = app.get("/api/v1/aids?per_page=100", &token).await;
    assert_eq!(items.assert_status(200)["total"], 12);
    let loans = app.get("/api/v1/aid-loans", &token).await;
    let loans = loans.assert_status(200);
    assert_eq!(loans["total"], 5);
    let returned: Vec<_> = loans["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| !l["returned_on"].is_null())
        .cloned()
        .collect();
    assert_eq!(returned.len(), 1);
    assert_eq!(returned[0]["aid_type"], "automatic_bed");
    assert_eq!(returned[0]["fee"], "72.00");
    assert_eq!(returned[0]["refund"], "29.00");
    let overdue = app.get("/api/v1/aid-loans?overdue=true", &token).await;
    let overdue = overdue.assert_status(200);
    assert_eq!(overdue["total"], 1);
    assert_eq!(overdue["items"][0]["aid_type"], "walker_with_table");
    let stock = app.get("/api/v1/aids/stock", &token).await;
    let types = stock.assert_status(200)["types"]
        .as_array()
        .unwrap()
        .clone();
    let bed = types
        .iter()
        .find(|r| r["aid_type"] == "automatic_bed")
        .unwrap();
    assert_eq!(
        (bed["available"].as_u64(), bed["on_loan"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(bed["next_waiting"]["person_name"], "Zita Bagdonienė");
}
