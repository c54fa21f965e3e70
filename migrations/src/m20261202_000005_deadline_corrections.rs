//! Corrections of the deadlines and documents read against S4 (issue 8):
//!
//! - transport and the overnight shelter get the product's default decision
//!   deadline (30 calendar days from the files): S4's 5 working days and two
//!   days are the applicant's lead time (R-DL-4) and filing window (R-DL-5);
//! - children's day care: the 10 working days run to the decision being
//!   submitted for signature, and the signed decision goes to the provider
//!   within 3 working days (R-DL-2), whose hand-over the decision records;
//! - the group living home: the person is told within 5 working days
//!   (R-DL-3); the 027/a extract of at most 3 months is checked at moving in,
//!   not at application; the assets declaration (not in S4) leaves every list;
//! - R-CM-6 (a decision before the needs assessment) applies to children's
//!   day care only.
//!
//! Stored catalogues are changed only where they still hold the old seed
//! value, so an administrator's own change stays. Applications keep the
//! decision deadline they were received under (migration 000003), except
//! that children's day care's now ends at the submission for signature;
//! the checklists of applications still waiting for a decision lose the two
//! documents that are no longer required at application.

use sea_orm::{ConnectionTrait, DatabaseBackend, JsonValue, Statement, Value};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use serde_json::json;

use crate::util::{add_columns, drop_columns};

#[derive(DeriveMigrationName)]
pub struct Migration;

const MOVED: &str = "medical_extract_027a_3_months";
const DROPPED: &str = "assets_declaration";

fn default_deadline() -> JsonValue {
    json!({ "amount": 30, "unit": "calendar_days", "from": "files_received" })
}

fn extract_3_months() -> JsonValue {
    json!({
        "code": MOVED,
        "name_lt": "Medicininių dokumentų išrašas (forma 027/a), išduotas ne daugiau kaip prieš 3 mėnesius iki apsigyvenimo",
        "name_en": "Medical extract (form 027/a), issued at most 3 months before moving in",
    })
}

fn without_documents(list: &JsonValue, codes: &[&str]) -> (JsonValue, bool) {
    let Some(items) = list.as_array() else {
        return (list.clone(), false);
    };
    let kept: Vec<JsonValue> = items
        .iter()
        .filter(|d| !codes.iter().any(|c| d.get("code") == Some(&json!(c))))
        .cloned()
        .collect();
    let changed = kept.len() != items.len();
    (JsonValue::Array(kept), changed)
}

/// The corrected spec of service type `code`, or `None` when unchanged.
fn corrected(code: &str, spec: &JsonValue) -> Option<JsonValue> {
    let mut spec = spec.clone();
    let map = spec.as_object_mut()?;
    let mut changed = false;
    match code {
        "transport"
            if map.get("decision_deadline")
                == Some(
                    &json!({ "amount": 5, "unit": "working_days", "from": "application_received" }),
                ) =>
        {
            map.insert("decision_deadline".into(), default_deadline());
            changed = true;
        }
        "overnight_shelter"
            if map.get("decision_deadline")
                == Some(
                    &json!({ "amount": 2, "unit": "calendar_days", "from": "application_received" }),
                ) =>
        {
            map.insert("decision_deadline".into(), default_deadline());
            changed = true;
        }
        "children_day_centre" => {
            if map.get("decision_deadline")
                == Some(&json!({ "amount": 10, "unit": "working_days", "from": "files_received" }))
            {
                map.insert(
                    "decision_deadline".into(),
                    json!({ "amount": 10, "unit": "working_days", "from": "files_received", "until": "submitted_for_signature" }),
                );
            }
            map.insert(
                "handover_deadline".into(),
                json!({ "amount": 3, "unit": "working_days" }),
            );
            map.insert("decision_before_assessment".into(), json!(true));
            changed = true;
        }
        "group_living_short_term" | "group_living_long_term" => {
            map.insert(
                "notification_deadline".into(),
                json!({ "amount": 5, "unit": "working_days" }),
            );
            map.insert("moving_in_documents".into(), json!([extract_3_months()]));
            changed = true;
        }
        _ => {}
    }
    if let Some(list) = map.get("required_documents") {
        let (kept, removed) = without_documents(list, &[MOVED, DROPPED]);
        if removed {
            map.insert("required_documents".into(), kept);
            changed = true;
        }
    }
    changed.then_some(spec)
}

/// The spec as it was before this migration, or `None` when unchanged.
fn restored(code: &str, spec: &JsonValue) -> Option<JsonValue> {
    let mut spec = spec.clone();
    let map = spec.as_object_mut()?;
    let before = map.clone();
    for field in [
        "handover_deadline",
        "notification_deadline",
        "decision_before_assessment",
        "moving_in_documents",
    ] {
        map.remove(field);
    }
    if let Some(JsonValue::Object(deadline)) = map.get_mut("decision_deadline") {
        deadline.remove("until");
    }
    let is_default = map.get("decision_deadline") == Some(&default_deadline());
    match code {
        "transport" if is_default => {
            map.insert(
                "decision_deadline".into(),
                json!({ "amount": 5, "unit": "working_days", "from": "application_received" }),
            );
        }
        "overnight_shelter" if is_default => {
            map.insert(
                "decision_deadline".into(),
                json!({ "amount": 2, "unit": "calendar_days", "from": "application_received" }),
            );
        }
        "group_living_short_term" | "group_living_long_term" => {
            if let Some(JsonValue::Array(docs)) = map.get_mut("required_documents") {
                docs.push(json!({
                    "code": MOVED,
                    "name_lt": "Medicininių dokumentų išrašas (forma 027/a), ne senesnis kaip 3 mėnesių",
                    "name_en": "Medical extract (form 027/a), at most 3 months old",
                }));
                if code == "group_living_long_term" {
                    docs.push(json!({ "code": DROPPED, "name_lt": "Turto deklaracija", "name_en": "Declaration of assets" }));
                }
            }
        }
        _ => {}
    }
    (*map != before).then_some(spec)
}

fn select(backend: DatabaseBackend, sql: &str) -> Statement {
    Statement::from_string(backend, sql.to_owned())
}

fn update_json(
    backend: DatabaseBackend,
    table: &str,
    column: &str,
    id: sea_orm::prelude::Uuid,
    value: JsonValue,
) -> Statement {
    backend.build(
        Query::update()
            .table(Alias::new(table))
            .value(Alias::new(column), Value::Json(Some(Box::new(value))))
            .and_where(Expr::col(Alias::new("id")).eq(id)),
    )
}

async fn rewrite_catalogue(
    manager: &SchemaManager<'_>,
    change: fn(&str, &JsonValue) -> Option<JsonValue>,
) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    let rows = db
        .query_all_raw(select(backend, "SELECT id, code, spec FROM service_types"))
        .await?;
    for row in rows {
        let id: sea_orm::prelude::Uuid = row.try_get("", "id")?;
        let code: String = row.try_get("", "code")?;
        let spec: JsonValue = row.try_get("", "spec")?;
        if let Some(new) = change(&code, &spec) {
            db.execute_raw(update_json(backend, "service_types", "spec", id, new))
                .await?;
        }
    }
    Ok(())
}

/// Applications of children's day care: their deadline ends at the
/// submission for signature (`until` set) or, on the way down, at the
/// signature again. Applications of the group living home still waiting for
/// a decision: the two documents leave the checklist (not restored).
async fn rewrite_applications(manager: &SchemaManager<'_>, up: bool) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    let rows = db
        .query_all_raw(select(
            backend,
            "SELECT id, service_code, status, documents, decision_deadline FROM applications \
             WHERE service_code IN ('children_day_centre', 'group_living_short_term', 'group_living_long_term')",
        ))
        .await?;
    for row in rows {
        let id: sea_orm::prelude::Uuid = row.try_get("", "id")?;
        let code: String = row.try_get("", "service_code")?;
        let status: String = row.try_get("", "status")?;
        let documents: JsonValue = row.try_get("", "documents")?;
        let deadline: Option<JsonValue> = row.try_get("", "decision_deadline")?;
        if code == "children_day_centre" {
            if let Some(JsonValue::Object(mut rule)) = deadline {
                let changed = if up {
                    rule.insert("until".into(), json!("submitted_for_signature"))
                        .is_none()
                } else {
                    rule.remove("until").is_some()
                };
                if changed {
                    db.execute_raw(update_json(
                        backend,
                        "applications",
                        "decision_deadline",
                        id,
                        JsonValue::Object(rule),
                    ))
                    .await?;
                }
            }
        } else if up
            && matches!(
                status.as_str(),
                "draft" | "submitted" | "assessed" | "returned_for_completion"
            )
        {
            let (kept, removed) = without_documents(&documents, &[MOVED, DROPPED]);
            if removed {
                db.execute_raw(update_json(backend, "applications", "documents", id, kept))
                    .await?;
            }
        }
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_columns(
            manager,
            "decisions",
            vec![date_null("handed_over_on"), string_null("handed_over_to")],
        )
        .await?;
        rewrite_catalogue(manager, corrected).await?;
        rewrite_applications(manager, true).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rewrite_applications(manager, false).await?;
        rewrite_catalogue(manager, restored).await?;
        drop_columns(manager, "decisions", &["handed_over_to", "handed_over_on"]).await
    }
}
