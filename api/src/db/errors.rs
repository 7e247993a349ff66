//! Database errors as the API answers them: a unique violation is a 409, a lost or busy
//! database a 503 with `Retry-After` (and the pool's connections are probed from then
//! on), a bad reference a 422; anything else is a bug (500).

use crate::error::AppError;

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        match &e {
            E::NotFound => AppError::NotFound("resource"),
            E::DatabaseError(K::UniqueViolation, _) => AppError::Conflict {
                code: "conflict.duplicate",
                detail: "a resource with the same unique key already exists".into(),
            },
            E::DatabaseError(K::ForeignKeyViolation, _) => AppError::Unprocessable {
                code: "reference.invalid",
                detail: "a referenced resource does not exist or is still in use".into(),
            },
            E::DatabaseError(K::CheckViolation, info) => AppError::Unprocessable {
                code: "constraint.violated",
                detail: info.message().to_owned(),
            },
            E::DatabaseError(_, info) if info.message().contains("invalid byte sequence") => {
                AppError::Unprocessable {
                    code: "text.invalid_character",
                    detail: "text fields may not contain NUL characters".into(),
                }
            }
            E::DatabaseError(_, info) if is_busy(info.message()) => {
                AppError::Unavailable(info.message().to_owned())
            }
            // The database went away (restart, failover): an outage, not a bug. Pooled
            // connections are probed and replaced from now on (see db::suspect_connections).
            E::DatabaseError(K::ClosedConnection, _) => {
                super::suspect_connections();
                AppError::Unavailable("the database connection was lost".into())
            }
            E::DatabaseError(_, info) if is_connection_lost(info.message()) => {
                super::suspect_connections();
                AppError::Unavailable("the database connection was lost".into())
            }
            _ => AppError::Internal(e.into()),
        }
    }
}

fn is_connection_lost(message: &str) -> bool {
    [
        "server closed the connection",
        "terminating connection",
        "no connection to the server",
        "connection to server",
        "could not receive data from server",
        "could not send data to server",
        "the database system is shutting down",
        "the database system is starting up",
        "the database system is in recovery mode",
    ]
    .iter()
    .any(|m| message.contains(m))
}

fn is_busy(message: &str) -> bool {
    message.contains("database is locked")
        || message.contains("database is busy")
        || message.contains("canceling statement due to statement timeout")
}
