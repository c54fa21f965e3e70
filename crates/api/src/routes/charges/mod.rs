//! Care fees and monthly charges: `/api/v1/stays/{id}/fee-terms`,
//! `/api/v1/stays/{id}/absences` (R-FEE-8, R-FEE-9), `/api/v1/charge-runs`
//! and `/api/v1/persons/{id}/charges`.

pub mod person;
pub mod runs;
pub mod stays;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the handlers of this group.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(stays::list_fee_terms)
        .service(stays::set_fee_terms)
        .service(stays::list_absences)
        .service(stays::record_absence)
        .service(stays::change_absence)
        .service(runs::list_runs)
        .service(runs::start_run)
        .service(runs::get_run)
        .service(runs::run_charges)
        .service(runs::run_differences)
        .service(runs::export_csv)
        .service(runs::export_xlsx)
        .service(person::person_charges);
}
