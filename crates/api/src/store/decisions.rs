//! The decisions repository (SP-9): the inputs of a fee in a fixed number of
//! queries, and the decision's versioned saves.

use crate::actor::Actor;
use crate::store::entities::{decisions, family_members, rates};
use crate::store::error::{StoreError, StoreResult};
use crate::store::income;
use crate::store::versioned;
use atvejis_domain::income::IncomeRecord;
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

/// The people whose income counts: the family's current members (one
/// query), or the person alone (none).
pub async fn fee_members<C: ConnectionTrait>(
    db: &C,
    person_id: Uuid,
    family_id: Option<Uuid>,
) -> StoreResult<Vec<Uuid>> {
    Ok(match family_id {
        Some(family) => family_members::Entity::find()
            .filter(family_members::Column::FamilyId.eq(family))
            .filter(family_members::Column::LeftOn.is_null())
            .all(db)
            .await?
            .into_iter()
            .map(|m| m.person_id)
            .collect(),
        None => vec![person_id],
    })
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
                .col_expr(C::PreparedBy, Expr::value(row.prepared_by))
                .col_expr(C::PreparedAt, Expr::value(row.prepared_at))
                .col_expr(C::SignedBy, Expr::value(None::<Uuid>))
                .col_expr(C::SignedAt, Expr::value(None::<OffsetDateTime>))
                .col_expr(C::DecidedOn, Expr::value(None::<Date>))
                .col_expr(C::NotifiedOn, Expr::value(None::<Date>))
                .col_expr(C::NotificationMethod, Expr::value(None::<String>))
                .exec(db)
                .await?,
        ),
    }
}

/// Marks decision `id` signed by `signer` on `today`, at `version`; MUST
/// return `StaleVersion` when the row is no longer at `version`.
pub async fn save_signed<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: Uuid,
    version: i32,
    signer: Uuid,
    now: OffsetDateTime,
    today: Date,
) -> StoreResult<()> {
    use decisions::Column as C;
    versioned::expect_one(
        versioned::update::<decisions::Entity>(actor, id, version, now)
            .col_expr(C::Status, Expr::value("signed"))
            .col_expr(C::SignedBy, Expr::value(signer))
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
