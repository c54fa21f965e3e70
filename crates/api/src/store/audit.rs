//! The audit writer. Call [`record`] with the write's own transaction: no write
//! without its record, no record without its write (R-ROLE-3).

use crate::actor::{Actor, Principal, RequestMeta};
use crate::store::entities::audit_log;
use crate::store::entities::users;
use atvejis_domain::access::Purpose;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// Who did it, as recorded.
#[derive(Debug, Clone)]
pub struct AuditActor {
    /// `user`, `service`, `anonymous` or `system`.
    pub kind: &'static str,
    /// The user's or service account's id.
    pub id: Option<Uuid>,
    /// Username, client id, the attempted username, or the system task.
    pub name: String,
    /// The municipality the record belongs to; `None` only for attempts that
    /// name no known account.
    pub municipality_id: Option<Uuid>,
    /// The request (the server's id), if the write came from one.
    pub request_id: Option<String>,
    /// The client's own `X-Request-Id` of that request, sanitised.
    pub client_request_id: Option<String>,
    /// The client's address.
    pub client_addr: Option<String>,
}

impl AuditActor {
    /// The authenticated actor of a request.
    pub fn of(actor: &Actor) -> Self {
        let (kind, id, name) = match &actor.principal {
            Principal::User { id, username } => ("user", *id, username.clone()),
            Principal::Service { id, client_id } => ("service", *id, client_id.clone()),
        };
        AuditActor {
            kind,
            id: Some(id),
            name,
            municipality_id: Some(actor.municipality_id),
            request_id: actor.request_id.clone(),
            client_request_id: actor.client_request_id.clone(),
            client_addr: actor.client_addr.clone(),
        }
    }

    /// A member of staff acting before they hold an access token (login,
    /// refresh, logout).
    pub fn user_at(user: &users::Model, meta: &RequestMeta) -> Self {
        AuditActor {
            kind: "user",
            id: Some(user.id),
            name: user.username.clone(),
            municipality_id: Some(user.municipality_id),
            request_id: meta.request_id.clone(),
            client_request_id: meta.client_request_id.clone(),
            client_addr: Some(meta.client_addr.clone()),
        }
    }

    /// Someone who named no known account (`name` is what they typed).
    pub fn anonymous(name: &str, meta: &RequestMeta) -> Self {
        AuditActor {
            kind: "anonymous",
            id: None,
            name: name.to_owned(),
            municipality_id: None,
            request_id: meta.request_id.clone(),
            client_request_id: meta.client_request_id.clone(),
            client_addr: Some(meta.client_addr.clone()),
        }
    }

    /// A command-line or start-up task.
    pub fn system(task: &str, municipality_id: Option<Uuid>) -> Self {
        AuditActor {
            kind: "system",
            id: None,
            name: task.to_owned(),
            municipality_id,
            request_id: None,
            client_request_id: None,
            client_addr: None,
        }
    }
}

/// What an audit record says happened. Stored and sent as its dotted code
/// (`person.read`); a code is never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum AuditAction {
    /// A member of staff logged in.
    #[serde(rename = "auth.login")]
    AuthLogin,
    /// A login failed (wrong password, unknown or deactivated account).
    #[serde(rename = "auth.login_failed")]
    AuthLoginFailed,
    /// An access token was refreshed.
    #[serde(rename = "auth.refresh")]
    AuthRefresh,
    /// A used refresh token was shown again: the session was revoked.
    #[serde(rename = "auth.refresh_reuse")]
    AuthRefreshReuse,
    /// A member of staff logged out.
    #[serde(rename = "auth.logout")]
    AuthLogout,
    /// A service account obtained a token.
    #[serde(rename = "auth.client_token")]
    AuthClientToken,
    /// A municipality was created.
    #[serde(rename = "municipality.create")]
    MunicipalityCreate,
    /// A user was created.
    #[serde(rename = "user.create")]
    UserCreate,
    /// A user was changed.
    #[serde(rename = "user.update")]
    UserUpdate,
    /// A user was activated.
    #[serde(rename = "user.activate")]
    UserActivate,
    /// A user was deactivated.
    #[serde(rename = "user.deactivate")]
    UserDeactivate,
    /// An administrator set a user's password.
    #[serde(rename = "user.password_reset")]
    UserPasswordReset,
    /// A user changed their own password.
    #[serde(rename = "user.password_change")]
    UserPasswordChange,
    /// A user gave a wrong current password.
    #[serde(rename = "user.password_change_failed")]
    UserPasswordChangeFailed,
    /// A service account was created.
    #[serde(rename = "service_account.create")]
    ServiceAccountCreate,
    /// A service account was deactivated.
    #[serde(rename = "service_account.deactivate")]
    ServiceAccountDeactivate,
    /// A service account got a new secret.
    #[serde(rename = "service_account.rotate_secret")]
    ServiceAccountRotateSecret,
    /// A signing delegation was granted (R-ROLE-2).
    #[serde(rename = "signing_delegation.grant")]
    SigningDelegationGrant,
    /// A signing delegation was ended early.
    #[serde(rename = "signing_delegation.revoke")]
    SigningDelegationRevoke,
    /// A service type of the catalogue was changed.
    #[serde(rename = "service_type.update")]
    ServiceTypeUpdate,
    /// A rate value was added.
    #[serde(rename = "rate.create")]
    RateCreate,
    /// A planned rate value was withdrawn.
    #[serde(rename = "rate.delete")]
    RateDelete,
    /// A person was registered.
    #[serde(rename = "person.create")]
    PersonCreate,
    /// A person's data was changed.
    #[serde(rename = "person.update")]
    PersonUpdate,
    /// A certificate was recorded.
    #[serde(rename = "person.certificate_add")]
    PersonCertificateAdd,
    /// A certificate was removed.
    #[serde(rename = "person.certificate_remove")]
    PersonCertificateRemove,
    /// An income record was added.
    #[serde(rename = "person.income_add")]
    PersonIncomeAdd,
    /// An income record was removed.
    #[serde(rename = "person.income_remove")]
    PersonIncomeRemove,
    /// A person's file was read.
    #[serde(rename = "person.read")]
    PersonRead,
    /// People were searched (results show personal codes).
    #[serde(rename = "person.search")]
    PersonSearch,
    /// Eligibility hints for a person were read.
    #[serde(rename = "person.eligibility_read")]
    PersonEligibilityRead,
    /// A family was registered.
    #[serde(rename = "family.create")]
    FamilyCreate,
    /// A member was added to a family.
    #[serde(rename = "family.member_add")]
    FamilyMemberAdd,
    /// A member was removed from a family.
    #[serde(rename = "family.member_remove")]
    FamilyMemberRemove,
    /// A family was read.
    #[serde(rename = "family.read")]
    FamilyRead,
    /// An application (SP-8) was registered.
    #[serde(rename = "application.create")]
    ApplicationCreate,
    /// An application was changed.
    #[serde(rename = "application.update")]
    ApplicationUpdate,
    /// A file was attached to an application.
    #[serde(rename = "application.attachment_add")]
    ApplicationAttachmentAdd,
    /// An application was received.
    #[serde(rename = "application.submit")]
    ApplicationSubmit,
    /// A needs assessment was recorded.
    #[serde(rename = "application.assessment")]
    ApplicationAssessment,
    /// An application was sent to the division.
    #[serde(rename = "application.forward")]
    ApplicationForward,
    /// An application was returned for completion.
    #[serde(rename = "application.return")]
    ApplicationReturn,
    /// An application was withdrawn.
    #[serde(rename = "application.withdraw")]
    ApplicationWithdraw,
    /// A decision was prepared.
    #[serde(rename = "application.prepare_decision")]
    ApplicationPrepareDecision,
    /// A decision was signed.
    #[serde(rename = "application.sign")]
    ApplicationSign,
    /// The person's notification was recorded.
    #[serde(rename = "application.notification")]
    ApplicationNotification,
    /// R-DL-2: the signed decision and the file were handed to the provider.
    #[serde(rename = "decision.handover")]
    DecisionHandover,
    /// An application was read.
    #[serde(rename = "application.read")]
    ApplicationRead,
    /// A person's applications were listed.
    #[serde(rename = "application.list_read")]
    ApplicationListRead,
    /// A decision was read.
    #[serde(rename = "decision.read")]
    DecisionRead,
    /// A decision was printed (PDF): the decision itself or the letter
    /// notifying the person (the summary's `document` says which).
    #[serde(rename = "decision.print")]
    DecisionPrint,
    /// A fee was calculated for an application (preview).
    #[serde(rename = "decision.fee_preview")]
    DecisionFeePreview,
    /// A case was opened (R-CM-1).
    #[serde(rename = "case.open")]
    CaseOpen,
    /// A case manager and a family social worker were assigned (R-CM-1).
    #[serde(rename = "case.assign")]
    CaseAssign,
    /// A case's notice, reason or children were changed.
    #[serde(rename = "case.update")]
    CaseUpdate,
    /// A case's file was read.
    #[serde(rename = "case.read")]
    CaseRead,
    /// A list of cases was read.
    #[serde(rename = "case.list_read")]
    CaseListRead,
    /// A needs assessment was recorded (R-CM-2).
    #[serde(rename = "case.assessment")]
    CaseAssessment,
    /// A case meeting was recorded.
    #[serde(rename = "case.meeting")]
    CaseMeeting,
    /// The draft of a help plan was changed.
    #[serde(rename = "case.plan_update")]
    CasePlanUpdate,
    /// A meeting agreed a version of the help plan (R-CMP-3).
    #[serde(rename = "case.plan_agree")]
    CasePlanAgree,
    /// The status of a plan's action was changed.
    #[serde(rename = "case.action_status")]
    CaseActionStatus,
    /// A review of the plan was recorded (R-CMP-4).
    #[serde(rename = "case.review")]
    CaseReview,
    /// A monitoring journal entry was written.
    #[serde(rename = "case.journal_add")]
    CaseJournalAdd,
    /// A monitoring journal entry was edited within 24 hours.
    #[serde(rename = "case.journal_edit")]
    CaseJournalEdit,
    /// A meeting filed an SP-8 application for the family (R-CM-4).
    #[serde(rename = "case.application_file")]
    CaseApplicationFile,
    /// A meeting closed the case (R-CMP-5).
    #[serde(rename = "case.close")]
    CaseClose,
    /// A help plan was printed (PDF).
    #[serde(rename = "case.plan_print")]
    CasePlanPrint,
    /// Procedure parameters were set from a date (R-CMP-1..4).
    #[serde(rename = "procedure_parameters.create")]
    ProcedureParametersCreate,
    /// Procedure parameters not yet in force were withdrawn.
    #[serde(rename = "procedure_parameters.delete")]
    ProcedureParametersDelete,
    /// A facility was created with its places.
    #[serde(rename = "facility.create")]
    FacilityCreate,
    /// A facility's details or admission checklist changed.
    #[serde(rename = "facility.update")]
    FacilityUpdate,
    /// A kind of place got a new capacity from a date.
    #[serde(rename = "facility.capacity")]
    FacilityCapacity,
    /// A queue board (who waits, with positions) was read.
    #[serde(rename = "queue.board_read")]
    QueueBoardRead,
    /// A person was registered in a queue (R-Q-1).
    #[serde(rename = "queue.join")]
    QueueJoin,
    /// A person left a queue, with the reason.
    #[serde(rename = "queue.leave")]
    QueueLeave,
    /// A person on hold can be offered a place again.
    #[serde(rename = "queue.resume")]
    QueueResume,
    /// A queue entry and its position history were read.
    #[serde(rename = "queue.entry_read")]
    QueueEntryRead,
    /// A free place was offered (R-Q-4).
    #[serde(rename = "offer.make")]
    OfferMake,
    /// An offer's answer (or its expiry) was recorded.
    #[serde(rename = "offer.answer")]
    OfferAnswer,
    /// A person moved in after the admission checklist (R-LIM-7).
    #[serde(rename = "stay.admit")]
    StayAdmit,
    /// A person arrived at the overnight shelter (R-DL-5).
    #[serde(rename = "stay.arrive")]
    StayArrive,
    /// A shelter stay was extended for a recorded threat (R-DL-5).
    #[serde(rename = "stay.extend")]
    StayExtend,
    /// A stay ended, with the reason.
    #[serde(rename = "stay.end")]
    StayEnd,
    /// An item was added to the technical aids inventory.
    #[serde(rename = "aid.create")]
    AidCreate,
    /// An item of the technical aids inventory changed.
    #[serde(rename = "aid.update")]
    AidUpdate,
    /// A technical aid was issued with its fee (R-FEE-10).
    #[serde(rename = "aid_loan.issue")]
    AidLoanIssue,
    /// A technical aid was returned, with its refund (R-FEE-11).
    #[serde(rename = "aid_loan.return")]
    AidLoanReturn,
    /// The user's death was recorded on a loan; the return is due in 30 days (R-LIM-6).
    #[serde(rename = "aid_loan.death")]
    AidLoanDeath,
    /// A person joined the waiting list of a technical aid type.
    #[serde(rename = "aid_waiting.join")]
    AidWaitingJoin,
    /// A person left the waiting list of a technical aid type.
    #[serde(rename = "aid_waiting.leave")]
    AidWaitingLeave,
    /// A home help or respite schedule was drafted (R-LIM-1).
    #[serde(rename = "schedule.create")]
    ScheduleCreate,
    /// The Centre's director approved a schedule.
    #[serde(rename = "schedule.approve")]
    ScheduleApprove,
    /// A home help or respite visit was recorded (R-LIM-1..3).
    #[serde(rename = "visit.record")]
    VisitRecord,
    /// A visit recorded in error was deleted.
    #[serde(rename = "visit.delete")]
    VisitDelete,
    /// A transport trip was requested (R-DL-4).
    #[serde(rename = "trip.request")]
    TripRequest,
    /// A trip was done, with the odometer km.
    #[serde(rename = "trip.complete")]
    TripComplete,
    /// A trip was cancelled.
    #[serde(rename = "trip.cancel")]
    TripCancel,
    /// A daily meal list was created.
    #[serde(rename = "meal_list.create")]
    MealListCreate,
    /// A recipient was added to a meal list (R-LIM-4).
    #[serde(rename = "meal_list.add")]
    MealListAdd,
    /// Meal coupons were granted (R-LIM-5).
    #[serde(rename = "coupon.grant")]
    CouponGrant,
    /// Meal coupons were issued in the journal (R-LIM-5).
    #[serde(rename = "coupon.issue")]
    CouponIssue,
    /// The fee terms of a stay were set from a date (R-FEE-8).
    #[serde(rename = "stay.fee_terms_set")]
    StayFeeTermsSet,
    /// An absence from care was recorded (R-FEE-9).
    #[serde(rename = "stay.absence_record")]
    StayAbsenceRecord,
    /// An absence from care was changed (R-FEE-9).
    #[serde(rename = "stay.absence_change")]
    StayAbsenceChange,
    /// A monthly charge run was started.
    #[serde(rename = "charge_run.start")]
    ChargeRunStart,
    /// A monthly charge run finished (or failed), with its counts.
    #[serde(rename = "charge_run.finish")]
    ChargeRunFinish,
    /// A charge run's lines or export were read.
    #[serde(rename = "charge_run.read")]
    ChargeRunRead,
    /// A person's charges, month by month, were read.
    #[serde(rename = "person.charges_read")]
    PersonChargesRead,
    /// A fee was quoted for a stored person (their income was read).
    #[serde(rename = "fee.quote_read")]
    FeeQuoteRead,
    /// A decision's fee record was stored (at signing).
    #[serde(rename = "fee.record_create")]
    FeeRecordCreate,
    /// The fees to review for a month were read (they show income).
    #[serde(rename = "fee.review_read")]
    FeeReviewRead,
    /// A changed fee was confirmed from a month: a new fee record.
    #[serde(rename = "fee.review_confirm")]
    FeeReviewConfirm,
    /// The list of decisions overdue today (R-REP-3) was read or exported.
    #[serde(rename = "report.overdue_read")]
    ReportOverdueRead,
    /// People were looked up to answer a data subject's request (GDPR
    /// art. 15): the kind of query and how many were found.
    #[serde(rename = "data_subject.search")]
    DataSubjectSearch,
    /// Who read or changed a person's data was read (GDPR art. 15).
    #[serde(rename = "data_subject.accesses_read")]
    DataSubjectAccessesRead,
    /// A person's data or the record of its reads was exported (GDPR
    /// art. 15), with the format and the number of rows or records.
    #[serde(rename = "data_subject.export")]
    DataSubjectExport,
    /// A home page's work list was read (it names people and cases): the
    /// count of each section, never who is in it.
    #[serde(rename = "worklist.read")]
    WorklistRead,
    /// The header search across people, applications and cases was used:
    /// how many of each it found, never the query text.
    #[serde(rename = "search.read")]
    SearchRead,
    /// A list was downloaded as a file (CSV or XLSX): which list, the
    /// format, how many rows, the names of the filters used and the purpose.
    #[serde(rename = "list.export")]
    ListExport,
}

impl AuditAction {
    /// Every action.
    pub const ALL: [AuditAction; 120] = [
        AuditAction::AuthLogin,
        AuditAction::AuthLoginFailed,
        AuditAction::AuthRefresh,
        AuditAction::AuthRefreshReuse,
        AuditAction::AuthLogout,
        AuditAction::AuthClientToken,
        AuditAction::MunicipalityCreate,
        AuditAction::UserCreate,
        AuditAction::UserUpdate,
        AuditAction::UserActivate,
        AuditAction::UserDeactivate,
        AuditAction::UserPasswordReset,
        AuditAction::UserPasswordChange,
        AuditAction::UserPasswordChangeFailed,
        AuditAction::ServiceAccountCreate,
        AuditAction::ServiceAccountDeactivate,
        AuditAction::ServiceAccountRotateSecret,
        AuditAction::SigningDelegationGrant,
        AuditAction::SigningDelegationRevoke,
        AuditAction::ServiceTypeUpdate,
        AuditAction::RateCreate,
        AuditAction::RateDelete,
        AuditAction::PersonCreate,
        AuditAction::PersonUpdate,
        AuditAction::PersonCertificateAdd,
        AuditAction::PersonCertificateRemove,
        AuditAction::PersonIncomeAdd,
        AuditAction::PersonIncomeRemove,
        AuditAction::PersonRead,
        AuditAction::PersonSearch,
        AuditAction::PersonEligibilityRead,
        AuditAction::FamilyCreate,
        AuditAction::FamilyMemberAdd,
        AuditAction::FamilyMemberRemove,
        AuditAction::FamilyRead,
        AuditAction::ApplicationCreate,
        AuditAction::ApplicationUpdate,
        AuditAction::ApplicationAttachmentAdd,
        AuditAction::ApplicationSubmit,
        AuditAction::ApplicationAssessment,
        AuditAction::ApplicationForward,
        AuditAction::ApplicationReturn,
        AuditAction::ApplicationWithdraw,
        AuditAction::ApplicationPrepareDecision,
        AuditAction::ApplicationSign,
        AuditAction::ApplicationNotification,
        AuditAction::DecisionHandover,
        AuditAction::ApplicationRead,
        AuditAction::ApplicationListRead,
        AuditAction::DecisionRead,
        AuditAction::DecisionPrint,
        AuditAction::DecisionFeePreview,
        AuditAction::CaseOpen,
        AuditAction::CaseAssign,
        AuditAction::CaseUpdate,
        AuditAction::CaseRead,
        AuditAction::CaseListRead,
        AuditAction::CaseAssessment,
        AuditAction::CaseMeeting,
        AuditAction::CasePlanUpdate,
        AuditAction::CasePlanAgree,
        AuditAction::CaseActionStatus,
        AuditAction::CaseReview,
        AuditAction::CaseJournalAdd,
        AuditAction::CaseJournalEdit,
        AuditAction::CaseApplicationFile,
        AuditAction::CaseClose,
        AuditAction::CasePlanPrint,
        AuditAction::ProcedureParametersCreate,
        AuditAction::ProcedureParametersDelete,
        AuditAction::FacilityCreate,
        AuditAction::FacilityUpdate,
        AuditAction::FacilityCapacity,
        AuditAction::QueueBoardRead,
        AuditAction::QueueJoin,
        AuditAction::QueueLeave,
        AuditAction::QueueResume,
        AuditAction::QueueEntryRead,
        AuditAction::OfferMake,
        AuditAction::OfferAnswer,
        AuditAction::StayAdmit,
        AuditAction::StayArrive,
        AuditAction::StayExtend,
        AuditAction::StayEnd,
        AuditAction::AidCreate,
        AuditAction::AidUpdate,
        AuditAction::AidLoanIssue,
        AuditAction::AidLoanReturn,
        AuditAction::AidLoanDeath,
        AuditAction::AidWaitingJoin,
        AuditAction::AidWaitingLeave,
        AuditAction::ScheduleCreate,
        AuditAction::ScheduleApprove,
        AuditAction::VisitRecord,
        AuditAction::VisitDelete,
        AuditAction::TripRequest,
        AuditAction::TripComplete,
        AuditAction::TripCancel,
        AuditAction::MealListCreate,
        AuditAction::MealListAdd,
        AuditAction::CouponGrant,
        AuditAction::CouponIssue,
        AuditAction::StayFeeTermsSet,
        AuditAction::StayAbsenceRecord,
        AuditAction::StayAbsenceChange,
        AuditAction::ChargeRunStart,
        AuditAction::ChargeRunFinish,
        AuditAction::ChargeRunRead,
        AuditAction::PersonChargesRead,
        AuditAction::FeeQuoteRead,
        AuditAction::FeeRecordCreate,
        AuditAction::FeeReviewRead,
        AuditAction::FeeReviewConfirm,
        AuditAction::ReportOverdueRead,
        AuditAction::DataSubjectSearch,
        AuditAction::DataSubjectAccessesRead,
        AuditAction::DataSubjectExport,
        AuditAction::WorklistRead,
        AuditAction::SearchRead,
        AuditAction::ListExport,
    ];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::AuthLogin => "auth.login",
            AuditAction::AuthLoginFailed => "auth.login_failed",
            AuditAction::AuthRefresh => "auth.refresh",
            AuditAction::AuthRefreshReuse => "auth.refresh_reuse",
            AuditAction::AuthLogout => "auth.logout",
            AuditAction::AuthClientToken => "auth.client_token",
            AuditAction::MunicipalityCreate => "municipality.create",
            AuditAction::UserCreate => "user.create",
            AuditAction::UserUpdate => "user.update",
            AuditAction::UserActivate => "user.activate",
            AuditAction::UserDeactivate => "user.deactivate",
            AuditAction::UserPasswordReset => "user.password_reset",
            AuditAction::UserPasswordChange => "user.password_change",
            AuditAction::UserPasswordChangeFailed => "user.password_change_failed",
            AuditAction::ServiceAccountCreate => "service_account.create",
            AuditAction::ServiceAccountDeactivate => "service_account.deactivate",
            AuditAction::ServiceAccountRotateSecret => "service_account.rotate_secret",
            AuditAction::SigningDelegationGrant => "signing_delegation.grant",
            AuditAction::SigningDelegationRevoke => "signing_delegation.revoke",
            AuditAction::ServiceTypeUpdate => "service_type.update",
            AuditAction::RateCreate => "rate.create",
            AuditAction::RateDelete => "rate.delete",
            AuditAction::PersonCreate => "person.create",
            AuditAction::PersonUpdate => "person.update",
            AuditAction::PersonCertificateAdd => "person.certificate_add",
            AuditAction::PersonCertificateRemove => "person.certificate_remove",
            AuditAction::PersonIncomeAdd => "person.income_add",
            AuditAction::PersonIncomeRemove => "person.income_remove",
            AuditAction::PersonRead => "person.read",
            AuditAction::PersonSearch => "person.search",
            AuditAction::PersonEligibilityRead => "person.eligibility_read",
            AuditAction::FamilyCreate => "family.create",
            AuditAction::FamilyMemberAdd => "family.member_add",
            AuditAction::FamilyMemberRemove => "family.member_remove",
            AuditAction::FamilyRead => "family.read",
            AuditAction::ApplicationCreate => "application.create",
            AuditAction::ApplicationUpdate => "application.update",
            AuditAction::ApplicationAttachmentAdd => "application.attachment_add",
            AuditAction::ApplicationSubmit => "application.submit",
            AuditAction::ApplicationAssessment => "application.assessment",
            AuditAction::ApplicationForward => "application.forward",
            AuditAction::ApplicationReturn => "application.return",
            AuditAction::ApplicationWithdraw => "application.withdraw",
            AuditAction::ApplicationPrepareDecision => "application.prepare_decision",
            AuditAction::ApplicationSign => "application.sign",
            AuditAction::ApplicationNotification => "application.notification",
            AuditAction::DecisionHandover => "decision.handover",
            AuditAction::ApplicationRead => "application.read",
            AuditAction::ApplicationListRead => "application.list_read",
            AuditAction::DecisionRead => "decision.read",
            AuditAction::DecisionPrint => "decision.print",
            AuditAction::DecisionFeePreview => "decision.fee_preview",
            AuditAction::CaseOpen => "case.open",
            AuditAction::CaseAssign => "case.assign",
            AuditAction::CaseUpdate => "case.update",
            AuditAction::CaseRead => "case.read",
            AuditAction::CaseListRead => "case.list_read",
            AuditAction::CaseAssessment => "case.assessment",
            AuditAction::CaseMeeting => "case.meeting",
            AuditAction::CasePlanUpdate => "case.plan_update",
            AuditAction::CasePlanAgree => "case.plan_agree",
            AuditAction::CaseActionStatus => "case.action_status",
            AuditAction::CaseReview => "case.review",
            AuditAction::CaseJournalAdd => "case.journal_add",
            AuditAction::CaseJournalEdit => "case.journal_edit",
            AuditAction::CaseApplicationFile => "case.application_file",
            AuditAction::CaseClose => "case.close",
            AuditAction::CasePlanPrint => "case.plan_print",
            AuditAction::ProcedureParametersCreate => "procedure_parameters.create",
            AuditAction::ProcedureParametersDelete => "procedure_parameters.delete",
            AuditAction::FacilityCreate => "facility.create",
            AuditAction::FacilityUpdate => "facility.update",
            AuditAction::FacilityCapacity => "facility.capacity",
            AuditAction::QueueBoardRead => "queue.board_read",
            AuditAction::QueueJoin => "queue.join",
            AuditAction::QueueLeave => "queue.leave",
            AuditAction::QueueResume => "queue.resume",
            AuditAction::QueueEntryRead => "queue.entry_read",
            AuditAction::OfferMake => "offer.make",
            AuditAction::OfferAnswer => "offer.answer",
            AuditAction::StayAdmit => "stay.admit",
            AuditAction::StayArrive => "stay.arrive",
            AuditAction::StayExtend => "stay.extend",
            AuditAction::StayEnd => "stay.end",
            AuditAction::AidCreate => "aid.create",
            AuditAction::AidUpdate => "aid.update",
            AuditAction::AidLoanIssue => "aid_loan.issue",
            AuditAction::AidLoanReturn => "aid_loan.return",
            AuditAction::AidLoanDeath => "aid_loan.death",
            AuditAction::AidWaitingJoin => "aid_waiting.join",
            AuditAction::AidWaitingLeave => "aid_waiting.leave",
            AuditAction::ScheduleCreate => "schedule.create",
            AuditAction::ScheduleApprove => "schedule.approve",
            AuditAction::VisitRecord => "visit.record",
            AuditAction::VisitDelete => "visit.delete",
            AuditAction::TripRequest => "trip.request",
            AuditAction::TripComplete => "trip.complete",
            AuditAction::TripCancel => "trip.cancel",
            AuditAction::MealListCreate => "meal_list.create",
            AuditAction::MealListAdd => "meal_list.add",
            AuditAction::CouponGrant => "coupon.grant",
            AuditAction::CouponIssue => "coupon.issue",
            AuditAction::StayFeeTermsSet => "stay.fee_terms_set",
            AuditAction::StayAbsenceRecord => "stay.absence_record",
            AuditAction::StayAbsenceChange => "stay.absence_change",
            AuditAction::ChargeRunStart => "charge_run.start",
            AuditAction::ChargeRunFinish => "charge_run.finish",
            AuditAction::ChargeRunRead => "charge_run.read",
            AuditAction::PersonChargesRead => "person.charges_read",
            AuditAction::FeeQuoteRead => "fee.quote_read",
            AuditAction::FeeRecordCreate => "fee.record_create",
            AuditAction::FeeReviewRead => "fee.review_read",
            AuditAction::FeeReviewConfirm => "fee.review_confirm",
            AuditAction::ReportOverdueRead => "report.overdue_read",
            AuditAction::DataSubjectSearch => "data_subject.search",
            AuditAction::DataSubjectAccessesRead => "data_subject.accesses_read",
            AuditAction::DataSubjectExport => "data_subject.export",
            AuditAction::WorklistRead => "worklist.read",
            AuditAction::SearchRead => "search.read",
            AuditAction::ListExport => "list.export",
        }
    }

    /// The action of a stored code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == code)
    }
}

/// What happened.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    /// What happened.
    pub action: AuditAction,
    /// The entity type, e.g. `user`.
    pub entity: &'static str,
    /// The entity's id.
    pub entity_id: Option<String>,
    /// A summary of the change: the fields set, never secrets.
    pub summary: Value,
}

impl AuditEvent {
    /// An event about one entity.
    pub fn new(action: AuditAction, entity: &'static str, entity_id: impl ToString) -> Self {
        AuditEvent {
            action,
            entity,
            entity_id: Some(entity_id.to_string()),
            summary: Value::Object(Default::default()),
        }
    }

    /// Sets the summary.
    pub fn summary(mut self, summary: Value) -> Self {
        self.summary = summary;
        self
    }
}

/// R-ROLE-3: the records of reads — who read what, when and why — each
/// written before its read is answered.
///
/// Reads must not be capped by the rate of synchronous commits, so their
/// records commit asynchronously on PostgreSQL (`synchronous_commit = off`
/// for their transaction only): a crash of the database server can lose the
/// read records of its last moments (up to three `wal_writer_delay`s,
/// 600 ms by default), never a write's record, which commits with the
/// write; an answered read whose record was lost to a crash of the API is
/// impossible, as the answer waits for the commit. SQLite in WAL mode with
/// `synchronous = NORMAL` behaves alike (a power loss can lose the last
/// commits). A read whose record cannot be written is refused.
///
/// On PostgreSQL, once [`ReadRecorder::start`]ed, the records are written in
/// groups (issue 13): the records of the reads waiting at the same moment go
/// in one INSERT of many rows, one statement and one commit, and each of
/// those reads is answered when its group has committed. A group that fails
/// is written again a record at a time, so that one bad record refuses only
/// its own read. Otherwise (SQLite, or before the start) each record is one
/// INSERT of its own.
#[derive(Clone)]
pub struct ReadRecorder {
    db: sea_orm::DatabaseConnection,
    queue: std::sync::Arc<std::sync::OnceLock<tokio::sync::mpsc::Sender<PendingRead>>>,
}

/// A read record waiting for its group, and where to say how it went.
struct PendingRead {
    row: audit_log::ActiveModel,
    done: tokio::sync::oneshot::Sender<Result<(), DbErr>>,
}

impl ReadRecorder {
    /// Records waiting at most (then a request waits to hand its record over).
    const QUEUE: usize = 4096;
    /// Records a group at most (13 parameters each).
    const GROUP: usize = 256;
    /// How many times the writer lets the other tasks run before it writes
    /// a group, as long as each time brings more records.
    const GATHER_ROUNDS: usize = 4;

    /// The recorder of `db`'s read records, writing each alone until started.
    pub fn new(db: sea_orm::DatabaseConnection) -> Self {
        ReadRecorder {
            db,
            queue: Default::default(),
        }
    }

    /// On PostgreSQL, starts the group writer on the current runtime (once).
    /// One writer: while it writes a group, the records of the next reads
    /// gather into the next one, so the busier the server, the larger the
    /// groups (issue 13: with a second writer the same records went in more,
    /// smaller groups, each a statement and a commit for PostgreSQL). Before
    /// it writes, it takes the records of the reads just then finishing
    /// ([`gather_more`]).
    pub fn start(&self) {
        if self.db.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
            return;
        }
        let (sender, mut receiver) = tokio::sync::mpsc::channel(Self::QUEUE);
        if self.queue.set(sender).is_err() {
            return;
        }
        let db = self.db.clone();
        tokio::spawn(async move {
            let mut group = Vec::new();
            // 0: the recorder is gone.
            while receiver.recv_many(&mut group, Self::GROUP).await > 0 {
                gather_more(&mut receiver, &mut group).await;
                write_group(&db, std::mem::take(&mut group)).await;
            }
        });
    }

    /// Records that `who` read something at `at` (`event`) for `purpose`,
    /// which is added to the event's summary (an object, or nothing).
    pub async fn record(
        &self,
        who: &AuditActor,
        at: OffsetDateTime,
        event: AuditEvent,
        purpose: Purpose,
    ) -> Result<(), DbErr> {
        let row = row_of(who, at, read_event(event, purpose));
        let Some(queue) = self.queue.get() else {
            return insert_reads(&self.db, &[&row]).await;
        };
        let (done, answer) = tokio::sync::oneshot::channel();
        let gone = || DbErr::Custom("the read recorder has stopped".into());
        queue
            .send(PendingRead { row, done })
            .await
            .map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }
}

/// Adds to `group` the records of the reads already under way: lets the
/// other tasks run (and the runtime take in the database's answers, which is
/// what those reads wait for) and takes what they handed over, again while
/// each round brings more, [`ReadRecorder::GATHER_ROUNDS`] times at most.
/// Issue 13: at 16 connections the groups grew from 2.8 records to 5.5, and
/// the reads a second by 15 %; a lone read loses one round of the scheduler.
async fn gather_more(
    receiver: &mut tokio::sync::mpsc::Receiver<PendingRead>,
    group: &mut Vec<PendingRead>,
) {
    for _ in 0..ReadRecorder::GATHER_ROUNDS {
        tokio::task::yield_now().await;
        let before = group.len();
        while group.len() < ReadRecorder::GROUP {
            let Ok(pending) = receiver.try_recv() else {
                break;
            };
            group.push(pending);
        }
        if group.len() == before {
            return;
        }
    }
}

/// Writes `group` in one statement and answers each of its reads; when that
/// fails, writes its records one at a time.
async fn write_group(db: &sea_orm::DatabaseConnection, group: Vec<PendingRead>) {
    let rows: Vec<_> = group.iter().map(|p| &p.row).collect();
    match insert_reads(db, &rows).await {
        Ok(()) => {
            for pending in group {
                let _ = pending.done.send(Ok(()));
            }
        }
        Err(e) if group.len() == 1 => {
            for pending in group {
                let _ = pending.done.send(Err(e.clone()));
            }
        }
        Err(_) => {
            for pending in group {
                let result = insert_reads(db, &[&pending.row]).await;
                let _ = pending.done.send(result);
            }
        }
    }
}

/// Inserts read records in one statement, in a transaction of its own. On
/// PostgreSQL the statement makes its own commit asynchronous: `INSERT …
/// SELECT … FROM (SELECT set_config('synchronous_commit', 'off', true)) s
/// UNION ALL SELECT …`, the setting local to the statement's transaction.
async fn insert_reads(
    db: &sea_orm::DatabaseConnection,
    rows: &[&audit_log::ActiveModel],
) -> Result<(), DbErr> {
    use sea_orm::ActiveModelTrait;
    use sea_orm::sea_query::{Alias, Expr, Query, UnionType};
    if db.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
        audit_log::Entity::insert_many(rows.iter().map(|&row| row.clone()))
            .exec_without_returning(db)
            .await?;
        return Ok(());
    }
    const COLUMNS: [audit_log::Column; 13] = [
        audit_log::Column::Id,
        audit_log::Column::At,
        audit_log::Column::MunicipalityId,
        audit_log::Column::ActorKind,
        audit_log::Column::ActorId,
        audit_log::Column::ActorName,
        audit_log::Column::Action,
        audit_log::Column::Entity,
        audit_log::Column::EntityId,
        audit_log::Column::RequestId,
        audit_log::Column::ClientRequestId,
        audit_log::Column::ClientAddr,
        audit_log::Column::Summary,
    ];
    let mut selects = rows.iter().map(|row| {
        COLUMNS
            .iter()
            .map(|c| row.get(*c).into_value().map(Expr::value))
            .collect::<Option<Vec<_>>>()
            .map(|values| {
                let mut select = Query::select();
                select.exprs(values);
                select
            })
            .ok_or_else(|| DbErr::Custom("an audit row without all its values".into()))
    });
    let Some(first) = selects.next() else {
        return Ok(());
    };
    let setting = Query::select()
        .expr(Expr::cust("set_config('synchronous_commit', 'off', true)"))
        .to_owned();
    let mut select = first?;
    select.from_subquery(setting, Alias::new("s"));
    for other in selects {
        select.union(UnionType::All, other?);
    }
    let mut insert = Query::insert();
    insert
        .into_table(audit_log::Entity)
        .columns(COLUMNS)
        .select_from(select)
        .map_err(|e| DbErr::Custom(e.to_string()))?;
    db.execute(&insert).await?;
    Ok(())
}

/// The record of a read: `event` with the `purpose` added to its summary
/// (an object, or nothing). Readers find reads by this `purpose`.
pub fn read_event(mut event: AuditEvent, purpose: Purpose) -> AuditEvent {
    let mut summary = match event.summary {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    };
    summary.insert("purpose".into(), Value::from(purpose.as_str()));
    event.summary = Value::Object(summary);
    event
}

/// Appends one record, in the caller's transaction.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    who: &AuditActor,
    at: OffsetDateTime,
    event: AuditEvent,
) -> Result<(), DbErr> {
    audit_log::Entity::insert(row_of(who, at, event))
        .exec(db)
        .await?;
    Ok(())
}

/// The row of one record (its id a UUIDv7 of `at`).
fn row_of(who: &AuditActor, at: OffsetDateTime, event: AuditEvent) -> audit_log::ActiveModel {
    // Records of one instant (a test's clock stands still; a busy second
    // holds many) keep the order they were written in: ids are UUIDv7 of
    // `at` with a counter shared by the process.
    static CONTEXT: std::sync::Mutex<uuid::ContextV7> =
        std::sync::Mutex::new(uuid::ContextV7::new());
    let context = CONTEXT.lock().unwrap_or_else(|e| e.into_inner());
    let ts = uuid::Timestamp::from_unix(
        &*context,
        u64::try_from(at.unix_timestamp()).unwrap_or(0),
        at.nanosecond(),
    );
    audit_log::ActiveModel {
        id: Set(Uuid::new_v7(ts)),
        at: Set(at),
        municipality_id: Set(who.municipality_id),
        actor_kind: Set(who.kind.to_owned()),
        actor_id: Set(who.id),
        actor_name: Set(who.name.clone()),
        action: Set(event.action.as_str().to_owned()),
        entity: Set(event.entity.to_owned()),
        entity_id: Set(event.entity_id),
        request_id: Set(who.request_id.clone()),
        client_request_id: Set(who.client_request_id.clone()),
        client_addr: Set(who.client_addr.clone()),
        summary: Set(event.summary),
    }
}
