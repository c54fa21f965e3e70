//! The data subject's questions (GDPR art. 15): which records are about a
//! person, who read or changed them (the audit log), and everything stored
//! about them. Municipality-wide: whoever answers (an auditor, the data
//! protection officer) sees every eldership's people of their municipality.

use crate::store::entities::{
    aid_loans, aid_waiting, applications, audit_log, case_children, cases, charge_lines,
    coupon_grants, coupon_issues, decisions, delivery_schedules, delivery_visits, families,
    family_members, fee_records, income_records, meal_list_entries, person_certificates, persons,
    place_offers, queue_entries, service_accounts, stays, trips, users,
};
use crate::store::error::StoreResult;
use crate::store::users::roles_of_many;
use atvejis_domain::access::Role;
use sea_orm::sea_query::Value as SqlValue;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, IdenStatic, Iterable, ModelTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::{Map, Value};
use std::collections::HashMap;
use time::OffsetDateTime;
use uuid::Uuid;

/// The person `id` of `municipality_id` (any eldership).
pub async fn person<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<persons::Model>> {
    Ok(persons::Entity::find_by_id(id)
        .filter(persons::Column::MunicipalityId.eq(municipality_id))
        .one(db)
        .await?)
}

/// The records about a person, as the audit log names them: entity type and
/// the ids of that type (the person, their applications and those
/// applications' decisions, the families they belong or belonged to, the
/// cases of those families or naming them as a child, stays, queue entries,
/// place offers, fee records, trips, home-help schedules and visits, meal
/// coupon grants, aid loans and aid waiting entries). Audit records of lists
/// of many people (a meal list, a charge run, a fee review month) name no
/// person and are not among them.
pub async fn related<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    person_id: Uuid,
) -> StoreResult<Vec<(&'static str, Vec<String>)>> {
    async fn ids<C: ConnectionTrait, E: EntityTrait>(
        db: &C,
        id_column: E::Column,
        municipality: E::Column,
        municipality_id: Uuid,
        person: E::Column,
        person_id: Uuid,
    ) -> StoreResult<Vec<Uuid>> {
        Ok(E::find()
            .select_only()
            .column(id_column)
            .filter(municipality.eq(municipality_id))
            .filter(person.eq(person_id))
            .into_tuple()
            .all(db)
            .await?)
    }
    macro_rules! of_person {
        ($module:ident) => {
            ids::<C, $module::Entity>(
                db,
                $module::Column::Id,
                $module::Column::MunicipalityId,
                municipality_id,
                $module::Column::PersonId,
                person_id,
            )
            .await?
        };
    }
    let application_ids = of_person!(applications);
    let decision_ids: Vec<Uuid> = if application_ids.is_empty() {
        Vec::new()
    } else {
        decisions::Entity::find()
            .select_only()
            .column(decisions::Column::Id)
            .filter(decisions::Column::MunicipalityId.eq(municipality_id))
            .filter(decisions::Column::ApplicationId.is_in(application_ids.clone()))
            .into_tuple()
            .all(db)
            .await?
    };
    let family_ids: Vec<Uuid> = family_members::Entity::find()
        .select_only()
        .column(family_members::Column::FamilyId)
        .filter(family_members::Column::PersonId.eq(person_id))
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    let mut case_condition = Condition::any().add(
        cases::Column::Id.in_subquery(
            sea_orm::sea_query::Query::select()
                .column(case_children::Column::CaseId)
                .from(case_children::Entity)
                .and_where(case_children::Column::PersonId.eq(person_id))
                .to_owned(),
        ),
    );
    if !family_ids.is_empty() {
        case_condition = case_condition.add(cases::Column::FamilyId.is_in(family_ids.clone()));
    }
    let case_ids: Vec<Uuid> = cases::Entity::find()
        .select_only()
        .column(cases::Column::Id)
        .filter(cases::Column::MunicipalityId.eq(municipality_id))
        .filter(case_condition)
        .into_tuple()
        .all(db)
        .await?;
    let text = |ids: Vec<Uuid>| ids.into_iter().map(|i| i.to_string()).collect::<Vec<_>>();
    Ok(vec![
        ("person", vec![person_id.to_string()]),
        ("application", text(application_ids)),
        ("decision", text(decision_ids)),
        ("family", text(family_ids)),
        ("case", text(case_ids)),
        ("stay", text(of_person!(stays))),
        ("queue_entry", text(of_person!(queue_entries))),
        ("offer", text(of_person!(place_offers))),
        ("fee_record", text(of_person!(fee_records))),
        ("trip", text(of_person!(trips))),
        ("schedule", text(of_person!(delivery_schedules))),
        ("visit", text(of_person!(delivery_visits))),
        ("coupon_grant", text(of_person!(coupon_grants))),
        ("aid_loan", text(of_person!(aid_loans))),
        ("aid_waiting", text(of_person!(aid_waiting))),
    ])
}

/// A period and a cursor over the audit records about a person.
#[derive(Debug, Clone, Default)]
pub struct AccessQuery {
    /// From this time on.
    pub from: Option<OffsetDateTime>,
    /// Before this time.
    pub to: Option<OffsetDateTime>,
    /// Only records older than this one.
    pub before: Option<Uuid>,
}

/// At most `limit` audit records of `municipality_id` about the `related`
/// records, newest first, in one query: each (entity, ids) pair is an
/// equality on `entity` and an `IN` list on `entity_id`, which the index
/// `ix_audit_municipality_entity` (municipality, entity, entity_id, id)
/// answers without reading the rest of the log.
pub async fn accesses<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    related: &[(&'static str, Vec<String>)],
    q: &AccessQuery,
    limit: u64,
) -> StoreResult<Vec<audit_log::Model>> {
    let mut about = Condition::any();
    for (entity, ids) in related.iter().filter(|(_, ids)| !ids.is_empty()) {
        about = about.add(
            Condition::all()
                .add(audit_log::Column::Entity.eq(*entity))
                .add(audit_log::Column::EntityId.is_in(ids.iter().map(String::as_str))),
        );
    }
    let mut query = audit_log::Entity::find()
        .filter(audit_log::Column::MunicipalityId.eq(municipality_id))
        .filter(about);
    if let Some(from) = q.from {
        query = query.filter(audit_log::Column::At.gte(from));
    }
    if let Some(to) = q.to {
        query = query.filter(audit_log::Column::At.lt(to));
    }
    if let Some(cursor) = q.before {
        query = query.filter(audit_log::Column::Id.lt(cursor));
    }
    Ok(query
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Who an actor of the audit log is: a member of staff's full name and
/// their roles (today's), or a service account's name.
#[derive(Debug, Clone)]
pub struct ActorInfo {
    /// Full name, or the service account's name.
    pub name: String,
    /// The member of staff's current roles (none for a service account).
    pub roles: Vec<Role>,
}

/// The staff members and service accounts `ids`, by id (three queries).
pub async fn actors<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
) -> StoreResult<HashMap<Uuid, ActorInfo>> {
    let mut out = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let staff = users::Entity::find()
        .filter(users::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let user_ids: Vec<Uuid> = staff.iter().map(|u| u.id).collect();
    let mut roles = roles_of_many(db, &user_ids).await?;
    for user in staff {
        out.insert(
            user.id,
            ActorInfo {
                name: user.display_name,
                roles: roles.remove(&user.id).unwrap_or_default(),
            },
        );
    }
    for account in service_accounts::Entity::find()
        .filter(service_accounts::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        out.insert(
            account.id,
            ActorInfo {
                name: account.name,
                roles: Vec::new(),
            },
        );
    }
    Ok(out)
}

/// A stored row as JSON: every column by its name (ids and dates as text,
/// amounts as decimal text, JSON as is), without `skip`ped columns.
fn row_json<M: ModelTrait>(model: &M, skip: &[&str]) -> Value {
    let mut map = Map::new();
    for column in <M::Entity as EntityTrait>::Column::iter() {
        let name = column.as_str();
        if skip.contains(&name) {
            continue;
        }
        map.insert(name.to_owned(), value_json(model.get(column)));
    }
    Value::Object(map)
}

fn value_json(value: SqlValue) -> Value {
    use time::format_description::well_known::Rfc3339;
    match value {
        SqlValue::Uuid(Some(u)) => Value::String(u.to_string()),
        SqlValue::TimeDate(Some(d)) => Value::String(d.to_string()),
        SqlValue::TimeDateTimeWithTimeZone(Some(t)) => {
            t.format(&Rfc3339).map(Value::String).unwrap_or(Value::Null)
        }
        SqlValue::Decimal(Some(d)) => Value::String(d.normalize().to_string()),
        other => sea_orm::sea_query::value::sea_value_to_json_value(&other),
    }
}

/// Rows of `E` whose `column` is `person_id`, oldest first by `order`.
async fn rows<C: ConnectionTrait, E: EntityTrait>(
    db: &C,
    municipality: E::Column,
    municipality_id: Uuid,
    column: E::Column,
    person_id: Uuid,
    order: E::Column,
) -> StoreResult<Vec<Value>>
where
    E::Model: ModelTrait<Entity = E>,
{
    Ok(E::find()
        .filter(municipality.eq(municipality_id))
        .filter(column.eq(person_id))
        .order_by_asc(order)
        .all(db)
        .await?
        .iter()
        .map(|m| row_json(m, &["municipality_id"]))
        .collect())
}

/// Everything stored about `person` (of `municipality_id`), as JSON: the
/// person record, income, certificates, families (with the other members'
/// names and relations only), applications with their assessments,
/// decisions with their fees, fee records, stays, queue entries and offers,
/// deliveries (schedules, visits, trips, meals, coupons), technical aids,
/// charges, and the cases they are in.
pub async fn stored_data<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    person: &persons::Model,
) -> StoreResult<Map<String, Value>> {
    let pid = person.id;
    macro_rules! of_person {
        ($module:ident, $order:ident) => {
            rows::<C, $module::Entity>(
                db,
                $module::Column::MunicipalityId,
                municipality_id,
                $module::Column::PersonId,
                pid,
                $module::Column::$order,
            )
            .await?
        };
    }
    let mut out = Map::new();
    out.insert(
        "person".into(),
        row_json(person, &["municipality_id", "search_text"]),
    );
    out.insert("income".into(), of_person!(income_records, Year).into());
    out.insert(
        "certificates".into(),
        of_person!(person_certificates, ValidFrom).into(),
    );

    // Families: the family, the person's membership, the other members'
    // names and relations (their data is theirs, not the subject's).
    let memberships = family_members::Entity::find()
        .filter(family_members::Column::PersonId.eq(pid))
        .all(db)
        .await?;
    let family_ids: Vec<Uuid> = memberships.iter().map(|m| m.family_id).collect();
    let family_rows = families::Entity::find()
        .filter(families::Column::MunicipalityId.eq(municipality_id))
        .filter(families::Column::Id.is_in(family_ids.clone()))
        .all(db)
        .await?;
    let all_members = family_members::Entity::find()
        .filter(family_members::Column::FamilyId.is_in(family_ids.clone()))
        .all(db)
        .await?;
    let names: HashMap<Uuid, persons::Model> = persons::Entity::find()
        .filter(persons::Column::Id.is_in(all_members.iter().map(|m| m.person_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut families_json = Vec::new();
    for family in &family_rows {
        let own = memberships.iter().find(|m| m.family_id == family.id);
        let members: Vec<Value> = all_members
            .iter()
            .filter(|m| m.family_id == family.id)
            .filter_map(|m| {
                names.get(&m.person_id).map(|p| {
                    serde_json::json!({
                        "name": format!("{} {}", p.first_name, p.last_name),
                        "relation": m.relation,
                        "joined_on": m.joined_on.map(|d| d.to_string()),
                        "left_on": m.left_on.map(|d| d.to_string()),
                        "is_subject": p.id == pid,
                    })
                })
            })
            .collect();
        let mut f = row_json(family, &["municipality_id"]);
        if let Value::Object(map) = &mut f {
            map.insert(
                "membership".into(),
                own.map_or(Value::Null, |m| row_json(m, &[])),
            );
            map.insert("members".into(), Value::Array(members));
        }
        families_json.push(f);
    }
    out.insert("families".into(), Value::Array(families_json));

    let application_rows = applications::Entity::find()
        .filter(applications::Column::MunicipalityId.eq(municipality_id))
        .filter(applications::Column::PersonId.eq(pid))
        .order_by_asc(applications::Column::ReceivedOn)
        .all(db)
        .await?;
    let application_ids: Vec<Uuid> = application_rows.iter().map(|a| a.id).collect();
    out.insert(
        "applications".into(),
        application_rows
            .iter()
            .map(|a| row_json(a, &["municipality_id"]))
            .collect(),
    );
    out.insert(
        "decisions".into(),
        decisions::Entity::find()
            .filter(decisions::Column::MunicipalityId.eq(municipality_id))
            .filter(decisions::Column::ApplicationId.is_in(application_ids))
            .order_by_asc(decisions::Column::PreparedAt)
            .all(db)
            .await?
            .iter()
            .map(|d| row_json(d, &["municipality_id"]))
            .collect(),
    );
    out.insert(
        "fee_records".into(),
        of_person!(fee_records, EffectiveFrom).into(),
    );
    out.insert("stays".into(), of_person!(stays, StartedOn).into());
    out.insert(
        "queue_entries".into(),
        of_person!(queue_entries, JoinedAt).into(),
    );
    out.insert(
        "place_offers".into(),
        of_person!(place_offers, OfferedOn).into(),
    );
    out.insert(
        "delivery_schedules".into(),
        of_person!(delivery_schedules, ValidFrom).into(),
    );
    out.insert(
        "delivery_visits".into(),
        of_person!(delivery_visits, VisitOn).into(),
    );
    out.insert("trips".into(), of_person!(trips, TripOn).into());
    out.insert(
        "meals".into(),
        of_person!(meal_list_entries, ServedOn).into(),
    );
    out.insert(
        "coupon_grants".into(),
        of_person!(coupon_grants, ValidFrom).into(),
    );
    out.insert(
        "coupon_issues".into(),
        of_person!(coupon_issues, CreatedAt).into(),
    );
    out.insert("aid_loans".into(), of_person!(aid_loans, IssuedOn).into());
    out.insert(
        "aid_waiting".into(),
        of_person!(aid_waiting, JoinedAt).into(),
    );
    out.insert(
        "charges".into(),
        of_person!(charge_lines, PeriodFrom).into(),
    );
    let mut case_condition = Condition::any().add(
        cases::Column::Id.in_subquery(
            sea_orm::sea_query::Query::select()
                .column(case_children::Column::CaseId)
                .from(case_children::Entity)
                .and_where(case_children::Column::PersonId.eq(pid))
                .to_owned(),
        ),
    );
    if !family_ids.is_empty() {
        case_condition = case_condition.add(cases::Column::FamilyId.is_in(family_ids));
    }
    out.insert(
        "cases".into(),
        cases::Entity::find()
            .filter(cases::Column::MunicipalityId.eq(municipality_id))
            .filter(case_condition)
            .order_by_asc(cases::Column::OpenedOn)
            .all(db)
            .await?
            .iter()
            .map(|c| row_json(c, &["municipality_id", "parameters"]))
            .collect(),
    );
    Ok(out)
}
