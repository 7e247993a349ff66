//! The club catalogue (社团) of a term: category, capacity, grade range, weekdays, an
//! optional homeroom restriction, a teacher (staff, or external with a vetting status)
//! and a room. Families rank their choices in the application (see `club_choices`).

use actix_web::{get, post, web, HttpResponse};
use chrono::Utc;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::applications::model::{weekdays_from_text, weekdays_to_text};
use crate::audit;
use crate::auth::SchoolId;
use crate::auth::{Permission, SchoolScope};
use crate::db::schema::{club_choices, clubs};
use crate::db::types::Instant;
use crate::db::{tx, Db, DbConn};
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, SchoolPath, WriteErrors};
use crate::http::page::{Page, PageQuery};

/// Vetting of an external teacher (外聘审核备案).
pub const VETTING: &[&str] = &["not_required", "pending", "approved", "rejected"];

/// A club.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Club {
    pub id: i64,
    pub term_id: i64,
    pub name: String,
    /// A school-configured category, e.g. 德, 智, 体, 美, 劳.
    pub category: String,
    pub description: String,
    pub capacity: i32,
    pub grade_min: i32,
    pub grade_max: i32,
    pub weekdays: Vec<u8>,
    /// Only this homeroom may choose it (e.g. 三4葫芦丝班).
    pub homeroom_id: Option<i64>,
    pub teacher_staff_id: Option<i64>,
    /// An external teacher's name, when not staff.
    pub external_teacher: Option<String>,
    /// not_required (staff), pending, approved, rejected. A club whose external teacher is
    /// not approved takes no children.
    pub vetting_status: String,
    /// The school admin who vetted the external teacher (`users.id`).
    pub vetted_by: Option<i64>,
    /// When.
    pub vetted_at: Option<chrono::DateTime<Utc>>,
    /// The checks made, e.g. `no_criminal_record`, `qualification`.
    pub vetting_checks: Vec<String>,
    pub room_id: Option<i64>,
    /// How many applications rank it first.
    pub first_choices: i64,
    /// Seats taken.
    pub taken: i32,
    /// On the waitlist.
    pub waiting: i32,
    pub version: i64,
}

/// A new club.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct NewClub {
    pub term_id: i64,
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    #[validate(length(min = 1, max = 20))]
    #[schema(min_length = 1, max_length = 20)]
    pub category: String,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    #[serde(default)]
    pub description: String,
    #[validate(range(min = 1, max = 500))]
    #[schema(minimum = 1, maximum = 500)]
    pub capacity: i32,
    #[validate(range(min = 1, max = 9))]
    #[schema(minimum = 1, maximum = 9)]
    pub grade_min: i32,
    #[validate(range(min = 1, max = 9))]
    #[schema(minimum = 1, maximum = 9)]
    pub grade_max: i32,
    #[validate(length(min = 1, max = 7))]
    #[schema(min_items = 1, max_items = 7)]
    pub weekdays: Vec<u8>,
    pub homeroom_id: Option<i64>,
    pub teacher_staff_id: Option<i64>,
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub external_teacher: Option<String>,
    pub vetting_status: Option<String>,
    pub room_id: Option<i64>,
}

type Row = (
    i64,
    i64,
    String,
    String,
    String,
    i32,
    i32,
    i32,
    String,
    Option<i64>,
    Option<i64>,
    Option<String>,
    String,
    Option<i64>,
    i64,
    (i32, i32),
    (Option<i64>, Option<Instant>, String),
);

/// The term's clubs (all terms' when none), in id order.
pub fn list(
    c: &mut DbConn,
    school_id: SchoolId,
    term_id: Option<i64>,
) -> Result<Vec<Club>, AppError> {
    load(c, school_id, term_id, None, None)
}

/// One page of the catalogue in id order: `limit + 1` clubs after `after`.
pub fn page(
    c: &mut DbConn,
    school_id: SchoolId,
    term_id: Option<i64>,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<Club>, AppError> {
    load(c, school_id, term_id, after, Some(limit + 1))
}

fn load(
    c: &mut DbConn,
    school_id: SchoolId,
    term_id: Option<i64>,
    after: Option<i64>,
    rows: Option<i64>,
) -> Result<Vec<Club>, AppError> {
    let mut q = clubs::table
        .filter(clubs::school_id.eq(school_id))
        .select((
            clubs::id,
            clubs::term_id,
            clubs::name,
            clubs::category,
            clubs::description,
            clubs::capacity,
            clubs::grade_min,
            clubs::grade_max,
            clubs::weekdays,
            clubs::homeroom_id,
            clubs::teacher_staff_id,
            clubs::external_teacher,
            clubs::vetting_status,
            clubs::room_id,
            clubs::version,
            (clubs::taken, clubs::waiting),
            (clubs::vetted_by, clubs::vetted_at, clubs::vetting_checks),
        ))
        .order(clubs::id)
        .into_boxed();
    if let Some(t) = term_id {
        q = q.filter(clubs::term_id.eq(t));
    }
    if let Some(a) = after {
        q = q.filter(clubs::id.gt(a));
    }
    if let Some(n) = rows {
        q = q.limit(n);
    }
    let rows: Vec<Row> = q.load(c)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let firsts: std::collections::HashMap<i64, i64> = if ids.is_empty() {
        Default::default()
    } else {
        club_choices::table
            .filter(club_choices::school_id.eq(school_id))
            .filter(club_choices::club_id.eq_any(ids))
            .filter(club_choices::rank.eq(1))
            .group_by(club_choices::club_id)
            .select((club_choices::club_id, diesel::dsl::count_star()))
            .load::<(i64, i64)>(c)?
            .into_iter()
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|r| Club {
            id: r.0,
            term_id: r.1,
            name: r.2,
            category: r.3,
            description: r.4,
            capacity: r.5,
            grade_min: r.6,
            grade_max: r.7,
            weekdays: weekdays_from_text(&r.8),
            homeroom_id: r.9,
            teacher_staff_id: r.10,
            external_teacher: r.11,
            vetting_status: r.12,
            vetted_by: r.16 .0,
            vetted_at: r.16 .1.map(|i| i.0),
            vetting_checks: r
                .16
                 .2
                .split(',')
                .filter(|x| !x.is_empty())
                .map(str::to_owned)
                .collect(),
            room_id: r.13,
            first_choices: firsts.get(&r.0).copied().unwrap_or(0),
            version: r.14,
            taken: r.15 .0,
            waiting: r.15 .1,
        })
        .collect())
}

/// `?term_id=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClubQuery {
    /// Only this term.
    pub term_id: Option<i64>,
}

/// The club catalogue in id order (everyone with a grant here: families choose from it).
#[utoipa::path(tag = "clubs", params(SchoolPath, ClubQuery, PageQuery), responses((status = 200, description = "Clubs", body = Page<Club>), ReadErrors), security(("bearer" = [])))]
#[get("/clubs")]
pub async fn list_clubs(
    scope: SchoolScope,
    query: web::Query<ClubQuery>,
    page_q: web::Query<PageQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Club>>> {
    let (limit, after) = (page_q.limit()?, page_q.after()?);
    let (school, term) = (scope.school(), query.term_id);
    let rows = db.run(move |c| page(c, school, term, after, limit)).await?;
    Ok(web::Json(Page::from_rows(rows, limit, |c| c.id)))
}

/// Add a club to the catalogue.
#[utoipa::path(tag = "clubs", params(SchoolPath), request_body = NewClub, responses((status = 201, description = "Created", body = Club), WriteErrors), security(("bearer" = [])))]
#[post("/clubs")]
pub async fn create_club(
    scope: SchoolScope,
    body: web::Json<NewClub>,
    db: web::Data<Db>,
) -> AppResult<HttpResponse> {
    scope.require(Permission::RosterWrite)?;
    body.validate()?;
    let b = body.into_inner();
    if b.grade_min > b.grade_max {
        return Err(AppError::field(
            "grade_max",
            "range",
            "grade_max must be at least grade_min",
        ));
    }
    if b.weekdays.iter().any(|d| !(1..=7).contains(d)) {
        return Err(AppError::field(
            "weekdays",
            "range",
            "weekdays are 1 (Monday) to 7",
        ));
    }
    // An external teacher starts pending: only the school admin vets them, with the checks
    // recorded (POST /clubs/{id}/vetting), never by setting a status here.
    let vetting = match (&b.external_teacher, b.vetting_status.as_deref()) {
        (None, _) => "not_required".to_owned(),
        (Some(_), None | Some("pending")) => "pending".to_owned(),
        (Some(_), Some(_)) => {
            return Err(AppError::field(
                "vetting_status",
                "vetting_separately",
                "an external teacher starts pending; the school admin records the vetting with POST /clubs/{id}/vetting",
            ))
        }
    };
    if b.teacher_staff_id.is_none() && b.external_teacher.is_none() {
        return Err(AppError::field(
            "teacher_staff_id",
            "required",
            "name a staff teacher or an external one",
        ));
    }
    let (school, actor) = (scope.school(), scope.actor());
    let club = db
        .run(move |c| {
            tx(c, |c| {
                crate::roster::store::terms::term(c, school, b.term_id)
                    .map_err(|_| AppError::field("term_id", "not_found", "no such term"))?;
                if let Some(h) = b.homeroom_id {
                    crate::roster::store::homerooms::homeroom(c, school, h).map_err(|_| {
                        AppError::field("homeroom_id", "not_found", "no such homeroom")
                    })?;
                }
                if let Some(r) = b.room_id {
                    if !crate::roster::store::rooms::rooms(c, school)?
                        .iter()
                        .any(|x| x.id == r)
                    {
                        return Err(AppError::field("room_id", "not_found", "no such room"));
                    }
                }
                if let Some(s) = b.teacher_staff_id {
                    if !crate::roster::store::staff::staff_list(c, school, false)?
                        .iter()
                        .any(|x| x.id == s)
                    {
                        return Err(AppError::field(
                            "teacher_staff_id",
                            "not_found",
                            "no such staff member",
                        ));
                    }
                }
                let now = Instant(Utc::now());
                let id: i64 = diesel::insert_into(clubs::table)
                    .values((
                        clubs::school_id.eq(school),
                        clubs::term_id.eq(b.term_id),
                        clubs::name.eq(&b.name),
                        clubs::category.eq(&b.category),
                        clubs::description.eq(&b.description),
                        clubs::capacity.eq(b.capacity),
                        clubs::grade_min.eq(b.grade_min),
                        clubs::grade_max.eq(b.grade_max),
                        clubs::weekdays.eq(weekdays_to_text(&b.weekdays)),
                        clubs::homeroom_id.eq(b.homeroom_id),
                        clubs::teacher_staff_id.eq(b.teacher_staff_id),
                        clubs::external_teacher.eq(&b.external_teacher),
                        clubs::vetting_status.eq(&vetting),
                        clubs::room_id.eq(b.room_id),
                        clubs::version.eq(1),
                        clubs::created_at.eq(now),
                        clubs::updated_at.eq(now),
                    ))
                    .returning(clubs::id)
                    .get_result(c)
                    .map_err(crate::error::unique_as(
                        "club.duplicate_name",
                        "a club with this name exists in the term",
                    ))?;
                let club = list(c, school, Some(b.term_id))?
                    .into_iter()
                    .find(|x| x.id == id)
                    .ok_or(AppError::NotFound("club"))?;
                audit::Event::in_school(school, "club.create")
                    .on("club", id)
                    .after(&club)
                    .record(c, &actor)?;
                Ok(club)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(club))
}
