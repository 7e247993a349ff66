//! Reading applications: a guardian sees their children's, a homeroom teacher their
//! homerooms', school admins all; the exemption claim cut by need to know.

use actix_web::{get, web};

use crate::applications::policy;
use crate::applications::store::read;
use crate::applications::types::{Application, ApplicationQuery};
use crate::auth::need_to_know::Viewer;
use crate::auth::SchoolScope;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::http::docs::{ReadErrors, SchoolItemPath, SchoolPath};
use crate::http::page::{Page, PageQuery};
use crate::roster::relation::{reach_of, Reach};

/// Applications the caller may see: a guardian their children's, a homeroom teacher their
/// homerooms', school admins all. Searchable by a student's name or number; every page
/// carries the list's `total`.
#[utoipa::path(tag = "applications", params(SchoolPath, ApplicationQuery), responses((status = 200, description = "Applications", body = Page<Application>), ReadErrors), security(("bearer" = [])))]
#[get("/applications")]
pub async fn list_applications(
    scope: SchoolScope,
    query: crate::http::body::Query<ApplicationQuery>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Page<Application>>> {
    let q = query.into_inner();
    let page = PageQuery {
        limit: q.limit,
        cursor: q.cursor,
    };
    let (limit, after) = (page.limit()?, page.after()?);
    let search = q.q.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    if search.as_ref().is_some_and(|t| t.chars().count() > 50) {
        return Err(AppError::field("q", "length", "at most 50 characters"));
    }
    let (school, viewer) = (scope.school(), Viewer::of(&scope));
    let (items, total) = db
        .run(move |c| {
            let viewer = viewer.load(c)?;
            let mut f = filter(reach_of(c, &scope)?, q.term_id, q.status, q.homeroom_id);
            f.updated_since = q.updated_since;
            f.search = search;
            let total = read::count(c, school, &f)?;
            let ids = read::ids(c, school, &f, after, limit)?;
            let apps = read::get_many(c, school, &ids)?;
            let kind = scope.caller.kind;
            let apps: Vec<_> = apps
                .into_iter()
                .map(|a| policy::cut(kind, &viewer, a))
                .collect();
            Ok((apps, total))
        })
        .await?;
    Ok(web::Json(
        Page::from_rows(items, limit, |a| a.id).with_total(total),
    ))
}

/// The list's filter: what was asked, within the caller's reach.
fn filter(
    reach: Reach,
    term_id: Option<i64>,
    status: Option<crate::applications::model::Status>,
    homeroom_id: Option<i64>,
) -> read::Filter {
    let mut f = read::Filter {
        term_id,
        status,
        homeroom_ids: homeroom_id.map(|h| vec![h]),
        student_ids: None,
        updated_since: None,
        search: None,
    };
    match reach {
        Reach::All => {}
        Reach::Students(ids) => f.student_ids = Some(ids),
        Reach::Homerooms(mut led) => {
            if let Some(h) = homeroom_id {
                led.retain(|x| *x == h);
            }
            f.homeroom_ids = Some(led);
        }
    }
    f
}

/// One application with its offerings, acceptance evidence and history.
#[utoipa::path(tag = "applications", params(SchoolItemPath), responses((status = 200, description = "The application", body = Application), ReadErrors), security(("bearer" = [])))]
#[get("/applications/{id}")]
pub async fn get_application(
    scope: SchoolScope,
    path: web::Path<SchoolItemPath>,
    db: web::Data<Db>,
) -> AppResult<web::Json<Application>> {
    let (school, id, viewer) = (scope.school(), path.id, Viewer::of(&scope));
    let app = db
        .run(move |c| {
            let viewer = viewer.load(c)?;
            let app = read::get(c, school, id)?;
            if !policy::sees(&reach_of(c, &scope)?, &app) {
                return Err(AppError::NotFound("application"));
            }
            Ok(policy::cut(scope.caller.kind, &viewer, app))
        })
        .await?;
    Ok(web::Json(app))
}
