//! Pure product rules: no browser, no network. Everything here is unit-tested natively.

pub mod clock;
pub mod token;

// ---- Instagram search (issue 6: SRCH-1..10)
pub mod fallback;
pub mod search;
pub mod untrusted;
