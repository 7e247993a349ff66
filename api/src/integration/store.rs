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
    #[schema(example = 3)]
    pub id: i64,
    #[schema(example = 1)]
    pub district_id: i64,
    /// The public id to send with the secret to `/auth/token`.
    #[schema(example = "kh_3fKq9xZ2aLmP")]
    pub client_id: String,
    #[schema(example = "家校通 App")]
    pub name: String,
    #[schema(example = json!(["guardians:sign_in", "events:read"]))]
    pub scopes: Vec<String>,
    /// The schools it may reach; empty means every school of the district.
    pub school_ids: Vec<i64>,
    /// Browser origins allowed to call the API with this client's tokens (CORS); empty: none.
    #[schema(example = json!(["https://h5.jiaxiaotong.example"]))]
    pub allowed_origins: Vec<String>,
    /// Until when the previous secret still works after a rotation, if it does.
    pub previous_secret_expires_at: Option<chrono::DateTime<Utc>>,
    pub revoked: bool,
    pub created_at: chrono::DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = api_clients)]
struct Row {
    id: i64,
    district_id: i64,
    client_id: String,
    name: String,
    scopes: String,
    school_ids: String,
    allowed_origins: String,
    previous_secret_expires_at: Option<Instant>,
    revoked_at: Option<Instant>,
    created_at: Instant,
}

fn split(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').filter(|s| !s.is_empty())
}

fn to_client(r: Row) -> ApiClient {
    let now = Utc::now();
    ApiClient {
        id: r.id,
        district_id: r.district_id,
        client_id: r.client_id,
        name: r.name,
        scopes: split(&r.scopes).map(str::to_owned).collect(),
        school_ids: split(&r.school_ids)
            .filter_map(|s| s.parse().ok())
            .collect(),
        allowed_origins: split(&r.allowed_origins).map(str::to_owned).collect(),
        previous_secret_expires_at: r
            .previous_secret_expires_at
            .map(|t| t.0)
            .filter(|t| *t > now),
        revoked: r.revoked_at.is_some(),
        created_at: r.created_at.0,
    }
}

/// One client of the district.
pub fn one(c: &mut DbConn, district_id: i64, id: i64) -> Result<ApiClient, AppError> {
    api_clients::table
        .filter(api_clients::district_id.eq(district_id))
        .filter(api_clients::id.eq(id))
        .select(Row::as_select())
        .first(c)
        .optional()?
        .map(to_client)
        .ok_or(AppError::NotFound("api client"))
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
        .select(Row::as_select())
        .order(api_clients::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(api_clients::id.gt(a));
    }
    Ok(q.load(c)?.into_iter().map(to_client).collect())
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
    let created = one(c, district_id, id)?;
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
    let after = one(c, district_id, id)?;
    audit::Event::outside_schools("api_client.revoke")
        .on("api_client", id)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}

/// Rotates a client's secret: the new hash replaces the current one, which keeps working
/// until `previous_expires_at` (now: at once).
pub fn rotate_secret(
    c: &mut DbConn,
    district_id: i64,
    id: i64,
    new_hash: &str,
    previous_expires_at: chrono::DateTime<Utc>,
    actor: &Actor,
) -> Result<ApiClient, AppError> {
    let current: Option<(String, Option<Instant>)> = api_clients::table
        .filter(api_clients::district_id.eq(district_id))
        .filter(api_clients::id.eq(id))
        .select((api_clients::secret_hash, api_clients::revoked_at))
        .first(c)
        .optional()?;
    let Some((old_hash, revoked)) = current else {
        return Err(AppError::NotFound("api client"));
    };
    if revoked.is_some() {
        return Err(AppError::Conflict {
            code: "api_client.revoked",
            detail: "a revoked client gets no new secret".into(),
        });
    }
    let before = one(c, district_id, id)?;
    diesel::update(api_clients::table.filter(api_clients::id.eq(id)))
        .set((
            api_clients::secret_hash.eq(new_hash),
            api_clients::previous_secret_hash.eq(Some(old_hash)),
            api_clients::previous_secret_expires_at.eq(Some(Instant(previous_expires_at))),
        ))
        .execute(c)?;
    let after = one(c, district_id, id)?;
    audit::Event::outside_schools("api_client.rotate_secret")
        .on("api_client", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}

/// Sets the browser origins allowed for a client (CORS).
pub fn set_origins(
    c: &mut DbConn,
    district_id: i64,
    id: i64,
    origins: &[String],
    actor: &Actor,
) -> Result<ApiClient, AppError> {
    let before = one(c, district_id, id)?;
    diesel::update(api_clients::table.filter(api_clients::id.eq(id)))
        .set(api_clients::allowed_origins.eq(origins.join(",")))
        .execute(c)?;
    let after = one(c, district_id, id)?;
    audit::Event::outside_schools("api_client.edit")
        .on("api_client", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}

/// Every origin some live client allows (for CORS).
pub fn allowed_origins(c: &mut DbConn) -> Result<Vec<String>, AppError> {
    let rows: Vec<String> = api_clients::table
        .filter(api_clients::revoked_at.is_null())
        .filter(api_clients::allowed_origins.ne(""))
        .select(api_clients::allowed_origins)
        .load(c)?;
    let mut out: Vec<String> = rows
        .iter()
        .flat_map(|r| split(r).map(str::to_owned).collect::<Vec<_>>())
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}
