//! Who signs decisions (R-ROLE-2): signing is a delegation an administrator
//! records for a member of staff, for some service types, with its dates.
//!
//! S4 names a signer per service: the administration director or a person
//! they authorise (home help), the Social Support Division's head (children's
//! day care), the Centre's director (shelter, social-skills services, meal
//! coupons, meals). Each such person holds the signing role
//! ([`crate::access::Permission::SignDecisions`]); which service types they
//! sign, from when and until when, and on what authority (the director's
//! order) is their delegation. A signer without a delegation in force for the
//! application's service type on the signing day does not sign it, and the
//! person who prepared a decision never signs it, delegation or not.

use crate::access::{Permission, Role, allows};
use serde::{Deserialize, Serialize};
use time::Date;

/// A signing delegation: `services` (service type keys `S`) may be signed by
/// its holder from `valid_from` to `valid_until` inclusive (open-ended when
/// `None`), unless it was revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningDelegation<Id, S> {
    /// The delegation's id.
    pub id: Id,
    /// The service types it covers.
    pub services: Vec<S>,
    /// The first day it is in force.
    pub valid_from: Date,
    /// The last day it is in force (`None`: until revoked).
    pub valid_until: Option<Date>,
    /// Revoked (ended early by an administrator): in force no more.
    pub revoked: bool,
}

/// Where a delegation stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DelegationStatus {
    /// Granted, in force from a later day.
    Scheduled,
    /// In force.
    InForce,
    /// Its last day has passed.
    Expired,
    /// Ended by an administrator.
    Revoked,
}

impl DelegationStatus {
    /// Whether it has ended (revoked or expired): nothing to revoke any more.
    pub fn has_ended(self) -> bool {
        matches!(self, DelegationStatus::Expired | DelegationStatus::Revoked)
    }
}

impl<Id, S: PartialEq> SigningDelegation<Id, S> {
    /// R-ROLE-2: where the delegation stands on `on`.
    pub fn status_on(&self, on: Date) -> DelegationStatus {
        if self.revoked {
            DelegationStatus::Revoked
        } else if on < self.valid_from {
            DelegationStatus::Scheduled
        } else if self.valid_until.is_some_and(|until| on > until) {
            DelegationStatus::Expired
        } else {
            DelegationStatus::InForce
        }
    }

    /// R-ROLE-2: whether the delegation lets its holder sign a decision on
    /// `service` on `on`: in force that day and naming that service type.
    pub fn covers(&self, service: &S, on: Date) -> bool {
        self.status_on(on) == DelegationStatus::InForce && self.services.contains(service)
    }
}

/// R-ROLE-2: the delegation under which a decision on `service` is signed
/// on `on`, among the signer's `delegations`: of those that cover it, the
/// one in force from the latest day (the newest authority); `None` when none
/// covers it.
pub fn covering<'a, Id, S: PartialEq>(
    delegations: &'a [SigningDelegation<Id, S>],
    service: &S,
    on: Date,
) -> Option<&'a SigningDelegation<Id, S>> {
    delegations
        .iter()
        .filter(|d| d.covers(service, on))
        .max_by_key(|d| d.valid_from)
}

/// Why a delegation cannot be granted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GrantError {
    /// Nobody grants themself the right to sign.
    #[error("nobody grants a signing delegation to themself")]
    ToSelf,
    /// The user's roles can never sign (the preparer's, a social worker's,
    /// an administrator's…): give them the signing role first.
    #[error("the user's roles do not sign decisions")]
    CannotSign,
    /// No service type named.
    #[error("name at least one service type")]
    NoServices,
    /// The period starts before the day it is granted.
    #[error("a delegation starts today at the earliest")]
    StartsInPast,
    /// The period ends before it starts.
    #[error("a delegation ends on or after its first day")]
    EndsBeforeStart,
}

/// A delegation to grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant<'a, UserId> {
    /// Who grants it (an administrator).
    pub granted_by: UserId,
    /// Who receives it.
    pub holder: UserId,
    /// The holder's roles.
    pub holder_roles: &'a [Role],
    /// How many service types it names.
    pub services: usize,
    /// First day.
    pub valid_from: Date,
    /// Last day, if any.
    pub valid_until: Option<Date>,
}

/// R-ROLE-2: whether `grant` may be recorded on `today`. Nobody delegates to
/// themself; the holder must hold a role that signs (a delegation does not
/// turn a preparer or an administrator into a signer); at least one service
/// type; in force from today at the earliest (a delegation cannot make past
/// signatures valid), ending on or after its first day.
pub fn check_grant<UserId: PartialEq>(
    grant: &Grant<'_, UserId>,
    today: Date,
) -> Result<(), GrantError> {
    if grant.granted_by == grant.holder {
        return Err(GrantError::ToSelf);
    }
    if !allows(grant.holder_roles, Permission::SignDecisions) {
        return Err(GrantError::CannotSign);
    }
    if grant.services == 0 {
        return Err(GrantError::NoServices);
    }
    if grant.valid_from < today {
        return Err(GrantError::StartsInPast);
    }
    if grant
        .valid_until
        .is_some_and(|until| until < grant.valid_from)
    {
        return Err(GrantError::EndsBeforeStart);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn delegation(
        services: &[&'static str],
        from: Date,
        until: Option<Date>,
    ) -> SigningDelegation<u32, &'static str> {
        SigningDelegation {
            id: 1,
            services: services.to_vec(),
            valid_from: from,
            valid_until: until,
            revoked: false,
        }
    }

    #[test]
    fn r_role_2_delegation_covers_its_services_within_its_dates() {
        let d = delegation(
            &["home_help", "respite"],
            date!(2026 - 12 - 01),
            Some(date!(2026 - 12 - 31)),
        );
        assert!(d.covers(&"home_help", date!(2026 - 12 - 01)), "first day");
        assert!(d.covers(&"respite", date!(2026 - 12 - 31)), "last day");
        assert!(!d.covers(&"home_help", date!(2026 - 11 - 30)), "before");
        assert!(!d.covers(&"home_help", date!(2027 - 01 - 01)), "after");
        assert!(
            !d.covers(&"children_day_centre", date!(2026 - 12 - 15)),
            "another service type"
        );
    }

    #[test]
    fn r_role_2_open_ended_delegation_runs_until_revoked() {
        let mut d = delegation(&["meals"], date!(2026 - 01 - 01), None);
        assert!(d.covers(&"meals", date!(2099 - 12 - 31)));
        d.revoked = true;
        assert!(!d.covers(&"meals", date!(2026 - 06 - 01)));
        assert_eq!(
            d.status_on(date!(2025 - 01 - 01)),
            DelegationStatus::Revoked
        );
    }

    #[test]
    fn r_role_2_status_of_a_delegation() {
        let d = delegation(
            &["meals"],
            date!(2026 - 12 - 10),
            Some(date!(2026 - 12 - 20)),
        );
        assert_eq!(
            d.status_on(date!(2026 - 12 - 09)),
            DelegationStatus::Scheduled
        );
        assert_eq!(
            d.status_on(date!(2026 - 12 - 10)),
            DelegationStatus::InForce
        );
        assert_eq!(
            d.status_on(date!(2026 - 12 - 21)),
            DelegationStatus::Expired
        );
        assert!(DelegationStatus::Expired.has_ended());
        assert!(DelegationStatus::Revoked.has_ended());
        assert!(!DelegationStatus::Scheduled.has_ended());
        assert!(!DelegationStatus::InForce.has_ended());
    }

    #[test]
    fn r_role_2_the_newest_covering_delegation_is_the_authority() {
        let older = SigningDelegation {
            id: 1,
            ..delegation(&["home_help"], date!(2026 - 01 - 01), None)
        };
        let newer = SigningDelegation {
            id: 2,
            ..delegation(&["home_help", "meals"], date!(2026 - 06 - 01), None)
        };
        let other = SigningDelegation {
            id: 3,
            ..delegation(&["transport"], date!(2026 - 09 - 01), None)
        };
        let all = [older, newer, other];
        let on = date!(2026 - 12 - 02);
        assert_eq!(covering(&all, &"home_help", on).map(|d| d.id), Some(2));
        assert_eq!(covering(&all, &"transport", on).map(|d| d.id), Some(3));
        assert_eq!(covering(&all, &"overnight_shelter", on), None);
        assert_eq!(
            covering(&all, &"home_help", date!(2026 - 03 - 01)).map(|d| d.id),
            Some(1),
            "before the newer one starts"
        );
    }

    fn grant(by: u32, to: u32, roles: &[Role]) -> Grant<'_, u32> {
        Grant {
            granted_by: by,
            holder: to,
            holder_roles: roles,
            services: 1,
            valid_from: date!(2026 - 12 - 02),
            valid_until: None,
        }
    }

    #[test]
    fn r_role_2_grants_go_to_signers_other_than_the_grantor() {
        let today = date!(2026 - 12 - 02);
        assert_eq!(
            check_grant(&grant(1, 2, &[Role::DivisionHead]), today),
            Ok(())
        );
        assert_eq!(
            check_grant(&grant(1, 1, &[Role::Admin, Role::DivisionHead]), today),
            Err(GrantError::ToSelf)
        );
        for role in [
            Role::DivisionSpecialist,
            Role::SocialWorker,
            Role::CaseManager,
            Role::Auditor,
            Role::Admin,
        ] {
            assert_eq!(
                check_grant(&grant(1, 2, &[role]), today),
                Err(GrantError::CannotSign),
                "{role}"
            );
        }
    }

    #[test]
    fn r_role_2_grant_period_and_services() {
        let today = date!(2026 - 12 - 02);
        let roles = [Role::DivisionHead];
        let mut g = grant(1, 2, &roles);
        g.services = 0;
        assert_eq!(check_grant(&g, today), Err(GrantError::NoServices));
        let mut g = grant(1, 2, &roles);
        g.valid_from = date!(2026 - 12 - 01);
        assert_eq!(check_grant(&g, today), Err(GrantError::StartsInPast));
        let mut g = grant(1, 2, &roles);
        g.valid_until = Some(date!(2026 - 12 - 01));
        assert_eq!(check_grant(&g, today), Err(GrantError::EndsBeforeStart));
        g.valid_until = Some(today);
        assert_eq!(check_grant(&g, today), Ok(()), "a one-day delegation");
    }

    fn day() -> impl Strategy<Value = Date> {
        (0i64..2000).prop_map(|n| date!(2025 - 01 - 01) + time::Duration::days(n))
    }

    proptest! {
        /// A delegation covers a day exactly when the day lies within its
        /// period, it is not revoked and it names the service.
        #[test]
        fn r_role_2_covers_exactly_within_the_period(
            from in day(),
            length in proptest::option::of(0i64..400),
            on in day(),
            revoked in any::<bool>(),
            named in any::<bool>(),
        ) {
            let until = length.map(|l| from + time::Duration::days(l));
            let services = if named { vec!["home_help"] } else { vec!["meals"] };
            let d = SigningDelegation { id: 0, services, valid_from: from, valid_until: until, revoked };
            let within = on >= from && until.is_none_or(|u| on <= u);
            prop_assert_eq!(d.covers(&"home_help", on), within && !revoked && named);
        }
    }
}
