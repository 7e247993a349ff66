//! SQL types that both backends share through `MultiBackend`.
//!
//! Instants are `TIMESTAMPTZ` on PostgreSQL and fixed-width RFC 3339 text on SQLite
//! (`%Y-%m-%dT%H:%M:%S%.6fZ`, sortable as text). See docs/PLATFORM notes in `db/mod.rs`.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::Pg;
use diesel::query_builder::QueryId;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::{HasSqlType, SqlType};
use diesel::sqlite::Sqlite;

use super::MultiBackend;

/// The SQL type of a UTC instant.
#[derive(Debug, Clone, Copy, Default, SqlType, QueryId)]
#[diesel(postgres_type(oid = 1184, array_oid = 1185))]
#[diesel(sqlite_type(name = "Text"))]
pub struct UtcInstant;

/// A UTC instant as stored in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, AsExpression, FromSqlRow)]
#[diesel(sql_type = UtcInstant)]
pub struct Instant(pub DateTime<Utc>);

const SQLITE_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.6fZ";

impl ToSql<UtcInstant, Pg> for Instant {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <DateTime<Utc> as ToSql<diesel::sql_types::Timestamptz, Pg>>::to_sql(&self.0, out)
    }
}

impl FromSql<UtcInstant, Pg> for Instant {
    fn from_sql(bytes: <Pg as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        <DateTime<Utc> as FromSql<diesel::sql_types::Timestamptz, Pg>>::from_sql(bytes).map(Instant)
    }
}

impl ToSql<UtcInstant, Sqlite> for Instant {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.0.format(SQLITE_FORMAT).to_string());
        Ok(IsNull::No)
    }
}

impl FromSql<UtcInstant, Sqlite> for Instant {
    fn from_sql(bytes: <Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<diesel::sql_types::Text, Sqlite>>::from_sql(bytes)?;
        let naive = NaiveDateTime::parse_from_str(&text, SQLITE_FORMAT)
            .or_else(|_| DateTime::parse_from_rfc3339(&text).map(|d| d.naive_utc()))?;
        Ok(Instant(naive.and_utc()))
    }
}

impl HasSqlType<UtcInstant> for MultiBackend {
    fn metadata(lookup: &mut Self::MetadataLookup) -> Self::TypeMetadata {
        MultiBackend::lookup_sql_type::<UtcInstant>(lookup)
    }
}

impl FromSql<UtcInstant, MultiBackend> for Instant {
    fn from_sql(bytes: <MultiBackend as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        bytes.from_sql::<Instant, UtcInstant>()
    }
}

impl ToSql<UtcInstant, MultiBackend> for Instant {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((UtcInstant, self));
        Ok(IsNull::No)
    }
}

impl From<DateTime<Utc>> for Instant {
    fn from(value: DateTime<Utc>) -> Self {
        Instant(value)
    }
}
