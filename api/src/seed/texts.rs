//! The texts seeder: the term's notice to families (致家长的一封信) and the agreement
//! (课后服务委托协议书), published; receipts of the notice for a share of the families,
//! recorded on paper by the office or read in the portal.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use crate::audit::Actor;
use crate::auth::SchoolId;
use crate::db::schema::students;
use crate::db::{bulk, DbConn};
use crate::error::AppError;
use crate::texts::store::versions::{create_text, publish_text};
use crate::texts::types::{NewPlanText, PlanText};

const NOTICE: &str = "各位家长：\n\n为切实解决家长按时接送孩子的困难，根据区教育局关于做好中小学课后服务工作的要求，本学期学校继续开展课后服务，坚持“家长自愿、学校组织、免费为主”的原则。\n\n一、服务时间：周一至周五下午放学后至17:30（基础托管）；周一至周四17:30至18:30（延时服务，名额有限）。\n二、服务内容：以学生自主作业、阅读为主，辅以社团活动，不进行集体补课、不讲授新课。\n三、报名方式：请于报名截止前通过家长端或向班主任提交纸质回执。\n四、安全管理：学生离校须由家长或登记的接送人接走，请及时更新接送人信息。\n\n示范区实验小学\n";

const AGREEMENT: &str = "课后服务委托协议书\n\n甲方（学校）：示范区实验小学\n乙方（家长）：学生监护人\n\n一、学校职责：按公示方案提供课后服务，安排教师看护，做好安全管理，发现异常及时联系家长。\n二、家长职责：如实填报学生信息和接送人；按时接孩子离校，因故不能按时接送须提前告知班主任；教育孩子遵守纪律。\n三、学生职责：遵守课后服务纪律，不擅自离开服务场所。\n四、本协议自家长确认之日起生效，至本学期课后服务结束时终止；家长可随时申请退出。\n";

/// Publishes the notice and the agreement; returns (notice, agreement).
pub fn texts(
    c: &mut DbConn,
    school: SchoolId,
    term: i64,
    now: DateTime<Utc>,
) -> Result<(PlanText, PlanText), AppError> {
    let office = Actor::system();
    let mut publish = |kind: &str, title: &str, body: &str| {
        let t = create_text(
            c,
            school,
            &NewPlanText {
                term_id: term,
                kind: kind.into(),
                title: title.into(),
                body: body.into(),
                template_id: None,
            },
            &office,
            now - Duration::days(21),
        )?;
        publish_text(c, school, t.id, &office, now - Duration::days(20))
    };
    let notice = publish("notice", "致家长的一封信", NOTICE)?;
    let agreement = publish("agreement", "课后服务委托协议书", AGREEMENT)?;
    Ok((notice, agreement))
}

/// Records the notice as received for a `share` of the school's students, spread over the
/// classes (each has families still to reach).
pub fn receipts(
    c: &mut DbConn,
    school: SchoolId,
    notice: i64,
    share: f64,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let ids: Vec<i64> = students::table
        .filter(students::school_id.eq(school))
        .order(students::id)
        .select(students::id)
        .load(c)?;
    let rows: Vec<String> = ids
        .iter()
        .enumerate()
        .filter(|(k, _)| super::spread(*k) < share)
        .map(|(k, id)| {
            let channel = if k % 3 == 0 { "paper" } else { "portal" };
            let at = bulk::instant(now - Duration::days(19) + Duration::minutes(k as i64 * 7));
            format!("({school}, {notice}, {id}, '{channel}', 'system', NULL, {at})")
        })
        .collect();
    bulk::insert(
        c,
        "notice_receipts",
        "school_id, text_id, student_id, channel, recorded_by_kind, recorded_by_id, at",
        &rows,
    )?;
    Ok(rows.len())
}
