//! The decisions repository (SP-9): the inputs of a fee in a fixed number of
//! queries, and the decision's versioned saves.

use crate::actor::Actor;
use crate::store::entities::{decisions, family_members, persons, rates};
use crate::store::error::{StoreError, StoreResult};
use crate::store::income;
use crate::store::versioned;
use atvejis_domain::income::{IncomeRecord, Membership};
use rust_decimal::Decimal;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder,
};
use std::collections::HashMap;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// Every rate of a municipality in force on `on`, by kind, in ONE query.
pub async fn rates_in_force<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    on: Date,
) -> StoreResult<HashMap<String, Decimal>> {
    let mut in_force = HashMap::new();
    // Newest first: the first value seen of a kind is the one in force.
    for rate in rates::Entity::find()
        .filter(rates::Column::MunicipalityId.eq(municipality_id))
        .filter(rates::Column::ValidFrom.lte(on))
        .order_by_desc(rates::Column::ValidFrom)
        .all(db)
        .await?
    {
        in_force.entry(rate.kind).or_insert(rate.value);
    }
    Ok(in_force)
}

/// R-FEE-1: the memberships of the family whose income counts, in at most
/// two queries: the application's family when it names one, else the family
/// the person belonged to on `on` (the one joined last, if several); `None`
/// for a person who lived in no family then.
pub async fn fee_family<C: ConnectionTrait>(
    db: &C,
    person_id: Uuid,
    family_id: Option<Uuid>,
    on: Date,
) -> StoreResult<Option<Vec<Membership<Uuid>>>> {
    let family = match family_id {
        Some(family) => family,
        None => {
            let rows = family_members::Entity::find()
                .filter(family_members::Column::PersonId.eq(person_id))
                .all(db)
                .await?;
            let found = rows
                .into_iter()
                .map(|m| (m.family_id, membership(m)))
                .filter(|(_, m)| m.member_on(on))
                .max_by_key(|(family, m)| (m.joined_on, *family));
            match found {
                Some((family, _)) => family,
                None => return Ok(None),
            }
        }
    };
    Ok(Some(
        family_members::Entity::find()
            .filter(family_members::Column::FamilyId.eq(family))
            .all(db)
            .await?
            .into_iter()
            .map(membership)
            .collect(),
    ))
}

/// A stored membership; a row without a start date (none after the
/// migration of 2026-12-02) counts from the beginning.
fn membership(m: family_members::Model) -> Membership<Uuid> {
    Membership {
        member: m.person_id,
        joined_on: m.joined_on.unwrap_or(Date::MIN),
        left_on: m.left_on,
    }
}

/// The names of `people`, by id, in one query.
pub async fn names_of<C: ConnectionTrait>(
    db: &C,
    people: &[Uuid],
) -> StoreResult<HashMap<Uuid, String>> {
    Ok(persons::Entity::find()
        .filter(persons::Column::Id.is_in(people.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, format!("{} {}", p.first_name, p.last_name)))
        .collect())
}

/// The income records of `members`, in one query.
pub async fn income_of<C: ConnectionTrait>(
    db: &C,
    members: &[Uuid],
) -> StoreResult<Vec<IncomeRecord<Uuid>>> {
    Ok(income::records_of(db, members).await?)
}

/// Saves a prepared decision: inserts `row` when `existing` is `None`, else
/// updates the existing row at the version it was read at. MUST return
/// `StaleVersion` when another write changed (or inserted) the decision
/// meanwhile.
pub async fn save_prepared<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    existing: Option<&decisions::Model>,
    row: decisions::Model,
    now: OffsetDateTime,
) -> StoreResult<()> {
    use decisions::Column as C;
    match existing {
        None => match decisions::Entity::insert(row.into_active_model().reset_all())
            .exec(db)
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if crate::store::is_unique_violation(&e) => Err(StoreError::StaleVersion),
            Err(e) => Err(e.into()),
        },
        Some(old) => versioned::expect_one(
            versioned::update::<decisions::Entity>(actor, old.id, old.version, now)
                .col_expr(C::Outcome, Expr::value(row.outcome))
                .col_expr(C::Status, Expr::value(row.status))
                .col_expr(C::Reasoning, Expr::value(row.reasoning))
                .col_expr(C::HoursPerMonth, Expr::value(row.hours_per_month))
                .col_expr(C::MonthlyFee, Expr::value(row.monthly_fee))
                .col_expr(C::FeeCalculation, Expr::value(row.fee_calculation))
                .col_expr(C::ServiceFrom, Expr::value(row.service_from))
                .col_expr(C::FacilityId, Expr::value(row.facility_id))
                .col_expr(C::PreparedBy, Expr::value(row.prepared_by))
                .col_expr(C::PreparedAt, Expr::value(row.prepared_at))
                .col_expr(C::SignedBy, Expr::value(None::<Uuid>))
                .col_expr(C::SignedAt, Expr::value(None::<OffsetDateTime>))
                .col_expr(C::DecidedOn, Expr::value(None::<Date>))
                .col_expr(C::NotifiedOn, Expr::value(None::<Date>))
                .col_expr(C::NotificationMethod, Expr::value(None::<String>))
                .col_expr(C::SigningDelegationId, Expr::value(None::<Uuid>))
                .col_expr(C::SigningReference, Expr::value(None::<String>))
                .exec(db)
                .await?,
        ),
    }
}

/// A signature: who signs which decision (at the version read), under which
/// delegation (R-ROLE-2).
#[derive(Debug, Clone)]
pub struct Signature {
    /// The decision.
    pub decision_id: Uuid,
    /// Its version as read.
    pub version: i32,
    /// The signer.
    pub signer: Uuid,
    /// The delegation signed under.
    pub delegation_id: Uuid,
    /// Its reference (the authority), kept with the decision.
    pub reference: String,
}

/// Marks the decision signed as `signature` says, on `today`; MUST return
/// `StaleVersion` when the row is no longer at the version read.
pub async fn save_signed<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    signature: Signature,
    now: OffsetDateTime,
    today: Date,
) -> StoreResult<()> {
    use decisions::Column as C;
    versioned::expect_one(
        versioned::update::<decisions::Entity>(
            actor,
            signature.decision_id,
            signature.version,
            now,
        )
        .col_expr(C::Status, Expr::value("signed"))
        .col_expr(C::SignedBy, Expr::value(signature.signer))
        .col_expr(C::SigningDelegationId, Expr::value(signature.delegation_id))
        .col_expr(C::SigningReference, Expr::value(signature.reference))
        .col_expr(C::SignedAt, Expr::value(now))
        .col_expr(C::DecidedOn, Expr::value(today))
        .exec(db)
        .await?,
    )
}

/// R-DL-2: records when and to whom decision `id` and its file were handed,
/// at `version`; MUST return `StaleVersion` when the row is no longer at it.
pub async fn save_handover<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    handed_over_on: Date,
    handed_over_to: &str,
    now: OffsetDateTime,
) -> StoreResult<()> {
    use decisions::Column as C;
    versioned::expect_one(
        versioned::update::<decisions::Entity>(actor, id, version, now)
            .col_expr(C::HandedOverOn, Expr::value(handed_over_on))
            .col_expr(C::HandedOverTo, Expr::value(handed_over_to.to_owned()))
            .exec(db)
            .await?,
    )
}

/// Records how and when the person was told of decision `id`, at
/// `version`; MUST return `StaleVersion` when the row is no longer at it.
pub async fn save_notification<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    notified_on: Date,
    method: &str,
    now: OffsetDateTime,
) -> StoreResult<()> {
    use decisions::Column as C;
    versioned::expect_one(
        versioned::update::<decisions::Entity>(actor, id, version, now)
            .col_expr(C::NotifiedOn, Expr::value(notified_on))
            .col_expr(C::NotificationMethod, Expr::value(method.to_owned()))
            .exec(db)
            .await?,
    )
}
