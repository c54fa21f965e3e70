//! `POST /api/v1/families`.

use super::{FamilyView, Relation, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ValidJson;
use crate::routes::persons::eldership_for;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::{families, family_members};
use crate::store::persons::find_scoped as find_person;
use crate::store::{self};
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use atvejis_domain::access::Permission;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

/// A member to add.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MemberInput {
    /// The person.
    pub person_id: Uuid,
    /// The relation.
    pub relation: Relation,
}

/// A new family.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CreateFamilyRequest {
    /// Name, e.g. "Petraičių šeima".
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    /// Notes.
    #[validate(length(max = 2000))]
    pub notes: Option<String>,
    /// Eldership (an eldership specialist's own by default).
    pub eldership_id: Option<Uuid>,
    /// Members, at least one.
    #[validate(length(min = 1, max = 30))]
    pub members: Vec<MemberInput>,
}

/// Register a family.
#[utoipa::path(
    tag = "families",
    request_body = CreateFamilyRequest,
    responses(
        (status = 201, description = "Registered", body = FamilyView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "A member is not in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/families")]
pub async fn create_family(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<CreateFamilyRequest>,
) -> ApiResult<HttpResponse> {
    actor.require(Permission::WritePersons)?;
    let ValidJson(body) = body;
    let mut seen = Vec::new();
    for (i, m) in body.members.iter().enumerate() {
        if seen.contains(&m.person_id) {
            return Err(ApiError::invalid_field(
                format!("members[{i}].person_id"),
                "duplicate",
                "is listed twice",
            ));
        }
        seen.push(m.person_id);
    }
    let eldership_id = eldership_for(&state.db, &actor, body.eldership_id).await?;
    let now = store::now();
    let id = Uuid::now_v7();
    let txn = store::begin_write(&state.db).await?;
    for m in &body.members {
        find_person(&txn, &actor, m.person_id).await?;
    }
    families::Entity::insert(families::ActiveModel {
        id: Set(id),
        municipality_id: Set(actor.municipality_id),
        eldership_id: Set(eldership_id),
        name: Set(body.name.trim().to_owned()),
        notes: Set(body
            .notes
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    })
    .exec(&txn)
    .await?;
    family_members::Entity::insert_many(body.members.iter().map(|m| family_members::ActiveModel {
        family_id: Set(id),
        person_id: Set(m.person_id),
        relation: Set(m.relation.as_str().to_owned()),
        joined_on: Set(Some(store::today())),
        left_on: Set(None),
    }))
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        &AuditActor::of(&actor), crate::store::now(),
        AuditEvent::new(
            AuditAction::FamilyCreate, "family", id).summary(json!({
            "name": body.name.trim(),
            "members": body.members.iter().map(|m| json!({ "person_id": m.person_id, "relation": m.relation })).collect::<Vec<_>>(),
        })))
    .await?;
    let created = view(&txn, super::find_scoped(&txn, &actor, id).await?).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/families/{id}")))
        .json(created))
}
