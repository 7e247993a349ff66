//! `/districts/{district_id}/webhooks`: district admins register endpoints for their API
//! clients, read the delivery log, replay a delivery and rotate a signing secret.

use actix_web::{get, patch, post, web, HttpResponse};
use validator::Validate;

use crate::auth::DistrictScope;
use crate::config::Config;
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::events::model::{check_url, new_secret, UrlRefusal};
use crate::events::store::{deliveries, endpoints};
use crate::events::types::{
    NewWebhookEndpoint, WebhookDelivery, WebhookEndpoint, WebhookEndpointEdit, WebhookSecret,
    WebhookSecretRotation,
};
use crate::http::clock::Clock;
use crate::http::docs::{DistrictItemPath, DistrictPath, ReadErrors, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::http::precondition::IfMatch;

/// The path of one delivery.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DeliveryPath {
    /// The district.
    pub district_id: i64,
    /// The endpoint.
    pub id: i64,
    /// The delivery.
    pub delivery_id: i64,
}

fn url_ok(url: &str, config: &Config) -> Result<(), AppError> {
    check_url(url, config.webhooks.allow_insecure)
        .map(|_| ())
        .map_err(|why| {
            let (code, msg) = match why {
                UrlRefusal::Malformed => ("format", "not a URL"),
                UrlRefusal::NotHttps => ("not_https", "webhook URLs must be https://"),
                UrlRefusal::Internal => (
                    "internal_address",
                    "a webhook may not point at an internal address",
                ),
                UrlRefusal::Credentials => {
                    ("credentials", "put no user name or password in the URL")
                }
            };
            AppError::field("url", code, msg)
        })
}

/// The district's webhook endpoints, in id order.
#[utoipa::path(tag = "events", params(DistrictPath, PageQuery), responses((status = 200, description = "Endpoints", body = Page<WebhookEndpoint>), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/webhooks")]
pub async fn list_endpoints(
    scope: DistrictScope,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<WebhookEndpoint>>> {
    scope.require_admin()?;
    let (limit, after, district) = (page.limit()?, page.after()?, scope.district());
    let rows = db
        .run(move |c| endpoints::page(c, district, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |e| e.id)))
}

/// Register a webhook endpoint for one of the district's API clients (with `events:read`).
/// The answer carries the signing secret once. Deliveries follow the client's reach.
#[utoipa::path(tag = "events", params(DistrictPath), request_body = NewWebhookEndpoint, responses((status = 201, description = "Registered, with its secret", body = WebhookSecret), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/webhooks")]
pub async fn create_endpoint(
    scope: DistrictScope,
    body: crate::http::body::Json<NewWebhookEndpoint>,
    db: web::Data<Db>,
    config: web::Data<Config>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    scope.require_admin()?;
    body.validate()?;
    url_ok(&body.url, &config)?;
    let (district, actor, b, now) = (
        scope.district(),
        scope.actor(),
        body.into_inner(),
        clock.now(),
    );
    let secret = new_secret();
    let s = secret.clone();
    let endpoint = db
        .run(move |c| tx(c, |c| endpoints::insert(c, district, &b, &s, &actor, now)))
        .await?;
    Ok(HttpResponse::Created().json(WebhookSecret { endpoint, secret }))
}

/// One endpoint.
#[utoipa::path(tag = "events", params(DistrictItemPath), responses((status = 200, description = "The endpoint", body = WebhookEndpoint), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/webhooks/{id}")]
pub async fn get_endpoint(
    scope: DistrictScope,
    path: web::Path<DistrictItemPath>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require_admin()?;
    let (district, id) = (scope.district(), path.id);
    let e = db.run(move |c| endpoints::one(c, district, id)).await?;
    Ok(crate::http::precondition::with_etag(e.version, &e))
}

/// Change an endpoint (URL, types, description, disabled) with `If-Match`.
#[utoipa::path(tag = "events", params(DistrictItemPath), request_body = WebhookEndpointEdit, responses((status = 200, description = "Changed", body = WebhookEndpoint), WriteErrors), security(("bearer" = [])))]
#[patch("/districts/{district_id}/webhooks/{id}")]
pub async fn edit_endpoint(
    scope: DistrictScope,
    path: web::Path<DistrictItemPath>,
    if_match: IfMatch,
    body: crate::http::body::Json<WebhookEndpointEdit>,
    db: web::Data<Db>,
    config: web::Data<Config>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    scope.require_admin()?;
    body.validate()?;
    if let Some(u) = &body.url {
        url_ok(u, &config)?;
    }
    let version = if_match.version()?;
    let (district, id, actor, b, now) = (
        scope.district(),
        path.id,
        scope.actor(),
        body.into_inner(),
        clock.now(),
    );
    let e = db
        .run(move |c| {
            tx(c, |c| {
                endpoints::edit(c, district, id, version, &b, &actor, now)
            })
        })
        .await?;
    Ok(crate::http::precondition::with_etag(e.version, &e))
}

/// Rotate an endpoint's signing secret: the answer carries the new one once; deliveries are
/// signed with both for `overlap_seconds`.
#[utoipa::path(tag = "events", params(DistrictItemPath), request_body = WebhookSecretRotation, responses((status = 200, description = "The new secret", body = WebhookSecret), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/webhooks/{id}/rotate-secret")]
pub async fn rotate_endpoint_secret(
    scope: DistrictScope,
    path: web::Path<DistrictItemPath>,
    body: crate::http::body::Json<WebhookSecretRotation>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<web::Json<WebhookSecret>> {
    scope.require_admin()?;
    body.validate()?;
    let (district, id, actor, now) = (scope.district(), path.id, scope.actor(), clock.now());
    let until = now + chrono::Duration::seconds(body.overlap_seconds);
    let secret = new_secret();
    let s = secret.clone();
    let endpoint = db
        .run(move |c| {
            tx(c, |c| {
                endpoints::rotate(c, district, id, &s, until, &actor, now)
            })
        })
        .await?;
    Ok(web::Json(WebhookSecret { endpoint, secret }))
}

/// The endpoint's delivery log, newest first.
#[utoipa::path(tag = "events", params(DistrictItemPath, PageQuery), responses((status = 200, description = "Deliveries", body = Page<WebhookDelivery>), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/webhooks/{id}/deliveries")]
pub async fn list_deliveries(
    scope: DistrictScope,
    path: web::Path<DistrictItemPath>,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<WebhookDelivery>>> {
    scope.require_admin()?;
    let (limit, before, district, id) = (page.limit()?, page.after()?, scope.district(), path.id);
    let rows = db
        .run(move |c| deliveries::page(c, district, id, before, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |d| d.id)))
}

/// Send a delivery again now (same event, same `webhook-id`), e.g. after the receiver was
/// fixed.
#[utoipa::path(tag = "events", params(DeliveryPath), responses((status = 202, description = "Queued", body = WebhookDelivery), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/webhooks/{id}/deliveries/{delivery_id}/replay")]
pub async fn replay_delivery(
    scope: DistrictScope,
    path: web::Path<DeliveryPath>,
    db: web::Data<Db>,
    clock: Clock,
) -> AppResult<HttpResponse> {
    scope.require_admin()?;
    let (district, actor, now) = (scope.district(), scope.actor(), clock.now());
    let (endpoint, id) = (path.id, path.delivery_id);
    let d = db
        .run(move |c| {
            tx(c, |c| {
                deliveries::replay(c, district, endpoint, id, &actor, now)
            })
        })
        .await?;
    Ok(HttpResponse::Accepted().json(d))
}
