//! Case management (atvejo vadyba) of families with children at social risk:
//! R-CM-1..5 and the procedure parameters R-CMP-1..5.
//!
//! A case opens from a notice of the child-rights protection service, a
//! request of the parents or an organisation (R-CM-1); the head of the case
//! managers' unit assigns a case manager and a family social worker by the
//! R-CMP-1 term; they assess the needs before the first case meeting (R-CM-2),
//! which is due by R-CMP-2 and agrees the help plan (R-CMP-3); the plan is
//! reviewed at least every R-CMP-4 months and whenever a meeting decides; the
//! case closes only by a meeting's decision with a reason (R-CMP-5).
//!
//! The terms are product defaults an administrator changes per municipality
//! with the date they take effect ([`ProcedureParameters`]); a case keeps the
//! parameters in force on the day it was opened.

use crate::calendar::{add_working_days, next_working_day_from};
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, OffsetDateTime};

/// R-CM-1: who initiated the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseOrigin {
    /// A notice of the child-rights protection service's territorial unit.
    ChildRightsNotice,
    /// A request of the parents.
    ParentsRequest,
    /// An organisation helping children and families.
    Organisation,
}

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Opened; no case manager and family social worker assigned yet.
    AwaitingAssignment,
    /// Assigned and being worked on.
    Open,
    /// Closed by a case meeting's decision (R-CMP-5); read-only.
    Closed,
}

impl CaseStatus {
    /// R-CM-1, R-CMP-5: the status of a case from what happened to it.
    pub fn of(assigned: bool, closed: bool) -> CaseStatus {
        match (closed, assigned) {
            (true, _) => CaseStatus::Closed,
            (false, true) => CaseStatus::Open,
            (false, false) => CaseStatus::AwaitingAssignment,
        }
    }
}

/// The level of a social-risk factor in a needs assessment (R-CM-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
}

/// Who is responsible for an action of the help plan (R-CMP-3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Responsible<U, P> {
    /// A member of staff.
    Staff {
        /// The user.
        user_id: U,
    },
    /// A member of the family.
    FamilyMember {
        /// The person.
        person_id: P,
    },
    /// An outside organisation (a school, a health centre, the police).
    Organisation {
        /// Its name.
        name: String,
    },
}

/// Where an action of the help plan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Planned, not started.
    Planned,
    /// Being carried out.
    InProgress,
    /// Done.
    Done,
    /// Not done; a reason is recorded.
    NotDone,
}

impl ActionStatus {
    /// Whether the action still has to be carried out (its due date counts).
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }
}

/// R-CMP-3: an action of the help plan is not done without a reason.
pub fn check_action_status(
    status: ActionStatus,
    reason: Option<&str>,
) -> Result<(), CaseRuleError> {
    let has_reason = reason.is_some_and(|r| !r.trim().is_empty());
    if status == ActionStatus::NotDone && !has_reason {
        Err(CaseRuleError::NotDoneWithoutReason)
    } else {
        Ok(())
    }
}

/// The kind of a monitoring journal entry (šeimos stebėsena).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    /// A visit to the family.
    Visit,
    /// A phone call.
    Call,
    /// A meeting at the office or elsewhere.
    Meeting,
    /// A message (letter, e-mail, text).
    Message,
    /// Another contact.
    Other,
}

/// R-CMP-5: why a case was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClosingReason {
    /// The goals of the plan were reached.
    GoalsReached,
    /// The family moved away.
    FamilyMovedAway,
    /// The child came of age.
    ChildCameOfAge,
    /// Another reason, described in the decision.
    Other,
}

/// Who took part in a case meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ParticipantKind {
    /// A member of staff.
    Staff,
    /// A member of the family.
    FamilyMember,
    /// Someone from outside (the child-rights specialist, a school's social
    /// pedagogue), with their organisation and role.
    Outside,
}

/// The procedure parameters R-CMP-1, R-CMP-2 and R-CMP-4: product defaults
/// that a municipality changes from a date on. R-CMP-3 (the plan is agreed at
/// the first meeting) and R-CMP-5 (closing by a meeting's decision) are rules,
/// not numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcedureParameters {
    /// R-CMP-1: working days from the child-rights service's notice to the
    /// assignment of a case manager.
    pub assignment_working_days: u32,
    /// R-CMP-2: working days from the assignment to the first case meeting.
    pub first_meeting_working_days: u32,
    /// R-CMP-4: months from the plan or the previous review to the next review.
    pub review_interval_months: u32,
}

impl Default for ProcedureParameters {
    /// R-CMP-1 (next working day), R-CMP-2 (10 working days), R-CMP-4 (6 months).
    fn default() -> Self {
        ProcedureParameters {
            assignment_working_days: 1,
            first_meeting_working_days: 10,
            review_interval_months: 6,
        }
    }
}

/// A parameter out of its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ParameterError {
    /// R-CMP-1 must be 1–30 working days.
    #[error("the assignment term must be 1–30 working days")]
    AssignmentDays,
    /// R-CMP-2 must be 1–60 working days.
    #[error("the first meeting term must be 1–60 working days")]
    FirstMeetingDays,
    /// R-CMP-4 must be 1–6 months: "at least every 6 months".
    #[error("the review interval must be 1–6 months")]
    ReviewMonths,
}

impl ProcedureParameters {
    /// R-CMP-1, R-CMP-2, R-CMP-4: the ranges a municipality may choose from.
    /// Reviews are due at least every 6 months, so a longer interval is
    /// refused; the other terms are bounded to keep a typo from hiding a case.
    pub fn check(&self) -> Result<(), ParameterError> {
        if !(1..=30).contains(&self.assignment_working_days) {
            return Err(ParameterError::AssignmentDays);
        }
        if !(1..=60).contains(&self.first_meeting_working_days) {
            return Err(ParameterError::FirstMeetingDays);
        }
        if !(1..=6).contains(&self.review_interval_months) {
            return Err(ParameterError::ReviewMonths);
        }
        Ok(())
    }

    /// R-CMP-1: the day by which a case opened on `opened_on` (the day the
    /// notice arrived) must have its case manager assigned.
    pub fn assignment_due(&self, opened_on: Date) -> Date {
        add_working_days(opened_on, self.assignment_working_days)
    }

    /// R-CMP-2: the day by which the first case meeting of a case assigned on
    /// `assigned_on` must be held. R-CM-2: the needs assessment is due by the
    /// same day, since it comes before the first meeting.
    pub fn first_meeting_due(&self, assigned_on: Date) -> Date {
        add_working_days(assigned_on, self.first_meeting_working_days)
    }

    /// R-CMP-4: the day by which the plan agreed or last reviewed on `since`
    /// must be reviewed: the same day `review_interval_months` later (the
    /// month's last day when it has no such day), moved to the next working
    /// day when it is not one (R-DL-6).
    pub fn review_due(&self, since: Date) -> Date {
        next_working_day_from(add_months(since, self.review_interval_months))
    }
}

/// `date` plus `months` calendar months, clamped to the month's last day.
pub fn add_months(date: Date, months: u32) -> Date {
    let total =
        i64::from(date.year()) * 12 + i64::from(u8::from(date.month()) - 1) + i64::from(months);
    let year = i32::try_from(total.div_euclid(12)).unwrap_or(i32::MAX);
    let month = u8::try_from(total.rem_euclid(12) + 1).unwrap_or(12);
    let month = Month::try_from(month).unwrap_or(Month::December);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MAX)
}

/// What comes next in a case, for the work lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    /// R-CMP-1: assign a case manager and a family social worker.
    Assignment,
    /// R-CM-2: assess the needs of the child and the family.
    Assessment,
    /// R-CMP-2, R-CMP-3: hold the first case meeting and agree the plan.
    FirstMeeting,
    /// An action of the plan is due.
    Action,
    /// R-CMP-4: review the plan.
    Review,
}

/// Something due in a case, and by when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DueItem {
    /// What is due.
    pub kind: DueKind,
    /// By when.
    pub due_on: Date,
    /// Whether the day has passed.
    pub overdue: bool,
}

/// What has happened in an open case, as far as its terms are concerned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseProgress {
    /// The day the case was opened (the notice's arrival).
    pub opened_on: Option<Date>,
    /// The day a case manager was assigned.
    pub assigned_on: Option<Date>,
    /// Whether a needs assessment exists.
    pub assessed: bool,
    /// Whether a case meeting has been held.
    pub met: bool,
    /// The day a version of the plan was last agreed.
    pub plan_agreed_on: Option<Date>,
    /// The day of the last review.
    pub last_review_on: Option<Date>,
    /// The next review date that the last review or a meeting set.
    pub next_review_set: Option<Date>,
    /// Due dates of the plan's pending actions.
    pub pending_actions: Vec<Date>,
}

/// R-CMP-1, R-CM-2, R-CMP-2, R-CMP-3, R-CMP-4: what is due in an open case on
/// `today`, earliest first. The assignment is due by R-CMP-1 from the opening;
/// the assessment and the first meeting by R-CMP-2 from the assignment; after
/// the plan is agreed, each pending action by its date and the review by
/// R-CMP-4 from the plan or the last review, or earlier when a review or a
/// meeting set an earlier date.
pub fn due_items(
    progress: &CaseProgress,
    parameters: &ProcedureParameters,
    today: Date,
) -> Vec<DueItem> {
    let item = |kind, due_on: Date| DueItem {
        kind,
        due_on,
        overdue: due_on < today,
    };
    let mut items = Vec::new();
    let Some(assigned_on) = progress.assigned_on else {
        if let Some(opened_on) = progress.opened_on {
            items.push(item(
                DueKind::Assignment,
                parameters.assignment_due(opened_on),
            ));
        }
        return items;
    };
    match progress.plan_agreed_on {
        None => {
            let due = parameters.first_meeting_due(assigned_on);
            if !progress.assessed {
                items.push(item(DueKind::Assessment, due));
            }
            items.push(item(DueKind::FirstMeeting, due));
        }
        Some(agreed_on) => {
            let since = progress
                .last_review_on
                .map_or(agreed_on, |r| r.max(agreed_on));
            let by_parameter = parameters.review_due(since);
            let due = progress
                .next_review_set
                .map_or(by_parameter, |set| set.min(by_parameter));
            items.push(item(DueKind::Review, due));
            items.extend(
                progress
                    .pending_actions
                    .iter()
                    .map(|d| item(DueKind::Action, *d)),
            );
        }
    }
    items.sort_by_key(|i| (i.due_on, i.kind));
    items
}

/// A broken case-management rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CaseRuleError {
    /// R-CM-2: a plan is agreed only after the needs assessment.
    #[error("the needs of the child and the family must be assessed before a plan is agreed")]
    PlanBeforeAssessment,
    /// R-CMP-3: a plan to agree has at least one goal, each with an action.
    #[error("a plan to agree needs at least one goal, and each goal at least one action")]
    EmptyPlan,
    /// R-CMP-5: a case closes only with a reason.
    #[error("closing a case needs a reason")]
    ClosingWithoutReason,
    /// R-CMP-5: "other" needs its description.
    #[error("closing for another reason needs its description")]
    OtherReasonUndescribed,
    /// R-CMP-3: an action not done needs the reason.
    #[error("an action not done needs the reason")]
    NotDoneWithoutReason,
    /// R-CM-1: only an assigned case is worked on.
    #[error("the case has no case manager assigned yet")]
    NotAssigned,
    /// R-CMP-5: a closed case is read-only.
    #[error("the case is closed")]
    Closed,
    /// The monitoring journal: an entry is edited only within 24 hours.
    #[error("a journal entry can be edited only within 24 hours; record a correction instead")]
    JournalEditWindowPassed,
    /// R-CM-4: an application for children's day care filed from a case
    /// carries the case manager's recommendation.
    #[error(
        "an application for children's day care filed from a case needs the case manager's recommendation"
    )]
    RecommendationMissing,
}

/// R-CM-2, R-CMP-3: whether a meeting may agree a plan of `goal_action_counts`
/// (the number of actions of each goal) when `assessed` says whether a needs
/// assessment exists.
pub fn check_plan_agreement(
    assessed: bool,
    goal_action_counts: &[usize],
) -> Result<(), CaseRuleError> {
    if !assessed {
        return Err(CaseRuleError::PlanBeforeAssessment);
    }
    if goal_action_counts.is_empty() || goal_action_counts.contains(&0) {
        return Err(CaseRuleError::EmptyPlan);
    }
    Ok(())
}

/// R-CMP-5: a meeting's decision to close a case names a reason; "other"
/// describes it.
pub fn check_closing(
    reason: Option<ClosingReason>,
    note: Option<&str>,
) -> Result<ClosingReason, CaseRuleError> {
    match reason {
        None => Err(CaseRuleError::ClosingWithoutReason),
        Some(ClosingReason::Other) if note.is_none_or(|n| n.trim().is_empty()) => {
            Err(CaseRuleError::OtherReasonUndescribed)
        }
        Some(reason) => Ok(reason),
    }
}

/// The catalogue code of children's day care (the children's day centre):
/// the service whose application from a case carries the case manager's
/// recommendation (R-CM-4).
pub const CHILDREN_DAY_CARE: &str = "children_day_centre";

/// R-CM-4: an SP-8 application a case meeting files for the family carries
/// the case manager's recommendation when the service is children's day
/// care; for other services it is optional.
pub fn check_case_application(
    service_code: &str,
    recommendation: Option<&str>,
) -> Result<(), CaseRuleError> {
    let recommended = recommendation.is_some_and(|r| !r.trim().is_empty());
    if service_code == CHILDREN_DAY_CARE && !recommended {
        Err(CaseRuleError::RecommendationMissing)
    } else {
        Ok(())
    }
}

/// How long a monitoring journal entry can be edited after it was written.
pub const JOURNAL_EDIT_WINDOW: Duration = Duration::hours(24);

/// The monitoring journal: an entry written at `written_at` can be edited
/// until 24 hours have passed; after that it is corrected only by a new entry
/// that points to it.
pub fn check_journal_edit(
    written_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), CaseRuleError> {
    if now - written_at <= JOURNAL_EDIT_WINDOW {
        Ok(())
    } else {
        Err(CaseRuleError::JournalEditWindowPassed)
    }
}

/// An action of a help plan, as compared between versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanActionContent<Id, U, P> {
    /// Stable across versions.
    pub id: Id,
    /// What is to be done.
    pub what: String,
    /// Who is responsible.
    pub responsible: Responsible<U, P>,
    /// By when.
    pub due_on: Date,
}

/// A goal of a help plan, as compared between versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanGoalContent<Id, U, P> {
    /// Stable across versions.
    pub id: Id,
    /// The goal.
    pub title: String,
    /// Its actions.
    pub actions: Vec<PlanActionContent<Id, U, P>>,
}

/// What changed between two versions of a help plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlanChangeKind {
    /// A goal was added.
    GoalAdded,
    /// A goal was removed.
    GoalRemoved,
    /// A goal was reworded.
    GoalChanged,
    /// An action was added.
    ActionAdded,
    /// An action was removed.
    ActionRemoved,
    /// What the action is changed.
    ActionWhatChanged,
    /// Who is responsible changed.
    ActionResponsibleChanged,
    /// The due date changed.
    ActionDueChanged,
}

/// One change between two versions: its kind, the goal and, for actions, the
/// action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanChange<Id> {
    /// What changed.
    pub kind: PlanChangeKind,
    /// The goal it concerns.
    pub goal_id: Id,
    /// The action it concerns.
    pub action_id: Option<Id>,
}

/// R-CMP-3: what changed from `old` to `new` (goals and actions matched by
/// their stable ids), in the new version's order, removals last.
pub fn diff_plans<Id: Clone + Eq, U: Eq, P: Eq>(
    old: &[PlanGoalContent<Id, U, P>],
    new: &[PlanGoalContent<Id, U, P>],
) -> Vec<PlanChange<Id>> {
    let mut changes = Vec::new();
    let change = |kind, goal: &Id, action: Option<&Id>| PlanChange {
        kind,
        goal_id: goal.clone(),
        action_id: action.cloned(),
    };
    for goal in new {
        let Some(before) = old.iter().find(|g| g.id == goal.id) else {
            changes.push(change(PlanChangeKind::GoalAdded, &goal.id, None));
            for a in &goal.actions {
                changes.push(change(PlanChangeKind::ActionAdded, &goal.id, Some(&a.id)));
            }
            continue;
        };
        if before.title != goal.title {
            changes.push(change(PlanChangeKind::GoalChanged, &goal.id, None));
        }
        for action in &goal.actions {
            let Some(was) = before.actions.iter().find(|a| a.id == action.id) else {
                changes.push(change(
                    PlanChangeKind::ActionAdded,
                    &goal.id,
                    Some(&action.id),
                ));
                continue;
            };
            if was.what != action.what {
                changes.push(change(
                    PlanChangeKind::ActionWhatChanged,
                    &goal.id,
                    Some(&action.id),
                ));
            }
            if was.responsible != action.responsible {
                changes.push(change(
                    PlanChangeKind::ActionResponsibleChanged,
                    &goal.id,
                    Some(&action.id),
                ));
            }
            if was.due_on != action.due_on {
                changes.push(change(
                    PlanChangeKind::ActionDueChanged,
                    &goal.id,
                    Some(&action.id),
                ));
            }
        }
        for was in &before.actions {
            if !goal.actions.iter().any(|a| a.id == was.id) {
                changes.push(change(
                    PlanChangeKind::ActionRemoved,
                    &goal.id,
                    Some(&was.id),
                ));
            }
        }
    }
    for before in old {
        if !new.iter().any(|g| g.id == before.id) {
            changes.push(change(PlanChangeKind::GoalRemoved, &before.id, None));
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::is_working_day;
    use proptest::prelude::*;
    use time::macros::{date, datetime};

    fn defaults() -> ProcedureParameters {
        ProcedureParameters::default()
    }

    #[test]
    fn r_cmp_1_assignment_is_due_the_next_working_day() {
        // Friday 2026-12-18 → Monday 2026-12-21.
        assert_eq!(
            defaults().assignment_due(date!(2026 - 12 - 18)),
            date!(2026 - 12 - 21)
        );
        // Wednesday 2026-12-23 → Sunday 24? No: 24, 25, 26 are holidays → Monday 28.
        assert_eq!(
            defaults().assignment_due(date!(2026 - 12 - 23)),
            date!(2026 - 12 - 28)
        );
    }

    #[test]
    fn r_cmp_2_first_meeting_is_due_ten_working_days_after_assignment() {
        // Monday 2026-11-30 + 10 working days = Monday 2026-12-14.
        assert_eq!(
            defaults().first_meeting_due(date!(2026 - 11 - 30)),
            date!(2026 - 12 - 14)
        );
    }

    #[test]
    fn r_cmp_4_review_is_due_six_months_after_the_plan_on_a_working_day() {
        // 2026-06-02 + 6 months = Wednesday 2026-12-02.
        assert_eq!(
            defaults().review_due(date!(2026 - 06 - 02)),
            date!(2026 - 12 - 02)
        );
        // 2026-08-31 + 6 months = 2027-02-28 (a Sunday) → Monday 2027-03-01.
        assert_eq!(
            defaults().review_due(date!(2026 - 08 - 31)),
            date!(2027 - 03 - 01)
        );
    }

    #[test]
    fn r_cmp_parameters_are_checked() {
        assert_eq!(defaults().check(), Ok(()));
        let long_review = ProcedureParameters {
            review_interval_months: 7,
            ..defaults()
        };
        assert_eq!(long_review.check(), Err(ParameterError::ReviewMonths));
        let no_assignment = ProcedureParameters {
            assignment_working_days: 0,
            ..defaults()
        };
        assert_eq!(no_assignment.check(), Err(ParameterError::AssignmentDays));
        let no_meeting = ProcedureParameters {
            first_meeting_working_days: 61,
            ..defaults()
        };
        assert_eq!(no_meeting.check(), Err(ParameterError::FirstMeetingDays));
    }

    #[test]
    fn r_cm_1_status_follows_assignment_and_closing() {
        assert_eq!(CaseStatus::of(false, false), CaseStatus::AwaitingAssignment);
        assert_eq!(CaseStatus::of(true, false), CaseStatus::Open);
        assert_eq!(CaseStatus::of(true, true), CaseStatus::Closed);
        assert_eq!(CaseStatus::of(false, true), CaseStatus::Closed);
    }

    #[test]
    fn r_cmp_1_an_unassigned_case_is_due_for_assignment_and_overdue_after() {
        let progress = CaseProgress {
            opened_on: Some(date!(2026 - 12 - 01)),
            ..CaseProgress::default()
        };
        let on_time = due_items(&progress, &defaults(), date!(2026 - 12 - 02));
        assert_eq!(
            on_time,
            vec![DueItem {
                kind: DueKind::Assignment,
                due_on: date!(2026 - 12 - 02),
                overdue: false
            }]
        );
        let late = due_items(&progress, &defaults(), date!(2026 - 12 - 03));
        assert!(late[0].overdue);
    }

    #[test]
    fn r_cm_2_assessment_and_first_meeting_are_due_after_assignment() {
        let progress = CaseProgress {
            opened_on: Some(date!(2026 - 11 - 27)),
            assigned_on: Some(date!(2026 - 11 - 30)),
            ..CaseProgress::default()
        };
        let items = due_items(&progress, &defaults(), date!(2026 - 12 - 02));
        let kinds: Vec<DueKind> = items.iter().map(|i| i.kind).collect();
        assert_eq!(kinds, vec![DueKind::Assessment, DueKind::FirstMeeting]);
        assert!(items.iter().all(|i| i.due_on == date!(2026 - 12 - 14)));
        let assessed = CaseProgress {
            assessed: true,
            ..progress
        };
        let items = due_items(&assessed, &defaults(), date!(2026 - 12 - 02));
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].kind, DueKind::FirstMeeting);
    }

    #[test]
    fn r_cmp_4_review_is_due_after_the_plan_or_the_last_review_or_earlier_when_set() {
        let progress = CaseProgress {
            opened_on: Some(date!(2026 - 01 - 05)),
            assigned_on: Some(date!(2026 - 01 - 06)),
            assessed: true,
            met: true,
            plan_agreed_on: Some(date!(2026 - 01 - 20)),
            ..CaseProgress::default()
        };
        let items = due_items(&progress, &defaults(), date!(2026 - 12 - 02));
        assert_eq!(items[0].kind, DueKind::Review);
        assert_eq!(items[0].due_on, date!(2026 - 07 - 20));
        assert!(items[0].overdue);

        let reviewed = CaseProgress {
            last_review_on: Some(date!(2026 - 07 - 15)),
            next_review_set: Some(date!(2026 - 10 - 01)),
            pending_actions: vec![date!(2026 - 12 - 31)],
            ..progress
        };
        let items = due_items(&reviewed, &defaults(), date!(2026 - 09 - 01));
        assert_eq!(items[0].kind, DueKind::Review);
        assert_eq!(items[0].due_on, date!(2026 - 10 - 01));
        assert!(!items[0].overdue);
        assert_eq!(items[1].kind, DueKind::Action);
    }

    #[test]
    fn r_cm_2_no_plan_is_agreed_before_an_assessment() {
        assert_eq!(
            check_plan_agreement(false, &[1]),
            Err(CaseRuleError::PlanBeforeAssessment)
        );
        assert_eq!(
            check_plan_agreement(true, &[]),
            Err(CaseRuleError::EmptyPlan)
        );
        assert_eq!(
            check_plan_agreement(true, &[2, 0]),
            Err(CaseRuleError::EmptyPlan)
        );
        assert_eq!(check_plan_agreement(true, &[2, 1]), Ok(()));
    }

    #[test]
    fn r_cmp_5_closing_needs_a_reason_and_other_its_description() {
        assert_eq!(
            check_closing(None, None),
            Err(CaseRuleError::ClosingWithoutReason)
        );
        assert_eq!(
            check_closing(Some(ClosingReason::Other), Some("  ")),
            Err(CaseRuleError::OtherReasonUndescribed)
        );
        assert_eq!(
            check_closing(Some(ClosingReason::Other), Some("Šeima atsisakė")),
            Ok(ClosingReason::Other)
        );
        assert_eq!(
            check_closing(Some(ClosingReason::GoalsReached), None),
            Ok(ClosingReason::GoalsReached)
        );
    }

    #[test]
    fn r_cm_4_an_application_for_day_care_from_a_case_needs_the_recommendation() {
        assert_eq!(
            check_case_application(CHILDREN_DAY_CARE, None),
            Err(CaseRuleError::RecommendationMissing)
        );
        assert_eq!(
            check_case_application(CHILDREN_DAY_CARE, Some("  ")),
            Err(CaseRuleError::RecommendationMissing)
        );
        assert_eq!(
            check_case_application(CHILDREN_DAY_CARE, Some("Rekomenduoju lankyti VDC")),
            Ok(())
        );
        assert_eq!(check_case_application("home_help", None), Ok(()));
    }

    #[test]
    fn r_cmp_3_an_action_not_done_needs_its_reason() {
        assert_eq!(
            check_action_status(ActionStatus::NotDone, None),
            Err(CaseRuleError::NotDoneWithoutReason)
        );
        assert_eq!(
            check_action_status(ActionStatus::NotDone, Some("Šeima išvyko")),
            Ok(())
        );
        assert_eq!(check_action_status(ActionStatus::Done, None), Ok(()));
    }

    #[test]
    fn journal_entries_are_editable_for_24_hours() {
        let written = datetime!(2026-12-01 10:00 UTC);
        assert_eq!(
            check_journal_edit(written, datetime!(2026-12-02 10:00 UTC)),
            Ok(())
        );
        assert_eq!(
            check_journal_edit(written, datetime!(2026-12-02 10:01 UTC)),
            Err(CaseRuleError::JournalEditWindowPassed)
        );
    }

    type Goal = PlanGoalContent<u32, u32, u32>;

    fn action(id: u32, what: &str, due: Date) -> PlanActionContent<u32, u32, u32> {
        PlanActionContent {
            id,
            what: what.into(),
            responsible: Responsible::Staff { user_id: 1 },
            due_on: due,
        }
    }

    #[test]
    fn r_cmp_3_versions_show_what_changed() {
        let old: Vec<Goal> = vec![
            PlanGoalContent {
                id: 1,
                title: "Vaikas lanko mokyklą".into(),
                actions: vec![action(10, "Susitikti su pedagogu", date!(2026 - 12 - 10))],
            },
            PlanGoalContent {
                id: 2,
                title: "Tvarkingi namai".into(),
                actions: vec![action(20, "Vizitas", date!(2026 - 12 - 11))],
            },
        ];
        let mut new = old.clone();
        new[0].actions[0].due_on = date!(2026 - 12 - 20);
        new[0]
            .actions
            .push(action(11, "Kalbėtis su vaiku", date!(2026 - 12 - 21)));
        new[0].actions[0].responsible = Responsible::Organisation {
            name: "Kelmės mokykla".into(),
        };
        new.remove(1);
        new.push(PlanGoalContent {
            id: 3,
            title: "Pajamos".into(),
            actions: vec![action(30, "Pagalba ieškant darbo", date!(2027 - 01 - 10))],
        });
        let kinds: Vec<(PlanChangeKind, u32, Option<u32>)> = diff_plans(&old, &new)
            .into_iter()
            .map(|c| (c.kind, c.goal_id, c.action_id))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (PlanChangeKind::ActionResponsibleChanged, 1, Some(10)),
                (PlanChangeKind::ActionDueChanged, 1, Some(10)),
                (PlanChangeKind::ActionAdded, 1, Some(11)),
                (PlanChangeKind::GoalAdded, 3, None),
                (PlanChangeKind::ActionAdded, 3, Some(30)),
                (PlanChangeKind::GoalRemoved, 2, None),
            ]
        );
        assert!(diff_plans(&new, &new).is_empty());
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (2000i32..2100, 1u16..=365)
            .prop_map(|(y, d)| Date::from_ordinal_date(y, d).unwrap_or(date!(2026 - 01 - 01)))
    }

    fn any_parameters() -> impl Strategy<Value = ProcedureParameters> {
        (1u32..=30, 1u32..=60, 1u32..=6).prop_map(|(a, m, r)| ProcedureParameters {
            assignment_working_days: a,
            first_meeting_working_days: m,
            review_interval_months: r,
        })
    }

    proptest! {
        #[test]
        fn r_cmp_1_and_r_cmp_2_terms_end_on_working_days_after_the_start(
            start in any_date(), p in any_parameters()
        ) {
            for due in [p.assignment_due(start), p.first_meeting_due(start)] {
                prop_assert!(due > start);
                prop_assert!(is_working_day(due));
            }
            // Exactly the number of working days after the start.
            let counted = (1..=(p.first_meeting_due(start) - start).whole_days())
                .filter(|d| is_working_day(start + Duration::days(*d)))
                .count();
            prop_assert_eq!(counted, p.first_meeting_working_days as usize);
        }

        #[test]
        fn r_cmp_4_review_falls_on_a_working_day_within_a_few_days_of_the_months(
            start in any_date(), p in any_parameters()
        ) {
            let due = p.review_due(start);
            prop_assert!(is_working_day(due));
            let plain = add_months(start, p.review_interval_months);
            prop_assert!(due >= plain);
            // Holidays and weekends move it by at most a few days.
            prop_assert!((due - plain).whole_days() <= 5);
            prop_assert!(due > start);
        }

        #[test]
        fn r_cmp_due_items_are_sorted_and_overdue_exactly_when_past(
            opened in any_date(), gap in 0i64..40, today_gap in 0i64..400,
            assessed in any::<bool>(), agreed in any::<bool>(), p in any_parameters()
        ) {
            let assigned = opened + Duration::days(gap);
            let progress = CaseProgress {
                opened_on: Some(opened),
                assigned_on: Some(assigned),
                assessed,
                met: agreed,
                plan_agreed_on: agreed.then_some(assigned + Duration::days(5)),
                pending_actions: vec![assigned + Duration::days(30)],
                ..CaseProgress::default()
            };
            let today = opened + Duration::days(today_gap);
            let items = due_items(&progress, &p, today);
            prop_assert!(!items.is_empty());
            prop_assert!(items.windows(2).all(|w| w[0].due_on <= w[1].due_on));
            for i in &items {
                prop_assert_eq!(i.overdue, i.due_on < today);
            }
        }
    }
}
