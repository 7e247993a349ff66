//! The facts of a school's statistics and its approved list, for one term of the school
//! (another school's term answers 404).

use diesel::prelude::*;

use crate::auth::SchoolId;
use crate::db::schema::{
    application_offerings, applications, club_choices, clubs, homerooms, offerings, students,
};
use crate::db::DbConn;
use crate::error::AppError;
use crate::reports::clubs::{Chosen, ClubSeats};
use crate::reports::model::{Applied, Placed, Pupil, Serves, StatsFacts};
use crate::reports::workbook::ApprovedLine;
use crate::roster::model::{flags_from_text, StudentFlag};

#[derive(Queryable)]
struct PupilRow {
    id: i64,
    grade: i32,
    homeroom: String,
    flags: String,
}

#[derive(Queryable)]
struct AppliedRow {
    student_id: i64,
    status: String,
    reject_reason: Option<String>,
}

#[derive(Queryable)]
struct PlacedRow {
    kind: String,
    placement: String,
    status: String,
    student_id: i64,
}

#[derive(Queryable)]
struct ApprovedRow {
    homeroom: String,
    student_no: String,
    name: String,
    offering: String,
    placement: String,
}

/// What the statistics of the term are counted from: the approved plan's offerings, the
/// roster, the applications and their placements, and who received the current notice.
pub fn stats_facts(c: &mut DbConn, school: SchoolId, term: i64) -> Result<StatsFacts, AppError> {
    crate::roster::store::terms::term(c, school, term)?;
    let plan = crate::plans::store::approved_plan(c, school, term)?;
    let offerings = plan.map(|p| {
        p.offerings
            .into_iter()
            .map(|o| Serves {
                kind: o.kind,
                grades: o.grades,
                boarders_excluded: o.boarders_excluded,
            })
            .collect()
    });
    let pupils = students::table
        .inner_join(homerooms::table)
        .filter(students::school_id.eq(school))
        .select((
            students::id,
            students::grade,
            homerooms::name,
            students::flags,
        ))
        .load::<PupilRow>(c)?
        .into_iter()
        .map(|r| Pupil {
            id: r.id,
            grade: r.grade,
            homeroom: r.homeroom,
            boarder: flags_from_text(&r.flags).contains(&StudentFlag::Boarder),
        })
        .collect();
    let applications = applications::table
        .filter(applications::school_id.eq(school))
        .filter(applications::term_id.eq(term))
        .select((
            applications::student_id,
            applications::status,
            applications::reject_reason,
        ))
        .load::<AppliedRow>(c)?
        .into_iter()
        .map(|r| Applied {
            student_id: r.student_id,
            status: r.status,
            reject_reason: r.reject_reason,
        })
        .collect();
    let placements = application_offerings::table
        .inner_join(offerings::table)
        .inner_join(applications::table)
        .filter(application_offerings::school_id.eq(school))
        .filter(applications::term_id.eq(term))
        .select((
            offerings::kind,
            application_offerings::placement,
            applications::status,
            applications::student_id,
        ))
        .load::<PlacedRow>(c)?
        .into_iter()
        .map(|r| Placed {
            kind: r.kind,
            placement: r.placement,
            status: r.status,
            student_id: r.student_id,
        })
        .collect();
    let clubs = clubs::table
        .filter(clubs::school_id.eq(school))
        .filter(clubs::term_id.eq(term))
        .order(clubs::id)
        .select((clubs::id, clubs::name, clubs::capacity))
        .load::<(i64, String, i32)>(c)?
        .into_iter()
        .map(|(id, name, capacity)| ClubSeats { id, name, capacity })
        .collect();
    let club_choices = club_choices::table
        .inner_join(applications::table)
        .filter(club_choices::school_id.eq(school))
        .filter(applications::term_id.eq(term))
        .select((
            club_choices::club_id,
            club_choices::rank,
            club_choices::placement,
            applications::status,
        ))
        .load::<(i64, i32, String, String)>(c)?
        .into_iter()
        .map(|(club_id, rank, placement, status)| Chosen {
            club_id,
            rank,
            placement,
            status,
        })
        .collect();
    let notice = crate::texts::store::versions::current(c, school, term, "notice")?;
    let (families, informed) =
        crate::texts::store::receipts::family_counts(c, school, notice.map(|t| t.id))?;
    Ok(StatsFacts {
        offerings,
        pupils,
        applications,
        placements,
        clubs,
        club_choices,
        families,
        informed,
    })
}

/// The approved applications of the term, a line per offering, by grade, homeroom and
/// student number.
pub fn approved_lines(
    c: &mut DbConn,
    school: SchoolId,
    term: i64,
) -> Result<Vec<ApprovedLine>, AppError> {
    crate::roster::store::terms::term(c, school, term)?;
    Ok(applications::table
        .inner_join(students::table.inner_join(homerooms::table))
        .inner_join(application_offerings::table.inner_join(offerings::table))
        .filter(applications::school_id.eq(school))
        .filter(applications::term_id.eq(term))
        .filter(applications::status.eq("approved"))
        .select((
            homerooms::name,
            students::student_no,
            students::name,
            offerings::name,
            application_offerings::placement,
        ))
        .order((
            homerooms::grade,
            homerooms::name,
            students::student_no,
            offerings::id,
        ))
        .load::<ApprovedRow>(c)?
        .into_iter()
        .map(|r| ApprovedLine {
            homeroom: r.homeroom,
            student_no: r.student_no,
            name: r.name,
            offering: r.offering,
            placement: r.placement,
        })
        .collect())
}
