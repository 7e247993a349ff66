//! What the OpenAPI document says of operations that every capability shares: the problem
//! responses of reads and writes, and the `{school_id}` / `{id}` path parameters. Features
//! use these; the module that assembles the document collects them.

use std::collections::BTreeMap;

use serde::Deserialize;
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};
use utoipa::{IntoParams, IntoResponses};

use crate::error::PROBLEM_JSON;

fn problem(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(utoipa::openapi::Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
        .into()
}

fn responses(list: &[(&str, &str)]) -> BTreeMap<String, RefOr<Response>> {
    list.iter()
        .map(|(code, d)| (code.to_string(), problem(d)))
        .collect()
}

const COMMON: [(&str, &str); 7] = [
    (
        "400",
        "The request cannot be read (malformed JSON or query)",
    ),
    ("401", "Missing, invalid or expired token"),
    ("403", "The caller's role may not do this"),
    (
        "404",
        "Not found, or belongs to a school the caller has no grant for",
    ),
    ("429", "Too many requests"),
    ("500", "A bug; the request id identifies it in the logs"),
    (
        "503",
        "The database is busy or down; retry after `Retry-After`",
    ),
];

/// The problem responses of a read operation.
pub struct ReadErrors;

impl IntoResponses for ReadErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut r = responses(&COMMON);
        r.insert("422".into(), problem("Invalid query parameters"));
        r
    }
}

/// The problem responses of a write operation.
pub struct WriteErrors;

impl IntoResponses for WriteErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut r = responses(&COMMON);
        r.extend(responses(&[
            (
                "409",
                "Conflicts with the current state (e.g. a duplicate key)",
            ),
            ("412", "The `If-Match` version is stale"),
            ("413", "The payload is too large"),
            ("415", "The content type is not accepted"),
            (
                "422",
                "Invalid fields (each named in `errors`) or a refused rule",
            ),
            ("423", "The account is locked"),
            ("428", "An update was sent without `If-Match`"),
        ]));
        r
    }
}

/// The `{school_id}` path parameter of every tenant resource.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SchoolPath {
    /// The school.
    pub school_id: i64,
}

/// `{school_id}` and `{id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct SchoolItemPath {
    /// The school.
    pub school_id: i64,
    /// The resource.
    pub id: i64,
}

/// `{school_id}` and `{term_id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct TermPath {
    /// The school.
    pub school_id: i64,
    /// The term.
    pub term_id: i64,
}

/// The `{district_id}` path parameter of every district resource (read through
/// `DistrictScope`, never by hand).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DistrictPath {
    /// The district.
    pub district_id: i64,
}

/// `{district_id}` and `{id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DistrictItemPath {
    /// The district.
    pub district_id: i64,
    /// The resource.
    pub id: i64,
}
