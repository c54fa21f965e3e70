//! The header search: people, applications and cases the reader may see,
//! found by the same diacritics-insensitive folding as the persons search
//! (`zemaite` finds Žemaitė), a few of each.

use crate::actor::Actor;
use crate::app::applications::summaries;
use crate::app::cases::views::summaries as case_summaries;
use crate::app::persons::search::COUNT_UP_TO;
use crate::app::read;
use crate::app::worklist::RecordKind;
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditEvent};
use crate::store::persons::{self, CodeFilter, Search};
use crate::store::search as repo;
use atvejis_domain::access::{Permission, Purpose};
use atvejis_domain::text::fold_for_search;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

/// Most hits of each kind.
pub const HITS_PER_KIND: u64 = 5;

/// Fewest letters or digits a query must have.
pub const MIN_QUERY_CHARS: usize = 2;

/// One record found.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchHit {
    /// The record's id.
    pub id: Uuid,
    /// What kind of record (`person`, `application`, `case`).
    pub record: RecordKind,
    /// The person's name, the application's person, the case's number.
    pub title: String,
    /// More about it in Lithuanian: a person's personal code or birth date,
    /// an application's service, a case's family.
    pub detail: Option<String>,
    /// The detail in English, where it differs.
    pub detail_en: Option<String>,
    /// An application's status code.
    pub status: Option<String>,
    /// Where the SPA opens it.
    pub link: String,
}

/// The hits of one kind.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchGroup {
    /// Which kind.
    pub record: RecordKind,
    /// How many match in all, counted up to 1,000.
    pub total: u64,
    /// More match than `total` (beyond 1,000).
    pub more_than_total: bool,
    /// The first few.
    pub items: Vec<SearchHit>,
}

impl SearchGroup {
    /// The group of `record` whose first hits are `items`, of `counted`
    /// matches counted up to one past [`COUNT_UP_TO`].
    fn new(record: RecordKind, counted: u64, items: Vec<SearchHit>) -> Self {
        SearchGroup {
            record,
            total: counted.min(COUNT_UP_TO),
            more_than_total: counted > COUNT_UP_TO,
            items,
        }
    }
}

/// What the search found.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchResults {
    /// People, then applications, then cases (for those who read cases);
    /// a kind with no hits is listed with none.
    pub groups: Vec<SearchGroup>,
}

/// The folded words of `q`; 422 (`q`, `too_short`) when they hold fewer
/// than [`MIN_QUERY_CHARS`] letters or digits.
pub fn query_words(q: &str) -> ApiResult<Vec<String>> {
    let folded = fold_for_search(q);
    let words: Vec<String> = folded.split_whitespace().map(str::to_owned).collect();
    if words.iter().map(|w| w.chars().count()).sum::<usize>() < MIN_QUERY_CHARS {
        return Err(ApiError::invalid_field(
            "q",
            FieldCode::TooShort,
            format!("type at least {MIN_QUERY_CHARS} letters or digits"),
        ));
    }
    Ok(words)
}

/// Searches people, applications and (for those who read cases) cases in
/// the actor's scope for `q`. The hits show names and personal codes, so
/// the search is a read of case content, recorded once (`search.read`)
/// with its `purpose` and how many of each kind it found, never the query.
pub async fn search(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    q: &str,
) -> ApiResult<SearchResults> {
    actor.require(Permission::ReadCaseContent)?;
    let words = query_words(q)?;
    read::audited_event(state, actor, purpose, || async {
        let db = &state.db;
        let today = state.clock.today();
        // The kinds are sought at once, each on a connection of its own: the
        // answer waits for the slowest, not for all three in turn.
        let people = async {
            let people = Search {
                words: words.clone(),
                code: CodeFilter::Any,
                eldership_id: None,
            };
            let (rows, counted) =
                persons::search(db, actor, &people, 1, HITS_PER_KIND, COUNT_UP_TO).await?;
            ApiResult::Ok(SearchGroup::new(
                RecordKind::Person,
                counted,
                rows.into_iter()
                    .map(|p| SearchHit {
                        id: p.id,
                        record: RecordKind::Person,
                        title: format!("{} {}", p.first_name, p.last_name),
                        detail: p
                            .personal_code
                            .clone()
                            .or_else(|| p.birth_date.map(|d| d.to_string())),
                        detail_en: None,
                        status: None,
                        link: format!("/persons/{}", p.id),
                    })
                    .collect(),
            ))
        };
        let applications = async {
            let (rows, counted) =
                repo::applications(db, actor, &words, HITS_PER_KIND, COUNT_UP_TO + 1).await?;
            ApiResult::Ok(SearchGroup::new(
                RecordKind::Application,
                counted,
                summaries(db, rows, today)
                    .await?
                    .into_iter()
                    .map(|a| SearchHit {
                        id: a.id,
                        record: RecordKind::Application,
                        title: format!("{} {}", a.person.first_name, a.person.last_name),
                        detail: Some(a.service_type.name_lt),
                        detail_en: Some(a.service_type.name_en),
                        status: Some(a.status.as_str().to_owned()),
                        link: format!("/applications/{}", a.id),
                    })
                    .collect(),
            ))
        };
        let cases = async {
            if !actor.can(Permission::ReadCases) {
                return ApiResult::Ok(None);
            }
            let (rows, counted) =
                repo::cases(db, actor, q.trim(), &words, HITS_PER_KIND, COUNT_UP_TO + 1).await?;
            Ok(Some(SearchGroup::new(
                RecordKind::Case,
                counted,
                case_summaries(db, rows, today)
                    .await?
                    .into_iter()
                    .map(|c| SearchHit {
                        id: c.id,
                        record: RecordKind::Case,
                        title: c.number,
                        detail: Some(c.family.name),
                        detail_en: None,
                        status: None,
                        link: format!("/cases/{}", c.id),
                    })
                    .collect(),
            )))
        };
        let (people, applications, cases) = tokio::try_join!(people, applications, cases)?;
        let groups: Vec<SearchGroup> = [people, applications].into_iter().chain(cases).collect();
        let found: serde_json::Map<String, serde_json::Value> = groups
            .iter()
            .map(|g| {
                (
                    serde_json::to_value(g.record)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    json!(g.total),
                )
            })
            .collect();
        let event = AuditEvent {
            action: AuditAction::SearchRead,
            entity: "search",
            entity_id: None,
            summary: json!({ "found": found, "words": words.len() }),
        };
        Ok((SearchResults { groups }, event))
    })
    .await
}
