//! The plans seeder: the term's service plan, approved by the district (or left submitted
//! for the district to review), with an afternoon service and a capped late extension.

use chrono::{DateTime, Duration, Utc};

use crate::audit::Actor;
use crate::auth::SchoolId;
use crate::db::DbConn;
use crate::error::AppError;
use crate::plans::model::PlanStep;
use crate::plans::store;
use crate::plans::types::{NewOffering, NewServicePlan, ServicePlan};

/// Drafts and submits the plan; `approver` (a district admin's user id) approves it.
pub fn plan(
    c: &mut DbConn,
    school: SchoolId,
    term: i64,
    late_cap: i32,
    approver: Option<i64>,
    now: DateTime<Utc>,
) -> Result<ServicePlan, AppError> {
    let offering = |kind: &str, name: &str, days: Vec<u8>, start: &str, end: &str| NewOffering {
        kind: kind.into(),
        name: name.into(),
        grades: (1..=6).collect(),
        weekdays: days,
        boarders_excluded: kind == "afternoon_basic",
        start_time: start.into(),
        end_time: end.into(),
        early_grades_start_time: (kind == "afternoon_basic").then(|| "16:20".into()),
        cap: (kind == "late_extension").then_some(late_cap),
        season_times: Vec::new(),
        segments: Vec::new(),
    };
    let p = NewServicePlan {
        term_id: term,
        window_opens_at: now - Duration::days(20),
        window_closes_at: now + Duration::days(10),
        offerings: vec![
            offering(
                "afternoon_basic",
                "课后基础托管",
                vec![1, 2, 3, 4, 5],
                "16:15",
                "17:30",
            ),
            offering(
                "late_extension",
                "延时服务",
                vec![1, 2, 3, 4],
                "17:30",
                "18:30",
            ),
        ],
        exemption_categories: ["teacher_child", "poverty_household", "hardship"]
            .map(String::from)
            .to_vec(),
    };
    let office = Actor::system();
    let drafted = store::draft_plan(c, school, &p, &office, now - Duration::days(25))?;
    let submitted = store::move_plan(
        c,
        school,
        drafted.id,
        PlanStep::Submit,
        None,
        &office,
        now - Duration::days(24),
    )?;
    let Some(district) = approver else {
        return Ok(submitted);
    };
    store::move_plan(
        c,
        school,
        drafted.id,
        PlanStep::Approve,
        Some("同意。请按方案做好家长告知和安全管理。"),
        &Actor::user(district, ""),
        now - Duration::days(21),
    )
}
