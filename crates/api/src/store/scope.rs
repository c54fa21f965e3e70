//! The one place that applies an actor's record scope to queries.
//!
//! Nobody crosses municipalities: every table of a municipality's records
//! carries `municipality_id`, and every read or write of such a record goes
//! through [`scoped`] (a select) or [`scoped_condition`] (for updates), which
//! add the actor's municipality and, where the table has an eldership and the
//! actor is an eldership specialist, the actor's eldership
//! ([`atvejis_domain::access::record_scope`]). A record outside the scope is
//! indistinguishable from a missing one: the API answers 404.

use crate::auth::Actor;
use atvejis_domain::access::RecordScope;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, Select};

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
}

/// The condition that limits `E` to what `actor` may see.
pub fn scoped_condition<E: MunicipalityScoped>(actor: &Actor) -> Condition {
    let mut condition = Condition::all().add(E::municipality_column().eq(actor.municipality_id));
    // `record_scope` is OwnEldership only for an actor with an eldership.
    if let (Some(column), RecordScope::OwnEldership, Some(eldership)) = (
        E::eldership_column(),
        actor.record_scope(),
        actor.eldership_id,
    ) {
        condition = condition.add(column.eq(eldership));
    }
    condition
}

/// `E::find()` limited to what `actor` may see.
pub fn scoped<E: MunicipalityScoped>(actor: &Actor) -> Select<E> {
    E::find().filter(scoped_condition::<E>(actor))
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

    municipality_wide!(elderships, institutions, users, service_accounts, audit_log);
}
