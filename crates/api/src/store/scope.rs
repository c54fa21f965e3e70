//! The one place that applies an actor's record scope to queries.
//!
//! Nobody crosses municipalities: every table of a municipality's records
//! carries `municipality_id`, and every read or write of such a record goes
//! through [`scoped`] (a select) or [`scoped_condition`] (for updates), which
//! add the actor's municipality and, where the table has an eldership and the
//! actor is an eldership specialist, the actor's eldership
//! ([`atvejis_domain::access::record_scope`]). A record outside the scope is
//! indistinguishable from a missing one: the API answers 404.
//!
//! Records of a case (atvejo vadyba) are limited further for those who see
//! only the cases assigned to them ([`atvejis_domain::access::case_scope`]):
//! a table that names its case ([`MunicipalityScoped::case_column`]) shows
//! them only the rows of cases with a current assignment of theirs in
//! [`CASE_ASSIGNMENTS`].

use crate::actor::{Actor, Principal};
use atvejis_domain::access::{CaseScope, RecordScope, case_scope};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, Select};
use uuid::Uuid;

/// The table of case assignments: `case_id`, `user_id`, `ended_at` (null
/// while the assignment lasts).
pub const CASE_ASSIGNMENTS: &str = "case_assignments";

/// A table whose rows belong to a municipality.
pub trait MunicipalityScoped: EntityTrait {
    /// The `municipality_id` column.
    fn municipality_column() -> Self::Column;

    /// The column that places a row in an eldership, for tables whose rows an
    /// eldership specialist sees only for their own eldership. `None`: the
    /// rows are municipality-wide reference data (elderships, staff, …).
    fn eldership_column() -> Option<Self::Column> {
        None
    }

    /// The column that names the case a row belongs to, for tables of case
    /// records; `None`: the rows belong to no case.
    fn case_column() -> Option<Self::Column> {
        None
    }
}

/// Everything of an actor that limits the records they see: the
/// municipality, the eldership of an eldership specialist (R-ROLE-1) and the
/// user whose case assignments limit case records. The conditions are built
/// from this alone, so two actors with the same `Scope` see the same rows,
/// and a statement rendered for one shape of scope (which of the fields are
/// set) differs for another actor of that shape only in its bound values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Scope {
    /// The actor's municipality.
    pub municipality_id: Uuid,
    /// The one eldership the actor sees rows of eldership-scoped tables in;
    /// `None`: the whole municipality.
    pub eldership_id: Option<Uuid>,
    /// The user whose current case assignments limit the rows of case
    /// records; `None`: every case of the municipality.
    pub assigned_to: Option<Uuid>,
}

impl Scope {
    /// The scope of `actor`.
    pub fn of(actor: &Actor) -> Self {
        // `record_scope` is OwnEldership only for an actor with an eldership.
        let eldership_id = match actor.record_scope() {
            RecordScope::OwnEldership => actor.eldership_id,
            RecordScope::Municipality => None,
        };
        let assigned_to = match &actor.principal {
            Principal::User { id, .. } if case_scope(&actor.roles) == CaseScope::AssignedToMe => {
                Some(*id)
            }
            _ => None,
        };
        Scope {
            municipality_id: actor.municipality_id,
            eldership_id,
            assigned_to,
        }
    }

    /// The condition that limits `E` to this scope.
    pub fn condition<E: MunicipalityScoped>(&self) -> Condition {
        let mut condition = Condition::all().add(E::municipality_column().eq(self.municipality_id));
        if let (Some(column), Some(eldership)) = (E::eldership_column(), self.eldership_id) {
            condition = condition.add(column.eq(eldership));
        }
        if let (Some(column), Some(user)) = (E::case_column(), self.assigned_to) {
            let assigned = Query::select()
                .column(Alias::new("case_id"))
                .from(Alias::new(CASE_ASSIGNMENTS))
                .and_where(Expr::col(Alias::new("user_id")).eq(user))
                .and_where(Expr::col(Alias::new("ended_at")).is_null())
                .to_owned();
            condition = condition.add(column.in_subquery(assigned));
        }
        condition
    }

    /// `E::find()` limited to this scope.
    pub fn find<E: MunicipalityScoped>(&self) -> Select<E> {
        E::find().filter(self.condition::<E>())
    }
}

/// The condition that limits `E` to what `actor` may see.
pub fn scoped_condition<E: MunicipalityScoped>(actor: &Actor) -> Condition {
    Scope::of(actor).condition::<E>()
}

/// Whether `actor` sees a record of their municipality placed in
/// `eldership_id` (a row of an eldership-scoped table already loaded, e.g. a
/// family's member): the same rule as [`scoped_condition`] applies in SQL.
pub fn sees_eldership(actor: &Actor, eldership_id: Option<Uuid>) -> bool {
    match Scope::of(actor).eldership_id {
        Some(own) => eldership_id == Some(own),
        None => true,
    }
}

/// `E::find()` limited to what `actor` may see.
pub fn scoped<E: MunicipalityScoped>(actor: &Actor) -> Select<E> {
    Scope::of(actor).find::<E>()
}

mod impls {
    use super::MunicipalityScoped;
    use crate::store::entities::*;

    macro_rules! municipality_wide {
        ($($module:ident),*) => {$(
            impl MunicipalityScoped for $module::Entity {
                fn municipality_column() -> Self::Column {
                    $module::Column::MunicipalityId
                }
            }
        )*};
    }

    municipality_wide!(
        elderships,
        institutions,
        users,
        service_accounts,
        audit_log,
        person_certificates,
        income_records,
        service_types,
        rates,
        attachments,
        decisions,
        signing_delegations,
        procedure_parameters,
        facilities,
        facility_places,
        facility_capacities,
        queue_entries,
        queue_position_events,
        place_offers,
        stays
    );

    // Recording the service (issue 11).
    municipality_wide!(
        delivery_locks,
        delivery_schedules,
        delivery_visits,
        trips,
        meal_lists,
        meal_list_entries,
        coupon_grants,
        coupon_issues
    );
    // Issue 11, fees.
    municipality_wide!(fee_records);

    macro_rules! case_records {
        ($($module:ident),*) => {$(
            impl MunicipalityScoped for $module::Entity {
                fn municipality_column() -> Self::Column {
                    $module::Column::MunicipalityId
                }
                fn case_column() -> Option<Self::Column> {
                    Some($module::Column::CaseId)
                }
            }
        )*};
    }

    case_records!(
        case_assignments,
        case_assessments,
        case_meetings,
        case_plan_versions,
        case_action_statuses,
        case_reviews,
        case_journal_entries
    );

    impl MunicipalityScoped for cases::Entity {
        fn municipality_column() -> Self::Column {
            cases::Column::MunicipalityId
        }
        fn case_column() -> Option<Self::Column> {
            Some(cases::Column::Id)
        }
    }

    macro_rules! eldership_scoped {
        ($($module:ident),*) => {$(
            impl MunicipalityScoped for $module::Entity {
                fn municipality_column() -> Self::Column {
                    $module::Column::MunicipalityId
                }
                fn eldership_column() -> Option<Self::Column> {
                    Some($module::Column::EldershipId)
                }
            }
        )*};
    }

    eldership_scoped!(persons, families, applications);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::Principal;
    use atvejis_domain::access::Role;
    use sea_orm::{DbBackend, QueryTrait};
    use uuid::Uuid;

    /// A table of records placed in an eldership, as later features have.
    mod record {
        use sea_orm::entity::prelude::*;

        #[sea_orm::model]
        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "records")]
        pub struct Model {
            #[sea_orm(primary_key, auto_increment = false)]
            pub id: Uuid,
            pub municipality_id: Uuid,
            pub eldership_id: Option<Uuid>,
        }

        impl ActiveModelBehavior for ActiveModel {}
    }

    /// A table of case records, as case management will have.
    mod case_record {
        use sea_orm::entity::prelude::*;

        #[sea_orm::model]
        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "case_records")]
        pub struct Model {
            #[sea_orm(primary_key, auto_increment = false)]
            pub id: Uuid,
            pub municipality_id: Uuid,
            pub case_id: Uuid,
        }

        impl ActiveModelBehavior for ActiveModel {}
    }

    impl MunicipalityScoped for case_record::Entity {
        fn municipality_column() -> Self::Column {
            case_record::Column::MunicipalityId
        }
        fn case_column() -> Option<Self::Column> {
            Some(case_record::Column::CaseId)
        }
    }

    #[test]
    fn case_managers_see_only_records_of_cases_assigned_to_them() {
        let m = Uuid::new_v4();
        let manager = actor(&[Role::CaseManager], m, None);
        let Principal::User { id, .. } = manager.principal else {
            unreachable!()
        };
        let query = sql::<case_record::Entity>(&manager);
        assert!(
            query.contains(&format!(
                r#""case_id" IN (SELECT "case_id" FROM "case_assignments" WHERE "user_id" = '{id}' AND "ended_at" IS NULL)"#
            )),
            "{query}"
        );
        let division = sql::<case_record::Entity>(&actor(&[Role::DivisionHead], m, None));
        assert!(!division.contains("case_assignments"), "{division}");
        // Tables of no case are not limited by assignments.
        let people = sql::<crate::store::entities::persons::Entity>(&manager);
        assert!(!people.contains("case_assignments"), "{people}");
    }

    impl MunicipalityScoped for record::Entity {
        fn municipality_column() -> Self::Column {
            record::Column::MunicipalityId
        }
        fn eldership_column() -> Option<Self::Column> {
            Some(record::Column::EldershipId)
        }
    }

    fn actor(roles: &[Role], municipality: Uuid, eldership: Option<Uuid>) -> Actor {
        Actor::staff(Uuid::new_v4(), "x", municipality, eldership, roles.to_vec())
    }

    fn sql<E: MunicipalityScoped>(actor: &Actor) -> String {
        scoped::<E>(actor).build(DbBackend::Postgres).to_string()
    }

    #[test]
    fn every_query_is_limited_to_the_actors_municipality() {
        let kaunas = Uuid::new_v4();
        let query =
            sql::<crate::store::entities::users::Entity>(&actor(&[Role::Admin], kaunas, None));
        assert!(
            query.contains(&format!(r#""users"."municipality_id" = '{kaunas}'"#)),
            "{query}"
        );
    }

    #[test]
    fn r_role_1_eldership_specialist_sees_only_their_eldership() {
        let (m, e) = (Uuid::new_v4(), Uuid::new_v4());
        let query = sql::<record::Entity>(&actor(&[Role::SocialWorker], m, Some(e)));
        assert!(
            query.contains(&format!(r#""records"."municipality_id" = '{m}'"#)),
            "{query}"
        );
        assert!(
            query.contains(&format!(r#""records"."eldership_id" = '{e}'"#)),
            "{query}"
        );
    }

    #[test]
    fn division_and_centre_staff_see_the_whole_municipality() {
        let (m, e) = (Uuid::new_v4(), Uuid::new_v4());
        for a in [
            actor(&[Role::DivisionSpecialist], m, Some(e)),
            actor(&[Role::SocialWorker], m, None),
            actor(&[Role::SocialWorker, Role::DivisionHead], m, Some(e)),
        ] {
            let query = sql::<record::Entity>(&a);
            assert!(query.contains(&format!("'{m}'")), "{query}");
            assert!(!query.contains("eldership_id\" ="), "{query}");
        }
    }

    #[test]
    fn reference_tables_ignore_the_eldership() {
        let (m, e) = (Uuid::new_v4(), Uuid::new_v4());
        let query = sql::<crate::store::entities::elderships::Entity>(&actor(
            &[Role::SocialWorker],
            m,
            Some(e),
        ));
        assert!(!query.contains(&e.to_string()), "{query}");
    }
}
