//! Access tokens: short-lived HS256 JWTs with a `kid` header so keys can rotate
//! (the first key signs; every configured key verifies).

use std::collections::HashMap;

use jsonwebtoken::{
    decode, decode_header, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation,
};
use serde::{Deserialize, Serialize};

use super::{Caller, CallerKind, Grant};
use crate::error::AppError;

/// The `iss` of every Kehou token.
pub const ISSUER: &str = "kehou";
/// The `aud` of an access token: this API.
pub const AUDIENCE: &str = "kehou-api";
/// The `typ` claim (and `at+jwt` header, RFC 9068) of an access token.
pub const ACCESS: &str = "access";

/// The claims Kehou puts in an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// Issuer: [`ISSUER`].
    pub iss: String,
    /// Audience: [`AUDIENCE`].
    pub aud: String,
    /// Token type: [`ACCESS`].
    pub typ: String,
    /// The user's `token_version` when the token was issued (0 for machine clients): a
    /// token whose version is behind the user's is revoked.
    #[serde(default)]
    pub ver: i64,
    /// `user:<id>` or `client:<id>`.
    pub sub: String,
    /// Staff, guardian or client.
    pub knd: CallerKind,
    /// District of a district admin or client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub did: Option<i64>,
    /// District admin.
    #[serde(default)]
    pub dad: bool,
    /// District viewer (read-only district role).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dvw: bool,
    /// School grants.
    #[serde(default)]
    pub sch: Vec<Grant>,
    /// Client scopes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scp: Vec<String>,
    /// The parent app (API client id) a guardian signed in through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azp: Option<i64>,
    /// Issued at (seconds).
    pub iat: i64,
    /// Expires at (seconds).
    pub exp: i64,
}

impl Claims {
    /// Claims for `sub` with the standard issuer, audience and type, valid for `ttl` seconds.
    pub fn new(sub: String, knd: CallerKind, ttl: u64) -> Claims {
        let now = chrono::Utc::now().timestamp();
        Claims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            typ: ACCESS.into(),
            ver: 0,
            sub,
            knd,
            did: None,
            dad: false,
            dvw: false,
            sch: Vec::new(),
            scp: Vec::new(),
            azp: None,
            iat: now,
            exp: now + ttl as i64,
        }
    }

    /// The numeric id in `sub`.
    pub fn subject_id(&self) -> Option<i64> {
        self.sub.split_once(':').and_then(|(_, id)| id.parse().ok())
    }

    /// The caller these claims describe.
    pub fn into_caller(self, request_id: String) -> Caller {
        Caller {
            kind: self.knd,
            id: self.subject_id().unwrap_or(0),
            district_id: self.did,
            district_admin: self.dad,
            district_viewer: self.dvw,
            grants: self.sch,
            scopes: self.scp,
            via_client: self.azp,
            token_version: self.ver,
            request_id,
        }
    }
}

/// The signing and verification keys.
pub struct Keys {
    active: String,
    encoding: EncodingKey,
    decoding: HashMap<String, DecodingKey>,
}

impl Keys {
    /// Builds the key set; the first key signs.
    pub fn new(keys: &[(String, Vec<u8>)]) -> anyhow::Result<Keys> {
        let (kid, secret) = keys.first().ok_or_else(|| anyhow::anyhow!("no JWT key"))?;
        Ok(Keys {
            active: kid.clone(),
            encoding: EncodingKey::from_secret(secret),
            decoding: keys
                .iter()
                .map(|(k, s)| (k.clone(), DecodingKey::from_secret(s)))
                .collect(),
        })
    }

    /// Signs claims with the active key.
    pub fn sign(&self, claims: &Claims) -> Result<String, AppError> {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(self.active.clone());
        header.typ = Some("at+jwt".into());
        encode(&header, claims, &self.encoding).map_err(|e| AppError::Internal(e.into()))
    }

    /// Verifies a token: known `kid`, HS256, signature, expiry, issuer, audience and type.
    pub fn verify(&self, token: &str) -> Result<Claims, AppError> {
        let invalid = |detail: &str| AppError::Unauthenticated {
            code: "auth.invalid_token",
            detail: detail.to_owned(),
        };
        let header = decode_header(token).map_err(|_| invalid("the access token is malformed"))?;
        let key = header
            .kid
            .as_ref()
            .and_then(|k| self.decoding.get(k))
            .ok_or_else(|| invalid("the access token was signed with an unknown key"))?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 5;
        validation.required_spec_claims = ["exp", "sub", "iss", "aud"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        if header.typ.as_deref() != Some("at+jwt") {
            return Err(invalid("the token is not an access token"));
        }
        decode::<Claims>(token, key, &validation)
            .map_err(|e| match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => AppError::Unauthenticated {
                    code: "auth.token_expired",
                    detail: "the access token has expired; refresh it".into(),
                },
                _ => invalid("the access token is invalid"),
            })
            .and_then(|d| {
                if d.claims.typ == ACCESS {
                    Ok(d.claims)
                } else {
                    Err(invalid("the token is not an access token"))
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp_in: i64) -> Claims {
        let mut c = Claims::new("user:7".into(), CallerKind::Staff, 0);
        c.exp = c.iat + exp_in;
        c.sch = vec![Grant {
            school_id: 3,
            roles: vec![super::super::Role::Gate],
        }];
        c
    }

    #[test]
    fn tokens_of_another_issuer_audience_or_type_are_refused() {
        let keys = Keys::new(&[("k1".into(), vec![1; 32])]).unwrap();
        for tamper in [
            |c: &mut Claims| c.iss = "elsewhere".into(),
            |c: &mut Claims| c.aud = "another-api".into(),
            |c: &mut Claims| c.typ = "refresh".into(),
        ] {
            let mut c = claims(60);
            tamper(&mut c);
            let token = keys.sign(&c).unwrap();
            assert_eq!(
                keys.verify(&token).unwrap_err().code(),
                "auth.invalid_token"
            );
        }
        // A token without the at+jwt header type (e.g. an ID token signed with the same key).
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some("k1".into());
        let token = encode(&header, &claims(60), &EncodingKey::from_secret(&[1; 32])).unwrap();
        assert_eq!(
            keys.verify(&token).unwrap_err().code(),
            "auth.invalid_token"
        );
        assert!(keys.verify(&keys.sign(&claims(60)).unwrap()).is_ok());
    }

    #[test]
    fn rotated_keys_still_verify_old_tokens_and_unknown_keys_fail() {
        let old = Keys::new(&[("k1".into(), vec![1; 32])]).unwrap();
        let token = old.sign(&claims(60)).unwrap();
        let rotated = Keys::new(&[("k2".into(), vec![2; 32]), ("k1".into(), vec![1; 32])]).unwrap();
        assert_eq!(rotated.verify(&token).unwrap().subject_id(), Some(7));
        let other = Keys::new(&[("k3".into(), vec![3; 32])]).unwrap();
        assert_eq!(
            other.verify(&token).unwrap_err().code(),
            "auth.invalid_token"
        );
    }

    #[test]
    fn expired_tokens_are_refused_with_their_own_code() {
        let keys = Keys::new(&[("k1".into(), vec![1; 32])]).unwrap();
        let token = keys.sign(&claims(-60)).unwrap();
        assert_eq!(
            keys.verify(&token).unwrap_err().code(),
            "auth.token_expired"
        );
    }

    #[test]
    fn a_tampered_token_is_refused() {
        let keys = Keys::new(&[("k1".into(), vec![1; 32])]).unwrap();
        let mut token = keys.sign(&claims(60)).unwrap();
        token.push('x');
        assert!(keys.verify(&token).is_err());
    }
}
