//! Fees of issue 11: the new kinds of rates seeded for every municipality
//! (transport R-FEE-4/5, care R-FEE-8/9, day care R-FEE-13), and the fee
//! records of decisions (append-only: a new fee from a month is a new row,
//! the history stays).
//!
//! The values are the seed's (0.32 EUR/km; 0.05/0.08/0.16 EUR/km; 80 %,
//! 30 %, 1 %) and the municipal-practice day-care caps; the asset normative
//! and the group living home's monthly prices are placeholders (P) that an
//! administrator replaces with the council's. All are in force from
//! 2020-01-01, the start of the rate tables (the payment order the seed
//! cites, Kelmė council T-72, dates from 2019-02-21). A municipality created
//! later gets the same values from the API's seed (`store::rates`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::prelude::{Decimal, Uuid};
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

use crate::util::{allow_update_delete, forbid_update_delete};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The kinds seeded here, with their value (in hundredths) and note.
const RATES: &[(&str, i64, &str)] = &[
    (
        "transport_km_price",
        32,
        "Transporto paslaugos kaina už 1 km (R-FEE-4)",
    ),
    (
        "transport_tariff_2_3",
        5,
        "Transporto tarifas už 1 km, 2–3 VRP (R-FEE-5)",
    ),
    (
        "transport_tariff_3_4",
        8,
        "Transporto tarifas už 1 km, 3–4 VRP (R-FEE-5)",
    ),
    (
        "transport_tariff_4",
        16,
        "Transporto tarifas už 1 km, 4 VRP ir daugiau (R-FEE-5)",
    ),
    (
        "care_income_share",
        80,
        "Mokėjimas už socialinę globą neviršija 80 % pajamų (R-FEE-8)",
    ),
    (
        "care_absence_share",
        30,
        "Nuo 4-os išvykimo paros mokama 30 % (R-FEE-9)",
    ),
    (
        "care_asset_share",
        1,
        "1 % turto vertės, viršijančios normatyvą (R-FEE-8)",
    ),
    (
        "care_asset_normative",
        2_000_000,
        "Pavyzdinis turto vertės normatyvas: įrašykite savivaldybės nustatytą",
    ),
    (
        "group_living_short_term_monthly_price",
        110_000,
        "Pavyzdinė GGN trumpalaikės globos kaina per mėnesį: įrašykite tarybos patvirtintą",
    ),
    (
        "group_living_long_term_monthly_price",
        110_000,
        "Pavyzdinė GGN ilgalaikės globos kaina per mėnesį: įrašykite tarybos patvirtintą",
    ),
    (
        "day_care_alone_cap_below_2",
        10,
        "Dienos socialinė globa, vienas gyvenantis, iki 2 VRP (R-FEE-13)",
    ),
    (
        "day_care_alone_cap_2_3",
        15,
        "Dienos socialinė globa, vienas gyvenantis, 2–3 VRP (R-FEE-13)",
    ),
    (
        "day_care_alone_cap_3",
        20,
        "Dienos socialinė globa, vienas gyvenantis, nuo 3 VRP (R-FEE-13)",
    ),
    (
        "day_care_family_cap_below_2",
        10,
        "Dienos socialinė globa, šeima, iki 2 VRP (R-FEE-13)",
    ),
    (
        "day_care_family_cap_2_3",
        20,
        "Dienos socialinė globa, šeima, 2–3 VRP (R-FEE-13)",
    ),
    (
        "day_care_family_cap_3_4",
        30,
        "Dienos socialinė globa, šeima, 3–4 VRP (R-FEE-13)",
    ),
    (
        "day_care_family_cap_4_5",
        40,
        "Dienos socialinė globa, šeima, 4–5 VRP (R-FEE-13)",
    ),
    (
        "day_care_family_cap_5",
        50,
        "Dienos socialinė globa, šeima, nuo 5 VRP (R-FEE-13)",
    ),
];

fn fk(
    from_table: &'static str,
    from_col: &'static str,
    to_table: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{from_table}_{from_col}"))
        .from(from_table, from_col)
        .to(to_table, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let municipalities = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT id FROM municipalities".to_owned(),
            ))
            .await?;
        let from = time::Date::from_calendar_date(2020, time::Month::January, 1)
            .map_err(|e| DbErr::Migration(e.to_string()))?;
        let now = time::OffsetDateTime::now_utc();
        for row in municipalities {
            let municipality: Uuid = row.try_get("", "id")?;
            let mut insert = Query::insert()
                .into_table("rates")
                .columns([
                    "id",
                    "municipality_id",
                    "kind",
                    "valid_from",
                    "value",
                    "note",
                    "created_at",
                ])
                .to_owned();
            for (kind, hundredths, note) in RATES {
                insert
                    .values([
                        Uuid::now_v7().into(),
                        municipality.into(),
                        (*kind).into(),
                        from.into(),
                        Decimal::new(*hundredths, 2).into(),
                        (*note).into(),
                        now.into(),
                    ])
                    .map_err(|e| DbErr::Migration(e.to_string()))?;
            }
            db.execute(&insert).await?;
        }

        // A decision's fee from a month on: the first when it is signed,
        // each later one confirmed by the division (R-FEE-1; issue 11).
        manager
            .create_table(
                Table::create()
                    .table("fee_records")
                    .col(pk_uuid("id"))
                    .col(uuid("municipality_id"))
                    .col(uuid("decision_id"))
                    .col(uuid("person_id"))
                    .col(string_len("service_code", 64))
                    .col(string_len("fee_rule", 16))
                    // Numbers the records of one decision: 1, 2, …
                    .col(integer("version"))
                    // The first day of the month the fee applies from.
                    .col(date("effective_from"))
                    .col(decimal_len("monthly_fee", 14, 2))
                    .col(json("calculation"))
                    .col(uuid_null("confirmed_by"))
                    .col(timestamp_with_time_zone("confirmed_at"))
                    .foreign_key(&mut fk("fee_records", "municipality_id", "municipalities"))
                    .foreign_key(&mut fk("fee_records", "decision_id", "decisions"))
                    .foreign_key(&mut fk("fee_records", "person_id", "persons"))
                    .foreign_key(&mut fk("fee_records", "confirmed_by", "users"))
                    .index(
                        Index::create()
                            .name("ux_fee_records_version")
                            .col("decision_id")
                            .col("version")
                            .unique(),
                    )
                    .index(
                        Index::create()
                            .name("ux_fee_records_month")
                            .col("decision_id")
                            .col("effective_from")
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_fee_records_municipality")
                    .table("fee_records")
                    .col("municipality_id")
                    .col("effective_from")
                    .to_owned(),
            )
            .await?;
        forbid_update_delete(manager, "fee_records").await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        allow_update_delete(manager, "fee_records").await?;
        manager
            .drop_table(Table::drop().table("fee_records").to_owned())
            .await?;
        let kinds: Vec<&str> = RATES.iter().map(|(kind, _, _)| *kind).collect();
        manager
            .get_connection()
            .execute(
                &Query::delete()
                    .from_table("rates")
                    .and_where(Expr::col("kind").is_in(kinds))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
