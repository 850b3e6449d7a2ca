//! The one error shape (`ErrorEnvelope`) and its HTTP statuses.
//!
//! Handlers return [`ApiErr`]; its `IntoResponse` only stashes the error in the response's
//! extensions, and the `finalize` middleware (which knows the server clock) renders the envelope.

use api_types::{ApiError, ErrorCode, FieldError};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::util::{odt, Ts};

#[derive(Debug, Clone)]
pub struct ApiErr {
    pub status: StatusCode,
    pub error: ApiError,
}

/// Marker put in a response's extensions by [`ApiErr::into_response`].
#[derive(Clone, Debug)]
pub struct PendingError(pub ApiError);

pub fn fe(field: &str, reason: &str, detail: Option<String>) -> FieldError {
    FieldError {
        field: field.to_string(),
        reason: reason.to_string(),
        detail,
    }
}

impl ApiErr {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        ApiErr {
            status,
            error: ApiError {
                code,
                message: message.into(),
                account_id: None,
                resets_at: None,
                fields: Vec::new(),
            },
        }
    }
    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            format!("{what} not found"),
        )
    }
    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            "The console session is missing or has ended; sign in again",
        )
    }
    pub fn forbidden(permission: &str) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            format!("Your role does not have the permission `{permission}`"),
        )
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, ErrorCode::Conflict, message)
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            message,
        )
    }
    pub fn too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::PayloadTooLarge,
            "The request body is larger than 64 KB",
        )
    }
    /// 422 with field errors.
    pub fn validation(fields: Vec<FieldError>) -> Self {
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::ValidationFailed,
            "The request is not valid",
        );
        e.error.fields = fields;
        e
    }
    pub fn field(field: &str, reason: &str, detail: Option<String>) -> Self {
        Self::validation(vec![fe(field, reason, detail)])
    }
    /// 400: the body is not JSON at all.
    pub fn malformed(detail: String) -> Self {
        let mut e = Self::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::ValidationFailed,
            "The request body is not valid JSON",
        );
        e.error.fields = vec![fe("body", "malformed_json", Some(detail))];
        e
    }
    /// Token problems are HTTP 400 with `token_expired` / `token_revoked` and the account.
    pub fn token(code: ErrorCode, account_id: &str, handle: &str) -> Self {
        let msg = match code {
            ErrorCode::TokenRevoked => {
                format!("The token of @{handle} was revoked; it must be authorized again")
            }
            _ => format!("The token of @{handle} has expired; refresh it or use another account"),
        };
        let mut e = Self::new(StatusCode::BAD_REQUEST, code, msg);
        e.error.account_id = Some(account_id.to_string());
        e
    }
    pub fn rate_limited(account_id: &str, handle: &str, resets_at: Ts, what: &str) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::RateLimited,
            format!("@{handle} reached its {what}; this is a rate limit, not an expired token"),
        );
        e.error.account_id = Some(account_id.to_string());
        e.error.resets_at = Some(odt(resets_at));
        e
    }
    /// The error code that fits an HTTP status (used for faults and foreign rejections).
    pub fn for_status(status: StatusCode) -> Self {
        let code = match status.as_u16() {
            400 | 415 | 422 => ErrorCode::ValidationFailed,
            401 => ErrorCode::Unauthenticated,
            403 => ErrorCode::Forbidden,
            404 | 405 => ErrorCode::NotFound,
            409 => ErrorCode::Conflict,
            413 => ErrorCode::PayloadTooLarge,
            429 => ErrorCode::RateLimited,
            _ => ErrorCode::Internal,
        };
        let reason = status.canonical_reason().unwrap_or("Error");
        Self::new(status, code, reason.to_string())
    }
}

impl From<rusqlite::Error> for ApiErr {
    fn from(e: rusqlite::Error) -> Self {
        eprintln!("stand-in: database error: {e}");
        ApiErr::internal("Database error")
    }
}

impl IntoResponse for ApiErr {
    fn into_response(self) -> Response {
        let mut r = self.status.into_response();
        r.extensions_mut().insert(PendingError(self.error));
        r
    }
}
