//! Who is on the other end: the client address and whether the request came over TLS.
//! Forwarding headers (`X-Forwarded-For`, `X-Forwarded-Proto`) are believed only when the
//! direct peer is one of `KEHOU_TRUSTED_PROXIES`; otherwise anyone could claim any address
//! and escape the rate limits.

use std::net::IpAddr;

use actix_web::HttpRequest;

use crate::config::Config;

/// The client address of a request, as rate limits and logs should see it.
pub fn client_ip(req: &HttpRequest) -> String {
    let trusted = trusted(req);
    let peer = req.peer_addr().map(|a| a.ip());
    client_ip_from(peer, forwarded_for(req).as_deref(), &trusted)
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Whether the request reached us over TLS (directly, or at a trusted proxy).
pub fn is_https(req: &HttpRequest) -> bool {
    // actix's ConnectionInfo would believe any client's forwarding headers: not used here.
    if req.app_config().secure() {
        return true;
    }
    let peer = req.peer_addr().map(|a| a.ip());
    let from_proxy = peer.is_some_and(|p| trusted(req).contains(&p));
    from_proxy
        && req
            .headers()
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

fn trusted(req: &HttpRequest) -> Vec<IpAddr> {
    req.app_data::<actix_web::web::Data<Config>>()
        .map(|c| c.trusted_proxies.clone())
        .unwrap_or_default()
}

fn forwarded_for(req: &HttpRequest) -> Option<String> {
    let values: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect();
    (!values.is_empty()).then(|| values.join(","))
}

/// The client behind a chain of proxies: the peer itself unless it is trusted; then the
/// right-most `X-Forwarded-For` entry that is not a trusted proxy (entries to its left
/// were written by the client and prove nothing). Pure, for tests.
pub fn client_ip_from(
    peer: Option<IpAddr>,
    forwarded_for: Option<&str>,
    trusted: &[IpAddr],
) -> Option<IpAddr> {
    let peer = peer?;
    if !trusted.contains(&peer) {
        return Some(peer);
    }
    let Some(chain) = forwarded_for else {
        return Some(peer);
    };
    let mut last = peer;
    for hop in chain.rsplit(',').map(str::trim) {
        match hop.parse::<IpAddr>() {
            Ok(ip) if trusted.contains(&ip) => last = ip,
            Ok(ip) => return Some(ip),
            Err(_) => return Some(last),
        }
    }
    Some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarding_headers_count_only_from_trusted_proxies() {
        let proxy = ip("10.0.0.2");
        // Not trusted: the header is ignored, whatever it claims.
        assert_eq!(
            client_ip_from(Some(ip("203.0.113.9")), Some("1.1.1.1"), &[proxy]),
            Some(ip("203.0.113.9"))
        );
        // Trusted: the right-most untrusted hop; a spoofed left entry is skipped.
        assert_eq!(
            client_ip_from(Some(proxy), Some("6.6.6.6, 198.51.100.7"), &[proxy]),
            Some(ip("198.51.100.7"))
        );
        // Two trusted proxies in a row.
        let inner = ip("10.0.0.3");
        assert_eq!(
            client_ip_from(Some(inner), Some("198.51.100.7, 10.0.0.2"), &[proxy, inner]),
            Some(ip("198.51.100.7"))
        );
        // Garbage stops the walk at the last good hop.
        assert_eq!(
            client_ip_from(Some(proxy), Some("nonsense"), &[proxy]),
            Some(proxy)
        );
        assert_eq!(client_ip_from(Some(proxy), None, &[proxy]), Some(proxy));
    }
}
