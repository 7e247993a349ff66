//! The clock, passed in: handlers take a [`Clock`] and hand `clock.now()` to the rules, so
//! every rule is a function of the time it is given and testable at any date (a test
//! server can run on a fixed clock; see `Config::clock`).

use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use chrono::{DateTime, Utc};

/// Now, as the server sees it: the system clock, or a fixed instant (tests).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    fixed: Option<DateTime<Utc>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    /// A clock that always reads `at`.
    pub fn fixed(at: DateTime<Utc>) -> Clock {
        Clock { fixed: Some(at) }
    }

    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        self.fixed.unwrap_or_else(Utc::now)
    }
}

impl FromRequest for Clock {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Clock, actix_web::Error>>;

    /// The app's clock, or the system clock when none is installed.
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let clock = req
            .app_data::<web::Data<Clock>>()
            .map(|c| *c.get_ref())
            .unwrap_or_default();
        std::future::ready(Ok(clock))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_reads_its_instant() {
        let at = DateTime::parse_from_rfc3339("2026-09-01T00:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(Clock::fixed(at).now(), at);
        assert!(Clock::system().now() > at - chrono::Duration::days(36500));
    }
}
