//! `GET /events`: the feed, within the caller's reach.

use actix_web::{get, web};

use crate::auth::Caller;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::events::model::parse_event_id;
use crate::events::store::feed;
use crate::events::types::{Event, EventQuery, EventType};
use crate::http::docs::ReadErrors;
use crate::http::page::{Page, PageQuery};

/// The types asked for (422 naming an unknown one).
fn types_of(list: Option<&str>) -> Result<Vec<EventType>, AppError> {
    let mut out = Vec::new();
    for (i, t) in list.unwrap_or("").split(',').map(str::trim).enumerate() {
        if t.is_empty() {
            continue;
        }
        out.push(EventType::parse(t).ok_or_else(|| {
            AppError::field(
                "types",
                "unknown",
                format!("types[{i}] {t:?} is not an event type"),
            )
        })?);
    }
    Ok(out)
}

/// The event feed, oldest first: what happened within your reach — a guardian (or a parent
/// app acting for one) their children's applications and their schools' notices; a parent
/// app's own token the children of the guardians who signed in through it; a district
/// system its schools; school admins their schools; district admins the district. Needs
/// `events:read` for API clients.
///
/// Poll with `after` = the last event id you processed (or follow `next_cursor`); the same
/// events are delivered by webhooks.
#[utoipa::path(
    tag = "events",
    params(EventQuery, PageQuery),
    responses((status = 200, description = "Events", body = Page<Event>), ReadErrors),
    security(("bearer" = []), ("oauth2" = ["events:read"]))
)]
#[get("/events")]
pub async fn list_events(
    caller: Caller,
    q: crate::http::body::Query<EventQuery>,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Event>>> {
    let limit = page.limit()?;
    let types = types_of(q.types.as_deref())?;
    let after = match (&q.after, page.after()?) {
        (Some(a), _) => Some(parse_event_id(a).ok_or_else(|| {
            AppError::field("after", "format", "after is an event id such as evt_42")
        })?),
        (None, cursor) => cursor,
    };
    let rows = db
        .run(move |c| {
            let reach = feed::reach_of(c, &caller)?;
            feed::page(c, &reach, &types, after, limit)
        })
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |e| {
        parse_event_id(&e.id).unwrap_or_default()
    })))
}
