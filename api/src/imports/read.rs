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
    // (byte offset, newlines before it)
    let mut counted = (0usize, 0usize);
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
        // Blank lines are skipped by the reader: pad them back so that row numbers stay
        // the ones a spreadsheet shows (the line is counted from the record's byte offset).
        // The record's position is where reading began, before the blank lines it skipped.
        let mut at = rec.position().map_or(counted.0, |p| p.byte() as usize);
        while matches!(text.as_bytes().get(at), Some(b'\n' | b'\r')) {
            at += 1;
        }
        if at > counted.0 {
            counted.1 += text.as_bytes()[counted.0..at.min(text.len())]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            counted.0 = at;
        }
        while rows.len() < counted.1 {
            rows.push(Vec::new());
        }
        rows.push(rec.iter().map(str::to_owned).collect());
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_keep_the_row_numbers_a_spreadsheet_shows() {
        let t = read_table("x.csv", "a,b\n1,2\n\n3,4\n".as_bytes()).unwrap();
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[3], vec!["3", "4"]);
        assert!(t[2].is_empty());
    }
}
