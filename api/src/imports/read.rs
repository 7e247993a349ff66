//! Reading an uploaded roster file into a table of cells: CSV in UTF-8 or GB18030 (GBK),
//! or `.xlsx`, each bounded by the import limits before any cell is read.

use super::limits::{check_csv, is_xlsx, read_xlsx, Limits, Refusal};

/// Decodes a CSV's bytes: UTF-8 (with or without BOM), else GB18030 (a superset of GBK).
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// Encodes text as GB18030 (what Excel in China writes for CSV); used by tests and tools.
pub fn encode_gb18030(s: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(s).0.into_owned()
}

/// Reads a file into rows of cells within the default [`Limits`].
pub fn read_table(file_name: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    read_table_within(file_name, bytes, &Limits::default()).map_err(|r| r.message)
}

/// Reads a file into rows of cells; `.xlsx` by content, otherwise CSV. A file beyond
/// `limits` is refused before its cells are read.
pub fn read_table_within(
    file_name: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Vec<Vec<String>>, Refusal> {
    if is_xlsx(file_name, bytes) {
        return read_xlsx(bytes, limits);
    }
    let text = decode_text(bytes);
    check_csv(&text, limits)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| Refusal {
            code: "unreadable",
            message: format!("line {}: not valid CSV: {e}", i + 1),
        })?;
        if rec.len() > limits.max_columns {
            return Err(Refusal {
                code: "too_many_columns",
                message: format!(
                    "line {} has {} columns; at most {}",
                    i + 1,
                    rec.len(),
                    limits.max_columns
                ),
            });
        }
        rows.push(rec.iter().map(str::to_owned).collect());
    }
    Ok(rows)
}
