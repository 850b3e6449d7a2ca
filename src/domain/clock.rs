//! The server's clock as seen from the browser (TOK-2).
//!
//! Every API response carries the server's `now`. We remember it together with a monotonic
//! reading of the browser (`performance.now()`, milliseconds), and later compute the server time
//! as that `now` plus the monotonic time elapsed. The browser's wall clock is never used, so a
//! client clock that is wrong by days changes nothing.

use api_types::Timestamp;
use time::Duration;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ServerClock {
    server_now: Timestamp,
    /// Monotonic milliseconds (e.g. `performance.now()`) when `server_now` was received.
    at_monotonic_ms: f64,
}

impl ServerClock {
    pub fn new(server_now: Timestamp, at_monotonic_ms: f64) -> Self {
        Self {
            server_now,
            at_monotonic_ms,
        }
    }

    /// The server's time at the given monotonic reading.
    pub fn now_at(&self, monotonic_ms: f64) -> Timestamp {
        let elapsed = (monotonic_ms - self.at_monotonic_ms).max(0.0);
        self.server_now + Duration::milliseconds(elapsed as i64)
    }

    /// Takes a newer reading of the server's time. Readings are taken as they arrive: a test
    /// clock on the server may move backwards and the app follows it.
    pub fn observe(&mut self, server_now: Timestamp, at_monotonic_ms: f64) {
        *self = Self::new(server_now, at_monotonic_ms);
    }
}

/// The time a list's states are drawn at (TOK-5): the server's time `now`, unless every state
/// drawn at `prev` is still right at `now`: the clock did not go back, and nothing changes state
/// in between (`soonest_after_prev` is the soonest change after `prev`: a token's
/// [`next_change`](super::token::next_change) on Social Accounts, a running stream's
/// [`next_change`](super::streams::next_change) on Streams). Every API answer reads the server's
/// clock again; a reading that changes no state redraws nothing.
pub fn states_at(
    prev: Option<Timestamp>,
    now: Timestamp,
    soonest_after_prev: Option<Timestamp>,
) -> Timestamp {
    match prev {
        Some(prev) if prev <= now && soonest_after_prev.is_none_or(|at| at > now) => prev,
        _ => now,
    }
}

/// The longest wait a browser timer takes (`setTimeout` holds a signed 32-bit count of ms).
/// Longer waits wake up early, look again and schedule the rest.
pub const MAX_TIMER_MS: u32 = 24 * 24 * 3_600_000;
/// Wake a little after the boundary, never just before it.
pub const TIMER_MARGIN_MS: u32 = 50;

/// Milliseconds to wait from `now` until `at`, plus a margin, clamped to what a timer holds.
pub fn wait_ms(at: Timestamp, now: Timestamp) -> u32 {
    let ms = (at - now).whole_milliseconds().max(0);
    let ms = u32::try_from(ms).unwrap_or(u32::MAX);
    ms.saturating_add(TIMER_MARGIN_MS).min(MAX_TIMER_MS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn tok_2_server_time_advances_with_monotonic_time() {
        let c = ServerClock::new(datetime!(2026-11-26 12:00 UTC), 500.0);
        assert_eq!(c.now_at(500.0), datetime!(2026-11-26 12:00 UTC));
        assert_eq!(c.now_at(2_500.0), datetime!(2026-11-26 12:00:02 UTC));
        // A monotonic reading from before the observation never moves time backwards.
        assert_eq!(c.now_at(0.0), datetime!(2026-11-26 12:00 UTC));
    }
}
