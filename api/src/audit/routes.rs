//! `GET /schools/{school_id}/audit-events`: page and filter the audit log.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{Permission, SchoolScope};
use crate::db::schema::{audit_events, users};
use crate::db::types::Instant;
use crate::db::Db;
use crate::error::AppResult;
use crate::http::docs::{ReadErrors, SchoolPath};
use crate::http::page::{Page, PageQuery};

/// Registers the routes (under the school scope).
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(list_audit_events);
}

/// One audit event.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AuditEvent {
    pub id: i64,
    pub school_id: Option<i64>,
    /// `user`, `client` or `system`.
    pub actor_kind: String,
    pub actor_id: Option<i64>,
    /// The actor's display name (users), when the actor is a person.
    pub actor_name: Option<String>,
    /// e.g. `student.update`.
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    /// The entity before the change (JSON).
    pub before: Option<serde_json::Value>,
    /// The entity after the change (JSON).
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
    pub at: DateTime<Utc>,
}

/// Filters of the audit log.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only this entity type (e.g. `student`).
    pub entity: Option<String>,
    /// Only this entity.
    pub entity_id: Option<i64>,
    /// Only this action (e.g. `student.update`).
    pub action: Option<String>,
    /// Only this actor.
    pub actor_id: Option<i64>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

type Row = (
    i64,
    Option<i64>,
    String,
    Option<i64>,
    String,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Instant,
    Option<String>,
);

/// The school's audit log, newest first.
#[utoipa::path(tag = "audit", params(SchoolPath, AuditQuery), responses((status = 200, description = "Events", body = Page<AuditEvent>), ReadErrors), security(("bearer" = [])))]
#[get("/audit-events")]
pub async fn list_audit_events(
    scope: SchoolScope,
    query: web::Query<AuditQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<AuditEvent>>> {
    scope.require(Permission::AuditRead)?;
    let q = query.into_inner();
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor.clone(),
    };
    let (limit, before) = (page.limit()?, page.after()?);
    let school = scope.school();
    // Snapshots obey the need-to-know matrix like every other read.
    let viewer = crate::auth::need_to_know::Viewer::of(&scope);
    let contacts = viewer.sees(crate::auth::need_to_know::Field::Contacts, None);
    let sensitive = viewer.sees(crate::auth::need_to_know::Field::SensitiveFlags, None);
    let rows: Vec<Row> = db
        .run(move |c| {
            let mut s = audit_events::table
                .left_join(
                    users::table.on(users::id
                        .nullable()
                        .eq(audit_events::actor_id)
                        .and(audit_events::actor_kind.eq("user"))),
                )
                .filter(audit_events::school_id.eq(school))
                .select((
                    audit_events::id,
                    audit_events::school_id,
                    audit_events::actor_kind,
                    audit_events::actor_id,
                    audit_events::action,
                    audit_events::entity,
                    audit_events::entity_id,
                    audit_events::before_json,
                    audit_events::after_json,
                    audit_events::request_id,
                    audit_events::at,
                    users::display_name.nullable(),
                ))
                .order(audit_events::id.desc())
                .limit(limit + 1)
                .into_boxed();
            if let Some(e) = q.entity {
                s = s.filter(audit_events::entity.eq(e));
            }
            if let Some(e) = q.entity_id {
                s = s.filter(audit_events::entity_id.eq(e));
            }
            if let Some(a) = q.action {
                s = s.filter(audit_events::action.eq(a));
            }
            if let Some(a) = q.actor_id {
                s = s.filter(audit_events::actor_id.eq(a));
            }
            if let Some(b) = before {
                s = s.filter(audit_events::id.lt(b));
            }
            Ok(s.load::<Row>(c)?)
        })
        .await?;
    let parse = |s: Option<String>| {
        s.and_then(|t| serde_json::from_str(&t).ok())
            .map(|mut v: serde_json::Value| {
                crate::auth::need_to_know::redact(&mut v, contacts, sensitive);
                v
            })
    };
    let items = rows
        .into_iter()
        .map(|r| AuditEvent {
            id: r.0,
            school_id: r.1,
            actor_kind: r.2,
            actor_id: r.3,
            actor_name: r.11.map(|n| {
                if !contacts && crate::auth::need_to_know::looks_like_phone(&n) {
                    crate::auth::mask_phone(&n)
                } else {
                    n
                }
            }),
            action: r.4,
            entity: r.5,
            entity_id: r.6,
            before: parse(r.7),
            after: parse(r.8),
            request_id: r.9,
            at: r.10 .0,
        })
        .collect();
    Ok(web::Json(Page::from_rows(items, limit, |e| e.id)))
}
