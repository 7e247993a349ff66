//! Black-box API tests. Every `both!` test runs on SQLite and on PostgreSQL.

mod applications;
mod auth;
mod conditional;
mod edits;
mod errors;
mod guardians;
mod imports;
mod informed;
mod integration;
mod need_to_know;
mod oauth;
mod openapi;
mod ops;
mod paging;
mod parent_apps;
mod plans;
mod reports;
mod roles;
mod roster;
mod schema;
mod school_data;
mod seats;
mod security;
mod sessions;
mod tenancy;
mod webhooks;
