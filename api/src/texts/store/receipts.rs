//! Notice receipts (which family received the notice, through which channel) and the facts
//! of the informed report: the school's students by homeroom and its guardian links.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::audit::{self, Actor};
use crate::auth::{Caller, Role, SchoolId};
use crate::db::schema::{homerooms, notice_receipts, student_guardians, students};
use crate::db::types::Instant;
use crate::db::DbConn;
use crate::error::AppError;
use crate::roster::store::relations::{homerooms_led_by, require_guardian_of};
use crate::texts::model::{self, check_notice, recorder, teacher_may_record, Pupil, Recorder};
use crate::texts::store::versions::{current, text};
use crate::texts::types::{InformedReport, NewNoticeReceipt, NoticeReceipt};

/// Records that the student's family received the notice, once (repeats are harmless);
/// audited. Who may record it, and through which channel, follows [`recorder`].
pub fn record_receipt(
    c: &mut DbConn,
    school: SchoolId,
    b: &NewNoticeReceipt,
    caller: &Caller,
    roles: &[Role],
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let t = text(c, school, b.text_id)
        .map_err(|_| AppError::field("text_id", "not_found", "no such text"))?;
    check_notice(&t)?;
    let student = crate::roster::store::students::get(c, school, b.student_id)?;
    let channel = match recorder(caller.kind, &caller.scopes, roles)? {
        Recorder::Guardian => {
            require_guardian_of(c, school, caller.id, b.student_id)?;
            caller.channel()
        }
        Recorder::Client => format!("api_client:{}", caller.id),
        Recorder::SchoolAdmin => "paper".to_owned(),
        Recorder::HomeroomTeacher => {
            teacher_may_record(
                &homerooms_led_by(c, school, caller.id)?,
                student.homeroom_id,
            )?;
            "paper".to_owned()
        }
    };
    let exists: i64 = notice_receipts::table
        .filter(notice_receipts::school_id.eq(school))
        .filter(notice_receipts::text_id.eq(b.text_id))
        .filter(notice_receipts::student_id.eq(b.student_id))
        .count()
        .get_result(c)?;
    if exists > 0 {
        return Ok(());
    }
    diesel::insert_into(notice_receipts::table)
        .values((
            notice_receipts::school_id.eq(school),
            notice_receipts::text_id.eq(b.text_id),
            notice_receipts::student_id.eq(b.student_id),
            notice_receipts::channel.eq(&channel),
            notice_receipts::recorded_by_kind.eq(&actor.kind),
            notice_receipts::recorded_by_id.eq(actor.id),
            notice_receipts::at.eq(Instant(now)),
        ))
        .execute(c)?;
    let after =
        serde_json::json!({"text_id": b.text_id, "student_id": b.student_id, "channel": channel});
    audit::Event::in_school(school, "notice.received")
        .on("student", b.student_id)
        .after_json(Some(after.to_string()))
        .record(c, actor)
}

/// A receipt as stored.
#[derive(Queryable)]
struct ReceiptRow {
    id: i64,
    text_id: i64,
    student_id: i64,
    channel: String,
    at: Instant,
}

/// One page of a student's receipts in the order recorded: `limit + 1` after `after`,
/// each with its id. A guardian (`guardian`: their user id) reads their own child's only.
pub fn receipts_page(
    c: &mut DbConn,
    school: SchoolId,
    guardian: Option<i64>,
    student: i64,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, NoticeReceipt)>, AppError> {
    if let Some(user) = guardian {
        require_guardian_of(c, school, user, student)?;
    }
    let mut q = notice_receipts::table
        .filter(notice_receipts::school_id.eq(school))
        .filter(notice_receipts::student_id.eq(student))
        .select((
            notice_receipts::id,
            notice_receipts::text_id,
            notice_receipts::student_id,
            notice_receipts::channel,
            notice_receipts::at,
        ))
        .order(notice_receipts::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(a) = after {
        q = q.filter(notice_receipts::id.gt(a));
    }
    Ok(q.load::<ReceiptRow>(c)?
        .into_iter()
        .map(|r| {
            (
                r.id,
                NoticeReceipt {
                    text_id: r.text_id,
                    student_id: r.student_id,
                    channel: r.channel,
                    at: r.at.0,
                },
            )
        })
        .collect())
}

/// A guardian link as stored.
#[derive(Queryable)]
struct LinkRow {
    student_id: i64,
    guardian_id: i64,
}

/// The school's guardian links, `(student, guardian)`.
fn links(c: &mut DbConn, school: SchoolId) -> Result<Vec<(i64, i64)>, AppError> {
    Ok(student_guardians::table
        .filter(student_guardians::school_id.eq(school))
        .select((
            student_guardians::student_id,
            student_guardians::guardian_id,
        ))
        .load::<LinkRow>(c)?
        .into_iter()
        .map(|l| (l.student_id, l.guardian_id))
        .collect())
}

/// The students whose family received the notice (none without a notice).
fn received(c: &mut DbConn, school: SchoolId, notice: Option<i64>) -> Result<Vec<i64>, AppError> {
    match notice {
        Some(t) => Ok(notice_receipts::table
            .filter(notice_receipts::school_id.eq(school))
            .filter(notice_receipts::text_id.eq(t))
            .select(notice_receipts::student_id)
            .load(c)?),
        None => Ok(Vec::new()),
    }
}

/// (families, informed families) of the school for a notice (none: nobody is informed).
pub(crate) fn family_counts(
    c: &mut DbConn,
    school: SchoolId,
    notice: Option<i64>,
) -> Result<(i64, i64), AppError> {
    let ids: Vec<i64> = students::table
        .filter(students::school_id.eq(school))
        .select(students::id)
        .load(c)?;
    let links = links(c, school)?;
    let received = received(c, school, notice)?;
    Ok(model::count_families(ids, &links, &received))
}

/// A student in their homeroom as stored.
#[derive(Queryable)]
struct PupilRow {
    student_id: i64,
    name: String,
    homeroom_id: i64,
    homeroom_name: String,
}

/// The informed-families report for the term's current notice.
pub fn informed_report(
    c: &mut DbConn,
    school: SchoolId,
    term: i64,
) -> Result<InformedReport, AppError> {
    crate::roster::store::terms::term(c, school, term)?;
    let notice = current(c, school, term, "notice")?.map(|t| t.id);
    let received: HashSet<i64> = received(c, school, notice)?.into_iter().collect();
    let pupils: Vec<Pupil> = students::table
        .inner_join(homerooms::table)
        .filter(students::school_id.eq(school))
        .filter(homerooms::school_id.eq(school))
        .select((students::id, students::name, homerooms::id, homerooms::name))
        .order((homerooms::grade, homerooms::id, students::id))
        .load::<PupilRow>(c)?
        .into_iter()
        .map(|r| Pupil {
            student_id: r.student_id,
            name: r.name,
            homeroom_id: r.homeroom_id,
            homeroom_name: r.homeroom_name,
        })
        .collect();
    let links = links(c, school)?;
    Ok(model::informed_report(notice, pupils, &links, &received))
}
