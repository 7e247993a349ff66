//! Informed families (知晓率100%，不漏一人): each family's receipt of the notice, and the
//! report per homeroom of who has not received it yet.

use std::collections::{HashMap, HashSet};

use actix_web::{get, post, web, HttpResponse};
use chrono::Utc;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::audit;
use crate::auth::SchoolId;
use crate::auth::{CallerKind, Permission, Role, SchoolScope};
use crate::db::schema::{homerooms, notice_receipts, student_guardians, students};
use crate::db::types::Instant;
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, SchoolPath, TermPath, WriteErrors};
use crate::http::page::{Page, PageQuery};
use crate::texts::versions::{current, text};

/// A family's receipt of the notice.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct NewNoticeReceipt {
    /// The published notice.
    pub text_id: i64,
    pub student_id: i64,
}

/// The API-client scope that records notice receipts (a parent app's own channel).
pub const NOTICES_RECORD: &str = "notices:record";

/// Record that a family received the notice: a guardian reading it in the portal or an
/// app, or the homeroom teacher for a paper copy. Repeats are harmless.
#[utoipa::path(tag = "texts", params(SchoolPath), request_body = NewNoticeReceipt, responses((status = 201, description = "Recorded"), WriteErrors), security(("bearer" = [])))]
#[post("/notice-receipts")]
pub async fn record_receipt(
    scope: SchoolScope,
    body: web::Json<NewNoticeReceipt>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    let (school, actor, b) = (scope.school(), scope.actor(), body.into_inner());
    let caller = scope.caller.clone();
    let school_admin = scope.roles.contains(&Role::SchoolAdmin);
    let teacher = scope.roles.contains(&Role::HomeroomTeacher);
    db.run(move |c| {
        tx(c, |c| {
            let t = text(c, school, b.text_id).map_err(|_| AppError::field("text_id", "not_found", "no such text"))?;
            if t.kind != "notice" || t.published_at.is_none() {
                return Err(AppError::field("text_id", "not_a_notice", "the text must be a published notice"));
            }
            let student = crate::roster::store::students::get(c, school, b.student_id)?;
            let channel = match caller.kind {
                CallerKind::Guardian => {
                    crate::roster::store::relations::require_guardian_of(c, school, caller.id, b.student_id)?;
                    caller.channel()
                }
                // A machine client records receipts only with the scope for it.
                CallerKind::Client if caller.scopes.iter().any(|s| s == NOTICES_RECORD) => {
                    format!("api_client:{}", caller.id)
                }
                CallerKind::Client => {
                    return Err(AppError::forbidden(format!(
                        "recording notice receipts needs the {NOTICES_RECORD} scope"
                    )))
                }
                CallerKind::Staff if school_admin => "paper".to_owned(),
                // A homeroom teacher records the paper receipts of their own classes.
                CallerKind::Staff if teacher => {
                    let led = crate::roster::store::relations::homerooms_led_by(c, school, caller.id)?;
                    if !led.contains(&student.homeroom_id) {
                        return Err(AppError::forbidden(
                            "a homeroom teacher records receipts for their own classes",
                        ));
                    }
                    "paper".to_owned()
                }
                CallerKind::Staff => return Err(AppError::forbidden("homeroom teachers and school admins record paper receipts")),
            };
            let exists: i64 = notice_receipts::table
                .filter(notice_receipts::text_id.eq(b.text_id))
                .filter(notice_receipts::student_id.eq(b.student_id))
                .count()
                .get_result(c)?;
            if exists == 0 {
                diesel::insert_into(notice_receipts::table)
                    .values((
                        notice_receipts::school_id.eq(school),
                        notice_receipts::text_id.eq(b.text_id),
                        notice_receipts::student_id.eq(b.student_id),
                        notice_receipts::channel.eq(&channel),
                        notice_receipts::recorded_by_kind.eq(&actor.kind),
                        notice_receipts::recorded_by_id.eq(actor.id),
                        notice_receipts::at.eq(Instant(Utc::now())),
                    ))
                    .execute(c)?;
                let after = serde_json::json!({"text_id": b.text_id, "student_id": b.student_id, "channel": channel});
                audit::Event::in_school(school, "notice.received").on("student", b.student_id).after_json(Some(after.to_string())).record(c, &actor)?;
            }
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::Created().finish())
}

/// How many families of a homeroom have received the notice.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HomeroomInformed {
    pub homeroom_id: i64,
    pub homeroom_name: String,
    pub students: i64,
    /// Families with a child in this homeroom (siblings in one class count once).
    pub families: i64,
    /// Of those, the families that received the notice (for any of their children).
    pub informed: i64,
    /// The students whose families have not received it yet (不漏一人).
    pub not_informed: Vec<NotInformed>,
}

/// A student whose family has not received the notice.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NotInformed {
    pub student_id: i64,
    pub name: String,
}

/// 知晓率: informed ÷ families, per homeroom and for the school. A family is the children
/// who share a guardian (siblings count once); it is informed when the notice reached it
/// for any of its children.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InformedReport {
    pub text_id: Option<i64>,
    pub students: i64,
    pub families: i64,
    pub informed: i64,
    /// informed ÷ families, 0–1 (1 when there are no families).
    pub rate: f64,
    pub homerooms: Vec<HomeroomInformed>,
}

/// The informed-families report for the term's current notice.
#[utoipa::path(tag = "texts", params(TermPath), responses((status = 200, description = "The report", body = InformedReport), ReadErrors), security(("bearer" = [])))]
#[get("/terms/{term_id}/informed-report")]
pub async fn informed_report(
    scope: SchoolScope,
    path: web::Path<TermPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<InformedReport>> {
    scope.require(Permission::RosterRead)?;
    let (school, term) = (scope.school(), path.term_id);
    let report = db
        .run(move |c| {
            crate::roster::store::terms::term(c, school, term)?;
            let notice = current(c, school, term, "notice")?;
            let informed_ids: HashSet<i64> = match &notice {
                Some(t) => notice_receipts::table
                    .filter(notice_receipts::text_id.eq(t.id))
                    .select(notice_receipts::student_id)
                    .load::<i64>(c)?
                    .into_iter()
                    .collect(),
                None => Default::default(),
            };
            let rows: Vec<(i64, String, i64, String)> = students::table
                .inner_join(homerooms::table)
                .filter(students::school_id.eq(school))
                .select((students::id, students::name, homerooms::id, homerooms::name))
                .order((homerooms::grade, homerooms::id, students::id))
                .load(c)?;
            let links: Vec<(i64, i64)> = student_guardians::table
                .filter(student_guardians::school_id.eq(school))
                .select((
                    student_guardians::student_id,
                    student_guardians::guardian_id,
                ))
                .load(c)?;
            let family = family_of(rows.iter().map(|r| r.0), &links);
            let informed_families: HashSet<i64> = informed_ids
                .iter()
                .filter_map(|s| family.get(s).copied())
                .collect();
            let mut out: Vec<HomeroomInformed> = Vec::new();
            let mut seen: HashSet<i64> = HashSet::new();
            for (sid, name, hid, hname) in rows {
                if out.last().is_none_or(|h| h.homeroom_id != hid) {
                    out.push(HomeroomInformed {
                        homeroom_id: hid,
                        homeroom_name: hname,
                        students: 0,
                        families: 0,
                        informed: 0,
                        not_informed: vec![],
                    });
                    seen.clear();
                }
                let h = out.last_mut().expect("pushed above");
                let f = family[&sid];
                h.students += 1;
                let fresh = seen.insert(f);
                let knows = informed_families.contains(&f);
                if fresh {
                    h.families += 1;
                    h.informed += i64::from(knows);
                }
                if !knows {
                    h.not_informed.push(NotInformed {
                        student_id: sid,
                        name,
                    });
                }
            }
            let all: HashSet<i64> = family.values().copied().collect();
            let families = all.len() as i64;
            let informed = all.intersection(&informed_families).count() as i64;
            let rate = if families == 0 {
                1.0
            } else {
                informed as f64 / families as f64
            };
            Ok(InformedReport {
                text_id: notice.map(|t| t.id),
                students: family.len() as i64,
                families,
                informed,
                rate,
                homerooms: out,
            })
        })
        .await?;
    Ok(web::Json(report))
}

/// A recorded receipt.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NoticeReceipt {
    pub text_id: i64,
    pub student_id: i64,
    /// portal, paper or api_client:<id>.
    pub channel: String,
    pub at: chrono::DateTime<Utc>,
}

/// `?student_id=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReceiptQuery {
    /// The student whose family's receipts to list.
    pub student_id: i64,
}

/// One page of a student's receipts in the order recorded: `limit + 1` after `after`,
/// each with its id.
pub fn receipts_page(
    c: &mut crate::db::DbConn,
    school: SchoolId,
    student: i64,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, NoticeReceipt)>, AppError> {
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
    Ok(q.load::<(i64, i64, i64, String, Instant)>(c)?
        .into_iter()
        .map(|r| {
            (
                r.0,
                NoticeReceipt {
                    text_id: r.1,
                    student_id: r.2,
                    channel: r.3,
                    at: r.4 .0,
                },
            )
        })
        .collect())
}

/// The notice receipts of one student's family in the order recorded (a guardian: their
/// own child only).
#[utoipa::path(tag = "texts", params(SchoolPath, ReceiptQuery, PageQuery), responses((status = 200, description = "Receipts", body = Page<NoticeReceipt>), ReadErrors), security(("bearer" = [])))]
#[get("/notice-receipts")]
pub async fn list_receipts(
    scope: SchoolScope,
    query: web::Query<ReceiptQuery>,
    page: web::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<NoticeReceipt>>> {
    let (limit, after) = (page.limit()?, page.after()?);
    let (school, student) = (scope.school(), query.student_id);
    let rows = db
        .run(move |c| {
            match scope.caller.kind {
                CallerKind::Guardian => crate::roster::store::relations::require_guardian_of(
                    c,
                    school,
                    scope.caller.id,
                    student,
                )?,
                _ => scope.require(Permission::RosterRead)?,
            }
            receipts_page(c, school, student, after, limit)
        })
        .await?;
    let page = Page::from_rows(rows, limit, |r| r.0);
    Ok(web::Json(Page {
        items: page.items.into_iter().map(|r| r.1).collect(),
        next_cursor: page.next_cursor,
    }))
}

/// (families, informed families) of the school for a notice (none: nobody is informed).
pub(crate) fn family_counts(
    c: &mut crate::db::DbConn,
    school: SchoolId,
    notice: Option<i64>,
) -> Result<(i64, i64), AppError> {
    let ids: Vec<i64> = students::table
        .filter(students::school_id.eq(school))
        .select(students::id)
        .load(c)?;
    let links: Vec<(i64, i64)> = student_guardians::table
        .filter(student_guardians::school_id.eq(school))
        .select((
            student_guardians::student_id,
            student_guardians::guardian_id,
        ))
        .load(c)?;
    let received: Vec<i64> = match notice {
        Some(t) => notice_receipts::table
            .filter(notice_receipts::text_id.eq(t))
            .select(notice_receipts::student_id)
            .load(c)?,
        None => Vec::new(),
    };
    let family = family_of(ids, &links);
    let all: HashSet<i64> = family.values().copied().collect();
    let informed: HashSet<i64> = received
        .iter()
        .filter_map(|s| family.get(s).copied())
        .collect();
    Ok((all.len() as i64, informed.len() as i64))
}

/// Groups students into families: children linked through a shared guardian, directly or
/// through a chain (union–find). Maps each student to its family's smallest student id.
pub fn family_of(
    students: impl IntoIterator<Item = i64>,
    links: &[(i64, i64)],
) -> HashMap<i64, i64> {
    fn root(parent: &mut HashMap<i64, i64>, x: i64) -> i64 {
        let mut r = x;
        while parent[&r] != r {
            r = parent[&r];
        }
        let mut y = x;
        while parent[&y] != r {
            let next = parent[&y];
            parent.insert(y, r);
            y = next;
        }
        r
    }
    let mut parent: HashMap<i64, i64> = students.into_iter().map(|s| (s, s)).collect();
    let mut first_child: HashMap<i64, i64> = HashMap::new();
    for &(student, guardian) in links {
        if !parent.contains_key(&student) {
            continue;
        }
        match first_child.get(&guardian) {
            None => {
                first_child.insert(guardian, student);
            }
            Some(&other) => {
                let (a, b) = (root(&mut parent, student), root(&mut parent, other));
                if a != b {
                    parent.insert(a.max(b), a.min(b));
                }
            }
        }
    }
    let ids: Vec<i64> = parent.keys().copied().collect();
    ids.into_iter().map(|s| (s, root(&mut parent, s))).collect()
}

#[cfg(test)]
mod tests {
    use super::family_of;

    #[test]
    fn siblings_sharing_a_guardian_are_one_family() {
        // 1 and 2 share guardian 10; 2 and 3 share guardian 11 (a chain); 4 has none.
        let f = family_of(
            [1, 2, 3, 4, 5],
            &[(1, 10), (2, 10), (2, 11), (3, 11), (5, 12)],
        );
        assert_eq!((f[&1], f[&2], f[&3]), (1, 1, 1));
        assert_eq!(f[&4], 4);
        assert_eq!(f[&5], 5);
        let families: std::collections::HashSet<i64> = f.values().copied().collect();
        assert_eq!(families.len(), 3);
    }

    #[test]
    fn links_to_students_outside_the_list_are_ignored() {
        let f = family_of([1, 2], &[(1, 10), (99, 10), (2, 11)]);
        assert_eq!((f[&1], f[&2]), (1, 2));
    }
}
