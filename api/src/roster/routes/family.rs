//! `/me/children`: a guardian's own children (the portal and parent apps start here).

use actix_web::{get, web};

use crate::auth::{Caller, CallerKind};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::http::docs::ReadErrors;
use crate::http::page::Items;
use crate::roster::store::family::{self, Child};

/// The caller's own children (guardians only).
#[utoipa::path(tag = "auth", responses((status = 200, description = "Children", body = Items<Child>), ReadErrors), security(("bearer" = [])))]
#[get("/me/children")]
pub async fn my_children(caller: Caller, db: web::Data<Db>) -> AppResult<web::Json<Items<Child>>> {
    if caller.kind != CallerKind::Guardian {
        return Err(AppError::forbidden("only guardians have children here"));
    }
    let user = caller.id;
    let items = db
        .run(move |c| family::children_of_account(c, user))
        .await?;
    Ok(web::Json(Items { items }))
}
