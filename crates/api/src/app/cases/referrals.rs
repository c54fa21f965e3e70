//! Referrals (R-CM-1): the child-rights protection service's system sends
//! its notice (a service account with the scope `cases:refer`; staff who
//! open cases may send one too), and a case opens for the family it names.
//!
//! A referral is idempotent by the notice's reference within the
//! municipality: the first opens the case (finding the people by their
//! personal codes or registering them, and the family that holds a
//! concerned child or a new one); the same reference again answers the same
//! case and stores nothing. Two sent at once are decided by the database's
//! unique indexes (`ux_cases_notice`, and the people's personal codes): the
//! loser's transaction rolls back and it answers the winner's case.

use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::app::cases::{NewCase, open_in};
use crate::app::families::Relation;
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use crate::state::AppState;
use crate::store::StoreError;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::entities::{cases, family_members, persons as person_rows};
use crate::store::families::{self, NewFamily, NewMember};
use crate::store::persons::{self, PersonFields};
use atvejis_domain::access::Permission;
use atvejis_domain::cases::CaseOrigin;
use atvejis_domain::personal_code::PersonalCode;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use utoipa::ToSchema;
use uuid::Uuid;

/// The notice of a referral.
#[derive(Debug, Clone)]
pub struct ReferralNotice {
    /// Its date (not after today).
    pub date: Date,
    /// Its reference number: the referral's identity.
    pub reference: String,
    /// Who sent it.
    pub referred_by: Option<String>,
    /// Why.
    pub reason: String,
}

/// A member of the referred family.
#[derive(Debug, Clone)]
pub struct ReferralMember {
    /// Personal code.
    pub personal_code: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Relation in the family.
    pub relation: Relation,
    /// Whether the case concerns this child.
    pub concerned: bool,
}

/// A referral.
#[derive(Debug, Clone)]
pub struct Referral {
    /// The notice.
    pub notice: ReferralNotice,
    /// The family's name for a new family.
    pub family_name: Option<String>,
    /// The members.
    pub members: Vec<ReferralMember>,
}

/// What a referral did.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReferralOutcome {
    /// The case.
    pub case_id: Uuid,
    /// Its number.
    pub number: String,
    /// Whether this call opened it (false: the reference was known).
    pub created: bool,
}

fn outcome(case: &cases::Model, created: bool) -> ReferralOutcome {
    ReferralOutcome {
        case_id: case.id,
        number: case.number.clone(),
        created,
    }
}

/// The case of the municipality opened from notice `reference`.
async fn by_reference<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    reference: &str,
) -> ApiResult<Option<cases::Model>> {
    Ok(cases::Entity::find()
        .filter(cases::Column::MunicipalityId.eq(municipality_id))
        .filter(cases::Column::NoticeReference.eq(reference))
        .one(db)
        .await
        .map_err(StoreError::from)?)
}

/// The members checked: their codes parsed, each once, one concerned.
fn check(referral: &Referral) -> ApiResult<(String, Vec<PersonalCode>)> {
    let mut errors = Vec::new();
    let reference = referral.notice.reference.trim().to_owned();
    if reference.is_empty() {
        errors.push(FieldError::new(
            "notice.reference",
            FieldCode::Required,
            "a referral names the notice's reference number",
        ));
    }
    if referral.notice.reason.trim().is_empty() {
        errors.push(FieldError::new(
            "notice.reason",
            FieldCode::Required,
            "say why the case is opened",
        ));
    }
    let mut codes: Vec<PersonalCode> = Vec::with_capacity(referral.members.len());
    for (i, m) in referral.members.iter().enumerate() {
        match PersonalCode::parse(m.personal_code.trim()) {
            Ok(code) if codes.iter().any(|c| c.as_str() == code.as_str()) => {
                errors.push(FieldError::new(
                    format!("members[{i}].personal_code"),
                    FieldCode::Duplicate,
                    "is listed twice",
                ));
            }
            Ok(code) => codes.push(code),
            Err(e) => errors.push(FieldError::new(
                format!("members[{i}].personal_code"),
                FieldCode::InvalidPersonalCode,
                e.to_string(),
            )),
        }
        for (field, value) in [("first_name", &m.first_name), ("last_name", &m.last_name)] {
            if value.trim().is_empty() {
                errors.push(FieldError::new(
                    format!("members[{i}].{field}"),
                    FieldCode::Required,
                    "is required",
                ));
            }
        }
    }
    if !referral.members.iter().any(|m| m.concerned) {
        errors.push(FieldError::new(
            "members",
            FieldCode::Required,
            "name at least one child the case concerns (concerned: true)",
        ));
    }
    if errors.is_empty() {
        Ok((reference, codes))
    } else {
        Err(ApiError::validation(errors))
    }
}

/// Takes a referral: opens its case, or answers the case its reference
/// opened before.
pub async fn refer(
    state: &AppState,
    actor: &Actor,
    referral: Referral,
) -> ApiResult<ReferralOutcome> {
    actor.require(Permission::OpenCases)?;
    let (reference, codes) = check(&referral)?;
    if let Some(case) = by_reference(&state.db, actor.municipality_id, &reference).await? {
        return Ok(outcome(&case, false));
    }
    match open_referred(state, actor, &referral, &reference, &codes).await {
        Ok(case) => Ok(outcome(&case, true)),
        // A concurrent referral with the same reference won a unique index;
        // this one rolled back: answer the winner's case.
        Err(e) => match by_reference(&state.db, actor.municipality_id, &reference).await? {
            Some(case) => Ok(outcome(&case, false)),
            None => Err(e),
        },
    }
}

async fn open_referred(
    state: &AppState,
    actor: &Actor,
    referral: &Referral,
    reference: &str,
    codes: &[PersonalCode],
) -> ApiResult<cases::Model> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::OpenCases).await?;
    let now = uow.now();
    let today = uow.today();
    // The people: found by personal code in the municipality, or registered.
    let mut people: Vec<Uuid> = Vec::with_capacity(codes.len());
    for (m, code) in referral.members.iter().zip(codes) {
        let found = person_rows::Entity::find()
            .filter(person_rows::Column::MunicipalityId.eq(actor.municipality_id))
            .filter(person_rows::Column::PersonalCode.eq(code.as_str()))
            .one(uow.db())
            .await
            .map_err(StoreError::from)?;
        let id = match found {
            Some(p) => p.id,
            None => {
                let row = persons::insert(
                    uow.db(),
                    actor,
                    PersonFields {
                        eldership_id: None,
                        personal_code: Some(code.clone()),
                        first_name: m.first_name.trim().to_owned(),
                        last_name: m.last_name.trim().to_owned(),
                        birth_date: code.birth_date(),
                        sex: Some(code.sex()),
                        declared_address: None,
                        phone: None,
                        email: None,
                    },
                    now,
                )
                .await?;
                uow.audit(
                    AuditEvent::new(AuditAction::PersonCreate, "person", row.id).summary(json!({
                        "first_name": row.first_name,
                        "last_name": row.last_name,
                        "personal_code": true,
                        "referral": reference,
                    })),
                )
                .await?;
                row.id
            }
        };
        people.push(id);
    }
    let concerned: Vec<Uuid> = referral
        .members
        .iter()
        .zip(&people)
        .filter(|(m, _)| m.concerned)
        .map(|(_, id)| *id)
        .collect();
    // The family that holds a concerned child, else a new one.
    let holding = family_members::Entity::find()
        .filter(family_members::Column::PersonId.is_in(concerned.clone()))
        .filter(family_members::Column::LeftOn.is_null())
        .all(uow.db())
        .await
        .map_err(StoreError::from)?;
    let mut family = None;
    for link in &holding {
        if let Ok(f) = families::find_scoped(uow.db(), actor, link.family_id).await {
            family = Some(f);
            break;
        }
    }
    let family = match family {
        Some(f) => {
            let current: Vec<Uuid> = families::members_of(uow.db(), f.id)
                .await?
                .into_iter()
                .map(|m| m.person.id)
                .collect();
            for (m, id) in referral.members.iter().zip(&people) {
                if !current.contains(id) {
                    families::add_member(
                        uow.db(),
                        f.id,
                        &NewMember {
                            person_id: *id,
                            relation: m.relation.as_str(),
                            joined_on: today,
                        },
                    )
                    .await?;
                    uow.audit(
                        AuditEvent::new(AuditAction::FamilyMemberAdd, "family", f.id).summary(
                            json!({ "person_id": id, "relation": m.relation, "referral": reference }),
                        ),
                    )
                    .await?;
                }
            }
            f
        }
        None => {
            let name = referral
                .family_name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map_or_else(
                    || {
                        let last = referral.members.first().map_or("", |m| m.last_name.trim());
                        format!("{last} šeima")
                    },
                    str::to_owned,
                );
            let members: Vec<NewMember> = referral
                .members
                .iter()
                .zip(&people)
                .map(|(m, id)| NewMember {
                    person_id: *id,
                    relation: m.relation.as_str(),
                    joined_on: today,
                })
                .collect();
            let f = families::insert(
                uow.db(),
                actor,
                NewFamily {
                    name: name.clone(),
                    notes: None,
                    eldership_id: None,
                },
                &members,
                now,
            )
            .await?;
            uow.audit(
                AuditEvent::new(AuditAction::FamilyCreate, "family", f.id).summary(json!({
                    "name": name,
                    "members": referral.members.iter().zip(&people).map(|(m, id)| json!({ "person_id": id, "relation": m.relation })).collect::<Vec<_>>(),
                    "referral": reference,
                })),
            )
            .await?;
            f
        }
    };
    let case = open_in(
        &mut uow,
        actor,
        NewCase {
            family_id: family.id,
            children: concerned,
            origin: CaseOrigin::ChildRightsNotice,
            notice_date: referral.notice.date,
            notice_reference: Some(reference.to_owned()),
            referred_by: referral.notice.referred_by.clone(),
            reason: referral.notice.reason.clone(),
        },
    )
    .await?;
    uow.commit().await?;
    Ok(case)
}
