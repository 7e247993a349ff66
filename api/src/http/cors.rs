//! CORS for browser-based parent apps (H5): off by default; an origin is allowed only when
//! a district lists it on one of its live API clients. Bearer tokens only: no cookies are
//! sent cross-origin (`Access-Control-Allow-Credentials` is never set).

use std::collections::BTreeSet;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse};

use crate::db::{Db, DbConn};
use crate::error::AppError;

/// How the allowed origins are read from the database.
pub type Loader = fn(&mut DbConn) -> Result<Vec<String>, AppError>;

/// Headers a parent app may send.
const ALLOW_HEADERS: &str =
    "authorization, content-type, if-match, if-none-match, idempotency-key, x-request-id";
/// Headers a parent app may read.
const EXPOSE_HEADERS: &str = "etag, location, retry-after, x-request-id";
/// Re-read the list at least this often (edits on another instance show within it).
const STALE_AFTER: Duration = Duration::from_secs(30);

/// The origins allowed, cached.
pub struct Origins {
    loader: Loader,
    cached: RwLock<(BTreeSet<String>, Option<Instant>)>,
}

impl Origins {
    /// An empty cache that reads through `loader`.
    pub fn new(loader: Loader) -> Self {
        Origins {
            loader,
            cached: RwLock::new((BTreeSet::new(), None)),
        }
    }

    /// Reads the list again now.
    pub async fn reload(&self, db: &Db) {
        let loader = self.loader;
        match db.run(loader).await {
            Ok(list) => {
                if let Ok(mut c) = self.cached.write() {
                    *c = (list.into_iter().collect(), Some(Instant::now()));
                }
            }
            Err(e) => log::warn!("cannot read the CORS origins: {e}"),
        }
    }

    async fn allows(&self, db: &Db, origin: &str) -> bool {
        let fresh = self
            .cached
            .read()
            .map(|c| c.1.is_some_and(|t| t.elapsed() < STALE_AFTER))
            .unwrap_or(false);
        if !fresh {
            self.reload(db).await;
        }
        self.cached
            .read()
            .map(|c| c.0.contains(origin))
            .unwrap_or(false)
    }
}

/// Answers preflights and marks responses for allowed origins; other origins get no CORS
/// headers, so browsers refuse to hand the answer to their page.
pub async fn cors(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let origin = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let api = req.path().starts_with("/api/");
    let allowed = match (&origin, api) {
        (Some(o), true) => match (
            req.app_data::<web::Data<Origins>>(),
            req.app_data::<web::Data<Db>>(),
        ) {
            (Some(origins), Some(db)) => origins.allows(db, o).await,
            _ => false,
        },
        _ => false,
    };
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if preflight && allowed {
        let res = HttpResponse::NoContent()
            .insert_header((
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                origin.unwrap_or_default(),
            ))
            .insert_header((
                header::ACCESS_CONTROL_ALLOW_METHODS,
                "GET, POST, PUT, PATCH, DELETE",
            ))
            .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS))
            .insert_header((header::ACCESS_CONTROL_MAX_AGE, "600"))
            .insert_header((header::VARY, "Origin"))
            .finish();
        return Ok(req.into_response(res).map_into_right_body());
    }
    let mut res = next.call(req).await?;
    if api {
        let h = res.headers_mut();
        h.append(header::VARY, HeaderValue::from_static("Origin"));
        if let (true, Some(o)) = (allowed, origin) {
            if let Ok(v) = HeaderValue::from_str(&o) {
                h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
                h.insert(
                    header::ACCESS_CONTROL_EXPOSE_HEADERS,
                    HeaderValue::from_static(EXPOSE_HEADERS),
                );
            }
        }
    }
    Ok(res.map_into_left_body())
}
