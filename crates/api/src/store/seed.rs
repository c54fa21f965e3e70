//! Seed data: the organisation of the two municipalities of the source texts
//! (RULES.md "Demo and seed organisation data") and, in demo mode only, one
//! demo user per role. Seeding is idempotent: what exists is left alone.

use crate::store::audit::{self, AuditAction, AuditActor, AuditEvent};
use crate::store::entities::{elderships, institutions, municipalities, users};
use crate::store::{begin_write, users as user_store};
use atvejis_domain::access::Role;
use atvejis_domain::places::{FacilityKind, PlaceKind};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter,
};
use serde_json::json;
use time::OffsetDateTime;
use uuid::Uuid;

/// The password of every demo user.
pub const DEMO_PASSWORD: &str = "Demo-2026!";

/// An institution or unit to seed.
pub struct InstitutionSeed<'a> {
    /// Code, unique in the municipality.
    pub code: &'a str,
    /// Name.
    pub name: &'a str,
    /// `centre`, `department`, `facility`, `division`, `external`.
    pub kind: &'a str,
    /// Address.
    pub address: Option<&'a str>,
    /// The code of the institution it belongs to.
    pub parent: Option<&'a str>,
}

/// A municipality to seed.
pub struct MunicipalitySeed<'a> {
    /// Code.
    pub code: &'a str,
    /// Name.
    pub name: &'a str,
    /// Elderships: (code, name).
    pub elderships: &'a [(&'a str, &'a str)],
    /// Institutions and units, parents first.
    pub institutions: &'a [InstitutionSeed<'a>],
    /// Facilities with places (R-Q-1).
    pub facilities: &'a [FacilitySeed<'a>],
}

/// A facility with places to seed.
pub struct FacilitySeed<'a> {
    /// Code, unique in the municipality.
    pub code: &'a str,
    /// Name.
    pub name: &'a str,
    /// Kind.
    pub kind: FacilityKind,
    /// The institution (code) it belongs to.
    pub institution: Option<&'a str>,
    /// Address.
    pub address: Option<&'a str>,
    /// Its kinds of place with their capacity.
    pub places: &'a [(PlaceKind, u32)],
}

const GGN_ADDRESS: &str = "Plento g. 25, Paprūdžių k., Kelmės apyl. sen., Kelmės r.";

const CENTRE_ADDRESS: &str = "Vytauto Didžiojo g. 58, Kelmė";

/// Kelmė district municipality (S4).
pub const KELME: MunicipalitySeed<'static> = MunicipalitySeed {
    code: "kelme",
    name: "Kelmės rajono savivaldybė",
    elderships: &[
        ("kelmes-miesto", "Kelmės miesto seniūnija"),
        ("kelmes-apylinkiu", "Kelmės apylinkių seniūnija"),
        ("kraziu", "Kražių seniūnija"),
        ("kukeciu", "Kukečių seniūnija"),
        ("lioliu", "Liolių seniūnija"),
        ("pakrazancio", "Pakražančio seniūnija"),
        ("saukenu", "Šaukėnų seniūnija"),
        ("tytuvenu", "Tytuvėnų seniūnija"),
        ("tytuvenu-apylinkiu", "Tytuvėnų apylinkių seniūnija"),
        ("uzvencio", "Užvenčio seniūnija"),
        ("vaiguvos", "Vaiguvos seniūnija"),
    ],
    institutions: &[
        InstitutionSeed {
            code: "socialines-paramos-skyrius",
            name: "Savivaldybės administracijos Socialinės paramos skyrius",
            kind: "division",
            address: None,
            parent: None,
        },
        InstitutionSeed {
            code: "spc",
            name: "Kelmės rajono socialinių paslaugų centras",
            kind: "centre",
            address: Some(CENTRE_ADDRESS),
            parent: None,
        },
        InstitutionSeed {
            code: "spc-bendruju-paslaugu",
            name: "Bendrųjų paslaugų skyrius",
            kind: "department",
            address: Some(CENTRE_ADDRESS),
            parent: Some("spc"),
        },
        InstitutionSeed {
            code: "spc-pagalbos-i-namus",
            name: "Pagalbos į namus skyrius",
            kind: "department",
            address: Some(CENTRE_ADDRESS),
            parent: Some("spc"),
        },
        InstitutionSeed {
            code: "spc-pagalbos-seimai",
            name: "Pagalbos šeimai skyrius",
            kind: "department",
            address: Some(CENTRE_ADDRESS),
            parent: Some("spc"),
        },
        InstitutionSeed {
            code: "spc-ggn",
            name: "Grupinio gyvenimo namai (ir laikinas apnakvindinimas)",
            kind: "facility",
            address: Some("Plento g. 25, Paprūdžių k., Kelmės apyl. sen."),
            parent: Some("spc"),
        },
        InstitutionSeed {
            code: "spc-vdc-parama",
            name: "Vaikų dienos centras „Parama“",
            kind: "facility",
            address: Some("S. Nėries g. 14, Kelmė"),
            parent: Some("spc"),
        },
    ],
    facilities: &[
        FacilitySeed {
            code: "ggn",
            name: "Grupinio gyvenimo namai",
            kind: FacilityKind::GroupLivingHome,
            institution: Some("spc-ggn"),
            address: Some(GGN_ADDRESS),
            places: &[(PlaceKind::ShortTermCare, 2), (PlaceKind::LongTermCare, 8)],
        },
        FacilitySeed {
            code: "apnakvindinimas",
            name: "Laikino apnakvindinimo konteinerinis namelis",
            kind: FacilityKind::OvernightShelter,
            institution: Some("spc-ggn"),
            address: Some(GGN_ADDRESS),
            places: &[(PlaceKind::Shelter, 2)],
        },
        FacilitySeed {
            code: "vdc-parama",
            name: "Vaikų dienos centras „Parama“",
            kind: FacilityKind::ChildrenDayCentre,
            institution: Some("spc-vdc-parama"),
            address: Some("S. Nėries g. 14, Kelmė"),
            places: &[(PlaceKind::DayCare, 20)],
        },
    ],
};

/// Kaunas district municipality (S0), with one eldership for the demo.
pub const KAUNAS_DISTRICT: MunicipalitySeed<'static> = MunicipalitySeed {
    code: "kauno-r",
    name: "Kauno rajono savivaldybė",
    elderships: &[("garliavos", "Garliavos seniūnija")],
    institutions: &[
        InstitutionSeed {
            code: "spc",
            name: "Kauno rajono socialinių paslaugų centras",
            kind: "centre",
            address: None,
            parent: None,
        },
        InstitutionSeed {
            code: "cekiskes-globos-namai",
            name: "Čekiškės socialinės globos ir priežiūros namai",
            kind: "facility",
            address: None,
            parent: None,
        },
        InstitutionSeed {
            code: "gynia",
            name: "Vaiko gerovės centras „Gynia“",
            kind: "facility",
            address: None,
            parent: None,
        },
    ],
    facilities: &[
        FacilitySeed {
            code: "cekiskes",
            name: "Čekiškės socialinės globos ir priežiūros namai",
            kind: FacilityKind::GroupLivingHome,
            institution: Some("cekiskes-globos-namai"),
            address: None,
            places: &[(PlaceKind::ShortTermCare, 5), (PlaceKind::LongTermCare, 30)],
        },
        FacilitySeed {
            code: "gynia",
            name: "Vaiko gerovės centras „Gynia“",
            kind: FacilityKind::ChildrenDayCentre,
            institution: Some("gynia"),
            address: None,
            places: &[(PlaceKind::DayCare, 15)],
        },
    ],
};

/// A demo user.
pub struct DemoUser {
    /// Username.
    pub username: &'static str,
    /// Name to show.
    pub display_name: &'static str,
    /// Role.
    pub role: Role,
    /// Municipality code.
    pub municipality: &'static str,
    /// Eldership code.
    pub eldership: Option<&'static str>,
}

/// One demo user per role in Kelmė, and a social worker of Kaunas district.
pub const DEMO_USERS: &[DemoUser] = &[
    DemoUser {
        username: "admin",
        display_name: "Aušra Administratorė",
        role: Role::Admin,
        municipality: "kelme",
        eldership: None,
    },
    DemoUser {
        username: "social_worker",
        display_name: "Rasa Petraitienė",
        role: Role::SocialWorker,
        municipality: "kelme",
        eldership: Some("kelmes-miesto"),
    },
    DemoUser {
        username: "case_manager",
        display_name: "Giedrius Kazlauskas",
        role: Role::CaseManager,
        municipality: "kelme",
        eldership: None,
    },
    DemoUser {
        username: "case_management_head",
        display_name: "Jūratė Vaitkienė",
        role: Role::CaseManagementHead,
        municipality: "kelme",
        eldership: None,
    },
    DemoUser {
        username: "division_specialist",
        display_name: "Ona Jankauskienė",
        role: Role::DivisionSpecialist,
        municipality: "kelme",
        eldership: None,
    },
    DemoUser {
        username: "division_head",
        display_name: "Vytautas Stankevičius",
        role: Role::DivisionHead,
        municipality: "kelme",
        eldership: None,
    },
    DemoUser {
        username: "auditor",
        display_name: "Dalia Auditorė",
        role: Role::Auditor,
        municipality: "kelme",
        eldership: None,
    },
    DemoUser {
        username: "data_protection_officer",
        display_name: "Rūta Duomenienė",
        role: Role::DataProtectionOfficer,
        municipality: "kelme",
        eldership: None,
    },
    DemoUser {
        username: "kaunas_worker",
        display_name: "Tomas Kauniškis",
        role: Role::SocialWorker,
        municipality: "kauno-r",
        eldership: Some("garliavos"),
    },
];

/// Creates a municipality with its elderships and institutions, the default
/// service catalogue and rates, if its code is not taken yet; returns its id
/// either way. `now` is when (the caller's clock).
pub async fn municipality<C: ConnectionTrait>(
    db: &C,
    seed: &MunicipalitySeed<'_>,
    now: OffsetDateTime,
) -> Result<Uuid, DbErr> {
    if let Some(existing) = municipalities::Entity::find()
        .filter(municipalities::Column::Code.eq(seed.code))
        .one(db)
        .await?
    {
        return Ok(existing.id);
    }
    let id = Uuid::now_v7();
    municipalities::Entity::insert(municipalities::ActiveModel {
        id: Set(id),
        code: Set(seed.code.to_owned()),
        name: Set(seed.name.to_owned()),
        created_at: Set(now),
    })
    .exec(db)
    .await?;
    for (code, name) in seed.elderships {
        elderships::Entity::insert(elderships::ActiveModel {
            id: Set(Uuid::now_v7()),
            municipality_id: Set(id),
            code: Set((*code).to_owned()),
            name: Set((*name).to_owned()),
        })
        .exec(db)
        .await?;
    }
    let mut ids: Vec<(&str, Uuid)> = Vec::new();
    for inst in seed.institutions {
        let inst_id = Uuid::now_v7();
        let parent = inst
            .parent
            .and_then(|p| ids.iter().find(|(code, _)| *code == p).map(|(_, id)| *id));
        institutions::Entity::insert(institutions::ActiveModel {
            id: Set(inst_id),
            municipality_id: Set(id),
            parent_id: Set(parent),
            code: Set(inst.code.to_owned()),
            name: Set(inst.name.to_owned()),
            kind: Set(inst.kind.to_owned()),
            address: Set(inst.address.map(str::to_owned)),
        })
        .exec(db)
        .await?;
        ids.push((inst.code, inst_id));
    }
    super::catalogue::seed(db, id, now).await?;
    super::rates::seed(db, id, now).await?;
    super::aids::seed_prices(db, id, now).await?;
    for facility in seed.facilities {
        let institution = facility
            .institution
            .and_then(|c| ids.iter().find(|(code, _)| *code == c).map(|(_, id)| *id));
        super::places::seed_facility(db, id, institution, facility, now).await?;
    }
    audit::record(
        db,
        &AuditActor::system("seed", Some(id)),
        now,
        AuditEvent::new(AuditAction::MunicipalityCreate, "municipality", id).summary(json!({
            "code": seed.code,
            "name": seed.name,
            "elderships": seed.elderships.len(),
            "institutions": seed.institutions.len(),
        })),
    )
    .await?;
    Ok(id)
}

/// Creates a user unless the username is taken; `true` when created. `at`
/// is when (the caller's clock).
#[allow(clippy::too_many_arguments)]
pub async fn user<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    eldership_id: Option<Uuid>,
    username: &str,
    display_name: &str,
    roles: &[Role],
    password_hash: &str,
    task: &str,
    at: OffsetDateTime,
) -> Result<bool, DbErr> {
    if let Some(case_role) = atvejis_domain::access::admin_with_case_role(roles) {
        return Err(DbErr::Custom(format!(
            "user `{username}`: an administrator cannot also hold `{case_role}`"
        )));
    }
    if user_store::find_by_username(db, username).await?.is_some() {
        return Ok(false);
    }
    let id = Uuid::now_v7();
    users::Entity::insert(users::ActiveModel {
        id: Set(id),
        municipality_id: Set(municipality_id),
        eldership_id: Set(eldership_id),
        username: Set(username.to_owned()),
        display_name: Set(display_name.to_owned()),
        password_hash: Set(password_hash.to_owned()),
        active: Set(true),
        created_at: Set(at),
        updated_at: Set(at),
        version: Set(1),
    })
    .exec(db)
    .await?;
    user_store::set_roles(db, id, roles).await?;
    audit::record(
        db,
        &AuditActor::system(task, Some(municipality_id)),
        at,
        AuditEvent::new(AuditAction::UserCreate, "user", id).summary(json!({
            "username": username,
            "display_name": display_name,
            "roles": roles,
            "eldership_id": eldership_id,
        })),
    )
    .await?;
    Ok(true)
}

/// The id of eldership `code` of a municipality.
pub async fn eldership_id<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    code: &str,
) -> Result<Option<Uuid>, DbErr> {
    Ok(elderships::Entity::find()
        .filter(elderships::Column::MunicipalityId.eq(municipality_id))
        .filter(elderships::Column::Code.eq(code))
        .one(db)
        .await?
        .map(|e| e.id))
}

/// Loads the demo: both municipalities and the demo users, whose password is
/// [`DEMO_PASSWORD`] (`password_hash` is its hash). Returns how many users
/// were created (0 when the demo was loaded before). `now` is when (the
/// caller's clock: the binary's system clock, the tests' manual one).
pub async fn demo(
    db: &DatabaseConnection,
    password_hash: &str,
    now: OffsetDateTime,
) -> Result<usize, DbErr> {
    let txn = begin_write(db).await?;
    let kelme = municipality(&txn, &KELME, now).await?;
    let kaunas = municipality(&txn, &KAUNAS_DISTRICT, now).await?;
    let mut created = 0;
    let mut head_created = false;
    for demo_user in DEMO_USERS {
        let municipality_id = if demo_user.municipality == KELME.code {
            kelme
        } else {
            kaunas
        };
        let eldership = match demo_user.eldership {
            Some(code) => eldership_id(&txn, municipality_id, code).await?,
            None => None,
        };
        if user(
            &txn,
            municipality_id,
            eldership,
            demo_user.username,
            demo_user.display_name,
            &[demo_user.role],
            password_hash,
            "seed-demo",
            now,
        )
        .await?
        {
            created += 1;
            head_created |= demo_user.username == DEMO_SIGNER;
        }
    }
    if head_created {
        demo_delegation(&txn, kelme, now).await?;
    }
    txn.commit().await?;
    Ok(created)
}

/// The demo user who signs decisions.
pub const DEMO_SIGNER: &str = "division_head";

/// The demo signer's delegation (R-ROLE-2): every service type of the
/// municipality's catalogue, from the first day of the year of `now` and
/// open-ended, granted by the demo administrator; so the demo head signs
/// whatever the demo prepares, as before delegations existed.
async fn demo_delegation<C: ConnectionTrait>(
    db: &C,
    municipality_id: Uuid,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    use crate::store::entities::{service_types, signing_delegations};
    let find = |username: &'static str| async move {
        user_store::find_by_username(db, username)
            .await?
            .ok_or_else(|| DbErr::Custom(format!("the demo user {username} is missing")))
    };
    let head = find(DEMO_SIGNER).await?;
    let admin = find("admin").await?;
    let services: Vec<Uuid> = service_types::Entity::find()
        .filter(service_types::Column::MunicipalityId.eq(municipality_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let today = atvejis_domain::calendar::lithuanian_date(now);
    let valid_from = time::Date::from_calendar_date(today.year(), time::Month::January, 1)
        .map_err(|e| DbErr::Custom(e.to_string()))?;
    let id = Uuid::now_v7();
    let reference = "Demonstracinis įgaliojimas pasirašyti visų paslaugų sprendimus";
    super::signing_delegations::insert(
        db,
        signing_delegations::Model {
            id,
            municipality_id,
            user_id: head.id,
            valid_from,
            valid_until: None,
            reference: reference.to_owned(),
            granted_by: admin.id,
            granted_at: now,
            revoked_at: None,
            revoked_by: None,
            created_at: now,
            updated_at: now,
            version: 1,
        },
        &services,
    )
    .await
    .map_err(|e| match e {
        super::StoreError::Db(e) => e,
        other => DbErr::Custom(other.to_string()),
    })?;
    audit::record(
        db,
        &AuditActor::system("seed-demo", Some(municipality_id)),
        now,
        AuditEvent::new(
            AuditAction::SigningDelegationGrant,
            "signing_delegation",
            id,
        )
        .summary(json!({
            "user_id": head.id,
            "username": DEMO_SIGNER,
            "service_codes": "all",
            "valid_from": valid_from,
            "reference": reference,
        })),
    )
    .await
}

/// Loads [`demo`], the demo casework of [`super::demo_casework`] and the
/// demo cases of [`super::demo_cases`], the demo places and queues of
/// [`super::demo_places`] and the demo technical aids of
/// [`super::demo_aids`] and the history of the reports of
/// [`super::demo_reports`] (each once), as of `now`; then gives the
/// planner fresh statistics.
pub async fn demo_with_casework(
    db: &DatabaseConnection,
    password_hash: &str,
    now: OffsetDateTime,
) -> Result<usize, DbErr> {
    let created = demo(db, password_hash, now).await?;
    let txn = begin_write(db).await?;
    let kelme = municipality(&txn, &KELME, now).await?;
    super::demo_casework::load(&txn, kelme, now).await?;
    super::demo_cases::load(&txn, kelme, now).await?;
    super::demo_places::load(&txn, kelme, now).await?;
    super::demo_aids::load(&txn, kelme, now).await?;
    super::demo_deliveries::load(&txn, kelme, now).await?;
    super::demo_charges::load(&txn, kelme, now).await?;
    super::demo_reports::load(&txn, kelme, now).await?;
    txn.commit().await?;
    super::analyze(db).await?;
    Ok(created)
}
