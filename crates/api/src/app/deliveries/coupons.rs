//! Meal coupons (R-LIM-5): a grant — 30 coupons by the director's decision
//! for a person returning from prison, or the number and period the
//! social-support commission decided, assigned by the director — and the
//! coupon journal of issues, each signed by the person or an authorised
//! person. Issuing more than granted is refused. Coupons are free
//! (R-FEE-12).

use super::{rule_error, trimmed};
use crate::actor::Actor;
use crate::app::UnitOfWork;
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::deliveries as repo;
use crate::store::entities::{coupon_grants, coupon_issues};
use crate::store::page_index;
use crate::store::scope::scoped;
use atvejis_domain::access::Permission;
use atvejis_domain::delivery::{CouponBasis, check_coupon_issue};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Who received coupons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CouponReceiver {
    /// The person themself.
    Person,
    /// A guardian, carer or other authorised person.
    AuthorisedPerson,
}

impl CouponReceiver {
    fn as_str(self) -> &'static str {
        match self {
            CouponReceiver::Person => "person",
            CouponReceiver::AuthorisedPerson => "authorised_person",
        }
    }
}

/// An issue in the coupon journal.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CouponIssueView {
    /// Id.
    pub id: Uuid,
    /// The day.
    pub issued_on: Date,
    /// How many.
    pub coupons: i32,
    /// Who received them.
    pub received_by: CouponReceiver,
    /// The authorised person's name.
    pub authorised_name: Option<String>,
    /// The receiver signed the journal.
    pub signed: bool,
}

/// A coupon grant with its journal.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CouponGrantView {
    /// Id.
    pub id: Uuid,
    /// The person.
    pub person_id: Uuid,
    /// The basis.
    pub basis: CouponBasis,
    /// The commission decision's number.
    pub commission_decision_no: Option<String>,
    /// Its date.
    pub commission_decision_on: Option<Date>,
    /// The director's decision that assigns the coupons.
    pub director_decision_no: Option<String>,
    /// Coupons granted.
    pub coupons: i32,
    /// Coupons issued so far.
    pub issued: i32,
    /// Coupons left.
    pub left: i32,
    /// First day.
    pub valid_from: Date,
    /// Last day, if set.
    pub valid_until: Option<Date>,
    /// The journal, oldest first.
    pub issues: Vec<CouponIssueView>,
    /// For optimistic concurrency.
    pub version: i32,
}

/// A grant to record.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct NewCouponGrant {
    /// The person.
    pub person_id: Uuid,
    /// The basis.
    pub basis: CouponBasis,
    /// How many: fixed at 30 for `prison_return` (omit it or send 30);
    /// required for `commission_decision`.
    #[validate(range(min = 1, max = 1000))]
    pub coupons: Option<i32>,
    /// `commission_decision`: the commission decision's number.
    #[validate(length(min = 1, max = 64))]
    pub commission_decision_no: Option<String>,
    /// `commission_decision`: its date.
    pub commission_decision_on: Option<Date>,
    /// The director's decision that assigns the coupons.
    #[validate(length(min = 1, max = 64))]
    pub director_decision_no: Option<String>,
    /// First day.
    pub valid_from: Date,
    /// Last day (the commission's period).
    pub valid_until: Option<Date>,
}

/// Coupons to issue.
#[derive(Debug, Deserialize, ToSchema, validator::Validate)]
pub struct NewCouponIssue {
    /// The day (default today; not in the future).
    pub issued_on: Option<Date>,
    /// How many.
    #[validate(range(min = 1, max = 1000))]
    pub coupons: i32,
    /// Who received them.
    pub received_by: CouponReceiver,
    /// The authorised person's name (required when they received them).
    #[validate(length(min = 1, max = 200))]
    pub authorised_name: Option<String>,
    /// The receiver signed the journal.
    pub signed: bool,
}

/// Which grants to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CouponFilter {
    /// Of this person.
    pub person_id: Option<Uuid>,
}

/// A page of coupon grants.
#[derive(Debug, Serialize, ToSchema)]
pub struct CouponGrantPage {
    /// The grants, newest first.
    pub items: Vec<CouponGrantView>,
    /// All matching.
    pub total: u64,
    /// This page, from 1.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

async fn views<C: sea_orm::ConnectionTrait>(
    db: &C,
    grants: Vec<coupon_grants::Model>,
) -> ApiResult<Vec<CouponGrantView>> {
    let ids: Vec<Uuid> = grants.iter().map(|g| g.id).collect();
    let issues = if ids.is_empty() {
        Vec::new()
    } else {
        coupon_issues::Entity::find()
            .filter(coupon_issues::Column::GrantId.is_in(ids))
            .order_by_asc(coupon_issues::Column::IssuedOn)
            .order_by_asc(coupon_issues::Column::Id)
            .all(db)
            .await?
    };
    grants
        .into_iter()
        .map(|g| {
            let basis = CouponBasis::parse(&g.basis).ok_or_else(|| {
                ApiError::from(crate::store::StoreError::corrupt("coupon grant", &g.basis))
            })?;
            let mine: Vec<CouponIssueView> = issues
                .iter()
                .filter(|i| i.grant_id == g.id)
                .map(|i| CouponIssueView {
                    id: i.id,
                    issued_on: i.issued_on,
                    coupons: i.coupons,
                    received_by: if i.received_by == CouponReceiver::AuthorisedPerson.as_str() {
                        CouponReceiver::AuthorisedPerson
                    } else {
                        CouponReceiver::Person
                    },
                    authorised_name: i.authorised_name.clone(),
                    signed: i.signed,
                })
                .collect();
            let issued: i32 = mine.iter().map(|i| i.coupons).sum();
            Ok(CouponGrantView {
                id: g.id,
                person_id: g.person_id,
                basis,
                commission_decision_no: g.commission_decision_no,
                commission_decision_on: g.commission_decision_on,
                director_decision_no: g.director_decision_no,
                coupons: g.coupons,
                issued,
                left: g.coupons - issued,
                valid_from: g.valid_from,
                valid_until: g.valid_until,
                issues: mine,
                version: g.version,
            })
        })
        .collect()
}

async fn view<C: sea_orm::ConnectionTrait>(
    db: &C,
    grant: coupon_grants::Model,
) -> ApiResult<CouponGrantView> {
    Ok(views(db, vec![grant])
        .await?
        .pop()
        .ok_or(crate::store::StoreError::NotFound("coupon grant"))?)
}

/// The coupon grants of the actor's municipality (`ReadDeliveries`).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    f: CouponFilter,
    page: u64,
    per_page: u64,
) -> ApiResult<CouponGrantPage> {
    actor.require(Permission::ReadDeliveries)?;
    let mut q = scoped::<coupon_grants::Entity>(actor);
    if let Some(id) = f.person_id {
        q = q.filter(coupon_grants::Column::PersonId.eq(id));
    }
    let paginator = q
        .order_by_desc(coupon_grants::Column::ValidFrom)
        .order_by_desc(coupon_grants::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page_index(page)).await?;
    Ok(CouponGrantPage {
        items: views(&state.db, rows).await?,
        total,
        page,
        per_page,
    })
}

/// Coupon grant `id` with its journal (`ReadDeliveries`).
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<CouponGrantView> {
    actor.require(Permission::ReadDeliveries)?;
    let grant = repo::coupon_grant(&state.db, actor, id).await?;
    view(&state.db, grant).await
}

/// Records a coupon grant (`RecordDeliveries`): R-LIM-5 fixes 30 coupons for
/// a return from prison; a commission decision needs its number, date,
/// count and period.
pub async fn grant(
    state: &AppState,
    actor: &Actor,
    body: NewCouponGrant,
) -> ApiResult<CouponGrantView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let mut errors = Vec::new();
    let coupons = match (body.basis.fixed_coupons(), body.coupons) {
        (Some(fixed), None) => i32::try_from(fixed).unwrap_or(i32::MAX),
        (Some(fixed), Some(n)) if i64::from(n) == i64::from(fixed) => n,
        (Some(fixed), Some(_)) => {
            errors.push(crate::error::FieldError::new(
                "coupons",
                FieldCode::Mismatch,
                format!("R-LIM-5: a person returning from prison gets {fixed} coupons"),
            ));
            0
        }
        (None, Some(n)) => n,
        (None, None) => {
            errors.push(crate::error::FieldError::new(
                "coupons",
                FieldCode::Required,
                "the commission decides how many",
            ));
            0
        }
    };
    let commission_no = trimmed(body.commission_decision_no);
    if body.basis == CouponBasis::CommissionDecision {
        if commission_no.is_none() {
            errors.push(crate::error::FieldError::new(
                "commission_decision_no",
                FieldCode::Required,
                "the commission decision's number",
            ));
        }
        if body.commission_decision_on.is_none() {
            errors.push(crate::error::FieldError::new(
                "commission_decision_on",
                FieldCode::Required,
                "the commission decision's date",
            ));
        }
        if body.valid_until.is_none() {
            errors.push(crate::error::FieldError::new(
                "valid_until",
                FieldCode::Required,
                "the commission decides for how long",
            ));
        }
    }
    if body
        .valid_until
        .is_some_and(|until| until < body.valid_from)
    {
        errors.push(crate::error::FieldError::new(
            "valid_until",
            FieldCode::Range,
            "the last day is on or after the first",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let person = crate::store::persons::find_scoped(uow.db(), actor, body.person_id).await?;
    let now = uow.now();
    let row = coupon_grants::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        person_id: Set(person.id),
        basis: Set(body.basis.as_str().to_owned()),
        commission_decision_no: Set(commission_no),
        commission_decision_on: Set(body.commission_decision_on),
        coupons: Set(coupons),
        valid_from: Set(body.valid_from),
        valid_until: Set(body.valid_until),
        director_decision_no: Set(trimmed(body.director_decision_no)),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    };
    let grant = coupon_grants::Entity::insert(row)
        .exec_with_returning(uow.db())
        .await?;
    uow.audit(
        AuditEvent::new(AuditAction::CouponGrant, "coupon_grant", grant.id).summary(json!({
            "person_id": grant.person_id,
            "basis": grant.basis,
            "coupons": grant.coupons,
            "valid_from": grant.valid_from,
            "valid_until": grant.valid_until,
        })),
    )
    .await?;
    let view = view(uow.db(), grant).await?;
    uow.commit().await?;
    Ok(view)
}

/// Records an issue of coupons from grant `id` in the journal
/// (`RecordDeliveries`): never more than granted and not yet issued (422
/// `coupons_exceed_grant`, R-LIM-5), within the grant's dates.
pub async fn issue(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: NewCouponIssue,
) -> ApiResult<CouponGrantView> {
    let mut uow = UnitOfWork::begin(state, actor, Permission::RecordDeliveries).await?;
    let grant = repo::coupon_grant(uow.db(), actor, id).await?;
    let today = uow.today();
    let issued_on = body.issued_on.unwrap_or(today);
    if issued_on > today {
        return Err(ApiError::invalid_field(
            "issued_on",
            FieldCode::InFuture,
            "an issue is recorded on or after its day",
        ));
    }
    if issued_on < grant.valid_from || grant.valid_until.is_some_and(|until| issued_on > until) {
        return Err(ApiError::invalid_field(
            "issued_on",
            FieldCode::OutOfRange,
            "within the grant's dates",
        ));
    }
    let authorised_name = trimmed(body.authorised_name);
    match (body.received_by, &authorised_name) {
        (CouponReceiver::AuthorisedPerson, None) => {
            return Err(ApiError::invalid_field(
                "authorised_name",
                FieldCode::Required,
                "name the authorised person who received the coupons",
            ));
        }
        (CouponReceiver::Person, Some(_)) => {
            return Err(ApiError::invalid_field(
                "authorised_name",
                FieldCode::NotApplicable,
                "only for coupons an authorised person received",
            ));
        }
        _ => {}
    }
    repo::lock_person(uow.db(), actor, grant.person_id).await?;
    let issued: i64 = scoped::<coupon_issues::Entity>(actor)
        .filter(coupon_issues::Column::GrantId.eq(grant.id))
        .all(uow.db())
        .await?
        .iter()
        .map(|i| i64::from(i.coupons))
        .sum();
    let as_u32 = |n: i64| u32::try_from(n).unwrap_or(0);
    check_coupon_issue(
        as_u32(i64::from(grant.coupons)),
        as_u32(issued),
        as_u32(i64::from(body.coupons)),
    )
    .map_err(rule_error)?;
    let now = uow.now();
    let row = coupon_issues::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(actor.municipality_id),
        grant_id: Set(grant.id),
        person_id: Set(grant.person_id),
        issued_on: Set(issued_on),
        coupons: Set(body.coupons),
        received_by: Set(body.received_by.as_str().to_owned()),
        authorised_name: Set(authorised_name),
        signed: Set(body.signed),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
    };
    let issue = coupon_issues::Entity::insert(row)
        .exec_with_returning(uow.db())
        .await?;
    uow.audit(
        AuditEvent::new(AuditAction::CouponIssue, "coupon_grant", grant.id).summary(json!({
            "issue_id": issue.id,
            "person_id": issue.person_id,
            "issued_on": issue.issued_on,
            "coupons": issue.coupons,
            "received_by": issue.received_by,
            "signed": issue.signed,
        })),
    )
    .await?;
    let view = view(uow.db(), grant).await?;
    uow.commit().await?;
    Ok(view)
}
