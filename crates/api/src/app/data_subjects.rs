//! The data subject's questions (GDPR art. 15; CJEU C-579/21): an auditor or
//! the data protection officer (`answer_data_subjects`) finds a person of
//! their municipality, sees every read and write of the person's data with
//! the staff member's full name and purpose, and exports everything stored
//! about them with that log (JSON, PDF). Each lookup, read of the log and
//! export is itself recorded with the purpose `data_subject_request`; an
//! answer whose record cannot be written is refused.

use crate::actor::Actor;
use crate::app::cases::plan_pdf::issuer_of;
use crate::app::persons::PersonView;
use crate::app::persons::search::COUNT_UP_TO;
use crate::documents::{self, DataSubjectDocument, DocField, DocTable};
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::export::{Cell, ExportFormat, Table};
use crate::state::AppState;
use crate::store::audit::{AuditAction, AuditActor, AuditEvent};
use crate::store::data_subjects::{self as repo, AccessQuery};
use crate::store::entities::{audit_log, persons as person_rows, users};
use crate::store::error::StoreError;
use crate::store::persons::{self, CodeFilter, Search};
use atvejis_domain::access::{Permission, Purpose, Role};
use atvejis_domain::personal_code::PersonalCode;
use atvejis_domain::text::fold_for_search;
use sea_orm::EntityTrait;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// The largest page of accesses.
pub const MAX_LIMIT: u64 = 200;

/// The most people a lookup shows.
const SEARCH_LIMIT: u64 = 20;

/// The most records an export holds (a person's whole history fits).
const EXPORT_LIMIT: u64 = 100_000;

/// What a record of the access log did to the person's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccessKind {
    /// Read (recorded with its purpose).
    Read,
    /// Changed or created.
    Write,
    /// Exported (a data subject export).
    Export,
}

impl AccessKind {
    fn of(row: &audit_log::Model, action: AuditAction) -> Self {
        if action == AuditAction::DataSubjectExport {
            AccessKind::Export
        } else if row.summary.get("purpose").is_some() {
            AccessKind::Read
        } else {
            AccessKind::Write
        }
    }

    fn label(self) -> &'static str {
        match self {
            AccessKind::Read => "Peržiūrėjo",
            AccessKind::Write => "Keitė",
            AccessKind::Export => "Eksportavo",
        }
    }
}

/// One read or write of the person's data.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DataSubjectAccess {
    /// The audit record's id.
    pub id: Uuid,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Read, write or export.
    pub kind: AccessKind,
    /// What was done.
    pub action: AuditAction,
    /// Which kind of record: `person`, `application`, `decision`, `family`,
    /// `case`, `stay`, `queue_entry`, `offer`, `fee_record`, `trip`,
    /// `schedule`, `visit`, `coupon_grant`, `aid_loan`, `aid_waiting`.
    pub entity: String,
    /// Which record.
    pub entity_id: Option<String>,
    /// `user`, `service` or `system`.
    pub actor_kind: String,
    /// The staff member's full name (a service account's name; a system
    /// task's name).
    pub actor_name: String,
    /// The username or client id as recorded.
    pub actor_username: String,
    /// The staff member's roles (today's: roles at the time are not
    /// recorded).
    pub actor_roles: Vec<Role>,
    /// Why it was read (reads and exports).
    pub purpose: Option<Purpose>,
    /// The record's summary (what changed, how many were found, …).
    pub summary: Value,
}

fn require(actor: &Actor) -> ApiResult<()> {
    actor.require(Permission::AnswerDataSubjects)
}

/// Records `event` about the data subject request (purpose
/// `data_subject_request`), committed before the answer leaves.
async fn record(state: &AppState, actor: &Actor, event: AuditEvent) -> ApiResult<()> {
    state
        .reads
        .record(
            &AuditActor::of(actor),
            state.clock.now(),
            event,
            Purpose::DataSubjectRequest,
        )
        .await
        .map_err(ApiError::from)
}

/// Finds people of the actor's municipality (every eldership) by name
/// (words, case- and diacritics-insensitive) or by personal code, at most
/// 20, by last and first name. The lookup is recorded
/// (`data_subject.search`: the kind of query and how many were found, never
/// the query text).
pub async fn search(state: &AppState, actor: &Actor, q: &str) -> ApiResult<Vec<PersonView>> {
    require(actor)?;
    let q = q.trim();
    if q.is_empty() {
        return Err(ApiError::invalid_field(
            "q",
            FieldCode::Required,
            "give a name or a personal code",
        ));
    }
    let is_code = q.len() == 11 && q.chars().all(|c| c.is_ascii_digit());
    let search = if is_code {
        Search {
            words: Vec::new(),
            code: PersonalCode::parse(q).map_or(CodeFilter::Nobody, CodeFilter::Exactly),
            eldership_id: None,
        }
    } else {
        Search {
            words: fold_for_search(q)
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
            code: CodeFilter::Any,
            eldership_id: None,
        }
    };
    if search.words.is_empty() && search.code == CodeFilter::Any {
        return Err(ApiError::invalid_field(
            "q",
            FieldCode::Invalid,
            "give a name or a personal code",
        ));
    }
    let (rows, total) =
        persons::search(&state.db, actor, &search, 1, SEARCH_LIMIT, COUNT_UP_TO).await?;
    let places =
        persons::elderships_of(&state.db, rows.iter().filter_map(|p| p.eldership_id)).await?;
    let items: Vec<PersonView> = rows
        .into_iter()
        .map(|p| {
            let eldership = p.eldership_id.and_then(|e| places.get(&e).cloned());
            PersonView::of(p, eldership)
        })
        .collect::<Result<_, _>>()?;
    let event = AuditEvent {
        action: AuditAction::DataSubjectSearch,
        entity: "person",
        entity_id: None,
        summary: json!({
            "query": if is_code { "personal_code" } else { "name" },
            "results": items.len(),
            "total": total,
        }),
    };
    record(state, actor, event).await?;
    Ok(items)
}

/// The person `id` of the actor's municipality (404 otherwise).
async fn subject(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<person_rows::Model> {
    repo::person(&state.db, actor.municipality_id, id)
        .await?
        .ok_or_else(|| StoreError::NotFound("person").into())
}

/// At most `limit` accesses to the person's data, newest first, with the
/// staff members' full names (no recording: callers record).
async fn load_accesses(
    state: &AppState,
    actor: &Actor,
    person_id: Uuid,
    query: &AccessQuery,
    limit: u64,
) -> ApiResult<Vec<DataSubjectAccess>> {
    let related = repo::related(&state.db, actor.municipality_id, person_id).await?;
    let rows = repo::accesses(&state.db, actor.municipality_id, &related, query, limit).await?;
    let mut ids: Vec<Uuid> = rows.iter().filter_map(|r| r.actor_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let who = repo::actors(&state.db, &ids).await?;
    rows.into_iter()
        .map(|row| {
            let action = AuditAction::parse(&row.action)
                .ok_or_else(|| StoreError::corrupt("audit record", &row.action))?;
            let info = row.actor_id.and_then(|id| who.get(&id));
            Ok(DataSubjectAccess {
                id: row.id,
                at: row.at,
                kind: AccessKind::of(&row, action),
                action,
                purpose: row
                    .summary
                    .get("purpose")
                    .and_then(Value::as_str)
                    .and_then(Purpose::parse),
                entity: row.entity,
                entity_id: row.entity_id,
                actor_kind: row.actor_kind,
                actor_name: info.map_or_else(|| row.actor_name.clone(), |i| i.name.clone()),
                actor_username: row.actor_name,
                actor_roles: info.map(|i| i.roles.clone()).unwrap_or_default(),
                summary: row.summary,
            })
        })
        .collect()
}

/// A page of at most `limit` accesses to person `id`'s data (and whether
/// older ones follow), recorded as `data_subject.accesses_read`.
pub async fn accesses(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    query: &AccessQuery,
    limit: u64,
) -> ApiResult<(Vec<DataSubjectAccess>, bool)> {
    require(actor)?;
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::invalid_field(
            "limit",
            FieldCode::Range,
            format!("must be between 1 and {MAX_LIMIT}"),
        ));
    }
    check_period(query)?;
    subject(state, actor, id).await?;
    let mut items = load_accesses(state, actor, id, query, limit + 1).await?;
    let more = items.len() as u64 > limit;
    items.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    record(
        state,
        actor,
        AuditEvent::new(AuditAction::DataSubjectAccessesRead, "person", id)
            .summary(json!({ "records": items.len() })),
    )
    .await?;
    Ok((items, more))
}

fn check_period(query: &AccessQuery) -> ApiResult<()> {
    if let (Some(from), Some(to)) = (query.from, query.to)
        && to < from
    {
        return Err(ApiError::invalid_field(
            "to",
            FieldCode::Range,
            "must not be before from",
        ));
    }
    Ok(())
}

/// The Lithuanian name of a kind of record.
pub fn entity_label(entity: &str) -> &str {
    match entity {
        "person" => "Asmens byla",
        "application" => "Prašymas (SP-8)",
        "decision" => "Sprendimas (SP-9)",
        "family" => "Šeima",
        "case" => "Atvejo vadyba",
        "stay" => "Gyvenimas įstaigoje",
        "queue_entry" => "Eilė į įstaigą",
        "offer" => "Vietos pasiūlymas",
        "fee_record" => "Mokėjimo įrašas",
        "trip" => "Transporto kelionė",
        "schedule" => "Pagalbos namuose grafikas",
        "visit" => "Apsilankymas namuose",
        "coupon_grant" => "Maisto talonai",
        "aid_loan" => "Techninė pagalbos priemonė",
        "aid_waiting" => "Eilė techninei priemonei",
        other => other,
    }
}

/// The Lithuanian name of a purpose.
pub fn purpose_label(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::Intake => "Prašymo priėmimas",
        Purpose::NeedsAssessment => "Poreikio vertinimas",
        Purpose::Decision => "Sprendimo priėmimas",
        Purpose::CaseManagement => "Atvejo vadyba",
        Purpose::ServiceDelivery => "Paslaugų teikimas",
        Purpose::Payment => "Mokėjimo skaičiavimas",
        Purpose::Correction => "Duomenų taisymas",
        Purpose::DataSubjectRequest => "Asmens prašymas dėl jo duomenų",
        Purpose::Supervision => "Priežiūra ar vidaus patikra",
    }
}

/// The Lithuanian name of a role.
fn role_label(role: Role) -> &'static str {
    match role {
        Role::SocialWorker => "Socialinio darbo specialistas",
        Role::CaseManager => "Atvejo vadybininkas",
        Role::CaseManagementHead => "Atvejo vadybos padalinio vadovas",
        Role::DivisionSpecialist => "Socialinės paramos skyriaus specialistas",
        Role::DivisionHead => "Socialinės paramos skyriaus vedėjas",
        Role::Auditor => "Auditorius",
        Role::DataProtectionOfficer => "Duomenų apsaugos pareigūnas",
        Role::Admin => "Administratorius",
    }
}

fn roles_text(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| role_label(*r))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Local (Lithuanian) date and time of an instant, `YYYY-MM-DD HH:MM`.
fn local_time(at: OffsetDateTime) -> String {
    let offset = atvejis_domain::calendar::lithuanian_offset(at);
    let t = at.to_offset(offset);
    format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute())
}

/// The accesses as a table (Lithuanian headers and labels).
fn access_table(items: &[DataSubjectAccess]) -> Table {
    let mut table = Table::new(
        "Prieigos",
        &[
            "Kada",
            "Darbuotojas",
            "Pareigos",
            "Veiksmas",
            "Veiksmo kodas",
            "Įrašas",
            "Įrašo ID",
            "Tikslas",
        ],
    );
    for a in items {
        table.push(vec![
            Cell::Text(local_time(a.at)),
            Cell::Text(a.actor_name.clone()),
            Cell::Text(roles_text(&a.actor_roles)),
            Cell::Text(a.kind.label().to_owned()),
            Cell::Text(a.action.as_str().to_owned()),
            Cell::Text(entity_label(&a.entity).to_owned()),
            a.entity_id.clone().map_or(Cell::Empty, Cell::Text),
            a.purpose
                .map_or(Cell::Empty, |p| Cell::Text(purpose_label(p).to_owned())),
        ]);
    }
    table
}

/// The accesses to person `id`'s data in the period as a CSV or XLSX file,
/// recorded as an export (`data_subject.export`, with the format and the
/// number of rows).
pub async fn accesses_file(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    query: &AccessQuery,
    format: ExportFormat,
) -> ApiResult<actix_web::HttpResponse> {
    require(actor)?;
    check_period(query)?;
    let person = subject(state, actor, id).await?;
    let query = AccessQuery {
        before: None,
        ..query.clone()
    };
    let items = load_accesses(state, actor, id, &query, EXPORT_LIMIT).await?;
    let table = access_table(&items);
    let format_code = match format {
        ExportFormat::Csv => "csv",
        ExportFormat::Xlsx => "xlsx",
    };
    let response = table.download(format, &file_stem("prieigos", &person))?;
    record(
        state,
        actor,
        AuditEvent::new(AuditAction::DataSubjectExport, "person", id).summary(json!({
            "what": "accesses",
            "format": format_code,
            "rows": items.len(),
        })),
    )
    .await?;
    Ok(response)
}

/// `<what>-<last>-<first>` in ASCII letters, for a file name.
fn file_stem(what: &str, person: &person_rows::Model) -> String {
    let name = fold_for_search(&format!("{} {}", person.last_name, person.first_name));
    format!(
        "{what}-{}",
        name.split_whitespace().collect::<Vec<_>>().join("-")
    )
}

/// Everything stored about person `id` and every access to it, as JSON
/// (without recording).
async fn export_value(
    state: &AppState,
    actor: &Actor,
    person: &person_rows::Model,
) -> ApiResult<(Map<String, Value>, Vec<DataSubjectAccess>)> {
    let data = repo::stored_data(&state.db, actor.municipality_id, person).await?;
    let accesses = load_accesses(
        state,
        actor,
        person.id,
        &AccessQuery::default(),
        EXPORT_LIMIT,
    )
    .await?;
    Ok((data, accesses))
}

/// A data subject export: its file name and bytes.
#[derive(Debug)]
pub struct ExportFile {
    /// `duomenys-<name>.json` / `.pdf`.
    pub file_name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// Everything stored about person `id` and the log of reads and writes of
/// it, as a JSON file; recorded as `data_subject.export` (format `json`).
pub async fn export_json(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<ExportFile> {
    require(actor)?;
    let person = subject(state, actor, id).await?;
    let (mut data, accesses) = export_value(state, actor, &person).await?;
    let count = accesses.len();
    let mut out = Map::new();
    out.insert(
        "generated_at".into(),
        Value::String(
            state
                .clock
                .now()
                .format(&time::format_description::well_known::Rfc3339)
                .map_err(ApiError::internal)?,
        ),
    );
    out.append(&mut data);
    out.insert(
        "accesses".into(),
        serde_json::to_value(&accesses).map_err(ApiError::internal)?,
    );
    let bytes = serde_json::to_vec_pretty(&Value::Object(out)).map_err(ApiError::internal)?;
    record(
        state,
        actor,
        AuditEvent::new(AuditAction::DataSubjectExport, "person", id).summary(json!({
            "what": "data",
            "format": "json",
            "accesses": count,
        })),
    )
    .await?;
    Ok(ExportFile {
        file_name: format!("{}.json", file_stem("duomenys", &person)),
        bytes,
    })
}

/// The same as [`export_json`] as a readable Lithuanian PDF; recorded as
/// `data_subject.export` (format `pdf`).
pub async fn export_pdf(state: &AppState, actor: &Actor, id: Uuid) -> ApiResult<ExportFile> {
    require(actor)?;
    let person = subject(state, actor, id).await?;
    let (data, accesses) = export_value(state, actor, &person).await?;
    let (municipality, issuer) = issuer_of(&state.db, actor.municipality_id).await?;
    let prepared_by = match actor.principal {
        crate::actor::Principal::User { id, ref username } => users::Entity::find_by_id(id)
            .one(&state.db)
            .await
            .map_err(StoreError::from)?
            .map_or_else(|| username.clone(), |u| u.display_name),
        crate::actor::Principal::Service { ref client_id, .. } => client_id.clone(),
    };
    let count = accesses.len();
    let doc = DataSubjectDocument {
        municipality,
        issuer,
        person_name: format!("{} {}", person.first_name, person.last_name),
        facts: facts(&person),
        sections: sections(&data),
        accesses: DocTable {
            title: "Kas peržiūrėjo ar keitė jūsų duomenis".into(),
            columns: ["Kada", "Darbuotojas", "Veiksmas", "Įrašas", "Tikslas"]
                .map(String::from)
                .to_vec(),
            rows: accesses
                .iter()
                .map(|a| {
                    vec![
                        local_time(a.at),
                        if a.actor_roles.is_empty() {
                            a.actor_name.clone()
                        } else {
                            format!("{} ({})", a.actor_name, roles_text(&a.actor_roles))
                        },
                        a.kind.label().to_owned(),
                        entity_label(&a.entity).to_owned(),
                        a.purpose
                            .map_or_else(String::new, |p| purpose_label(p).to_owned()),
                    ]
                })
                .collect(),
        },
        prepared_by,
        printed_on: state.clock.today(),
    };
    let bytes = tokio::task::spawn_blocking(move || documents::data_subject_pdf(&doc))
        .await
        .map_err(ApiError::internal)??;
    record(
        state,
        actor,
        AuditEvent::new(AuditAction::DataSubjectExport, "person", id).summary(json!({
            "what": "data",
            "format": "pdf",
            "accesses": count,
        })),
    )
    .await?;
    Ok(ExportFile {
        file_name: format!("{}.pdf", file_stem("duomenys", &person)),
        bytes,
    })
}

fn or_dash(value: Option<&str>) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => v.to_owned(),
        _ => "—".to_owned(),
    }
}

fn facts(p: &person_rows::Model) -> Vec<DocField> {
    let birth = p.birth_date.map(|d| d.to_string());
    [
        ("Vardas", Some(p.first_name.as_str())),
        ("Pavardė", Some(p.last_name.as_str())),
        ("Asmens kodas", p.personal_code.as_deref()),
        ("Gimimo data", birth.as_deref()),
        ("Deklaruota gyvenamoji vieta", p.declared_address.as_deref()),
        ("Telefonas", p.phone.as_deref()),
        ("El. paštas", p.email.as_deref()),
    ]
    .into_iter()
    .map(|(label, value)| DocField {
        label: label.to_owned(),
        value: or_dash(value),
    })
    .collect()
}

/// A field of a stored row as text ("—" when empty).
fn field(row: &Value, key: &str) -> String {
    match row.get(key) {
        None | Some(Value::Null) => "—".to_owned(),
        Some(Value::String(s)) => or_dash(Some(s)),
        Some(other) => other.to_string(),
    }
}

/// The stored records as tables: `(key, title, [(header, field)])`.
fn sections(data: &Map<String, Value>) -> Vec<DocTable> {
    type Section = (
        &'static str,
        &'static str,
        &'static [(&'static str, &'static str)],
    );
    const SECTIONS: &[Section] = &[
        (
            "income",
            "Pajamos",
            &[
                ("Metai", "year"),
                ("Mėnuo", "month"),
                ("Suma, Eur", "amount"),
                ("Šaltinis", "source"),
            ],
        ),
        (
            "certificates",
            "Pažymos",
            &[
                ("Rūšis", "kind"),
                ("Reikšmė", "value"),
                ("Galioja nuo", "valid_from"),
                ("Galioja iki", "valid_until"),
            ],
        ),
        (
            "applications",
            "Prašymai (SP-8)",
            &[
                ("Gautas", "received_on"),
                ("Paslauga", "service_code"),
                ("Būsena", "status"),
                ("Sprendimo terminas", "decision_due_on"),
            ],
        ),
        (
            "decisions",
            "Sprendimai (SP-9)",
            &[
                ("Priimtas", "decided_on"),
                ("Rezultatas", "outcome"),
                ("Būsena", "status"),
                ("Mokestis per mėn., Eur", "monthly_fee"),
            ],
        ),
        (
            "fee_records",
            "Mokėjimo įrašai",
            &[
                ("Galioja nuo", "effective_from"),
                ("Paslauga", "service_code"),
                ("Mokestis per mėn., Eur", "monthly_fee"),
            ],
        ),
        (
            "queue_entries",
            "Eilės",
            &[
                ("Įrašyta", "joined_at"),
                ("Vietos rūšis", "place_kind"),
                ("Būsena", "status"),
                ("Vieta eilėje", "position"),
            ],
        ),
        (
            "stays",
            "Gyvenimas įstaigose",
            &[
                ("Nuo", "started_on"),
                ("Iki", "ended_on"),
                ("Vietos rūšis", "place_kind"),
            ],
        ),
        (
            "delivery_visits",
            "Pagalba namuose: apsilankymai",
            &[
                ("Data", "visit_on"),
                ("Paslauga", "service_code"),
                ("Valandos", "hours"),
            ],
        ),
        (
            "trips",
            "Transporto kelionės",
            &[
                ("Data", "trip_on"),
                ("Kur", "destination"),
                ("Būsena", "status"),
            ],
        ),
        (
            "aid_loans",
            "Techninės pagalbos priemonės",
            &[
                ("Išduota", "issued_on"),
                ("Priemonė", "aid_type"),
                ("Grąžinta", "returned_on"),
            ],
        ),
        (
            "charges",
            "Priskaičiuoti mokėjimai",
            &[
                ("Nuo", "period_from"),
                ("Iki", "period_to"),
                ("Paslauga", "service_code"),
                ("Suma, Eur", "amount"),
            ],
        ),
        (
            "cases",
            "Atvejo vadyba",
            &[
                ("Nr.", "number"),
                ("Pradėta", "opened_on"),
                ("Baigta", "closed_on"),
            ],
        ),
    ];
    let mut out = Vec::new();
    for (key, title, cols) in SECTIONS {
        let rows = data
            .get(*key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        out.push(DocTable {
            title: (*title).to_owned(),
            columns: cols.iter().map(|(h, _)| (*h).to_owned()).collect(),
            rows: rows
                .iter()
                .map(|r| cols.iter().map(|(_, f)| field(r, f)).collect())
                .collect(),
        });
        if *key == "certificates" {
            out.push(families_table(data));
        }
    }
    out
}

fn families_table(data: &Map<String, Value>) -> DocTable {
    let families = data
        .get("families")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    DocTable {
        title: "Šeimos".into(),
        columns: ["Šeima", "Jūsų ryšys", "Nariai"].map(String::from).to_vec(),
        rows: families
            .iter()
            .map(|f| {
                let members = f
                    .get("members")
                    .and_then(Value::as_array)
                    .map(|m| {
                        m.iter()
                            .map(|m| field(m, "name"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                vec![
                    field(f, "name"),
                    f.get("membership")
                        .map_or_else(|| "—".into(), |m| field(m, "relation")),
                    members,
                ]
            })
            .collect(),
    }
}
