//! Start-up: connect, migrate, seed, load keys, build the app, serve.

use std::net::TcpListener;
use std::path::PathBuf;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::middleware::{ErrorHandlers, Logger};
use actix_web::{web, App, HttpRequest, HttpServer};
use anyhow::Context;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::ratelimit::LoginLimiter;
use crate::auth::{store as auth_store, Keys, SchoolDirectory};
use crate::config::Config;
use crate::db::{self, Backend, Db};
use crate::error::AppError;
use crate::fallback::{fallback, problemize, RouteTable, WebDir};
use crate::request_id::RequestIds;

/// Everything the app shares between workers.
#[derive(Clone)]
pub struct State {
    pub config: web::Data<Config>,
    pub db: web::Data<Db>,
    pub keys: web::Data<Keys>,
    pub limiter: web::Data<LoginLimiter>,
    pub directory: web::Data<SchoolDirectory>,
    pub routes: web::Data<RouteTable>,
    pub web_dir: web::Data<WebDir>,
    pub spec_json: web::Data<crate::openapi::SpecJson>,
    pub imports: web::Data<crate::imports::runner::Progress>,
    pub failures: web::Data<crate::auth::routes::FailureThrottle>,
    pub revocations: web::Data<crate::auth::revocation::Revocations>,
    pub instance: web::Data<crate::health::InstanceInfo>,
    pub clock: web::Data<crate::http::clock::Clock>,
    pub origins: web::Data<crate::http::cors::Origins>,
}

/// Connects, migrates, seeds the demo school into an empty database, loads the keys.
pub fn prepare(config: Config) -> anyhow::Result<State> {
    let backend = Backend::of(&config.database_url);
    let pool = db::pool(&config.database_url, config.pool_size)
        .with_context(|| format!("cannot open the database {}", redact(&config.database_url)))?;
    let mut conn = pool.get().context("cannot get a database connection")?;
    let applied = db::migrate(&mut conn)?;
    if applied > 0 {
        log::info!("applied {applied} migration(s)");
    }
    if config.seed_demo && crate::seed::is_empty(&mut conn)? {
        log::info!(
            "empty database: seeding the demo school (asked for by --demo / KEHOU_SEED_DEMO)"
        );
        crate::seed::demo_school(&mut conn).map_err(|e| anyhow::anyhow!("seeding failed: {e}"))?;
        if config.demo_mid_term {
            let started = std::time::Instant::now();
            crate::seed::mid_term(&mut conn)
                .map_err(|e| anyhow::anyhow!("seeding the demo's term failed: {e}"))?;
            log::info!("demo term seeded in {:.1?}", started.elapsed());
        }
        crate::seed::demo_integrators(&mut conn)
            .map_err(|e| anyhow::anyhow!("seeding the demo's API clients failed: {e}"))?;
    }
    let demo_data = auth_store::setting(&mut conn, crate::seed::DEMO_MARKER)
        .map_err(|e| anyhow::anyhow!("cannot read settings: {e}"))?
        .is_some();
    if demo_data {
        log::warn!(
            "演示数据 DEMO DATA: this database holds the demo school, whose accounts' password ({}) is public. \
             Do not enter real pupils' data; for production start from an empty database (see README, Production).",
            crate::seed::DEMO_PASSWORD
        );
    }
    if config.jwt_keys.is_empty() && backend == Backend::Postgres {
        anyhow::bail!(
            "KEHOU_JWT_KEYS is not set. On PostgreSQL Kehou does not invent a signing key: set \
             KEHOU_JWT_KEYS=kid:secret (a secret of at least 32 bytes, e.g. `k1:$(openssl rand -base64 48)`; \
             every instance needs the same keys; see docs/SECURITY.md, key rotation)"
        );
    }
    let keys = if config.jwt_keys.is_empty() {
        let secret = auth_store::setting_or_insert(
            &mut conn,
            "jwt.key.local",
            &crate::auth::password::random_secret(48),
        )
        .map_err(|e| anyhow::anyhow!("cannot store the signing key: {e}"))?;
        crate::http::cursor::set_key(secret.as_bytes());
        Keys::new(&[("local".into(), secret.into_bytes())])?
    } else {
        crate::http::cursor::set_key(&config.jwt_keys[0].1);
        Keys::new(&config.jwt_keys)?
    };
    let cutoff = chrono::Utc::now()
        - chrono::Duration::from_std(config.import_retention).unwrap_or(chrono::Duration::days(30));
    match crate::imports::store::purge_files(&mut conn, cutoff) {
        Ok(n) if n > 0 => log::info!("deleted {n} uploaded import file(s) past their retention"),
        Ok(_) => {}
        Err(e) => log::warn!("cannot delete old import files: {e}"),
    }
    drop(conn);
    let openapi = crate::openapi::document();
    let web_dir = PathBuf::from(&config.web_dir);
    let web_dir = WebDir(web_dir.join("index.html").is_file().then_some(web_dir));
    if web_dir.0.is_none() {
        log::warn!(
            "no built SPA in {} (run `npm run build` in web-ui/); serving the API only",
            config.web_dir
        );
    }
    Ok(State {
        db: web::Data::new(Db::new(pool, backend, Duration::from_secs(5))),
        keys: web::Data::new(keys),
        limiter: web::Data::new(LoginLimiter::new(
            config.login_rate_per_minute,
            Duration::from_secs(60),
        )),
        directory: web::Data::new(SchoolDirectory::default()),
        routes: web::Data::new(RouteTable::from_openapi(&openapi)),
        web_dir: web::Data::new(web_dir),
        imports: web::Data::new(crate::imports::runner::Progress::new(
            config.import_concurrency,
        )),
        failures: web::Data::new(crate::auth::routes::FailureThrottle(LoginLimiter::new(
            config.login_max_failures.max(1) as u32,
            config.login_lock,
        ))),
        revocations: web::Data::new(crate::auth::revocation::Revocations::new(
            config.revocation_check,
        )),
        instance: web::Data::new(crate::health::InstanceInfo {
            demo_data,
            version: env!("CARGO_PKG_VERSION").into(),
        }),
        clock: web::Data::new(config.clock),
        origins: web::Data::new(crate::http::cors::Origins::new(
            crate::integration::store::allowed_origins,
        )),
        config: web::Data::new(config),
        spec_json: web::Data::new(crate::openapi::SpecJson(crate::openapi::published_json()?)),
    })
}

fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://…{}", &url[..s], &url[at..]),
        _ => url.to_owned(),
    }
}

fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let e = match &err {
        JsonPayloadError::ContentType => {
            AppError::UnsupportedMediaType("send the body as Content-Type: application/json".into())
        }
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            AppError::PayloadTooLarge
        }
        JsonPayloadError::Deserialize(e) if e.is_data() => {
            let msg = e.to_string();
            let field = msg
                .split('`')
                .nth(1)
                .filter(|_| msg.starts_with("missing field") || msg.starts_with("unknown field"))
                .unwrap_or("body")
                .to_owned();
            let code = if msg.starts_with("missing field") {
                "required"
            } else {
                "invalid"
            };
            AppError::field(&field, code, msg)
        }
        JsonPayloadError::Deserialize(e) => AppError::BadRequest {
            code: "request.malformed_json",
            detail: format!("the body is not valid JSON: {e}"),
        },
        other => AppError::BadRequest {
            code: "request.unreadable",
            detail: other.to_string(),
        },
    };
    e.into()
}

fn query_error(err: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    AppError::BadRequest {
        code: "request.invalid_query",
        detail: err.to_string(),
    }
    .into()
}

fn path_error(_err: PathError, _req: &HttpRequest) -> actix_web::Error {
    AppError::NotFound("resource").into()
}

/// Builds the whole app: API, docs, SPA, middleware.
pub fn build_app(
    state: &State,
) -> App<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, _) = crate::api_routes(App::new()).split_for_parts();
    let swagger = SwaggerUi::new("/docs/{_:.*}")
        .config(utoipa_swagger_ui::Config::new(["/api/v1/openapi.json"]).validator_url("none"));
    app.app_data(state.config.clone())
        .app_data(state.db.clone())
        .app_data(state.keys.clone())
        .app_data(state.limiter.clone())
        .app_data(state.directory.clone())
        .app_data(state.routes.clone())
        .app_data(state.web_dir.clone())
        .app_data(state.spec_json.clone())
        .app_data(state.imports.clone())
        .app_data(state.failures.clone())
        .app_data(state.revocations.clone())
        .app_data(state.instance.clone())
        .app_data(state.clock.clone())
        .app_data(state.origins.clone())
        .app_data(
            web::JsonConfig::default()
                .limit(1 << 20)
                .error_handler(json_error),
        )
        .app_data(web::PayloadConfig::new(crate::http::body::MAX_JSON_BYTES))
        .app_data(web::QueryConfig::default().error_handler(query_error))
        .app_data(web::PathConfig::default().error_handler(path_error))
        .service(swagger)
        .default_service(web::to(fallback))
        .wrap(actix_web::middleware::from_fn(crate::http::cursor::cursors))
        .wrap(actix_web::middleware::from_fn(
            crate::http::conditional::conditional,
        ))
        .wrap(ErrorHandlers::new().default_handler(problemize))
        .wrap(actix_web::middleware::from_fn(
            crate::headers::security_headers,
        ))
        .wrap(actix_web::middleware::from_fn(crate::http::cors::cors))
        // The path without its query string: searches carry names and phone numbers.
        .wrap(
            Logger::new("%{x-request-id}o %a \"%{method}xi %U\" %s %b %Dms")
                .custom_request_replace("method", |req| req.method().to_string()),
        )
        .wrap(RequestIds)
}

/// Starts serving on `listener`; the returned server stops gracefully on SIGINT/SIGTERM.
pub fn start(state: State, listener: TcpListener) -> anyhow::Result<Server> {
    let workers = state.config.workers;
    if state.config.webhooks.worker {
        crate::events::worker::spawn(state.db.get_ref().clone(), state.config.webhooks.clone());
    } else {
        log::warn!(
            "the webhook worker is off (KEHOU_WEBHOOK_WORKER): deliveries wait in the outbox"
        );
    }
    // In-app notifications also go to the channel adapter (the log here; a district's SMS or
    // WeChat gateway implements `Channel`).
    crate::notifications::channel::spawn(
        state.db.get_ref().clone(),
        std::sync::Arc::new(crate::notifications::channel::LogChannel),
        state.config.webhooks.poll,
    );
    // Blocking threads per worker, sized with the pool: enough for every connection plus imports.
    let blocking = (state.config.pool_size as usize + 4).max(8);
    let server = HttpServer::new(move || build_app(&state))
        .workers(workers)
        .worker_max_blocking_threads(blocking)
        .shutdown_timeout(20)
        .listen(listener)?
        .run();
    Ok(server)
}
