//! One error type for every API call, and how HTTP answers map into it (FAIL-1, FAIL-2, FAIL-3).
//!
//! Pure: decided from the status code and the body text, so it is tested natively.

use api_types::{ErrorCode, ErrorEnvelope, FieldError, Timestamp};

use crate::i18n::Msg;

#[derive(Clone, Debug, PartialEq)]
pub enum AppError {
    /// The request never got an answer: offline, DNS, connection refused, CORS.
    Offline,
    /// No answer within the client's time limit.
    Timeout,
    /// 401: the *console* session ended (FAIL-2). Never a social token.
    SessionEnded,
    /// 403: the signed-in role may not do this.
    Forbidden,
    /// 404.
    NotFound,
    /// 409: someone else changed it, or a replay with a different body.
    Conflict,
    /// 422, with the fields that failed.
    Validation(Vec<FieldError>),
    /// 429 (SRCH-9): not a token problem.
    RateLimited {
        account_id: Option<String>,
        resets_at: Option<Timestamp>,
    },
    /// The API says this social account's token has expired (only ever from its explicit code).
    TokenExpired { account_id: Option<String> },
    /// The API says this social account's token was invalidated.
    TokenRevoked { account_id: Option<String> },
    /// The person authorized a different identity than the account's (ACC-5).
    IdentityMismatch,
    /// 413.
    PayloadTooLarge,
    /// 5xx (FAIL-3: transient, never a token state).
    Server { status: u16 },
    /// A body that is not what the contract says (malformed JSON, empty, wrong shape).
    Undecodable,
    /// Any other status.
    Unexpected { status: u16 },
}

impl AppError {
    /// Maps an unsuccessful HTTP answer. The error envelope's `code` decides where it is
    /// trustworthy; a 5xx is always a server error, whatever its body claims (FAIL-3).
    pub fn from_response(status: u16, body: &str) -> (Self, Option<Timestamp>) {
        let envelope = serde_json::from_str::<ErrorEnvelope>(body).ok();
        let now = envelope.as_ref().map(|e| e.now);
        if status >= 500 {
            return (AppError::Server { status }, now);
        }
        if status == 401 {
            return (AppError::SessionEnded, now);
        }
        let Some(envelope) = envelope else {
            return (Self::from_status(status), now);
        };
        let e = envelope.error;
        let mapped = match e.code {
            ErrorCode::TokenExpired => AppError::TokenExpired {
                account_id: e.account_id,
            },
            ErrorCode::TokenRevoked => AppError::TokenRevoked {
                account_id: e.account_id,
            },
            ErrorCode::IdentityMismatch => AppError::IdentityMismatch,
            ErrorCode::RateLimited => AppError::RateLimited {
                account_id: e.account_id,
                resets_at: e.resets_at,
            },
            ErrorCode::ValidationFailed => AppError::Validation(e.fields),
            ErrorCode::NotFound => AppError::NotFound,
            ErrorCode::Forbidden => AppError::Forbidden,
            ErrorCode::Unauthenticated => AppError::SessionEnded,
            ErrorCode::Conflict => AppError::Conflict,
            ErrorCode::PayloadTooLarge => AppError::PayloadTooLarge,
            ErrorCode::Internal | ErrorCode::Unknown => Self::from_status(status),
        };
        (mapped, now)
    }

    fn from_status(status: u16) -> Self {
        match status {
            401 => AppError::SessionEnded,
            403 => AppError::Forbidden,
            404 => AppError::NotFound,
            409 => AppError::Conflict,
            413 => AppError::PayloadTooLarge,
            422 => AppError::Validation(Vec::new()),
            429 => AppError::RateLimited {
                account_id: None,
                resets_at: None,
            },
            500..=599 => AppError::Server { status },
            _ => AppError::Unexpected { status },
        }
    }

    /// Whether trying the same thing again may work.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            AppError::Offline
                | AppError::Timeout
                | AppError::Server { .. }
                | AppError::RateLimited { .. }
                | AppError::Undecodable
                | AppError::Unexpected { .. }
        )
    }

    /// The words the person reads.
    pub fn message(&self) -> Msg {
        match self {
            AppError::Offline => Msg::ErrOffline,
            AppError::Timeout => Msg::ErrTimeout,
            AppError::SessionEnded => Msg::ErrSessionEnded,
            AppError::Forbidden => Msg::ErrForbidden,
            AppError::NotFound => Msg::ErrNotFound,
            AppError::Conflict => Msg::ErrConflict,
            AppError::Validation(_) => Msg::ErrValidation,
            AppError::RateLimited { .. } => Msg::ErrRateLimited,
            AppError::TokenExpired { .. } => Msg::ErrTokenExpired,
            AppError::TokenRevoked { .. } => Msg::ErrTokenRevoked,
            AppError::IdentityMismatch => Msg::ErrIdentityMismatch,
            AppError::PayloadTooLarge => Msg::ErrPayloadTooLarge,
            AppError::Server { .. } => Msg::ErrServer,
            AppError::Undecodable => Msg::ErrUndecodable,
            AppError::Unexpected { status } => Msg::ErrUnexpected(*status),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(code: &str) -> String {
        format!(
            r#"{{"now":"2026-11-26T10:00:00Z","error":{{"code":"{code}","message":"m","account_id":"acc_1"}}}}"#
        )
    }

    #[test]
    fn fail_1_each_status_maps_to_words() {
        let cases: [(u16, &str, AppError); 9] = [
            (401, "unauthenticated", AppError::SessionEnded),
            (403, "forbidden", AppError::Forbidden),
            (404, "not_found", AppError::NotFound),
            (409, "conflict", AppError::Conflict),
            (422, "validation_failed", AppError::Validation(vec![])),
            (
                429,
                "rate_limited",
                AppError::RateLimited {
                    account_id: Some("acc_1".into()),
                    resets_at: None,
                },
            ),
            (500, "internal", AppError::Server { status: 500 }),
            (502, "internal", AppError::Server { status: 502 }),
            (503, "internal", AppError::Server { status: 503 }),
        ];
        for (status, code, want) in cases {
            let (got, now) = AppError::from_response(status, &body(code));
            assert_eq!(got, want, "status {status}");
            assert!(now.is_some(), "server time read from the error body");
        }
    }

    #[test]
    fn fail_1_bodies_that_are_not_the_envelope_still_map_by_status() {
        for (status, want) in [
            (404, AppError::NotFound),
            (409, AppError::Conflict),
            (
                429,
                AppError::RateLimited {
                    account_id: None,
                    resets_at: None,
                },
            ),
            (418, AppError::Unexpected { status: 418 }),
        ] {
            for text in ["", "<html>oops</html>", "{\"error\":", "null"] {
                assert_eq!(AppError::from_response(status, text).0, want);
            }
        }
    }

    #[test]
    fn fail_2_a_401_is_the_console_session_never_a_social_token() {
        // Even when a 401 body (wrongly) names a token code, it is the session that ended.
        assert_eq!(
            AppError::from_response(401, &body("token_expired")).0,
            AppError::SessionEnded
        );
        assert_eq!(AppError::from_response(401, "").0, AppError::SessionEnded);
        assert_ne!(
            AppError::SessionEnded.message(),
            AppError::TokenExpired { account_id: None }.message()
        );
    }

    #[test]
    fn fail_3_server_errors_never_become_token_states() {
        for status in [500, 502, 503, 504] {
            let (got, _) = AppError::from_response(status, &body("token_expired"));
            assert_eq!(got, AppError::Server { status });
            assert!(got.is_retryable());
        }
    }

    #[test]
    fn token_codes_are_read_from_the_envelope() {
        assert_eq!(
            AppError::from_response(400, &body("token_expired")).0,
            AppError::TokenExpired {
                account_id: Some("acc_1".into())
            }
        );
        assert_eq!(
            AppError::from_response(400, &body("token_revoked")).0,
            AppError::TokenRevoked {
                account_id: Some("acc_1".into())
            }
        );
        assert!(!AppError::TokenExpired { account_id: None }.is_retryable());
    }
}
