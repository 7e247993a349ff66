//! A district's webhook endpoints. Their signing secrets are kept as written (an HMAC needs
//! them); they are shown once, when made or rotated.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::DistrictId;
use crate::db::schema::{api_clients, webhook_endpoints};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::events::types::{EventType, NewWebhookEndpoint, WebhookEndpoint, WebhookEndpointEdit};
use crate::events::EVENTS_READ;

use super::emit::has_scope;

#[derive(Queryable, Selectable)]
#[diesel(table_name = webhook_endpoints)]
struct Row {
    id: i64,
    district_id: i64,
    api_client_id: i64,
    url: String,
    description: String,
    event_types: String,
    disabled: bool,
    previous_secret_expires_at: Option<Instant>,
    version: i64,
    created_at: Instant,
    updated_at: Instant,
}

fn types_of(list: &str) -> Vec<EventType> {
    list.split(',').filter_map(EventType::parse).collect()
}

fn joined(types: &[EventType]) -> String {
    let mut names: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
    names.sort();
    names.dedup();
    names.join(",")
}

fn to_endpoint(r: Row) -> WebhookEndpoint {
    WebhookEndpoint {
        id: r.id,
        district_id: r.district_id,
        api_client_id: r.api_client_id,
        url: r.url,
        description: r.description,
        event_types: types_of(&r.event_types),
        disabled: r.disabled,
        previous_secret_expires_at: r
            .previous_secret_expires_at
            .map(|t| t.0)
            .filter(|t| *t > Utc::now()),
        version: r.version,
        created_at: r.created_at.0,
        updated_at: r.updated_at.0,
    }
}

/// One endpoint of the district (404 for another district's).
pub fn one(c: &mut DbConn, district: DistrictId, id: i64) -> Result<WebhookEndpoint, AppError> {
    webhook_endpoints::table
        .filter(webhook_endpoints::district_id.eq(district))
        .filter(webhook_endpoints::id.eq(id))
        .select(Row::as_select())
        .first(c)
        .optional()?
        .map(to_endpoint)
        .ok_or(AppError::NotFound("webhook endpoint"))
}

/// `limit + 1` endpoints of the district after `after`, in id order.
pub fn page(
    c: &mut DbConn,
    district: DistrictId,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<WebhookEndpoint>, AppError> {
    let mut q = webhook_endpoints::table
        .filter(webhook_endpoints::district_id.eq(district))
        .select(Row::as_select())
        .order(webhook_endpoints::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(webhook_endpoints::id.gt(a));
    }
    Ok(q.load(c)?.into_iter().map(to_endpoint).collect())
}

/// Registers an endpoint for one of the district's live clients holding `events:read`.
pub fn insert(
    c: &mut DbConn,
    district: DistrictId,
    new: &NewWebhookEndpoint,
    secret: &str,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<WebhookEndpoint, AppError> {
    let client: Option<(String, Option<Instant>)> = api_clients::table
        .filter(api_clients::district_id.eq(district))
        .filter(api_clients::id.eq(new.api_client_id))
        .select((api_clients::scopes, api_clients::revoked_at))
        .first(c)
        .optional()?;
    match client {
        None | Some((_, Some(_))) => {
            return Err(AppError::field(
                "api_client_id",
                "not_found",
                "no live API client of this district has that id",
            ))
        }
        Some((scopes, None)) if !has_scope(&scopes, EVENTS_READ) => {
            return Err(AppError::field(
                "api_client_id",
                "scope_missing",
                format!("the client needs the {EVENTS_READ} scope to receive events"),
            ))
        }
        Some(_) => {}
    }
    let id: i64 = diesel::insert_into(webhook_endpoints::table)
        .values((
            webhook_endpoints::district_id.eq(district),
            webhook_endpoints::api_client_id.eq(new.api_client_id),
            webhook_endpoints::url.eq(&new.url),
            webhook_endpoints::description.eq(&new.description),
            webhook_endpoints::event_types.eq(joined(&new.event_types)),
            webhook_endpoints::secret.eq(secret),
            webhook_endpoints::disabled.eq(false),
            webhook_endpoints::version.eq(1),
            webhook_endpoints::created_at.eq(Instant(now)),
            webhook_endpoints::updated_at.eq(Instant(now)),
        ))
        .returning(webhook_endpoints::id)
        .get_result(c)?;
    let created = one(c, district, id)?;
    audit::Event::outside_schools("webhook_endpoint.create")
        .on("webhook_endpoint", id)
        .after(&created)
        .record(c, actor)?;
    Ok(created)
}

/// Changes an endpoint if `version` is current (412 otherwise).
pub fn edit(
    c: &mut DbConn,
    district: DistrictId,
    id: i64,
    version: i64,
    e: &WebhookEndpointEdit,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<WebhookEndpoint, AppError> {
    let before = one(c, district, id)?;
    let url = e.url.clone().unwrap_or_else(|| before.url.clone());
    let types = e
        .event_types
        .as_deref()
        .map(joined)
        .unwrap_or_else(|| joined(&before.event_types));
    let n = diesel::update(
        webhook_endpoints::table
            .filter(webhook_endpoints::district_id.eq(district))
            .filter(webhook_endpoints::id.eq(id))
            .filter(webhook_endpoints::version.eq(version)),
    )
    .set((
        webhook_endpoints::url.eq(url),
        webhook_endpoints::event_types.eq(types),
        webhook_endpoints::description.eq(e
            .description
            .clone()
            .unwrap_or_else(|| before.description.clone())),
        webhook_endpoints::disabled.eq(e.disabled.unwrap_or(before.disabled)),
        webhook_endpoints::version.eq(version + 1),
        webhook_endpoints::updated_at.eq(Instant(now)),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(AppError::Stale);
    }
    let after = one(c, district, id)?;
    audit::Event::outside_schools("webhook_endpoint.edit")
        .on("webhook_endpoint", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}

/// Replaces the signing secret; the previous one keeps signing until `until`.
pub fn rotate(
    c: &mut DbConn,
    district: DistrictId,
    id: i64,
    secret: &str,
    until: DateTime<Utc>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<WebhookEndpoint, AppError> {
    let before = one(c, district, id)?;
    let old: String = webhook_endpoints::table
        .find(id)
        .select(webhook_endpoints::secret)
        .first(c)?;
    diesel::update(webhook_endpoints::table.find(id))
        .set((
            webhook_endpoints::secret.eq(secret),
            webhook_endpoints::previous_secret.eq(Some(old)),
            webhook_endpoints::previous_secret_expires_at.eq(Some(Instant(until))),
            webhook_endpoints::version.eq(webhook_endpoints::version + 1),
            webhook_endpoints::updated_at.eq(Instant(now)),
        ))
        .execute(c)?;
    let after = one(c, district, id)?;
    audit::Event::outside_schools("webhook_endpoint.rotate_secret")
        .on("webhook_endpoint", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}
