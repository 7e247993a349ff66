//! Vetting an external club teacher (外聘教师审核备案): only the school admin records it,
//! with who, when and which checks; an approval needs the criminal-record check that the
//! law requires for everyone in close contact with minors (《未成年人保护法》第六十二条).
//! Until approved, the club takes no children (see `club_choices::choose`).

use actix_web::{post, web};
use chrono::Utc;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::audit;
use crate::auth::SchoolId;
use crate::auth::{Role, SchoolScope};
use crate::clubs::catalogue::Club;
use crate::db::schema::clubs;
use crate::db::types::Instant;
use crate::db::{tx, Db};
use crate::error::{AppError, AppResult};
use crate::http::docs::{SchoolItemPath, WriteErrors};

/// A check made on an external teacher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VettingCheck {
    /// 违法犯罪记录查询 (required for an approval).
    NoCriminalRecord,
    /// 教师资格 / 专业资质证书.
    Qualification,
    /// 健康证明.
    HealthCertificate,
    /// 安全培训.
    SafetyTraining,
    /// 合作协议 (for an agency's teacher).
    Agreement,
}

impl VettingCheck {
    fn as_str(self) -> &'static str {
        match self {
            VettingCheck::NoCriminalRecord => "no_criminal_record",
            VettingCheck::Qualification => "qualification",
            VettingCheck::HealthCertificate => "health_certificate",
            VettingCheck::SafetyTraining => "safety_training",
            VettingCheck::Agreement => "agreement",
        }
    }
}

/// The decision on an external teacher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VettingDecision {
    Approved,
    Rejected,
}

/// The vetting record.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct Vetting {
    pub decision: VettingDecision,
    /// The checks made (an approval needs `no_criminal_record`).
    #[validate(length(max = 5))]
    #[schema(max_items = 5)]
    pub checks: Vec<VettingCheck>,
    /// e.g. the certificate numbers.
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub note: Option<String>,
}

/// Record the vetting of a club's external teacher (the school admin only).
#[utoipa::path(tag = "clubs", params(SchoolItemPath), request_body = Vetting, responses((status = 200, description = "The club with its vetting", body = Club), WriteErrors), security(("bearer" = [])))]
#[post("/clubs/{id}/vetting")]
pub async fn vet_club(
    scope: SchoolScope,
    path: web::Path<(i64, i64)>,
    body: web::Json<Vetting>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Club>> {
    if !scope.roles.contains(&Role::SchoolAdmin) {
        return Err(AppError::forbidden(
            "only the school admin vets external teachers",
        ));
    }
    body.validate()?;
    let v = body.into_inner();
    if v.decision == VettingDecision::Approved
        && !v.checks.contains(&VettingCheck::NoCriminalRecord)
    {
        return Err(AppError::field(
            "checks",
            "criminal_record_required",
            "an approval needs the criminal-record check (no_criminal_record)",
        ));
    }
    let (school, id, actor, user) = (scope.school(), path.1, scope.actor(), scope.caller.id);
    let club = db
        .run(move |c| {
            tx(c, |c| {
                let before = find(c, school, id)?;
                if before.external_teacher.is_none() {
                    return Err(AppError::Conflict {
                        code: "club.no_external_teacher",
                        detail: "a staff teacher needs no vetting".into(),
                    });
                }
                // Each check once, in the order given.
                let mut checks: Vec<&str> = Vec::new();
                for check in v.checks.iter().map(|c| c.as_str()) {
                    if !checks.contains(&check) {
                        checks.push(check);
                    }
                }
                let status = match v.decision {
                    VettingDecision::Approved => "approved",
                    VettingDecision::Rejected => "rejected",
                };
                diesel::update(
                    clubs::table
                        .filter(clubs::school_id.eq(school))
                        .filter(clubs::id.eq(id)),
                )
                .set((
                    clubs::vetting_status.eq(status),
                    clubs::vetted_by.eq(Some(user)),
                    clubs::vetted_at.eq(Some(Instant(Utc::now()))),
                    clubs::vetting_checks.eq(checks.join(",")),
                    clubs::version.eq(clubs::version + 1),
                    clubs::updated_at.eq(Instant(Utc::now())),
                ))
                .execute(c)?;
                let after = find(c, school, id)?;
                let record = serde_json::json!({ "club": after, "note": v.note });
                audit::Event::in_school(school, "club.vetting")
                    .on("club", id)
                    .before(&before)
                    .after_json(Some(record.to_string()))
                    .record(c, &actor)?;
                Ok(after)
            })
        })
        .await?;
    Ok(web::Json(club))
}

fn find(c: &mut crate::db::DbConn, school: SchoolId, id: i64) -> Result<Club, AppError> {
    let term: i64 = clubs::table
        .filter(clubs::school_id.eq(school))
        .filter(clubs::id.eq(id))
        .select(clubs::term_id)
        .first(c)
        .optional()?
        .ok_or(AppError::NotFound("club"))?;
    crate::clubs::catalogue::list(c, school, Some(term))?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(AppError::NotFound("club"))
}
