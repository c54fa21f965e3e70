//! Demo data that lets a charge run of the last full month produce lines
//! from every paid source (demo mode only, loaded after the demo places,
//! aids and deliveries): the recorded income of the people the demo
//! charges — the home help, respite and transport recipients and one
//! care resident — (6 months before that month, so that both the decisions' and
//! the month's income windows are complete, R-FEE-1), and a first fee
//! record for the demo's home help and respite decisions (signed without
//! a calculation), computed by the fee engine (R-FEE-1..3) with the rates
//! in force. Idempotent: a person with income or a decision with a record
//! is left as it is.

use crate::app::fees::views::FeeBreakdown;
use crate::store::entities::{
    decisions, delivery_visits, fee_records, income_records, stays, trips,
};
use crate::store::fees::{NewFeeRecord, insert};
use atvejis_domain::fees::{HomeHelpCaps, HomeHelpFeeInput, home_help_fee};
use atvejis_domain::income::{YearMonth, income_window};
use atvejis_domain::rates::RateKind;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter,
};
use std::collections::BTreeSet;
use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

fn err(e: impl std::fmt::Display) -> DbErr {
    DbErr::Custom(format!("demo charges: {e}"))
}

/// Loads the demo's income and fee records for the last full month before
/// `now`.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    let today = atvejis_domain::calendar::lithuanian_date(now);
    let this_month = today.replace_day(1).map_err(err)?;
    let last = this_month - Duration::days(1);
    let first = last.replace_day(1).map_err(err)?;

    let visits = delivery_visits::Entity::find()
        .filter(delivery_visits::Column::MunicipalityId.eq(municipality_id))
        .filter(delivery_visits::Column::VisitOn.gte(first))
        .filter(delivery_visits::Column::VisitOn.lte(last))
        .all(db)
        .await?;
    let riders = trips::Entity::find()
        .filter(trips::Column::MunicipalityId.eq(municipality_id))
        .filter(trips::Column::TripOn.gte(first))
        .filter(trips::Column::TripOn.lte(last))
        .filter(trips::Column::FullPrice.eq(false))
        .all(db)
        .await?;
    let residents = stays::Entity::find()
        .filter(stays::Column::MunicipalityId.eq(municipality_id))
        .filter(stays::Column::PlaceKind.is_in(["short_term_care", "long_term_care"]))
        .filter(stays::Column::StartedOn.lte(last))
        .filter(
            Condition::any()
                .add(stays::Column::EndedOn.is_null())
                .add(stays::Column::EndedOn.gte(first)),
        )
        .all(db)
        .await?;
    // One resident pays a care fee: the one who arrived last (the others
    // are left without income, shown as the run's problems).
    let resident = residents
        .iter()
        .max_by_key(|s| (s.started_on, s.id))
        .map(|s| s.person_id);
    let people: BTreeSet<Uuid> = visits
        .iter()
        .map(|v| v.person_id)
        .chain(riders.iter().map(|t| t.person_id))
        .chain(resident)
        .collect();
    // Income: 6 months before the month, a different amount each person
    // (480 … 1,180 EUR, all above 2 VRP).
    let mut months: Vec<YearMonth> = income_window(first).to_vec();
    months.extend(income_window(first - Duration::days(92)));
    for (i, person) in people.iter().enumerate() {
        let has = income_records::Entity::find()
            .filter(income_records::Column::PersonId.eq(*person))
            .count(db)
            .await?;
        if has > 0 {
            continue;
        }
        let amount = Decimal::from(480 + 100 * (i % 8) as i64);
        for m in &months {
            income_records::Entity::insert(income_records::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(municipality_id),
                person_id: Set(*person),
                year: Set(m.year),
                month: Set(i32::from(m.month)),
                amount: Set(amount),
                source: Set("sodra".to_owned()),
                note: Set(Some("Demonstraciniai duomenys".to_owned())),
                created_at: Set(now),
                created_by: Set(None),
            })
            .exec(db)
            .await?;
        }
    }
    // Fee records of the visits' decisions that have none.
    let decision_ids: BTreeSet<Uuid> = visits.iter().map(|v| v.decision_id).collect();
    let rates = crate::store::decisions::rates_in_force(db, municipality_id, first)
        .await
        .map_err(err)?;
    let rate = |k: RateKind| {
        rates
            .get(k.as_str())
            .copied()
            .ok_or_else(|| err(format!("no rate {k}")))
    };
    for id in decision_ids {
        let has = fee_records::Entity::find()
            .filter(fee_records::Column::DecisionId.eq(id))
            .count(db)
            .await?;
        let Some(decision) = decisions::Entity::find_by_id(id).one(db).await? else {
            continue;
        };
        if has > 0 || decision.fee_calculation.is_some() {
            continue;
        }
        let Some(v) = visits.iter().find(|v| v.decision_id == id) else {
            continue;
        };
        let income = income_records::Entity::find()
            .filter(income_records::Column::PersonId.eq(v.person_id))
            .one(db)
            .await?
            .map_or(Decimal::from(600), |r| r.amount);
        let input = HomeHelpFeeInput {
            income_per_member: income,
            members: 1,
            fee_base_income: income,
            vrp: rate(RateKind::Vrp)?,
            hours: Decimal::from(40),
            hourly_price: rate(RateKind::HomeHelpHourlyPrice)?,
            caps: HomeHelpCaps {
                from_2_to_3: rate(RateKind::HomeHelpCap2To3)?,
                from_3_to_4: rate(RateKind::HomeHelpCap3To4)?,
                from_4_to_5: rate(RateKind::HomeHelpCap4To5)?,
                from_5: rate(RateKind::HomeHelpCap5)?,
            },
        };
        let calc = home_help_fee(input);
        let from: Date = decision
            .service_from
            .unwrap_or(first)
            .replace_day(1)
            .map_err(err)?;
        let breakdown = FeeBreakdown::home_help(
            &v.service_code,
            from,
            &income_window(from),
            &calc,
            Vec::new(),
        );
        insert(
            db,
            NewFeeRecord {
                municipality_id,
                decision_id: id,
                person_id: v.person_id,
                service_code: v.service_code.clone(),
                fee_rule: "R-FEE-1".to_owned(),
                version: 1,
                effective_from: from,
                monthly_fee: calc.fee,
                calculation: serde_json::to_value(&breakdown).map_err(err)?,
                confirmed_by: decision.signed_by,
            },
            now,
        )
        .await
        .map_err(err)?;
    }
    Ok(())
}
