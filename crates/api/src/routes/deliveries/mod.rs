//! Recording the service (R-LIM-1..5, R-DL-4): `/api/v1/schedules` (home
//! help and respite schedules), `/api/v1/deliveries` (the visits of both
//! services, one path), `/api/v1/trips`, `/api/v1/meal-lists`,
//! `/api/v1/coupons`. Social workers and the division record
//! (`RecordDeliveries`) and read with the division head (`ReadDeliveries`);
//! the division head approves schedules as the Centre's director.

pub mod coupons;
pub mod meals;
pub mod schedules;
pub mod trips;
pub mod visits;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the deliveries handlers.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(schedules::list_schedules)
        .service(schedules::create_schedule)
        .service(schedules::get_schedule)
        .service(schedules::approve_schedule)
        .service(visits::list_visits)
        .service(visits::record_visit)
        .service(visits::get_visit)
        .service(visits::delete_visit)
        .service(trips::list_trips)
        .service(trips::request_trip)
        .service(trips::get_trip)
        .service(trips::complete_trip)
        .service(trips::cancel_trip)
        .service(meals::list_meal_lists)
        .service(meals::create_meal_list)
        .service(meals::get_meal_list)
        .service(meals::add_meal_recipient)
        .service(coupons::list_coupon_grants)
        .service(coupons::grant_coupons)
        .service(coupons::get_coupon_grant)
        .service(coupons::issue_coupons);
}
