//! HTTP handlers, one file per action, grouped by resource. [`configure`]
//! registers every `/api/v1` handler; the OpenAPI document is collected from
//! the same registration, so a handler cannot be served without appearing in
//! the spec.

pub mod aids;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod case_referrals;
pub mod cases;
pub mod catalogue;
pub mod charges;
pub mod data_subjects;

pub mod decisions;
pub mod deliveries;
pub mod families;
pub mod fees;
pub mod health;
pub mod me;
pub mod organisation;
pub mod persons;
pub mod places;
pub mod procedure_parameters;
pub mod reports;
pub mod search;
pub mod service_accounts;
pub mod signing_delegations;
pub mod users;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the `/api/v1` handlers (the caller mounts them under that scope).
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(auth::login::login)
        .service(auth::refresh::refresh)
        .service(auth::logout::logout)
        .service(auth::token::token)
        .service(me::get::get_me)
        .service(me::worklist::get_worklist)
        .service(search::search_all)
        .service(me::change_password::change_password)
        .service(organisation::get_organisation)
        .service(users::list::list_users)
        .service(users::export::export_users)
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
        .service(signing_delegations::list::list_signing_delegations)
        .service(signing_delegations::create::create_signing_delegation)
        .service(signing_delegations::revoke::revoke_signing_delegation)
        .service(audit::list_audit)
        .service(data_subjects::find_data_subjects)
        .service(data_subjects::list_data_subject_accesses)
        .service(data_subjects::export_data_subject_accesses)
        .service(data_subjects::export_data_subject_json)
        .service(data_subjects::export_data_subject_pdf)
        .service(audit::export_audit)
        .service(catalogue::list_service_types::list_service_types)
        .service(catalogue::update_service_type::update_service_type)
        .service(catalogue::list_rates::list_rates)
        .service(catalogue::create_rate::create_rate)
        .service(catalogue::delete_rate::delete_rate)
        .service(persons::list::list_persons)
        .service(persons::export::export_persons)
        .service(persons::create::create_person)
        .service(persons::get::get_person)
        .service(persons::update::update_person)
        .service(persons::certificates::add_certificate)
        .service(persons::certificates::delete_certificate)
        .service(persons::income::add_income)
        .service(persons::income::add_income_months)
        .service(persons::income::delete_income)
        .service(persons::eligibility::eligibility)
        .service(families::create::create_family)
        .service(families::get::get_family)
        .service(families::add_member::add_member)
        .service(families::remove_member::remove_member)
        // The inbox before `/applications/{id}`.
        .service(applications::inbox::inbox)
        .service(applications::export::export_inbox)
        .service(applications::list::list_applications)
        .service(applications::export::export_applications)
        .service(applications::create::create_application)
        .service(applications::get::get_application)
        .service(applications::update::update_application)
        .service(applications::submit::submit_application)
        .service(applications::record_assessment::record_assessment)
        .service(applications::forward::forward_application)
        .service(applications::return_for_completion::return_application)
        .service(applications::withdraw::withdraw_application)
        .service(applications::add_attachment::add_attachment)
        .service(decisions::fee_preview::fee_preview)
        .service(decisions::prepare::prepare_decision)
        .service(decisions::get::get_decision)
        .service(decisions::pdf::get_decision_pdf)
        .service(decisions::pdf::get_notification_letter_pdf)
        .service(decisions::sign::sign_decision)
        .service(decisions::record_notification::record_notification)
        .service(decisions::record_handover::record_handover)
        .service(cases::list::list_cases)
        // The caseloads before `/cases/{id}`.
        .service(cases::caseloads::caseloads)
        .service(cases::candidates::team_candidates)
        .service(cases::create::open_case)
        .service(cases::get::get_case)
        .service(cases::assign::assign_team)
        .service(cases::journal::list_journal)
        .service(cases::journal::add_journal_entry)
        .service(cases::journal::edit_journal_entry)
        .service(cases::timeline::case_timeline)
        .service(case_referrals::refer_case)
        .service(procedure_parameters::list::list_procedure_parameters)
        .service(procedure_parameters::create::create_procedure_parameters)
        .service(procedure_parameters::delete::delete_procedure_parameters)
        .service(cases::update::update_case)
        .service(cases::list_assessments::list_assessments)
        .service(cases::record_assessment::record_assessment)
        .service(cases::list_meetings::list_meetings)
        .service(cases::record_meeting::record_meeting)
        .service(cases::get_plan::get_plan)
        .service(cases::put_plan::put_plan)
        .service(cases::plan_version::plan_version)
        .service(cases::plan_pdf::plan_pdf)
        .service(cases::action_status::action_status)
        .service(cases::list_reviews::list_reviews)
        .service(cases::add_review::add_review)
        .service(places::facilities::list_facilities)
        .service(places::facilities::facility_alternatives)
        .service(places::facilities::create_facility)
        .service(places::facilities::get_facility)
        .service(places::facilities::update_facility)
        .service(places::facilities::set_capacity)
        .service(places::facilities::queue_board)
        .service(places::facilities::export_queue)
        .service(places::person_entries::person_queue_entries)
        .service(places::queue_entries::register)
        .service(places::queue_entries::get_entry)
        .service(places::queue_entries::leave)
        .service(places::queue_entries::resume)
        .service(places::offers::make_offer)
        .service(places::offers::get_offer)
        .service(places::offers::answer_offer)
        .service(places::offers::admit)
        .service(places::stays::list_stays)
        .service(places::stays::get_stay)
        .service(places::stays::arrive)
        .service(places::stays::extend_stay)
        .service(places::stays::end_stay)
        .service(aids::items::list_aids)
        .service(aids::items::aid_stock)
        .service(aids::items::aid_prices)
        .service(aids::waiting::list_waiting)
        .service(aids::waiting::join_waiting)
        .service(aids::waiting::leave_waiting)
        .service(aids::items::create_aid)
        .service(aids::items::get_aid)
        .service(aids::items::update_aid)
        .service(aids::loans::list_loans)
        .service(aids::loans::issue_loan)
        .service(aids::loans::get_loan)
        .service(aids::loans::return_loan)
        .service(aids::loans::record_death)
        .service(fees::quotes::quote_fee)
        .service(fees::reviews::list_fee_reviews)
        .service(fees::reviews::confirm_fee_review)
        .service(reports::timeliness)
        .service(reports::timeliness_export)
        .service(reports::overdue)
        .service(reports::overdue_export)
        .service(reports::waiting)
        .service(reports::waiting_export)
        .service(reports::yearly_summary)
        .service(reports::yearly_summary_export);
    deliveries::configure(cfg);
    charges::configure(cfg);
}
