//! Expiry notifications (NOT-1..4): the one-line impact of a notification and the Social
//! Accounts banner's summary of the accounts that need attention. Pure: tested natively.

use api_types::{
    Dependents, InvalidationReason, Milestone, SocialAccount, SocialNetwork, Timestamp,
};

use super::token::{derive, TokenState};

/// What an expiry breaks, in numbers the message catalog puts into words (NOT-2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Impact {
    /// Already expired (past tense) or still ahead (future tense).
    pub expired: bool,
    pub streams: u32,
    /// The handle Instagram search falls back to, if the account is in the search order.
    pub fallback: Option<String>,
    /// Whether the account is in the search order but nothing is left to fall back to.
    pub search_stops: bool,
    pub rights_requests: u32,
}

pub fn impact(milestone: Milestone, d: &Dependents) -> Impact {
    Impact {
        expired: milestone == Milestone::Expired,
        streams: u32::try_from(d.streams.len()).unwrap_or(u32::MAX),
        fallback: d.search_fallback.as_ref().map(|a| a.handle.clone()),
        search_stops: d.search_rank.is_some() && d.search_fallback.is_none(),
        rights_requests: d.open_rights_requests,
    }
}

/// Why an account is in the banner, most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attention {
    Expired,
    NeedsReauth(InvalidationReason),
    Expiring { days_left: u32 },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttentionItem {
    pub id: String,
    pub network: SocialNetwork,
    pub handle: String,
    pub attention: Attention,
}

/// The accounts needing attention (NOT-3): expired, needing re-authorization, expiring within
/// 10 days, in that order (the soonest expiry first); states only from `token::derive`.
pub fn needing_attention(accounts: &[SocialAccount], now: Timestamp) -> Vec<AttentionItem> {
    let mut items: Vec<AttentionItem> = accounts
        .iter()
        .filter_map(|a| {
            let attention = match derive(&a.token, now) {
                TokenState::Active { .. } => return None,
                TokenState::Expired { .. } => Attention::Expired,
                TokenState::NeedsReauth { reason } => Attention::NeedsReauth(reason),
                TokenState::ExpiringSoon { days_left, .. } => Attention::Expiring { days_left },
            };
            Some(AttentionItem {
                id: a.id.clone(),
                network: a.network,
                handle: a.handle.clone(),
                attention,
            })
        })
        .collect();
    items.sort_by(|a, b| {
        rank(a.attention)
            .cmp(&rank(b.attention))
            .then_with(|| a.handle.cmp(&b.handle))
    });
    items
}

fn rank(a: Attention) -> (u8, u32) {
    match a {
        Attention::Expired => (0, 0),
        Attention::NeedsReauth(_) => (1, 0),
        Attention::Expiring { days_left } => (2, days_left),
    }
}

/// Counts for the banner's heading: (expired, needing re-authorization, expiring soon).
pub fn counts(items: &[AttentionItem]) -> (u32, u32, u32) {
    let mut c = (0, 0, 0);
    for i in items {
        match i.attention {
            Attention::Expired => c.0 += 1,
            Attention::NeedsReauth(_) => c.1 += 1,
            Attention::Expiring { .. } => c.2 += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::{AccountRef, Invalidation, StreamRef, Token, TokenKind};
    use time::macros::datetime;
    use time::Duration;

    const NOW: Timestamp = datetime!(2026-11-26 12:00 UTC);

    fn account(id: &str, expires_in: Option<Duration>, invalid: bool) -> SocialAccount {
        SocialAccount {
            id: id.into(),
            network: SocialNetwork::Instagram,
            handle: id.into(),
            display_name: String::new(),
            avatar_url: None,
            identity_id: id.into(),
            position: 0,
            token: Token {
                kind: TokenKind::InstagramLongLived,
                expires_at: expires_in.map(|d| NOW + d),
                invalidated: invalid.then(|| Invalidation {
                    reason: InvalidationReason::PasswordChanged,
                    at: NOW - Duration::days(1),
                }),
                connected_at: NOW - Duration::days(50),
                last_refreshed_at: None,
                last_refreshed_by: None,
            },
        }
    }

    #[test]
    fn not_3_banner_lists_expired_reauth_and_expiring_within_10_days_only() {
        let accounts = vec![
            account("active45", Some(Duration::days(45)), false),
            account("eleven", Some(Duration::days(11)), false),
            account("ten", Some(Duration::days(10) - Duration::hours(1)), false),
            account("five", Some(Duration::days(5) - Duration::hours(1)), false),
            account("gone", Some(-Duration::days(2)), false),
            account("forever", None, false),
            account("changed", Some(Duration::days(30)), true),
        ];
        let items = needing_attention(&accounts, NOW);
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["gone", "changed", "five", "ten"]);
        assert_eq!(items[2].attention, Attention::Expiring { days_left: 5 });
        assert_eq!(counts(&items), (1, 1, 2));
    }

    #[test]
    fn not_3_banner_follows_the_server_clock() {
        let accounts = vec![account("ten", Some(Duration::days(10)), false)];
        assert!(needing_attention(&accounts, NOW - Duration::hours(1)).is_empty());
        assert_eq!(
            needing_attention(&accounts, NOW + Duration::days(10))[0].attention,
            Attention::Expired
        );
        assert!(needing_attention(&[], NOW).is_empty());
    }

    #[test]
    fn not_2_impact_counts_streams_and_names_the_fallback() {
        let d = Dependents {
            account_id: "acc".into(),
            streams: vec![
                StreamRef {
                    id: "s1".into(),
                    name: "A".into(),
                },
                StreamRef {
                    id: "s2".into(),
                    name: "B".into(),
                },
            ],
            search_rank: Some(1),
            search_fallback: Some(AccountRef {
                id: "acc_ig_lfqa".into(),
                network: SocialNetwork::Instagram,
                handle: "lfqa".into(),
            }),
            open_rights_requests: 0,
        };
        let i = impact(Milestone::Days10, &d);
        assert_eq!(i.streams, 2);
        assert_eq!(i.fallback.as_deref(), Some("lfqa"));
        assert!(!i.expired && !i.search_stops);
        let last = Dependents {
            search_fallback: None,
            ..d
        };
        let i = impact(Milestone::Expired, &last);
        assert!(i.expired && i.search_stops);
    }
}

/// The notifications the panel lists (NOT-2, NOT-4): a refreshed token resolved its
/// notifications, so they no longer need attention and leave the panel (the server keeps them).
/// The server's order (newest first) is kept.
pub fn open_notifications(list: &[api_types::Notification]) -> Vec<api_types::Notification> {
    list.iter().filter(|n| !n.resolved).cloned().collect()
}

/// Polling `GET /notifications`: every minute while it works; after `failures` failures in a
/// row the wait doubles, up to ten minutes.
pub const POLL_EVERY_SECS: u32 = 60;
pub const POLL_MAX_SECS: u32 = 600;

pub fn poll_delay_secs(failures: u32) -> u32 {
    let factor = 1u32.checked_shl(failures.min(16)).unwrap_or(u32::MAX);
    POLL_EVERY_SECS.saturating_mul(factor).min(POLL_MAX_SECS)
}

#[cfg(test)]
mod poll_tests {
    use super::*;

    #[test]
    fn not_2_polling_backs_off_by_doubling_up_to_ten_minutes() {
        assert_eq!(poll_delay_secs(0), 60);
        assert_eq!(poll_delay_secs(1), 120);
        assert_eq!(poll_delay_secs(2), 240);
        assert_eq!(poll_delay_secs(3), 480);
        assert_eq!(poll_delay_secs(4), 600);
        assert_eq!(poll_delay_secs(40), 600);
    }
}

/// The banner lists every account needing attention when there are at most this many.
pub const BANNER_ALL_UP_TO: usize = 3;
/// Past [`BANNER_ALL_UP_TO`], the banner lists the most urgent this many and offers the rest.
pub const BANNER_FIRST: usize = 3;

/// How many of `total` accounts the banner lists (NOT-3): all of up to three; of more, the
/// most urgent three until the person asks for all, so the banner's fixed height never hides a
/// row in a scroll box. A network of 1,000 accounts had 303 in its banner, a scroll box of 303
/// rows that no one reads and every page load drew (issue 9); each account's card says its
/// state anyway.
pub fn banner_rows(total: usize, show_all: bool) -> usize {
    if show_all || total <= BANNER_ALL_UP_TO {
        total
    } else {
        BANNER_FIRST
    }
}

#[cfg(test)]
mod banner_tests {
    use super::*;

    #[test]
    fn not_3_a_handful_is_listed_whole() {
        assert_eq!(banner_rows(0, false), 0);
        assert_eq!(banner_rows(3, false), 3);
        assert_eq!(banner_rows(BANNER_ALL_UP_TO, false), BANNER_ALL_UP_TO);
    }

    #[test]
    fn not_3_a_long_list_shows_the_most_urgent_until_asked_for_all() {
        assert_eq!(banner_rows(BANNER_ALL_UP_TO + 1, false), BANNER_FIRST);
        assert_eq!(banner_rows(5, false), 3);
        assert_eq!(banner_rows(5, true), 5);
        assert_eq!(banner_rows(303, false), BANNER_FIRST);
        assert_eq!(banner_rows(303, true), 303);
    }
}
