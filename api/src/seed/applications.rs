//! The applications seeder: a share of the school's students applied (entered by the
//! office from the paper forms, through the same rules as the API: seats, club places,
//! the agreement's evidence), then moved by the reviews into every status the office
//! meets mid-term: submitted, class-approved, approved, returned with a comment, rejected
//! with a reason, withdrawn; late extensions past the cap wait in its queue and clubs fill
//! up with waitlists.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use crate::applications::model::{Action, LeaveMode, RejectReason};
use crate::applications::store::create::{create, Who};
use crate::applications::store::transition::{act, Step};
use crate::applications::types::{ExemptionClaim, NewApplication, OfferingChoice};
use crate::audit::Actor;
use crate::auth::SchoolId;
use crate::db::schema::{clubs, homerooms, staff, students};
use crate::db::DbConn;
use crate::error::AppError;
use crate::plans::types::ServicePlan;
use crate::roster::relation::Relation;

/// How many applications ended in each status.
#[derive(Debug, Default)]
pub struct Seeded {
    pub created: usize,
    pub skipped: usize,
}

/// The review path of the `k`-th application: the actions taken, with a comment.
fn path(k: usize) -> &'static [(Action, Option<&'static str>)] {
    use Action as A;
    match k % 20 {
        0..=9 => &[(A::ClassApprove, None), (A::SchoolApprove, None)],
        10..=12 => &[(A::ClassApprove, Some("信息齐全，同意"))],
        13..=15 => &[],
        16 => &[
            (A::ClassApprove, None),
            (
                A::SchoolReturn,
                Some("请补充接送人信息（姓名、电话、关系）后重新提交"),
            ),
        ],
        17 => &[(
            A::SchoolReject,
            Some("该生为住校生，晚间由宿舍统一管理，无需参加课后托管"),
        )],
        18 => &[(A::Withdraw, Some("家长电话告知：外婆每天接，不参加了"))],
        _ => &[(A::ClassApprove, None), (A::SchoolApprove, None)],
    }
}

/// Applies for the first `share` of the school's students and reviews them.
pub fn applications(
    c: &mut DbConn,
    school: SchoolId,
    plan: &ServicePlan,
    agreement: i64,
    office: i64,
    share: f64,
    now: DateTime<Utc>,
) -> Result<Seeded, AppError> {
    let kids: Vec<(i64, i32, Option<i64>)> = students::table
        .inner_join(homerooms::table)
        .left_join(staff::table.on(staff::id.nullable().eq(homerooms::homeroom_teacher_id)))
        .filter(students::school_id.eq(school))
        .order(students::id)
        .select((students::id, students::grade, staff::user_id.nullable()))
        .load(c)?;
    let open_clubs: Vec<(i64, i32, i32)> = clubs::table
        .filter(clubs::school_id.eq(school))
        .filter(clubs::term_id.eq(plan.term_id))
        .filter(clubs::vetting_status.ne("pending"))
        .order(clubs::id)
        .select((clubs::id, clubs::grade_min, clubs::grade_max))
        .load(c)?;
    let (basic, late) = (plan.offerings[0].id, plan.offerings.get(1).map(|o| o.id));
    let who = Who {
        actor: Actor::user(office, ""),
        kind: "staff".into(),
        id: office,
        channel: "spa".into(),
    };
    let mut out = Seeded::default();
    for (k, (student, grade, teacher)) in kids.into_iter().enumerate() {
        if super::spread(k) >= share {
            continue;
        }
        let mut offerings = vec![OfferingChoice {
            offering_id: basic,
            weekdays: Vec::new(),
        }];
        if let Some(late) = late.filter(|_| k % 3 == 0) {
            offerings.push(OfferingChoice {
                offering_id: late,
                weekdays: vec![1, 2, 3, 4],
            });
        }
        let club_choices: Vec<i64> = open_clubs
            .iter()
            .filter(|(_, lo, hi)| (*lo..=*hi).contains(&grade))
            .filter(|_| k % 6 == 0)
            .map(|(id, _, _)| *id)
            .collect();
        let a = NewApplication {
            term_id: plan.term_id,
            student_id: student,
            offerings,
            pickup_person_ids: Vec::new(),
            leave_mode: if grade >= 5 && k % 7 == 0 {
                LeaveMode::Alone
            } else {
                LeaveMode::Pickup
            },
            exemption: (k % 25 == 3).then(|| ExemptionClaim {
                category: "hardship".into(),
                note: "低保家庭，已提交证明".into(),
            }),
            agreement_text_id: agreement,
            accept_agreement: true,
            club_choices,
            submit: true,
        };
        let at = now - Duration::days(18) + Duration::minutes(k as i64 * 11);
        // Each in its own savepoint: a student the rules refuse is skipped, not fatal.
        let created = c.transaction(|c| {
            let id = create(c, school, &a, &who, at)?;
            for (n, (action, comment)) in path(k).iter().enumerate() {
                // The class review is the homeroom teacher's where they have a login.
                let (by, actor) = match (action, teacher) {
                    (Action::ClassApprove, Some(t)) => {
                        (Relation::HomeroomTeacher, Actor::user(t, ""))
                    }
                    _ => (Relation::SchoolAdmin, who.actor.clone()),
                };
                let step = Step {
                    action: *action,
                    by,
                    comment: comment.map(String::from),
                    reason: matches!(action, Action::SchoolReject)
                        .then_some(RejectReason::Ineligible),
                    effective_date: None,
                };
                act(
                    c,
                    school,
                    id,
                    &step,
                    &actor,
                    at + Duration::hours(20 * (n as i64 + 1)),
                )?;
            }
            Ok::<_, AppError>(id)
        });
        match created {
            Ok(_) => out.created += 1,
            Err(e) => {
                log::debug!("demo application for student {student} skipped: {e}");
                out.skipped += 1;
            }
        }
    }
    Ok(out)
}
