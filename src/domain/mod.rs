//! Pure product rules: no browser, no network. Everything here is unit-tested natively.

pub mod accounts;
pub mod clock;
pub mod token;
// ---- Streams (STR) and token refresh (OAUTH): issue 8
pub mod oauth;
pub mod streams;

// ---- Instagram search (issue 6: SRCH-1..10)
pub mod fallback;
pub mod search;
pub mod untrusted;

// ---- Expiry notifications (issue 5: NOT-1..4)
pub mod notifications;

// ---- Rights requests (issue 7: RR-2..8)
pub mod rights;
// ---- Rights Management (RR-9)
pub mod rights_settings;
pub mod routes;

#[cfg(test)]
pub mod testing;
