//! Request handlers: thin — authorise, validate, call the store in one transaction, answer.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use validator::Validate;

use crate::auth::{Ability, SchoolScope};
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::clock::Clock;
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath, WriteErrors};
use crate::http::idempotency::{self, IdempotencyKey};
use crate::http::page::{Page, PageQuery};
use crate::roster::relation::{reach_of, relation_to};
use crate::service_requests::model::{self, RequestFilter};
use crate::service_requests::store::{self, Requester};
use crate::service_requests::types::{
    NewServiceRequest, RequestQuery, RequestReview, ServiceRequest,
};

/// Ask for a single day's service, or for special late service. Idempotent with an
/// `Idempotency-Key` header: a retry answers the first request's result.
#[utoipa::path(tag = "service_requests", params(SchoolPath, ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe: the same key and body answer the first result")), request_body = NewServiceRequest, responses((status = 201, description = "Created", body = ServiceRequest), WriteErrors), security(("bearer" = [])))]
#[post("/service-requests")]
pub async fn create_request(
    scope: SchoolScope,
    key: IdempotencyKey,
    body: crate::http::body::Json<NewServiceRequest>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    body.validate()?;
    let b = body.into_inner();
    model::check_new(&b)?;
    let raw = serde_json::to_string(&b).unwrap_or_default();
    let (school, actor, now) = (scope.school(), scope.actor(), clock.now());
    let key = key.scoped(&scope, "create_service_request");
    let (status, json) = db
        .run(move |c| {
            tx(c, |c| {
                // Authorised first: a key is looked at only for a caller who may do this.
                let relation = relation_to(c, &scope, b.student_id)?;
                let by = Requester {
                    kind: model::requester_kind(relation)?,
                    id: scope.caller.id,
                };
                idempotency::once(c, school, key.as_deref(), &raw, |c| {
                    let req = store::create(c, school, &b, &by, now, &actor)?;
                    let json =
                        serde_json::to_string(&req).map_err(|e| AppError::Internal(e.into()))?;
                    Ok((201, json))
                })
            })
        })
        .await?;
    Ok(
        HttpResponse::build(StatusCode::from_u16(status as u16).unwrap_or(StatusCode::CREATED))
            .content_type("application/json")
            .body(json),
    )
}

/// Requests the caller may see (a guardian: their children's; a homeroom teacher: their
/// classes'), in id order.
#[utoipa::path(tag = "service_requests", params(SchoolPath, RequestQuery, PageQuery), responses((status = 200, description = "Requests", body = Page<ServiceRequest>), ReadErrors), security(("bearer" = [])))]
#[get("/service-requests")]
pub async fn list_requests(
    scope: SchoolScope,
    query: crate::http::body::Query<RequestQuery>,
    page_q: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<ServiceRequest>>> {
    let (limit, after) = (page_q.limit()?, page_q.after()?);
    let school = scope.school();
    let q = query.into_inner();
    let rows = db
        .run(move |c| {
            let f = RequestFilter::within(reach_of(c, &scope)?, q.status, q.term_id);
            store::page(c, school, &f, after, limit)
        })
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |r| r.id)))
}

/// Approve or reject a request (school admins).
#[utoipa::path(tag = "service_requests", params(SchoolItemPath), request_body = RequestReview, responses((status = 200, description = "Reviewed", body = ServiceRequest), WriteErrors), security(("bearer" = [])))]
#[post("/service-requests/{id}/review")]
pub async fn review_request(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    body: crate::http::body::Json<RequestReview>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<web::Json<ServiceRequest>> {
    body.validate()?;
    scope.require_ability(Ability::ReviewServiceRequests)?;
    let (school, id, b) = (scope.school(), path.id, body.into_inner());
    let (reviewer, actor, now) = (scope.caller.id, scope.actor(), clock.now());
    let r = db
        .run(move |c| {
            tx(c, |c| {
                store::review(c, school, id, &b, reviewer, now, &actor)
            })
        })
        .await?;
    Ok(web::Json(r))
}
