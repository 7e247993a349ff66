//! Ranked club choices (社团志愿): each club checked against the student, the first choice
//! with a free seat takes the child by a guarded counter, a child waits only when every
//! choice is full, and a seat given up goes to the first on that club's waitlist.

use diesel::prelude::*;

use crate::applications::model::club_takes;
use crate::auth::SchoolId;
use crate::clubs::store::list;
use crate::db::schema::{club_choices, clubs};
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::model::Student;

/// Stores ranked club choices after checking each club fits the student.
pub fn choose(
    c: &mut DbConn,
    school_id: SchoolId,
    term_id: i64,
    app_id: i64,
    student: &Student,
    ranked: &[i64],
    hold: bool,
) -> Result<(), AppError> {
    if ranked.len() > 5 {
        return Err(AppError::field(
            "club_choices",
            "too_many",
            "at most 5 ranked choices",
        ));
    }
    let catalogue = list(c, school_id, Some(term_id))?;
    for (i, id) in ranked.iter().enumerate() {
        let field = format!("club_choices[{i}]");
        if ranked[..i].contains(id) {
            return Err(AppError::field(&field, "duplicate", "each club once"));
        }
        let club = catalogue
            .iter()
            .find(|x| x.id == *id)
            .ok_or_else(|| AppError::field(&field, "not_found", "not a club of this term"))?;
        club_takes(club, student.grade, student.homeroom_id)?;
        diesel::insert_into(club_choices::table)
            .values((
                club_choices::application_id.eq(app_id),
                club_choices::school_id.eq(school_id),
                club_choices::club_id.eq(id),
                club_choices::rank.eq(i as i32 + 1),
                club_choices::placement.eq(if hold { "not_placed" } else { "draft" }),
            ))
            .execute(c)?;
    }
    if hold {
        allocate(c, school_id, app_id, ranked)?;
    }
    Ok(())
}

/// On submitting a draft: its ranked choices are placed as a new application's would be.
pub fn hold_draft(c: &mut DbConn, school_id: SchoolId, app_id: i64) -> Result<(), AppError> {
    let mine = || {
        club_choices::table
            .filter(club_choices::school_id.eq(school_id))
            .filter(club_choices::application_id.eq(app_id))
    };
    let ranked: Vec<i64> = mine()
        .order(club_choices::rank)
        .select(club_choices::club_id)
        .load(c)?;
    diesel::update(mine())
        .set(club_choices::placement.eq("not_placed"))
        .execute(c)?;
    allocate(c, school_id, app_id, &ranked)
}

fn allocate(
    c: &mut DbConn,
    school_id: SchoolId,
    app_id: i64,
    ranked: &[i64],
) -> Result<(), AppError> {
    // The first choice with a free seat takes it (a guarded counter, never "count, then
    // insert"); when every choice is full the child waits for the first one.
    for id in ranked {
        let took = diesel::update(
            clubs::table
                .filter(clubs::school_id.eq(school_id))
                .filter(clubs::id.eq(id))
                .filter(clubs::taken.lt(clubs::capacity)),
        )
        .set(clubs::taken.eq(clubs::taken + 1))
        .execute(c)?;
        if took == 1 {
            return set_placement(c, school_id, app_id, *id, "enrolled", None);
        }
    }
    if let Some(first) = ranked.first() {
        let pos: i32 = diesel::update(
            clubs::table
                .filter(clubs::school_id.eq(school_id))
                .filter(clubs::id.eq(first)),
        )
        .set(clubs::waiting.eq(clubs::waiting + 1))
        .returning(clubs::waiting)
        .get_result(c)?;
        return set_placement(c, school_id, app_id, *first, "waiting", Some(pos));
    }
    Ok(())
}

fn set_placement(
    c: &mut DbConn,
    school_id: SchoolId,
    app_id: i64,
    club: i64,
    placement: &str,
    pos: Option<i32>,
) -> Result<(), AppError> {
    diesel::update(
        club_choices::table
            .filter(club_choices::school_id.eq(school_id))
            .filter(club_choices::application_id.eq(app_id))
            .filter(club_choices::club_id.eq(club)),
    )
    .set((
        club_choices::placement.eq(placement),
        club_choices::queue_position.eq(pos),
    ))
    .execute(c)?;
    Ok(())
}

/// Gives up an application's club seat; the first on that club's waitlist moves up.
pub fn release_clubs(c: &mut DbConn, school_id: SchoolId, app_id: i64) -> Result<(), AppError> {
    let enrolled: Option<i64> = club_choices::table
        .filter(club_choices::school_id.eq(school_id))
        .filter(club_choices::application_id.eq(app_id))
        .filter(club_choices::placement.eq("enrolled"))
        .select(club_choices::club_id)
        .first(c)
        .optional()?;
    diesel::update(
        club_choices::table
            .filter(club_choices::school_id.eq(school_id))
            .filter(club_choices::application_id.eq(app_id))
            .filter(club_choices::placement.ne("not_placed")),
    )
    .set(club_choices::placement.eq("left"))
    .execute(c)?;
    let Some(club) = enrolled else { return Ok(()) };
    let next: Option<i64> = club_choices::table
        .filter(club_choices::school_id.eq(school_id))
        .filter(club_choices::club_id.eq(club))
        .filter(club_choices::placement.eq("waiting"))
        .order(club_choices::queue_position)
        .select(club_choices::application_id)
        .first(c)
        .optional()?;
    match next {
        Some(app) => set_placement(c, school_id, app, club, "enrolled", None),
        None => {
            diesel::update(
                clubs::table
                    .filter(clubs::school_id.eq(school_id))
                    .filter(clubs::id.eq(club)),
            )
            .set(clubs::taken.eq(clubs::taken - 1))
            .execute(c)?;
            Ok(())
        }
    }
}
