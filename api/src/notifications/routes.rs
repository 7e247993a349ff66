//! `/me/notifications`: the caller's own notifications, newest first, with the unread
//! count the SPA's bell shows; reading one or all of them.

use actix_web::{get, post, web, HttpResponse};

use crate::auth::{Caller, CallerKind};
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::clock::Clock;
use crate::http::docs::{ReadErrors, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::notifications::inbox;
use crate::notifications::types::{Notification, NotificationPath, NotificationQuery, UnreadCount};

/// People have notifications; a machine client reads the event feed instead.
fn person(caller: &Caller) -> Result<i64, AppError> {
    if caller.kind == CallerKind::Client {
        return Err(AppError::forbidden(
            "machine clients read the event feed (/events), not notifications",
        ));
    }
    Ok(caller.id)
}

/// Your notifications, newest first (`unread=true`: only unread ones).
#[utoipa::path(tag = "notifications", params(NotificationQuery, PageQuery), responses((status = 200, description = "Notifications", body = Page<Notification>), ReadErrors), security(("bearer" = [])))]
#[get("/me/notifications")]
pub async fn list_notifications(
    caller: Caller,
    query: crate::http::body::Query<NotificationQuery>,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Notification>>> {
    let user = person(&caller)?;
    let (limit, before) = (page.limit()?, page.after()?);
    let unread = query.unread.unwrap_or(false);
    let rows = db
        .run(move |c| inbox::page(c, user, unread, before, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |n| n.id)))
}

/// How many of your notifications are unread.
#[utoipa::path(tag = "notifications", responses((status = 200, description = "The count", body = UnreadCount), ReadErrors), security(("bearer" = [])))]
#[get("/me/notifications/unread-count")]
pub async fn unread_count(caller: Caller, db: web::Data<Db>) -> AppResult<web::Json<UnreadCount>> {
    let user = person(&caller)?;
    let unread = db.run(move |c| inbox::unread(c, user)).await?;
    Ok(web::Json(UnreadCount { unread }))
}

/// Mark one of your notifications read.
#[utoipa::path(tag = "notifications", params(NotificationPath), responses((status = 204, description = "Read"), WriteErrors), security(("bearer" = [])))]
#[post("/me/notifications/{id}/read")]
pub async fn read_notification(
    caller: Caller,
    clock: Clock,
    path: web::Path<NotificationPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    let (user, id, now) = (person(&caller)?, path.id, clock.now());
    db.run(move |c| tx(c, |c| inbox::mark_read(c, user, id, now)))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mark all your notifications read.
#[utoipa::path(tag = "notifications", responses((status = 200, description = "Read; the count is now 0", body = UnreadCount), WriteErrors), security(("bearer" = [])))]
#[post("/me/notifications/read-all")]
pub async fn read_all(
    caller: Caller,
    clock: Clock,
    db: web::Data<Db>,
) -> AppResult<web::Json<UnreadCount>> {
    let (user, now) = (person(&caller)?, clock.now());
    db.run(move |c| tx(c, |c| inbox::mark_all_read(c, user, now)))
        .await?;
    Ok(web::Json(UnreadCount { unread: 0 }))
}
