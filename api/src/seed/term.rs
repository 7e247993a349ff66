//! The demo in the middle of its term, one seeder per capability: plans, texts (with the
//! families informed), applications in every status, clubs with waitlists, service
//! requests. The demo district gets more schools with different participation, so that the
//! district's figures and its plan review mean something. Grouping, custody and fees add
//! their seeders here as they land.

use super::*;
use crate::db::schema::terms;

/// One school's share of the scene.
struct Scene<'a> {
    code: &'a str,
    name: &'a str,
    /// `None`: the plan waits for the district's review.
    approved: bool,
    informed: f64,
    applying: f64,
    late_cap: i32,
}

const MORE_SCHOOLS: &[Scene] = &[
    Scene {
        code: "demo-second",
        name: "示范区第二小学",
        approved: true,
        informed: 0.97,
        applying: 0.9,
        late_cap: 60,
    },
    Scene {
        code: "demo-third",
        name: "示范区育才小学",
        approved: true,
        informed: 0.62,
        applying: 0.45,
        late_cap: 30,
    },
    Scene {
        code: "demo-fourth",
        name: "示范区新城小学",
        approved: false,
        informed: 0.0,
        applying: 0.0,
        late_cap: 40,
    },
];

/// Seeds the scene into a database that has the demo school (`kehou serve --demo`).
pub fn mid_term(c: &mut DbConn) -> Result<(), AppError> {
    let now = Utc::now();
    let demo_school: i64 = schools::table
        .filter(schools::code.eq("demo-primary"))
        .select(schools::id)
        .first(c)?;
    let (district, district_admin) = schools::table
        .inner_join(users::table.on(users::district_id.eq(schools::district_id.nullable())))
        .filter(schools::id.eq(demo_school))
        .filter(users::district_role.eq("district_admin"))
        .select((schools::district_id, users::id))
        .first::<(i64, i64)>(c)?;
    let demo = Scene {
        code: "demo-primary",
        name: "",
        approved: true,
        informed: 0.88,
        applying: 0.72,
        late_cap: 150,
    };
    tx(c, |c| {
        scene(
            c,
            SchoolId::of_stored_row(demo_school),
            &demo,
            district_admin,
            now,
        )
    })?;
    let mut rng = StdRng::seed_from_u64(7);
    for s in MORE_SCHOOLS {
        tx(c, |c| {
            let school = insert_school(c, district, s.name, s.code)?;
            let sizes: Vec<usize> = (0..12).map(|_| rng.gen_range(32..=40)).collect();
            fill_school(c, school, &sizes, &mut rng, None)?;
            scene(c, SchoolId::of_stored_row(school), s, district_admin, now)
        })?;
    }
    Ok(())
}

fn scene(
    c: &mut DbConn,
    school: SchoolId,
    s: &Scene,
    district_admin: i64,
    now: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    let term: i64 = terms::table
        .filter(terms::school_id.eq(school))
        .order(terms::id)
        .select(terms::id)
        .first(c)?;
    let approver = s.approved.then_some(district_admin);
    let plan = super::plans::plan(c, school, term, s.late_cap, approver, now)?;
    if !s.approved {
        return Ok(());
    }
    let (notice, agreement) = super::texts::texts(c, school, term, now)?;
    super::texts::receipts(c, school, notice.id, s.informed, now)?;
    // The office enters the paper forms: the school's first admin login, else the system.
    let office: Option<i64> = crate::db::schema::staff::table
        .filter(crate::db::schema::staff::school_id.eq(school))
        .filter(crate::db::schema::staff::roles.like("%school_admin%"))
        .filter(crate::db::schema::staff::user_id.is_not_null())
        .select(crate::db::schema::staff::user_id)
        .first::<Option<i64>>(c)
        .optional()?
        .flatten();
    let office = office.unwrap_or(district_admin);
    let seeded =
        super::applications::applications(c, school, &plan, agreement.id, office, s.applying, now)?;
    log::info!(
        "demo {}: {} applications ({} skipped by the rules)",
        s.code,
        seeded.created,
        seeded.skipped
    );
    super::requests::requests(c, school, &plan, office, s.applying, now)?;
    Ok(())
}
