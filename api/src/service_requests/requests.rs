//! Requests beside the term application: an ad-hoc day registration for one date (after
//! an emergency) and a special late-service request (特殊延时申请). Each has its own
//! review by a school admin; both are counted for the district (特殊延时申请全覆盖).

use actix_web::{get, post, web, HttpResponse};
use chrono::{NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::applications::model::Reviewer;
use crate::audit;
use crate::auth::SchoolId;
use crate::auth::{Role, SchoolScope};
use crate::db::schema::{service_requests, students};
use crate::db::types::Instant;
use crate::db::{tx, Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};
use crate::http::page::{Page, PageQuery};

/// A day registration or a special late-service request.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ServiceRequest {
    pub id: i64,
    pub term_id: i64,
    pub student_id: i64,
    /// `day_registration` or `special_late`.
    pub kind: String,
    pub offering_id: i64,
    /// The one date (day registrations).
    pub service_date: Option<NaiveDate>,
    /// Until when the child must stay, `HH:MM` (special late service).
    pub until_time: Option<String>,
    pub reason: String,
    /// submitted, approved or rejected.
    pub status: String,
    pub review_comment: Option<String>,
    pub version: i64,
}

/// A new request.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewServiceRequest {
    pub term_id: i64,
    pub student_id: i64,
    /// `day_registration` or `special_late`.
    pub kind: String,
    pub offering_id: i64,
    pub service_date: Option<NaiveDate>,
    pub until_time: Option<String>,
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

/// A review decision on a request.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct RequestReview {
    pub approve: bool,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub comment: Option<String>,
}

type Row = (
    i64,
    i64,
    i64,
    String,
    i64,
    Option<NaiveDate>,
    Option<String>,
    String,
    String,
    Option<String>,
    i64,
);

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

fn to_request(r: Row) -> ServiceRequest {
    ServiceRequest {
        id: r.0,
        term_id: r.1,
        student_id: r.2,
        kind: r.3,
        offering_id: r.4,
        service_date: r.5,
        until_time: r.6,
        reason: r.7,
        status: r.8,
        review_comment: r.9,
        version: r.10,
    }
}

fn load(c: &mut DbConn, school_id: SchoolId, id: i64) -> Result<ServiceRequest, AppError> {
    service_requests::table
        .filter(service_requests::school_id.eq(school_id))
        .filter(service_requests::id.eq(id))
        .select(COLUMNS)
        .first::<Row>(c)
        .optional()?
        .map(to_request)
        .ok_or(AppError::NotFound("request"))
}

/// What a caller may see of the list, and its filters.
#[derive(Debug, Clone, Default)]
pub struct RequestFilter {
    /// Only these students' requests (a guardian's children).
    pub student_ids: Option<Vec<i64>>,
    /// Only requests for students of these homerooms (a homeroom teacher's classes).
    pub homeroom_ids: Option<Vec<i64>>,
    pub status: Option<String>,
    pub term_id: Option<i64>,
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
    Ok(q.load::<Row>(c)?.into_iter().map(to_request).collect())
}

/// Ask for a single day's service, or for special late service.
#[utoipa::path(tag = "service_requests", params(SchoolPath), request_body = NewServiceRequest, responses((status = 201, description = "Created", body = ServiceRequest), WriteErrors), security(("bearer" = [])))]
#[post("/service-requests")]
pub async fn create_request(
    scope: SchoolScope,
    body: web::Json<NewServiceRequest>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    body.validate()?;
    let b = body.into_inner();
    match (b.kind.as_str(), b.service_date, b.until_time.as_deref()) {
        ("day_registration", Some(_), _) => {}
        ("day_registration", None, _) => {
            return Err(AppError::field(
                "service_date",
                "required",
                "a day registration names its date",
            ))
        }
        ("special_late", _, Some(t)) if chrono::NaiveTime::parse_from_str(t, "%H:%M").is_ok() => {}
        ("special_late", _, _) => {
            return Err(AppError::field("until_time", "format", "until when, HH:MM"))
        }
        _ => {
            return Err(AppError::field(
                "kind",
                "unknown",
                "day_registration or special_late",
            ))
        }
    }
    let school = scope.school();
    let req = db
        .run(move |c| {
            tx(c, |c| {
                let who = crate::roster::relation::relation_to(c, &scope, b.student_id)?;
                if who == Reviewer::OtherStaff {
                    return Err(AppError::forbidden(
                        "guardians, their homeroom teacher or a school admin make requests",
                    ));
                }
                let plan =
                    crate::plans::store::approved_plan(c, school, b.term_id)?.ok_or_else(|| {
                        AppError::Unprocessable {
                            code: "application.plan_not_approved",
                            detail: "the plan for this term is not approved".into(),
                        }
                    })?;
                let o = plan
                    .offerings
                    .iter()
                    .find(|o| o.id == b.offering_id)
                    .ok_or_else(|| {
                        AppError::field(
                            "offering_id",
                            "not_found",
                            "not an offering of the approved plan",
                        )
                    })?;
                if let Some(d) = b.service_date {
                    let term = crate::roster::store::terms::term(c, school, b.term_id)?;
                    if !crate::plans::calendar::runs_on(&term, &o.weekdays, d) {
                        return Err(AppError::Unprocessable {
                            code: "application.no_session_that_day",
                            detail: format!("{} does not run on {d}", o.name),
                        });
                    }
                }
                let now = Instant(Utc::now());
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
                        service_requests::requested_by_kind.eq(if who == Reviewer::Guardian {
                            "guardian"
                        } else {
                            "staff"
                        }),
                        service_requests::requested_by_id.eq(scope.caller.id),
                        service_requests::version.eq(1),
                        service_requests::created_at.eq(now),
                        service_requests::updated_at.eq(now),
                    ))
                    .returning(service_requests::id)
                    .get_result(c)?;
                let r = load(c, school, id)?;
                audit::Event::in_school(school, "service_request.create")
                    .on("service_request", id)
                    .after(&r)
                    .record(c, &scope.actor())?;
                Ok(r)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(req))
}

/// Filters of the request list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequestQuery {
    /// Only requests in this status.
    pub status: Option<String>,
    /// Only requests of this term.
    pub term_id: Option<i64>,
}

/// Requests the caller may see (a guardian: their children's; a homeroom teacher: their
/// classes'), in id order.
#[utoipa::path(tag = "service_requests", params(SchoolPath, RequestQuery, PageQuery), responses((status = 200, description = "Requests", body = Page<ServiceRequest>), ReadErrors), security(("bearer" = [])))]
#[get("/service-requests")]
pub async fn list_requests(
    scope: SchoolScope,
    query: web::Query<RequestQuery>,
    page_q: web::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<ServiceRequest>>> {
    let (limit, after) = (page_q.limit()?, page_q.after()?);
    let school = scope.school();
    let q = query.into_inner();
    let rows = db
        .run(move |c| {
            let (student_ids, homeroom_ids) = match crate::roster::relation::reach_of(c, &scope)? {
                crate::roster::relation::Reach::All => (None, None),
                crate::roster::relation::Reach::Students(s) => (Some(s), None),
                crate::roster::relation::Reach::Homerooms(h) => (None, Some(h)),
            };
            let f = RequestFilter {
                student_ids,
                homeroom_ids,
                status: q.status,
                term_id: q.term_id,
            };
            page(c, school, &f, after, limit)
        })
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |r| r.id)))
}

/// Approve or reject a request (school admins).
#[utoipa::path(tag = "service_requests", params(SchoolItemPath), request_body = RequestReview, responses((status = 200, description = "Reviewed", body = ServiceRequest), WriteErrors), security(("bearer" = [])))]
#[post("/service-requests/{id}/review")]
pub async fn review_request(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    body: web::Json<RequestReview>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ServiceRequest>> {
    body.validate()?;
    if !scope
        .roles
        .iter()
        .any(|r| matches!(r, Role::SchoolAdmin | Role::DistrictAdmin))
    {
        return Err(AppError::forbidden("school admins review requests"));
    }
    let (school, id, b) = (scope.school(), path.1, body.into_inner());
    let r = db
        .run(move |c| {
            tx(c, |c| {
                let to = if b.approve { "approved" } else { "rejected" };
                let n = diesel::update(
                    service_requests::table
                        .filter(service_requests::school_id.eq(school))
                        .filter(service_requests::id.eq(id))
                        .filter(service_requests::status.eq("submitted")),
                )
                .set((
                    service_requests::status.eq(to),
                    service_requests::review_comment.eq(&b.comment),
                    service_requests::reviewed_by.eq(scope.caller.id),
                    service_requests::version.eq(service_requests::version + 1),
                    service_requests::updated_at.eq(Instant(Utc::now())),
                ))
                .execute(c)?;
                let r = load(c, school, id)?;
                if n == 0 {
                    return Err(AppError::Conflict {
                        code: "service_request.already_reviewed",
                        detail: format!("the request is {}", r.status),
                    });
                }
                audit::Event::in_school(school, format!("service_request.{to}"))
                    .on("service_request", id)
                    .after(&r)
                    .record(c, &scope.actor())?;
                Ok(r)
            })
        })
        .await?;
    Ok(web::Json(r))
}
