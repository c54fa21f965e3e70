//! The stable error codes of the API: one enum, its HTTP status and meaning
//! (the README's table is checked against it).

use actix_web::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

/// Every error code the API answers with: the stable `code` of a problem
/// body (and the last part of its `type` URN). Integrators match on these;
/// a code is never renamed. The README's table lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request has invalid fields; `errors` names each.
    ValidationFailed,
    /// The body is not valid JSON.
    MalformedJson,
    /// The form body cannot be read.
    MalformedForm,
    /// The body could not be read.
    UnreadableBody,
    /// The body's media type is not accepted (send JSON).
    UnsupportedMediaType,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// The query string is invalid.
    InvalidQuery,
    /// No bearer token was sent.
    Unauthenticated,
    /// The bearer token is not valid.
    InvalidToken,
    /// The access token expired, or the account changed since it was issued.
    TokenExpired,
    /// The session ended (logout, password change, replayed refresh token).
    SessionEnded,
    /// The account is deactivated or no longer exists.
    AccountGone,
    /// Wrong username or password.
    InvalidCredentials,
    /// The refresh token is unknown, used or expired.
    InvalidRefreshToken,
    /// Unknown client or wrong secret.
    InvalidClient,
    /// A scope was asked for that the account does not hold.
    InvalidScope,
    /// Only `client_credentials` is supported.
    UnsupportedGrantType,
    /// Too many failed attempts; wait for `Retry-After` seconds.
    TooManyAttempts,
    /// The caller's role or scope does not allow this.
    Forbidden,
    /// The person who prepared a decision cannot sign it (R-ROLE-2).
    PreparerCannotSign,
    /// No signing delegation in force today covers the service type (R-ROLE-2).
    NoSigningDelegation,
    /// Nobody grants a signing delegation to themself.
    SelfDelegation,
    /// No such record in the caller's scope.
    NotFound,
    /// The resource does not support this method.
    MethodNotAllowed,
    /// The record changed since the client read it.
    VersionConflict,
    /// The step is not possible in the record's current state.
    InvalidTransition,
    /// A person with this personal code already exists.
    PersonExists,
    /// The username is taken.
    UsernameTaken,
    /// The person is already a member of the family.
    AlreadyMember,
    /// An income record for this person, month and source exists.
    IncomeExists,
    /// The signing delegation has already ended (revoked or expired).
    DelegationEnded,
    /// A value of this rate from this date exists.
    RateExists,
    /// A rate value already in force cannot be withdrawn.
    RateInForce,
    /// Required documents are missing (R-EL-6).
    DocumentsMissing,
    /// The needs assessment is missing.
    AssessmentMissing,
    /// A rate needed for the calculation is not set for the date.
    RateMissing,
    /// Income is missing for some members and months of the window
    /// (R-FEE-1); `missing` names them.
    IncomeIncomplete,
    /// The fee of this service type cannot be quoted yet (its prices are
    /// set elsewhere).
    QuoteNotAvailable,
    /// The fee that month is the one in force: nothing to confirm.
    FeeUnchanged,
    /// The service cannot start before the decision (R-DL-2).
    ServiceBeforeDecision,
    /// The family has no members.
    NoMembers,
    /// The family already has an open case.
    CaseOpenForFamily,
    /// The case is closed and read-only (R-CMP-5).
    CaseClosed,
    /// The case has no case manager and family social worker assigned yet (R-CM-1).
    CaseNotAssigned,
    /// A plan is agreed only after the needs assessment (R-CM-2).
    PlanBeforeAssessment,
    /// A plan to agree needs at least one goal, each with an action (R-CMP-3).
    PlanEmpty,
    /// A journal entry is edited only within 24 hours; record a correction instead.
    JournalEditWindowPassed,
    /// A case is closed only by a case meeting's decision (R-CMP-5).
    ClosingNeedsMeeting,
    /// A document (PDF) could not be generated; quote the request id.
    DocumentFailed,
    /// Procedure parameters from that date exist.
    ParametersExist,
    /// The procedure parameters are in force (or were); they cannot be withdrawn.
    ParametersInForce,
    /// A facility with that code exists in the municipality.
    FacilityCodeTaken,
    /// R-Q-4: no place is free; the places offered and occupied fill the capacity.
    NoFreePlace,
    /// R-Q-4: a free place is offered only to the first person in order who can take it.
    OfferNotFirst,
    /// The person already has an offer of a place.
    AlreadyOffered,
    /// The offer has already been answered, expired or withdrawn.
    OfferNotPending,
    /// The offer has not been accepted; admission follows an accepted offer.
    OfferNotAccepted,
    /// The offer's reply date has not passed yet.
    ReplyDateNotPassed,
    /// The person is no longer waiting in this queue.
    NotInQueue,
    /// R-Q-4: the capacity cannot be less than the places offered and occupied.
    CapacityBelowUse,
    /// R-Q-2: the person already waits in a queue for this kind of care.
    QueueKindTaken,
    /// The person (or the decision) is already in this queue.
    AlreadyQueued,
    /// R-LIM-7: the admission conditions are not met; `errors` names each.
    AdmissionRefused,
    /// R-DL-5: the shelter is given once; another stay needs a recorded threat to health or life.
    ShelterGivenOnce,
    /// R-DL-5: a shelter stay longer than 7 nights needs a recorded threat to health or life.
    ShelterNeedsThreat,
    /// The stay has ended.
    StayEnded,
    /// An item with this serial number exists in the municipality.
    AidSerialTaken,
    /// The item is not available to issue (on loan, in repair or written off).
    AidNotAvailable,
    /// No item of the type is available; the person may join the type's waiting list.
    AidOutOfStock,
    /// The item is not on loan: the loan was already returned.
    AidNotOnLoan,
    /// The item is on loan; only issuing and returning change that.
    AidOnLoan,
    /// The person already waits for an aid of this type.
    AidAlreadyWaiting,
    /// The person no longer waits on this list.
    AidNotWaiting,
    /// R-LIM-6: the F027/a medical extract is valid 12 months and cannot postdate the issue.
    AidExtractInvalid,
    /// R-FEE-10: no price of the aid type is in force on the day of issue.
    AidNoPrice,
    /// R-LIM-1: a respite schedule has 1 to 10 hours and at most 2 visits a week.
    RespiteScheduleOutOfLimits,
    /// R-LIM-1: respite is at most 10 hours a week.
    RespiteWeeklyHoursExceeded,
    /// R-LIM-1: respite is given at most 2 times a week.
    RespiteWeeklyVisitsExceeded,
    /// R-LIM-1: respite is at most 208 hours a calendar year.
    RespiteYearlyHoursExceeded,
    /// R-LIM-2: respite needs a break of at least 14 days from day or short-term social care.
    RespiteBreakTooShort,
    /// R-DL-4: a trip is requested at least 5 working days ahead.
    TripTooLate,
    /// R-LIM-4: meals are served on working days only.
    MealNotWorkingDay,
    /// R-LIM-4: a meal is served at most once a day.
    MealOnceADay,
    /// R-LIM-4: meals are served at most 5 times a week.
    MealWeeklyLimitExceeded,
    /// R-LIM-4: meals are served for at most 12 months a year.
    MealMonthsExceeded,
    /// R-LIM-5: more coupons than granted and not yet issued.
    CouponsExceedGrant,
    /// A charge run is for a month that has ended (Vilnius time).
    MonthNotEnded,
    /// A charge run of this month is running; wait for it to finish.
    ChargeRunRunning,
    /// R-FEE-9: an absence overlaps another absence recorded for the stay.
    AbsenceOverlaps,
    /// An export would hold more rows than one file may (50,000); narrow the filters.
    ExportTooLarge,
    /// The server failed; quote the request id.
    InternalError,
    /// The service is temporarily unavailable.
    Unavailable,
}

impl ErrorCode {
    /// Every code, in the order of the README's table. A new variant goes
    /// here too (the README test fails until its row is added).
    pub const ALL: [ErrorCode; 92] = [
        ErrorCode::ValidationFailed,
        ErrorCode::MalformedJson,
        ErrorCode::MalformedForm,
        ErrorCode::UnreadableBody,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::PayloadTooLarge,
        ErrorCode::InvalidQuery,
        ErrorCode::Unauthenticated,
        ErrorCode::InvalidToken,
        ErrorCode::TokenExpired,
        ErrorCode::SessionEnded,
        ErrorCode::AccountGone,
        ErrorCode::InvalidCredentials,
        ErrorCode::InvalidRefreshToken,
        ErrorCode::InvalidClient,
        ErrorCode::InvalidScope,
        ErrorCode::UnsupportedGrantType,
        ErrorCode::TooManyAttempts,
        ErrorCode::Forbidden,
        ErrorCode::PreparerCannotSign,
        ErrorCode::NoSigningDelegation,
        ErrorCode::SelfDelegation,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::VersionConflict,
        ErrorCode::InvalidTransition,
        ErrorCode::PersonExists,
        ErrorCode::UsernameTaken,
        ErrorCode::AlreadyMember,
        ErrorCode::IncomeExists,
        ErrorCode::DelegationEnded,
        ErrorCode::RateExists,
        ErrorCode::RateInForce,
        ErrorCode::DocumentsMissing,
        ErrorCode::AssessmentMissing,
        ErrorCode::RateMissing,
        ErrorCode::IncomeIncomplete,
        ErrorCode::QuoteNotAvailable,
        ErrorCode::FeeUnchanged,
        ErrorCode::ServiceBeforeDecision,
        ErrorCode::NoMembers,
        ErrorCode::CaseOpenForFamily,
        ErrorCode::CaseClosed,
        ErrorCode::CaseNotAssigned,
        ErrorCode::PlanBeforeAssessment,
        ErrorCode::PlanEmpty,
        ErrorCode::JournalEditWindowPassed,
        ErrorCode::ClosingNeedsMeeting,
        ErrorCode::DocumentFailed,
        ErrorCode::ParametersExist,
        ErrorCode::ParametersInForce,
        ErrorCode::FacilityCodeTaken,
        ErrorCode::NoFreePlace,
        ErrorCode::OfferNotFirst,
        ErrorCode::AlreadyOffered,
        ErrorCode::OfferNotPending,
        ErrorCode::OfferNotAccepted,
        ErrorCode::ReplyDateNotPassed,
        ErrorCode::NotInQueue,
        ErrorCode::CapacityBelowUse,
        ErrorCode::QueueKindTaken,
        ErrorCode::AlreadyQueued,
        ErrorCode::AdmissionRefused,
        ErrorCode::ShelterGivenOnce,
        ErrorCode::ShelterNeedsThreat,
        ErrorCode::StayEnded,
        ErrorCode::AidSerialTaken,
        ErrorCode::AidNotAvailable,
        ErrorCode::AidOutOfStock,
        ErrorCode::AidNotOnLoan,
        ErrorCode::AidOnLoan,
        ErrorCode::AidAlreadyWaiting,
        ErrorCode::AidNotWaiting,
        ErrorCode::AidExtractInvalid,
        ErrorCode::AidNoPrice,
        ErrorCode::RespiteScheduleOutOfLimits,
        ErrorCode::RespiteWeeklyHoursExceeded,
        ErrorCode::RespiteWeeklyVisitsExceeded,
        ErrorCode::RespiteYearlyHoursExceeded,
        ErrorCode::RespiteBreakTooShort,
        ErrorCode::TripTooLate,
        ErrorCode::MealNotWorkingDay,
        ErrorCode::MealOnceADay,
        ErrorCode::MealWeeklyLimitExceeded,
        ErrorCode::MealMonthsExceeded,
        ErrorCode::CouponsExceedGrant,
        ErrorCode::MonthNotEnded,
        ErrorCode::ChargeRunRunning,
        ErrorCode::AbsenceOverlaps,
        ErrorCode::ExportTooLarge,
        ErrorCode::InternalError,
        ErrorCode::Unavailable,
    ];

    /// The HTTP status every answer with this code has.
    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::MalformedJson => StatusCode::BAD_REQUEST,
            ErrorCode::MalformedForm => StatusCode::BAD_REQUEST,
            ErrorCode::UnreadableBody => StatusCode::BAD_REQUEST,
            ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::InvalidQuery => StatusCode::BAD_REQUEST,
            ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidToken => StatusCode::UNAUTHORIZED,
            ErrorCode::TokenExpired => StatusCode::UNAUTHORIZED,
            ErrorCode::SessionEnded => StatusCode::UNAUTHORIZED,
            ErrorCode::AccountGone => StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidCredentials => StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidRefreshToken => StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidClient => StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidScope => StatusCode::BAD_REQUEST,
            ErrorCode::UnsupportedGrantType => StatusCode::BAD_REQUEST,
            ErrorCode::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::Forbidden => StatusCode::FORBIDDEN,
            ErrorCode::PreparerCannotSign => StatusCode::FORBIDDEN,
            ErrorCode::NoSigningDelegation => StatusCode::FORBIDDEN,
            ErrorCode::SelfDelegation => StatusCode::FORBIDDEN,
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::VersionConflict => StatusCode::CONFLICT,
            ErrorCode::InvalidTransition => StatusCode::CONFLICT,
            ErrorCode::PersonExists => StatusCode::CONFLICT,
            ErrorCode::UsernameTaken => StatusCode::CONFLICT,
            ErrorCode::AlreadyMember => StatusCode::CONFLICT,
            ErrorCode::IncomeExists => StatusCode::CONFLICT,
            ErrorCode::DelegationEnded => StatusCode::CONFLICT,
            ErrorCode::RateExists => StatusCode::CONFLICT,
            ErrorCode::RateInForce => StatusCode::CONFLICT,
            ErrorCode::DocumentsMissing => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::AssessmentMissing => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::RateMissing => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::IncomeIncomplete => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::QuoteNotAvailable => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::FeeUnchanged => StatusCode::CONFLICT,
            ErrorCode::ServiceBeforeDecision => StatusCode::CONFLICT,
            ErrorCode::NoMembers => StatusCode::CONFLICT,
            ErrorCode::CaseOpenForFamily => StatusCode::CONFLICT,
            ErrorCode::CaseClosed => StatusCode::CONFLICT,
            ErrorCode::CaseNotAssigned => StatusCode::CONFLICT,
            ErrorCode::PlanBeforeAssessment => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::PlanEmpty => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::JournalEditWindowPassed => StatusCode::CONFLICT,
            ErrorCode::ClosingNeedsMeeting => StatusCode::CONFLICT,
            ErrorCode::DocumentFailed => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::ParametersExist => StatusCode::CONFLICT,
            ErrorCode::ParametersInForce => StatusCode::CONFLICT,
            ErrorCode::FacilityCodeTaken => StatusCode::CONFLICT,
            ErrorCode::NoFreePlace => StatusCode::CONFLICT,
            ErrorCode::OfferNotFirst => StatusCode::CONFLICT,
            ErrorCode::AlreadyOffered => StatusCode::CONFLICT,
            ErrorCode::OfferNotPending => StatusCode::CONFLICT,
            ErrorCode::OfferNotAccepted => StatusCode::CONFLICT,
            ErrorCode::ReplyDateNotPassed => StatusCode::CONFLICT,
            ErrorCode::NotInQueue => StatusCode::CONFLICT,
            ErrorCode::CapacityBelowUse => StatusCode::CONFLICT,
            ErrorCode::QueueKindTaken => StatusCode::CONFLICT,
            ErrorCode::AlreadyQueued => StatusCode::CONFLICT,
            ErrorCode::AdmissionRefused => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::ShelterGivenOnce => StatusCode::CONFLICT,
            ErrorCode::ShelterNeedsThreat => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::StayEnded => StatusCode::CONFLICT,
            ErrorCode::AidSerialTaken => StatusCode::CONFLICT,
            ErrorCode::AidNotAvailable => StatusCode::CONFLICT,
            ErrorCode::AidOutOfStock => StatusCode::CONFLICT,
            ErrorCode::AidNotOnLoan => StatusCode::CONFLICT,
            ErrorCode::AidOnLoan => StatusCode::CONFLICT,
            ErrorCode::AidAlreadyWaiting => StatusCode::CONFLICT,
            ErrorCode::AidNotWaiting => StatusCode::CONFLICT,
            ErrorCode::AidExtractInvalid => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::AidNoPrice => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::RespiteScheduleOutOfLimits => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::RespiteWeeklyHoursExceeded => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::RespiteWeeklyVisitsExceeded => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::RespiteYearlyHoursExceeded => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::RespiteBreakTooShort => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::TripTooLate => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::MealNotWorkingDay => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::MealOnceADay => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::MealWeeklyLimitExceeded => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::MealMonthsExceeded => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::CouponsExceedGrant => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::MonthNotEnded => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::ChargeRunRunning => StatusCode::CONFLICT,
            ErrorCode::AbsenceOverlaps => StatusCode::CONFLICT,
            ErrorCode::ExportTooLarge => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InternalError => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// What the code means (the README's table says the same).
    pub fn meaning(self) -> &'static str {
        match self {
            ErrorCode::ValidationFailed => "The request has invalid fields; `errors` names each.",
            ErrorCode::MalformedJson => "The body is not valid JSON.",
            ErrorCode::MalformedForm => "The form body cannot be read.",
            ErrorCode::UnreadableBody => "The body could not be read.",
            ErrorCode::UnsupportedMediaType => "The body's media type is not accepted (send JSON).",
            ErrorCode::PayloadTooLarge => "The body is larger than the server accepts.",
            ErrorCode::InvalidQuery => "The query string is invalid.",
            ErrorCode::Unauthenticated => "No bearer token was sent.",
            ErrorCode::InvalidToken => "The bearer token is not valid.",
            ErrorCode::TokenExpired => {
                "The access token expired, or the account changed since it was issued."
            }
            ErrorCode::SessionEnded => {
                "The session ended (logout, password change, replayed refresh token)."
            }
            ErrorCode::AccountGone => "The account is deactivated or no longer exists.",
            ErrorCode::InvalidCredentials => "Wrong username or password.",
            ErrorCode::InvalidRefreshToken => "The refresh token is unknown, used or expired.",
            ErrorCode::InvalidClient => "Unknown client or wrong secret.",
            ErrorCode::InvalidScope => "A scope was asked for that the account does not hold.",
            ErrorCode::UnsupportedGrantType => "Only `client_credentials` is supported.",
            ErrorCode::TooManyAttempts => {
                "Too many failed attempts; wait for `Retry-After` seconds."
            }
            ErrorCode::Forbidden => "The caller's role or scope does not allow this.",
            ErrorCode::PreparerCannotSign => {
                "The person who prepared a decision cannot sign it (R-ROLE-2)."
            }
            ErrorCode::NoSigningDelegation => {
                "No signing delegation in force today covers the service type (R-ROLE-2)."
            }
            ErrorCode::SelfDelegation => "Nobody grants a signing delegation to themself.",
            ErrorCode::NotFound => "No such record in the caller's scope.",
            ErrorCode::MethodNotAllowed => "The resource does not support this method.",
            ErrorCode::VersionConflict => "The record changed since the client read it.",
            ErrorCode::InvalidTransition => {
                "The step is not possible in the record's current state."
            }
            ErrorCode::PersonExists => "A person with this personal code already exists.",
            ErrorCode::UsernameTaken => "The username is taken.",
            ErrorCode::AlreadyMember => "The person is already a member of the family.",
            ErrorCode::IncomeExists => "An income record for this person, month and source exists.",
            ErrorCode::DelegationEnded => {
                "The signing delegation has already ended (revoked or expired)."
            }
            ErrorCode::RateExists => "A value of this rate from this date exists.",
            ErrorCode::RateInForce => "A rate value already in force cannot be withdrawn.",
            ErrorCode::DocumentsMissing => "Required documents are missing (R-EL-6).",
            ErrorCode::AssessmentMissing => "The needs assessment is missing.",
            ErrorCode::RateMissing => "A rate needed for the calculation is not set for the date.",
            ErrorCode::IncomeIncomplete => {
                "Income is missing for some members and months of the window (R-FEE-1); `missing` names them."
            }
            ErrorCode::QuoteNotAvailable => {
                "The fee of this service type cannot be quoted yet (its prices are set elsewhere)."
            }
            ErrorCode::FeeUnchanged => {
                "The fee that month is the one in force: nothing to confirm."
            }
            ErrorCode::ServiceBeforeDecision => {
                "The service cannot start before the decision (R-DL-2)."
            }
            ErrorCode::NoMembers => "The family has no members.",
            ErrorCode::CaseOpenForFamily => "The family already has an open case.",
            ErrorCode::CaseClosed => "The case is closed and read-only (R-CMP-5).",
            ErrorCode::CaseNotAssigned => {
                "The case has no case manager and family social worker assigned yet (R-CM-1)."
            }
            ErrorCode::PlanBeforeAssessment => {
                "A plan is agreed only after the needs assessment (R-CM-2)."
            }
            ErrorCode::PlanEmpty => {
                "A plan to agree needs at least one goal, each with an action (R-CMP-3)."
            }
            ErrorCode::JournalEditWindowPassed => {
                "A journal entry is edited only within 24 hours; record a correction instead."
            }
            ErrorCode::ClosingNeedsMeeting => {
                "A case is closed only by a case meeting's decision (R-CMP-5)."
            }
            ErrorCode::DocumentFailed => {
                "A document (PDF) could not be generated; quote the request id."
            }
            ErrorCode::ParametersExist => "Procedure parameters from that date exist.",
            ErrorCode::ParametersInForce => {
                "The procedure parameters are in force (or were); they cannot be withdrawn."
            }
            ErrorCode::FacilityCodeTaken => "A facility with that code exists in the municipality.",
            ErrorCode::NoFreePlace => {
                "R-Q-4: no place is free; the places offered and occupied fill the capacity."
            }
            ErrorCode::OfferNotFirst => {
                "R-Q-4: a free place is offered only to the first person in order who can take it."
            }
            ErrorCode::AlreadyOffered => "The person already has an offer of a place.",
            ErrorCode::OfferNotPending => {
                "The offer has already been answered, expired or withdrawn."
            }
            ErrorCode::OfferNotAccepted => {
                "The offer has not been accepted; admission follows an accepted offer."
            }
            ErrorCode::ReplyDateNotPassed => "The offer's reply date has not passed yet.",
            ErrorCode::NotInQueue => "The person is no longer waiting in this queue.",
            ErrorCode::CapacityBelowUse => {
                "R-Q-4: the capacity cannot be less than the places offered and occupied."
            }
            ErrorCode::QueueKindTaken => {
                "R-Q-2: the person already waits in a queue for this kind of care."
            }
            ErrorCode::AlreadyQueued => "The person (or the decision) is already in this queue.",
            ErrorCode::AdmissionRefused => {
                "R-LIM-7: the admission conditions are not met; `errors` names each."
            }
            ErrorCode::ShelterGivenOnce => {
                "R-DL-5: the shelter is given once; another stay needs a recorded threat to health or life."
            }
            ErrorCode::ShelterNeedsThreat => {
                "R-DL-5: a shelter stay longer than 7 nights needs a recorded threat to health or life."
            }
            ErrorCode::StayEnded => "The stay has ended.",
            ErrorCode::AidSerialTaken => {
                "An item with this serial number exists in the municipality."
            }
            ErrorCode::AidNotAvailable => {
                "The item is not available to issue (on loan, in repair or written off)."
            }
            ErrorCode::AidOutOfStock => {
                "No item of the type is available; the person may join the type's waiting list."
            }
            ErrorCode::AidNotOnLoan => "The item is not on loan: the loan was already returned.",
            ErrorCode::AidOnLoan => "The item is on loan; only issuing and returning change that.",
            ErrorCode::AidAlreadyWaiting => "The person already waits for an aid of this type.",
            ErrorCode::AidNotWaiting => "The person no longer waits on this list.",
            ErrorCode::AidExtractInvalid => {
                "R-LIM-6: the F027/a medical extract is valid 12 months and cannot postdate the issue."
            }
            ErrorCode::AidNoPrice => {
                "R-FEE-10: no price of the aid type is in force on the day of issue."
            }
            ErrorCode::RespiteScheduleOutOfLimits => {
                "R-LIM-1: a respite schedule has 1 to 10 hours and at most 2 visits a week."
            }
            ErrorCode::RespiteWeeklyHoursExceeded => "R-LIM-1: respite is at most 10 hours a week.",
            ErrorCode::RespiteWeeklyVisitsExceeded => {
                "R-LIM-1: respite is given at most 2 times a week."
            }
            ErrorCode::RespiteYearlyHoursExceeded => {
                "R-LIM-1: respite is at most 208 hours a calendar year."
            }
            ErrorCode::RespiteBreakTooShort => {
                "R-LIM-2: respite needs a break of at least 14 days from day or short-term social care."
            }
            ErrorCode::TripTooLate => "R-DL-4: a trip is requested at least 5 working days ahead.",
            ErrorCode::MealNotWorkingDay => "R-LIM-4: meals are served on working days only.",
            ErrorCode::MealOnceADay => "R-LIM-4: a meal is served at most once a day.",
            ErrorCode::MealWeeklyLimitExceeded => {
                "R-LIM-4: meals are served at most 5 times a week."
            }
            ErrorCode::MealMonthsExceeded => {
                "R-LIM-4: meals are served for at most 12 months a year."
            }
            ErrorCode::CouponsExceedGrant => {
                "R-LIM-5: more coupons than granted and not yet issued."
            }
            ErrorCode::MonthNotEnded => {
                "A charge run is for a month that has ended (Vilnius time)."
            }
            ErrorCode::ChargeRunRunning => {
                "A charge run of this month is running; wait for it to finish."
            }
            ErrorCode::AbsenceOverlaps => {
                "R-FEE-9: an absence overlaps another absence recorded for the stay."
            }
            ErrorCode::ExportTooLarge => {
                "An export would hold more rows than one file may (50,000); narrow the filters."
            }
            ErrorCode::InternalError => "The server failed; quote the request id.",
            ErrorCode::Unavailable => "The service is temporarily unavailable.",
        }
    }

    /// The code as sent.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::ValidationFailed => "validation_failed",
            ErrorCode::MalformedJson => "malformed_json",
            ErrorCode::MalformedForm => "malformed_form",
            ErrorCode::UnreadableBody => "unreadable_body",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::InvalidQuery => "invalid_query",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::InvalidToken => "invalid_token",
            ErrorCode::TokenExpired => "token_expired",
            ErrorCode::SessionEnded => "session_ended",
            ErrorCode::AccountGone => "account_gone",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::InvalidRefreshToken => "invalid_refresh_token",
            ErrorCode::InvalidClient => "invalid_client",
            ErrorCode::InvalidScope => "invalid_scope",
            ErrorCode::UnsupportedGrantType => "unsupported_grant_type",
            ErrorCode::TooManyAttempts => "too_many_attempts",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::PreparerCannotSign => "preparer_cannot_sign",
            ErrorCode::NoSigningDelegation => "no_signing_delegation",
            ErrorCode::SelfDelegation => "self_delegation",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::VersionConflict => "version_conflict",
            ErrorCode::InvalidTransition => "invalid_transition",
            ErrorCode::PersonExists => "person_exists",
            ErrorCode::UsernameTaken => "username_taken",
            ErrorCode::AlreadyMember => "already_member",
            ErrorCode::IncomeExists => "income_exists",
            ErrorCode::DelegationEnded => "delegation_ended",
            ErrorCode::RateExists => "rate_exists",
            ErrorCode::RateInForce => "rate_in_force",
            ErrorCode::DocumentsMissing => "documents_missing",
            ErrorCode::AssessmentMissing => "assessment_missing",
            ErrorCode::RateMissing => "rate_missing",
            ErrorCode::IncomeIncomplete => "income_incomplete",
            ErrorCode::QuoteNotAvailable => "quote_not_available",
            ErrorCode::FeeUnchanged => "fee_unchanged",
            ErrorCode::ServiceBeforeDecision => "service_before_decision",
            ErrorCode::NoMembers => "no_members",
            ErrorCode::CaseOpenForFamily => "case_open_for_family",
            ErrorCode::CaseClosed => "case_closed",
            ErrorCode::CaseNotAssigned => "case_not_assigned",
            ErrorCode::PlanBeforeAssessment => "plan_before_assessment",
            ErrorCode::PlanEmpty => "plan_empty",
            ErrorCode::JournalEditWindowPassed => "journal_edit_window_passed",
            ErrorCode::ClosingNeedsMeeting => "closing_needs_meeting",
            ErrorCode::DocumentFailed => "document_failed",
            ErrorCode::ParametersExist => "parameters_exist",
            ErrorCode::ParametersInForce => "parameters_in_force",
            ErrorCode::FacilityCodeTaken => "facility_code_taken",
            ErrorCode::NoFreePlace => "no_free_place",
            ErrorCode::OfferNotFirst => "offer_not_first",
            ErrorCode::AlreadyOffered => "already_offered",
            ErrorCode::OfferNotPending => "offer_not_pending",
            ErrorCode::OfferNotAccepted => "offer_not_accepted",
            ErrorCode::ReplyDateNotPassed => "reply_date_not_passed",
            ErrorCode::NotInQueue => "not_in_queue",
            ErrorCode::CapacityBelowUse => "capacity_below_use",
            ErrorCode::QueueKindTaken => "queue_kind_taken",
            ErrorCode::AlreadyQueued => "already_queued",
            ErrorCode::AdmissionRefused => "admission_refused",
            ErrorCode::ShelterGivenOnce => "shelter_given_once",
            ErrorCode::ShelterNeedsThreat => "shelter_needs_threat",
            ErrorCode::StayEnded => "stay_ended",
            ErrorCode::AidSerialTaken => "aid_serial_taken",
            ErrorCode::AidNotAvailable => "aid_not_available",
            ErrorCode::AidOutOfStock => "aid_out_of_stock",
            ErrorCode::AidNotOnLoan => "aid_not_on_loan",
            ErrorCode::AidOnLoan => "aid_on_loan",
            ErrorCode::AidAlreadyWaiting => "aid_already_waiting",
            ErrorCode::AidNotWaiting => "aid_not_waiting",
            ErrorCode::AidExtractInvalid => "aid_extract_invalid",
            ErrorCode::AidNoPrice => "aid_no_price",
            ErrorCode::RespiteScheduleOutOfLimits => "respite_schedule_out_of_limits",
            ErrorCode::RespiteWeeklyHoursExceeded => "respite_weekly_hours_exceeded",
            ErrorCode::RespiteWeeklyVisitsExceeded => "respite_weekly_visits_exceeded",
            ErrorCode::RespiteYearlyHoursExceeded => "respite_yearly_hours_exceeded",
            ErrorCode::RespiteBreakTooShort => "respite_break_too_short",
            ErrorCode::TripTooLate => "trip_too_late",
            ErrorCode::MealNotWorkingDay => "meal_not_working_day",
            ErrorCode::MealOnceADay => "meal_once_a_day",
            ErrorCode::MealWeeklyLimitExceeded => "meal_weekly_limit_exceeded",
            ErrorCode::MealMonthsExceeded => "meal_months_exceeded",
            ErrorCode::CouponsExceedGrant => "coupons_exceed_grant",
            ErrorCode::MonthNotEnded => "month_not_ended",
            ErrorCode::ChargeRunRunning => "charge_run_running",
            ErrorCode::AbsenceOverlaps => "absence_overlaps",
            ErrorCode::ExportTooLarge => "export_too_large",
            ErrorCode::InternalError => "internal_error",
            ErrorCode::Unavailable => "unavailable",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
