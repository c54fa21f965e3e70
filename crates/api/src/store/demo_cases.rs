//! Demo case management (demo mode only): three Kelmė families' cases in
//! three stages, dated from the caller's `now` so that the demo always
//! looks current:
//!
//! - the Vaitkų family's, opened today from a child-rights notice and
//!   waiting for its team (R-CMP-1);
//! - the Rimkų family's, assigned, assessed (R-CM-2), with a first meeting
//!   more than six months ago that agreed a plan of two goals and three
//!   actions (a member of staff, a family member and an organisation
//!   responsible; R-CMP-3), so its review is overdue (R-CMP-4), and a
//!   monitoring journal;
//! - the Jankauskų family's, closed by a meeting because its goals were
//!   reached (R-CMP-5), with the plan it had.
//!
//! Plain inserts in the caller's transaction; loaded once (skipped when the
//! municipality has any case).

use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::cases::{PLAN_AGREED, ROLE_CASE_MANAGER, ROLE_SOCIAL_WORKER};
use crate::store::entities::{
    case_action_statuses, case_assessments, case_assignments, case_children, case_journal_entries,
    case_meetings, case_plan_versions, cases, families, family_members, persons, users,
};
use crate::store::persons::search_text;
use atvejis_domain::cases::ProcedureParameters;
use atvejis_domain::personal_code::{PersonalCode, Sex, check_digit};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
};
use serde_json::{Value, json};
use time::{Date, Duration, OffsetDateTime, Time};
use uuid::Uuid;

/// A member of a demo family: first ten digits of the code, names, relation.
type DemoMember = (&'static str, &'static str, &'static str, &'static str);

fn err(e: impl std::fmt::Display) -> DbErr {
    DbErr::Custom(e.to_string())
}

/// A valid personal code from its first ten digits.
fn code_of(first_ten: &str) -> Result<PersonalCode, DbErr> {
    let mut digits = [0u8; 10];
    for (d, c) in digits.iter_mut().zip(first_ten.bytes()) {
        *d = c.wrapping_sub(b'0');
    }
    PersonalCode::parse(&format!("{first_ten}{}", check_digit(&digits))).map_err(err)
}

/// Noon (Lithuanian morning) UTC of `day`.
fn at(day: Date, hour: u8) -> OffsetDateTime {
    day.with_time(Time::from_hms(hour, 0, 0).unwrap_or(Time::MIDNIGHT))
        .assume_utc()
}

struct Ctx<'a, C> {
    db: &'a C,
    municipality_id: Uuid,
    who: AuditActor,
    now: OffsetDateTime,
    head: Uuid,
    manager: Uuid,
    worker: Uuid,
}

async fn user_id<C: ConnectionTrait>(db: &C, username: &str) -> Result<Uuid, DbErr> {
    users::Entity::find()
        .filter(users::Column::Username.eq(username))
        .one(db)
        .await?
        .map(|u| u.id)
        .ok_or_else(|| DbErr::Custom(format!("demo user {username} missing")))
}

/// Loads the demo cases of Kelmė once.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    let existing = cases::Entity::find()
        .filter(cases::Column::MunicipalityId.eq(municipality_id))
        .count(db)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    let ctx = Ctx {
        db,
        municipality_id,
        who: AuditActor::system("seed-demo", Some(municipality_id)),
        now,
        head: user_id(db, "case_management_head").await?,
        manager: user_id(db, "case_manager").await?,
        worker: user_id(db, "social_worker").await?,
    };
    let today = atvejis_domain::calendar::lithuanian_date(now);
    closed_case(&ctx, today).await?;
    open_case(&ctx, today).await?;
    waiting_case(&ctx, today).await
}

/// Registers a family with its members; (family, member ids in order).
async fn family<C: ConnectionTrait>(
    ctx: &Ctx<'_, C>,
    name: &str,
    eldership: &str,
    address: &str,
    members: &[DemoMember],
    since: Date,
) -> Result<(Uuid, Vec<Uuid>), DbErr> {
    let eldership = super::seed::eldership_id(ctx.db, ctx.municipality_id, eldership).await?;
    let mut ids = Vec::with_capacity(members.len());
    for (first_ten, first, last, _) in members {
        let code = code_of(first_ten)?;
        let id = Uuid::now_v7();
        persons::Entity::insert(persons::ActiveModel {
            id: Set(id),
            municipality_id: Set(ctx.municipality_id),
            eldership_id: Set(eldership),
            personal_code: Set(Some(code.as_str().to_owned())),
            first_name: Set((*first).to_owned()),
            last_name: Set((*last).to_owned()),
            birth_date: Set(code.birth_date()),
            sex: Set(Some(
                if code.sex() == Sex::Male {
                    "male"
                } else {
                    "female"
                }
                .to_owned(),
            )),
            declared_address: Set(Some(address.to_owned())),
            phone: Set(None),
            email: Set(None),
            search_text: Set(search_text(first, last, Some(code.as_str()), Some(address))),
            created_at: Set(ctx.now),
            updated_at: Set(ctx.now),
            version: Set(1),
        })
        .exec(ctx.db)
        .await?;
        audit::record(
            ctx.db,
            &ctx.who,
            ctx.now,
            AuditEvent::new(AuditAction::PersonCreate, "person", id)
                .summary(json!({ "demo": true })),
        )
        .await?;
        ids.push(id);
    }
    let family = Uuid::now_v7();
    families::Entity::insert(families::ActiveModel {
        id: Set(family),
        municipality_id: Set(ctx.municipality_id),
        eldership_id: Set(eldership),
        name: Set(name.to_owned()),
        notes: Set(None),
        created_at: Set(ctx.now),
        updated_at: Set(ctx.now),
        version: Set(1),
    })
    .exec(ctx.db)
    .await?;
    for ((_, _, _, relation), person) in members.iter().zip(&ids) {
        family_members::Entity::insert(family_members::ActiveModel {
            family_id: Set(family),
            person_id: Set(*person),
            relation: Set((*relation).to_owned()),
            joined_on: Set(Some(since)),
            left_on: Set(None),
        })
        .exec(ctx.db)
        .await?;
    }
    audit::record(
        ctx.db,
        &ctx.who,
        ctx.now,
        AuditEvent::new(AuditAction::FamilyCreate, "family", family)
            .summary(json!({ "demo": true, "name": name })),
    )
    .await?;
    Ok((family, ids))
}

/// Opens a case (and assigns its team from `assigned_on`).
#[allow(clippy::too_many_arguments)]
async fn case<C: ConnectionTrait>(
    ctx: &Ctx<'_, C>,
    family: Uuid,
    children: &[Uuid],
    opened_on: Date,
    reference: &str,
    reason: &str,
    assigned_on: Option<Date>,
) -> Result<Uuid, DbErr> {
    let number = super::cases::next_number(ctx.db, ctx.municipality_id, opened_on.year())
        .await
        .map_err(err)?;
    let id = Uuid::now_v7();
    let opened_at = at(opened_on, 8);
    cases::Entity::insert(cases::ActiveModel {
        id: Set(id),
        municipality_id: Set(ctx.municipality_id),
        number: Set(number.clone()),
        family_id: Set(family),
        origin: Set("child_rights_notice".to_owned()),
        notice_date: Set(opened_on),
        notice_reference: Set(Some(reference.to_owned())),
        referred_by: Set(Some(
            "VVTAĮT Šiaulių apskrities vaiko teisių apsaugos skyrius".to_owned(),
        )),
        reason: Set(reason.to_owned()),
        opened_on: Set(opened_on),
        opened_at: Set(opened_at),
        opened_by: Set(Some(ctx.head)),
        opened_by_service: Set(None),
        parameters: Set(json!(ProcedureParameters::default())),
        assigned_on: Set(assigned_on),
        closed_on: Set(None),
        closed_at: Set(None),
        closing_reason: Set(None),
        closing_note: Set(None),
        closed_by_meeting: Set(None),
        created_at: Set(opened_at),
        updated_at: Set(opened_at),
        version: Set(if assigned_on.is_some() { 2 } else { 1 }),
    })
    .exec(ctx.db)
    .await?;
    for child in children {
        case_children::Entity::insert(case_children::ActiveModel {
            case_id: Set(id),
            person_id: Set(*child),
        })
        .exec(ctx.db)
        .await?;
    }
    audit::record(
        ctx.db,
        &ctx.who,
        ctx.now,
        AuditEvent::new(AuditAction::CaseOpen, "case", id)
            .summary(json!({ "demo": true, "number": number })),
    )
    .await?;
    if let Some(on) = assigned_on {
        for (user, role) in [
            (ctx.manager, ROLE_CASE_MANAGER),
            (ctx.worker, ROLE_SOCIAL_WORKER),
        ] {
            case_assignments::Entity::insert(case_assignments::ActiveModel {
                id: Set(Uuid::now_v7()),
                municipality_id: Set(ctx.municipality_id),
                case_id: Set(id),
                user_id: Set(user),
                role: Set(role.to_owned()),
                order_reference: Set(Some("Direktoriaus įsakymas Nr. V-1 (demo)".to_owned())),
                assigned_at: Set(at(on, 9)),
                assigned_by: Set(ctx.head),
                ended_at: Set(None),
            })
            .exec(ctx.db)
            .await?;
        }
        audit::record(
            ctx.db,
            &ctx.who,
            ctx.now,
            AuditEvent::new(AuditAction::CaseAssign, "case", id).summary(json!({ "demo": true })),
        )
        .await?;
    }
    Ok(id)
}

async fn assessment<C: ConnectionTrait>(
    ctx: &Ctx<'_, C>,
    case_id: Uuid,
    on: Date,
    risk_factors: Value,
    summary: &str,
) -> Result<(), DbErr> {
    case_assessments::Entity::insert(case_assessments::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(ctx.municipality_id),
        case_id: Set(case_id),
        assessed_on: Set(on),
        risk_factors: Set(risk_factors),
        child_protective_factors: Set(json!([
            "Vaikai prieraišūs prie motinos",
            "Reguliariai lanko mokyklą"
        ])),
        family_protective_factors: Set(json!(["Močiutė padeda prižiūrėti vaikus"])),
        summary: Set(summary.to_owned()),
        signed_by: Set(ctx.manager),
        created_at: Set(at(on, 12)),
    })
    .exec(ctx.db)
    .await?;
    audit::record(
        ctx.db,
        &ctx.who,
        ctx.now,
        AuditEvent::new(AuditAction::CaseAssessment, "case", case_id)
            .summary(json!({ "demo": true })),
    )
    .await
}

/// A meeting; its id.
#[allow(clippy::too_many_arguments)]
async fn meeting<C: ConnectionTrait>(
    ctx: &Ctx<'_, C>,
    case_id: Uuid,
    held_on: Date,
    agenda: &str,
    parent: Uuid,
    decisions: Value,
    plan_version_id: Option<Uuid>,
) -> Result<Uuid, DbErr> {
    let id = Uuid::now_v7();
    case_meetings::Entity::insert(case_meetings::ActiveModel {
        id: Set(id),
        municipality_id: Set(ctx.municipality_id),
        case_id: Set(case_id),
        held_on: Set(held_on),
        agenda: Set(agenda.to_owned()),
        participants: Set(json!([
            { "kind": "staff", "user_id": ctx.manager },
            { "kind": "staff", "user_id": ctx.worker },
            { "kind": "family_member", "person_id": parent },
            { "kind": "outside", "name": "Asta Norkienė", "organisation": "VVTAĮT Šiaulių apskrities skyrius", "role": "vaiko teisių apsaugos specialistė" },
        ])),
        decisions: Set(decisions),
        notes: Set("Aptarta šeimos situacija ir pagalbos poreikis.".to_owned()),
        plan_version_id: Set(plan_version_id),
        application_id: Set(None),
        review_on: Set(None),
        created_by: Set(ctx.manager),
        created_at: Set(at(held_on, 13)),
    })
    .exec(ctx.db)
    .await?;
    audit::record(
        ctx.db,
        &ctx.who,
        ctx.now,
        AuditEvent::new(AuditAction::CaseMeeting, "case", case_id).summary(json!({ "demo": true })),
    )
    .await?;
    Ok(id)
}

/// An agreed plan version 1 with `goals`; its id. The meeting that agreed
/// it is set afterwards ([`agreed_at`]).
async fn agreed_plan<C: ConnectionTrait>(
    ctx: &Ctx<'_, C>,
    case_id: Uuid,
    agreed_on: Date,
    goals: Value,
) -> Result<Uuid, DbErr> {
    let id = Uuid::now_v7();
    case_plan_versions::Entity::insert(case_plan_versions::ActiveModel {
        id: Set(id),
        municipality_id: Set(ctx.municipality_id),
        case_id: Set(case_id),
        number: Set(1),
        goals: Set(goals),
        status: Set(PLAN_AGREED.to_owned()),
        agreed_on: Set(Some(agreed_on)),
        agreed_at_meeting: Set(None),
        created_by: Set(ctx.manager),
        created_at: Set(at(agreed_on - Duration::days(2), 10)),
        updated_at: Set(at(agreed_on, 13)),
        version: Set(2),
    })
    .exec(ctx.db)
    .await?;
    audit::record(
        ctx.db,
        &ctx.who,
        ctx.now,
        AuditEvent::new(AuditAction::CasePlanAgree, "case", case_id)
            .summary(json!({ "demo": true, "number": 1 })),
    )
    .await?;
    Ok(id)
}

async fn agreed_at<C: ConnectionTrait>(
    ctx: &Ctx<'_, C>,
    plan: Uuid,
    meeting: Uuid,
) -> Result<(), DbErr> {
    case_plan_versions::Entity::update_many()
        .col_expr(
            case_plan_versions::Column::AgreedAtMeeting,
            sea_orm::sea_query::Expr::value(Some(meeting)),
        )
        .filter(case_plan_versions::Column::Id.eq(plan))
        .exec(ctx.db)
        .await?;
    Ok(())
}

async fn journal<C: ConnectionTrait>(
    ctx: &Ctx<'_, C>,
    case_id: Uuid,
    author: Uuid,
    on: Date,
    kind: &str,
    text: &str,
) -> Result<(), DbErr> {
    case_journal_entries::Entity::insert(case_journal_entries::ActiveModel {
        id: Set(Uuid::now_v7()),
        municipality_id: Set(ctx.municipality_id),
        case_id: Set(case_id),
        occurred_on: Set(on),
        kind: Set(kind.to_owned()),
        text: Set(text.to_owned()),
        author_id: Set(author),
        written_at: Set(at(on, 14)),
        edited_at: Set(None),
        corrects_id: Set(None),
        version: Set(1),
    })
    .exec(ctx.db)
    .await?;
    audit::record(
        ctx.db,
        &ctx.who,
        ctx.now,
        AuditEvent::new(AuditAction::CaseJournalAdd, "case", case_id)
            .summary(json!({ "demo": true })),
    )
    .await
}

/// The Rimkų family: a plan agreed more than six months ago, review overdue.
async fn open_case<C: ConnectionTrait>(ctx: &Ctx<'_, C>, today: Date) -> Result<(), DbErr> {
    let opened_on = today - Duration::days(230);
    let (family, people) = family(
        ctx,
        "Rimkų šeima",
        "kelmes-miesto",
        "Raseinių g. 14-2, Kelmė",
        &[
            ("4890412123", "Inga", "Rimkienė", "applicant"),
            ("3870925123", "Darius", "Rimkus", "spouse"),
            ("5150620123", "Lukas", "Rimkus", "child"),
            ("6180214123", "Emilija", "Rimkutė", "child"),
        ],
        opened_on - Duration::days(365 * 8),
    )
    .await?;
    let [mother, _father, lukas, emilija] = people[..] else {
        return Err(err("demo family"));
    };
    let id = case(
        ctx,
        family,
        &[lukas, emilija],
        opened_on,
        "2SS-DEMO-0412",
        "Vaikai dažnai paliekami be suaugusiųjų priežiūros; tėvai vartoja alkoholį.",
        Some(opened_on + Duration::days(1)),
    )
    .await?;
    assessment(
        ctx,
        id,
        opened_on + Duration::days(6),
        json!([
            { "factor": "Tėvų piktnaudžiavimas alkoholiu", "level": "high", "notes": "Abu tėvai, ypač savaitgaliais" },
            { "factor": "Nepakankama vaikų priežiūra", "level": "medium", "notes": null },
            { "factor": "Vaiko mokymosi sunkumai", "level": "low", "notes": "Lukas praleidžia pamokas" },
        ]),
        "Šeimai reikalinga kompleksinė pagalba: priklausomybių konsultacijos, socialinių įgūdžių ugdymas, vaikų užimtumas.",
    )
    .await?;
    let agreed_on = opened_on + Duration::days(10);
    let staff_action = Uuid::now_v7();
    let family_action = Uuid::now_v7();
    let school_action = Uuid::now_v7();
    let plan = agreed_plan(
        ctx,
        id,
        agreed_on,
        json!([
            {
                "id": Uuid::now_v7(),
                "title": "Tėvai atsisako alkoholio vartojimo",
                "actions": [
                    { "id": family_action, "what": "Lankyti priklausomybių konsultanto užsiėmimus kas savaitę", "responsible": { "kind": "family_member", "person_id": mother }, "due_on": today + Duration::days(30) },
                    { "id": staff_action, "what": "Lankytis šeimoje kas dvi savaites ir stebėti situaciją", "responsible": { "kind": "staff", "user_id": ctx.worker }, "due_on": today + Duration::days(60) },
                ],
            },
            {
                "id": Uuid::now_v7(),
                "title": "Lukas reguliariai lanko mokyklą",
                "actions": [
                    { "id": school_action, "what": "Įvertinti Luko specialiuosius ugdymosi poreikius", "responsible": { "kind": "organisation", "name": "Kelmės r. pedagoginė psichologinė tarnyba" }, "due_on": agreed_on + Duration::days(60) },
                ],
            },
        ]),
    )
    .await?;
    let first = meeting(
        ctx,
        id,
        agreed_on,
        "Pirmasis atvejo nagrinėjimo posėdis: pagalbos plano suderinimas",
        mother,
        json!({ "agree_plan": { "draft_version": 1 } }),
        Some(plan),
    )
    .await?;
    agreed_at(ctx, plan, first).await?;
    case_action_statuses::Entity::insert(case_action_statuses::ActiveModel {
        case_id: Set(id),
        action_id: Set(school_action),
        municipality_id: Set(ctx.municipality_id),
        status: Set("done".to_owned()),
        reason: Set(None),
        changed_on: Set(agreed_on + Duration::days(45)),
        changed_by: Set(ctx.manager),
        version: Set(1),
    })
    .exec(ctx.db)
    .await?;
    for (days_ago, author, kind, text) in [
        (
            200,
            ctx.worker,
            "visit",
            "Apsilankyta šeimoje. Namuose tvarkinga, vaikai pavalgę; tėvas neblaivus.",
        ),
        (
            120,
            ctx.manager,
            "call",
            "Skambino mokyklos socialinė pedagogė: Lukas pamokas lanko reguliariau.",
        ),
        (
            60,
            ctx.worker,
            "visit",
            "Apsilankyta šeimoje. Motina lanko konsultanto užsiėmimus.",
        ),
        (
            5,
            ctx.manager,
            "meeting",
            "Susitikimas su motina seniūnijoje: aptartas vaikų užimtumas vasarą.",
        ),
    ] {
        journal(
            ctx,
            id,
            author,
            today - Duration::days(days_ago),
            kind,
            text,
        )
        .await?;
    }
    Ok(())
}

/// The Jankauskų family: closed by a meeting, goals reached.
async fn closed_case<C: ConnectionTrait>(ctx: &Ctx<'_, C>, today: Date) -> Result<(), DbErr> {
    let opened_on = today - Duration::days(420);
    let (family, people) = family(
        ctx,
        "Jankauskų šeima",
        "tytuvenu",
        "Basanavičiaus g. 8, Tytuvėnai",
        &[
            ("4920805123", "Vilma", "Jankauskienė", "applicant"),
            ("5170311123", "Mantas", "Jankauskas", "child"),
        ],
        opened_on - Duration::days(365 * 9),
    )
    .await?;
    let [mother, mantas] = people[..] else {
        return Err(err("demo family"));
    };
    let id = case(
        ctx,
        family,
        &[mantas],
        opened_on,
        "2SS-DEMO-0305",
        "Vaikas nelankė mokyklos; motina neturėjo darbo ir būsto.",
        Some(opened_on + Duration::days(1)),
    )
    .await?;
    assessment(
        ctx,
        id,
        opened_on + Duration::days(5),
        json!([{ "factor": "Nepakankamos pajamos", "level": "medium", "notes": null }]),
        "Šeimai reikia pagalbos ieškant darbo ir užtikrinant vaiko mokyklos lankymą.",
    )
    .await?;
    let agreed_on = opened_on + Duration::days(9);
    let plan = agreed_plan(
        ctx,
        id,
        agreed_on,
        json!([{
            "id": Uuid::now_v7(),
            "title": "Motina įsidarbina, vaikas lanko mokyklą",
            "actions": [
                { "id": Uuid::now_v7(), "what": "Registruotis Užimtumo tarnyboje", "responsible": { "kind": "family_member", "person_id": mother }, "due_on": agreed_on + Duration::days(30) },
            ],
        }]),
    )
    .await?;
    let first = meeting(
        ctx,
        id,
        agreed_on,
        "Pirmasis atvejo nagrinėjimo posėdis",
        mother,
        json!({ "agree_plan": { "draft_version": 1 } }),
        Some(plan),
    )
    .await?;
    agreed_at(ctx, plan, first).await?;
    let closed_on = today - Duration::days(20);
    let last = meeting(
        ctx,
        id,
        closed_on,
        "Atvejo užbaigimas: pagalbos plano tikslai pasiekti",
        mother,
        json!({ "close": { "reason": "goals_reached", "note": "Motina dirba, Mantas lanko mokyklą be praleidimų." } }),
        None,
    )
    .await?;
    cases::Entity::update_many()
        .col_expr(
            cases::Column::ClosedOn,
            sea_orm::sea_query::Expr::value(Some(closed_on)),
        )
        .col_expr(
            cases::Column::ClosedAt,
            sea_orm::sea_query::Expr::value(Some(at(closed_on, 14))),
        )
        .col_expr(
            cases::Column::ClosingReason,
            sea_orm::sea_query::Expr::value(Some("goals_reached".to_owned())),
        )
        .col_expr(
            cases::Column::ClosingNote,
            sea_orm::sea_query::Expr::value(Some(
                "Motina dirba, Mantas lanko mokyklą be praleidimų.".to_owned(),
            )),
        )
        .col_expr(
            cases::Column::ClosedByMeeting,
            sea_orm::sea_query::Expr::value(Some(last)),
        )
        .col_expr(cases::Column::Version, sea_orm::sea_query::Expr::value(3))
        .filter(cases::Column::Id.eq(id))
        .exec(ctx.db)
        .await?;
    audit::record(
        ctx.db,
        &ctx.who,
        ctx.now,
        AuditEvent::new(AuditAction::CaseClose, "case", id)
            .summary(json!({ "demo": true, "reason": "goals_reached" })),
    )
    .await
}

/// The Vaitkų family: opened today, waiting for its team.
async fn waiting_case<C: ConnectionTrait>(ctx: &Ctx<'_, C>, today: Date) -> Result<(), DbErr> {
    let (family, people) = family(
        ctx,
        "Vaitkų šeima",
        "kraziu",
        "Kęstučio g. 3, Kražiai",
        &[
            ("4950127123", "Laima", "Vaitkienė", "applicant"),
            ("5200918123", "Matas", "Vaitkus", "child"),
        ],
        today - Duration::days(365 * 6),
    )
    .await?;
    case(
        ctx,
        family,
        &people[1..],
        today,
        "2SS-DEMO-1202",
        "Gautas pranešimas apie smurtą artimoje aplinkoje; vaikas liudininkas.",
        None,
    )
    .await?;
    Ok(())
}
