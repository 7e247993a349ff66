//! `GET /schools/{school_id}/audit-events`: page and filter the audit log.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::store::{self, Sight};
use super::types::{AuditEvent, AuditQuery};
use crate::auth::need_to_know::{Field, Viewer};
use crate::auth::{Permission, SchoolScope};
use crate::db::Db;
use crate::error::AppResult;
use crate::http::docs::{ReadErrors, SchoolPath};
use crate::http::page::{Page, PageQuery};

/// Registers the routes (under the school scope).
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(list_audit_events);
}

/// The school's audit log, newest first.
#[utoipa::path(tag = "audit", params(SchoolPath, AuditQuery), responses((status = 200, description = "Events", body = Page<AuditEvent>), ReadErrors), security(("bearer" = [])))]
#[get("/audit-events")]
pub async fn list_audit_events(
    scope: SchoolScope,
    query: crate::http::body::Query<AuditQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<AuditEvent>>> {
    scope.require(Permission::AuditRead)?;
    let q = query.into_inner();
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor.clone(),
    };
    let (limit, before) = (page.limit()?, page.after()?);
    // Snapshots obey the need-to-know matrix like every other read.
    let viewer = Viewer::of(&scope);
    let sight = Sight {
        contacts: viewer.sees(Field::Contacts, None),
        sensitive: viewer.sees(Field::SensitiveFlags, None),
    };
    let school = scope.school();
    let items = db
        .run(move |c| store::page(c, school, &q, before, limit, sight))
        .await?;
    Ok(web::Json(Page::from_rows(items, limit, |e| e.id)))
}
