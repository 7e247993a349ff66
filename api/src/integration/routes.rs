//! `/districts/{district_id}/api-clients`: district admins create, list and revoke machine clients.

use actix_web::{get, patch, post, web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use validator::Validate;

use super::store::{self, ApiClient};
use super::SCOPES;
use crate::auth::{password, DistrictScope};
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::docs::{DistrictItemPath, DistrictPath, ReadErrors, WriteErrors};
use crate::http::page::{Page, PageQuery};

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_clients)
        .service(create_client)
        .service(revoke_client)
        .service(rotate_secret)
        .service(edit_client);
}

/// A new machine client.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct NewApiClient {
    /// e.g. 区教育局数据平台, 家校通 App.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// Some of `roster:read`, `roster:write`, `roster:contacts`, `audit:read`,
    /// `guardians:sign_in` (a parent app signing guardians in).
    #[validate(length(min = 1))]
    #[schema(min_items = 1)]
    pub scopes: Vec<String>,
    /// The schools it may reach; empty: every school of the district.
    #[serde(default)]
    pub school_ids: Vec<i64>,
}

/// A client just created, with its secret — shown this once, stored only as a hash.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CreatedApiClient {
    pub client: ApiClient,
    pub client_secret: String,
}

/// The district's machine clients, in id order.
#[utoipa::path(tag = "integration", params(DistrictPath, PageQuery), responses((status = 200, description = "Clients", body = Page<ApiClient>), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/api-clients")]
pub async fn list_clients(
    scope: DistrictScope,
    page: crate::http::body::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<ApiClient>>> {
    scope.require_admin()?;
    let (limit, after) = (page.limit()?, page.after()?);
    let district = scope.district().get();
    let rows = db
        .run(move |c| store::page(c, district, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |c| c.id)))
}

/// Create a machine client. The answer carries the secret once.
#[utoipa::path(tag = "integration", params(DistrictPath), request_body = NewApiClient, responses((status = 201, description = "Created", body = CreatedApiClient), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/api-clients")]
pub async fn create_client(
    scope: DistrictScope,
    body: crate::http::body::Json<NewApiClient>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require_admin()?;
    body.validate()?;
    known_scopes(&body.scopes)?;
    let secret = password::random_secret(32);
    let hash = password::hash(&secret)?;
    let client_id = format!("kh_{}", password::random_secret(12));
    let (district, actor, b) = (scope.district().get(), scope.actor(), body.into_inner());
    let client = db
        .run(move |c| {
            let new = store::NewClient {
                name: &b.name,
                client_id: &client_id,
                secret_hash: &hash,
                scopes: &b.scopes,
                school_ids: &b.school_ids,
            };
            tx(c, |c| store::insert(c, district, &new, &actor))
        })
        .await?;
    Ok(HttpResponse::Created().json(CreatedApiClient {
        client,
        client_secret: secret,
    }))
}

/// Every scope asked for is one Kehou knows (422 naming the first unknown one).
fn known_scopes(scopes: &[String]) -> Result<(), AppError> {
    match scopes.iter().position(|s| !SCOPES.contains(&s.as_str())) {
        Some(i) => Err(AppError::field(
            &format!("scopes[{i}]"),
            "unknown",
            format!("known scopes: {}", SCOPES.join(", ")),
        )),
        None => Ok(()),
    }
}

/// Revoke a machine client: no new tokens are issued to it.
#[utoipa::path(tag = "integration", params(DistrictItemPath), responses((status = 200, description = "Revoked", body = ApiClient), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/api-clients/{id}/revoke")]
pub async fn revoke_client(
    scope: DistrictScope,
    path: web::Path<DistrictItemPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ApiClient>> {
    scope.require_admin()?;
    let (district, id, actor) = (scope.district().get(), path.id, scope.actor());
    Ok(web::Json(
        db.run(move |c| tx(c, |c| store::revoke(c, district, id, &actor)))
            .await?,
    ))
}

/// How long the previous secret keeps working after a rotation.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct SecretRotation {
    /// Seconds the previous secret still works (0: it stops at once; at most 30 days;
    /// default one day), so the app can be redeployed with the new one without downtime.
    #[validate(range(min = 0, max = 2_592_000))]
    #[schema(minimum = 0, maximum = 2_592_000, example = 86400)]
    #[serde(default = "one_day")]
    pub overlap_seconds: i64,
}

fn one_day() -> i64 {
    86_400
}

/// A client with its new secret — shown this once, stored only as a hash.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RotatedSecret {
    pub client: ApiClient,
    pub client_secret: String,
}

/// Rotate a client's secret. The new one is answered once; the old one keeps working for
/// `overlap_seconds`.
#[utoipa::path(tag = "integration", params(DistrictItemPath), request_body = SecretRotation, responses((status = 200, description = "The new secret", body = RotatedSecret), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/api-clients/{id}/rotate-secret")]
pub async fn rotate_secret(
    scope: DistrictScope,
    path: web::Path<DistrictItemPath>,
    body: crate::http::body::Json<SecretRotation>,
    db: web::Data<Db>,
) -> AppResult<web::Json<RotatedSecret>> {
    scope.require_admin()?;
    body.validate()?;
    let secret = password::random_secret(32);
    let hash = password::hash(&secret)?;
    let until = chrono::Utc::now() + chrono::Duration::seconds(body.overlap_seconds);
    let (district, id, actor) = (scope.district().get(), path.id, scope.actor());
    let client = db
        .run(move |c| {
            tx(c, |c| {
                store::rotate_secret(c, district, id, &hash, until, &actor)
            })
        })
        .await?;
    Ok(web::Json(RotatedSecret {
        client,
        client_secret: secret,
    }))
}

/// What a district admin may change on a client.
#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ClientEdit {
    /// Browser origins (scheme, host and port, e.g. `https://h5.example.cn`) allowed to
    /// call the API for this client (CORS); empty: none, the default.
    #[validate(length(max = 10))]
    #[schema(max_items = 10, example = json!(["https://h5.jiaxiaotong.example"]))]
    pub allowed_origins: Vec<String>,
}

/// An origin as browsers send it: `https://host[:port]`, or `http://localhost[:port]`.
fn origin_ok(o: &str) -> bool {
    let rest = match o.strip_prefix("https://") {
        Some(r) => r,
        None => match o.strip_prefix("http://") {
            Some(r)
                if r == "localhost"
                    || r.starts_with("localhost:")
                    || r.starts_with("127.0.0.1") =>
            {
                r
            }
            _ => return false,
        },
    };
    !rest.is_empty()
        && o.len() <= 200
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
}

/// Change a client's allowed origins (CORS for browser-based parent apps).
#[utoipa::path(tag = "integration", params(DistrictItemPath), request_body = ClientEdit, responses((status = 200, description = "Changed", body = ApiClient), WriteErrors), security(("bearer" = [])))]
#[patch("/districts/{district_id}/api-clients/{id}")]
pub async fn edit_client(
    scope: DistrictScope,
    path: web::Path<DistrictItemPath>,
    body: crate::http::body::Json<ClientEdit>,
    db: web::Data<Db>,
    origins: web::Data<crate::http::cors::Origins>,
) -> AppResult<web::Json<ApiClient>> {
    scope.require_admin()?;
    body.validate()?;
    if let Some(i) = body.allowed_origins.iter().position(|o| !origin_ok(o)) {
        return Err(AppError::field(
            &format!("allowed_origins[{i}]"),
            "format",
            "an origin is https://host[:port] (no path), or http://localhost[:port]",
        ));
    }
    let (district, id, actor) = (scope.district().get(), path.id, scope.actor());
    let list = body.into_inner().allowed_origins;
    let client = db
        .run(move |c| tx(c, |c| store::set_origins(c, district, id, &list, &actor)))
        .await?;
    origins.reload(&db).await;
    Ok(web::Json(client))
}
