//! Lists and reports as files a member of staff opens in Excel: CSV and
//! XLSX from one [`Table`].
//!
//! CSV: UTF-8 with a byte-order mark, `;`-separated, decimal comma, CRLF
//! line ends — what Excel in the Lithuanian locale opens into columns with
//! a double click (its list separator is `;` because `,` is the decimal
//! separator; without the BOM it reads the file as Windows-1257 and garbles
//! the letters). A text cell that Excel would take for a formula (`=`, `+`,
//! `-`, `@` first) is written with a leading `'`. XLSX (`rust_xlsxwriter`):
//! the same columns, bold headers, numbers as numbers, dates as dates.

use crate::error::{ApiError, ApiResult};
use actix_web::HttpResponse;
use actix_web::http::header::{
    CacheControl, CacheDirective, ContentDisposition, DispositionParam, DispositionType,
};
use atvejis_domain::charges::{CSV_BOM, csv_row};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

/// The XLSX media type.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// UTF-8 with BOM, `;`-separated, decimal comma.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

impl ExportFormat {
    /// `csv` or `xlsx`, as in the query and the audit record.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// The most rows one export holds. A list with more is refused (422
/// `export_too_large`) rather than cut short: a file that silently lacks
/// rows would be taken for the whole list.
pub const MAX_ROWS: u64 = 50_000;

/// 422 `export_too_large` when a list of `total` rows is too long for one file.
pub fn ensure_within_limit(total: u64) -> ApiResult<()> {
    if total > MAX_ROWS {
        return Err(ApiError::new(
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
            crate::error::ErrorCode::ExportTooLarge,
            format!(
                "The list has {total} rows; one file holds at most {MAX_ROWS}. Narrow the filters."
            ),
        ));
    }
    Ok(())
}

/// `?format=csv|xlsx` of an export endpoint.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `csv` or `xlsx`.
    #[param(inline)]
    pub format: ExportFormat,
}

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text as is.
    Text(String),
    /// A whole number.
    Int(i64),
    /// An amount of money: two decimals.
    Money(Decimal),
    /// Another number, with the decimals it needs.
    Number(Decimal),
    /// A calendar date (`YYYY-MM-DD` in CSV, a date in XLSX).
    Date(time::Date),
    /// Nothing.
    Empty,
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Self {
        Cell::Int(n)
    }
}

impl From<time::Date> for Cell {
    fn from(d: time::Date) -> Self {
        Cell::Date(d)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Self {
        v.map_or(Cell::Empty, Into::into)
    }
}

impl From<bool> for Cell {
    /// `taip` or `ne`.
    fn from(b: bool) -> Self {
        Cell::Text(if b { "taip" } else { "ne" }.to_owned())
    }
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => defuse(s),
            Cell::Int(n) => n.to_string(),
            Cell::Money(a) => atvejis_domain::charges::csv_amount(*a),
            Cell::Number(q) => atvejis_domain::charges::csv_quantity(*q),
            Cell::Date(d) => d.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// Text that Excel would evaluate as a formula gets a leading `'`.
fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A list as rows under named columns.
#[derive(Debug, Clone)]
pub struct Table {
    /// The worksheet's name (at most 31 characters; `[]:*?/\` are replaced).
    pub sheet: String,
    /// The column headers, in order.
    pub columns: Vec<String>,
    /// The rows; each has one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn new(sheet: &str, columns: &[&str]) -> Self {
        Table {
            sheet: sheet.to_owned(),
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row (one cell per column).
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    /// The CSV file.
    pub fn to_csv(&self) -> String {
        let mut out = String::from(CSV_BOM);
        out.push_str(&csv_row(&self.columns));
        for row in &self.rows {
            let fields: Vec<String> = row.iter().map(Cell::csv).collect();
            out.push_str(&csv_row(&fields));
        }
        out
    }

    /// The XLSX file.
    pub fn to_xlsx(&self) -> ApiResult<Vec<u8>> {
        use rust_xlsxwriter::{Format, Workbook};
        let fail = |e: rust_xlsxwriter::XlsxError| ApiError::internal(e);
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let cents = Format::new().set_num_format("0.00");
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(&self.sheet)).map_err(fail)?;
        for (c, title) in self.columns.iter().enumerate() {
            ws.write_string_with_format(0, col(c), title, &bold)
                .map_err(fail)?;
        }
        for (i, cells) in self.rows.iter().enumerate() {
            let row = u32::try_from(i + 1).map_err(ApiError::internal)?;
            for (c, cell) in cells.iter().enumerate() {
                let c = col(c);
                match cell {
                    Cell::Text(s) => ws.write_string(row, c, s).map(|_| ()),
                    Cell::Int(n) => ws.write_number(row, c, *n as f64).map(|_| ()),
                    Cell::Money(a) => ws
                        .write_number_with_format(row, c, a.to_f64().unwrap_or_default(), &cents)
                        .map(|_| ()),
                    Cell::Number(q) => ws
                        .write_number(row, c, q.to_f64().unwrap_or_default())
                        .map(|_| ()),
                    Cell::Date(d) => {
                        let xd = rust_xlsxwriter::ExcelDateTime::from_ymd(
                            u16::try_from(d.year()).unwrap_or(1900),
                            u8::from(d.month()),
                            d.day(),
                        )
                        .map_err(fail)?;
                        ws.write_datetime_with_format(row, c, &xd, &date)
                            .map(|_| ())
                    }
                    Cell::Empty => Ok(()),
                }
                .map_err(fail)?;
            }
        }
        for c in 0..self.columns.len() {
            ws.set_column_width(col(c), 18).map_err(fail)?;
        }
        book.save_to_buffer().map_err(fail)
    }

    /// The table as a file to download, `<file_stem>.csv` or `.xlsx`.
    pub fn download(&self, format: ExportFormat, file_stem: &str) -> ApiResult<HttpResponse> {
        Ok(match format {
            ExportFormat::Csv => attachment(
                "text/csv; charset=utf-8",
                format!("{file_stem}.csv"),
                self.to_csv().into_bytes(),
            ),
            ExportFormat::Xlsx => {
                attachment(XLSX_TYPE, format!("{file_stem}.xlsx"), self.to_xlsx()?)
            }
        })
    }
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// Excel's rules for a sheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    if cleaned.trim().is_empty() {
        "Sąrašas".to_owned()
    } else {
        cleaned
    }
}

/// A file to download: `Content-Disposition: attachment`, never cached.
pub fn attachment(content_type: &str, name: String, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(name)],
        })
        .insert_header(CacheControl(vec![CacheDirective::NoStore]))
        .body(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        let mut t = Table::new("Asmenys", &["vardas_pavarde", "suma_eur", "data"]);
        t.push(vec![
            "Ona Žemaitė".into(),
            Cell::Money(Decimal::new(123, 1)),
            time::macros::date!(2026 - 03 - 01).into(),
        ]);
        t.push(vec!["=HYPERLINK(\"x\")".into(), Cell::Empty, Cell::Empty]);
        t
    }

    #[test]
    fn csv_has_bom_semicolons_decimal_comma_and_defused_formulas() {
        let csv = table().to_csv();
        assert_eq!(
            csv,
            "\u{feff}vardas_pavarde;suma_eur;data\r\nOna Žemaitė;12,30;2026-03-01\r\n\"'=HYPERLINK(\"\"x\"\")\";;\r\n"
        );
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let bytes = table().to_xlsx().unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }

    #[test]
    fn an_export_holds_at_most_max_rows() {
        assert!(ensure_within_limit(MAX_ROWS).is_ok());
        let refused = ensure_within_limit(MAX_ROWS + 1).unwrap_err();
        assert_eq!(refused.code(), crate::error::ErrorCode::ExportTooLarge);
    }

    #[test]
    fn sheet_names_follow_excel_rules() {
        assert_eq!(sheet_name("2026/03: [a]"), "2026-03- -a-");
        assert_eq!(sheet_name(""), "Sąrašas");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
