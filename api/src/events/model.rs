//! The pure rules of events and webhooks: Standard Webhooks signatures, the retry
//! schedule, which URLs may receive deliveries, and which endpoint wants which event.

use std::net::IpAddr;
use std::time::Duration;

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::types::EventType;

/// The prefix of a webhook secret (as Standard Webhooks libraries expect).
pub const SECRET_PREFIX: &str = "whsec_";

/// A new secret: `whsec_` and 32 random bytes in base64.
pub fn new_secret() -> String {
    use rand::RngCore;
    let mut key = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut key);
    format!(
        "{SECRET_PREFIX}{}",
        base64::engine::general_purpose::STANDARD.encode(key)
    )
}

/// The `v1,<base64>` signature of a message (Standard Webhooks: HMAC-SHA256 over
/// `{id}.{timestamp}.{body}` with the secret's decoded bytes).
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &str) -> Option<String> {
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix(SECRET_PREFIX).unwrap_or(secret))
        .ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Some(format!(
        "v1,{}",
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    ))
}

/// The `webhook-signature` header: one signature per live secret, space-separated (during a
/// rotation's overlap, the new secret's and the previous one's).
pub fn signature_header(secrets: &[&str], id: &str, timestamp: i64, body: &str) -> String {
    secrets
        .iter()
        .filter_map(|s| sign(s, id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The delay before attempt `attempt + 1` after `attempt` failed ones: base, 4×base,
/// 16×base … capped at one day.
pub fn backoff(base: Duration, failed_attempts: i32) -> Duration {
    let factor = 4u64.saturating_pow(failed_attempts.saturating_sub(1).max(0) as u32);
    let millis = (base.as_millis() as u64).saturating_mul(factor);
    Duration::from_millis(millis.min(24 * 3600 * 1000))
}

/// Why a URL may not receive deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlRefusal {
    /// Not a URL.
    Malformed,
    /// Not `https://` (http only when insecure URLs are allowed).
    NotHttps,
    /// A loopback, private, link-local or otherwise internal address.
    Internal,
    /// Carries a user name or password.
    Credentials,
}

/// Whether an address is one a webhook must never reach from the server (loopback,
/// private, link-local, unique-local, unspecified, multicast, documentation, CGNAT).
pub fn internal_address(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v) => {
            let o = v.octets();
            v.is_loopback()
                || v.is_private()
                || v.is_link_local()
                || v.is_unspecified()
                || v.is_broadcast()
                || v.is_multicast()
                || v.is_documentation()
                || (o[0] == 100 && (64..128).contains(&o[1]))
                || o[0] == 0
        }
        IpAddr::V6(v) => {
            let s = v.segments();
            v.is_loopback()
                || v.is_unspecified()
                || v.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80
                || v.to_ipv4_mapped()
                    .is_some_and(|m| internal_address(IpAddr::V4(m)))
        }
    }
}

/// Checks a URL a district registers: https, no credentials, not an internal address
/// literal or `localhost` (unless `allow_insecure`). Host names are checked again when
/// they are resolved at delivery.
pub fn check_url(raw: &str, allow_insecure: bool) -> Result<url::Url, UrlRefusal> {
    let u = url::Url::parse(raw).map_err(|_| UrlRefusal::Malformed)?;
    if raw.len() > 500 || u.host().is_none() {
        return Err(UrlRefusal::Malformed);
    }
    match u.scheme() {
        "https" => {}
        "http" if allow_insecure => {}
        _ => return Err(UrlRefusal::NotHttps),
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err(UrlRefusal::Credentials);
    }
    if !allow_insecure {
        let internal = match u.host() {
            Some(url::Host::Ipv4(v)) => internal_address(IpAddr::V4(v)),
            Some(url::Host::Ipv6(v)) => internal_address(IpAddr::V6(v)),
            Some(url::Host::Domain(d)) => {
                let d = d.to_ascii_lowercase();
                d == "localhost" || d.ends_with(".localhost") || d.ends_with(".internal")
            }
            None => true,
        };
        if internal {
            return Err(UrlRefusal::Internal);
        }
    }
    Ok(u)
}

/// Whether an endpoint subscribed to `types` (empty: every type) wants an event of `kind`.
pub fn wants(types: &[EventType], kind: EventType) -> bool {
    types.is_empty() || types.contains(&kind)
}

/// The numeric id of an event id as integrators see it (`evt_12` or `12`).
pub fn parse_event_id(s: &str) -> Option<i64> {
    s.strip_prefix("evt_")
        .unwrap_or(s)
        .parse()
        .ok()
        .filter(|n| *n >= 0)
}

/// The event id integrators see.
pub fn event_id(id: i64) -> String {
    format!("evt_{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_as_the_standard_webhooks_reference_does() {
        // The example of the Standard Webhooks specification.
        let sig = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            r#"{"test": 2432232314}"#,
        );
        assert_eq!(
            sig.as_deref(),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
    }

    #[test]
    fn a_rotation_signs_with_both_secrets() {
        let (a, b) = (new_secret(), new_secret());
        let h = signature_header(&[&a, &b], "evt_1", 1, "{}");
        let parts: Vec<&str> = h.split(' ').collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(Some(parts[1].to_owned()), sign(&b, "evt_1", 1, "{}"));
        assert_ne!(parts[0], parts[1]);
    }

    #[test]
    fn retries_wait_four_times_longer_each_time_up_to_a_day() {
        let base = Duration::from_secs(30);
        let waits: Vec<u64> = (1..=5).map(|n| backoff(base, n).as_secs()).collect();
        assert_eq!(waits, vec![30, 120, 480, 1920, 7680]);
        assert_eq!(backoff(base, 30), Duration::from_secs(24 * 3600));
    }

    #[test]
    fn only_public_https_urls_receive_deliveries() {
        assert!(check_url("https://hooks.jiaxiaotong.example/kehou", false).is_ok());
        for (u, why) in [
            ("http://hooks.example.com/x", UrlRefusal::NotHttps),
            ("ftp://hooks.example.com/x", UrlRefusal::NotHttps),
            ("https://127.0.0.1/x", UrlRefusal::Internal),
            ("https://10.1.2.3/x", UrlRefusal::Internal),
            ("https://192.168.0.9/x", UrlRefusal::Internal),
            ("https://169.254.169.254/latest", UrlRefusal::Internal),
            ("https://[::1]/x", UrlRefusal::Internal),
            ("https://[fd00::1]/x", UrlRefusal::Internal),
            ("https://localhost/x", UrlRefusal::Internal),
            (
                "https://user:pw@hooks.example.com/x",
                UrlRefusal::Credentials,
            ),
            ("not a url", UrlRefusal::Malformed),
        ] {
            assert_eq!(check_url(u, false).err(), Some(why), "{u}");
        }
        assert!(check_url("http://127.0.0.1:9000/hook", true).is_ok());
    }

    #[test]
    fn an_empty_subscription_wants_everything() {
        assert!(wants(&[], EventType::ApplicationSubmitted));
        assert!(wants(
            &[EventType::NoticePublished],
            EventType::NoticePublished
        ));
        assert!(!wants(
            &[EventType::NoticePublished],
            EventType::ApplicationWithdrawn
        ));
    }

    #[test]
    fn event_ids_round_trip() {
        assert_eq!(parse_event_id(&event_id(42)), Some(42));
        assert_eq!(parse_event_id("42"), Some(42));
        assert_eq!(parse_event_id("evt_x"), None);
    }
}
