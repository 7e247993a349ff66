//! Multi-row INSERTs for imports and seeding. Diesel's batch insert is not available
//! through the two-backend connection, and one statement per row is ~20× slower, so rows
//! are written as literal VALUES lists, 500 rows per statement, with every string quoted
//! by [`text`] (single quotes doubled; NUL refused by validation before it gets here).

use diesel::connection::SimpleConnection;

use super::DbConn;
use crate::error::AppError;

/// A SQL string literal.
pub fn text(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''").replace('\0', ""))
}

/// An optional string literal (NULL when absent).
pub fn opt_text(s: Option<&str>) -> String {
    s.map(text).unwrap_or_else(|| "NULL".into())
}

/// An instant literal in the stored format (valid for TIMESTAMPTZ and SQLite TEXT).
pub fn instant(t: chrono::DateTime<chrono::Utc>) -> String {
    text(&t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string())
}

/// Inserts `rows` (each a parenthesised VALUES tuple) into `table (columns)`.
pub fn insert(c: &mut DbConn, table: &str, columns: &str, rows: &[String]) -> Result<(), AppError> {
    for chunk in rows.chunks(500) {
        c.batch_execute(&format!(
            "INSERT INTO {table} ({columns}) VALUES {}",
            chunk.join(",")
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_are_doubled_and_nul_dropped() {
        assert_eq!(super::text("O'Brien"), "'O''Brien'");
        assert_eq!(super::text("a\0b"), "'ab'");
        assert_eq!(super::opt_text(None), "NULL");
    }
}
