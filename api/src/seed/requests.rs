//! The service-requests seeder: day registrations (临时托管 for a child not enrolled, on a
//! coming school day) and a special late request (特殊延时申请), some already reviewed.

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};
use diesel::prelude::*;

use crate::audit::Actor;
use crate::auth::SchoolId;
use crate::db::schema::students;
use crate::db::DbConn;
use crate::error::AppError;
use crate::plans::types::ServicePlan;
use crate::service_requests::store::{create, review, Requester};
use crate::service_requests::types::{NewServiceRequest, RequestReview};

const DAY_REASONS: &[&str] = &[
    "家长临时加班，当天无法按时接孩子",
    "奶奶住院，家里无人照看",
    "家长出差，委托托管一天",
    "下午家长长会冲突，需临时托管",
];

/// Adds the requests; returns how many were made.
pub fn requests(
    c: &mut DbConn,
    school: SchoolId,
    plan: &ServicePlan,
    office: i64,
    applying: f64,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    // Children the applications seeder left out, from the first classes on (the demo's
    // homeroom teacher leads the first one).
    let kids: Vec<i64> = students::table
        .filter(students::school_id.eq(school))
        .order(students::id)
        .select(students::id)
        .load::<i64>(c)?
        .into_iter()
        .enumerate()
        .filter(|(k, _)| super::spread(*k) >= applying)
        .map(|(_, id)| id)
        .take(8)
        .collect();
    let actor = Actor::user(office, "");
    let by = Requester {
        kind: "staff",
        id: office,
    };
    let basic = plan.offerings[0].id;
    let mut days = (1..30)
        .map(|d| (now + Duration::days(d)).date_naive())
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun));
    let mut made = 0;
    for (k, student) in kids.iter().enumerate().take(DAY_REASONS.len()) {
        let Some(day) = days.next() else { break };
        let b = NewServiceRequest {
            term_id: plan.term_id,
            student_id: *student,
            kind: "day_registration".into(),
            offering_id: basic,
            service_date: Some(day),
            until_time: None,
            reason: DAY_REASONS[k].into(),
        };
        let outcome = c.transaction(|c| {
            let r = create(
                c,
                school,
                &b,
                &by,
                now - Duration::hours(30 - k as i64),
                &actor,
            )?;
            if k < 2 {
                let ok = RequestReview {
                    approve: true,
                    comment: Some("已安排到一年级托管教室".into()),
                };
                review(
                    c,
                    school,
                    r.id,
                    &ok,
                    office,
                    now - Duration::hours(20),
                    &actor,
                )?;
            }
            Ok::<_, AppError>(())
        });
        made += usize::from(outcome.is_ok());
    }
    if let (Some(late), Some(student)) = (plan.offerings.get(1), kids.last()) {
        let b = NewServiceRequest {
            term_id: plan.term_id,
            student_id: *student,
            kind: "special_late".into(),
            offering_id: late.id,
            service_date: None,
            until_time: Some("19:00".into()),
            reason: "家长在医院值夜班，本月每周二需延时至19:00，由外婆来接".into(),
        };
        let outcome =
            c.transaction(|c| create(c, school, &b, &by, now - Duration::hours(6), &actor));
        made += usize::from(outcome.is_ok());
    }
    Ok(made)
}
