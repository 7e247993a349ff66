//! Who is told what: the recipients of each event (the child's guardians, the homeroom
//! teacher, the school's admins, the district's), written in the transaction of the change
//! that caused it; the caller's inbox; the channel worker's queue.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::{json, Value};

use crate::auth::SchoolId;
use crate::db::schema::{
    guardians, homerooms, notifications as n, offerings, schools, staff, student_guardians,
    students, users,
};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::events::types::EventType;

/// One message for one person.
struct Message {
    kind: String,
    title: String,
    body: String,
    link: String,
    data: Value,
    /// A queue's step (班级, 学校): while the person has not read the last one, a new one
    /// updates it ("共 3 份报名待班级审核") instead of adding another.
    queue: Option<&'static str>,
}

fn insert(
    c: &mut DbConn,
    school: SchoolId,
    users: &[i64],
    m: &Message,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut seen = std::collections::BTreeSet::new();
    for u in users.iter().filter(|u| seen.insert(**u)) {
        if let Some(step) = m.queue {
            if add_to_unread(c, school, *u, m, step, now)? {
                continue;
            }
        }
        diesel::insert_into(n::table)
            .values((
                n::school_id.eq(school),
                n::user_id.eq(u),
                n::kind.eq(&m.kind),
                n::data.eq(m.data.to_string()),
                n::title.eq(&m.title),
                n::body.eq(&m.body),
                n::link.eq(&m.link),
                n::created_at.eq(Instant(now)),
            ))
            .execute(c)?;
    }
    Ok(())
}

/// Counts one more waiting application into the person's unread notification of the same
/// queue, if they have one; returns whether it did.
fn add_to_unread(
    c: &mut DbConn,
    school: SchoolId,
    user: i64,
    m: &Message,
    step: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let open: Option<(i64, String)> = n::table
        .filter(n::school_id.eq(school))
        .filter(n::user_id.eq(user))
        .filter(n::kind.eq(&m.kind))
        .filter(n::read_at.is_null())
        .order(n::id.desc())
        .select((n::id, n::data))
        .first(c)
        .optional()?;
    let Some((id, data)) = open else {
        return Ok(false);
    };
    let count = serde_json::from_str::<Value>(&data)
        .ok()
        .and_then(|d| d["count"].as_i64())
        .unwrap_or(1)
        + 1;
    let mut data = m.data.clone();
    data["count"] = json!(count);
    diesel::update(n::table.filter(n::id.eq(id)))
        .set((
            n::body.eq(format!("共 {count} 份报名待{step}审核，最新：{}", m.body)),
            n::data.eq(data.to_string()),
            n::created_at.eq(Instant(now)),
        ))
        .execute(c)?;
    Ok(true)
}

/// The accounts of a student's guardians (those who activated the portal).
fn guardians_of(c: &mut DbConn, school: SchoolId, student: i64) -> Result<Vec<i64>, AppError> {
    let ids: Vec<Option<i64>> = student_guardians::table
        .inner_join(guardians::table)
        .filter(student_guardians::school_id.eq(school))
        .filter(student_guardians::student_id.eq(student))
        .select(guardians::user_id)
        .load(c)?;
    Ok(ids.into_iter().flatten().collect())
}

/// The account of the student's homeroom teacher, if the homeroom has one with a login.
fn homeroom_teacher_of(
    c: &mut DbConn,
    school: SchoolId,
    student: i64,
) -> Result<Vec<i64>, AppError> {
    let id: Option<Option<i64>> = students::table
        .inner_join(homerooms::table.on(homerooms::id.eq(students::homeroom_id)))
        .inner_join(staff::table.on(homerooms::homeroom_teacher_id.eq(staff::id.nullable())))
        .filter(students::school_id.eq(school))
        .filter(students::id.eq(student))
        .select(staff::user_id)
        .first(c)
        .optional()?;
    Ok(id.flatten().into_iter().collect())
}

/// The accounts of the school's admins.
fn school_admins(c: &mut DbConn, school: SchoolId) -> Result<Vec<i64>, AppError> {
    let rows: Vec<(Option<i64>, String)> = staff::table
        .filter(staff::school_id.eq(school))
        .select((staff::user_id, staff::roles))
        .load(c)?;
    Ok(rows
        .into_iter()
        .filter(|(_, roles)| roles.split(',').any(|r| r == "school_admin"))
        .filter_map(|(u, _)| u)
        .collect())
}

/// The accounts of the district's admins.
fn district_admins(c: &mut DbConn, school: SchoolId) -> Result<Vec<i64>, AppError> {
    let district: i64 = schools::table
        .find(school)
        .select(schools::district_id)
        .first(c)?;
    Ok(users::table
        .filter(users::district_id.eq(district))
        .filter(users::district_role.eq("district_admin"))
        .filter(users::disabled.eq(false))
        .select(users::id)
        .load(c)?)
}

fn student_label(
    c: &mut DbConn,
    school: SchoolId,
    student: i64,
) -> Result<(String, String), AppError> {
    Ok(students::table
        .inner_join(homerooms::table.on(homerooms::id.eq(students::homeroom_id)))
        .filter(students::school_id.eq(school))
        .filter(students::id.eq(student))
        .select((students::name, homerooms::name))
        .first(c)
        .optional()?
        .unwrap_or_default())
}

/// Tells the people an event concerns. Called by `events::emit`, in the change's
/// transaction.
pub fn for_event(
    c: &mut DbConn,
    school: SchoolId,
    student: Option<i64>,
    kind: EventType,
    data: &Value,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(student) = student else {
        // A notice reaches families in the portal itself, not one message per family.
        return Ok(());
    };
    let (name, homeroom) = student_label(c, school, student)?;
    let app = data["application_id"].as_i64().unwrap_or_default();
    let family_link = format!("/portal/children/{student}/applications/{app}");
    let queue = match kind {
        EventType::ApplicationSubmitted => Some("班级"),
        EventType::ApplicationClassReviewed => Some("学校"),
        _ => None,
    };
    let (title, body, users, link) = match kind {
        EventType::ApplicationSubmitted => (
            "有新的课后服务报名待审核".to_owned(),
            format!("{name}（{homeroom}）的报名已提交，请进行班级审核。"),
            homeroom_teacher_of(c, school, student)?,
            "/applications/review".to_owned(),
        ),
        EventType::ApplicationClassReviewed => (
            "报名待学校审核".to_owned(),
            format!("{name}（{homeroom}）的报名已通过班级审核，请进行学校审核。"),
            school_admins(c, school)?,
            "/applications/review".to_owned(),
        ),
        EventType::ApplicationReturned => (
            "报名被退回修改".to_owned(),
            format!("{name}的课后服务报名被退回，请按审核意见修改后重新提交。"),
            guardians_of(c, school, student)?,
            family_link,
        ),
        EventType::ApplicationApproved => (
            "报名已通过".to_owned(),
            format!("{name}的课后服务报名已通过学校审核。"),
            guardians_of(c, school, student)?,
            family_link,
        ),
        EventType::ApplicationRejected => (
            "报名未通过".to_owned(),
            format!("{name}的课后服务报名未通过审核，请查看原因。"),
            guardians_of(c, school, student)?,
            family_link,
        ),
        EventType::ApplicationQueueMoved => {
            let offering: String = offerings::table
                .filter(offerings::school_id.eq(school))
                .filter(offerings::id.eq(data["offering_id"].as_i64().unwrap_or_default()))
                .select(offerings::name)
                .first(c)
                .optional()?
                .unwrap_or_default();
            (
                "候补已有名额".to_owned(),
                format!("{name}在「{offering}」的候补中排到了名额。"),
                guardians_of(c, school, student)?,
                family_link,
            )
        }
        EventType::ApplicationWithdrawn | EventType::NoticePublished => return Ok(()),
    };
    let m = Message {
        kind: kind.as_str().to_owned(),
        title,
        body,
        link,
        data: data.clone(),
        queue,
    };
    insert(c, school, &users, &m, now)
}

/// What happened to a plan, for the notifications it causes.
#[derive(Debug, Clone, Copy)]
pub enum PlanNews {
    /// Submitted: the district's admins are told.
    Submitted,
    /// Approved or rejected: the school's admins are told.
    Approved,
    Rejected,
    /// The application window moved: the district's admins are told.
    WindowChanged,
}

/// Tells the people a plan's step concerns, in the step's transaction.
pub fn for_plan(
    c: &mut DbConn,
    school: SchoolId,
    plan: i64,
    version_no: i32,
    news: PlanNews,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let school_name: String = schools::table.find(school).select(schools::name).first(c)?;
    let (kind, title, body, users, link) = match news {
        PlanNews::Submitted => (
            "service_plan.submitted",
            "有服务方案待审批".to_owned(),
            format!("{school_name}提交了第 {version_no} 版课后服务方案，请审批。"),
            district_admins(c, school)?,
            "/applications/plan-approvals",
        ),
        PlanNews::Approved => (
            "service_plan.approved",
            "服务方案已批准".to_owned(),
            format!("区县教育局已批准第 {version_no} 版课后服务方案，家长可以报名了。"),
            school_admins(c, school)?,
            "/applications/plans",
        ),
        PlanNews::Rejected => (
            "service_plan.rejected",
            "服务方案被退回".to_owned(),
            format!("区县教育局退回了第 {version_no} 版课后服务方案，请查看意见后修改。"),
            school_admins(c, school)?,
            "/applications/plans",
        ),
        PlanNews::WindowChanged => (
            "service_plan.window",
            "报名时间已调整".to_owned(),
            format!("{school_name}调整了第 {version_no} 版方案的报名时间。"),
            district_admins(c, school)?,
            "/applications/plan-approvals",
        ),
    };
    let m = Message {
        kind: kind.to_owned(),
        title,
        body,
        link: link.to_owned(),
        data: json!({"school_id": school, "plan_id": plan, "version_no": version_no}),
        queue: None,
    };
    insert(c, school, &users, &m, now)
}
