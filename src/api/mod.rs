//! The typed client for the console API contract (`api/openapi.yaml`).
//!
//! Pages call functions here and get typed results or an [`AppError`]; they never build URLs or
//! parse JSON themselves.

pub mod error;
pub use error::AppError;

#[cfg(target_arch = "wasm32")]
mod client;
#[cfg(target_arch = "wasm32")]
pub mod early;
#[cfg(target_arch = "wasm32")]
pub use client::*;

// ---- Instagram search (issue 6)
#[cfg(target_arch = "wasm32")]
mod search;

// Streams (STR) and token refresh (TOK-4, OAUTH): more methods on `Api`.
#[cfg(target_arch = "wasm32")]
mod streams;

// ---- Expiry notifications (issue 5: NOT-2, NOT-4)
#[cfg(target_arch = "wasm32")]
mod notifications;

// ---- Rights requests (issue 7: RR-1..9)
#[cfg(target_arch = "wasm32")]
mod rights;
