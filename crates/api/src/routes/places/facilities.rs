//! `/api/v1/facilities`: facilities with their places and capacity.

use crate::actor::Actor;
use crate::app::places::board::{self, QueueBoard};
use crate::app::places::facilities::{self as app, CapacityRequest, FacilityView};
use crate::error::{ApiResult, Problem};
use crate::extract::{ReadPurpose, ValidJson};
use crate::state::AppState;
use actix_web::{get, post, web};
use atvejis_domain::access::Purpose;
use atvejis_domain::places::PlaceKind;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

/// Filters of the facility list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FacilityFilter {
    /// Only facilities with places of this kind.
    #[param(inline)]
    pub place_kind: Option<PlaceKind>,
}

/// The facilities of my municipality, each kind of place with its capacity
/// today, occupancy (from stays), places offered, free places and people
/// waiting.
#[utoipa::path(
    tag = "places",
    params(FacilityFilter),
    responses(
        (status = 200, description = "The facilities", body = Vec<FacilityView>),
        (status = 403, description = "No access to places", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/facilities")]
pub async fn list_facilities(
    state: web::Data<AppState>,
    actor: Actor,
    filter: web::Query<FacilityFilter>,
) -> ApiResult<web::Json<Vec<FacilityView>>> {
    Ok(web::Json(
        app::list(&state, &actor, filter.place_kind).await?,
    ))
}

/// One facility with its places.
#[utoipa::path(
    tag = "places",
    params(("id" = Uuid, Path, description = "Facility id")),
    responses(
        (status = 200, description = "The facility", body = FacilityView),
        (status = 403, description = "No access to places", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such facility", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/facilities/{id}")]
pub async fn get_facility(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<FacilityView>> {
    Ok(web::Json(app::get(&state, &actor, id.into_inner()).await?))
}

/// Set the capacity of a kind of place from a day (today or later). A
/// capacity that grows today offers the new places at once to the first
/// in the queue (R-Q-4); it never goes below the places offered and
/// occupied.
#[utoipa::path(
    tag = "places",
    params(("id" = Uuid, Path, description = "Facility id")),
    request_body = CapacityRequest,
    responses(
        (status = 200, description = "The facility as it is now", body = FacilityView),
        (status = 403, description = "Not the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such facility", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`capacity_below_use` (R-Q-4)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A day in the past, or a kind the facility has not", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/facilities/{id}/capacities")]
pub async fn set_capacity(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<CapacityRequest>,
) -> ApiResult<web::Json<FacilityView>> {
    Ok(web::Json(
        app::set_capacity(&state, &actor, id.into_inner(), body.0).await?,
    ))
}

/// Which queue of the facility.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BoardFilter {
    /// The kind of place (needed when the facility has several).
    #[param(inline)]
    pub place_kind: Option<PlaceKind>,
}

/// The queue board of a kind of place at a facility: those waiting in
/// R-Q-3 order with their expected wait (from the admissions of the last
/// 12 months), the offers holding places (overdue ones marked), and the
/// open stays. The read is recorded (`queue.board_read`).
#[utoipa::path(
    tag = "places",
    params(
        ("id" = Uuid, Path, description = "Facility id"),
        BoardFilter,
        ("X-Purpose" = Purpose, Header, description = "Why you read it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The queue board", body = QueueBoard),
        (status = 403, description = "No access to places", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such facility", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No purpose; the facility has no places of the kind, or several kinds and none named", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/facilities/{id}/queue")]
pub async fn queue_board(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    filter: web::Query<BoardFilter>,
    purpose: ReadPurpose,
) -> ApiResult<web::Json<QueueBoard>> {
    Ok(web::Json(
        board::board(
            &state,
            &actor,
            id.into_inner(),
            filter.place_kind,
            purpose.0,
        )
        .await?,
    ))
}
