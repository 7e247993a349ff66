//! Writing many rows at once, for imports and seeding.
//!
//! [`write_rows!`] sends typed rows with PostgreSQL's `COPY … FROM STDIN` (diesel's
//! `copy_from`, CSV format) and, on SQLite, as multi-row INSERTs of 500 rows. Diesel's batch
//! insert is not available through the two-backend connection, and one statement per row is
//! ~20× slower. [`insert`] is the older literal form the demo seeders use: each row a
//! parenthesised VALUES tuple whose strings are quoted by [`text`] (single quotes doubled;
//! NUL refused by validation before it gets here).

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::pg::{CopyFormat, CopyTarget, PgConnection};
use diesel::query_builder::QueryId;
use diesel::{ExecuteCopyFromDsl, Table};

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

/// An instant in the stored format (valid for TIMESTAMPTZ and SQLite TEXT), unquoted.
pub fn instant_str(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// An instant literal in the stored format.
pub fn instant(t: DateTime<Utc>) -> String {
    text(&instant_str(t))
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

/// One value of a row written by [`write_rows!`].
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// An integer.
    Int(i64),
    /// A string (may be empty; never NULL).
    Text(String),
    /// NULL.
    Null,
}

impl From<i64> for Cell {
    fn from(v: i64) -> Cell {
        Cell::Int(v)
    }
}
impl From<i32> for Cell {
    fn from(v: i32) -> Cell {
        Cell::Int(v.into())
    }
}
impl From<&str> for Cell {
    fn from(v: &str) -> Cell {
        Cell::Text(v.to_owned())
    }
}
impl From<String> for Cell {
    fn from(v: String) -> Cell {
        Cell::Text(v)
    }
}
impl From<DateTime<Utc>> for Cell {
    fn from(v: DateTime<Utc>) -> Cell {
        Cell::Text(instant_str(v))
    }
}
impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Cell {
        v.map(Into::into).unwrap_or(Cell::Null)
    }
}

impl Cell {
    fn sql(&self, out: &mut String) {
        match self {
            Cell::Int(v) => write!(out, "{v}").expect("write to String"),
            Cell::Text(s) => out.push_str(&text(s)),
            Cell::Null => out.push_str("NULL"),
        }
    }

    /// CSV as PostgreSQL's COPY reads it: NULL is an unquoted empty field, text is always
    /// quoted (so an empty string stays a string), quotes doubled.
    fn csv(&self, out: &mut Vec<u8>) {
        match self {
            Cell::Int(v) => out.extend_from_slice(v.to_string().as_bytes()),
            Cell::Text(s) => {
                out.push(b'"');
                for b in s.bytes().filter(|b| *b != 0) {
                    if b == b'"' {
                        out.push(b'"');
                    }
                    out.push(b);
                }
                out.push(b'"');
            }
            Cell::Null => {}
        }
    }
}

/// The rows as one CSV document (COPY's input).
pub fn csv(rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() * 64);
    for row in rows {
        for (k, cell) in row.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            cell.csv(&mut out);
        }
        out.push(b'\n');
    }
    out
}

/// Writes `rows` into `table`: COPY on PostgreSQL, multi-row INSERTs on SQLite. `name` and
/// `columns` are the SQL names of `table` and `target` (given by [`write_rows!`]).
pub fn write<T, C>(
    c: &mut DbConn,
    table: T,
    target: C,
    name: &str,
    columns: &[&str],
    rows: &[Vec<Cell>],
) -> Result<(), AppError>
where
    T: Table + QueryId + 'static,
    T::FromClause: diesel::query_builder::QueryFragment<diesel::pg::Pg>,
    C: CopyTarget<Table = T>,
{
    if rows.is_empty() {
        return Ok(());
    }
    match c {
        DbConn::Pg(pg) => copy(pg, table, target, rows),
        DbConn::Sqlite(_) => {
            let columns = columns.join(", ");
            let tuples: Vec<String> = rows
                .iter()
                .map(|row| {
                    let mut s = String::from("(");
                    for (k, cell) in row.iter().enumerate() {
                        if k > 0 {
                            s.push_str(", ");
                        }
                        cell.sql(&mut s);
                    }
                    s.push(')');
                    s
                })
                .collect();
            insert(c, name, &columns, &tuples)
        }
    }
}

fn copy<T, C>(
    pg: &mut PgConnection,
    table: T,
    target: C,
    rows: &[Vec<Cell>],
) -> Result<(), AppError>
where
    T: Table + QueryId + 'static,
    T::FromClause: diesel::query_builder::QueryFragment<diesel::pg::Pg>,
    C: CopyTarget<Table = T>,
{
    let data = csv(rows);
    diesel::copy_from(table)
        .from_raw_data(target, |w: &mut dyn std::io::Write| {
            w.write_all(&data)
                .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))
        })
        .with_format(CopyFormat::Csv)
        .execute(pg)?;
    Ok(())
}

/// `write_rows!(conn, students, (school_id, name, …), rows)`: [`write`] with the table and
/// column names taken from the schema's idents, so the SQLite statement and the COPY target
/// cannot disagree.
#[macro_export]
macro_rules! write_rows {
    ($c:expr, $table:ident, ($($col:ident),+ $(,)?), $rows:expr) => {
        $crate::db::bulk::write(
            $c,
            $crate::db::schema::$table::table,
            ($($crate::db::schema::$table::$col,)+),
            stringify!($table),
            &[$(stringify!($col)),+],
            $rows,
        )
    };
}

#[cfg(test)]
mod tests {
    use super::Cell;

    #[test]
    fn quotes_are_doubled_and_nul_dropped() {
        assert_eq!(super::text("O'Brien"), "'O''Brien'");
        assert_eq!(super::text("a\0b"), "'ab'");
        assert_eq!(super::opt_text(None), "NULL");
    }

    #[test]
    fn csv_keeps_empty_strings_apart_from_null() {
        let rows = vec![vec![
            Cell::Int(7),
            Cell::from("say \"hi\", 王"),
            Cell::from(""),
            Cell::Null,
            Cell::from("line\nbreak"),
        ]];
        assert_eq!(
            String::from_utf8(super::csv(&rows)).unwrap(),
            "7,\"say \"\"hi\"\", 王\",\"\",,\"line\nbreak\"\n"
        );
    }
}
