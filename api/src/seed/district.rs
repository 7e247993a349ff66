//! A benchmark district: many schools of demo-shaped data, each its own transaction.

use chrono::Utc;
use rand::rngs::StdRng;
use rand::SeedableRng;

use super::{fill_school, insert_district, insert_school, insert_user, DEMO_PASSWORD};
use crate::auth::password;
use crate::db::{tx, DbConn};
use crate::error::AppError;

/// A district of `schools` schools and about `total_students` students, for benchmarks.
/// Each school is its own transaction (a long write would block every other writer).
pub fn district(c: &mut DbConn, schools: usize, total_students: usize) -> Result<i64, AppError> {
    let hash = password::hash(DEMO_PASSWORD)?;
    let code = format!("bench-{}", Utc::now().timestamp());
    let district = tx(c, |c| {
        let d = insert_district(c, "基准测试区教育局", &code)?;
        insert_user(
            c,
            &format!("district-{code}"),
            "基准区管理员",
            &hash,
            Some(d),
            Some("district_admin"),
        )?;
        Ok::<_, AppError>(d)
    })?;
    let per_school = total_students / schools.max(1);
    for s in 0..schools {
        let mut rng = StdRng::seed_from_u64(s as u64);
        let homerooms_per_grade = per_school.div_ceil(6 * 40).max(1);
        let n = homerooms_per_grade * 6;
        let extra = if s == schools - 1 {
            total_students - per_school * schools
        } else {
            0
        };
        let sizes: Vec<usize> = (0..n)
            .map(|i| (per_school + extra) / n + usize::from(i < (per_school + extra) % n))
            .collect();
        tx(c, |c| {
            let school = insert_school(
                c,
                district,
                &format!("基准第{}小学", s + 1),
                &format!("{code}-{s}"),
            )?;
            fill_school(c, school, &sizes, &mut rng, None)
        })?;
        if (s + 1) % 10 == 0 || s + 1 == schools {
            log::info!("seeded {} of {schools} schools", s + 1);
        }
    }
    Ok(district)
}
