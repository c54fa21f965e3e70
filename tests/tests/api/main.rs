//! Black-box tests of the Atvejis server over HTTP, on SQLite and (with
//! `TEST_DATABASE_URL`) PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod access_matrix;
mod aids_demo;
mod aids_inventory;
mod aids_loans;
mod audit;
mod auth;
mod case_caseloads;
mod case_journal;
mod case_meetings;
mod case_plans;
mod case_referrals;
mod cases;
mod casework;
mod charges_bench;
mod charges_runs;
mod charges_sources;
mod compose;
mod data_subjects;
mod deadlines;
mod decision_documents;
mod deliveries_records;
mod deliveries_support;
mod deliveries_visits;
mod errors;
mod exports;
mod fees_quotes;
mod fees_reviews;
mod hardening;
mod health;
mod layer_access;
mod layer_applications;
mod layer_persons;
mod layer_staff;
mod openapi;
mod places_concurrency;
mod places_demo;
mod places_offers;
mod places_queue;
mod places_stays;
mod places_support;
mod procedure_parameters;
mod reports;
mod reports_bench;
mod rules_fees;
mod security;
mod service_accounts;
mod signing_delegations;
mod store;
mod tokens;
mod users;
mod worklist;
