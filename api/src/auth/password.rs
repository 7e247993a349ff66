//! Password and secret hashing (argon2id, PHC strings) and random secrets.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Hashes a password with argon2id and a random salt.
pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
}

/// Checks a password against a PHC hash.
pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A random URL-safe secret of `bytes` random bytes.
pub fn random_secret(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

/// SHA-256 hex of a high-entropy token (refresh tokens): fast lookup by hash.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// At most this many argon2 computations run at once — one core fewer than the machine has
/// (at least one): a flood of logins waits here, off the database pool, and leaves a core
/// for everyone else's requests (docs/benchmarks.md: with one per core a wrong-login flood
/// halved reads on two cores).
fn hashing_permits() -> &'static tokio::sync::Semaphore {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        tokio::sync::Semaphore::new(cores.saturating_sub(1).max(1))
    })
}

/// How long a request waits for a hashing slot before it is shed with 503.
const HASH_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

async fn off_thread<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, crate::error::AppError> {
    use crate::error::AppError;
    let _permit = tokio::time::timeout(HASH_WAIT, hashing_permits().acquire())
        .await
        .map_err(|_| AppError::Unavailable("too many sign-ins at once".into()))?
        .map_err(|_| AppError::Unavailable("shutting down".into()))?;
    actix_web::web::block(f)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("hashing task failed: {e}")))
}

/// [`verify`] on a blocking thread, never holding a database connection.
pub async fn verify_off_thread(
    password: String,
    phc: String,
) -> Result<bool, crate::error::AppError> {
    off_thread(move || verify(&password, &phc)).await
}

/// [`hash`] on a blocking thread, never holding a database connection.
pub async fn hash_off_thread(password: String) -> Result<String, crate::error::AppError> {
    off_thread(move || hash(&password))
        .await?
        .map_err(crate::error::AppError::Internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_only_the_right_password() {
        let h = hash("Kehou@2026").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("Kehou@2026", &h));
        assert!(!verify("kehou@2026", &h));
        assert!(!verify("x", "not a hash"));
    }

    #[test]
    fn secrets_are_random_and_hashes_stable() {
        assert_ne!(random_secret(32), random_secret(32));
        assert_eq!(token_hash("a"), token_hash("a"));
        assert_eq!(token_hash("a").len(), 64);
    }
}
