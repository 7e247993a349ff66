//! Bounds on an uploaded roster file, checked before any cell is read: a zip bomb, an
//! `.xlsx` whose sheet claims a million rows (or has one cell at `XFD1048576`), or a CSV of
//! a million lines gets a 4xx answer at upload, and the process never allocates for it.
//!
//! An `.xlsx` is a zip archive. Its entries' declared sizes are summed, and then every
//! entry is decompressed into a sink with a budget, so an entry that lies about its size is
//! caught too. Cells are then streamed (calamine's cell reader) instead of read into a
//! dense range: a dense range of `A1:XFD1048576` is 17 billion cells.

use std::io::Read;

use calamine::{DataRef, Reader, Xlsx};

/// The limits of one import file (settings with defaults; see config.rs).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Bytes of the upload itself.
    pub max_file_bytes: usize,
    /// Data rows (the header row not counted).
    pub max_rows: usize,
    /// Columns.
    pub max_columns: usize,
    /// Bytes of all entries of an `.xlsx` once decompressed.
    pub max_uncompressed_bytes: u64,
    /// Row errors kept for a failed job (the rest are counted).
    pub max_errors: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 20 << 20,
            max_rows: 20_000,
            max_columns: 100,
            max_uncompressed_bytes: 200 << 20,
            max_errors: 1_000,
        }
    }
}

/// Why a file is refused: a stable code and words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// `too_many_rows`, `too_many_columns`, `too_large_uncompressed`, `unreadable`.
    pub code: &'static str,
    pub message: String,
}

fn refuse(code: &'static str, message: String) -> Refusal {
    Refusal { code, message }
}

/// Whether the bytes are an `.xlsx` (a zip archive), by content or by name.
pub fn is_xlsx(file_name: &str, bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || file_name.to_lowercase().ends_with(".xlsx")
}

/// Checks an `.xlsx` archive: at most 10,000 entries and `max_uncompressed_bytes` in all,
/// both as declared and as actually decompressed.
pub fn check_archive(bytes: &[u8], limits: &Limits) -> Result<(), Refusal> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| refuse("unreadable", format!("not a readable .xlsx file: {e}")))?;
    if zip.len() > 10_000 {
        return Err(refuse(
            "too_large_uncompressed",
            format!("the workbook has {} parts; at most 10000", zip.len()),
        ));
    }
    let budget = limits.max_uncompressed_bytes;
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| refuse("unreadable", format!("not a readable .xlsx file: {e}")))?;
        declared = declared.saturating_add(entry.size());
    }
    let too_big = |n: u64| {
        refuse(
            "too_large_uncompressed",
            format!(
                "the workbook unpacks to {} MiB or more; at most {} MiB",
                n >> 20,
                budget >> 20
            ),
        )
    };
    if declared > budget {
        return Err(too_big(declared));
    }
    let mut spent: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| refuse("unreadable", format!("not a readable .xlsx file: {e}")))?;
        let left = budget - spent;
        let n = std::io::copy(&mut entry.take(left + 1), &mut std::io::sink()).map_err(|e| {
            refuse(
                "unreadable",
                format!("a part of the workbook is damaged: {e}"),
            )
        })?;
        if n > left {
            return Err(too_big(budget + 1));
        }
        spent += n;
    }
    Ok(())
}

/// Reads the first sheet of an `.xlsx` into rows, refusing a declared dimension or any
/// cell beyond the limits before allocating for it.
pub fn read_xlsx(bytes: &[u8], limits: &Limits) -> Result<Vec<Vec<String>>, Refusal> {
    check_archive(bytes, limits)?;
    let unreadable = |e: String| refuse("unreadable", e);
    let mut book = Xlsx::new(std::io::Cursor::new(bytes))
        .map_err(|e| unreadable(format!("not a readable .xlsx file: {e}")))?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| unreadable("the workbook has no sheet".into()))?;
    let mut cells = book
        .worksheet_cells_reader(&first)
        .map_err(|e| unreadable(format!("cannot read the first sheet: {e}")))?;
    let (max_row, max_col) = (limits.max_rows as u32 + 1, limits.max_columns as u32);
    let dim = cells.dimensions();
    if dim.end.0 >= max_row + 50 || dim.end.1 >= max_col {
        return Err(over(dim.end, limits));
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(cell) = cells
        .next_cell()
        .map_err(|e| unreadable(format!("cannot read the first sheet: {e}")))?
    {
        let (r, c) = cell.get_position();
        if r >= max_row || c >= max_col {
            return Err(over((r, c), limits));
        }
        let text = match cell.get_value() {
            DataRef::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
            DataRef::Empty => continue,
            other => calamine::Data::from(other.clone()).to_string(),
        };
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.len() <= c {
            row.resize(c + 1, String::new());
        }
        row[c] = text;
    }
    Ok(rows)
}

fn over((row, col): (u32, u32), limits: &Limits) -> Refusal {
    if col >= limits.max_columns as u32 {
        refuse(
            "too_many_columns",
            format!(
                "the sheet reaches column {}; at most {} columns are read",
                col + 1,
                limits.max_columns
            ),
        )
    } else {
        refuse(
            "too_many_rows",
            format!(
                "the sheet reaches row {}; at most {} rows of data (split the file)",
                row + 1,
                limits.max_rows
            ),
        )
    }
}

/// Counts a CSV's lines before it is parsed.
pub fn check_csv(text: &str, limits: &Limits) -> Result<(), Refusal> {
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    if lines > limits.max_rows + 1 {
        return Err(refuse(
            "too_many_rows",
            format!(
                "the file has {} lines; at most {} rows of data (split the file)",
                lines, limits.max_rows
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal workbook whose sheet XML is `sheet` (dimension and cells as given).
    fn workbook(sheet: &str) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let o = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            let parts: [(&str, String); 4] = [
                ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.into()),
                ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
                ("xl/workbook.xml", r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.into()),
                ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.into()),
            ];
            for (name, body) in parts {
                z.start_file(name, o).unwrap();
                z.write_all(body.as_bytes()).unwrap();
            }
            z.start_file("xl/worksheets/sheet1.xml", o).unwrap();
            z.write_all(format!(r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sheet}</worksheet>"#).as_bytes()).unwrap();
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    fn cells(cells: &str) -> String {
        format!("<sheetData>{cells}</sheetData>")
    }

    #[test]
    fn a_small_workbook_reads_cell_by_cell() {
        let x = workbook(&cells(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>学号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c></row><row r="2"><c r="A2"><v>2026001</v></c><c r="B2" t="inlineStr"><is><t>王小明</t></is></c></row>"#,
        ));
        let rows = read_xlsx(&x, &Limits::default()).unwrap();
        assert_eq!(rows, vec![vec!["学号", "姓名"], vec!["2026001", "王小明"]]);
    }

    #[test]
    fn one_cell_at_xfd1048576_is_refused_before_any_allocation() {
        let x = workbook(&cells(
            r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
        ));
        assert!(x.len() < 4096, "a tiny file: {} bytes", x.len());
        let e = read_xlsx(&x, &Limits::default()).unwrap_err();
        assert!(
            e.code == "too_many_columns" || e.code == "too_many_rows",
            "{e:?}"
        );
        // The same with a dimension that claims it.
        let x = workbook(&format!(
            r#"<dimension ref="A1:XFD1048576"/>{}"#,
            cells(r#"<row r="1"><c r="A1"><v>1</v></c></row>"#)
        ));
        assert_eq!(
            read_xlsx(&x, &Limits::default()).unwrap_err().code,
            "too_many_columns"
        );
        let x = workbook(&format!(
            r#"<dimension ref="A1:C900000"/>{}"#,
            cells(r#"<row r="1"><c r="A1"><v>1</v></c></row>"#)
        ));
        assert_eq!(
            read_xlsx(&x, &Limits::default()).unwrap_err().code,
            "too_many_rows"
        );
    }

    #[test]
    fn a_zip_bomb_is_refused_by_its_unpacked_size() {
        // 300 MiB of zeros compress to about 300 KiB.
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let o = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(true);
            z.start_file("xl/sharedStrings.xml", o).unwrap();
            let zeros = vec![b' '; 1 << 20];
            for _ in 0..300 {
                z.write_all(&zeros).unwrap();
            }
            z.finish().unwrap();
        }
        let bomb = buf.into_inner();
        assert!(bomb.len() < 2 << 20, "{} bytes", bomb.len());
        let e = check_archive(&bomb, &Limits::default()).unwrap_err();
        assert_eq!(e.code, "too_large_uncompressed");
    }

    #[test]
    fn csv_lines_are_counted() {
        let limits = Limits {
            max_rows: 2,
            ..Limits::default()
        };
        assert!(check_csv("学号,姓名\n1,a\n2,b\n", &limits).is_ok());
        assert_eq!(
            check_csv("学号,姓名\n1,a\n2,b\n3,c\n", &limits)
                .unwrap_err()
                .code,
            "too_many_rows"
        );
    }
}
