//! Seats on offerings: a guarded counter for capped offerings (never "count, then
//! insert"), a queue with positions beyond the cap, and promotion of the first in the
//! queue when a seat is given up.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::applications::types::AppliedOffering;
use crate::auth::SchoolId;
use crate::db::schema::{application_offerings, offerings};
use crate::db::DbConn;
use crate::error::AppError;
use crate::plans::model::weekdays_to_text;
use crate::plans::types::Offering;

/// Takes a seat on a capped offering by a guarded counter, or joins its queue; a draft
/// (`hold = false`) only records the choice and holds nothing.
pub(crate) fn place(
    c: &mut DbConn,
    school_id: SchoolId,
    app_id: i64,
    o: &Offering,
    days: &[u8],
    hold: bool,
) -> Result<(), AppError> {
    let (placement, position) = if hold {
        take(c, o.id)?
    } else {
        ("draft", None)
    };
    diesel::insert_into(application_offerings::table)
        .values((
            application_offerings::application_id.eq(app_id),
            application_offerings::school_id.eq(school_id),
            application_offerings::offering_id.eq(o.id),
            application_offerings::weekdays.eq(weekdays_to_text(days)),
            application_offerings::placement.eq(placement),
            application_offerings::queue_position.eq(position),
        ))
        .execute(c)?;
    Ok(())
}

/// A seat on the offering (a guarded counter; never "count, then insert"), or the next
/// place in its queue when the cap is reached.
fn take(c: &mut DbConn, offering: i64) -> Result<(&'static str, Option<i32>), AppError> {
    let took = diesel::update(
        offerings::table.filter(offerings::id.eq(offering)).filter(
            offerings::cap
                .is_null()
                .or(offerings::taken.lt(offerings::cap.assume_not_null())),
        ),
    )
    .set(offerings::taken.eq(offerings::taken + 1))
    .execute(c)?;
    if took == 1 {
        return Ok(("enrolled", None));
    }
    let pos: i32 = diesel::update(offerings::table.filter(offerings::id.eq(offering)))
        .set(offerings::waiting.eq(offerings::waiting + 1))
        .returning(offerings::waiting)
        .get_result(c)?;
    Ok(("waiting", Some(pos)))
}

/// On submitting a draft: its recorded choices take their seats (or queue places) and its
/// clubs their places, in the order of submission, as a new application would.
pub(crate) fn hold_draft(c: &mut DbConn, school_id: SchoolId, app_id: i64) -> Result<(), AppError> {
    let mine = || {
        application_offerings::table
            .filter(application_offerings::school_id.eq(school_id))
            .filter(application_offerings::application_id.eq(app_id))
    };
    let drafted: Vec<i64> = mine()
        .filter(application_offerings::placement.eq("draft"))
        .select(application_offerings::offering_id)
        .load(c)?;
    for offering in drafted {
        let (placement, position) = take(c, offering)?;
        diesel::update(mine().filter(application_offerings::offering_id.eq(offering)))
            .set((
                application_offerings::placement.eq(placement),
                application_offerings::queue_position.eq(position),
            ))
            .execute(c)?;
    }
    super::club_choices::hold_draft(c, school_id, app_id)
}

/// Gives up the application's seats; the first in each queue moves up into a freed seat.
pub(crate) fn release(
    c: &mut DbConn,
    school_id: SchoolId,
    app_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    super::club_choices::release_clubs(c, school_id, app_id)?;
    let held: Vec<i64> = application_offerings::table
        .filter(application_offerings::application_id.eq(app_id))
        .select(application_offerings::offering_id)
        .load(c)?;
    for offering in held {
        release_one(c, school_id, app_id, offering, now)?;
    }
    Ok(())
}

/// Gives up one offering's seat (or queue place); the first waiting moves up.
///
/// Both steps are guarded updates, so concurrent releases cannot free one seat twice nor
/// promote one child twice: only the release that moves *this* row out of `enrolled` frees
/// a seat, and a promotion counts only if it moved its row out of `waiting` (otherwise the
/// next in the queue is tried).
pub(crate) fn release_one(
    c: &mut DbConn,
    school_id: SchoolId,
    app_id: i64,
    offering: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mine = || {
        application_offerings::table
            .filter(application_offerings::school_id.eq(school_id))
            .filter(application_offerings::application_id.eq(app_id))
            .filter(application_offerings::offering_id.eq(offering))
    };
    let freed = diesel::update(mine().filter(application_offerings::placement.eq("enrolled")))
        .set(application_offerings::placement.eq("left"))
        .execute(c)?;
    if freed == 0 {
        diesel::update(mine().filter(application_offerings::placement.ne("left")))
            .set(application_offerings::placement.eq("left"))
            .execute(c)?;
        return Ok(());
    }
    for _ in 0..50 {
        let next: Option<i64> = application_offerings::table
            .filter(application_offerings::school_id.eq(school_id))
            .filter(application_offerings::offering_id.eq(offering))
            .filter(application_offerings::placement.eq("waiting"))
            .order(application_offerings::queue_position)
            .select(application_offerings::application_id)
            .first(c)
            .optional()?;
        let Some(app) = next else {
            diesel::update(
                offerings::table
                    .filter(offerings::school_id.eq(school_id))
                    .filter(offerings::id.eq(offering)),
            )
            .set(offerings::taken.eq(offerings::taken - 1))
            .execute(c)?;
            return Ok(());
        };
        let promoted = diesel::update(
            application_offerings::table
                .filter(application_offerings::school_id.eq(school_id))
                .filter(application_offerings::application_id.eq(app))
                .filter(application_offerings::offering_id.eq(offering))
                .filter(application_offerings::placement.eq("waiting")),
        )
        .set(application_offerings::placement.eq("enrolled"))
        .execute(c)?;
        if promoted == 1 {
            return queue_moved(c, school_id, app, offering, now);
        }
    }
    Err(AppError::Unavailable(
        "the queue is changing too fast; retry".into(),
    ))
}

/// Reports that a queue place moved up into a seat.
fn queue_moved(
    c: &mut DbConn,
    school_id: SchoolId,
    app: i64,
    offering: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let student: i64 = crate::db::schema::applications::table
        .filter(crate::db::schema::applications::school_id.eq(school_id))
        .filter(crate::db::schema::applications::id.eq(app))
        .select(crate::db::schema::applications::student_id)
        .first(c)?;
    let data = serde_json::json!({
        "school_id": school_id, "student_id": student, "application_id": app,
        "offering_id": offering, "placement": "enrolled",
    });
    crate::events::emit(
        c,
        school_id,
        Some(student),
        crate::events::EventType::ApplicationQueueMoved,
        data,
        now,
    )
    .map(|_| ())
}

/// Replaces an application's offerings: kept offerings keep their seat or queue place (only
/// the weekdays change); dropped ones give it up to the queue; new ones take a seat or join
/// the queue (a draft's, `hold = false`, only record the choice).
pub(crate) fn replace(
    c: &mut DbConn,
    school_id: SchoolId,
    app_id: i64,
    current: &[AppliedOffering],
    chosen: &[(Offering, Vec<u8>)],
    hold: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mine = |offering: i64| {
        application_offerings::table
            .filter(application_offerings::application_id.eq(app_id))
            .filter(application_offerings::offering_id.eq(offering))
    };
    let live = |offering: i64| {
        current
            .iter()
            .any(|x| x.offering_id == offering && x.placement.holds())
    };
    for old in current.iter().filter(|o| o.placement.holds()) {
        if !chosen.iter().any(|(o, _)| o.id == old.offering_id) {
            release_one(c, school_id, app_id, old.offering_id, now)?;
            diesel::delete(mine(old.offering_id)).execute(c)?;
        }
    }
    for (o, days) in chosen {
        if live(o.id) {
            diesel::update(mine(o.id))
                .set(application_offerings::weekdays.eq(weekdays_to_text(days)))
                .execute(c)?;
        } else {
            diesel::delete(mine(o.id)).execute(c)?;
            place(c, school_id, app_id, o, days, hold)?;
        }
    }
    Ok(())
}
