//! The outbox and delivery log: the worker claims due rows (a lease, so two instances never
//! send one at the same time), sends outside any transaction, and records the outcome.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::DistrictId;
use crate::db::schema::{events, webhook_deliveries, webhook_endpoints};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::events::model::event_id;
use crate::events::types::{DeliveryStatus, Event, EventType, WebhookDelivery};

/// How long a claimed delivery is leased to one worker.
const LEASE_SECS: i64 = 60;

#[derive(Queryable)]
struct Row {
    id: i64,
    endpoint_id: i64,
    event_id: i64,
    status: String,
    attempts: i32,
    next_attempt_at: Instant,
    last_status_code: Option<i32>,
    last_error: Option<String>,
    delivered_at: Option<Instant>,
    created_at: Instant,
    event_type: String,
}

fn to_delivery(r: Row) -> Option<WebhookDelivery> {
    let status = DeliveryStatus::parse(&r.status);
    Some(WebhookDelivery {
        id: r.id,
        endpoint_id: r.endpoint_id,
        event_id: event_id(r.event_id),
        event_type: EventType::parse(&r.event_type)?,
        status,
        attempts: r.attempts,
        last_status_code: r.last_status_code,
        last_error: r.last_error,
        next_attempt_at: (status == DeliveryStatus::Pending).then_some(r.next_attempt_at.0),
        delivered_at: r.delivered_at.map(|t| t.0),
        created_at: r.created_at.0,
    })
}

macro_rules! columns {
    () => {
        (
            webhook_deliveries::id,
            webhook_deliveries::endpoint_id,
            webhook_deliveries::event_id,
            webhook_deliveries::status,
            webhook_deliveries::attempts,
            webhook_deliveries::next_attempt_at,
            webhook_deliveries::last_status_code,
            webhook_deliveries::last_error,
            webhook_deliveries::delivered_at,
            webhook_deliveries::created_at,
            events::event_type,
        )
    };
}

/// `limit + 1` deliveries of an endpoint of the district, newest first (before `before`).
pub fn page(
    c: &mut DbConn,
    district: DistrictId,
    endpoint: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<WebhookDelivery>, AppError> {
    super::endpoints::one(c, district, endpoint)?;
    let mut q = webhook_deliveries::table
        .inner_join(events::table)
        .filter(webhook_deliveries::endpoint_id.eq(endpoint))
        .select(columns!())
        .order(webhook_deliveries::id.desc())
        .limit(limit + 1)
        .into_boxed();
    if let Some(b) = before {
        q = q.filter(webhook_deliveries::id.lt(b));
    }
    Ok(q.load::<Row>(c)?
        .into_iter()
        .filter_map(to_delivery)
        .collect())
}

fn one(c: &mut DbConn, endpoint: i64, id: i64) -> Result<WebhookDelivery, AppError> {
    webhook_deliveries::table
        .inner_join(events::table)
        .filter(webhook_deliveries::endpoint_id.eq(endpoint))
        .filter(webhook_deliveries::id.eq(id))
        .select(columns!())
        .first::<Row>(c)
        .optional()?
        .and_then(to_delivery)
        .ok_or(AppError::NotFound("webhook delivery"))
}

/// Queues a delivery again now (manual replay): same event, same `webhook-id`.
pub fn replay(
    c: &mut DbConn,
    district: DistrictId,
    endpoint: i64,
    id: i64,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<WebhookDelivery, AppError> {
    super::endpoints::one(c, district, endpoint)?;
    let before = one(c, endpoint, id)?;
    diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::endpoint_id.eq(endpoint))
            .filter(webhook_deliveries::id.eq(id)),
    )
    .set((
        webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str()),
        webhook_deliveries::next_attempt_at.eq(Instant(now)),
        webhook_deliveries::locked_until.eq(None::<Instant>),
    ))
    .execute(c)?;
    let after = one(c, endpoint, id)?;
    audit::Event::outside_schools("webhook_delivery.replay")
        .on("webhook_delivery", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}

/// What the worker needs to send one delivery.
#[derive(Debug, Clone)]
pub struct Due {
    pub id: i64,
    pub attempts: i32,
    pub url: String,
    pub secrets: Vec<String>,
    pub event: Event,
}

/// Claims up to `max` due deliveries for `LEASE_SECS`; each claim is a guarded update, so
/// racing workers never both get one.
pub fn claim_due(c: &mut DbConn, now: DateTime<Utc>, max: i64) -> Result<Vec<Due>, AppError> {
    // A disabled endpoint's queue waits (enabling it again resumes it).
    let candidates: Vec<i64> = webhook_deliveries::table
        .inner_join(webhook_endpoints::table)
        .filter(webhook_endpoints::disabled.eq(false))
        .filter(webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str()))
        .filter(webhook_deliveries::next_attempt_at.le(Instant(now)))
        .filter(
            webhook_deliveries::locked_until
                .is_null()
                .or(webhook_deliveries::locked_until.lt(Instant(now))),
        )
        .order(webhook_deliveries::next_attempt_at)
        .select(webhook_deliveries::id)
        .limit(max)
        .load(c)?;
    let lease = Instant(now + chrono::Duration::seconds(LEASE_SECS));
    let mut out = Vec::new();
    for id in candidates {
        let claimed = diesel::update(
            webhook_deliveries::table
                .filter(webhook_deliveries::id.eq(id))
                .filter(webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str()))
                .filter(
                    webhook_deliveries::locked_until
                        .is_null()
                        .or(webhook_deliveries::locked_until.lt(Instant(now))),
                ),
        )
        .set(webhook_deliveries::locked_until.eq(Some(lease)))
        .execute(c)?;
        if claimed == 0 {
            continue;
        }
        let (attempts, event, url, secret, previous, previous_until): (
            i32,
            i64,
            String,
            String,
            Option<String>,
            Option<Instant>,
        ) = webhook_deliveries::table
            .inner_join(webhook_endpoints::table)
            .filter(webhook_deliveries::id.eq(id))
            .select((
                webhook_deliveries::attempts,
                webhook_deliveries::event_id,
                webhook_endpoints::url,
                webhook_endpoints::secret,
                webhook_endpoints::previous_secret,
                webhook_endpoints::previous_secret_expires_at,
            ))
            .first(c)?;
        let mut secrets = vec![secret];
        if let (Some(p), Some(until)) = (previous, previous_until) {
            if until.0 > now {
                secrets.push(p);
            }
        }
        out.push(Due {
            id,
            attempts,
            url,
            secrets,
            event: super::feed::one(c, event)?,
        });
    }
    Ok(out)
}

/// What one attempt came to.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The receiver's status, if it answered.
    pub status_code: Option<u16>,
    /// Why it failed (None: 2xx).
    pub error: Option<String>,
}

/// Records an attempt: delivered, due again at `retry_at`, or failed for good when there is
/// no retry.
pub fn record(
    c: &mut DbConn,
    due: &Due,
    outcome: &Outcome,
    retry_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let status = match (&outcome.error, retry_at) {
        (None, _) => DeliveryStatus::Succeeded,
        (Some(_), Some(_)) => DeliveryStatus::Pending,
        (Some(_), None) => DeliveryStatus::Failed,
    };
    diesel::update(webhook_deliveries::table.find(due.id))
        .set((
            webhook_deliveries::status.eq(status.as_str()),
            webhook_deliveries::attempts.eq(due.attempts + 1),
            webhook_deliveries::last_status_code.eq(outcome.status_code.map(i32::from)),
            webhook_deliveries::last_error.eq(outcome.error.clone()),
            webhook_deliveries::next_attempt_at.eq(Instant(retry_at.unwrap_or(now))),
            webhook_deliveries::locked_until.eq(None::<Instant>),
            webhook_deliveries::delivered_at.eq(outcome.error.is_none().then_some(Instant(now))),
        ))
        .execute(c)?;
    Ok(())
}
