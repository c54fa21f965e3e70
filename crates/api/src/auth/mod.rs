//! Authentication and the request's actor.
//!
//! Every protected handler takes an [`Actor`]: the extractor checks the
//! bearer token and builds the actor (user or service account, roles or
//! scopes, municipality, eldership). Handlers then ask
//! [`Actor::require`] for the permission their action needs.

pub mod cache;
pub mod jwt;
pub mod password;
pub mod throttle;

use crate::actor::{Actor, Principal, RequestMeta};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;
use crate::store::entities::{refresh_tokens, service_accounts, users};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use atvejis_domain::scopes;
use futures_util::future::LocalBoxFuture;
use jwt::{PrincipalKind, TokenError};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QuerySelect};
use std::time::Instant;

impl FromRequest for Actor {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let checked = actor_of(req);
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::internal("AppState missing from app data"))?;
            let (actor, version) = checked?;
            let principal = actor.principal.id();
            let cache = &state.sessions;
            if !cache.is_valid(principal, actor.session_id, version, Instant::now()) {
                let generation = cache.generation();
                still_valid(&state.db, &actor, version).await?;
                cache.remember(
                    principal,
                    actor.session_id,
                    version,
                    generation,
                    Instant::now(),
                );
            }
            Ok(actor)
        })
    }
}

/// The token's account and session as they are now (unless the session
/// cache, [`cache`], found them valid a moment ago): an account deactivated
/// or changed since the token was issued, or a session ended (logout, a
/// password change elsewhere, a replayed refresh token), refuses the token
/// at once instead of when it expires. One read by primary key, with the
/// session's liveness as an `EXISTS` on its index for staff.
async fn still_valid(
    db: &DatabaseConnection,
    actor: &Actor,
    token_version: Option<i32>,
) -> Result<(), ApiError> {
    // (active, version, session live)
    let account: Option<(bool, i32, bool)> = match actor.principal {
        Principal::User { id, .. } => {
            let live = match actor.session_id {
                Some(session_id) => Expr::exists(
                    Query::select()
                        .expr(Expr::val(1))
                        .from(refresh_tokens::Entity)
                        .and_where(refresh_tokens::Column::FamilyId.eq(session_id))
                        .and_where(refresh_tokens::Column::RevokedAt.is_null())
                        .and_where(refresh_tokens::Column::UsedAt.is_null())
                        .to_owned(),
                ),
                None => Expr::val(true),
            };
            users::Entity::find_by_id(id)
                .select_only()
                .columns([users::Column::Active, users::Column::Version])
                .expr_as(live, "live")
                .into_tuple()
                .one(db)
                .await?
        }
        Principal::Service { id, .. } => {
            service_accounts::Entity::find_by_id(id)
                .select_only()
                .columns([
                    service_accounts::Column::Active,
                    service_accounts::Column::Version,
                ])
                .expr_as(Expr::val(true), "live")
                .into_tuple()
                .one(db)
                .await?
        }
    };
    let Some((true, version, live)) = account else {
        return Err(ApiError::unauthorized(
            ErrorCode::AccountGone,
            "The account is deactivated or no longer exists.",
        ));
    };
    if !live {
        return Err(ApiError::unauthorized(
            ErrorCode::SessionEnded,
            "This session has ended (logout, a password change, or deactivation); log in again.",
        ));
    }
    if Some(version) != token_version {
        return Err(ApiError::unauthorized(
            ErrorCode::TokenExpired,
            "The account changed since this token was issued (roles, eldership, password or secret); refresh it or log in again.",
        ));
    }
    Ok(())
}

/// The actor a bearer token names, and the account version it was issued
/// for; only the token itself is checked here.
fn actor_of(req: &HttpRequest) -> Result<(Actor, Option<i32>), ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::internal("AppState missing from app data"))?;
    let keys = &state.jwt;
    let value = req
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or_else(|| {
            ApiError::unauthorized(
                ErrorCode::Unauthenticated,
                "Log in first: send `Authorization: Bearer <access token>`.",
            )
        })?
        .to_str()
        .map_err(|_| {
            ApiError::unauthorized(
                ErrorCode::InvalidToken,
                "The Authorization header is not text.",
            )
        })?;
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            ApiError::unauthorized(
                ErrorCode::InvalidToken,
                "Use `Authorization: Bearer <access token>`.",
            )
        })?;
    let claims = keys.verify(token).map_err(|e| match e {
        TokenError::Expired => ApiError::unauthorized(
            ErrorCode::TokenExpired,
            "The access token has expired; refresh it or log in again.",
        ),
        TokenError::Invalid => {
            ApiError::unauthorized(ErrorCode::InvalidToken, "The access token is not valid.")
        }
    })?;
    let meta = RequestMeta::of(req);
    let principal = match claims.kind {
        PrincipalKind::User => Principal::User {
            id: claims.sub,
            username: claims.name,
        },
        PrincipalKind::Service => Principal::Service {
            id: claims.sub,
            client_id: claims.name,
        },
    };
    let scopes = match claims.kind {
        PrincipalKind::Service => scopes::parse_list(claims.scope.as_deref().unwrap_or(""))
            .map_err(|_| {
                ApiError::unauthorized(ErrorCode::InvalidToken, "The token names an unknown scope.")
            })?,
        PrincipalKind::User => Vec::new(),
    };
    let version = claims.ver;
    Ok((
        Actor {
            principal,
            municipality_id: claims.mun,
            eldership_id: claims.eld,
            roles: match claims.kind {
                PrincipalKind::User => claims.roles,
                PrincipalKind::Service => Vec::new(),
            },
            scopes,
            session_id: claims.sid,
            request_id: meta.request_id,
            client_request_id: meta.client_request_id,
            client_addr: Some(meta.client_addr),
            display_name: claims.display_name,
        },
        version,
    ))
}
