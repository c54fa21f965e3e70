//! Reads about people besides the file: the search, and eligibility hints.
//! Both show case content (personal codes, certificates, income), so both
//! are recorded with their purpose.

use super::PersonView;
use crate::actor::Actor;
use crate::app::common::{money, serde_code};
use crate::app::read::{self, ExportRecord};
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::export::{ExportFormat, MAX_ROWS, Table, ensure_within_limit};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::catalogue::{by_code, spec_of};
use crate::store::entities::persons as person_rows;
use crate::store::persons::{self, CodeFilter, Search};
use crate::store::{certificates, decisions, income, rates};
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::eligibility::{Certificate, CertificateKind, PersonFacts, hints};
use atvejis_domain::income::{average_income_per_member, members_on, missing_income};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

/// How far a search counts its matches: exactly up to 1,000, beyond that
/// "more than 1,000" (issue 13: an exact count of a broad search reads every
/// match).
pub const COUNT_UP_TO: u64 = 1_000;

/// A page of people.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PersonPage {
    /// People, by last and first name.
    pub items: Vec<PersonView>,
    /// All matches, counted up to [`COUNT_UP_TO`] (1,000).
    pub total: u64,
    /// More people match than `total` (1,000): narrow the search.
    pub more_than_total: bool,
    /// This page.
    pub page: u64,
    /// Page size.
    pub per_page: u64,
}

/// Searches people in the actor's scope. The results show personal codes,
/// so the search is recorded (R-ROLE-3) with its purpose: one record per
/// search (`person.search`), saying what kind of query it was (`name`,
/// `personal_code`, `eldership`, `all`, or several) and how many people it
/// found, never the query text itself (a personal code or a name is itself
/// personal data). Four queries: count, page, elderships, record.
pub async fn search(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    search: Search,
    page: u64,
    per_page: u64,
) -> ApiResult<PersonPage> {
    read::audited_event(state, actor, purpose, || async {
        let (rows, counted) =
            persons::search(&state.db, actor, &search, page, per_page, COUNT_UP_TO).await?;
        let (total, more_than_total) = (counted.min(COUNT_UP_TO), counted > COUNT_UP_TO);
        let items = views_of(state, rows).await?;
        let kinds = query_kinds(&search);
        let event = AuditEvent {
            action: AuditAction::PersonSearch,
            entity: "person",
            entity_id: None,
            summary: json!({
                "query": kinds,
                "results": items.len(),
                "total": total,
                "more_than_total": more_than_total,
                "page": page,
            }),
        };
        Ok((
            PersonPage {
                items,
                total,
                more_than_total,
                page,
                per_page,
            },
            event,
        ))
    })
    .await
}

/// The views of found people, with their elderships (one query).
async fn views_of(state: &AppState, rows: Vec<person_rows::Model>) -> ApiResult<Vec<PersonView>> {
    let places =
        persons::elderships_of(&state.db, rows.iter().filter_map(|p| p.eldership_id)).await?;
    Ok(rows
        .into_iter()
        .map(|p| {
            let eldership = p.eldership_id.and_then(|e| places.get(&e).cloned());
            PersonView::of(p, eldership)
        })
        .collect::<Result<Vec<_>, _>>()?)
}

/// The kinds of query a search used (`name`, `personal_code`, `eldership`,
/// or `all`), for its record.
fn query_kinds(search: &Search) -> Vec<&'static str> {
    let mut kinds = Vec::new();
    if !search.words.is_empty() {
        kinds.push("name");
    }
    if search.code != CodeFilter::Any {
        kinds.push("personal_code");
    }
    if search.eldership_id.is_some() {
        kinds.push("eldership");
    }
    if kinds.is_empty() {
        kinds.push("all");
    }
    kinds
}

/// The people a search finds, all of them (up to [`MAX_ROWS`]; 422
/// `export_too_large` beyond), in the search's order, as a file: the same
/// query and scope as [`search`], recorded as an export (`list.export`,
/// `persons`) with its purpose.
pub async fn export(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    search: Search,
    format: ExportFormat,
) -> ApiResult<Table> {
    let record = ExportRecord {
        list: "persons",
        entity_id: None,
        filters: query_kinds(&search),
        format,
    };
    read::audited_export(
        state,
        actor,
        Permission::ReadCaseContent,
        purpose,
        record,
        || async {
            let (rows, total) =
                persons::search(&state.db, actor, &search, 1, MAX_ROWS, MAX_ROWS).await?;
            ensure_within_limit(total)?;
            let mut table = Table::new(
                "Asmenys",
                &[
                    "pavarde",
                    "vardas",
                    "asmens_kodas",
                    "gimimo_data",
                    "deklaruota_gyvenamoji_vieta",
                    "seniunija",
                    "telefonas",
                    "el_pastas",
                ],
            );
            for p in views_of(state, rows).await? {
                table.push(vec![
                    p.last_name.into(),
                    p.first_name.into(),
                    p.personal_code.map(|c| c.as_str().to_owned()).into(),
                    p.birth_date.into(),
                    p.declared_address.into(),
                    p.eldership.map(|e| e.name).into(),
                    p.phone.into(),
                    p.email.into(),
                ]);
            }
            Ok(table)
        },
    )
    .await
}

/// One hint.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HintView {
    /// The rule, e.g. `R-EL-1`.
    pub rule: String,
    /// `met`, `not_met` or `unknown`.
    pub outcome: String,
    /// A stable code of the reason (translated by the client).
    pub reason: String,
}

/// Eligibility hints for a person and a service.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Eligibility {
    /// The service type.
    pub service_code: String,
    /// The rule of its recipients, if any.
    pub rule: Option<String>,
    /// The hints (never a block: the division decides).
    pub hints: Vec<HintView>,
    /// The person's average monthly income over the last 3 months, if recorded.
    #[schema(value_type = Option<String>)]
    pub income_per_member: Option<Decimal>,
    /// The VRP in force today.
    #[schema(value_type = Option<String>)]
    pub vrp: Option<Decimal>,
}

/// Eligibility hints (R-EL-1 … R-EL-5, R-CM-5) for person `id` and the
/// service `service_code`, as of today; recorded as
/// `person.eligibility_read` with its purpose (it shows certificates and
/// income).
pub async fn eligibility(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: Uuid,
    service_code: &str,
) -> ApiResult<Eligibility> {
    read::audited(
        state,
        actor,
        purpose,
        AuditAction::PersonEligibilityRead,
        "person",
        || async {
            let db = &state.db;
            let person = persons::find_scoped(db, actor, id).await?;
            let service = by_code(db, actor.municipality_id, service_code)
                .await?
                .ok_or_else(|| {
                    ApiError::invalid_field(
                        "service_code",
                        FieldCode::UnknownServiceType,
                        "is not in the catalogue",
                    )
                })?;
            let spec = spec_of(&service)?;
            let today = state.clock.today();
            let certificates = certificates::of_person(db, actor, person.id)
                .await?
                .into_iter()
                .filter_map(|c| {
                    Some(Certificate {
                        kind: CertificateKind::parse(&c.kind)?,
                        value: c.value,
                        valid_from: c.valid_from,
                        valid_until: c.valid_until,
                    })
                })
                .filter(|c| c.valid_on(today))
                .collect();
            // R-EL-2, R-EL-3: the family's average income per member (R-FEE-1),
            // counting the members of today; unknown while a month is missing.
            let family = decisions::fee_family(db, person.id, None, today).await?;
            let members = family
                .as_deref()
                .map(|f| members_on(f, today))
                .filter(|m| m.contains(&person.id))
                .unwrap_or_else(|| vec![person.id]);
            let records = income::records_of(db, &members).await?;
            let income = if missing_income(&members, &records, today).is_empty() {
                average_income_per_member(&members, &records, today)
                    .ok()
                    .map(|a| a.per_member)
            } else {
                None
            };
            let vrp = rates::in_force(db, actor.municipality_id, rates::VRP, today).await?;
            let age = person.birth_date.map(|born| {
                let years = today.year() - born.year();
                let before_birthday =
                    (today.month() as u8, today.day()) < (born.month() as u8, born.day());
                u32::try_from(years - i32::from(before_birthday)).unwrap_or(0)
            });
            let facts = PersonFacts {
                age,
                certificates,
                income_per_member: income,
                vrp,
                lives_in_municipality: person.declared_address.as_ref().map(|_| true),
            };
            let hint_views = spec
                .eligibility_rule
                .as_deref()
                .map(|rule| hints(rule, &facts))
                .unwrap_or_default()
                .into_iter()
                .map(|h| HintView {
                    rule: h.rule,
                    outcome: serde_code(&h.outcome),
                    reason: h.reason,
                })
                .collect();
            Ok((
                Eligibility {
                    service_code: service.code,
                    rule: spec.eligibility_rule,
                    hints: hint_views,
                    income_per_member: income.map(money),
                    vrp: vrp.map(money),
                },
                person.id.to_string(),
            ))
        },
    )
    .await
}
