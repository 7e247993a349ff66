//! Fixing a plan before and after the district's decision: a draft is edited (its window,
//! exemptions and offerings replaced) or deleted; an approved plan's application window is
//! extended or closed early as a recorded change. Each is guarded by the plan's status and
//! version and audited.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::SchoolId;
use crate::db::schema::{offerings, service_plans};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::plans::error::PlanError;
use crate::plans::model::check_plan;
use crate::plans::store::{insert_offerings, plan, school_bounds};
use crate::plans::types::{NewServicePlan, ServicePlan, WindowEdit};
use crate::plans::window::{self, Change};

/// How far in the past a new closing time may lie (a clock a little behind the server's).
const CLOSE_SLACK: Duration = Duration::minutes(5);

fn in_status(p: &ServicePlan, status: &'static str) -> Result<(), AppError> {
    if p.status != status {
        return Err(PlanError::WrongStatus {
            status: p.status.clone(),
            from: status,
        }
        .into());
    }
    Ok(())
}

/// Bumps the version of a plan still at `version`, or answers 412.
fn bump(
    c: &mut DbConn,
    school: SchoolId,
    id: i64,
    version: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let n = diesel::update(
        service_plans::table
            .filter(service_plans::school_id.eq(school))
            .filter(service_plans::id.eq(id))
            .filter(service_plans::version.eq(version)),
    )
    .set((
        service_plans::version.eq(version + 1),
        service_plans::updated_at.eq(Instant(now)),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(AppError::Stale);
    }
    Ok(())
}

/// Replaces a draft's window, exemption categories and offerings (the term stays).
pub fn edit_draft(
    c: &mut DbConn,
    school: SchoolId,
    id: i64,
    version: i64,
    p: &NewServicePlan,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<ServicePlan, AppError> {
    let before = plan(c, school, id)?;
    in_status(&before, "draft")?;
    if p.term_id != before.term_id {
        return Err(AppError::field(
            "term_id",
            "immutable",
            "a plan version stays in its term; draft a new version for another term",
        ));
    }
    check_plan(p, &school_bounds(c, school)?)?;
    bump(c, school, id, version, now)?;
    diesel::update(
        service_plans::table
            .filter(service_plans::school_id.eq(school))
            .filter(service_plans::id.eq(id)),
    )
    .set((
        service_plans::window_opens_at.eq(Instant(p.window_opens_at)),
        service_plans::window_closes_at.eq(Instant(p.window_closes_at)),
        service_plans::exemption_categories.eq(p.exemption_categories.join(",")),
    ))
    .execute(c)?;
    // A draft holds no applications (families apply to approved plans only), so its
    // offerings can be replaced outright.
    diesel::delete(
        offerings::table
            .filter(offerings::school_id.eq(school))
            .filter(offerings::plan_id.eq(id)),
    )
    .execute(c)?;
    insert_offerings(c, school, id, &p.offerings)?;
    let after = plan(c, school, id)?;
    audit::Event::in_school(school, "service_plan.update")
        .on("service_plan", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}

/// Deletes a draft with its offerings.
pub fn delete_draft(
    c: &mut DbConn,
    school: SchoolId,
    id: i64,
    version: i64,
    actor: &Actor,
) -> Result<(), AppError> {
    let before = plan(c, school, id)?;
    in_status(&before, "draft")?;
    if before.version != version {
        return Err(AppError::Stale);
    }
    diesel::delete(
        offerings::table
            .filter(offerings::school_id.eq(school))
            .filter(offerings::plan_id.eq(id)),
    )
    .execute(c)?;
    let n = diesel::delete(
        service_plans::table
            .filter(service_plans::school_id.eq(school))
            .filter(service_plans::id.eq(id))
            .filter(service_plans::status.eq("draft")),
    )
    .execute(c)?;
    if n == 0 {
        return Err(PlanError::NotFound.into());
    }
    audit::Event::in_school(school, "service_plan.delete")
        .on("service_plan", id)
        .before(&before)
        .record(c, actor)?;
    Ok(())
}

/// Moves an approved plan's application window: extends it, or closes it early (a closing
/// time of now). Recorded with the reason, for the district.
pub fn change_window(
    c: &mut DbConn,
    school: SchoolId,
    id: i64,
    version: i64,
    edit: &WindowEdit,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<ServicePlan, AppError> {
    let before = plan(c, school, id)?;
    in_status(&before, "approved")?;
    if before.version != version {
        return Err(AppError::Stale);
    }
    let opens = edit.window_opens_at.unwrap_or(before.window_opens_at);
    let closes = edit.window_closes_at;
    if closes < now - CLOSE_SLACK {
        return Err(AppError::field(
            "window_closes_at",
            "in_past",
            "the window cannot close in the past; send the current time to close it now",
        ));
    }
    if closes <= opens {
        return Err(AppError::field(
            "window_closes_at",
            "before_opening",
            "the window must close after it opens",
        ));
    }
    if (opens, closes) == (before.window_opens_at, before.window_closes_at) {
        return Err(AppError::field(
            "window_closes_at",
            "unchanged",
            "this is the window the plan has",
        ));
    }
    bump(c, school, id, version, now)?;
    diesel::update(
        service_plans::table
            .filter(service_plans::school_id.eq(school))
            .filter(service_plans::id.eq(id)),
    )
    .set((
        service_plans::window_opens_at.eq(Instant(opens)),
        service_plans::window_closes_at.eq(Instant(closes)),
    ))
    .execute(c)?;
    let change = Change {
        from: (before.window_opens_at, before.window_closes_at),
        to: (opens, closes),
        reason: edit.reason.trim(),
        by: actor.user_id(),
        at: now,
    };
    window::record(c, school, id, &change)?;
    let after = plan(c, school, id)?;
    let news = crate::notifications::PlanNews::WindowChanged;
    crate::notifications::store::for_plan(c, school, id, after.version_no, news, now)?;
    audit::Event::in_school(school, "service_plan.window")
        .on("service_plan", id)
        .before(&before)
        .after(&after)
        .record(c, actor)?;
    Ok(after)
}
