//! Queries for machine clients.

use chrono::Utc;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::audit::{self, Actor};
use crate::db::schema::{api_clients, schools};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

/// A machine client (its secret is never shown again after creation).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ApiClient {
    pub id: i64,
    pub district_id: i64,
    /// The public id to send with the secret to `/auth/token`.
    pub client_id: String,
    pub name: String,
    pub scopes: Vec<String>,
    /// The schools it may reach; empty means every school of the district.
    pub school_ids: Vec<i64>,
    pub revoked: bool,
    pub created_at: chrono::DateTime<Utc>,
}

type Row = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    Option<Instant>,
    Instant,
);

fn to_client(r: Row) -> ApiClient {
    ApiClient {
        id: r.0,
        district_id: r.1,
        client_id: r.2,
        name: r.3,
        scopes: r
            .4
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        school_ids: r.5.split(',').filter_map(|s| s.parse().ok()).collect(),
        revoked: r.6.is_some(),
        created_at: r.7 .0,
    }
}

const COLUMNS: (
    api_clients::id,
    api_clients::district_id,
    api_clients::client_id,
    api_clients::name,
    api_clients::scopes,
    api_clients::school_ids,
    api_clients::revoked_at,
    api_clients::created_at,
) = (
    api_clients::id,
    api_clients::district_id,
    api_clients::client_id,
    api_clients::name,
    api_clients::scopes,
    api_clients::school_ids,
    api_clients::revoked_at,
    api_clients::created_at,
);

/// The district's clients.
pub fn list(c: &mut DbConn, district_id: i64) -> Result<Vec<ApiClient>, AppError> {
    Ok(api_clients::table
        .filter(api_clients::district_id.eq(district_id))
        .select(COLUMNS)
        .order(api_clients::id)
        .load::<Row>(c)?
        .into_iter()
        .map(to_client)
        .collect())
}

/// One page of the district's clients in id order: `limit + 1` after `after`.
pub fn page(
    c: &mut DbConn,
    district_id: i64,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<ApiClient>, AppError> {
    let mut q = api_clients::table
        .filter(api_clients::district_id.eq(district_id))
        .select(COLUMNS)
        .order(api_clients::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(api_clients::id.gt(a));
    }
    Ok(q.load::<Row>(c)?.into_iter().map(to_client).collect())
}

/// A machine client to store: its name, public id, the hash of its secret, scopes and schools.
#[derive(Debug, Clone, Copy)]
pub struct NewClient<'a> {
    pub name: &'a str,
    pub client_id: &'a str,
    pub secret_hash: &'a str,
    pub scopes: &'a [String],
    pub school_ids: &'a [i64],
}

/// Creates a client with a hashed secret.
#[allow(clippy::too_many_arguments)]
pub fn insert(
    c: &mut DbConn,
    district_id: i64,
    new: &NewClient<'_>,
    actor: &Actor,
) -> Result<ApiClient, AppError> {
    let NewClient {
        name,
        client_id,
        secret_hash,
        scopes,
        school_ids,
    } = *new;
    let in_district: i64 = schools::table
        .filter(schools::district_id.eq(district_id))
        .filter(schools::id.eq_any(school_ids.to_vec()))
        .count()
        .get_result(c)?;
    if in_district != school_ids.len() as i64 {
        return Err(AppError::field(
            "school_ids",
            "not_found",
            "every school must belong to the district",
        ));
    }
    let joined: Vec<String> = school_ids.iter().map(|s| s.to_string()).collect();
    let id: i64 = diesel::insert_into(api_clients::table)
        .values((
            api_clients::district_id.eq(district_id),
            api_clients::client_id.eq(client_id),
            api_clients::secret_hash.eq(secret_hash),
            api_clients::name.eq(name),
            api_clients::scopes.eq(scopes.join(",")),
            api_clients::school_ids.eq(joined.join(",")),
            api_clients::created_at.eq(Instant(Utc::now())),
        ))
        .returning(api_clients::id)
        .get_result(c)?;
    let created = list(c, district_id)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(AppError::NotFound("api client"))?;
    audit::Event::outside_schools("api_client.create")
        .on("api_client", id)
        .after(&created)
        .record(c, actor)?;
    Ok(created)
}

/// Revokes a client; its tokens stop working when they expire, and no new ones are issued.
pub fn revoke(
    c: &mut DbConn,
    district_id: i64,
    id: i64,
    actor: &Actor,
) -> Result<ApiClient, AppError> {
    let n = diesel::update(
        api_clients::table
            .filter(api_clients::district_id.eq(district_id))
            .filter(api_clients::id.eq(id)),
    )
    .set(api_clients::revoked_at.eq(Some(Instant(Utc::now()))))
    .execute(c)?;
    if n == 0 {
        return Err(AppError::NotFound("api client"));
    }
    let after = list(c, district_id)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(AppError::NotFound("api client"))?;
    audit::Event::outside_schools("api_client.revoke")
        .on("api_client", id)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}
