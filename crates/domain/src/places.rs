//! Places and fair queues (R-Q-1..5), the group living home's admission
//! conditions (R-LIM-7) and the overnight shelter's stay limits (R-DL-5).
//!
//! A facility offers places of one or more kinds ([`PlaceKind`]); each kind
//! of place at a facility has its own queue. [`PlaceQueue`] is the pure
//! state of one such queue at one moment: the places in force, how many are
//! occupied, and the people waiting in R-Q-3 order with their offers. The
//! application layer loads it under the place's lock, applies one command,
//! and stores what the command returns: the position [`Move`]s that explain
//! every change of anyone's position, and the offers made.
//!
//! Invariants every command keeps (proven by the property tests below):
//! positions are dense (1, 2, 3, …) and follow R-Q-3; places offered plus
//! places occupied never exceed the capacity (R-Q-4); a refusal never
//! changes anyone else's order.

use crate::cases::add_months;
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// A kind of place; each kind at a facility has its own queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// Short-term social care (trumpalaikė socialinė globa), group living home.
    ShortTermCare,
    /// Long-term social care (ilgalaikė socialinė globa), group living home.
    LongTermCare,
    /// Children's day social supervision (vaikų dienos socialinė priežiūra).
    DayCare,
    /// Temporary overnight shelter (laikinas apnakvindinimas).
    Shelter,
}

impl PlaceKind {
    /// Every kind.
    pub const ALL: [PlaceKind; 4] = [
        PlaceKind::ShortTermCare,
        PlaceKind::LongTermCare,
        PlaceKind::DayCare,
        PlaceKind::Shelter,
    ];

    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::ShortTermCare => "short_term_care",
            PlaceKind::LongTermCare => "long_term_care",
            PlaceKind::DayCare => "day_care",
            PlaceKind::Shelter => "shelter",
        }
    }

    /// The kind of `code` ([`Self::as_str`]).
    pub fn parse(code: &str) -> Option<PlaceKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// R-Q-1: the kind of place a service type of the catalogue gives, by its
    /// code; `None` for services without places.
    pub fn of_service(service_code: &str) -> Option<PlaceKind> {
        match service_code {
            "group_living_short_term" => Some(PlaceKind::ShortTermCare),
            "group_living_long_term" => Some(PlaceKind::LongTermCare),
            "children_day_centre" => Some(PlaceKind::DayCare),
            "overnight_shelter" => Some(PlaceKind::Shelter),
            _ => None,
        }
    }

    /// R-Q-2: whether a person may wait in only one queue of this kind at a
    /// time, whatever the facility (short-term and long-term care).
    pub fn one_queue_per_person(self) -> bool {
        matches!(self, PlaceKind::ShortTermCare | PlaceKind::LongTermCare)
    }

    /// R-DL-5: whether people arrive at these places before any decision
    /// (the shelter) instead of through a queue.
    pub fn arrives_without_decision(self) -> bool {
        self == PlaceKind::Shelter
    }
}

/// A kind of facility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FacilityKind {
    /// Group living home (grupinio gyvenimo namai, GGN).
    GroupLivingHome,
    /// Children's day centre (vaikų dienos centras).
    ChildrenDayCentre,
    /// Overnight shelter (laikino apnakvindinimo vieta).
    OvernightShelter,
}

impl FacilityKind {
    /// Every kind.
    pub const ALL: [FacilityKind; 3] = [
        FacilityKind::GroupLivingHome,
        FacilityKind::ChildrenDayCentre,
        FacilityKind::OvernightShelter,
    ];

    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            FacilityKind::GroupLivingHome => "group_living_home",
            FacilityKind::ChildrenDayCentre => "children_day_centre",
            FacilityKind::OvernightShelter => "overnight_shelter",
        }
    }

    /// The kind of `code`.
    pub fn parse(code: &str) -> Option<FacilityKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// The kinds of place a facility of this kind may have.
    pub fn place_kinds(self) -> &'static [PlaceKind] {
        match self {
            FacilityKind::GroupLivingHome => &[PlaceKind::ShortTermCare, PlaceKind::LongTermCare],
            FacilityKind::ChildrenDayCentre => &[PlaceKind::DayCare],
            FacilityKind::OvernightShelter => &[PlaceKind::Shelter],
        }
    }
}

/// R-Q-3: the order of a queue: the decision's date, then the application's
/// date (earlier first), then the order of registration in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct QueueKey {
    /// The date the decision granting the service was made (signed).
    pub decided_on: Date,
    /// The date the application (SP-8) was received.
    pub applied_on: Date,
    /// The order of registration in this queue (1, 2, 3, …, never reused).
    pub registration: i64,
}

/// Why someone waiting is not offered a place for now, though they keep
/// their position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "until")]
pub enum Hold {
    /// Declined an offer for a reason that keeps the place, and can move
    /// in from this date (in hospital, for example).
    Until(Date),
    /// Did not answer an offer in time: not offered again until the
    /// division has reached them and resumes the entry.
    UntilResumed,
}

impl Hold {
    /// Whether the hold still applies on `today`.
    pub fn applies_on(self, today: Date) -> bool {
        match self {
            Hold::Until(date) => today < date,
            Hold::UntilResumed => true,
        }
    }
}

/// Where an offer of a place stands while it holds the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum HeldOffer {
    /// Made; the person answers by `reply_by`.
    Pending {
        /// The last day to answer.
        reply_by: Date,
    },
    /// Accepted; the admission (R-LIM-7 checklist) follows.
    Accepted,
}

/// One person waiting in a queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Waiting<I> {
    /// The queue entry.
    pub id: I,
    /// Its place in the R-Q-3 order.
    pub key: QueueKey,
    /// The offer holding a place for them, if any.
    pub offer: Option<HeldOffer>,
    /// Why they are not offered a place for now.
    pub hold: Option<Hold>,
}

/// A change of one entry's position, with the entry whose command caused it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Move<I> {
    /// The entry whose position changed.
    pub entry: I,
    /// The position before (`None`: it joined).
    pub from: Option<u32>,
    /// The position after (`None`: it left the queue).
    pub to: Option<u32>,
}

/// A broken queue rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PlaceRuleError {
    /// R-Q-4: no place is free (offered plus occupied would exceed the
    /// capacity).
    #[error("R-Q-4: no place is free: the places offered and occupied already fill the capacity")]
    NoFreePlace,
    /// R-Q-4: the place goes to the first person in order who can be
    /// offered one.
    #[error("R-Q-4: the place is offered to the first person in order who can take it")]
    NotFirst,
    /// The entry already has an offer holding a place.
    #[error("the person already has an offer of a place")]
    AlreadyOffered,
    /// The entry has no pending offer to answer.
    #[error("the person has no pending offer to answer")]
    NoPendingOffer,
    /// Admission needs an accepted offer.
    #[error("the offer has not been accepted")]
    NotAccepted,
    /// An offer expires only after its reply date.
    #[error("the offer's reply date has not passed")]
    ReplyDateNotPassed,
    /// The entry is not in this queue.
    #[error("the person is not waiting in this queue")]
    NotWaiting,
    /// R-Q-4: capacity cannot go below the places offered and occupied.
    #[error("R-Q-4: the capacity cannot be less than the places offered and occupied")]
    CapacityBelowUse,
    /// No stay to end.
    #[error("no place is occupied")]
    NothingOccupied,
}

/// One queue: a kind of place at one facility, at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceQueue<I> {
    capacity: u32,
    occupied: u32,
    /// Always in R-Q-3 order; position = index + 1.
    waiting: Vec<Waiting<I>>,
}

impl<I: Copy + Eq> PlaceQueue<I> {
    /// The queue with `capacity` places in force, `occupied` of them taken
    /// by stays, and `waiting` in any order (sorted here by R-Q-3).
    pub fn new(capacity: u32, occupied: u32, mut waiting: Vec<Waiting<I>>) -> Self {
        waiting.sort_by_key(|w| w.key);
        PlaceQueue {
            capacity,
            occupied,
            waiting,
        }
    }

    /// The places in force.
    pub fn capacity(&self) -> u32 {
        self.capacity
    }

    /// The places taken by stays.
    pub fn occupied(&self) -> u32 {
        self.occupied
    }

    /// R-Q-4: the places held by offers (pending or accepted).
    pub fn offered(&self) -> u32 {
        u32::try_from(self.waiting.iter().filter(|w| w.offer.is_some()).count()).unwrap_or(u32::MAX)
    }

    /// R-Q-4: the places neither occupied nor offered.
    pub fn free(&self) -> u32 {
        self.capacity
            .saturating_sub(self.occupied.saturating_add(self.offered()))
    }

    /// The people waiting, in R-Q-3 order (position = index + 1).
    pub fn waiting(&self) -> &[Waiting<I>] {
        &self.waiting
    }

    /// R-Q-3: the dense position (1, 2, 3, …) of entry `id`.
    pub fn position(&self, id: I) -> Option<u32> {
        self.index(id).map(position_of)
    }

    /// R-Q-3: every entry with its dense position.
    pub fn positions(&self) -> Vec<(I, u32)> {
        self.waiting
            .iter()
            .enumerate()
            .map(|(i, w)| (w.id, position_of(i)))
            .collect()
    }

    fn index(&self, id: I) -> Option<usize> {
        self.waiting.iter().position(|w| w.id == id)
    }

    /// R-Q-4: the first person in R-Q-3 order who can be offered a place on
    /// `today`: no offer holds a place for them and no hold applies.
    pub fn first_eligible(&self, today: Date) -> Option<I> {
        self.waiting
            .iter()
            .find(|w| w.offer.is_none() && !w.hold.is_some_and(|h| h.applies_on(today)))
            .map(|w| w.id)
    }

    /// R-Q-1, R-Q-3: `id` joins with `key`; it takes its place in the order
    /// and everyone after it moves one down. The moves include the joiner's
    /// (`from: None`).
    pub fn join(&mut self, id: I, key: QueueKey) -> Vec<Move<I>> {
        let before = self.positions();
        let at = self.waiting.partition_point(|w| w.key < key);
        self.waiting.insert(
            at,
            Waiting {
                id,
                key,
                offer: None,
                hold: None,
            },
        );
        moves(&before, &self.positions())
    }

    /// `id` leaves the queue (moved elsewhere, died, refused, decision
    /// revoked); an offer it held frees its place. Everyone after it moves
    /// one up; the moves include the leaver's (`to: None`).
    pub fn leave(&mut self, id: I) -> Result<Vec<Move<I>>, PlaceRuleError> {
        let at = self.index(id).ok_or(PlaceRuleError::NotWaiting)?;
        let before = self.positions();
        self.waiting.remove(at);
        Ok(moves(&before, &self.positions()))
    }

    /// R-Q-4: offers a place to `id` with an answer due by `reply_by`: only
    /// to the first eligible person ([`Self::first_eligible`]) and only
    /// while a place is free. Nobody's position changes.
    pub fn offer(&mut self, id: I, today: Date, reply_by: Date) -> Result<(), PlaceRuleError> {
        let at = self.index(id).ok_or(PlaceRuleError::NotWaiting)?;
        if self.waiting[at].offer.is_some() {
            return Err(PlaceRuleError::AlreadyOffered);
        }
        if self.free() == 0 {
            return Err(PlaceRuleError::NoFreePlace);
        }
        if self.first_eligible(today) != Some(id) {
            return Err(PlaceRuleError::NotFirst);
        }
        self.waiting[at].offer = Some(HeldOffer::Pending { reply_by });
        self.waiting[at].hold = None;
        Ok(())
    }

    /// R-Q-4: the offers to make on `today` so that no place stays free
    /// while someone eligible waits: each made in turn to the first eligible
    /// person, answer due by `reply_by`. Returns who was offered.
    pub fn fill(&mut self, today: Date, reply_by: Date) -> Vec<I> {
        let mut offered = Vec::new();
        while self.free() > 0 {
            let Some(id) = self.first_eligible(today) else {
                break;
            };
            if self.offer(id, today, reply_by).is_err() {
                break;
            }
            offered.push(id);
        }
        offered
    }

    fn pending_at(&self, id: I) -> Result<usize, PlaceRuleError> {
        let at = self.index(id).ok_or(PlaceRuleError::NotWaiting)?;
        match self.waiting[at].offer {
            Some(HeldOffer::Pending { .. }) => Ok(at),
            _ => Err(PlaceRuleError::NoPendingOffer),
        }
    }

    /// R-Q-4: `id` accepts its pending offer; the place stays held for the
    /// admission.
    pub fn accept(&mut self, id: I) -> Result<(), PlaceRuleError> {
        let at = self.pending_at(id)?;
        self.waiting[at].offer = Some(HeldOffer::Accepted);
        Ok(())
    }

    /// R-Q-4: `id` declines its pending offer, which frees the place. A
    /// refusal does not change anyone else's order: with `keeps_place`
    /// (a recorded reason that keeps it, e.g. in hospital until a date) the
    /// decliner keeps their position, on hold until then, and no move
    /// happens; without it the decliner leaves the queue and those after
    /// move one up (their order unchanged).
    pub fn decline(
        &mut self,
        id: I,
        keeps_place: Option<Hold>,
    ) -> Result<Vec<Move<I>>, PlaceRuleError> {
        let at = self.pending_at(id)?;
        match keeps_place {
            Some(hold) => {
                self.waiting[at].offer = None;
                self.waiting[at].hold = Some(hold);
                Ok(Vec::new())
            }
            None => self.leave(id),
        }
    }

    /// R-Q-4: `id` did not answer by the reply date (it must have passed on
    /// `today`): the place is freed and the person keeps their position,
    /// on hold until the division has reached them ([`Hold::UntilResumed`]).
    pub fn expire(&mut self, id: I, today: Date) -> Result<(), PlaceRuleError> {
        let at = self.pending_at(id)?;
        if let Some(HeldOffer::Pending { reply_by }) = self.waiting[at].offer
            && today <= reply_by
        {
            return Err(PlaceRuleError::ReplyDateNotPassed);
        }
        self.waiting[at].offer = None;
        self.waiting[at].hold = Some(Hold::UntilResumed);
        Ok(())
    }

    /// The pending offers whose reply date has passed on `today`.
    pub fn overdue_offers(&self, today: Date) -> Vec<I> {
        self.waiting
            .iter()
            .filter(
                |w| matches!(w.offer, Some(HeldOffer::Pending { reply_by }) if reply_by < today),
            )
            .map(|w| w.id)
            .collect()
    }

    /// Lifts `id`'s hold: it can be offered a place again.
    pub fn resume(&mut self, id: I) -> Result<(), PlaceRuleError> {
        let at = self.index(id).ok_or(PlaceRuleError::NotWaiting)?;
        self.waiting[at].hold = None;
        Ok(())
    }

    /// R-Q-4: `id`, whose offer was accepted, moves in: the offered place
    /// becomes occupied, and the entry leaves the queue (those after move
    /// one up).
    pub fn admit(&mut self, id: I) -> Result<Vec<Move<I>>, PlaceRuleError> {
        let at = self.index(id).ok_or(PlaceRuleError::NotWaiting)?;
        if self.waiting[at].offer != Some(HeldOffer::Accepted) {
            return Err(PlaceRuleError::NotAccepted);
        }
        let moves = self.leave(id)?;
        self.occupied = self.occupied.saturating_add(1);
        Ok(moves)
    }

    /// R-Q-4: a stay begins without a queue (an arrival at the shelter,
    /// R-DL-5): only while a place is free.
    pub fn arrive(&mut self) -> Result<(), PlaceRuleError> {
        if self.free() == 0 {
            return Err(PlaceRuleError::NoFreePlace);
        }
        self.occupied = self.occupied.saturating_add(1);
        Ok(())
    }

    /// A stay ends: its place frees.
    pub fn end_stay(&mut self) -> Result<(), PlaceRuleError> {
        if self.occupied == 0 {
            return Err(PlaceRuleError::NothingOccupied);
        }
        self.occupied -= 1;
        Ok(())
    }

    /// R-Q-4: the capacity changes to `places`; never below the places
    /// offered and occupied.
    pub fn set_capacity(&mut self, places: u32) -> Result<(), PlaceRuleError> {
        if places < self.occupied.saturating_add(self.offered()) {
            return Err(PlaceRuleError::CapacityBelowUse);
        }
        self.capacity = places;
        Ok(())
    }
}

fn position_of(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX - 1) + 1
}

/// The moves between two position lists of one queue: every entry whose
/// position differs, joined (`from: None`) or left (`to: None`).
pub fn moves<I: Copy + Eq>(before: &[(I, u32)], after: &[(I, u32)]) -> Vec<Move<I>> {
    let find = |list: &[(I, u32)], id: I| list.iter().find(|(e, _)| *e == id).map(|(_, p)| *p);
    let mut out: Vec<Move<I>> = before
        .iter()
        .filter_map(|&(id, from)| {
            let to = find(after, id);
            (to != Some(from)).then_some(Move {
                entry: id,
                from: Some(from),
                to,
            })
        })
        .collect();
    out.extend(
        after
            .iter()
            .filter(|(id, _)| find(before, *id).is_none())
            .map(|&(id, to)| Move {
                entry: id,
                from: None,
                to: Some(to),
            }),
    );
    out
}

/// Why someone leaves a queue without moving in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LeaveReason {
    /// Moved to another facility or gets the help elsewhere.
    MovedElsewhere,
    /// Died.
    Died,
    /// Refused the service (or declined an offer for a reason that gives
    /// up the place).
    Refused,
    /// The decision granting the service was revoked.
    DecisionRevoked,
}

impl LeaveReason {
    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            LeaveReason::MovedElsewhere => "moved_elsewhere",
            LeaveReason::Died => "died",
            LeaveReason::Refused => "refused",
            LeaveReason::DecisionRevoked => "decision_revoked",
        }
    }
}

/// R-Q-4: why an offer was declined; the reason decides whether the person
/// keeps their place in the queue ([`DeclineReason::keeps_place`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeclineReason {
    /// In hospital or otherwise unable to move in for now: keeps the place,
    /// on hold until a date.
    TemporarilyUnable,
    /// Not ready to move in yet (the family cares for now): keeps the
    /// place, on hold until a date.
    NotReadyYet,
    /// Does not want the service any more: leaves the queue.
    NoLongerNeeded,
    /// Gets the help elsewhere: leaves the queue.
    ChoseOtherProvider,
}

impl DeclineReason {
    /// R-Q-4: whether declining for this reason keeps the person's place.
    pub fn keeps_place(self) -> bool {
        matches!(
            self,
            DeclineReason::TemporarilyUnable | DeclineReason::NotReadyYet
        )
    }

    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            DeclineReason::TemporarilyUnable => "temporarily_unable",
            DeclineReason::NotReadyYet => "not_ready_yet",
            DeclineReason::NoLongerNeeded => "no_longer_needed",
            DeclineReason::ChoseOtherProvider => "chose_other_provider",
        }
    }

    /// Why the person leaves the queue when the reason does not keep the
    /// place.
    pub fn leave_reason(self) -> LeaveReason {
        match self {
            DeclineReason::ChoseOtherProvider => LeaveReason::MovedElsewhere,
            _ => LeaveReason::Refused,
        }
    }
}

/// The default number of calendar days a person has to answer an offer.
pub const DEFAULT_REPLY_DAYS: u32 = 5;

/// R-LIM-7: how old the F027/a medical extract may be on the day the person
/// moves into the group living home.
pub const EXTRACT_027A_VALID_MONTHS: u32 = 3;

/// What is checked when someone moves into a group living home (R-LIM-7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AdmissionHealth {
    /// When the F027/a extract was issued.
    pub extract_027a_issued_on: Option<Date>,
    /// Declared: no acute infectious or other dangerous communicable disease.
    pub no_acute_infectious_disease: bool,
    /// Declared: not in a state of acute psychosis.
    pub no_acute_psychosis: bool,
}

/// A reason R-LIM-7 refuses an admission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum AdmissionProblem {
    /// No F027/a extract.
    #[error("R-LIM-7: the F027/a medical extract is required")]
    ExtractMissing,
    /// Issued after the moving-in day.
    #[error("R-LIM-7: the F027/a extract cannot be issued after the moving-in day")]
    ExtractAfterMovingIn,
    /// More than 3 months old on the moving-in day.
    #[error("R-LIM-7: the F027/a extract is more than 3 months old on the moving-in day")]
    ExtractTooOld,
    /// An acute infectious disease is not excluded.
    #[error("R-LIM-7: an acute infectious disease must be excluded")]
    InfectiousDiseaseNotExcluded,
    /// Acute psychosis is not excluded.
    #[error("R-LIM-7: acute psychosis must be excluded")]
    PsychosisNotExcluded,
}

/// R-LIM-7: the last moving-in day an F027/a extract issued on `issued_on`
/// allows (3 calendar months after it).
pub fn extract_027a_valid_until(issued_on: Date) -> Date {
    add_months(issued_on, EXTRACT_027A_VALID_MONTHS)
}

/// R-LIM-7: whether a person may move into a group living home on
/// `moving_in`: the F027/a extract issued at most 3 months before (and not
/// after) that day, no acute infectious disease, no acute psychosis. Every
/// problem found is returned.
pub fn check_group_living_admission(
    moving_in: Date,
    health: AdmissionHealth,
) -> Result<(), Vec<AdmissionProblem>> {
    let mut problems = Vec::new();
    match health.extract_027a_issued_on {
        None => problems.push(AdmissionProblem::ExtractMissing),
        Some(issued) if issued > moving_in => {
            problems.push(AdmissionProblem::ExtractAfterMovingIn);
        }
        Some(issued) if moving_in > extract_027a_valid_until(issued) => {
            problems.push(AdmissionProblem::ExtractTooOld);
        }
        Some(_) => {}
    }
    if !health.no_acute_infectious_disease {
        problems.push(AdmissionProblem::InfectiousDiseaseNotExcluded);
    }
    if !health.no_acute_psychosis {
        problems.push(AdmissionProblem::PsychosisNotExcluded);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// One item of a facility's admission checklist (editable per facility).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChecklistItem {
    /// Stable code; the R-LIM-7 items are [`ITEM_F027A_EXTRACT`],
    /// [`ITEM_NO_ACUTE_INFECTIOUS_DISEASE`] and [`ITEM_NO_ACUTE_PSYCHOSIS`].
    pub code: String,
    /// Lithuanian label.
    pub label_lt: String,
    /// English label.
    pub label_en: String,
    /// Whether the admission needs it done.
    pub required: bool,
}

/// R-LIM-7: the F027/a extract (its issue date is recorded with it).
pub const ITEM_F027A_EXTRACT: &str = "f027a_extract";
/// R-LIM-7: no acute infectious or other dangerous communicable disease.
pub const ITEM_NO_ACUTE_INFECTIOUS_DISEASE: &str = "no_acute_infectious_disease";
/// R-LIM-7: not in a state of acute psychosis.
pub const ITEM_NO_ACUTE_PSYCHOSIS: &str = "no_acute_psychosis";

fn item(code: &str, label_lt: &str, label_en: &str, required: bool) -> ChecklistItem {
    ChecklistItem {
        code: code.into(),
        label_lt: label_lt.into(),
        label_en: label_en.into(),
        required,
    }
}

/// The admission checklist a new facility of `kind` starts with (S4): the
/// group living home's R-LIM-7 conditions and the visit before moving in;
/// the day centre's service agreement; the shelter has none (people arrive).
pub fn default_admission_checklist(kind: FacilityKind) -> Vec<ChecklistItem> {
    match kind {
        FacilityKind::GroupLivingHome => vec![
            item(
                ITEM_F027A_EXTRACT,
                "Pateiktas išrašas iš medicininių dokumentų (F027/a), ne senesnis kaip 3 mėn.",
                "Medical extract (F027/a) presented, at most 3 months old",
                true,
            ),
            item(
                ITEM_NO_ACUTE_INFECTIOUS_DISEASE,
                "Asmuo neserga ūmiomis infekcinėmis ar kitomis pavojingomis užkrečiamomis ligomis",
                "No acute infectious or other dangerous communicable disease",
                true,
            ),
            item(
                ITEM_NO_ACUTE_PSYCHOSIS,
                "Asmuo nėra ūmios psichozės būsenos",
                "Not in a state of acute psychosis",
                true,
            ),
            item(
                "visit_offered",
                "Asmeniui ir artimiesiems sudaryta galimybė apsilankyti ir susipažinti su paslaugomis",
                "The person and their family could visit and learn about the services",
                false,
            ),
        ],
        FacilityKind::ChildrenDayCentre => vec![item(
            "service_agreement",
            "Sudaryta paslaugos teikimo sutartis su vaiko atstovais",
            "Service agreement signed with the child's representatives",
            true,
        )],
        FacilityKind::OvernightShelter => Vec::new(),
    }
}

/// R-DL-5: the nights a shelter stay lasts without a recorded threat.
pub const SHELTER_MAX_NIGHTS: i64 = 7;

/// A broken shelter rule (R-DL-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum ShelterRuleError {
    /// The service is given once; another stay needs a recorded threat to
    /// health or life.
    #[error(
        "R-DL-5: the shelter is given once; another stay needs a recorded threat to health or life"
    )]
    GivenOnce,
    /// Longer than 7 nights only while a recorded threat remains.
    #[error("R-DL-5: a stay longer than 7 nights needs a recorded threat to health or life")]
    LongerNeedsThreat,
    /// An extension must go beyond the current end.
    #[error("an extension must end after the stay's current end")]
    ExtensionNotLater,
}

/// R-DL-5: the day a shelter stay that started on `started_on` ends without
/// an extension (7 nights later).
pub fn shelter_stay_ends_on(started_on: Date) -> Date {
    started_on.saturating_add(Duration::days(SHELTER_MAX_NIGHTS))
}

/// R-DL-5: whether a person with `earlier_stays` shelter stays may start
/// another: the first always (before any application, brought by the police
/// or an ambulance or by themself); another only with a recorded threat to
/// health or life.
pub fn may_start_shelter_stay(
    earlier_stays: usize,
    threat_recorded: bool,
) -> Result<(), ShelterRuleError> {
    if earlier_stays > 0 && !threat_recorded {
        return Err(ShelterRuleError::GivenOnce);
    }
    Ok(())
}

/// R-DL-5: whether a stay that started on `started_on` and now ends on
/// `current_end` may be extended to `until`: past the 7 nights only with a
/// recorded threat to health or life.
pub fn may_extend_shelter_stay(
    started_on: Date,
    current_end: Date,
    until: Date,
    threat_recorded: bool,
) -> Result<(), ShelterRuleError> {
    if until <= current_end {
        return Err(ShelterRuleError::ExtensionNotLater);
    }
    if until > shelter_stay_ends_on(started_on) && !threat_recorded {
        return Err(ShelterRuleError::LongerNeedsThreat);
    }
    Ok(())
}

/// How the expected wait of a position was estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WaitEstimate {
    /// The position the estimate is for.
    pub position: u32,
    /// Admissions in the 365 days before the estimate (the basis).
    pub admissions_last_12_months: u32,
    /// Expected days until admission: `position × 365 / admissions`,
    /// rounded up; `None` when nobody was admitted in the last 12 months
    /// (no basis to estimate from).
    pub expected_days: Option<u32>,
}

/// The expected wait of `position` from the admissions of the last 12
/// months: at the past rate of admissions, the position is reached after
/// `position` admissions.
pub fn estimate_wait(position: u32, admissions_last_12_months: u32) -> WaitEstimate {
    let expected_days = (admissions_last_12_months > 0).then(|| {
        let days = u64::from(position) * 365;
        let per = u64::from(admissions_last_12_months);
        u32::try_from(days.div_ceil(per)).unwrap_or(u32::MAX)
    });
    WaitEstimate {
        position,
        admissions_last_12_months,
        expected_days,
    }
}

/// R-Q-5: when the preferred institution has no free place, the other
/// institutions of the same type with free places, most free places first
/// (ties in the given order); empty when the preferred one has a place.
pub fn alternatives<I: Copy + Eq>(preferred: I, free_places: &[(I, u32)]) -> Vec<I> {
    let preferred_free = free_places
        .iter()
        .find(|(id, _)| *id == preferred)
        .map_or(0, |(_, free)| *free);
    if preferred_free > 0 {
        return Vec::new();
    }
    let mut others: Vec<(I, u32)> = free_places
        .iter()
        .copied()
        .filter(|(id, free)| *id != preferred && *free > 0)
        .collect();
    others.sort_by_key(|&(_, free)| std::cmp::Reverse(free));
    others.into_iter().map(|(id, _)| id).collect()
}

/// Why a stay in a place ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StayEndReason {
    /// Moved out (home, to family).
    MovedOut,
    /// Moved to another facility or gets the help elsewhere.
    MovedElsewhere,
    /// Died.
    Died,
    /// The service ended (the decision's term, a revocation).
    ServiceEnded,
    /// Broke the facility's rules.
    RulesBroken,
    /// R-DL-5: the shelter stay's term is over.
    TermOver,
}

impl StayEndReason {
    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            StayEndReason::MovedOut => "moved_out",
            StayEndReason::MovedElsewhere => "moved_elsewhere",
            StayEndReason::Died => "died",
            StayEndReason::ServiceEnded => "service_ended",
            StayEndReason::RulesBroken => "rules_broken",
            StayEndReason::TermOver => "term_over",
        }
    }
}

#[cfg(test)]
#[path = "places_tests.rs"]
mod tests;
