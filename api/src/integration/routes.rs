//! `/districts/{district_id}/api-clients`: district admins create, list and revoke machine clients.

use actix_web::{get, post, web, HttpResponse};
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
        .service(revoke_client);
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
    page: web::Query<PageQuery>,
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
    body: web::Json<NewApiClient>,
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
