//! `POST /api/v1/families/{id}/members`.

use super::create::MemberInput;
use super::{FamilyView, find_scoped, view};
use crate::actor::Actor;
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::family_members;
use crate::store::persons::find_scoped as find_person;
use crate::store::{self, is_unique_violation};
use actix_web::{post, web};
use atvejis_domain::access::Permission;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::json;
use uuid::Uuid;

/// Add a member to a family.
#[utoipa::path(
    tag = "families",
    params(("id" = Uuid, Path, description = "Family id")),
    request_body = MemberInput,
    responses(
        (status = 200, description = "Added", body = FamilyView),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such family or person in your scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already a member (already_member)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/families/{id}/members")]
pub async fn add_member(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: JsonBody<MemberInput>,
) -> ApiResult<web::Json<FamilyView>> {
    actor.require(Permission::WritePersons)?;
    let JsonBody(body) = body;
    let txn = store::begin_write(&state.db).await?;
    let family = find_scoped(&txn, &actor, id.into_inner()).await?;
    find_person(&txn, &actor, body.person_id).await?;
    let inserted = family_members::Entity::insert(family_members::ActiveModel {
        family_id: Set(family.id),
        person_id: Set(body.person_id),
        relation: Set(body.relation.as_str().to_owned()),
        joined_on: Set(Some(store::today())),
        left_on: Set(None),
    })
    .exec(&txn)
    .await;
    if let Err(e) = &inserted
        && is_unique_violation(e)
    {
        return Err(ApiError::conflict(
            ErrorCode::AlreadyMember,
            "The person is a member of this family already.",
        ));
    }
    inserted?;
    audit::record(
        &txn,
        &AuditActor::of(&actor),
        crate::store::now(),
        AuditEvent::new(AuditAction::FamilyMemberAdd, "family", family.id)
            .summary(json!({ "person_id": body.person_id, "relation": body.relation })),
    )
    .await?;
    let result = view(&txn, family).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
