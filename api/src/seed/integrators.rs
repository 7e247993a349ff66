//! The demo's integrators, so the district's 接口与推送 page is not empty after
//! `./scripts/start`: a parent app and a district data platform, and a webhook endpoint for
//! the parent app. Their secrets are random and never shown (rotate one to get it).

use chrono::Utc;
use diesel::prelude::*;

use crate::audit::Actor;
use crate::db::schema::{schools, webhook_endpoints};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::integration::store::{insert, NewClient};

/// Adds the demo's API clients and webhook endpoint to the district of the demo school (the
/// first school of a freshly seeded database).
pub fn demo_integrators(c: &mut DbConn) -> Result<(), AppError> {
    let (school, district): (i64, i64) = schools::table
        .order(schools::id)
        .select((schools::id, schools::district_id))
        .first(c)?;
    let actor = Actor {
        kind: "system".into(),
        id: None,
        request_id: "seed".into(),
    };
    let hash = crate::auth::password::hash(&crate::auth::password::random_secret(32))
        .map_err(AppError::Internal)?;
    let scopes = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let app = insert(
        c,
        district,
        &NewClient {
            name: "家校通 App（演示）",
            client_id: "kh_demo_jiaxiaotong",
            secret_hash: &hash,
            scopes: &scopes(&["guardians:sign_in", "events:read", "notices:record"]),
            school_ids: &[school],
        },
        &actor,
    )?;
    insert(
        c,
        district,
        &NewClient {
            name: "区教育数据平台（演示）",
            client_id: "kh_demo_district_platform",
            secret_hash: &hash,
            scopes: &scopes(&["roster:read", "events:read"]),
            school_ids: &[],
        },
        &actor,
    )?;
    let now = Instant(Utc::now());
    diesel::insert_into(webhook_endpoints::table)
        .values((
            webhook_endpoints::district_id.eq(district),
            webhook_endpoints::api_client_id.eq(app.id),
            webhook_endpoints::url.eq("https://hooks.jiaxiaotong.example/kehou"),
            webhook_endpoints::description.eq("家校通 报名状态推送（演示地址，不会送达）"),
            webhook_endpoints::event_types
                .eq("application.approved,application.submitted,application.withdrawn"),
            webhook_endpoints::secret.eq(crate::events::model::new_secret()),
            webhook_endpoints::disabled.eq(false),
            webhook_endpoints::version.eq(1),
            webhook_endpoints::created_at.eq(now),
            webhook_endpoints::updated_at.eq(now),
        ))
        .execute(c)?;
    Ok(())
}
