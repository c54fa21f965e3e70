//! Queries about people that several handlers share.

use crate::actor::Actor;
use crate::error::{ApiError, ApiResult};
use crate::store::entities::persons;
use crate::store::scope::scoped;
use atvejis_domain::text::fold_for_search;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use uuid::Uuid;

/// The folded text a person is found by: names, personal code, address.
pub fn search_text(
    first_name: &str,
    last_name: &str,
    personal_code: Option<&str>,
    address: Option<&str>,
) -> String {
    fold_for_search(&format!(
        "{first_name} {last_name} {} {}",
        personal_code.unwrap_or(""),
        address.unwrap_or("")
    ))
}

/// The person `id` within the actor's scope, or 404.
pub async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
) -> ApiResult<persons::Model> {
    scoped::<persons::Entity>(actor)
        .filter(persons::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or_else(|| ApiError::not_found("No such person."))
}
