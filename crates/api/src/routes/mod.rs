//! HTTP handlers, one file per action, grouped by resource. [`configure`]
//! registers every `/api/v1` handler; the OpenAPI document is collected from
//! the same registration, so a handler cannot be served without appearing in
//! the spec.

pub mod audit;
pub mod auth;
pub mod common;
pub mod health;
pub mod me;
pub mod organisation;
pub mod service_accounts;
pub mod users;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the `/api/v1` handlers (the caller mounts them under that scope).
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(auth::login::login)
        .service(auth::refresh::refresh)
        .service(auth::logout::logout)
        .service(auth::token::token)
        .service(me::get::get_me)
        .service(me::change_password::change_password)
        .service(organisation::get_organisation)
        .service(users::list::list_users)
        .service(users::create::create_user)
        .service(users::get::get_user)
        .service(users::update::update_user)
        .service(users::deactivate::deactivate_user)
        .service(users::activate::activate_user)
        .service(users::reset_password::reset_password)
        .service(service_accounts::list::list_service_accounts)
        .service(service_accounts::create::create_service_account)
        .service(service_accounts::deactivate::deactivate_service_account)
        .service(service_accounts::rotate_secret::rotate_secret)
        .service(audit::list_audit);
}
