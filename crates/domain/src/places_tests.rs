use super::*;
use proptest::prelude::*;
use proptest::sample::Index;
use std::collections::BTreeMap;
use time::macros::date;

type Queue = PlaceQueue<u32>;

/// The day the unit tests act on, and the reply date of their offers.
const TODAY: Date = date!(2026 - 12 - 01);
const REPLY_BY: Date = date!(2026 - 12 - 06);
/// An id nobody in a queue has.
const UNKNOWN: u32 = 10_000;

fn key(decided: Date, applied: Date, registration: i64) -> QueueKey {
    QueueKey {
        decided_on: decided,
        applied_on: applied,
        registration,
    }
}

/// Entry `id` with `key`, no offer, no hold.
fn waiting(id: u32, key: QueueKey) -> Waiting<u32> {
    Waiting {
        id,
        key,
        offer: None,
        hold: None,
    }
}

/// The key of entry `id` in the queues of [`queue`]: decided on
/// consecutive days, so the ids are also the positions.
fn nth_key(id: u32) -> QueueKey {
    key(
        date!(2026 - 10 - 01) + Duration::days(i64::from(id)),
        date!(2026 - 09 - 01),
        i64::from(id),
    )
}

/// `capacity` places, `occupied` of them taken, and ids `1..=n` waiting in
/// that order.
fn queue(capacity: u32, occupied: u32, n: u32) -> Queue {
    let mut q = PlaceQueue::new(capacity, occupied, Vec::new());
    for id in 1..=n {
        q.join(id, nth_key(id));
    }
    q
}

/// Like [`queue`], with `held` on hold.
fn queue_with_holds(capacity: u32, n: u32, held: &[(u32, Hold)]) -> Queue {
    let entries = (1..=n)
        .map(|id| Waiting {
            hold: held.iter().find(|(h, _)| *h == id).map(|(_, hold)| *hold),
            ..waiting(id, nth_key(id))
        })
        .collect();
    PlaceQueue::new(capacity, 0, entries)
}

/// The ids in queue order.
fn order(q: &Queue) -> Vec<u32> {
    q.waiting().iter().map(|w| w.id).collect()
}

fn entry(q: &Queue, id: u32) -> Option<Waiting<u32>> {
    q.waiting().iter().find(|w| w.id == id).copied()
}

fn by_entry(mut moves: Vec<Move<u32>>) -> Vec<Move<u32>> {
    moves.sort_by_key(|m| m.entry);
    moves
}

fn mv(entry: u32, from: Option<u32>, to: Option<u32>) -> Move<u32> {
    Move { entry, from, to }
}

// ---------------------------------------------------------------- R-Q-3

#[test]
fn r_q_3_joins_in_order_of_decision_then_application_then_registration() {
    let mut q: Queue = PlaceQueue::new(0, 0, Vec::new());
    q.join(1, key(date!(2026 - 11 - 10), date!(2026 - 10 - 01), 1));
    q.join(2, key(date!(2026 - 11 - 10), date!(2026 - 09 - 01), 2));
    let moves = q.join(3, key(date!(2026 - 11 - 01), date!(2026 - 10 - 15), 3));
    assert_eq!(q.positions(), vec![(3, 1), (2, 2), (1, 3)]);
    assert!(moves.contains(&Move {
        entry: 3,
        from: None,
        to: Some(1)
    }));
    assert!(moves.contains(&Move {
        entry: 1,
        from: Some(2),
        to: Some(3)
    }));
}

#[test]
fn r_q_3_the_decision_date_comes_before_the_application_date() {
    let mut q: Queue = PlaceQueue::new(0, 0, Vec::new());
    // Applied long before, but decided a day later: goes second.
    q.join(1, key(date!(2026 - 11 - 11), date!(2025 - 01 - 01), 1));
    q.join(2, key(date!(2026 - 11 - 10), date!(2026 - 11 - 09), 2));
    assert_eq!(order(&q), vec![2, 1]);
}

#[test]
fn r_q_3_the_application_date_breaks_a_tie_of_decision_dates() {
    let decided = date!(2026 - 11 - 10);
    let mut q: Queue = PlaceQueue::new(0, 0, Vec::new());
    q.join(1, key(decided, date!(2026 - 10 - 02), 1));
    q.join(2, key(decided, date!(2026 - 10 - 01), 2));
    q.join(3, key(decided, date!(2026 - 10 - 03), 3));
    assert_eq!(order(&q), vec![2, 1, 3]);
}

#[test]
fn r_q_3_registration_breaks_a_tie_of_both_dates() {
    let (decided, applied) = (date!(2026 - 11 - 10), date!(2026 - 10 - 01));
    let mut q: Queue = PlaceQueue::new(0, 0, Vec::new());
    q.join(7, key(decided, applied, 2));
    q.join(8, key(decided, applied, 1));
    q.join(9, key(decided, applied, 3));
    assert_eq!(order(&q), vec![8, 7, 9]);
    assert_eq!(q.positions(), vec![(8, 1), (7, 2), (9, 3)]);
}

#[test]
fn r_q_3_new_sorts_the_waiting_list() {
    let q = PlaceQueue::new(
        2,
        1,
        vec![
            waiting(3, nth_key(3)),
            waiting(1, nth_key(1)),
            waiting(4, nth_key(4)),
            waiting(2, nth_key(2)),
        ],
    );
    assert_eq!(order(&q), vec![1, 2, 3, 4]);
    assert_eq!(q.capacity(), 2);
    assert_eq!(q.occupied(), 1);
    assert_eq!(q.offered(), 0);
    assert_eq!(q.free(), 1);
}

#[test]
fn r_q_3_positions_are_dense_from_one() {
    let mut q = queue(0, 0, 5);
    assert_eq!(
        q.leave(2),
        Ok(vec![
            mv(2, Some(2), None),
            mv(3, Some(3), Some(2)),
            mv(4, Some(4), Some(3)),
            mv(5, Some(5), Some(4))
        ])
    );
    assert_eq!(q.leave(5).map(by_entry), Ok(vec![mv(5, Some(4), None)]));
    assert_eq!(q.positions(), vec![(1, 1), (3, 2), (4, 3)]);
    assert_eq!(q.position(1), Some(1));
    assert_eq!(q.position(3), Some(2));
    assert_eq!(q.position(4), Some(3));
    assert_eq!(q.position(2), None);
    assert_eq!(q.position(UNKNOWN), None);
}

#[test]
fn r_q_3_join_returns_the_moves_of_everyone_pushed_down_and_the_joiner() {
    let mut q = queue(0, 0, 4);
    // Decided the same day as 2 but applied earlier: goes before 2.
    let k = key(nth_key(2).decided_on, date!(2026 - 08 - 01), 5);
    let moves = q.join(5, k);
    assert_eq!(order(&q), vec![1, 5, 2, 3, 4]);
    assert_eq!(
        by_entry(moves),
        vec![
            mv(2, Some(2), Some(3)),
            mv(3, Some(3), Some(4)),
            mv(4, Some(4), Some(5)),
            mv(5, None, Some(2)),
        ]
    );
}

#[test]
fn r_q_3_joining_last_moves_only_the_joiner() {
    let mut q = queue(0, 0, 2);
    assert_eq!(q.join(3, nth_key(3)), vec![mv(3, None, Some(3))]);
    let mut empty: Queue = PlaceQueue::new(1, 0, Vec::new());
    assert_eq!(empty.join(1, nth_key(1)), vec![mv(1, None, Some(1))]);
}

#[test]
fn r_q_3_joining_first_moves_everyone_down() {
    let mut q = queue(0, 0, 2);
    let moves = q.join(9, key(date!(2026 - 01 - 01), date!(2025 - 12 - 01), 9));
    assert_eq!(
        by_entry(moves),
        vec![
            mv(1, Some(1), Some(2)),
            mv(2, Some(2), Some(3)),
            mv(9, None, Some(1))
        ]
    );
}

#[test]
fn r_q_3_leaving_moves_those_after_up_and_the_leaver_out() {
    let mut q = queue(0, 0, 4);
    assert_eq!(
        q.leave(2).map(by_entry),
        Ok(vec![
            mv(2, Some(2), None),
            mv(3, Some(3), Some(2)),
            mv(4, Some(4), Some(3))
        ])
    );
    assert_eq!(order(&q), vec![1, 3, 4]);
    let before = q.clone();
    assert_eq!(q.leave(2), Err(PlaceRuleError::NotWaiting));
    assert_eq!(q.leave(UNKNOWN), Err(PlaceRuleError::NotWaiting));
    assert_eq!(q, before);
}

#[test]
fn r_q_3_moves_lists_every_changed_position() {
    let before = [(1, 1), (2, 2), (3, 3)];
    let after = [(1, 1), (3, 2), (4, 3)];
    assert_eq!(
        by_entry(moves(&before, &after)),
        vec![
            mv(2, Some(2), None),
            mv(3, Some(3), Some(2)),
            mv(4, None, Some(3))
        ]
    );
    assert_eq!(moves(&before, &before), Vec::new());
    assert_eq!(moves::<u32>(&[], &[]), Vec::new());
}

// ---------------------------------------------------------------- R-Q-4: offers

#[test]
fn r_q_4_offer_goes_only_to_the_first_eligible() {
    let mut q = queue(2, 0, 3);
    assert_eq!(q.first_eligible(TODAY), Some(1));
    let before = q.clone();
    assert_eq!(q.offer(2, TODAY, REPLY_BY), Err(PlaceRuleError::NotFirst));
    assert_eq!(q.offer(3, TODAY, REPLY_BY), Err(PlaceRuleError::NotFirst));
    assert_eq!(q, before);
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    assert_eq!(q.first_eligible(TODAY), Some(2));
    assert_eq!(q.offer(3, TODAY, REPLY_BY), Err(PlaceRuleError::NotFirst));
    assert_eq!(q.offer(2, TODAY, REPLY_BY), Ok(()));
    assert_eq!(
        entry(&q, 1).and_then(|w| w.offer),
        Some(HeldOffer::Pending { reply_by: REPLY_BY })
    );
    assert_eq!(q.offered(), 2);
    assert_eq!(q.free(), 0);
    // Nobody's position changes.
    assert_eq!(q.positions(), before.positions());
}

#[test]
fn r_q_4_offer_refused_when_offered_and_occupied_fill_the_capacity() {
    let mut q = queue(2, 1, 3);
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    assert_eq!(q.occupied() + q.offered(), q.capacity());
    let before = q.clone();
    assert_eq!(
        q.offer(2, TODAY, REPLY_BY),
        Err(PlaceRuleError::NoFreePlace)
    );
    assert_eq!(q, before);

    let mut full = queue(2, 2, 1);
    assert_eq!(
        full.offer(1, TODAY, REPLY_BY),
        Err(PlaceRuleError::NoFreePlace)
    );
    let mut none = queue(0, 0, 1);
    assert_eq!(
        none.offer(1, TODAY, REPLY_BY),
        Err(PlaceRuleError::NoFreePlace)
    );
}

#[test]
fn r_q_4_offer_refused_to_someone_already_offered() {
    let mut q = queue(3, 0, 2);
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    let before = q.clone();
    assert_eq!(
        q.offer(1, TODAY, REPLY_BY),
        Err(PlaceRuleError::AlreadyOffered)
    );
    assert_eq!(q, before);
    assert_eq!(q.accept(1), Ok(()));
    assert_eq!(
        q.offer(1, TODAY, REPLY_BY),
        Err(PlaceRuleError::AlreadyOffered)
    );
    assert_eq!(
        q.offer(UNKNOWN, TODAY, REPLY_BY),
        Err(PlaceRuleError::NotWaiting)
    );
}

#[test]
fn r_q_4_offer_refused_to_someone_on_hold() {
    let mut q = queue_with_holds(3, 2, &[(1, Hold::UntilResumed)]);
    assert_eq!(q.first_eligible(TODAY), Some(2));
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Err(PlaceRuleError::NotFirst));
    assert_eq!(q.offer(2, TODAY, REPLY_BY), Ok(()));
}

#[test]
fn r_q_4_offer_clears_a_hold_that_has_lapsed() {
    let mut q = queue_with_holds(1, 2, &[(1, Hold::Until(TODAY))]);
    assert_eq!(q.first_eligible(TODAY), Some(1));
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    assert_eq!(entry(&q, 1).and_then(|w| w.hold), None);
}

#[test]
fn r_q_4_a_hold_until_a_date_applies_strictly_before_it() {
    let until = Hold::Until(date!(2026 - 12 - 03));
    assert!(until.applies_on(date!(2026 - 11 - 01)));
    assert!(until.applies_on(date!(2026 - 12 - 02)));
    assert!(!until.applies_on(date!(2026 - 12 - 03)));
    assert!(!until.applies_on(date!(2026 - 12 - 04)));
    assert!(Hold::UntilResumed.applies_on(date!(2026 - 12 - 03)));
    assert!(Hold::UntilResumed.applies_on(date!(2099 - 12 - 31)));
}

#[test]
fn r_q_4_fill_offers_to_the_first_eligible_while_places_are_free() {
    let mut q = queue(3, 1, 4);
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![1, 2]);
    assert_eq!(q.free(), 0);
    for id in [1, 2] {
        assert_eq!(
            entry(&q, id).and_then(|w| w.offer),
            Some(HeldOffer::Pending { reply_by: REPLY_BY })
        );
    }
    assert_eq!(entry(&q, 3).and_then(|w| w.offer), None);
    assert_eq!(q.fill(TODAY, REPLY_BY), Vec::<u32>::new());

    // More places than people: everybody is offered one, places stay free.
    let mut roomy = queue(5, 0, 2);
    assert_eq!(roomy.fill(TODAY, REPLY_BY), vec![1, 2]);
    assert_eq!(roomy.free(), 3);
    assert_eq!(roomy.first_eligible(TODAY), None);

    let mut no_places = queue(0, 0, 2);
    assert_eq!(no_places.fill(TODAY, REPLY_BY), Vec::<u32>::new());
    let mut nobody: Queue = PlaceQueue::new(2, 0, Vec::new());
    assert_eq!(nobody.fill(TODAY, REPLY_BY), Vec::<u32>::new());
}

#[test]
fn r_q_4_fill_skips_a_hold_until_a_date_strictly_before_the_date() {
    let back = date!(2026 - 12 - 03);
    let q = queue_with_holds(1, 3, &[(1, Hold::Until(back))]);

    let mut day_before = q.clone();
    assert_eq!(day_before.fill(date!(2026 - 12 - 02), REPLY_BY), vec![2]);
    assert_eq!(day_before.position(1), Some(1));
    assert_eq!(
        entry(&day_before, 1).and_then(|w| w.hold),
        Some(Hold::Until(back))
    );

    let mut on_the_day = q.clone();
    assert_eq!(on_the_day.fill(back, REPLY_BY), vec![1]);
    assert_eq!(entry(&on_the_day, 1).and_then(|w| w.hold), None);
}

#[test]
fn r_q_4_fill_skips_a_hold_until_resumed_until_resume() {
    let mut q = queue_with_holds(1, 3, &[(1, Hold::UntilResumed)]);
    assert_eq!(q.first_eligible(date!(2099 - 01 - 01)), Some(2));
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![2]);
    assert_eq!(q.set_capacity(2), Ok(()));
    assert_eq!(q.resume(1), Ok(()));
    assert_eq!(entry(&q, 1).and_then(|w| w.hold), None);
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![1]);
    assert_eq!(q.resume(UNKNOWN), Err(PlaceRuleError::NotWaiting));
}

#[test]
fn r_q_4_fill_skips_everybody_on_hold() {
    let mut q = queue_with_holds(
        2,
        3,
        &[
            (1, Hold::UntilResumed),
            (2, Hold::Until(date!(2027 - 01 - 01))),
        ],
    );
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![3]);
    assert_eq!(q.free(), 1);
    assert_eq!(q.first_eligible(TODAY), None);
}

// ---------------------------------------------------------------- R-Q-4: answers

#[test]
fn r_q_4_accept_needs_a_pending_offer() {
    let mut q = queue(1, 0, 2);
    assert_eq!(q.accept(1), Err(PlaceRuleError::NoPendingOffer));
    assert_eq!(q.accept(UNKNOWN), Err(PlaceRuleError::NotWaiting));
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    assert_eq!(q.accept(1), Ok(()));
    assert_eq!(
        entry(&q, 1).and_then(|w| w.offer),
        Some(HeldOffer::Accepted)
    );
    // The accepted offer still holds the place.
    assert_eq!(q.offered(), 1);
    assert_eq!(q.free(), 0);
    assert_eq!(q.positions(), vec![(1, 1), (2, 2)]);
    let before = q.clone();
    assert_eq!(q.accept(1), Err(PlaceRuleError::NoPendingOffer));
    assert_eq!(q, before);
}

#[test]
fn r_q_4_decline_keeping_the_place_keeps_the_position_and_moves_nobody() {
    let mut q = queue(1, 0, 3);
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![1]);
    let positions = q.positions();
    let back = date!(2026 - 12 - 20);
    assert_eq!(q.decline(1, Some(Hold::Until(back))), Ok(Vec::new()));
    assert_eq!(q.positions(), positions);
    let w = entry(&q, 1);
    assert_eq!(w.and_then(|w| w.offer), None);
    assert_eq!(w.and_then(|w| w.hold), Some(Hold::Until(back)));
    // The place is free again and goes to the next in order.
    assert_eq!(q.free(), 1);
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![2]);
    assert_eq!(q.positions(), positions);
}

#[test]
fn r_q_4_decline_keeping_the_place_until_resumed() {
    let mut q = queue(1, 0, 2);
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![1]);
    assert_eq!(q.decline(1, Some(Hold::UntilResumed)), Ok(Vec::new()));
    assert_eq!(q.first_eligible(date!(2099 - 01 - 01)), Some(2));
    assert_eq!(q.position(1), Some(1));
}

#[test]
fn r_q_4_decline_without_keeping_the_place_moves_the_others_up_in_their_order() {
    let mut q = queue(2, 0, 4);
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![1, 2]);
    assert_eq!(
        q.decline(2, None).map(by_entry),
        Ok(vec![
            mv(2, Some(2), None),
            mv(3, Some(3), Some(2)),
            mv(4, Some(4), Some(3))
        ])
    );
    assert_eq!(order(&q), vec![1, 3, 4]);
    // The other offer stands; the freed place goes to the next in order.
    assert_eq!(
        entry(&q, 1).and_then(|w| w.offer),
        Some(HeldOffer::Pending { reply_by: REPLY_BY })
    );
    assert_eq!(q.free(), 1);
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![3]);
}

#[test]
fn r_q_4_decline_needs_a_pending_offer() {
    let mut q = queue(1, 0, 2);
    let before = q.clone();
    assert_eq!(q.decline(1, None), Err(PlaceRuleError::NoPendingOffer));
    assert_eq!(
        q.decline(1, Some(Hold::UntilResumed)),
        Err(PlaceRuleError::NoPendingOffer)
    );
    assert_eq!(q.decline(UNKNOWN, None), Err(PlaceRuleError::NotWaiting));
    assert_eq!(q, before);
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    assert_eq!(q.accept(1), Ok(()));
    let accepted = q.clone();
    assert_eq!(q.decline(1, None), Err(PlaceRuleError::NoPendingOffer));
    assert_eq!(q, accepted);
}

#[test]
fn r_q_4_expire_refused_on_or_before_the_reply_date() {
    let mut q = queue(1, 0, 2);
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    let before = q.clone();
    assert_eq!(q.expire(1, TODAY), Err(PlaceRuleError::ReplyDateNotPassed));
    assert_eq!(
        q.expire(1, REPLY_BY - Duration::days(1)),
        Err(PlaceRuleError::ReplyDateNotPassed)
    );
    assert_eq!(
        q.expire(1, REPLY_BY),
        Err(PlaceRuleError::ReplyDateNotPassed)
    );
    assert_eq!(q, before);
    assert_eq!(
        q.expire(2, REPLY_BY + Duration::days(1)),
        Err(PlaceRuleError::NoPendingOffer)
    );
    assert_eq!(
        q.expire(UNKNOWN, REPLY_BY + Duration::days(1)),
        Err(PlaceRuleError::NotWaiting)
    );
}

#[test]
fn r_q_4_expire_after_the_reply_date_holds_until_resumed() {
    let mut q = queue(1, 0, 2);
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    let day_after = REPLY_BY + Duration::days(1);
    assert_eq!(q.expire(1, day_after), Ok(()));
    let w = entry(&q, 1);
    assert_eq!(w.and_then(|w| w.offer), None);
    assert_eq!(w.and_then(|w| w.hold), Some(Hold::UntilResumed));
    assert_eq!(q.position(1), Some(1));
    assert_eq!(q.free(), 1);
    assert_eq!(q.first_eligible(day_after), Some(2));
    assert_eq!(q.first_eligible(date!(2099 - 01 - 01)), Some(2));
    assert_eq!(q.resume(1), Ok(()));
    assert_eq!(q.first_eligible(day_after), Some(1));
}

#[test]
fn r_q_4_an_accepted_offer_does_not_expire() {
    let mut q = queue(1, 0, 1);
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    assert_eq!(q.accept(1), Ok(()));
    assert_eq!(
        q.expire(1, REPLY_BY + Duration::days(30)),
        Err(PlaceRuleError::NoPendingOffer)
    );
}

#[test]
fn r_q_4_overdue_offers_are_the_pending_offers_past_their_reply_date() {
    let mut q = queue(3, 0, 4);
    assert_eq!(q.offer(1, TODAY, date!(2026 - 12 - 03)), Ok(()));
    assert_eq!(q.offer(2, TODAY, date!(2026 - 12 - 05)), Ok(()));
    assert_eq!(q.offer(3, TODAY, date!(2026 - 12 - 02)), Ok(()));
    assert_eq!(q.accept(3), Ok(()));
    assert_eq!(q.overdue_offers(date!(2026 - 12 - 03)), Vec::<u32>::new());
    assert_eq!(q.overdue_offers(date!(2026 - 12 - 04)), vec![1]);
    assert_eq!(q.overdue_offers(date!(2026 - 12 - 06)), vec![1, 2]);
    assert_eq!(q.expire(1, date!(2026 - 12 - 06)), Ok(()));
    assert_eq!(q.overdue_offers(date!(2026 - 12 - 06)), vec![2]);
}

// ---------------------------------------------------------------- R-Q-4: places

#[test]
fn r_q_4_admit_needs_an_accepted_offer() {
    let mut q = queue(1, 0, 2);
    assert_eq!(q.admit(1), Err(PlaceRuleError::NotAccepted));
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    let before = q.clone();
    assert_eq!(q.admit(1), Err(PlaceRuleError::NotAccepted));
    assert_eq!(q.admit(2), Err(PlaceRuleError::NotAccepted));
    assert_eq!(q.admit(UNKNOWN), Err(PlaceRuleError::NotWaiting));
    assert_eq!(q, before);
}

#[test]
fn r_q_4_admit_occupies_the_place_and_removes_the_entry() {
    let mut q = queue(2, 0, 3);
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![1, 2]);
    assert_eq!(q.accept(2), Ok(()));
    assert_eq!(
        q.admit(2).map(by_entry),
        Ok(vec![mv(2, Some(2), None), mv(3, Some(3), Some(2))])
    );
    assert_eq!(order(&q), vec![1, 3]);
    assert_eq!(q.occupied(), 1);
    assert_eq!(q.offered(), 1);
    assert_eq!(q.free(), 0);
    assert_eq!(q.position(2), None);
}

#[test]
fn r_q_4_arrive_refused_when_full() {
    let mut q = queue(2, 0, 1);
    assert_eq!(q.arrive(), Ok(()));
    assert_eq!(q.occupied(), 1);
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    // One place occupied, one offered: none free.
    let before = q.clone();
    assert_eq!(q.arrive(), Err(PlaceRuleError::NoFreePlace));
    assert_eq!(q, before);
    assert_eq!(q.end_stay(), Ok(()));
    assert_eq!(q.arrive(), Ok(()));

    let mut none: Queue = PlaceQueue::new(0, 0, Vec::new());
    assert_eq!(none.arrive(), Err(PlaceRuleError::NoFreePlace));
}

#[test]
fn r_q_4_set_capacity_refused_below_the_places_in_use() {
    let mut q = queue(3, 1, 2);
    assert_eq!(q.offer(1, TODAY, REPLY_BY), Ok(()));
    let before = q.clone();
    assert_eq!(q.set_capacity(1), Err(PlaceRuleError::CapacityBelowUse));
    assert_eq!(q.set_capacity(0), Err(PlaceRuleError::CapacityBelowUse));
    assert_eq!(q, before);
    assert_eq!(q.set_capacity(2), Ok(()));
    assert_eq!(q.capacity(), 2);
    assert_eq!(q.free(), 0);
    assert_eq!(q.set_capacity(5), Ok(()));
    assert_eq!(q.free(), 3);
}

#[test]
fn r_q_4_end_stay_frees_a_place() {
    let mut q = queue(1, 1, 1);
    assert_eq!(q.free(), 0);
    assert_eq!(q.end_stay(), Ok(()));
    assert_eq!(q.occupied(), 0);
    assert_eq!(q.free(), 1);
    assert_eq!(q.end_stay(), Err(PlaceRuleError::NothingOccupied));
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![1]);
}

#[test]
fn r_q_4_leaving_with_an_offer_frees_its_place() {
    let mut q = queue(1, 0, 2);
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![1]);
    assert_eq!(q.free(), 0);
    assert!(q.leave(1).is_ok());
    assert_eq!(q.free(), 1);
    assert_eq!(q.fill(TODAY, REPLY_BY), vec![2]);
}

#[test]
fn r_q_4_decline_reason_keeps_the_place_only_for_temporary_reasons() {
    assert!(DeclineReason::TemporarilyUnable.keeps_place());
    assert!(DeclineReason::NotReadyYet.keeps_place());
    assert!(!DeclineReason::NoLongerNeeded.keeps_place());
    assert!(!DeclineReason::ChoseOtherProvider.keeps_place());
    assert_eq!(
        DeclineReason::NoLongerNeeded.leave_reason(),
        LeaveReason::Refused
    );
    assert_eq!(
        DeclineReason::ChoseOtherProvider.leave_reason(),
        LeaveReason::MovedElsewhere
    );
}

#[test]
fn decline_and_leave_reason_codes_are_distinct() {
    let declines = [
        DeclineReason::TemporarilyUnable,
        DeclineReason::NotReadyYet,
        DeclineReason::NoLongerNeeded,
        DeclineReason::ChoseOtherProvider,
    ]
    .map(DeclineReason::as_str);
    assert_eq!(
        declines,
        [
            "temporarily_unable",
            "not_ready_yet",
            "no_longer_needed",
            "chose_other_provider"
        ]
    );
    let leaves = [
        LeaveReason::MovedElsewhere,
        LeaveReason::Died,
        LeaveReason::Refused,
        LeaveReason::DecisionRevoked,
    ]
    .map(LeaveReason::as_str);
    assert_eq!(
        leaves,
        ["moved_elsewhere", "died", "refused", "decision_revoked"]
    );
}

#[test]
fn r_q_4_holds_and_offers_serialise_with_their_tags() {
    let hold = serde_json::to_value(Hold::Until(date!(2026 - 12 - 03))).ok();
    assert_eq!(
        hold,
        Some(serde_json::json!({"kind": "until", "until": "2026-12-03"}))
    );
    let resumed = serde_json::to_value(Hold::UntilResumed).ok();
    assert_eq!(resumed, Some(serde_json::json!({"kind": "until_resumed"})));
    let pending = serde_json::to_value(HeldOffer::Pending { reply_by: REPLY_BY }).ok();
    assert_eq!(
        pending,
        Some(serde_json::json!({"status": "pending", "reply_by": "2026-12-06"}))
    );
    for h in [Hold::Until(TODAY), Hold::UntilResumed] {
        let back = serde_json::to_string(&h)
            .ok()
            .and_then(|s| serde_json::from_str::<Hold>(&s).ok());
        assert_eq!(back, Some(h));
    }
}

// ---------------------------------------------------------------- kinds, R-Q-1, R-Q-2

#[test]
fn r_q_1_place_kind_of_each_service_with_places() {
    assert_eq!(
        PlaceKind::of_service("group_living_short_term"),
        Some(PlaceKind::ShortTermCare)
    );
    assert_eq!(
        PlaceKind::of_service("group_living_long_term"),
        Some(PlaceKind::LongTermCare)
    );
    assert_eq!(
        PlaceKind::of_service("children_day_centre"),
        Some(PlaceKind::DayCare)
    );
    assert_eq!(
        PlaceKind::of_service("overnight_shelter"),
        Some(PlaceKind::Shelter)
    );
    assert_eq!(PlaceKind::of_service("home_help"), None);
    assert_eq!(PlaceKind::of_service(""), None);
    assert_eq!(PlaceKind::of_service("short_term_care"), None);
}

#[test]
fn r_q_2_one_queue_per_person_only_for_short_and_long_term_care() {
    assert!(PlaceKind::ShortTermCare.one_queue_per_person());
    assert!(PlaceKind::LongTermCare.one_queue_per_person());
    assert!(!PlaceKind::DayCare.one_queue_per_person());
    assert!(!PlaceKind::Shelter.one_queue_per_person());
}

#[test]
fn r_dl_5_only_shelter_places_are_taken_without_a_decision() {
    for kind in PlaceKind::ALL {
        assert_eq!(kind.arrives_without_decision(), kind == PlaceKind::Shelter);
    }
}

#[test]
fn place_kind_codes_round_trip() {
    for kind in PlaceKind::ALL {
        assert_eq!(PlaceKind::parse(kind.as_str()), Some(kind));
    }
    let codes = PlaceKind::ALL.map(PlaceKind::as_str);
    assert_eq!(
        codes,
        ["short_term_care", "long_term_care", "day_care", "shelter"]
    );
    assert_eq!(PlaceKind::parse("group_living_short_term"), None);
    assert_eq!(PlaceKind::parse("Shelter"), None);
    assert_eq!(PlaceKind::parse(""), None);
    for kind in PlaceKind::ALL {
        assert_eq!(
            serde_json::to_value(kind).ok(),
            Some(serde_json::Value::from(kind.as_str()))
        );
    }
}

#[test]
fn facility_kind_codes_round_trip() {
    for kind in FacilityKind::ALL {
        assert_eq!(FacilityKind::parse(kind.as_str()), Some(kind));
        assert_eq!(
            serde_json::to_value(kind).ok(),
            Some(serde_json::Value::from(kind.as_str()))
        );
    }
    let codes = FacilityKind::ALL.map(FacilityKind::as_str);
    assert_eq!(
        codes,
        [
            "group_living_home",
            "children_day_centre",
            "overnight_shelter"
        ]
    );
    assert_eq!(FacilityKind::parse("day_care"), None);
    assert_eq!(FacilityKind::parse(""), None);
}

#[test]
fn every_place_kind_belongs_to_exactly_one_facility_kind() {
    for kind in PlaceKind::ALL {
        let homes = FacilityKind::ALL
            .iter()
            .filter(|f| f.place_kinds().contains(&kind))
            .count();
        assert_eq!(homes, 1, "{kind:?}");
    }
    assert_eq!(
        FacilityKind::GroupLivingHome.place_kinds(),
        &[PlaceKind::ShortTermCare, PlaceKind::LongTermCare]
    );
}

// ---------------------------------------------------------------- R-LIM-7

fn healthy(issued: Option<Date>) -> AdmissionHealth {
    AdmissionHealth {
        extract_027a_issued_on: issued,
        no_acute_infectious_disease: true,
        no_acute_psychosis: true,
    }
}

#[test]
fn r_lim_7_extract_issued_exactly_three_months_before_moving_in_is_valid() {
    let moving_in = date!(2026 - 12 - 15);
    assert_eq!(
        check_group_living_admission(moving_in, healthy(Some(date!(2026 - 09 - 15)))),
        Ok(())
    );
    assert_eq!(extract_027a_valid_until(date!(2026 - 09 - 15)), moving_in);
}

#[test]
fn r_lim_7_extract_one_day_older_is_too_old() {
    assert_eq!(
        check_group_living_admission(date!(2026 - 12 - 15), healthy(Some(date!(2026 - 09 - 14)))),
        Err(vec![AdmissionProblem::ExtractTooOld])
    );
    assert_eq!(
        check_group_living_admission(date!(2026 - 12 - 16), healthy(Some(date!(2026 - 09 - 15)))),
        Err(vec![AdmissionProblem::ExtractTooOld])
    );
}

#[test]
fn r_lim_7_extract_issued_on_the_moving_in_day_is_valid() {
    let day = date!(2026 - 12 - 15);
    assert_eq!(
        check_group_living_admission(day, healthy(Some(day))),
        Ok(())
    );
}

#[test]
fn r_lim_7_extract_issued_after_moving_in_is_refused() {
    assert_eq!(
        check_group_living_admission(date!(2026 - 12 - 15), healthy(Some(date!(2026 - 12 - 16)))),
        Err(vec![AdmissionProblem::ExtractAfterMovingIn])
    );
}

#[test]
fn r_lim_7_extract_is_required() {
    assert_eq!(
        check_group_living_admission(date!(2026 - 12 - 15), healthy(None)),
        Err(vec![AdmissionProblem::ExtractMissing])
    );
}

#[test]
fn r_lim_7_both_declarations_are_required() {
    let moving_in = date!(2026 - 12 - 15);
    let extract = Some(date!(2026 - 12 - 01));
    assert_eq!(
        check_group_living_admission(
            moving_in,
            AdmissionHealth {
                no_acute_infectious_disease: false,
                ..healthy(extract)
            }
        ),
        Err(vec![AdmissionProblem::InfectiousDiseaseNotExcluded])
    );
    assert_eq!(
        check_group_living_admission(
            moving_in,
            AdmissionHealth {
                no_acute_psychosis: false,
                ..healthy(extract)
            }
        ),
        Err(vec![AdmissionProblem::PsychosisNotExcluded])
    );
}

#[test]
fn r_lim_7_every_problem_is_reported_together() {
    let nothing = AdmissionHealth {
        extract_027a_issued_on: None,
        no_acute_infectious_disease: false,
        no_acute_psychosis: false,
    };
    assert_eq!(
        check_group_living_admission(date!(2026 - 12 - 15), nothing),
        Err(vec![
            AdmissionProblem::ExtractMissing,
            AdmissionProblem::InfectiousDiseaseNotExcluded,
            AdmissionProblem::PsychosisNotExcluded,
        ])
    );
    let old = AdmissionHealth {
        extract_027a_issued_on: Some(date!(2026 - 01 - 01)),
        ..nothing
    };
    assert_eq!(
        check_group_living_admission(date!(2026 - 12 - 15), old),
        Err(vec![
            AdmissionProblem::ExtractTooOld,
            AdmissionProblem::InfectiousDiseaseNotExcluded,
            AdmissionProblem::PsychosisNotExcluded,
        ])
    );
    let late = AdmissionHealth {
        extract_027a_issued_on: Some(date!(2026 - 12 - 20)),
        no_acute_psychosis: true,
        ..nothing
    };
    assert_eq!(
        check_group_living_admission(date!(2026 - 12 - 15), late),
        Err(vec![
            AdmissionProblem::ExtractAfterMovingIn,
            AdmissionProblem::InfectiousDiseaseNotExcluded,
        ])
    );
}

#[test]
fn r_lim_7_validity_clamps_to_the_end_of_a_shorter_month() {
    let issued = date!(2026 - 11 - 30);
    assert_eq!(extract_027a_valid_until(issued), date!(2027 - 02 - 28));
    assert_eq!(
        check_group_living_admission(date!(2027 - 02 - 28), healthy(Some(issued))),
        Ok(())
    );
    assert_eq!(
        check_group_living_admission(date!(2027 - 03 - 01), healthy(Some(issued))),
        Err(vec![AdmissionProblem::ExtractTooOld])
    );
    // A leap year, and a year end.
    assert_eq!(
        extract_027a_valid_until(date!(2027 - 11 - 30)),
        date!(2028 - 02 - 29)
    );
    assert_eq!(
        extract_027a_valid_until(date!(2026 - 10 - 31)),
        date!(2027 - 01 - 31)
    );
    assert_eq!(
        extract_027a_valid_until(date!(2026 - 05 - 31)),
        date!(2026 - 08 - 31)
    );
}

// ---------------------------------------------------------------- R-DL-5

#[test]
fn r_dl_5_a_shelter_stay_lasts_seven_nights() {
    assert_eq!(
        shelter_stay_ends_on(date!(2026 - 12 - 01)),
        date!(2026 - 12 - 08)
    );
    assert_eq!(
        shelter_stay_ends_on(date!(2026 - 12 - 28)),
        date!(2027 - 01 - 04)
    );
    assert_eq!(
        (shelter_stay_ends_on(date!(2026 - 12 - 01)) - date!(2026 - 12 - 01)).whole_days(),
        SHELTER_MAX_NIGHTS
    );
}

#[test]
fn r_dl_5_the_first_stay_always_another_only_with_a_threat() {
    assert_eq!(may_start_shelter_stay(0, false), Ok(()));
    assert_eq!(may_start_shelter_stay(0, true), Ok(()));
    assert_eq!(
        may_start_shelter_stay(1, false),
        Err(ShelterRuleError::GivenOnce)
    );
    assert_eq!(
        may_start_shelter_stay(3, false),
        Err(ShelterRuleError::GivenOnce)
    );
    assert_eq!(may_start_shelter_stay(1, true), Ok(()));
    assert_eq!(may_start_shelter_stay(3, true), Ok(()));
}

#[test]
fn r_dl_5_extension_within_seven_nights_needs_no_threat() {
    let started = date!(2026 - 12 - 01);
    let current_end = date!(2026 - 12 - 04);
    assert_eq!(
        may_extend_shelter_stay(started, current_end, date!(2026 - 12 - 05), false),
        Ok(())
    );
    assert_eq!(
        may_extend_shelter_stay(started, current_end, date!(2026 - 12 - 08), false),
        Ok(())
    );
}

#[test]
fn r_dl_5_extension_beyond_seven_nights_needs_a_threat() {
    let started = date!(2026 - 12 - 01);
    let seventh = shelter_stay_ends_on(started);
    assert_eq!(
        may_extend_shelter_stay(started, seventh, date!(2026 - 12 - 09), false),
        Err(ShelterRuleError::LongerNeedsThreat)
    );
    assert_eq!(
        may_extend_shelter_stay(started, date!(2026 - 12 - 04), date!(2026 - 12 - 09), false),
        Err(ShelterRuleError::LongerNeedsThreat)
    );
    assert_eq!(
        may_extend_shelter_stay(started, seventh, date!(2026 - 12 - 09), true),
        Ok(())
    );
    // Already extended for a threat: further only while it remains.
    let extended = date!(2026 - 12 - 15);
    assert_eq!(
        may_extend_shelter_stay(started, extended, date!(2026 - 12 - 20), false),
        Err(ShelterRuleError::LongerNeedsThreat)
    );
    assert_eq!(
        may_extend_shelter_stay(started, extended, date!(2026 - 12 - 20), true),
        Ok(())
    );
}

#[test]
fn r_dl_5_an_extension_must_end_later() {
    let started = date!(2026 - 12 - 01);
    let current_end = date!(2026 - 12 - 04);
    for until in [current_end, date!(2026 - 12 - 03), started] {
        for threat in [false, true] {
            assert_eq!(
                may_extend_shelter_stay(started, current_end, until, threat),
                Err(ShelterRuleError::ExtensionNotLater)
            );
        }
    }
}

// ---------------------------------------------------------------- waits, R-Q-5

#[test]
fn estimate_wait_rounds_up_to_whole_days() {
    // 3 × 365 / 12 = 91.25 → 92.
    assert_eq!(
        estimate_wait(3, 12),
        WaitEstimate {
            position: 3,
            admissions_last_12_months: 12,
            expected_days: Some(92)
        }
    );
    assert_eq!(estimate_wait(4, 73).expected_days, Some(20));
    assert_eq!(estimate_wait(1, 365).expected_days, Some(1));
    assert_eq!(estimate_wait(1, 366).expected_days, Some(1));
    assert_eq!(estimate_wait(1, 1).expected_days, Some(365));
    assert_eq!(estimate_wait(0, 5).expected_days, Some(0));
}

#[test]
fn estimate_wait_without_admissions_is_unknown() {
    assert_eq!(
        estimate_wait(5, 0),
        WaitEstimate {
            position: 5,
            admissions_last_12_months: 0,
            expected_days: None
        }
    );
    assert_eq!(estimate_wait(u32::MAX, 1).expected_days, Some(u32::MAX));
}

#[test]
fn r_q_5_no_alternatives_when_the_preferred_has_a_place() {
    assert_eq!(alternatives('a', &[('a', 1), ('b', 5)]), Vec::<char>::new());
}

#[test]
fn r_q_5_alternatives_are_the_others_with_free_places_most_free_first() {
    let free = [('a', 0), ('b', 2), ('c', 0), ('d', 5), ('e', 2), ('f', 1)];
    assert_eq!(alternatives('a', &free), vec!['d', 'b', 'e', 'f']);
    // The preferred one not listed counts as full.
    assert_eq!(alternatives('z', &free), vec!['d', 'b', 'e', 'f']);
    // Nowhere free.
    assert_eq!(alternatives('a', &[('a', 0), ('b', 0)]), Vec::<char>::new());
    assert_eq!(alternatives('a', &[]), Vec::<char>::new());
}

// ---------------------------------------------------------------- properties

/// A queue command with its random arguments; entries are chosen by index
/// among the fitting ones when the command is applied.
#[derive(Debug, Clone)]
enum Command {
    /// Decided `decided` days after [`START`], applied `applied_earlier`
    /// days before the decision.
    Join {
        decided: i64,
        applied_earlier: i64,
    },
    Leave(Index),
    /// To the first eligible person, or to anybody waiting.
    Offer {
        pick: Index,
        to_first: bool,
        reply_days: i64,
    },
    Fill {
        reply_days: i64,
    },
    Accept(Index),
    /// `None`: gives up the place; `Some(None)`: keeps it until resumed;
    /// `Some(Some(d))`: keeps it until `today + d` days.
    Decline {
        pick: Index,
        keep: Option<Option<i64>>,
    },
    Expire(Index),
    Resume(Index),
    Admit(Index),
    Arrive,
    EndStay,
    SetCapacity(u32),
}

const START: Date = date!(2026 - 01 - 01);

fn any_command() -> impl Strategy<Value = Command> {
    prop_oneof![
        4 => (0i64..4, 0i64..3).prop_map(|(decided, applied_earlier)| Command::Join {
            decided,
            applied_earlier
        }),
        1 => any::<Index>().prop_map(Command::Leave),
        2 => (any::<Index>(), any::<bool>(), 0i64..5).prop_map(|(pick, to_first, reply_days)| {
            Command::Offer { pick, to_first, reply_days }
        }),
        2 => (0i64..5).prop_map(|reply_days| Command::Fill { reply_days }),
        2 => any::<Index>().prop_map(Command::Accept),
        2 => (any::<Index>(), prop::option::of(prop::option::of(-2i64..8)))
            .prop_map(|(pick, keep)| Command::Decline { pick, keep }),
        2 => any::<Index>().prop_map(Command::Expire),
        1 => any::<Index>().prop_map(Command::Resume),
        2 => any::<Index>().prop_map(Command::Admit),
        1 => Just(Command::Arrive),
        1 => Just(Command::EndStay),
        1 => (0u32..8).prop_map(Command::SetCapacity),
    ]
}

/// A starting queue: capacity, occupied (at most the capacity), and a few
/// people waiting (without offers), some on hold, in any order.
fn any_start() -> impl Strategy<Value = (u32, u32, Vec<Waiting<u32>>)> {
    let entry = (
        0i64..4,
        0i64..3,
        prop::option::of(prop::option::of(0i64..5)),
    );
    (0u32..6).prop_flat_map(move |capacity| {
        let entries = prop::collection::vec(entry.clone(), 0..6)
            .prop_map(|entries| {
                (1u32..)
                    .zip(entries)
                    .map(|(id, (decided, applied_earlier, hold))| Waiting {
                        id,
                        key: join_key(decided, applied_earlier, i64::from(id)),
                        offer: None,
                        hold: hold.map(|h| {
                            h.map_or(Hold::UntilResumed, |d| {
                                Hold::Until(START + Duration::days(d))
                            })
                        }),
                    })
                    .collect::<Vec<_>>()
            })
            .prop_shuffle();
        (Just(capacity), 0..=capacity, entries)
    })
}

fn join_key(decided: i64, applied_earlier: i64, registration: i64) -> QueueKey {
    let decided_on = START + Duration::days(decided);
    key(
        decided_on,
        decided_on - Duration::days(applied_earlier),
        registration,
    )
}

/// The id `pick` chooses among the entries that are `wanted`, or among
/// everybody waiting when none is; [`UNKNOWN`] in an empty queue.
fn pick(q: &Queue, pick: &Index, wanted: impl Fn(&Waiting<u32>) -> bool) -> u32 {
    let fitting: Vec<u32> = q
        .waiting()
        .iter()
        .filter(|w| wanted(w))
        .map(|w| w.id)
        .collect();
    let from = if fitting.is_empty() {
        order(q)
    } else {
        fitting
    };
    if from.is_empty() {
        UNKNOWN
    } else {
        *pick.get(&from)
    }
}

fn is_pending(w: &Waiting<u32>) -> bool {
    matches!(w.offer, Some(HeldOffer::Pending { .. }))
}

/// The ids in order without `subject`.
fn others(q: &Queue, subject: Option<u32>) -> Vec<u32> {
    order(q)
        .into_iter()
        .filter(|id| Some(*id) != subject)
        .collect()
}

/// The invariants of every state: dense positions in strict R-Q-3 order,
/// and no more places offered and occupied than the capacity (R-Q-4).
fn check_state(q: &Queue, today: Date) -> Result<(), TestCaseError> {
    for (i, (id, position)) in q.positions().into_iter().enumerate() {
        prop_assert_eq!(usize::try_from(position).ok(), Some(i + 1));
        prop_assert_eq!(q.position(id), Some(position));
    }
    prop_assert!(q.waiting().windows(2).all(|w| w[0].key < w[1].key));
    prop_assert!(q.occupied() + q.offered() <= q.capacity());
    prop_assert_eq!(q.free(), q.capacity() - q.occupied() - q.offered());
    // The overdue offers are exactly the pending offers `expire` accepts today.
    let overdue = q.overdue_offers(today);
    for w in q.waiting().iter().filter(|w| is_pending(w)) {
        let mut probe = q.clone();
        prop_assert_eq!(probe.expire(w.id, today).is_ok(), overdue.contains(&w.id));
    }
    prop_assert!(
        overdue
            .iter()
            .all(|id| entry(q, *id).is_some_and(|w| is_pending(&w)))
    );
    Ok(())
}

/// Applying `moves` to the positions before a command gives the positions
/// after it; entries not moved keep their position.
fn check_moves(before: &Queue, after: &Queue, moves: &[Move<u32>]) -> Result<(), TestCaseError> {
    let mut positions: BTreeMap<u32, u32> = before.positions().into_iter().collect();
    let mut seen = Vec::new();
    for m in moves {
        prop_assert!(!seen.contains(&m.entry), "entry moved twice: {:?}", moves);
        seen.push(m.entry);
        prop_assert_ne!(m.from, m.to);
        prop_assert_eq!(positions.get(&m.entry).copied(), m.from);
        match m.to {
            Some(to) => positions.insert(m.entry, to),
            None => positions.remove(&m.entry),
        };
    }
    let after_positions: BTreeMap<u32, u32> = after.positions().into_iter().collect();
    prop_assert_eq!(positions, after_positions);
    Ok(())
}

/// What a command did: the entry it was about, and its result.
struct Step {
    subject: Option<u32>,
    result: Result<Vec<Move<u32>>, PlaceRuleError>,
}

fn no_moves(subject: u32, result: Result<(), PlaceRuleError>) -> Step {
    Step {
        subject: Some(subject),
        result: result.map(|()| Vec::new()),
    }
}

/// Applies `command` on `today` to `q`, checking what the command itself
/// promises against `before` (the queue before it).
fn apply(
    q: &mut Queue,
    command: &Command,
    today: Date,
    next_id: &mut u32,
) -> Result<Step, TestCaseError> {
    let before = q.clone();
    let step = match command {
        Command::Join {
            decided,
            applied_earlier,
        } => {
            let id = *next_id;
            *next_id += 1;
            let moves = q.join(id, join_key(*decided, *applied_earlier, i64::from(id)));
            let at = q.position(id);
            prop_assert!(at.is_some());
            let at = at.unwrap_or(0);
            prop_assert!(moves.contains(&mv(id, None, Some(at))));
            // The joiner and everyone pushed down, one place each.
            prop_assert_eq!(moves.len(), q.waiting().len() + 1 - at as usize);
            prop_assert!(
                moves
                    .iter()
                    .all(|m| m.entry == id || m.to.zip(m.from).is_some_and(|(t, f)| t == f + 1))
            );
            Step {
                subject: Some(id),
                result: Ok(moves),
            }
        }
        Command::Leave(i) => {
            let id = pick(q, i, |_| true);
            let was_at = before.position(id);
            let result = q.leave(id);
            prop_assert_eq!(result.is_ok(), was_at.is_some());
            if let (Ok(moves), Some(at)) = (&result, was_at) {
                prop_assert!(moves.contains(&mv(id, Some(at), None)));
                prop_assert_eq!(moves.len(), before.waiting().len() + 1 - at as usize);
            }
            Step {
                subject: Some(id),
                result,
            }
        }
        Command::Offer {
            pick: i,
            to_first,
            reply_days,
        } => {
            let id = match (to_first, q.first_eligible(today)) {
                (true, Some(first)) => first,
                _ => pick(q, i, |_| true),
            };
            let reply_by = today + Duration::days(*reply_days);
            let expected = match entry(&before, id) {
                None => Err(PlaceRuleError::NotWaiting),
                Some(w) if w.offer.is_some() => Err(PlaceRuleError::AlreadyOffered),
                Some(_) if before.free() == 0 => Err(PlaceRuleError::NoFreePlace),
                Some(_) if before.first_eligible(today) != Some(id) => {
                    Err(PlaceRuleError::NotFirst)
                }
                Some(_) => Ok(()),
            };
            let result = q.offer(id, today, reply_by);
            prop_assert_eq!(result, expected);
            if result.is_ok() {
                let w = entry(q, id);
                prop_assert_eq!(
                    w.and_then(|w| w.offer),
                    Some(HeldOffer::Pending { reply_by })
                );
                prop_assert_eq!(w.and_then(|w| w.hold), None);
                prop_assert_eq!(q.offered(), before.offered() + 1);
            }
            no_moves(id, result)
        }
        Command::Fill { reply_days } => {
            let reply_by = today + Duration::days(*reply_days);
            let eligible: Vec<u32> = before
                .waiting()
                .iter()
                .filter(|w| w.offer.is_none() && !w.hold.is_some_and(|h| h.applies_on(today)))
                .map(|w| w.id)
                .collect();
            let offered = q.fill(today, reply_by);
            // The first eligible people in order, one per free place.
            let expected_count = eligible.len().min(before.free() as usize);
            prop_assert_eq!(&offered[..], &eligible[..expected_count]);
            for id in &offered {
                prop_assert_eq!(
                    entry(q, *id).and_then(|w| w.offer),
                    Some(HeldOffer::Pending { reply_by })
                );
            }
            prop_assert!(q.free() == 0 || q.first_eligible(today).is_none());
            Step {
                subject: None,
                result: Ok(Vec::new()),
            }
        }
        Command::Accept(i) => {
            let id = pick(q, i, is_pending);
            let was_pending = entry(&before, id).is_some_and(|w| is_pending(&w));
            let result = q.accept(id);
            prop_assert_eq!(result.is_ok(), was_pending);
            if result.is_ok() {
                prop_assert_eq!(
                    entry(q, id).and_then(|w| w.offer),
                    Some(HeldOffer::Accepted)
                );
            }
            no_moves(id, result)
        }
        Command::Decline { pick: i, keep } => {
            let id = pick(q, i, is_pending);
            let was_pending = entry(&before, id).is_some_and(|w| is_pending(&w));
            let hold = keep.map(|k| {
                k.map_or(Hold::UntilResumed, |d| {
                    Hold::Until(today + Duration::days(d))
                })
            });
            let result = q.decline(id, hold);
            prop_assert_eq!(result.is_ok(), was_pending);
            if let Ok(moves) = &result {
                prop_assert_eq!(q.offered() + 1, before.offered());
                match hold {
                    Some(hold) => {
                        // Keeps the place: nobody moves.
                        prop_assert!(moves.is_empty());
                        prop_assert_eq!(q.positions(), before.positions());
                        let w = entry(q, id);
                        prop_assert_eq!(w.and_then(|w| w.offer), None);
                        prop_assert_eq!(w.and_then(|w| w.hold), Some(hold));
                    }
                    None => prop_assert_eq!(q.position(id), None),
                }
            }
            Step {
                subject: Some(id),
                result,
            }
        }
        Command::Expire(i) => {
            let id = pick(q, i, |w| w.offer.is_some());
            let expected = match entry(&before, id).map(|w| w.offer) {
                None => Err(PlaceRuleError::NotWaiting),
                Some(Some(HeldOffer::Pending { reply_by })) if reply_by < today => Ok(()),
                Some(Some(HeldOffer::Pending { .. })) => Err(PlaceRuleError::ReplyDateNotPassed),
                Some(_) => Err(PlaceRuleError::NoPendingOffer),
            };
            let result = q.expire(id, today);
            prop_assert_eq!(result, expected);
            if result.is_ok() {
                let w = entry(q, id);
                prop_assert_eq!(w.and_then(|w| w.offer), None);
                prop_assert_eq!(w.and_then(|w| w.hold), Some(Hold::UntilResumed));
            }
            no_moves(id, result)
        }
        Command::Resume(i) => {
            let id = pick(q, i, |w| w.hold.is_some());
            let result = q.resume(id);
            prop_assert_eq!(result.is_ok(), before.position(id).is_some());
            if result.is_ok() {
                prop_assert_eq!(entry(q, id).and_then(|w| w.hold), None);
            }
            no_moves(id, result)
        }
        Command::Admit(i) => {
            let id = pick(q, i, |w| w.offer == Some(HeldOffer::Accepted));
            let accepted = entry(&before, id).is_some_and(|w| w.offer == Some(HeldOffer::Accepted));
            let result = q.admit(id);
            prop_assert_eq!(result.is_ok(), accepted);
            if result.is_ok() {
                prop_assert_eq!(q.position(id), None);
                prop_assert_eq!(q.occupied(), before.occupied() + 1);
                prop_assert_eq!(q.offered() + 1, before.offered());
            }
            Step {
                subject: Some(id),
                result,
            }
        }
        Command::Arrive => {
            let result = q.arrive();
            prop_assert_eq!(result.is_ok(), before.free() > 0);
            if result.is_ok() {
                prop_assert_eq!(q.occupied(), before.occupied() + 1);
            }
            Step {
                subject: None,
                result: result.map(|()| Vec::new()),
            }
        }
        Command::EndStay => {
            let result = q.end_stay();
            prop_assert_eq!(result.is_ok(), before.occupied() > 0);
            if result.is_ok() {
                prop_assert_eq!(q.occupied() + 1, before.occupied());
            }
            Step {
                subject: None,
                result: result.map(|()| Vec::new()),
            }
        }
        Command::SetCapacity(places) => {
            let result = q.set_capacity(*places);
            prop_assert_eq!(
                result.is_ok(),
                *places >= before.occupied() + before.offered()
            );
            if result.is_ok() {
                prop_assert_eq!(q.capacity(), *places);
            }
            Step {
                subject: None,
                result: result.map(|()| Vec::new()),
            }
        }
    };
    // The capacity changes only by `set_capacity`, the occupied places
    // only by admissions, arrivals and ends of stays.
    if !matches!(command, Command::SetCapacity(_)) {
        prop_assert_eq!(q.capacity(), before.capacity());
    }
    if !matches!(
        command,
        Command::Admit(_) | Command::Arrive | Command::EndStay
    ) {
        prop_assert_eq!(q.occupied(), before.occupied());
    }
    Ok(step)
}

proptest! {
    #[test]
    fn r_q_3_and_r_q_4_invariants_hold_for_any_sequence_of_commands(
        (capacity, occupied, initial) in any_start(),
        commands in prop::collection::vec((0i64..3, any_command()), 0..60),
    ) {
        let mut next_id = u32::try_from(initial.len()).unwrap_or(0) + 1;
        let mut q = PlaceQueue::new(capacity, occupied, initial);
        let mut today = START;
        check_state(&q, today)?;
        for (advance, command) in &commands {
            today += Duration::days(*advance);
            let before = q.clone();
            let Step { subject, result } = apply(&mut q, command, today, &mut next_id)?;
            match result {
                // A refused command leaves the queue as it was.
                Err(_) => prop_assert_eq!(&q, &before),
                Ok(moves) => {
                    check_moves(&before, &q, &moves)?;
                    // Nobody else's relative order changes; the queue is
                    // sorted by keys that never change.
                    prop_assert_eq!(others(&before, subject), others(&q, subject));
                    if matches!(
                        command,
                        Command::Offer { .. }
                            | Command::Fill { .. }
                            | Command::Accept(_)
                            | Command::Expire(_)
                            | Command::Resume(_)
                            | Command::Arrive
                            | Command::EndStay
                            | Command::SetCapacity(_)
                            | Command::Decline { keep: Some(_), .. }
                    ) {
                        prop_assert!(moves.is_empty());
                        prop_assert_eq!(q.positions(), before.positions());
                    }
                }
            }
            check_state(&q, today)?;
        }
    }

    #[test]
    fn r_q_3_any_order_of_joins_gives_the_same_queue(
        (_, _, entries) in any_start(),
    ) {
        let from_new = PlaceQueue::new(0, 0, entries.clone());
        let mut joined: Queue = PlaceQueue::new(0, 0, Vec::new());
        for w in &entries {
            let moves = joined.join(w.id, w.key);
            prop_assert!(moves.contains(&mv(w.id, None, joined.position(w.id))));
        }
        prop_assert_eq!(order(&from_new), order(&joined));
        let mut sorted: Vec<QueueKey> = entries.iter().map(|w| w.key).collect();
        sorted.sort();
        let keys: Vec<QueueKey> = from_new.waiting().iter().map(|w| w.key).collect();
        prop_assert_eq!(keys, sorted);
    }

    #[test]
    fn r_lim_7_an_extract_is_valid_from_its_issue_for_three_calendar_months(
        issued in (0i64..3650).prop_map(|d| date!(2024 - 01 - 01) + Duration::days(d)),
        after in -5i64..100,
    ) {
        let until = extract_027a_valid_until(issued);
        // Three calendar months are 89 (28 Feb to 28 May) to 92 days.
        prop_assert!((89..=92).contains(&(until - issued).whole_days()));
        let moving_in = issued + Duration::days(after);
        let result = check_group_living_admission(moving_in, healthy(Some(issued)));
        let expected = if moving_in < issued {
            Err(vec![AdmissionProblem::ExtractAfterMovingIn])
        } else if moving_in > until {
            Err(vec![AdmissionProblem::ExtractTooOld])
        } else {
            Ok(())
        };
        prop_assert_eq!(result, expected);
    }

    #[test]
    fn r_dl_5_without_a_threat_a_stay_ends_within_seven_nights(
        started in (0i64..3650).prop_map(|d| date!(2024 - 01 - 01) + Duration::days(d)),
        current in 0i64..12,
        until in 0i64..20,
    ) {
        let current_end = started + Duration::days(current);
        let until_day = started + Duration::days(until);
        let plain = may_extend_shelter_stay(started, current_end, until_day, false);
        let threat = may_extend_shelter_stay(started, current_end, until_day, true);
        if until <= current {
            prop_assert_eq!(plain, Err(ShelterRuleError::ExtensionNotLater));
            prop_assert_eq!(threat, Err(ShelterRuleError::ExtensionNotLater));
        } else {
            prop_assert_eq!(threat, Ok(()));
            prop_assert_eq!(
                plain,
                if until <= SHELTER_MAX_NIGHTS { Ok(()) } else { Err(ShelterRuleError::LongerNeedsThreat) }
            );
        }
    }

    #[test]
    fn estimate_wait_is_the_fewest_whole_days_covering_the_position(
        position in 0u32..500,
        admissions in 0u32..400,
    ) {
        let estimate = estimate_wait(position, admissions);
        prop_assert_eq!(estimate.position, position);
        prop_assert_eq!(estimate.admissions_last_12_months, admissions);
        match estimate.expected_days {
            None => prop_assert_eq!(admissions, 0),
            Some(days) => {
                let (days, need, per) = (u64::from(days), u64::from(position) * 365, u64::from(admissions));
                prop_assert!(days * per >= need);
                prop_assert!(days == 0 || (days - 1) * per < need);
            }
        }
    }

    #[test]
    fn r_q_5_alternatives_are_the_other_free_institutions_most_free_first(
        free in prop::collection::vec(0u32..4, 0..8),
        preferred in 0usize..9,
    ) {
        let listed: Vec<(usize, u32)> = free.iter().copied().enumerate().collect();
        let result = alternatives(preferred, &listed);
        let preferred_free = listed.iter().find(|(id, _)| *id == preferred).map_or(0, |(_, f)| *f);
        if preferred_free > 0 {
            prop_assert!(result.is_empty());
        } else {
            let mut expected: Vec<(usize, u32)> =
                listed.iter().copied().filter(|(id, f)| *id != preferred && *f > 0).collect();
            // Most free first; ties in the given order.
            expected.sort_by_key(|(id, f)| (std::cmp::Reverse(*f), *id));
            prop_assert_eq!(result, expected.into_iter().map(|(id, _)| id).collect::<Vec<_>>());
        }
    }
}
