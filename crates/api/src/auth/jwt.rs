//! Access tokens: HS256 JWTs with the algorithm pinned and `exp`, `iat`,
//! `nbf`, `iss`, `aud` and `sub` required and validated.

use crate::held::Held;
use atvejis_domain::access::Role;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, errors::ErrorKind};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

/// The `iss` of every token.
pub const ISSUER: &str = "atvejis";
/// The `aud` of every token.
pub const AUDIENCE: &str = "atvejis-api";
const LEEWAY_SECS: u64 = 5;
/// How many verified tokens [`JwtKeys`] holds (a few per member of staff
/// working at once); when full, it forgets them all and starts again.
const VERIFIED_HELD: usize = 4096;

/// What kind of principal a token stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrincipalKind {
    /// A member of staff.
    User,
    /// Another municipal system.
    Service,
}

/// The claims of an access token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// The user's or service account's id.
    pub sub: Uuid,
    /// Expiry (seconds since the epoch).
    pub exp: u64,
    /// Issued at.
    pub iat: u64,
    /// Not before.
    pub nbf: u64,
    /// Token id.
    pub jti: Uuid,
    /// User or service.
    pub kind: PrincipalKind,
    /// Username or client id.
    pub name: String,
    /// Municipality.
    pub mun: Uuid,
    /// Eldership, for staff limited to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eld: Option<Uuid>,
    /// Staff roles.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Service account scopes, space-separated (RFC 8693 style).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The login session (refresh-token family) the token belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<Uuid>,
    /// The account's `version` when the token was issued: a token of an
    /// account changed since (roles, eldership, password, deactivation, a
    /// new secret) is refused, so the change takes effect at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ver: Option<i32>,
    /// A member of staff's name as views show it. Current for as long as
    /// the token is accepted: renaming the account makes a new `ver`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// `exp` is in the past.
    Expired,
    /// Anything else: bad signature, algorithm, issuer, audience, shape.
    Invalid,
}

/// The subject and grants of a token to issue.
#[derive(Debug, Clone)]
pub struct Subject {
    /// User or service.
    pub kind: PrincipalKind,
    /// Id.
    pub id: Uuid,
    /// Username or client id.
    pub name: String,
    /// Municipality.
    pub municipality_id: Uuid,
    /// Eldership.
    pub eldership_id: Option<Uuid>,
    /// Roles.
    pub roles: Vec<Role>,
    /// Scopes.
    pub scope: Option<String>,
    /// Login session.
    pub session_id: Option<Uuid>,
    /// The account's version.
    pub version: i32,
    /// A member of staff's display name.
    pub display_name: Option<String>,
}

/// Signs and checks access tokens.
///
/// A session sends the same token with every request until it refreshes
/// it, and checking the signature and parsing the claims took a twentieth
/// of the server's time on a person's file (issue 13). So the claims of
/// tokens that verified are held, by the whole token (a different byte is
/// a different token, checked in full), and their `exp` and `nbf` are
/// checked again at every use, as the library checks them. Only tokens that
/// verified are held, so nobody can fill it with made-up ones. Whether the
/// account and session still stand is not held here: the caller checks
/// that at every request.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
    verified: Arc<Held<Box<str>, Claims, VERIFIED_HELD>>,
}

impl JwtKeys {
    /// Keys from a shared secret.
    pub fn new(secret: &[u8], ttl: Duration) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "nbf", "iss", "aud", "sub"]);
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.leeway = LEEWAY_SECS;
        JwtKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl,
            verified: Arc::default(),
        }
    }

    /// The access token lifetime.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// Issues a token valid from `now_unix` for the configured lifetime.
    pub fn issue(
        &self,
        subject: &Subject,
        now_unix: u64,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let claims = Claims {
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            sub: subject.id,
            exp: now_unix + self.ttl.as_secs(),
            iat: now_unix,
            nbf: now_unix,
            jti: Uuid::new_v4(),
            kind: subject.kind,
            name: subject.name.clone(),
            mun: subject.municipality_id,
            eld: subject.eldership_id,
            roles: subject.roles.clone(),
            scope: subject.scope.clone(),
            sid: subject.session_id,
            ver: Some(subject.version),
            display_name: subject.display_name.clone(),
        };
        self.sign(&claims)
    }

    /// Signs arbitrary claims (tests build expired or foreign tokens with it).
    pub fn sign(&self, claims: &Claims) -> Result<String, jsonwebtoken::errors::Error> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
    }

    /// Checks a token and returns its claims.
    pub fn verify(&self, token: &str) -> Result<Claims, TokenError> {
        self.verify_at(token, unix_now())
    }

    /// [`JwtKeys::verify`] at `now` (seconds since the epoch) for a token
    /// already verified; a new one is checked by the library, at the system
    /// clock.
    fn verify_at(&self, token: &str, now: u64) -> Result<Claims, TokenError> {
        if let Some(claims) = self.verified.get(token) {
            // The library's rules, with the same leeway.
            return if claims.exp.saturating_add(LEEWAY_SECS) < now {
                Err(TokenError::Expired)
            } else if claims.nbf > now.saturating_add(LEEWAY_SECS) {
                Err(TokenError::Invalid)
            } else {
                Ok(claims)
            };
        }
        let claims =
            jsonwebtoken::decode::<Claims>(token.as_bytes(), &self.decoding, &self.validation)
                .map(|data| data.claims)
                .map_err(|e| match e.kind() {
                    ErrorKind::ExpiredSignature => TokenError::Expired,
                    _ => TokenError::Invalid,
                })?;
        self.verified.keep(token.into(), claims.clone());
        Ok(claims)
    }
}

/// Seconds since the epoch, by the system clock: an access token's lifetime
/// is real elapsed time, and the JWT library checks `exp`/`nbf` against the
/// system clock, so tokens are issued by it too (never by a test's manual
/// clock, which may stand at another date).
pub fn unix_now() -> u64 {
    u64::try_from(crate::clock::Clock::system().now().unix_timestamp()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    fn keys() -> JwtKeys {
        JwtKeys::new(&[7u8; 32], Duration::from_secs(900))
    }

    fn subject() -> Subject {
        Subject {
            kind: PrincipalKind::User,
            id: Uuid::new_v4(),
            name: "admin".into(),
            municipality_id: Uuid::new_v4(),
            eldership_id: None,
            roles: vec![Role::Admin],
            scope: None,
            session_id: None,
            version: 1,
            display_name: Some("Administratorius".into()),
        }
    }

    #[test]
    fn issued_token_verifies() {
        let k = keys();
        let s = subject();
        let token = k.issue(&s, unix_now()).unwrap();
        let claims = k.verify(&token).unwrap();
        assert_eq!(claims.sub, s.id);
        assert_eq!(claims.roles, vec![Role::Admin]);
    }

    #[test]
    fn expired_wrong_key_and_garbage_are_refused() {
        let k = keys();
        let s = subject();
        let old = k.issue(&s, unix_now() - 3600).unwrap();
        assert_eq!(k.verify(&old), Err(TokenError::Expired));
        let other = JwtKeys::new(&[8u8; 32], Duration::from_secs(900));
        let foreign = other.issue(&s, unix_now()).unwrap();
        assert_eq!(k.verify(&foreign), Err(TokenError::Invalid));
        assert_eq!(k.verify("not.a.token"), Err(TokenError::Invalid));
        assert_eq!(k.verify(""), Err(TokenError::Invalid));
    }

    #[test]
    fn alg_none_is_refused() {
        let k = keys();
        let token = k.issue(&subject(), unix_now()).unwrap();
        let payload = token.split('.').nth(1).unwrap();
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        assert_eq!(
            k.verify(&format!("{header}.{payload}.")),
            Err(TokenError::Invalid)
        );
        let hs512 = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS512","typ":"JWT"}"#);
        assert_eq!(
            k.verify(&format!("{hs512}.{payload}.x")),
            Err(TokenError::Invalid)
        );
    }

    #[test]
    fn wrong_audience_or_issuer_is_refused() {
        let k = keys();
        let now = unix_now();
        let mut claims = jsonwebtoken::decode::<Claims>(
            k.issue(&subject(), now).unwrap().as_bytes(),
            &k.decoding,
            &k.validation,
        )
        .unwrap()
        .claims;
        claims.aud = "someone-else".into();
        assert_eq!(
            k.verify(&k.sign(&claims).unwrap()),
            Err(TokenError::Invalid)
        );
        claims.aud = AUDIENCE.into();
        claims.iss = "evil".into();
        assert_eq!(
            k.verify(&k.sign(&claims).unwrap()),
            Err(TokenError::Invalid)
        );
    }

    #[test]
    fn a_held_token_expires_as_a_new_one_would() {
        let k = keys();
        let now = unix_now();
        let token = k.issue(&subject(), now).unwrap();
        let claims = k.verify_at(&token, now).unwrap();
        assert!(k.verified.get(token.as_str()).is_some());
        let last = claims.exp + LEEWAY_SECS;
        assert_eq!(k.verify_at(&token, last), Ok(claims.clone()));
        assert_eq!(k.verify_at(&token, last + 1), Err(TokenError::Expired));
        // Not yet valid, as the library's nbf check says.
        assert_eq!(
            k.verify_at(&token, claims.nbf - LEEWAY_SECS - 1),
            Err(TokenError::Invalid)
        );
        // A clone (another worker's state) holds the same tokens.
        assert_eq!(k.clone().verify_at(&token, now), Ok(claims));
    }

    #[test]
    fn a_token_unlike_a_held_one_in_any_byte_is_checked_in_full() {
        let k = keys();
        let token = k.issue(&subject(), unix_now()).unwrap();
        k.verify(&token).unwrap();
        let mut forged = token.clone().into_bytes();
        // A character within the signature (the last one has padding bits).
        let at = forged.len() - 5;
        forged[at] = if forged[at] == b'A' { b'Q' } else { b'A' };
        let forged = String::from_utf8(forged).unwrap();
        assert_eq!(k.verify(&forged), Err(TokenError::Invalid));
        assert_eq!(k.verify(&format!("{token} ")), Err(TokenError::Invalid));
        let other = JwtKeys::new(&[8u8; 32], Duration::from_secs(900));
        assert_eq!(other.verify(&token), Err(TokenError::Invalid));
        // Refused tokens are not held.
        assert_eq!(k.verified.len(), 1);
    }

    #[test]
    fn the_held_tokens_are_bounded() {
        let k = keys();
        let now = unix_now();
        for n in 0..=VERIFIED_HELD as u64 {
            let token = k.issue(&subject(), now - n % 60).unwrap();
            k.verify(&token).unwrap();
        }
        assert!(k.verified.len() <= VERIFIED_HELD);
    }
}
