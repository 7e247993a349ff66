//! The demo school (and a second school for tests), with logins whose password is public.

use super::*;
/// The demo school: 示范区 / 实验小学, 6 grades × 4 homerooms × 38–42 students, with
/// logins admin, teacher, tutor, finance, gate, district and inspector (a read-only
/// district viewer; password [`DEMO_PASSWORD`]).
pub fn demo_school(c: &mut DbConn) -> Result<i64, AppError> {
    let school = school_with_logins(
        c,
        &DemoNames {
            district_code: "demo",
            district_name: "示范区教育局",
            school_code: "demo-primary",
            school_name: "示范区实验小学",
            login_prefix: "",
        },
    )?;
    tx(c, |c| {
        crate::demo_clubs::add(c, SchoolId::of_stored_row(school))
    })?;
    Ok(school)
}

/// Names for [`school_with_logins`].
pub struct DemoNames<'a> {
    pub district_code: &'a str,
    pub district_name: &'a str,
    pub school_code: &'a str,
    pub school_name: &'a str,
    /// Prepended to every login name (`""` → `admin`, `"s2-"` → `s2-admin`).
    pub login_prefix: &'a str,
}

/// A demo school in a (new or existing) district, with a login per role.
pub fn school_with_logins(c: &mut DbConn, names: &DemoNames) -> Result<i64, AppError> {
    let hash = password::hash(DEMO_PASSWORD)?;
    tx(c, |c| {
        let mut rng = StdRng::seed_from_u64(2026);
        let district = match districts::table
            .filter(districts::code.eq(names.district_code))
            .select(districts::id)
            .first::<i64>(c)
            .optional()?
        {
            Some(d) => d,
            None => insert_district(c, names.district_name, names.district_code)?,
        };
        let school = insert_school(c, district, names.school_name, names.school_code)?;
        let sizes: Vec<usize> = (0..24).map(|_| rng.gen_range(38..=42)).collect();
        fill_school(
            c,
            school,
            &sizes,
            &mut rng,
            Some((&hash, names.login_prefix)),
        )?;
        let district_login = format!("{}district", names.login_prefix);
        if users::table
            .filter(users::username.eq(&district_login))
            .count()
            .get_result::<i64>(c)?
            == 0
        {
            insert_user(
                c,
                &district_login,
                "区教育局 课后服务科",
                &hash,
                Some(district),
                Some("district_admin"),
            )?;
            insert_user(
                c,
                &format!("{}inspector", names.login_prefix),
                "区督导 检查组",
                &hash,
                Some(district),
                Some("district_viewer"),
            )?;
        }
        crate::auth::store::setting_or_insert(c, DEMO_MARKER, "true")?;
        audit::Event::in_school(SchoolId::of_stored_row(school), "seed.demo")
            .on("school", school)
            .record(c, &Actor::system())?;
        Ok(school)
    })
}
