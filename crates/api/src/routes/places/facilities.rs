//! `/api/v1/facilities`: facilities with their places and capacity.

use crate::actor::Actor;
use crate::app::places::alternatives::{self, Alternatives};
use crate::app::places::board::{self, QueueBoard};
use crate::app::places::facilities::{self as app, CapacityRequest, FacilityView};
use crate::app::places::facility_write::{self, CreateFacilityRequest, UpdateFacilityRequest};
use crate::error::{ApiResult, Problem};
use crate::export::FormatQuery;
use crate::extract::{ReadPurpose, ValidJson};
use crate::state::AppState;
use actix_web::{HttpResponse, get, patch, post, web};
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

/// Download the queue board's waiting entries (CSV or XLSX).
///
/// The same queue and order (R-Q-3) as `GET /facilities/{id}/queue`.
/// Columns: `eiles_nr`, `vardas_pavarde`, `vietos_rusis`, `sprendimo_data`,
/// `prasymo_data`, `registracijos_nr`, `statusas` (the entry's status code),
/// `laukia_dienu`, `numatoma_laukti_dienu`. Recorded as `list.export`
/// (`queue`, of the facility) with its purpose.
#[utoipa::path(
    tag = "places",
    params(
        ("id" = Uuid, Path, description = "Facility id"),
        BoardFilter,
        FormatQuery,
        ("X-Purpose" = Purpose, Header, description = "Why you download it (recorded; R-ROLE-3)"),
    ),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, description = "Invalid query (a `format` other than `csv` or `xlsx`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not logged in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No access to places", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such facility", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No purpose; the facility has no places of the kind, or several kinds and none named", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/facilities/{id}/queue/export")]
pub async fn export_queue(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    filter: web::Query<BoardFilter>,
    format: web::Query<FormatQuery>,
    purpose: ReadPurpose,
) -> ApiResult<HttpResponse> {
    let format = format.format;
    board::export(
        &state,
        &actor,
        id.into_inner(),
        filter.place_kind,
        purpose.0,
        format,
    )
    .await?
    .download(format, "eile")
}

/// The preferred facility and the kind of place.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AlternativesQuery {
    /// The preferred facility.
    pub facility_id: Uuid,
    /// The kind of place (needed when the facility has several).
    #[param(inline)]
    pub place_kind: Option<PlaceKind>,
}

/// R-Q-5: when the preferred facility has no free place of the kind, the
/// other active facilities of my municipality with free places of it, most
/// free first (empty when the preferred one has a place).
#[utoipa::path(
    tag = "places",
    params(AlternativesQuery),
    responses(
        (status = 200, description = "The alternatives", body = Alternatives),
        (status = 403, description = "No access to places", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such facility", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The facility has no places of the kind, or several kinds and none named", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/facilities/alternatives")]
pub async fn facility_alternatives(
    state: web::Data<AppState>,
    actor: Actor,
    query: web::Query<AlternativesQuery>,
) -> ApiResult<web::Json<Alternatives>> {
    Ok(web::Json(
        alternatives::list(&state, &actor, query.facility_id, query.place_kind).await?,
    ))
}

/// Create a facility with its kinds of place and their places from today
/// (the default admission checklist of its kind).
#[utoipa::path(
    tag = "places",
    request_body = CreateFacilityRequest,
    responses(
        (status = 201, description = "Created", body = FacilityView),
        (status = 403, description = "Not the division", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`facility_code_taken`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; a kind of place the facility's kind has not", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/facilities")]
pub async fn create_facility(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<CreateFacilityRequest>,
) -> ApiResult<HttpResponse> {
    let view = facility_write::create(&state, &actor, body.0).await?;
    Ok(HttpResponse::Created().json(view))
}

/// Change a facility: name, address, reply term, admission checklist,
/// whether it takes people.
#[utoipa::path(
    tag = "places",
    params(("id" = Uuid, Path, description = "Facility id")),
    request_body = UpdateFacilityRequest,
    responses(
        (status = 200, description = "The facility as it is now", body = FacilityView),
        (status = 403, description = "Not the division", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such facility", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/facilities/{id}")]
pub async fn update_facility(
    state: web::Data<AppState>,
    actor: Actor,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateFacilityRequest>,
) -> ApiResult<web::Json<FacilityView>> {
    Ok(web::Json(
        facility_write::update(&state, &actor, id.into_inner(), body.0).await?,
    ))
}
