//! The demo school's club catalogue: a staff-led club, an external teacher already vetted by
//! the school admin (who, when, which checks) and one still pending, so the clubs page and its
//! vetting show something after `./scripts/start`.

use chrono::Utc;
use diesel::prelude::*;

use crate::auth::SchoolId;
use crate::db::schema::{clubs, staff, terms, users};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;

/// (name, category, grades, weekdays, capacity, staff teacher, external teacher, vetting)
type DemoClub<'a> = (
    &'a str,
    &'a str,
    (i32, i32),
    &'a str,
    i32,
    Option<i64>,
    Option<&'a str>,
    &'a str,
);

/// Adds the demo clubs to the first term of `school` (in the caller's transaction).
pub fn add(c: &mut DbConn, school: SchoolId) -> Result<(), AppError> {
    let Some(term) = terms::table
        .filter(terms::school_id.eq(school))
        .order(terms::id)
        .select(terms::id)
        .first::<i64>(c)
        .optional()?
    else {
        return Ok(());
    };
    // The staff-led club is the office's own (a staff member who leads a club cannot be
    // removed while the club names them).
    let leader: Option<i64> = staff::table
        .filter(staff::school_id.eq(school))
        .filter(staff::roles.like("%school_admin%"))
        .order(staff::id)
        .select(staff::id)
        .first(c)
        .optional()?;
    let admin: Option<i64> = staff::table
        .inner_join(users::table)
        .filter(staff::school_id.eq(school))
        .filter(staff::roles.like("%school_admin%"))
        .select(users::id)
        .first(c)
        .optional()?;
    let now = Utc::now();
    let demo: [DemoClub; 3] = [
        (
            "示范·围棋社",
            "智",
            (2, 6),
            "2,4",
            24,
            leader,
            None,
            "not_required",
        ),
        (
            "示范·葫芦丝社",
            "美",
            (3, 6),
            "3",
            20,
            None,
            Some("李老师（外聘）"),
            "approved",
        ),
        (
            "示范·足球社",
            "体",
            (1, 6),
            "1,3",
            30,
            None,
            Some("王教练（外聘）"),
            "pending",
        ),
    ];
    for (name, category, (gmin, gmax), days, cap, teacher, external, vetting) in demo {
        let vetted = vetting == "approved";
        diesel::insert_into(clubs::table)
            .values((
                clubs::school_id.eq(school),
                clubs::term_id.eq(term),
                clubs::name.eq(name),
                clubs::category.eq(category),
                clubs::description.eq("演示数据"),
                clubs::capacity.eq(cap),
                clubs::grade_min.eq(gmin),
                clubs::grade_max.eq(gmax),
                clubs::weekdays.eq(days),
                clubs::teacher_staff_id.eq(teacher),
                clubs::external_teacher.eq(external),
                clubs::vetting_status.eq(vetting),
                clubs::vetted_by.eq(if vetted { admin } else { None }),
                clubs::vetted_at.eq(vetted.then_some(Instant(now))),
                clubs::vetting_checks.eq(if vetted {
                    "no_criminal_record,qualification,health_certificate"
                } else {
                    ""
                }),
                clubs::version.eq(1),
                clubs::created_at.eq(Instant(now)),
                clubs::updated_at.eq(Instant(now)),
            ))
            .execute(c)?;
    }
    Ok(())
}
