//! What answers when no route matched: 405 with `Allow` for a known path with another
//! method, problem+json 404 under `/api`, and the SPA (files, else `index.html`) elsewhere.
//! Also the safety net that turns any remaining error response into problem+json.

use std::path::{Component, Path, PathBuf};

use actix_files::NamedFile;
use actix_router::ResourceDef;
use actix_web::body::EitherBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::error::{AppError, Problem, PROBLEM_JSON};

/// The documented paths and their methods, to answer 405 correctly.
pub struct RouteTable {
    routes: Vec<(ResourceDef, Vec<String>)>,
}

impl RouteTable {
    /// Builds the table from the OpenAPI document.
    pub fn from_openapi(doc: &utoipa::openapi::OpenApi) -> RouteTable {
        let routes = doc
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let mut methods: Vec<String> = Vec::new();
                let ops = [
                    ("GET", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ];
                for (m, present) in ops {
                    if present {
                        methods.push(m.to_owned());
                    }
                }
                (ResourceDef::new(path.as_str()), methods)
            })
            .collect();
        RouteTable { routes }
    }

    /// The methods a path allows, if it is a known path.
    pub fn allowed(&self, path: &str) -> Option<String> {
        self.routes
            .iter()
            .find(|(def, _)| def.is_match(path))
            .map(|(_, m)| m.join(", "))
    }
}

/// The directory of the built SPA.
#[derive(Clone)]
pub struct WebDir(pub Option<PathBuf>);

fn safe_join(root: &Path, request_path: &str) -> Option<PathBuf> {
    let mut out = root.to_path_buf();
    for c in Path::new(request_path.trim_start_matches('/')).components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

/// The app's default service.
pub async fn fallback(
    req: HttpRequest,
    routes: web::Data<RouteTable>,
    web_dir: web::Data<WebDir>,
) -> Result<HttpResponse, AppError> {
    let path = req.path();
    if let Some(allow) = routes.allowed(path) {
        return Err(AppError::MethodNotAllowed(allow));
    }
    if path == "/docs" {
        return Ok(HttpResponse::MovedPermanently()
            .insert_header((header::LOCATION, "/docs/"))
            .finish());
    }
    let spa = path != "/api"
        && !path.starts_with("/api/")
        && (req.method() == Method::GET || req.method() == Method::HEAD);
    if let (true, Some(root)) = (spa, web_dir.0.as_ref()) {
        if let Some(file) = safe_join(root, path).filter(|p| p.is_file()) {
            let immutable = path.starts_with("/assets/");
            let mut res = NamedFile::open(file)
                .map_err(|e| AppError::Internal(e.into()))?
                .into_response(&req);
            if immutable {
                res.headers_mut().insert(
                    header::CACHE_CONTROL,
                    header::HeaderValue::from_static("public, max-age=31536000, immutable"),
                );
            }
            return Ok(res);
        }
        let index = root.join("index.html");
        if index.is_file() {
            let mut res = NamedFile::open(index)
                .map_err(|e| AppError::Internal(e.into()))?
                .into_response(&req);
            res.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-cache"),
            );
            return Ok(res);
        }
    }
    Err(AppError::NotFound("route"))
}

fn generic_problem(status: StatusCode) -> Problem {
    let code = match status.as_u16() {
        400 => "request.malformed",
        404 => "not_found",
        405 => "method_not_allowed",
        408 => "request.timeout",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        431 => "request.headers_too_large",
        s if s >= 500 => "internal",
        _ => "request.refused",
    };
    Problem {
        type_: format!("https://kehou.dev/problems/{}", code.replace('.', "/")),
        title: status.canonical_reason().unwrap_or("Error").to_owned(),
        status: status.as_u16(),
        detail: status.canonical_reason().unwrap_or("error").to_lowercase(),
        code: code.to_owned(),
        errors: None,
        error: None,
        error_description: None,
    }
}

/// `ErrorHandlers` default: any error response that is not problem+json becomes one,
/// keeping `Allow`, `Retry-After` and `WWW-Authenticate`.
pub fn problemize<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if is_problem {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let (req, old) = res.into_parts();
    let mut new = HttpResponse::build(status);
    new.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
    for h in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(v) = old.headers().get(&h) {
            new.insert_header((h, v.clone()));
        }
    }
    let body = serde_json::to_string(&generic_problem(status)).unwrap_or_default();
    let res = ServiceResponse::new(req, new.body(body)).map_body(|_, b| EitherBody::right(b));
    Ok(ErrorHandlerResponse::Response(res))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_escape_the_web_dir() {
        let root = Path::new("/srv/web");
        assert_eq!(
            safe_join(root, "/assets/a.js").unwrap(),
            Path::new("/srv/web/assets/a.js")
        );
        assert!(safe_join(root, "/../etc/passwd").is_none());
        assert!(safe_join(root, "/assets/../../x").is_none());
    }
}
