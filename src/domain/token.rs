//! One token state per account, derived from facts the API reports (TOK-1, TOK-2).
//!
//! The API reports `expires_at` and any invalidation; the state is computed here against the
//! server's clock (`now` from the response envelope, advanced by the time elapsed since), never
//! the browser's wall clock, so a wrong client clock changes nothing.

use api_types::{InvalidationReason, Timestamp, Token};
use time::Duration;

/// Accounts warn from this many days before expiry (TOK-2, NOT-1).
pub const EXPIRING_SOON_DAYS: i64 = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenState {
    /// Valid. `expires_at` is `None` for tokens that do not expire (Twitter OAuth 1.0a).
    Active {
        expires_at: Option<Timestamp>,
    },
    /// Valid, with 1..=10 days left (rounded up).
    ExpiringSoon {
        days_left: u32,
        expires_at: Timestamp,
    },
    Expired {
        expired_at: Timestamp,
    },
    /// Invalidated by the provider before expiry: the person must authorize again.
    NeedsReauth {
        reason: InvalidationReason,
    },
}

impl TokenState {
    /// Whether the token can be used for API calls right now.
    pub fn is_usable(self) -> bool {
        matches!(
            self,
            TokenState::Active { .. } | TokenState::ExpiringSoon { .. }
        )
    }

    /// Whether the account needs someone's attention (banner, Refresh Token on the collapsed card).
    pub fn needs_attention(self) -> bool {
        !matches!(self, TokenState::Active { .. })
    }
}

/// `days_left = ceil((expires_at - now) / 24 h)` (TOK-2).
pub fn days_left(expires_at: Timestamp, now: Timestamp) -> i64 {
    let left = expires_at - now;
    let day = Duration::DAY.whole_seconds();
    let secs = left.whole_seconds()
        + i64::from(left.subsec_nanoseconds() > 0 || left.subsec_nanoseconds() < 0);
    // Integer ceiling division that is also right for negative values.
    secs.div_euclid(day) + i64::from(secs.rem_euclid(day) != 0)
}

/// Derives the one state of a token at `now` (server time).
pub fn derive(token: &Token, now: Timestamp) -> TokenState {
    if let Some(inv) = &token.invalidated {
        return TokenState::NeedsReauth { reason: inv.reason };
    }
    match token.expires_at {
        None => TokenState::Active { expires_at: None },
        Some(expires_at) if now >= expires_at => TokenState::Expired {
            expired_at: expires_at,
        },
        Some(expires_at) => {
            let left = days_left(expires_at, now);
            if left <= EXPIRING_SOON_DAYS {
                // `now < expires_at` here, so `left` is at least 1.
                TokenState::ExpiringSoon {
                    days_left: u32::try_from(left.max(1)).unwrap_or(1),
                    expires_at,
                }
            } else {
                TokenState::Active {
                    expires_at: Some(expires_at),
                }
            }
        }
    }
}

/// When the derived state will next change by the passage of time alone (TOK-5): the next
/// whole-day boundary before expiry, or the expiry itself. `None` when nothing will change.
pub fn next_change(token: &Token, now: Timestamp) -> Option<Timestamp> {
    if token.invalidated.is_some() {
        return None;
    }
    let expires_at = token.expires_at?;
    if now >= expires_at {
        return None;
    }
    // days_left changes each time (expires_at - now) crosses a multiple of 24 h.
    let left = days_left(expires_at, now);
    let next = expires_at - Duration::days(left - 1);
    Some(if next > now { next } else { expires_at })
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::{Invalidation, TokenKind};
    use time::macros::datetime;

    const NOW: Timestamp = datetime!(2026-11-26 12:00 UTC);

    fn token(expires_at: Option<Timestamp>) -> Token {
        Token {
            kind: TokenKind::InstagramLongLived,
            expires_at,
            invalidated: None,
            connected_at: datetime!(2026-10-01 00:00 UTC),
            last_refreshed_at: None,
            last_refreshed_by: None,
        }
    }

    fn state_in(left: Duration) -> TokenState {
        derive(&token(Some(NOW + left)), NOW)
    }

    #[test]
    fn tok_2_eleven_days_left_is_active() {
        assert_eq!(
            state_in(Duration::days(11)),
            TokenState::Active {
                expires_at: Some(NOW + Duration::days(11))
            }
        );
        // Just over ten days rounds up to eleven: still Active.
        assert!(matches!(
            state_in(Duration::days(10) + Duration::SECOND),
            TokenState::Active { .. }
        ));
    }

    #[test]
    fn tok_2_ten_days_left_is_expiring_soon() {
        assert!(matches!(
            state_in(Duration::days(10)),
            TokenState::ExpiringSoon { days_left: 10, .. }
        ));
    }

    #[test]
    fn tok_2_days_left_rounds_up() {
        assert!(matches!(
            state_in(Duration::days(5) + Duration::hours(1)),
            TokenState::ExpiringSoon { days_left: 6, .. }
        ));
        assert!(matches!(
            state_in(Duration::days(6)),
            TokenState::ExpiringSoon { days_left: 6, .. }
        ));
        assert!(matches!(
            state_in(Duration::days(5)),
            TokenState::ExpiringSoon { days_left: 5, .. }
        ));
        assert!(matches!(
            state_in(Duration::days(1)),
            TokenState::ExpiringSoon { days_left: 1, .. }
        ));
        assert!(matches!(
            state_in(Duration::SECOND),
            TokenState::ExpiringSoon { days_left: 1, .. }
        ));
        assert!(matches!(
            state_in(Duration::MILLISECOND),
            TokenState::ExpiringSoon { days_left: 1, .. }
        ));
    }

    #[test]
    fn tok_2_expired_exactly_at_expiry_and_after() {
        let at = NOW;
        assert_eq!(
            derive(&token(Some(at)), NOW),
            TokenState::Expired { expired_at: at }
        );
        assert!(matches!(
            state_in(-Duration::days(3)),
            TokenState::Expired { .. }
        ));
    }

    #[test]
    fn tok_1_invalidation_wins_over_expiry() {
        let mut t = token(Some(NOW - Duration::days(1)));
        t.invalidated = Some(Invalidation {
            reason: InvalidationReason::PasswordChanged,
            at: NOW - Duration::days(2),
        });
        assert_eq!(
            derive(&t, NOW),
            TokenState::NeedsReauth {
                reason: InvalidationReason::PasswordChanged
            }
        );
    }

    #[test]
    fn tok_3_oauth1_tokens_never_expire() {
        let mut t = token(None);
        t.kind = TokenKind::Oauth1;
        assert_eq!(
            derive(&t, NOW + Duration::days(5000)),
            TokenState::Active { expires_at: None }
        );
    }

    #[test]
    fn tok_2_browser_clock_wrong_by_days_changes_nothing() {
        // The state is a function of the server's `now` only: there is no browser clock input.
        // A client that derives with the server time gets the same answer whatever its own clock.
        let t = token(Some(NOW + Duration::days(5)));
        let server_now = NOW;
        let wrong_browser_now = NOW + Duration::days(9);
        let with_server = derive(&t, server_now);
        assert!(matches!(
            with_server,
            TokenState::ExpiringSoon { days_left: 5, .. }
        ));
        assert_ne!(with_server, derive(&t, wrong_browser_now));
        assert_eq!(
            with_server,
            derive(
                &t,
                crate::domain::clock::ServerClock::new(server_now, 1_000.0).now_at(1_000.0)
            )
        );
    }

    #[test]
    fn tok_5_next_change_is_the_next_day_boundary_then_expiry() {
        let t = token(Some(NOW + Duration::days(5) + Duration::hours(1)));
        // 6 days left now; 5 days left from expiry - 5 d.
        assert_eq!(next_change(&t, NOW), Some(NOW + Duration::hours(1)));
        let t = token(Some(NOW + Duration::hours(3)));
        assert_eq!(next_change(&t, NOW), Some(NOW + Duration::hours(3)));
        let t = token(Some(NOW - Duration::hours(3)));
        assert_eq!(next_change(&t, NOW), None);
        assert_eq!(next_change(&token(None), NOW), None);
    }

    // ---- boundaries at 11, 10, 6, 5, 1 and 0 days, exactly at expiry, and a wrong browser
    // clock (issue 4) ----

    #[test]
    fn tok_2_days_left_at_each_boundary() {
        let table: [(Duration, i64); 12] = [
            (Duration::days(11), 11),
            (Duration::days(10) + Duration::MILLISECOND, 11),
            (Duration::days(10), 10),
            (Duration::days(6), 6),
            (Duration::days(5) + Duration::SECOND, 6),
            (Duration::days(5), 5),
            (Duration::days(1) + Duration::SECOND, 2),
            (Duration::days(1), 1),
            (Duration::SECOND, 1),
            (Duration::ZERO, 0),
            (-Duration::SECOND, 0),
            (-Duration::days(1), -1),
        ];
        for (left, want) in table {
            assert_eq!(days_left(NOW + left, NOW), want, "{left}");
        }
    }

    #[test]
    fn tok_2_states_at_each_boundary() {
        let expect = |left: Duration| match state_in(left) {
            TokenState::Active { .. } => "active".to_string(),
            TokenState::ExpiringSoon { days_left, .. } => format!("soon {days_left}"),
            TokenState::Expired { .. } => "expired".to_string(),
            TokenState::NeedsReauth { .. } => "reauth".to_string(),
        };
        assert_eq!(expect(Duration::days(11)), "active");
        assert_eq!(expect(Duration::days(10)), "soon 10");
        assert_eq!(expect(Duration::days(6)), "soon 6");
        assert_eq!(expect(Duration::days(5)), "soon 5");
        assert_eq!(expect(Duration::days(1)), "soon 1");
        // "0 days": at expiry and after, never "Expires in 0 days".
        assert_eq!(expect(Duration::ZERO), "expired");
        assert_eq!(expect(-Duration::MILLISECOND), "expired");
        assert_eq!(expect(-Duration::days(400)), "expired");
    }

    #[test]
    fn tok_2_exactly_at_expiry_is_expired_one_millisecond_before_is_not() {
        let expires = NOW + Duration::days(3);
        let t = token(Some(expires));
        assert!(matches!(
            derive(&t, expires - Duration::MILLISECOND),
            TokenState::ExpiringSoon { days_left: 1, .. }
        ));
        assert_eq!(
            derive(&t, expires),
            TokenState::Expired {
                expired_at: expires
            }
        );
    }

    #[test]
    fn tok_2_a_browser_clock_days_off_changes_nothing_through_the_server_clock() {
        use crate::domain::clock::ServerClock;
        // The server said NOW when the browser's monotonic clock read 10 s. Whatever the
        // browser's wall clock says (days ahead, days behind), the app's time is the server's
        // plus monotonic time elapsed, so the state is the same.
        let t = token(Some(NOW + Duration::days(6)));
        let clock = ServerClock::new(NOW, 10_000.0);
        let after_a_minute = clock.now_at(70_000.0);
        assert_eq!(after_a_minute, NOW + Duration::minutes(1));
        assert!(matches!(
            derive(&t, after_a_minute),
            TokenState::ExpiringSoon { days_left: 6, .. }
        ));
        for wrong_by_days in [-30i64, -5, 5, 30] {
            let browser_wall = NOW + Duration::days(wrong_by_days);
            // Deriving with the browser's wall clock would give another answer...
            assert_ne!(derive(&t, browser_wall), derive(&t, after_a_minute));
        }
        // ...and the server clock has no input for the wall clock at all: only the server's
        // `now` and the monotonic reading. A newer server reading is followed as it is.
        let mut c = clock;
        c.observe(NOW + Duration::days(7), 80_000.0);
        assert!(matches!(
            derive(&t, c.now_at(80_000.0)),
            TokenState::Expired { .. }
        ));
    }

    #[test]
    fn tok_5_next_change_at_each_boundary() {
        // Exactly 10 days left: the next change is to 9 days, a full day later.
        let t = token(Some(NOW + Duration::days(10)));
        assert_eq!(next_change(&t, NOW), Some(NOW + Duration::days(1)));
        // 11 days left: it becomes ExpiringSoon(10) a day later.
        let t = token(Some(NOW + Duration::days(11)));
        let next = next_change(&t, NOW).unwrap();
        assert_eq!(next, NOW + Duration::days(1));
        assert!(matches!(
            derive(&t, next),
            TokenState::ExpiringSoon { days_left: 10, .. }
        ));
        assert!(matches!(
            derive(&t, next - Duration::MILLISECOND),
            TokenState::Active { .. }
        ));
        // Invalidated tokens do not change by time.
        let mut t = token(Some(NOW + Duration::days(3)));
        t.invalidated = Some(Invalidation {
            reason: InvalidationReason::Revoked,
            at: NOW,
        });
        assert_eq!(next_change(&t, NOW), None);
    }
}
