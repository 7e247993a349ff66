//! `/districts/{district_id}/api-clients`: district admins create, list and revoke machine clients.

use actix_web::{get, post, web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use validator::Validate;

use super::store::{self, ApiClient};
use super::SCOPES;
use crate::audit::Actor;
use crate::auth::{password, Caller};
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, WriteErrors};
use crate::http::page::{Page, PageQuery};

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_clients)
        .service(create_client)
        .service(revoke_client);
}

/// `{district_id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DistrictPath {
    /// The district.
    pub district_id: i64,
}

/// `{district_id}` and `{id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ClientPath {
    /// The district.
    pub district_id: i64,
    /// The client.
    pub id: i64,
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

fn district_admin(caller: &Caller, district_id: i64) -> Result<(), AppError> {
    if caller.district_admin && caller.district_id == Some(district_id) {
        Ok(())
    } else {
        Err(AppError::NotFound("district"))
    }
}

/// The district's machine clients, in id order.
#[utoipa::path(tag = "integration", params(DistrictPath, PageQuery), responses((status = 200, description = "Clients", body = Page<ApiClient>), ReadErrors), security(("bearer" = [])))]
#[get("/districts/{district_id}/api-clients")]
pub async fn list_clients(
    caller: Caller,
    path: web::Path<DistrictPath>,
    page: web::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<ApiClient>>> {
    district_admin(&caller, path.district_id)?;
    let (limit, after) = (page.limit()?, page.after()?);
    let district = path.district_id;
    let rows = db
        .run(move |c| store::page(c, district, after, limit))
        .await?;
    Ok(web::Json(Page::from_rows(rows, limit, |c| c.id)))
}

/// Create a machine client. The answer carries the secret once.
#[utoipa::path(tag = "integration", params(DistrictPath), request_body = NewApiClient, responses((status = 201, description = "Created", body = CreatedApiClient), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/api-clients")]
pub async fn create_client(
    caller: Caller,
    path: web::Path<DistrictPath>,
    body: web::Json<NewApiClient>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    district_admin(&caller, path.district_id)?;
    body.validate()?;
    if let Some(i) = body
        .scopes
        .iter()
        .position(|s| !SCOPES.contains(&s.as_str()))
    {
        return Err(AppError::field(
            &format!("scopes[{i}]"),
            "unknown",
            format!("known scopes: {}", SCOPES.join(", ")),
        ));
    }
    let secret = password::random_secret(32);
    let hash = password::hash(&secret)?;
    let client_id = format!("kh_{}", password::random_secret(12));
    let (district, actor, body) = (path.district_id, Actor::of(&caller), body.into_inner());
    let client = db
        .run(move |c| {
            tx(c, |c| {
                store::insert(
                    c,
                    district,
                    &body.name,
                    &client_id,
                    &hash,
                    &body.scopes,
                    &body.school_ids,
                    &actor,
                )
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(CreatedApiClient {
        client,
        client_secret: secret,
    }))
}

/// Revoke a machine client: no new tokens are issued to it.
#[utoipa::path(tag = "integration", params(ClientPath), responses((status = 200, description = "Revoked", body = ApiClient), WriteErrors), security(("bearer" = [])))]
#[post("/districts/{district_id}/api-clients/{id}/revoke")]
pub async fn revoke_client(
    caller: Caller,
    path: web::Path<ClientPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<ApiClient>> {
    district_admin(&caller, path.district_id)?;
    let (district, id, actor) = (path.district_id, path.id, Actor::of(&caller));
    Ok(web::Json(
        db.run(move |c| tx(c, |c| store::revoke(c, district, id, &actor)))
            .await?,
    ))
}
