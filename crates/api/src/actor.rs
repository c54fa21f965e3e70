//! Who is calling: the [`Actor`] of a request (built from the bearer token by
//! the extractor in [`crate::auth`]), and the [`RequestMeta`] of requests
//! made before login. Every layer below the routes takes an `Actor`; this
//! module depends on nothing but the domain, so that `store` and `app` need
//! not import `auth`.

use crate::error::ApiError;
use crate::request_id::RequestId;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use atvejis_domain::access::{self, Permission, RecordScope, Role};
use atvejis_domain::scopes::{self, ServiceScope};
use std::future::{Ready, ready};
use uuid::Uuid;

/// Who is calling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A member of staff.
    User {
        /// User id.
        id: Uuid,
        /// Username.
        username: String,
    },
    /// Another municipal system.
    Service {
        /// Service account id.
        id: Uuid,
        /// Client id.
        client_id: String,
    },
}

impl Principal {
    /// The user's or service account's id.
    pub fn id(&self) -> Uuid {
        match self {
            Principal::User { id, .. } | Principal::Service { id, .. } => *id,
        }
    }
}

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Actor {
    /// User or service account.
    pub principal: Principal,
    /// The municipality whose records the actor may touch; never another.
    pub municipality_id: Uuid,
    /// The eldership a specialist works in.
    pub eldership_id: Option<Uuid>,
    /// Staff roles (empty for service accounts).
    pub roles: Vec<Role>,
    /// Service account scopes (empty for staff).
    pub scopes: Vec<ServiceScope>,
    /// The login session, for staff.
    pub session_id: Option<Uuid>,
    /// The request id (the server's own).
    pub request_id: Option<String>,
    /// The client's own `X-Request-Id`, sanitised.
    pub client_request_id: Option<String>,
    /// The client's address.
    pub client_addr: Option<String>,
    /// A member of staff's display name, from their token.
    pub display_name: Option<String>,
}

impl Actor {
    /// A member of staff acting outside a request (a command, a test): no
    /// session, request or address.
    pub fn staff(
        id: Uuid,
        username: impl Into<String>,
        municipality_id: Uuid,
        eldership_id: Option<Uuid>,
        roles: Vec<Role>,
    ) -> Self {
        Actor {
            principal: Principal::User {
                id,
                username: username.into(),
            },
            municipality_id,
            eldership_id,
            roles,
            scopes: Vec::new(),
            session_id: None,
            request_id: None,
            client_request_id: None,
            client_addr: None,
            display_name: None,
        }
    }

    /// The user id, when a member of staff.
    pub fn user_id(&self) -> Option<Uuid> {
        match self.principal {
            Principal::User { id, .. } => Some(id),
            Principal::Service { .. } => None,
        }
    }

    /// Whether the actor may do `permission`.
    pub fn can(&self, permission: Permission) -> bool {
        match self.principal {
            Principal::User { .. } => access::allows(&self.roles, permission),
            Principal::Service { .. } => scopes::grants(&self.scopes, permission),
        }
    }

    /// `Ok` when the actor may do `permission`, else 403.
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(ApiError::forbidden(format!(
                "Your role does not allow this action ({}).",
                scopes::permission_code(permission)
            )))
        }
    }

    /// Which records of the municipality the actor sees.
    pub fn record_scope(&self) -> RecordScope {
        match self.principal {
            Principal::User { .. } => {
                access::record_scope(&self.roles, self.eldership_id.is_some())
            }
            Principal::Service { .. } => RecordScope::Municipality,
        }
    }
}

/// The request id and client address, for handlers without an actor (login).
#[derive(Debug, Clone)]
pub struct RequestMeta {
    /// The request id (the server's own).
    pub request_id: Option<String>,
    /// The client's own `X-Request-Id`, sanitised.
    pub client_request_id: Option<String>,
    /// The client's address (the TCP peer; proxies are not trusted).
    pub client_addr: String,
}

impl RequestMeta {
    pub fn of(req: &HttpRequest) -> Self {
        RequestMeta {
            request_id: req.extensions().get::<RequestId>().map(|r| r.0.clone()),
            client_request_id: req
                .extensions()
                .get::<RequestId>()
                .and_then(|r| r.1.clone()),
            client_addr: req
                .peer_addr()
                .map_or_else(|| "unknown".to_owned(), |a| a.ip().to_string()),
        }
    }
}

impl FromRequest for RequestMeta {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(RequestMeta::of(req)))
    }
}
