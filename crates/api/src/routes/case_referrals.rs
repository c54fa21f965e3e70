//! `POST /api/v1/case-referrals`: the child-rights protection service's
//! notice opens a case (R-CM-1), idempotently by the notice's reference.
//! For service accounts with the scope `cases:refer`, and staff who open
//! cases (Permission::OpenCases).

use crate::actor::Actor;
use crate::app;
use crate::app::cases::referrals::{Referral, ReferralMember, ReferralNotice, ReferralOutcome};
use crate::app::families::Relation;
use crate::error::{ApiResult, Problem};
use crate::extract::ValidJson;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::ToSchema;
use validator::Validate;

/// The notice.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ReferralNoticeInput {
    /// Its date (not after today).
    pub date: Date,
    /// Its reference number: a second referral with it answers the same case.
    #[validate(length(min = 1, max = 100))]
    #[schema(example = "2SS-1234")]
    pub reference: String,
    /// Who sent it (the service's unit).
    #[validate(length(max = 300))]
    pub referred_by: Option<String>,
    /// Why.
    #[validate(length(min = 1, max = 4000))]
    pub reason: String,
}

/// A member of the family.
#[derive(Debug, Serialize, Deserialize, ToSchema, Validate)]
pub struct ReferralMemberInput {
    /// Lithuanian personal code.
    #[schema(example = "51501011234")]
    pub personal_code: String,
    /// First name.
    #[validate(length(min = 1, max = 100))]
    pub first_name: String,
    /// Last name.
    #[validate(length(min = 1, max = 100))]
    pub last_name: String,
    /// Relation in the family.
    pub relation: Relation,
    /// Whether the case concerns this child (at least one).
    #[serde(default)]
    pub concerned: bool,
}

/// A referral.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct CaseReferralRequest {
    /// The notice.
    #[validate(nested)]
    pub notice: ReferralNoticeInput,
    /// The family's name, for a new family.
    #[validate(length(max = 200))]
    pub family_name: Option<String>,
    /// The family's members, at least one concerned child.
    #[validate(length(min = 1, max = 30), nested)]
    pub members: Vec<ReferralMemberInput>,
}

/// Refer a family: opens its case, or answers the case the same notice
/// reference opened before (nothing new is stored).
#[utoipa::path(
    tag = "cases",
    request_body = CaseReferralRequest,
    responses(
        (status = 201, description = "The case opened", body = ReferralOutcome),
        (status = 200, description = "The case this reference opened before", body = ReferralOutcome),
        (status = 403, description = "No scope cases:refer (or not allowed to open cases)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The family has another open case (case_open_for_family)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (personal codes, no concerned child, a notice after today)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/case-referrals")]
pub async fn refer_case(
    state: web::Data<AppState>,
    actor: Actor,
    body: ValidJson<CaseReferralRequest>,
) -> ApiResult<HttpResponse> {
    let ValidJson(body) = body;
    let referral = Referral {
        notice: ReferralNotice {
            date: body.notice.date,
            reference: body.notice.reference,
            referred_by: body.notice.referred_by,
            reason: body.notice.reason,
        },
        family_name: body.family_name,
        members: body
            .members
            .into_iter()
            .map(|m| ReferralMember {
                personal_code: m.personal_code,
                first_name: m.first_name,
                last_name: m.last_name,
                relation: m.relation,
                concerned: m.concerned,
            })
            .collect(),
    };
    let outcome = app::cases::referrals::refer(&state, &actor, referral).await?;
    Ok(if outcome.created {
        HttpResponse::Created().json(outcome)
    } else {
        HttpResponse::Ok().json(outcome)
    })
}
