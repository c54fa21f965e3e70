//! The exports of a charge run for the accounting system.
//!
//! Columns, in order (both formats): `asmens_kodas` (personal code),
//! `vardas_pavarde` (first and last name), `paslauga` (the service's
//! Lithuanian name), `laikotarpis` (the days charged,
//! `YYYY-MM-DD/YYYY-MM-DD`), `kiekis` (quantity), `vienetas` (unit: `d.`,
//! `val.`, `km`, `vnt.`), `suma_eur` (EUR, 2 decimals), `taisykle` (the
//! rule IDs), `saltinis` (source: `stay`, `visit_month`, `trip`,
//! `aid_loan`), `saltinio_id` (the source record's id).
//!
//! CSV: UTF-8 with a byte-order mark, `;`-separated, decimal comma, CRLF
//! line ends — what Excel in the Lithuanian locale opens into columns with
//! a double click (its list separator is `;` because `,` is the decimal
//! separator; without the BOM it reads the file as Windows-1257 and garbles
//! the letters). XLSX: the same columns, amounts as numbers with 2
//! decimals.

use super::runs::ExportRow;
use crate::error::{ApiError, ApiResult};
use atvejis_domain::charges::{CSV_BOM, EXPORT_COLUMNS, csv_amount, csv_quantity, csv_row};
use rust_decimal::prelude::ToPrimitive;

/// The CSV file.
pub fn csv(rows: &[ExportRow]) -> String {
    let mut out = String::from(CSV_BOM);
    out.push_str(&csv_row(&EXPORT_COLUMNS));
    for r in rows {
        out.push_str(&csv_row(&[
            r.personal_code.clone(),
            r.name.clone(),
            r.service.clone(),
            r.period.clone(),
            csv_quantity(r.quantity),
            r.unit.to_owned(),
            csv_amount(r.amount),
            r.rules.clone(),
            r.source.to_owned(),
            r.source_id.to_string(),
        ]));
    }
    out
}

/// The XLSX file.
pub fn xlsx(rows: &[ExportRow], sheet: &str) -> ApiResult<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| ApiError::internal(e);
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let cents = Format::new().set_num_format("0.00");
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(fail)?;
    for (c, title) in EXPORT_COLUMNS.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        ws.write_string_with_format(0, col, *title, &bold)
            .map_err(fail)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = u32::try_from(i + 1).map_err(ApiError::internal)?;
        ws.write_string(row, 0, &r.personal_code).map_err(fail)?;
        ws.write_string(row, 1, &r.name).map_err(fail)?;
        ws.write_string(row, 2, &r.service).map_err(fail)?;
        ws.write_string(row, 3, &r.period).map_err(fail)?;
        ws.write_number(row, 4, r.quantity.to_f64().unwrap_or_default())
            .map_err(fail)?;
        ws.write_string(row, 5, r.unit).map_err(fail)?;
        ws.write_number_with_format(row, 6, r.amount.to_f64().unwrap_or_default(), &cents)
            .map_err(fail)?;
        ws.write_string(row, 7, &r.rules).map_err(fail)?;
        ws.write_string(row, 8, r.source).map_err(fail)?;
        ws.write_string(row, 9, r.source_id.to_string())
            .map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}
