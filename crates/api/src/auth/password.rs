//! Password hashing with Argon2id (default parameters: 19 MiB, 2 passes) on
//! a fixed number of threads of its own, so that a login burst can neither
//! eat the memory nor hold up the async workers.
//!
//! Each hashing thread keeps its 19 MiB of Argon2 memory from one hash to
//! the next and takes the next job from the queue as soon as it is done: no
//! allocation and zeroing of the memory a hash, and no hand-over through the
//! async runtime between two hashes (issue 13: in a login burst such
//! hand-overs left a core idle between hashes).

use crate::error::{ApiError, FieldCode, FieldError};
use argon2::password_hash::PasswordHasher as _;
use argon2::password_hash::phc::{Output, PasswordHash};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::oneshot;

/// Shortest accepted password.
pub const MIN_PASSWORD_LEN: usize = 10;
/// Longest accepted password (argon2 hashes any length, but a megabyte-long
/// password is an attack, not a password).
pub const MAX_PASSWORD_LEN: usize = 128;

/// What a hashing thread is asked to do.
enum Job {
    Hash {
        password: String,
        done: oneshot::Sender<Result<String, argon2::password_hash::Error>>,
    },
    Verify {
        password: String,
        phc: String,
        done: oneshot::Sender<bool>,
    },
}

/// Hashes and verifies passwords and client secrets.
#[derive(Clone)]
pub struct Hasher {
    /// The hashing threads' queue; they stop when the last clone is dropped.
    jobs: mpsc::Sender<Job>,
    /// Verified against when the account does not exist, so that an unknown
    /// user and a wrong password take the same time.
    dummy_hash: Arc<str>,
}

impl Hasher {
    /// A hasher computing at most `concurrency` hashes at once, each on a
    /// thread of its own.
    pub fn new(concurrency: usize) -> Result<Self, argon2::password_hash::Error> {
        let dummy_hash = hash_blocking("atvejis-dummy-password-for-timing")?;
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..concurrency.max(1) {
            let queue = Arc::clone(&queue);
            let spawned = std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || {
                    let mut verifier = Verifier::default();
                    loop {
                        // Only one idle thread waits on the queue, the
                        // others on its lock; the guard is gone before the
                        // job runs.
                        let job = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
                        match job {
                            Ok(Job::Hash { password, done }) => {
                                let _ = done.send(hash_blocking(&password));
                            }
                            Ok(Job::Verify {
                                password,
                                phc,
                                done,
                            }) => {
                                let _ = done.send(verifier.verify(&password, &phc));
                            }
                            Err(mpsc::RecvError) => return, // the hasher is gone
                        }
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a hashing thread");
            }
        }
        Ok(Hasher {
            jobs,
            dummy_hash: dummy_hash.into(),
        })
    }

    /// The PHC string of `password`.
    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        let (done, answer) = oneshot::channel();
        self.submit(Job::Hash { password, done })?;
        answer
            .await
            .map_err(|_| ApiError::internal("the hashing thread stopped"))?
            .map_err(|e| ApiError::internal(format!("argon2: {e}")))
    }

    /// Whether `password` matches `phc`; with `None`, verifies against the
    /// dummy hash and answers `false`.
    pub async fn verify(&self, password: String, phc: Option<String>) -> Result<bool, ApiError> {
        let known = phc.is_some();
        let phc = phc.unwrap_or_else(|| self.dummy_hash.to_string());
        let (done, answer) = oneshot::channel();
        self.submit(Job::Verify {
            password,
            phc,
            done,
        })?;
        let matches = answer
            .await
            .map_err(|_| ApiError::internal("the hashing thread stopped"))?;
        Ok(known && matches)
    }

    fn submit(&self, job: Job) -> Result<(), ApiError> {
        self.jobs
            .send(job)
            .map_err(|_| ApiError::internal("no hashing thread is running"))
    }
}

/// Hashes on the current thread (start-up, seeding, the CLI).
pub fn hash_blocking(password: &str) -> Result<String, argon2::password_hash::Error> {
    Ok(Argon2::default()
        .hash_password(password.as_bytes())?
        .to_string())
}

/// Verifies passwords against PHC strings in Argon2 memory it keeps from
/// one verification to the next (one per thread).
#[derive(Default)]
struct Verifier {
    memory: Vec<Block>,
}

impl Verifier {
    /// Whether `password` matches `phc` (an Argon2 PHC string with any
    /// parameters); the output is compared in constant time.
    fn verify(&mut self, password: &str, phc: &str) -> bool {
        match self.compute(password, phc) {
            Ok(matches) => matches,
            Err(e) => {
                tracing::error!(error = %e, "stored password hash cannot be verified");
                false
            }
        }
    }

    fn compute(&mut self, password: &str, phc: &str) -> Result<bool, String> {
        let hash = PasswordHash::new(phc).map_err(|e| e.to_string())?;
        let (Some(salt), Some(expected)) = (&hash.salt, &hash.hash) else {
            return Err("no salt or no hash".into());
        };
        let algorithm = Algorithm::try_from(hash.algorithm.as_str()).map_err(|e| e.to_string())?;
        let version = hash
            .version
            .map(Version::try_from)
            .transpose()
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        let params = Params::try_from(&hash).map_err(|e| e.to_string())?;
        let blocks = params.block_count();
        self.memory.resize(blocks, Block::default());
        let mut out = vec![0u8; expected.len()];
        Argon2::new(algorithm, version, params)
            .hash_password_into_with_memory(
                password.as_bytes(),
                salt,
                &mut out,
                &mut self.memory[..blocks],
            )
            .map_err(|e| e.to_string())?;
        let computed = Output::new(&out).map_err(|e| e.to_string())?;
        Ok(computed == *expected)
    }
}

/// How many verifications of a password `threads` threads complete in
/// `duration` together, per second: what the machine can give logins, as
/// `make bench` compares them (`atvejis bench-hash`), computed as the
/// hashing threads compute them.
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
                    let mut verifier = Verifier::default();
                    let mut n = 0;
                    while started.elapsed() < duration {
                        verifier.verify("atvejis-bench-password", &phc);
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

    /// Several logins at once, more than the hashing threads: each is
    /// answered, and right.
    #[tokio::test]
    async fn verifications_beyond_the_threads_queue_and_are_all_answered() {
        let hasher = Hasher::new(2).unwrap();
        let phc = hasher.hash("Demo-2026!".into()).await.unwrap();
        let answers = futures_util::future::join_all((0..6).map(|i| {
            let (hasher, phc) = (hasher.clone(), phc.clone());
            let password = if i % 2 == 0 {
                "Demo-2026!"
            } else {
                "Demo-2025!"
            };
            async move { hasher.verify(password.into(), Some(phc)).await.unwrap() }
        }))
        .await;
        assert_eq!(answers, [true, false, true, false, true, false]);
    }

    /// The hashing threads' verifier, which keeps its memory from one
    /// verification to the next, agrees with the argon2 crate's own
    /// verification whatever the stored hash's algorithm, version and
    /// parameters, and whatever it verified before.
    #[test]
    fn the_verifier_agrees_with_argon2s_own_verification() {
        use argon2::password_hash::PasswordVerifier as _;
        let other = |algorithm, version, params| {
            Argon2::new(algorithm, version, params)
                .hash_password(b"Demo-2026!")
                .unwrap()
                .to_string()
        };
        let hashes = [
            hash_blocking("Demo-2026!").unwrap(),
            other(
                Algorithm::Argon2id,
                Version::V0x13,
                Params::new(1024, 1, 1, None).unwrap(),
            ),
            other(
                Algorithm::Argon2i,
                Version::V0x10,
                Params::new(2048, 3, 2, Some(16)).unwrap(),
            ),
            hash_blocking("Demo-2026!").unwrap(),
        ];
        let mut verifier = Verifier::default();
        for phc in &hashes {
            let parsed = PasswordHash::new(phc).unwrap();
            for candidate in ["Demo-2026!", "demo-2026!", "Demo-2026", ""] {
                let library = Argon2::default()
                    .verify_password(candidate.as_bytes(), &parsed)
                    .is_ok();
                assert_eq!(library, candidate == "Demo-2026!", "{phc}");
                assert_eq!(verifier.verify(candidate, phc), library, "{phc}");
            }
        }
        assert!(!verifier.verify("Demo-2026!", "not a hash"));
        assert!(!verifier.verify("Demo-2026!", "$argon2id$v=19$m=19456,t=2,p=1"));
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
