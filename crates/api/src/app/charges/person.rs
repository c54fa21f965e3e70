//! A person's charges, month by month: what they received (the lines of
//! the standing run of each month) and what they were charged. The read is
//! recorded like a read of the person's file.

use super::runs::ChargeLineView;
use crate::actor::Actor;
use crate::app::common::money;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::store::audit::AuditAction;
use crate::store::charges as repo;
use crate::store::entities::{charge_lines, charge_runs};
use crate::store::scope::scoped;
use atvejis_domain::access::Purpose;
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// One month of a person's charges.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonChargeMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// The run whose lines stand for the month (its latest finished run).
    pub run_id: Uuid,
    /// That run's version.
    pub run_version: i32,
    /// What they received and were charged.
    pub lines: Vec<ChargeLineView>,
    /// The month's total, EUR.
    #[schema(value_type = String, example = "457.60")]
    pub total: Decimal,
}

/// Person `id`'s charges, newest month first (the person file's readers;
/// the read is recorded with its purpose).
pub async fn of_person(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
) -> ApiResult<Vec<PersonChargeMonth>> {
    crate::app::audited(
        state,
        actor,
        purpose,
        AuditAction::PersonChargesRead,
        "person",
        || async {
            let person = crate::store::persons::find_scoped(&state.db, actor, id).await?;
            // The standing run of each month: the latest one done.
            let mut standing: BTreeMap<String, charge_runs::Model> = BTreeMap::new();
            for run in scoped::<charge_runs::Entity>(actor)
                .filter(charge_runs::Column::Status.eq("done"))
                .order_by_asc(charge_runs::Column::Version)
                .all(&state.db)
                .await?
            {
                standing.insert(run.month.clone(), run);
            }
            let lines_runs: Vec<Uuid> = standing.values().filter_map(|r| r.lines_run_id).collect();
            let lines = if lines_runs.is_empty() {
                Vec::new()
            } else {
                charge_lines::Entity::find()
                    .filter(charge_lines::Column::PersonId.eq(person.id))
                    .filter(charge_lines::Column::MunicipalityId.eq(actor.municipality_id))
                    .filter(charge_lines::Column::RunId.is_in(lines_runs))
                    .order_by_asc(charge_lines::Column::PeriodFrom)
                    .all(&state.db)
                    .await?
            };
            let names = repo::persons_by_id(&state.db, [person.id]).await?;
            let mut months = Vec::new();
            for (month, run) in standing.into_iter().rev() {
                let mine: Vec<ChargeLineView> = lines
                    .iter()
                    .filter(|l| Some(l.run_id) == run.lines_run_id)
                    .cloned()
                    .map(|l| super::runs::line_view(l, &names))
                    .collect();
                if mine.is_empty() {
                    continue;
                }
                let total = money(mine.iter().map(|l| l.amount).sum());
                months.push(PersonChargeMonth {
                    month,
                    run_id: run.id,
                    run_version: run.version,
                    lines: mine,
                    total,
                });
            }
            Ok((months, person.id.to_string()))
        },
    )
    .await
}
