//! The municipality's reference data: the service catalogue
//! (`/api/v1/service-types`) and effective-dated rates (`/api/v1/rates`).
//! Everyone reads them; only `admin` changes them.

pub mod create_rate;
pub mod delete_rate;
pub mod list_rates;
pub mod list_service_types;
pub mod update_service_type;

use crate::app::catalogue::ServiceType;
use atvejis_domain::calendar::DeadlineUnit;
use atvejis_domain::catalogue::{DeadlineEnd, DeadlineStart, ServiceTypeSpec};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A document a service needs.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(as = DocumentSpec)]
pub struct DocumentSpecDoc {
    /// Stable code.
    pub code: String,
    /// Lithuanian name.
    pub name_lt: String,
    /// English name.
    pub name_en: String,
}

/// When a decision is due.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(as = DecisionDeadline)]
pub struct DecisionDeadlineDoc {
    /// Days.
    pub amount: u32,
    /// Calendar or working days.
    pub unit: DeadlineUnit,
    /// The event it runs from.
    pub from: DeadlineStart,
    /// What meets it: the signed decision (when absent) or its submission
    /// for signature (R-DL-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub until: Option<DeadlineEnd>,
}

/// A term after the decision.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(as = DeadlineRule)]
pub struct DeadlineRuleDoc {
    /// Days.
    pub amount: u32,
    /// Calendar or working days.
    pub unit: DeadlineUnit,
}

/// A service type's specification (the domain's `ServiceTypeSpec`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(as = ServiceTypeSpec)]
pub struct ServiceTypeSpecDoc {
    /// Code (cannot change).
    pub code: String,
    /// Lithuanian name.
    pub name_lt: String,
    /// English name.
    pub name_en: String,
    /// `general_services`, `social_supervision` or `social_care`.
    pub group: String,
    /// The rule that says who may receive it, e.g. `R-EL-1`.
    pub eligibility_rule: Option<String>,
    /// Documents an application needs (R-EL-6).
    pub required_documents: Vec<DocumentSpecDoc>,
    /// When the decision is due.
    pub decision_deadline: DecisionDeadlineDoc,
    /// R-DL-2: the signed decision reaches the provider within this term.
    pub handover_deadline: Option<DeadlineRuleDoc>,
    /// R-DL-3: the person is told within this term of the decision.
    pub notification_deadline: Option<DeadlineRuleDoc>,
    /// R-CM-6: may be decided before the needs assessment (violence,
    /// threatened safety); the documents are still required.
    #[serde(default)]
    pub decision_before_assessment: bool,
    /// Documents checked at moving in, not at application.
    #[serde(default)]
    pub moving_in_documents: Vec<DocumentSpecDoc>,
    /// Free of charge (R-FEE-12).
    pub free: bool,
    /// Has places and a queue (R-Q-1).
    pub has_places: bool,
    /// The rule that sets its fee, e.g. `R-FEE-1`.
    pub fee_rule: Option<String>,
}

/// A service type of the catalogue.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ServiceTypeView {
    /// Id.
    pub id: Uuid,
    /// Code.
    pub code: String,
    /// Offered for new applications.
    pub active: bool,
    /// The specification.
    #[schema(value_type = ServiceTypeSpecDoc)]
    pub spec: ServiceTypeSpec,
    /// Version.
    pub version: i32,
}

impl From<ServiceType> for ServiceTypeView {
    fn from(t: ServiceType) -> Self {
        ServiceTypeView {
            id: t.id,
            code: t.code,
            active: t.active,
            spec: t.spec,
            version: t.version,
        }
    }
}
