//! Demo data: one realistic school (6 grades × 4 homerooms × ~40 students, guardians,
//! staff of every role, rooms, a term), or a whole district at scale for benchmarks.
//!
//! Rows are written with multi-row INSERTs (portable SQL, escaped literals) because
//! diesel's batch insert is not available through the two-backend connection.

use chrono::Utc;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::audit::{self, Actor};
use crate::auth::password;
use crate::auth::SchoolId;
use crate::db::schema::{districts, schools, students, users};
use crate::db::types::Instant;
use crate::db::{bulk, tx, DbConn};
use crate::error::AppError;
use crate::roster::model::homeroom_name;

/// The settings key that marks a database holding demo accounts (public passwords).
pub const DEMO_MARKER: &str = "demo_data";

/// The password of every demo login.
pub const DEMO_PASSWORD: &str = "Kehou@2026";

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
];
const GIVEN: &[&str] = &[
    "子", "涵", "浩", "宇", "欣", "怡", "梓", "轩", "雨", "萱", "一", "诺", "嘉", "怡", "思", "彤",
    "俊", "杰", "佳", "琪", "晨", "曦", "博", "文", "睿", "泽", "若", "汐", "明", "轩", "紫", "涵",
    "可", "馨", "天", "佑", "诗", "雅", "宏", "伟", "安", "然", "乐", "瑶", "书", "豪", "家", "乐",
    "心", "悦", "铭", "远", "欣", "妍", "梓", "萌", "子", "墨", "亦", "辰",
];
const RELATIONS: &[&str] = &["父亲", "母亲"];
const PICKUP_RELATIONS: &[&str] = &["祖父", "祖母", "外祖父", "外祖母"];

fn name(rng: &mut StdRng) -> String {
    let mut n = SURNAMES[rng.gen_range(0..SURNAMES.len())].to_owned();
    for _ in 0..rng.gen_range(1..=2) {
        n.push_str(GIVEN[rng.gen_range(0..GIVEN.len())]);
    }
    n
}

fn q(s: &str) -> String {
    bulk::text(s)
}

fn now_literal() -> String {
    bulk::instant(Utc::now())
}

fn bulk(c: &mut DbConn, table: &str, columns: &str, rows: &[String]) -> Result<(), AppError> {
    bulk::insert(c, table, columns, rows)
}

/// Where the `k`-th student (by id) falls in `[0, 1)`, spread evenly over the classes: a
/// seeder takes the students below its share, so the applicants (share 0.72) are always
/// among the informed families (0.88) and every class has some of each.
pub(crate) fn spread(k: usize) -> f64 {
    ((k * 7919) % 1000) as f64 / 1000.0
}

/// Whether the database has no district yet.
pub fn is_empty(c: &mut DbConn) -> anyhow::Result<bool> {
    Ok(districts::table.count().get_result::<i64>(c)? == 0)
}

pub(crate) fn insert_district(c: &mut DbConn, name: &str, code: &str) -> Result<i64, AppError> {
    Ok(diesel::insert_into(districts::table)
        .values((
            districts::name.eq(name),
            districts::code.eq(code),
            districts::created_at.eq(Instant(Utc::now())),
        ))
        .returning(districts::id)
        .get_result(c)?)
}

fn insert_school(c: &mut DbConn, district: i64, name: &str, code: &str) -> Result<i64, AppError> {
    let now = Instant(Utc::now());
    Ok(diesel::insert_into(schools::table)
        .values((
            schools::district_id.eq(district),
            schools::name.eq(name),
            schools::code.eq(code),
            schools::time_zone.eq("Asia/Shanghai"),
            schools::version.eq(1),
            schools::created_at.eq(now),
            schools::updated_at.eq(now),
        ))
        .returning(schools::id)
        .get_result(c)?)
}

pub(crate) fn insert_user(
    c: &mut DbConn,
    username: &str,
    display: &str,
    hash: &str,
    district: Option<i64>,
    district_role: Option<&str>,
) -> Result<i64, AppError> {
    let now = Instant(Utc::now());
    Ok(diesel::insert_into(users::table)
        .values((
            users::kind.eq("staff"),
            users::username.eq(username),
            users::password_hash.eq(Some(hash)),
            users::display_name.eq(display),
            users::district_id.eq(district),
            users::district_role.eq(district_role),
            users::failed_logins.eq(0),
            users::disabled.eq(false),
            users::created_at.eq(now),
            users::updated_at.eq(now),
        ))
        .returning(users::id)
        .get_result(c)?)
}

/// Fills one school: term, rooms, homerooms, students with guardians and pickup persons.
/// `staff_logins` adds a login per role (username = role name) for the demo school.
fn fill_school(
    c: &mut DbConn,
    school: i64,
    per_homeroom: &[usize],
    rng: &mut StdRng,
    staff_logins: Option<(&str, &str)>,
) -> Result<(), AppError> {
    let now = now_literal();
    c.batch_execute(&format!(
        "INSERT INTO terms (school_id, name, start_date, end_date, holidays, makeup_workdays, makeup_timetable, version, created_at, updated_at) VALUES \
         ({school}, '2026 秋季学期', '2026-09-01', '2027-01-22', {}, {}, {}, 1, {now}, {now})",
        q(r#"["2026-10-01","2026-10-02","2026-10-05","2026-10-06","2026-10-07","2027-01-01"]"#),
        q(r#"["2026-09-27","2026-10-10"]"#),
        // Saturday 10 October runs Friday's timetable; Sunday 27 September, Monday's.
        q(r#"{"2026-10-10":5}"#)
    ))?;
    let mut rooms: Vec<String> = Vec::new();
    let homerooms_per_grade = per_homeroom.len() / 6;
    for g in 1..=6 {
        for n in 1..=homerooms_per_grade {
            rooms.push(format!(
                "({school}, {}, 45, 'indoor', 1, {now}, {now})",
                q(&format!("{g}0{n}教室"))
            ));
        }
    }
    for (n, cap, kind) in [
        ("操场", 300, "outdoor"),
        ("体育馆", 120, "indoor"),
        ("音乐教室", 45, "indoor"),
        ("美术教室", 45, "indoor"),
        ("阅览室", 60, "indoor"),
        ("科学实验室", 40, "indoor"),
        ("接待室", 20, "indoor"),
    ] {
        rooms.push(format!(
            "({school}, {}, {cap}, '{kind}', 1, {now}, {now})",
            q(n)
        ));
    }
    bulk(
        c,
        "rooms",
        "school_id, name, capacity, kind, version, created_at, updated_at",
        &rooms,
    )?;

    // Staff: a homeroom teacher per homeroom, plus one of each other role.
    let mut staff_rows = Vec::new();
    for i in 0..per_homeroom.len() {
        staff_rows.push(format!(
            "({school}, NULL, {}, {}, 'homeroom_teacher', 1, {now}, {now})",
            q(&name(rng)),
            q(&format!("139{:04}{:04}", school % 10000, i))
        ));
    }
    for (i, role) in [
        "tutor", "tutor", "tutor", "tutor", "finance", "gate", "gate",
    ]
    .iter()
    .enumerate()
    {
        staff_rows.push(format!(
            "({school}, NULL, {}, {}, '{role}', 1, {now}, {now})",
            q(&name(rng)),
            q(&format!("137{:04}{:04}", school % 10000, i))
        ));
    }
    bulk(
        c,
        "staff",
        "school_id, user_id, name, phone, roles, version, created_at, updated_at",
        &staff_rows,
    )?;
    let staff_ids: Vec<(i64, String)> = crate::db::schema::staff::table
        .filter(crate::db::schema::staff::school_id.eq(school))
        .select((
            crate::db::schema::staff::id,
            crate::db::schema::staff::roles,
        ))
        .order(crate::db::schema::staff::id)
        .load(c)?;
    if let Some((hash, prefix)) = staff_logins {
        // Logins: admin (school_admin), teacher (homeroom teacher of 一年级1班), tutor, finance, gate.
        let admin = insert_user(
            c,
            &format!("{prefix}admin"),
            "校务办 管理员",
            hash,
            None,
            None,
        )?;
        c.batch_execute(&format!(
            "INSERT INTO staff (school_id, user_id, name, phone, roles, version, created_at, updated_at) VALUES ({school}, {admin}, '周主任', '1360000{:04}', 'school_admin', 1, {now}, {now})", school % 10000
        ))?;
        let first_of = |role: &str| staff_ids.iter().find(|(_, r)| r == role).map(|(id, _)| *id);
        for (username, role) in [
            ("teacher", "homeroom_teacher"),
            ("tutor", "tutor"),
            ("finance", "finance"),
            ("gate", "gate"),
        ] {
            if let Some(staff_id) = first_of(role) {
                let user = insert_user(
                    c,
                    &format!("{prefix}{username}"),
                    username,
                    hash,
                    None,
                    None,
                )?;
                // The login shows the person's name, never the login name.
                c.batch_execute(&format!(
                    "UPDATE staff SET user_id = {user} WHERE id = {staff_id}; \
                     UPDATE users SET display_name = (SELECT name FROM staff WHERE id = {staff_id}) WHERE id = {user}"
                ))?;
            }
        }
    }

    let mut homeroom_rows = Vec::new();
    let mut i = 0;
    for g in 1..=6 {
        for n in 1..=homerooms_per_grade {
            homeroom_rows.push(format!(
                "({school}, {g}, {}, {}, 1, {now}, {now})",
                q(&homeroom_name(g, n as i32)),
                staff_ids[i].0
            ));
            i += 1;
        }
    }
    bulk(
        c,
        "homerooms",
        "school_id, grade, name, homeroom_teacher_id, version, created_at, updated_at",
        &homeroom_rows,
    )?;
    let homerooms: Vec<(i64, i32)> = crate::db::schema::homerooms::table
        .filter(crate::db::schema::homerooms::school_id.eq(school))
        .select((
            crate::db::schema::homerooms::id,
            crate::db::schema::homerooms::grade,
        ))
        .order(crate::db::schema::homerooms::id)
        .load(c)?;

    let flags = [
        "",
        "",
        "",
        "",
        "",
        "",
        "migrant",
        "left_behind",
        "hardship",
        "migrant,hardship",
        "teacher_child",
        "",
    ];
    let mut student_rows = Vec::new();
    let mut guardian_rows = Vec::new();
    let mut seq = 0usize;
    for ((homeroom, grade), count) in homerooms.iter().zip(per_homeroom) {
        for _ in 0..*count {
            seq += 1;
            let no = format!("{}{:02}{:05}", 2026 - grade + 1, school % 100, seq);
            let gender = if rng.gen_bool(0.5) { "male" } else { "female" };
            let f = flags[rng.gen_range(0..flags.len())];
            student_rows.push(format!(
                "({school}, {}, {}, '{gender}', {grade}, {homeroom}, {}, 1, {now}, {now})",
                q(&no),
                q(&name(rng)),
                q(f)
            ));
            guardian_rows.push(format!(
                "({school}, NULL, {}, {}, 1, {now}, {now})",
                q(&name(rng)),
                q(&format!("13{:03}{:06}", school % 1000, seq))
            ));
        }
    }
    bulk(c, "students", "school_id, student_no, name, gender, grade, homeroom_id, flags, version, created_at, updated_at", &student_rows)?;
    bulk(
        c,
        "guardians",
        "school_id, user_id, name, phone, version, created_at, updated_at",
        &guardian_rows,
    )?;
    let student_ids: Vec<i64> = students::table
        .filter(students::school_id.eq(school))
        .select(students::id)
        .order(students::id)
        .load(c)?;
    let guardian_ids: Vec<i64> = crate::db::schema::guardians::table
        .filter(crate::db::schema::guardians::school_id.eq(school))
        .select(crate::db::schema::guardians::id)
        .order(crate::db::schema::guardians::id)
        .load(c)?;
    let mut links = Vec::new();
    let mut pickups = Vec::new();
    for (k, (s, g)) in student_ids.iter().zip(&guardian_ids).enumerate() {
        links.push(format!("({school}, {s}, {g}, {})", q(RELATIONS[k % 2])));
        if k % 3 == 0 {
            let rel = PICKUP_RELATIONS[rng.gen_range(0..PICKUP_RELATIONS.len())];
            pickups.push(format!(
                "({school}, {s}, {}, {}, {}, 1, {now}, {now})",
                q(&name(rng)),
                q(&format!("15{:03}{:06}", school % 1000, k)),
                q(rel)
            ));
        }
    }
    bulk(
        c,
        "student_guardians",
        "school_id, student_id, guardian_id, relation",
        &links,
    )?;
    bulk(
        c,
        "pickup_persons",
        "school_id, student_id, name, phone, relation, version, created_at, updated_at",
        &pickups,
    )?;
    Ok(())
}

mod applications;
mod demo;
mod district;
mod integrators;
mod plans;
mod requests;
mod term;
mod texts;
pub use demo::{demo_school, school_with_logins, DemoNames};
pub use district::district;
pub use integrators::demo_integrators;
pub use term::mid_term;
