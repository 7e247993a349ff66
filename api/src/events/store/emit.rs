//! Writing an event in the transaction of the change it reports, with one outbox row per
//! endpoint that wants it and whose client may see it: if the change commits, so do its
//! deliveries, and a restart loses none.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::auth::SchoolId;
use crate::db::schema::{
    api_clients, events, guardians, refresh_tokens, schools, student_guardians, webhook_deliveries,
    webhook_endpoints,
};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::events::model::wants;
use crate::events::types::EventType;
use crate::events::EVENTS_READ;

/// Records an event of `school` (about `student`, when it concerns one child) and queues
/// its deliveries. Call it inside the change's transaction.
pub fn emit(
    c: &mut DbConn,
    school: SchoolId,
    student: Option<i64>,
    kind: EventType,
    data: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let district: i64 = schools::table
        .find(school)
        .select(schools::district_id)
        .first(c)?;
    let id: i64 = diesel::insert_into(events::table)
        .values((
            events::school_id.eq(school),
            events::district_id.eq(district),
            events::student_id.eq(student),
            events::event_type.eq(kind.as_str()),
            events::data.eq(data.to_string()),
            events::occurred_at.eq(Instant(now)),
        ))
        .returning(events::id)
        .get_result(c)?;
    crate::notifications::store::for_event(c, school, student, kind, &data, now)?;
    let endpoints: Vec<(i64, String, i64, String, String)> = webhook_endpoints::table
        .inner_join(api_clients::table.on(api_clients::id.eq(webhook_endpoints::api_client_id)))
        .filter(webhook_endpoints::district_id.eq(district))
        .filter(webhook_endpoints::disabled.eq(false))
        .filter(api_clients::revoked_at.is_null())
        .select((
            webhook_endpoints::id,
            webhook_endpoints::event_types,
            api_clients::id,
            api_clients::scopes,
            api_clients::school_ids,
        ))
        .load(c)?;
    for (endpoint, types, client, scopes, schools_of) in endpoints {
        let types: Vec<EventType> = types.split(',').filter_map(EventType::parse).collect();
        if !wants(&types, kind) || !has_scope(&scopes, EVENTS_READ) {
            continue;
        }
        if !client_sees(c, client, &scopes, &schools_of, school, student)? {
            continue;
        }
        diesel::insert_into(webhook_deliveries::table)
            .values((
                webhook_deliveries::school_id.eq(school),
                webhook_deliveries::endpoint_id.eq(endpoint),
                webhook_deliveries::event_id.eq(id),
                webhook_deliveries::status.eq("pending"),
                webhook_deliveries::attempts.eq(0),
                webhook_deliveries::next_attempt_at.eq(Instant(now)),
                webhook_deliveries::created_at.eq(Instant(now)),
            ))
            .execute(c)?;
    }
    Ok(id)
}

/// Whether a comma-separated scope list holds `scope`.
pub fn has_scope(scopes: &str, scope: &str) -> bool {
    scopes.split(',').any(|s| s == scope)
}

/// Whether a parent app (a client that signs guardians in) is one: its reach is its
/// guardians' children, not schools.
pub fn is_parent_app(scopes: &str) -> bool {
    has_scope(scopes, crate::auth::apps::GUARDIAN_SIGN_IN)
}

/// Whether an API client may see an event of `school` about `student`: a parent app only
/// its own guardians' children (those who signed in through it); a district system the
/// schools it was given (every school of its district when none).
pub fn client_sees(
    c: &mut DbConn,
    client: i64,
    scopes: &str,
    schools_of: &str,
    school: SchoolId,
    student: Option<i64>,
) -> Result<bool, AppError> {
    if is_parent_app(scopes) {
        let Some(student) = student else {
            // A school-wide event (a notice): the app's guardians of that school see it.
            return Ok(!app_students(c, client, Some(school))?.is_empty());
        };
        return Ok(app_students(c, client, Some(school))?.contains(&student));
    }
    let listed: Vec<i64> = schools_of
        .split(',')
        .filter_map(|s| s.parse().ok())
        .collect();
    Ok(listed.is_empty() || listed.contains(&school.get()))
}

/// The children of the guardians who signed in through a parent app (optionally of one
/// school).
pub fn app_students(
    c: &mut DbConn,
    client: i64,
    school: Option<SchoolId>,
) -> Result<Vec<i64>, AppError> {
    let users = refresh_tokens::table
        .filter(refresh_tokens::client_id.eq(client))
        .select(refresh_tokens::user_id.nullable());
    let mut q = student_guardians::table
        .inner_join(guardians::table)
        .filter(guardians::user_id.eq_any(users))
        .select(student_guardians::student_id)
        .distinct()
        .into_boxed();
    if let Some(s) = school {
        q = q.filter(student_guardians::school_id.eq(s));
    }
    Ok(q.load(c)?)
}
