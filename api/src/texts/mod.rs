//! The term's texts — the notice (告知书), the application form and the agreement
//! (委托协议书) — copied from district templates, versioned and published; the record of
//! which family received the notice, and the informed report (知晓率).
//!
//! `types` (requests and responses), `model` (kinds, hashes, who records a receipt,
//! families and the report), `store` (queries: versions, templates, receipts), `error`
//! (the refusals), `routes` (handlers: versions, templates, receipts).

pub mod error;
pub mod model;
pub mod routes;
pub mod store;
pub mod types;

use utoipa_actix_web::service_config::ServiceConfig;

use routes::{receipts, templates, versions};

/// Routes under `/api/v1` (the district's templates).
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(templates::create_template)
        .service(templates::list_district_templates);
}

/// Routes under `/api/v1/schools/{school_id}`.
pub fn configure_school(cfg: &mut ServiceConfig) {
    cfg.service(templates::list_school_templates)
        .service(versions::list_texts)
        .service(versions::create_text)
        .service(versions::publish_text)
        .service(receipts::record_receipt)
        .service(receipts::list_receipts)
        .service(receipts::informed_report);
}
