//! Informed families (知晓率100%，不漏一人): `/schools/{school_id}/notice-receipts` (each
//! family's receipt of the notice) and the term's informed report per homeroom.

use actix_web::{get, post, web, HttpResponse};

use crate::auth::{CallerKind, Permission, SchoolScope};
use crate::db::{tx, Db};
use crate::error::AppResult;
use crate::http::clock::Clock;
use crate::http::docs::{ReadErrors, SchoolPath, TermPath, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::texts::store::receipts as store;
use crate::texts::types::{InformedReport, NewNoticeReceipt, NoticeReceipt, ReceiptQuery};

/// Record that a family received the notice: a guardian reading it in the portal or an
/// app, or the homeroom teacher for a paper copy. Repeats are harmless.
#[utoipa::path(tag = "texts", params(SchoolPath), request_body = NewNoticeReceipt, responses((status = 201, description = "Recorded"), WriteErrors), security(("bearer" = [])))]
#[post("/notice-receipts")]
pub async fn record_receipt(
    scope: SchoolScope,
    clock: Clock,
    body: crate::http::body::Json<NewNoticeReceipt>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    let (school, actor, b, now) = (
        scope.school(),
        scope.actor(),
        body.into_inner(),
        clock.now(),
    );
    let (caller, roles) = (scope.caller, scope.roles);
    db.run(move |c| {
        tx(c, |c| {
            store::record_receipt(c, school, &b, &caller, &roles, &actor, now)
        })
    })
    .await?;
    Ok(HttpResponse::Created().finish())
}

/// The notice receipts of one student's family in the order recorded (a guardian: their
/// own child only).
#[utoipa::path(tag = "texts", params(SchoolPath, ReceiptQuery, PageQuery), responses((status = 200, description = "Receipts", body = Page<NoticeReceipt>), ReadErrors), security(("bearer" = [])))]
#[get("/notice-receipts")]
pub async fn list_receipts(
    scope: SchoolScope,
    query: crate::http::body::Query<ReceiptQuery>,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<NoticeReceipt>>> {
    let (limit, after) = (page.limit()?, page.after()?);
    let guardian = (scope.caller.kind == CallerKind::Guardian).then_some(scope.caller.id);
    if guardian.is_none() {
        scope.require(Permission::RosterRead)?;
    }
    let (school, student) = (scope.school(), query.student_id);
    let rows = db
        .run(move |c| store::receipts_page(c, school, guardian, student, after, limit))
        .await?;
    let page = Page::from_rows(rows, limit, |r| r.0);
    Ok(web::Json(Page {
        items: page.items.into_iter().map(|r| r.1).collect(),
        next_cursor: page.next_cursor,
        total: None,
    }))
}

/// The informed-families report for the term's current notice.
#[utoipa::path(tag = "texts", params(TermPath), responses((status = 200, description = "The report", body = InformedReport), ReadErrors), security(("bearer" = [])))]
#[get("/terms/{term_id}/informed-report")]
pub async fn informed_report(
    scope: SchoolScope,
    path: web::Path<TermPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<InformedReport>> {
    scope.require(Permission::RosterRead)?;
    let (school, term) = (scope.school(), path.term_id);
    let report = db
        .run(move |c| store::informed_report(c, school, term))
        .await?;
    Ok(web::Json(report))
}
