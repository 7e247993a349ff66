//! In-process limiters: a fixed window of `max` events per `window` per key.
//!
//! Two are used for sign-in. [`LoginLimiter`] counts every attempt per client address
//! (one source guessing many accounts, activation codes or client secrets). The failure
//! throttle counts wrong passwords per *address and account*: after `max` of them that
//! pair waits out the window, while the account's owner, from their own address, signs
//! in as usual — nobody can lock another person out by guessing their password.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Attempts per key within a window.
pub struct LoginLimiter {
    max: u32,
    window: Duration,
    seen: Mutex<HashMap<String, (Instant, u32)>>,
}

impl LoginLimiter {
    /// `max` attempts per `window` per key.
    pub fn new(max: u32, window: Duration) -> LoginLimiter {
        LoginLimiter {
            max,
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Counts an attempt now; over the limit, a 429 `auth.rate_limited` with `Retry-After`.
    pub fn admit(&self, key: &str) -> Result<(), crate::error::AppError> {
        self.check(key, Instant::now())
            .map_err(|retry_after| crate::error::AppError::RateLimited {
                code: "auth.rate_limited",
                retry_after,
            })
    }

    /// Refuses (429) when `key` already had `max` events in this window; counts nothing.
    pub fn refuse_if_over(&self, key: &str) -> Result<(), crate::error::AppError> {
        let now = Instant::now();
        let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        match seen.get(key) {
            Some((start, n)) if now.duration_since(*start) < self.window && *n >= self.max => {
                let wait = self.window.saturating_sub(now.duration_since(*start));
                Err(crate::error::AppError::RateLimited {
                    code: "auth.rate_limited",
                    retry_after: wait.as_secs().max(1),
                })
            }
            _ => Ok(()),
        }
    }

    /// Counts an event for `key` (e.g. a wrong password), without refusing.
    pub fn count(&self, key: &str) {
        let _ = self.check(key, Instant::now());
    }

    /// Forgets `key` (e.g. after the right password).
    pub fn reset(&self, key: &str) {
        self.seen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }

    /// Counts an attempt; `Err(seconds)` to wait when over the limit.
    pub fn check(&self, key: &str, now: Instant) -> Result<(), u64> {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() > 100_000 {
            seen.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = seen.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        if entry.1 > self.max {
            let wait = self.window.saturating_sub(now.duration_since(entry.0));
            Err(wait.as_secs().max(1))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_holds_within_a_window_and_resets_after_it() {
        let l = LoginLimiter::new(3, Duration::from_secs(60));
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(l.check("1.2.3.4", t0).is_ok());
        }
        let wait = l
            .check("1.2.3.4", t0 + Duration::from_secs(10))
            .unwrap_err();
        assert_eq!(wait, 50);
        assert!(l.check("5.6.7.8", t0).is_ok());
        assert!(l.check("1.2.3.4", t0 + Duration::from_secs(61)).is_ok());
    }

    #[test]
    fn failures_throttle_only_their_own_key() {
        let l = LoginLimiter::new(2, Duration::from_secs(60));
        l.count("9.9.9.9|mother");
        assert!(l.refuse_if_over("9.9.9.9|mother").is_ok());
        l.count("9.9.9.9|mother");
        assert_eq!(
            l.refuse_if_over("9.9.9.9|mother").unwrap_err().code(),
            "auth.rate_limited"
        );
        // The owner, from another address, is not affected.
        assert!(l.refuse_if_over("1.2.3.4|mother").is_ok());
        l.reset("9.9.9.9|mother");
        assert!(l.refuse_if_over("9.9.9.9|mother").is_ok());
    }
}
