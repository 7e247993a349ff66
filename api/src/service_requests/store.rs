//! The requests' queries. Every function takes the school first and filters by it.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use crate::audit::{Actor, Event};
use crate::auth::SchoolId;
use crate::db::schema::{service_requests, students};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::service_requests::error::RequestError;
use crate::service_requests::model::{check_day, review_status, RequestFilter};
use crate::service_requests::types::{NewServiceRequest, RequestReview, ServiceRequest};

/// A request as stored.
#[derive(Queryable)]
struct RequestRow {
    id: i64,
    term_id: i64,
    student_id: i64,
    kind: String,
    offering_id: i64,
    service_date: Option<NaiveDate>,
    until_time: Option<String>,
    reason: String,
    status: String,
    review_comment: Option<String>,
    version: i64,
}

impl From<RequestRow> for ServiceRequest {
    fn from(r: RequestRow) -> ServiceRequest {
        ServiceRequest {
            id: r.id,
            term_id: r.term_id,
            student_id: r.student_id,
            kind: r.kind,
            offering_id: r.offering_id,
            service_date: r.service_date,
            until_time: r.until_time,
            reason: r.reason,
            status: r.status,
            review_comment: r.review_comment,
            version: r.version,
        }
    }
}

const COLUMNS: (
    service_requests::id,
    service_requests::term_id,
    service_requests::student_id,
    service_requests::kind,
    service_requests::offering_id,
    service_requests::service_date,
    service_requests::until_time,
    service_requests::reason,
    service_requests::status,
    service_requests::review_comment,
    service_requests::version,
) = (
    service_requests::id,
    service_requests::term_id,
    service_requests::student_id,
    service_requests::kind,
    service_requests::offering_id,
    service_requests::service_date,
    service_requests::until_time,
    service_requests::reason,
    service_requests::status,
    service_requests::review_comment,
    service_requests::version,
);

/// One request of the school.
pub fn get(c: &mut DbConn, school_id: SchoolId, id: i64) -> Result<ServiceRequest, AppError> {
    service_requests::table
        .filter(service_requests::school_id.eq(school_id))
        .filter(service_requests::id.eq(id))
        .select(COLUMNS)
        .first::<RequestRow>(c)
        .optional()?
        .map(ServiceRequest::from)
        .ok_or_else(|| RequestError::NotFound.into())
}

/// One page of the school's requests in id order: `limit + 1` rows after `after`.
pub fn page(
    c: &mut DbConn,
    school_id: SchoolId,
    f: &RequestFilter,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<ServiceRequest>, AppError> {
    let mut q = service_requests::table
        .filter(service_requests::school_id.eq(school_id))
        .select(COLUMNS)
        .order(service_requests::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(s) = &f.student_ids {
        q = q.filter(service_requests::student_id.eq_any(s.clone()));
    }
    if let Some(h) = &f.homeroom_ids {
        q = q.filter(
            service_requests::student_id.eq_any(
                students::table
                    .filter(students::school_id.eq(school_id))
                    .filter(students::homeroom_id.eq_any(h.clone()))
                    .select(students::id),
            ),
        );
    }
    if let Some(s) = &f.status {
        q = q.filter(service_requests::status.eq(s.clone()));
    }
    if let Some(t) = f.term_id {
        q = q.filter(service_requests::term_id.eq(t));
    }
    if let Some(a) = after {
        q = q.filter(service_requests::id.gt(a));
    }
    Ok(q.load::<RequestRow>(c)?
        .into_iter()
        .map(ServiceRequest::from)
        .collect())
}

/// Who makes a request: `guardian` or `staff`, and the user.
pub struct Requester {
    pub kind: &'static str,
    pub id: i64,
}

/// Stores a request for an offering of the term's approved plan (on a day it runs, for a
/// day registration) and audits it.
pub fn create(
    c: &mut DbConn,
    school: SchoolId,
    b: &NewServiceRequest,
    by: &Requester,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<ServiceRequest, AppError> {
    let plan = crate::plans::store::approved_plan(c, school, b.term_id)?
        .ok_or(RequestError::PlanNotApproved)?;
    let o = plan
        .offerings
        .iter()
        .find(|o| o.id == b.offering_id)
        .ok_or(RequestError::NoSuchOffering)?;
    if let Some(d) = b.service_date {
        let term = crate::roster::store::terms::term(c, school, b.term_id)?;
        check_day(&term, &o.name, &o.weekdays, d)?;
    }
    let now = Instant(now);
    let id: i64 = diesel::insert_into(service_requests::table)
        .values((
            service_requests::school_id.eq(school),
            service_requests::term_id.eq(b.term_id),
            service_requests::student_id.eq(b.student_id),
            service_requests::kind.eq(&b.kind),
            service_requests::offering_id.eq(b.offering_id),
            service_requests::service_date.eq(b.service_date),
            service_requests::until_time.eq(&b.until_time),
            service_requests::reason.eq(&b.reason),
            service_requests::status.eq("submitted"),
            service_requests::requested_by_kind.eq(by.kind),
            service_requests::requested_by_id.eq(by.id),
            service_requests::version.eq(1),
            service_requests::created_at.eq(now),
            service_requests::updated_at.eq(now),
        ))
        .returning(service_requests::id)
        .get_result(c)?;
    let r = get(c, school, id)?;
    Event::in_school(school, "service_request.create")
        .on("service_request", id)
        .after(&r)
        .record(c, actor)?;
    Ok(r)
}

/// Approves or rejects a submitted request as `reviewer` and audits it; a request already
/// reviewed is refused.
pub fn review(
    c: &mut DbConn,
    school: SchoolId,
    id: i64,
    b: &RequestReview,
    reviewer: i64,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<ServiceRequest, AppError> {
    let to = review_status(b.approve);
    let n = diesel::update(
        service_requests::table
            .filter(service_requests::school_id.eq(school))
            .filter(service_requests::id.eq(id))
            .filter(service_requests::status.eq("submitted")),
    )
    .set((
        service_requests::status.eq(to),
        service_requests::review_comment.eq(&b.comment),
        service_requests::reviewed_by.eq(reviewer),
        service_requests::version.eq(service_requests::version + 1),
        service_requests::updated_at.eq(Instant(now)),
    ))
    .execute(c)?;
    let r = get(c, school, id)?;
    if n == 0 {
        return Err(RequestError::AlreadyReviewed { status: r.status }.into());
    }
    Event::in_school(school, format!("service_request.{to}"))
        .on("service_request", id)
        .after(&r)
        .record(c, actor)?;
    Ok(r)
}
