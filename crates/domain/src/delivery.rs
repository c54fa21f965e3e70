//! Recording the service: the limits of home help and respite visits
//! (R-LIM-1..3), transport trips' destinations and purposes (R-FEE-6, R-DL-4
//! is [`crate::lead_times`]), meals (R-LIM-4) and meal coupons (R-LIM-5).
//!
//! Every check takes what is already recorded and the one new record, and
//! says whether the new one may be added; the caller loads the records under
//! a lock and stores the new one only when the check passes, so the sum of
//! accepted records never exceeds a limit whatever their order.

use crate::calendar::is_working_day;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// An ISO week: its ISO year and number (Monday to Sunday).
pub type IsoWeek = (i32, u8);

/// The ISO week of `date`.
pub fn iso_week(date: Date) -> IsoWeek {
    let (year, week, _) = date.to_iso_week_date();
    (year, week)
}

// ---------------------------------------------------------------- respite

/// R-LIM-1: the fewest hours a week of a respite schedule.
pub const RESPITE_MIN_WEEKLY_HOURS: Decimal = Decimal::ONE;
/// R-LIM-1: the most hours of respite in an ISO week ("nuo 1 iki 10
/// valandų per savaitę").
pub const RESPITE_MAX_WEEKLY_HOURS: Decimal = Decimal::TEN;
/// R-LIM-1: the most respite visits in an ISO week ("iki 2 kartų per
/// savaitę").
pub const RESPITE_MAX_WEEKLY_VISITS: usize = 2;
/// R-LIM-1: the most respite hours in a calendar year ("iki 208 valandų per
/// metus").
pub const RESPITE_MAX_YEARLY_HOURS: Decimal = Decimal::from_parts(208, 0, 0, false, 0);
/// R-LIM-2: the shortest break, in days, between respite and day or
/// short-term social care.
pub const RESPITE_BREAK_DAYS: i64 = 14;

/// How a respite service is organised (S4): as help at home (R-LIM-1 and
/// the break of R-LIM-2 apply) or as short-term social care (R-LIM-3
/// applies, and R-LIM-2's exception for permanent day care).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RespiteOrganisation {
    /// Organised as help at home (teikiant pagalbą į namus).
    AtHome,
    /// Organised as short-term social care (organizuojant trumpalaikę
    /// socialinę globą).
    ShortTermCare,
}

impl RespiteOrganisation {
    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            RespiteOrganisation::AtHome => "at_home",
            RespiteOrganisation::ShortTermCare => "short_term_care",
        }
    }

    /// The organisation of `code` ([`Self::as_str`]).
    pub fn parse(code: &str) -> Option<RespiteOrganisation> {
        [
            RespiteOrganisation::AtHome,
            RespiteOrganisation::ShortTermCare,
        ]
        .into_iter()
        .find(|o| o.as_str() == code)
    }
}

/// A limit of respite or meals that a new record would break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryRuleError {
    /// R-LIM-1: a respite schedule outside 1–10 hours and 1–2 visits a week.
    #[error("R-LIM-1: a respite schedule has 1 to 10 hours a week and at most 2 visits a week.")]
    RespiteScheduleOutOfLimits,
    /// R-LIM-1: the week's respite hours would exceed 10.
    #[error("R-LIM-1: respite is at most 10 hours a week; this visit would make {0} hours.")]
    RespiteWeeklyHours(Decimal),
    /// R-LIM-1: a third respite visit in a week.
    #[error("R-LIM-1: respite is given at most 2 times a week; this would be visit {0}.")]
    RespiteWeeklyVisits(usize),
    /// R-LIM-1: the calendar year's respite hours would exceed 208.
    #[error("R-LIM-1: respite is at most 208 hours a calendar year; this visit would make {0}.")]
    RespiteYearlyHours(Decimal),
    /// R-LIM-2: less than 14 days from day or short-term social care.
    #[error(
        "R-LIM-2: respite needs a break of at least 14 days from day or short-term social care (care on {0})."
    )]
    RespiteBreak(Date),
    /// R-LIM-3: other paid care hours above the visit's hours.
    #[error("R-LIM-3: the hours in other paid care cannot exceed the visit's hours.")]
    OtherCareAboveHours,
    /// R-LIM-4: meals are served on working days only.
    #[error("R-LIM-4: meals are served on working days only; {0} is not one.")]
    MealNotWorkingDay(Date),
    /// R-LIM-4: a second meal on one day.
    #[error("R-LIM-4: a meal is served at most once a day; the person has one on {0}.")]
    MealOnceADay(Date),
    /// R-LIM-4: a sixth meal in an ISO week.
    #[error("R-LIM-4: meals are served at most 5 times a week; this would be the sixth.")]
    MealWeekly,
    /// R-LIM-4: a meal in a 13th month of a calendar year.
    #[error("R-LIM-4: meals are served for at most 12 months a year.")]
    MealMonths,
    /// R-LIM-5: more coupons issued than granted.
    #[error("R-LIM-5: {requested} coupons asked for, {left} left of the grant.")]
    CouponsExceedGrant {
        /// Asked for now.
        requested: u32,
        /// Granted and not yet issued.
        left: u32,
    },
}

/// R-LIM-1: a respite schedule organised at home has 1–10 hours and 1–2
/// visits a week.
pub fn check_respite_schedule(
    hours_per_week: Decimal,
    visits_per_week: u32,
) -> Result<(), DeliveryRuleError> {
    let hours_ok =
        hours_per_week >= RESPITE_MIN_WEEKLY_HOURS && hours_per_week <= RESPITE_MAX_WEEKLY_HOURS;
    let visits_ok = (1..=RESPITE_MAX_WEEKLY_VISITS as u32).contains(&visits_per_week);
    if hours_ok && visits_ok {
        Ok(())
    } else {
        Err(DeliveryRuleError::RespiteScheduleOutOfLimits)
    }
}

/// R-LIM-3: the hours of a respite visit that count toward its fee and its
/// limits: the visit's hours less the hours the person spent in day care or
/// other paid care during it (those are stored apart, never counted). Only
/// respite organised as short-term care has such hours.
pub fn countable_hours(
    hours: Decimal,
    other_paid_care_hours: Decimal,
) -> Result<Decimal, DeliveryRuleError> {
    if other_paid_care_hours < Decimal::ZERO || other_paid_care_hours > hours {
        return Err(DeliveryRuleError::OtherCareAboveHours);
    }
    Ok(hours - other_paid_care_hours)
}

/// A visit already recorded (or the new one), as the limits see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountedVisit {
    /// The day.
    pub on: Date,
    /// The countable hours (R-LIM-3).
    pub hours: Decimal,
}

/// R-LIM-1: whether respite visit `new` may be added to the person's
/// recorded respite visits `recorded` (all of their respite schedules): at
/// most 10 countable hours and 2 visits in its ISO week, at most 208 hours
/// in its calendar year.
pub fn check_respite_visit(
    recorded: &[CountedVisit],
    new: CountedVisit,
) -> Result<(), DeliveryRuleError> {
    let week = iso_week(new.on);
    let same_week: Vec<&CountedVisit> =
        recorded.iter().filter(|v| iso_week(v.on) == week).collect();
    if same_week.len() + 1 > RESPITE_MAX_WEEKLY_VISITS {
        return Err(DeliveryRuleError::RespiteWeeklyVisits(same_week.len() + 1));
    }
    let week_hours: Decimal = same_week.iter().map(|v| v.hours).sum::<Decimal>() + new.hours;
    if week_hours > RESPITE_MAX_WEEKLY_HOURS {
        return Err(DeliveryRuleError::RespiteWeeklyHours(week_hours));
    }
    let year_hours: Decimal = recorded
        .iter()
        .filter(|v| v.on.year() == new.on.year())
        .map(|v| v.hours)
        .sum::<Decimal>()
        + new.hours;
    if year_hours > RESPITE_MAX_YEARLY_HOURS {
        return Err(DeliveryRuleError::RespiteYearlyHours(year_hours));
    }
    Ok(())
}

/// A period of day or short-term social care (a stay in a place); `until`
/// `None` while it lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CarePeriod {
    /// First day.
    pub from: Date,
    /// Last day, if ended.
    pub until: Option<Date>,
}

/// R-LIM-2: whether a respite visit on `on` keeps the break of at least 14
/// days from every period of day or short-term social care in `care`: the
/// days between the visit and the care (either way) are at least 14, so a
/// visit 15 days after care ended is allowed and one 14 days after is not.
/// The exception of S4: a person who receives day social care permanently
/// (`permanent_day_care`) may get respite organised as short-term care
/// without the break.
pub fn check_respite_break(
    on: Date,
    organisation: RespiteOrganisation,
    care: &[CarePeriod],
    permanent_day_care: bool,
) -> Result<(), DeliveryRuleError> {
    if permanent_day_care && organisation == RespiteOrganisation::ShortTermCare {
        return Ok(());
    }
    let gap = Duration::days(RESPITE_BREAK_DAYS);
    for period in care {
        let starts_too_soon = period.from <= on + gap;
        let ends_too_late = period.until.is_none_or(|until| until + gap >= on);
        if starts_too_soon && ends_too_late {
            let nearest = match period.until {
                Some(until) if until < on => until,
                _ if period.from > on => period.from,
                _ => on,
            };
            return Err(DeliveryRuleError::RespiteBreak(nearest));
        }
    }
    Ok(())
}

/// Home help: whether the week's hours, with a new visit of `hours`, go
/// above the schedule's `hours_per_week` (allowed, but flagged for the
/// division).
pub fn home_help_week_over_schedule(
    recorded_week_hours: Decimal,
    hours: Decimal,
    hours_per_week: Decimal,
) -> bool {
    recorded_week_hours + hours > hours_per_week
}

// ---------------------------------------------------------------- transport

/// What a trip is for: S4's list of destinations a trip may go to (from).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TripPurpose {
    /// Treatment, rehabilitation or nursing institutions.
    Treatment,
    /// The medical advisory commission (GKK).
    MedicalCommission,
    /// The disability and capacity assessment service (NDNT).
    DisabilityAssessment,
    /// Residential social care and nursing institutions.
    ResidentialCare,
    /// Bringing, delivering or collecting technical aids.
    TechnicalAids,
    /// Education and training centres.
    Education,
    /// Addiction centres for anti-alcohol therapy.
    AddictionTreatment,
    /// District institutions (families in social-skills services or case
    /// management).
    DistrictInstitution,
}

impl TripPurpose {
    /// Every purpose.
    pub const ALL: [TripPurpose; 8] = [
        TripPurpose::Treatment,
        TripPurpose::MedicalCommission,
        TripPurpose::DisabilityAssessment,
        TripPurpose::ResidentialCare,
        TripPurpose::TechnicalAids,
        TripPurpose::Education,
        TripPurpose::AddictionTreatment,
        TripPurpose::DistrictInstitution,
    ];

    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            TripPurpose::Treatment => "treatment",
            TripPurpose::MedicalCommission => "medical_commission",
            TripPurpose::DisabilityAssessment => "disability_assessment",
            TripPurpose::ResidentialCare => "residential_care",
            TripPurpose::TechnicalAids => "technical_aids",
            TripPurpose::Education => "education",
            TripPurpose::AddictionTreatment => "addiction_treatment",
            TripPurpose::DistrictInstitution => "district_institution",
        }
    }

    /// The purpose of `code`.
    pub fn parse(code: &str) -> Option<TripPurpose> {
        Self::ALL.into_iter().find(|p| p.as_str() == code)
    }
}

/// Where a trip goes, as R-FEE-6 sorts destinations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DestinationKind {
    /// A treatment, care or nursing institution.
    CareInstitution,
    /// A district institution within the district: the primary health
    /// centre (PSC), the pedagogical-psychological service, an eldership.
    DistrictInstitution,
    /// A family in social-skills services or case management going to a
    /// district institution.
    FamilyToDistrictInstitution,
    /// Anywhere else.
    Other,
}

impl DestinationKind {
    /// Every kind.
    pub const ALL: [DestinationKind; 4] = [
        DestinationKind::CareInstitution,
        DestinationKind::DistrictInstitution,
        DestinationKind::FamilyToDistrictInstitution,
        DestinationKind::Other,
    ];

    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            DestinationKind::CareInstitution => "care_institution",
            DestinationKind::DistrictInstitution => "district_institution",
            DestinationKind::FamilyToDistrictInstitution => "family_to_district_institution",
            DestinationKind::Other => "other",
        }
    }

    /// The kind of `code`.
    pub fn parse(code: &str) -> Option<DestinationKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// R-FEE-6: a trip to a treatment, care or nursing institution or to a
    /// district institution within the district (also a family in case
    /// management going to one) is free; any other destination is paid.
    /// (The free trips of people on social benefit are the director's
    /// decision, not the destination's.)
    pub fn is_free(self) -> bool {
        !matches!(self, DestinationKind::Other)
    }
}

// ---------------------------------------------------------------- meals

/// R-LIM-4: the most meals in an ISO week.
pub const MEALS_PER_WEEK: usize = 5;
/// R-LIM-4: the most months of a calendar year with meals.
pub const MEAL_MONTHS_PER_YEAR: usize = 12;

/// R-LIM-4: whether a meal on `on` may be added to the person's recorded
/// meal days `recorded`: once a day, at most 5 in its ISO week (a sixth,
/// say on the Saturday after five working days, is refused as the sixth),
/// in at most 12 distinct months of its calendar year (which a calendar
/// year cannot exceed; kept so the rule reads whole), and on a working day.
pub fn check_meal(recorded: &[Date], on: Date) -> Result<(), DeliveryRuleError> {
    if recorded.contains(&on) {
        return Err(DeliveryRuleError::MealOnceADay(on));
    }
    let week = iso_week(on);
    if recorded.iter().filter(|d| iso_week(**d) == week).count() + 1 > MEALS_PER_WEEK {
        return Err(DeliveryRuleError::MealWeekly);
    }
    let mut months: Vec<u8> = recorded
        .iter()
        .filter(|d| d.year() == on.year())
        .map(|d| d.month() as u8)
        .chain(std::iter::once(on.month() as u8))
        .collect();
    months.sort_unstable();
    months.dedup();
    if months.len() > MEAL_MONTHS_PER_YEAR {
        return Err(DeliveryRuleError::MealMonths);
    }
    if !is_working_day(on) {
        return Err(DeliveryRuleError::MealNotWorkingDay(on));
    }
    Ok(())
}

// ---------------------------------------------------------------- coupons

/// R-LIM-5: the coupons a person returning from prison gets by the
/// Centre's director's decision.
pub const PRISON_RETURN_COUPONS: u32 = 30;

/// The basis of a coupon grant (R-LIM-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CouponBasis {
    /// Returned from prison: 30 coupons by the director's decision.
    PrisonReturn,
    /// The social-support commission's decision (how many, for how long),
    /// assigned by the director.
    CommissionDecision,
}

impl CouponBasis {
    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            CouponBasis::PrisonReturn => "prison_return",
            CouponBasis::CommissionDecision => "commission_decision",
        }
    }

    /// The basis of `code`.
    pub fn parse(code: &str) -> Option<CouponBasis> {
        [CouponBasis::PrisonReturn, CouponBasis::CommissionDecision]
            .into_iter()
            .find(|b| b.as_str() == code)
    }

    /// R-LIM-5: the number of coupons the basis fixes (30 for a return from
    /// prison), `None` when the commission decides.
    pub fn fixed_coupons(self) -> Option<u32> {
        match self {
            CouponBasis::PrisonReturn => Some(PRISON_RETURN_COUPONS),
            CouponBasis::CommissionDecision => None,
        }
    }
}

/// R-LIM-5: whether `requested` coupons may be issued from a grant of
/// `granted` of which `issued` were already issued.
pub fn check_coupon_issue(
    granted: u32,
    issued: u32,
    requested: u32,
) -> Result<(), DeliveryRuleError> {
    let left = granted.saturating_sub(issued);
    if requested > left {
        return Err(DeliveryRuleError::CouponsExceedGrant { requested, left });
    }
    Ok(())
}

#[cfg(test)]
#[path = "delivery_tests.rs"]
mod tests;
