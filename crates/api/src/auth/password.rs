//! Password hashing with Argon2id (default parameters: 19 MiB, 2 passes),
//! computed on the blocking thread pool and never more than a fixed number at
//! a time, so that a login burst cannot eat the memory or the async workers.

use crate::error::{ApiError, FieldCode, FieldError};
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Shortest accepted password.
pub const MIN_PASSWORD_LEN: usize = 10;
/// Longest accepted password (argon2 hashes any length, but a megabyte-long
/// password is an attack, not a password).
pub const MAX_PASSWORD_LEN: usize = 128;

/// Hashes and verifies passwords and client secrets.
#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    /// Verified against when the account does not exist, so that an unknown
    /// user and a wrong password take the same time.
    dummy_hash: Arc<str>,
}

impl Hasher {
    /// A hasher computing at most `concurrency` hashes at once.
    pub fn new(concurrency: usize) -> Result<Self, argon2::password_hash::Error> {
        let dummy_hash = hash_blocking("atvejis-dummy-password-for-timing")?;
        Ok(Hasher {
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            dummy_hash: dummy_hash.into(),
        })
    }

    /// The PHC string of `password`.
    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| ApiError::internal(format!("hash semaphore: {e}")))?;
        tokio::task::spawn_blocking(move || hash_blocking(&password))
            .await
            .map_err(|e| ApiError::internal(format!("hash task: {e}")))?
            .map_err(|e| ApiError::internal(format!("argon2: {e}")))
    }

    /// Whether `password` matches `phc`; with `None`, verifies against the
    /// dummy hash and answers `false`.
    pub async fn verify(&self, password: String, phc: Option<String>) -> Result<bool, ApiError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| ApiError::internal(format!("hash semaphore: {e}")))?;
        let known = phc.is_some();
        let phc = phc.unwrap_or_else(|| self.dummy_hash.to_string());
        let matches = tokio::task::spawn_blocking(move || verify_blocking(&password, &phc))
            .await
            .map_err(|e| ApiError::internal(format!("verify task: {e}")))?;
        Ok(known && matches)
    }
}

/// Hashes on the current thread (start-up, seeding, the CLI).
pub fn hash_blocking(password: &str) -> Result<String, argon2::password_hash::Error> {
    Ok(Argon2::default()
        .hash_password(password.as_bytes())?
        .to_string())
}

/// How many verifications of a password `threads` threads complete in
/// `duration` together, per second: what the machine can give logins, as
/// `make bench` compares them (`atvejis bench-hash`).
pub fn verifies_per_second(threads: usize, duration: std::time::Duration) -> f64 {
    let phc = match hash_blocking("atvejis-bench-password") {
        Ok(phc) => phc,
        Err(_) => return 0.0,
    };
    let started = std::time::Instant::now();
    let done: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.max(1))
            .map(|_| {
                scope.spawn(|| {
                    let mut n = 0;
                    while started.elapsed() < duration {
                        verify_blocking("atvejis-bench-password", &phc);
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
    });
    done as f64 / started.elapsed().as_secs_f64()
}

fn verify_blocking(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(e) => {
            tracing::error!(error = %e, "stored password hash does not parse");
            false
        }
    }
}

/// The password policy for new passwords: long enough, not absurdly long, and
/// not the username. Length over composition rules (NIST SP 800-63B).
pub fn check_new_password(field: &str, password: &str, username: &str) -> Result<(), FieldError> {
    let len = password.chars().count();
    if len < MIN_PASSWORD_LEN {
        return Err(FieldError::new(
            field,
            FieldCode::TooShort,
            format!("must be at least {MIN_PASSWORD_LEN} characters"),
        ));
    }
    if len > MAX_PASSWORD_LEN {
        return Err(FieldError::new(
            field,
            FieldCode::TooLong,
            format!("must be at most {MAX_PASSWORD_LEN} characters"),
        ));
    }
    let lower = password.to_lowercase();
    if !username.is_empty() && lower.contains(&username.to_lowercase()) {
        return Err(FieldError::new(
            field,
            FieldCode::ContainsUsername,
            "must not contain the username",
        ));
    }
    let mut chars = password.chars();
    if let Some(first) = chars.next()
        && chars.all(|c| c == first)
    {
        return Err(FieldError::new(
            field,
            FieldCode::TooSimple,
            "must not repeat a single character",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hash_then_verify() {
        let hasher = Hasher::new(2).unwrap();
        let phc = hasher.hash("Demo-2026!".into()).await.unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(
            hasher
                .verify("Demo-2026!".into(), Some(phc.clone()))
                .await
                .unwrap()
        );
        assert!(!hasher.verify("demo-2026!".into(), Some(phc)).await.unwrap());
        assert!(!hasher.verify("Demo-2026!".into(), None).await.unwrap());
        assert!(
            !hasher
                .verify("x".into(), Some("not a hash".into()))
                .await
                .unwrap()
        );
    }

    #[test]
    fn password_policy() {
        assert!(check_new_password("p", "Demo-2026!", "admin").is_ok());
        assert_eq!(
            check_new_password("p", "short", "a").unwrap_err().code,
            FieldCode::TooShort
        );
        assert_eq!(
            check_new_password("p", "xxadminxxyy", "admin")
                .unwrap_err()
                .code,
            FieldCode::ContainsUsername
        );
        assert_eq!(
            check_new_password("p", "aaaaaaaaaaaa", "b")
                .unwrap_err()
                .code,
            FieldCode::TooSimple
        );
        assert_eq!(
            check_new_password("p", &"ab".repeat(65), "c")
                .unwrap_err()
                .code,
            FieldCode::TooLong
        );
    }
}
