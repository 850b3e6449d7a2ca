//! Streams (STR): what a stream's status means in words, and which accounts it may switch to.
//!
//! The API reports each stream's status (`running` / `stopped` with the reason, the account and
//! since when). Between two answers time passes, so a running stream whose account's token has
//! expired by the server's clock since is shown as stopped at once (TOK-5), with the same words
//! the API's own `token_expired` stop gets; the next answer confirms it. A running stream whose
//! account's token expires within [`EXPIRING_SOON_DAYS`] says so ahead of time, so it is
//! refreshed before it stops rather than after.

use api_types::{
    AccountRef, Gap, InvalidationReason, SocialAccount, StopReason, Stream, StreamRules,
    StreamStatus, Timestamp,
};

use super::token::{derive, next_change as token_next_change, TokenState, EXPIRING_SOON_DAYS};
use crate::i18n::Msg;

/// A stream's status as the person reads it.
#[derive(Clone, Debug, PartialEq)]
pub enum StreamView {
    /// Running; `gap` is the last period it was stopped, whose content is not filled in (STR-2);
    /// `expiring` when its account's token expires within [`EXPIRING_SOON_DAYS`] (TOK-2).
    Running {
        gap: Option<Gap>,
        expiring: Option<ExpiryAhead>,
    },
    Stopped(StopCause),
}

/// The expiry ahead of a running stream: its account's token expires at `at`, `days_left` days
/// from now (rounded up, as everywhere), and the stream stops then unless the token is refreshed.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpiryAhead {
    pub account: AccountRef,
    pub days_left: u32,
    pub at: Timestamp,
}

impl ExpiryAhead {
    /// The warning in words ("The Instagram Business token of @johnny expires in 5 days, on DATE").
    pub fn message(&self, date: impl Fn(Timestamp) -> String) -> Msg {
        Msg::StreamExpiring {
            network: self.account.network,
            handle: self.account.handle.clone(),
            days_left: self.days_left,
            date: date(self.at),
        }
    }
}

/// Why a stream stopped (STR-1).
#[derive(Clone, Debug, PartialEq)]
pub enum StopCause {
    /// The account's token expired at `at`.
    TokenExpired { account: AccountRef, at: Timestamp },
    /// The provider invalidated the token (`reason` when the accounts list says why).
    NeedsReauth {
        account: AccountRef,
        reason: Option<InvalidationReason>,
        since: Timestamp,
    },
    /// The account that fed the stream was deleted.
    AccountDeleted {
        account: AccountRef,
        since: Timestamp,
    },
    /// A reason this console does not know yet.
    Other { since: Option<Timestamp> },
}

impl StopCause {
    /// The account whose token a refresh would fix, if a refresh can fix it at all.
    pub fn refreshable_account(&self) -> Option<&AccountRef> {
        match self {
            StopCause::TokenExpired { account, .. } | StopCause::NeedsReauth { account, .. } => {
                Some(account)
            }
            StopCause::AccountDeleted { .. } | StopCause::Other { .. } => None,
        }
    }

    /// The reason in words ("The Instagram token of @hurray expired on DATE"). `date` formats a
    /// time for the person (the browser's `Intl` in the app, anything in tests).
    pub fn message(&self, date: impl Fn(Timestamp) -> String) -> Msg {
        match self {
            StopCause::TokenExpired { account, at } => Msg::StreamStopTokenExpired {
                network: account.network,
                handle: account.handle.clone(),
                date: date(*at),
            },
            StopCause::NeedsReauth {
                account,
                reason,
                since,
            } => Msg::StreamStopNeedsReauth {
                network: account.network,
                handle: account.handle.clone(),
                reason: *reason,
                date: date(*since),
            },
            StopCause::AccountDeleted { account, since } => Msg::StreamStopAccountDeleted {
                network: account.network,
                handle: account.handle.clone(),
                date: date(*since),
            },
            StopCause::Other { since } => Msg::StreamStopOther {
                date: since.map(&date),
            },
        }
    }
}

fn find<'a>(accounts: &'a [SocialAccount], id: &str) -> Option<&'a SocialAccount> {
    accounts.iter().find(|a| a.id == id)
}

/// The status of a stream at `now` (server time). `accounts` is the social accounts list when it
/// is known; without it the API's status is shown as it is.
pub fn view(stream: &Stream, accounts: &[SocialAccount], now: Timestamp) -> StreamView {
    match (stream.status, &stream.stopped) {
        (StreamStatus::Stopped, Some(stop)) => {
            let account = stop.account.clone();
            StreamView::Stopped(match stop.reason {
                StopReason::TokenExpired => StopCause::TokenExpired {
                    account,
                    at: stop.since,
                },
                StopReason::TokenRevoked => {
                    let reason = find(accounts, &account.id)
                        .and_then(|a| a.token.invalidated.as_ref())
                        .map(|i| i.reason);
                    StopCause::NeedsReauth {
                        account,
                        reason,
                        since: stop.since,
                    }
                }
                StopReason::AccountDeleted => StopCause::AccountDeleted {
                    account,
                    since: stop.since,
                },
                StopReason::Other => StopCause::Other {
                    since: Some(stop.since),
                },
            })
        }
        (StreamStatus::Stopped, None) => StreamView::Stopped(StopCause::Other { since: None }),
        (StreamStatus::Running, _) => {
            // TOK-5: the token may have expired since the API answered.
            let fed_by = stream
                .account
                .as_ref()
                .and_then(|r| find(accounts, &r.id).map(|a| (r, a)));
            let mut expiring = None;
            if let Some((account, acc)) = fed_by {
                match derive(&acc.token, now) {
                    TokenState::Expired { expired_at } => {
                        return StreamView::Stopped(StopCause::TokenExpired {
                            account: account.clone(),
                            at: expired_at,
                        })
                    }
                    TokenState::NeedsReauth { reason } => {
                        let since = acc.token.invalidated.as_ref().map(|i| i.at).unwrap_or(now);
                        return StreamView::Stopped(StopCause::NeedsReauth {
                            account: account.clone(),
                            reason: Some(reason),
                            since,
                        });
                    }
                    TokenState::ExpiringSoon {
                        days_left,
                        expires_at,
                    } => {
                        expiring = Some(ExpiryAhead {
                            account: account.clone(),
                            days_left,
                            at: expires_at,
                        })
                    }
                    TokenState::Active { .. } => {}
                }
            }
            StreamView::Running {
                gap: stream.last_gap.clone(),
                expiring,
            }
        }
    }
}

/// The accounts that feed running streams with a token that still counts down (not revoked).
fn feeding<'a>(
    streams: &'a [Stream],
    accounts: &'a [SocialAccount],
) -> impl Iterator<Item = &'a SocialAccount> {
    streams
        .iter()
        .filter(|s| s.status == StreamStatus::Running)
        .filter_map(|s| s.account.as_ref())
        .filter_map(|r| find(accounts, &r.id))
        .filter(|a| a.token.invalidated.is_none())
}

/// When a running stream next stops by the passage of time alone: the earliest expiry, after
/// `now`, of an account that feeds one. The page asks the API again then.
pub fn next_stop(
    streams: &[Stream],
    accounts: &[SocialAccount],
    now: Timestamp,
) -> Option<Timestamp> {
    feeding(streams, accounts)
        .filter_map(|a| a.token.expires_at)
        .filter(|at| *at > now)
        .min()
}

/// When the view of these streams next changes by the passage of time alone: a running stream's
/// account's days left change (within the last [`EXPIRING_SOON_DAYS`]: the first day of the
/// warning, then each day of it) or its token expires ([`next_stop`]).
pub fn next_change(
    streams: &[Stream],
    accounts: &[SocialAccount],
    now: Timestamp,
) -> Option<Timestamp> {
    feeding(streams, accounts)
        .filter_map(|a| {
            let expires_at = a.token.expires_at?;
            let warned_from = expires_at - time::Duration::days(EXPIRING_SOON_DAYS);
            if now < warned_from {
                // Days left further out than the warning change nothing on this page.
                Some(warned_from)
            } else {
                token_next_change(&a.token, now)
            }
        })
        .min()
}

/// Why a stream is listed in the page's summary of streams that need attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attention {
    Stopped,
    /// Running, and its account's token expires in `days_left` days (TOK-2).
    Stopping {
        days_left: u32,
    },
}

/// A stream that needs attention: its id (to reach its row), its name and why.
#[derive(Clone, Debug, PartialEq)]
pub struct AttentionItem {
    pub id: String,
    pub name: String,
    pub attention: Attention,
}

/// The streams that need attention at `now`, most urgent first: the stopped ones in the list's
/// order, then those about to stop, soonest first. A network with hundreds of streams finds
/// its few stopped ones here instead of scrolling for them.
pub fn needing_attention(
    streams: &[Stream],
    accounts: &[SocialAccount],
    now: Timestamp,
) -> Vec<AttentionItem> {
    let mut stopping = Vec::new();
    let mut out: Vec<AttentionItem> = Vec::new();
    for s in streams {
        let item = |attention| AttentionItem {
            id: s.id.clone(),
            name: s.name.clone(),
            attention,
        };
        match view(s, accounts, now) {
            StreamView::Stopped(_) => out.push(item(Attention::Stopped)),
            StreamView::Running {
                expiring: Some(e), ..
            } => stopping.push((
                e.at,
                item(Attention::Stopping {
                    days_left: e.days_left,
                }),
            )),
            StreamView::Running { expiring: None, .. } => {}
        }
    }
    // A stable sort: streams stopping at the same moment keep the list's order.
    stopping.sort_by_key(|(at, _)| *at);
    out.extend(stopping.into_iter().map(|(_, item)| item));
    out
}

/// An account a stopped stream can switch to (STR-3), with its token state now.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub account: SocialAccount,
    pub state: TokenState,
}

/// The accounts a stream may switch to: the same network as its rules, not the one it uses or
/// that stopped it, and a usable token at `now`; in the network's order (ACC-7).
pub fn switch_candidates(
    stream: &Stream,
    accounts: &[SocialAccount],
    now: Timestamp,
) -> Vec<Candidate> {
    let current = stream.account.as_ref().map(|a| a.id.as_str());
    let stopped_by = stream.stopped.as_ref().map(|s| s.account.id.as_str());
    let mut out: Vec<Candidate> = accounts
        .iter()
        .filter(|a| a.network == stream.rules.network)
        .filter(|a| Some(a.id.as_str()) != current && Some(a.id.as_str()) != stopped_by)
        .map(|a| Candidate {
            account: a.clone(),
            state: derive(&a.token, now),
        })
        .filter(|c| c.state.is_usable())
        .collect();
    out.sort_by_key(|c| c.account.position);
    out
}

/// A stream's rules in short: the hashtags (`#summer`) then the handles (`@brand_support`).
pub fn rules_terms(rules: &StreamRules) -> Vec<String> {
    rules
        .hashtags
        .iter()
        .map(|h| format!("#{}", h.trim_start_matches('#')))
        .chain(
            rules
                .handles
                .iter()
                .map(|h| format!("@{}", h.trim_start_matches('@'))),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::{
        Destination, DestinationKind, Invalidation, SocialNetwork, StreamStop, Token, TokenKind,
    };
    use time::macros::datetime;
    use time::Duration;

    const NOW: Timestamp = datetime!(2026-11-26 10:00 UTC);

    fn account(
        id: &str,
        network: SocialNetwork,
        position: u32,
        expires_in: Option<Duration>,
    ) -> SocialAccount {
        SocialAccount {
            id: id.into(),
            network,
            handle: id.trim_start_matches("acc_").into(),
            display_name: id.into(),
            avatar_url: None,
            identity_id: format!("id_{id}"),
            position,
            token: Token {
                kind: TokenKind::InstagramLongLived,
                expires_at: expires_in.map(|d| NOW + d),
                invalidated: None,
                connected_at: NOW - Duration::days(100),
                last_refreshed_at: None,
                last_refreshed_by: None,
            },
        }
    }

    fn r(a: &SocialAccount) -> AccountRef {
        AccountRef {
            id: a.id.clone(),
            network: a.network,
            handle: a.handle.clone(),
        }
    }

    fn stream(account: Option<&SocialAccount>, network: SocialNetwork) -> Stream {
        Stream {
            id: "str_1".into(),
            name: "Summer UGC".into(),
            destination: Destination {
                kind: DestinationKind::App,
                name: "Summer microsite".into(),
            },
            rules: StreamRules {
                network,
                hashtags: vec!["summer".into()],
                handles: vec![],
            },
            account: account.map(r),
            status: StreamStatus::Running,
            stopped: None,
            last_gap: None,
        }
    }

    fn stopped(mut s: Stream, reason: StopReason, by: &SocialAccount, since: Timestamp) -> Stream {
        s.status = StreamStatus::Stopped;
        s.stopped = Some(StreamStop {
            reason,
            account: r(by),
            since,
        });
        s
    }

    fn date(t: Timestamp) -> String {
        format!("D{}", t.date())
    }

    #[test]
    fn str_1_an_expired_token_stop_names_the_network_the_account_and_the_date() {
        let hurray = account(
            "acc_hurray",
            SocialNetwork::Instagram,
            0,
            Some(-Duration::days(2)),
        );
        let s = stopped(
            stream(Some(&hurray), SocialNetwork::Instagram),
            StopReason::TokenExpired,
            &hurray,
            NOW - Duration::days(2),
        );
        let v = view(&s, std::slice::from_ref(&hurray), NOW);
        let StreamView::Stopped(cause) = v else {
            panic!("stopped expected, got {v:?}")
        };
        assert_eq!(
            cause.refreshable_account().map(|a| a.handle.as_str()),
            Some("hurray")
        );
        let msg = cause.message(date);
        assert_eq!(
            msg,
            Msg::StreamStopTokenExpired {
                network: SocialNetwork::Instagram,
                handle: "hurray".into(),
                date: "D2026-11-24".into()
            }
        );
        assert_eq!(
            crate::i18n::text(crate::i18n::Locale::En, &msg),
            "The Instagram token of @hurray expired on D2026-11-24."
        );
    }

    #[test]
    fn str_1_a_revoked_token_stop_says_why_from_the_accounts_list() {
        let mut support = account("acc_support", SocialNetwork::Twitter, 1, None);
        support.token.invalidated = Some(Invalidation {
            reason: InvalidationReason::Revoked,
            at: NOW - Duration::days(6),
        });
        let s = stopped(
            stream(Some(&support), SocialNetwork::Twitter),
            StopReason::TokenRevoked,
            &support,
            NOW - Duration::days(6),
        );
        let StreamView::Stopped(cause) = view(&s, std::slice::from_ref(&support), NOW) else {
            panic!()
        };
        assert_eq!(
            cause,
            StopCause::NeedsReauth {
                account: r(&support),
                reason: Some(InvalidationReason::Revoked),
                since: NOW - Duration::days(6)
            }
        );
        let en = crate::i18n::text(crate::i18n::Locale::En, &cause.message(date));
        assert!(en.contains("needs re-authorization"), "{en}");
        assert!(en.contains("@support"), "{en}");
        // Without the accounts list the reason is still in words, only less specific.
        let StreamView::Stopped(cause) = view(&s, &[], NOW) else {
            panic!()
        };
        assert_eq!(
            cause,
            StopCause::NeedsReauth {
                account: r(&support),
                reason: None,
                since: NOW - Duration::days(6)
            }
        );
    }

    #[test]
    fn str_1_a_deleted_account_stop_offers_no_refresh() {
        let gone = account(
            "acc_gone",
            SocialNetwork::Instagram,
            0,
            Some(Duration::days(3)),
        );
        let mut s = stopped(
            stream(None, SocialNetwork::Instagram),
            StopReason::AccountDeleted,
            &gone,
            NOW - Duration::hours(1),
        );
        s.account = None;
        let StreamView::Stopped(cause) = view(&s, &[], NOW) else {
            panic!()
        };
        assert!(cause.refreshable_account().is_none());
        assert!(matches!(
            cause.message(date),
            Msg::StreamStopAccountDeleted { .. }
        ));
    }

    #[test]
    fn str_1_unknown_reasons_and_missing_detail_still_read_as_stopped() {
        let a = account(
            "acc_a",
            SocialNetwork::Instagram,
            0,
            Some(Duration::days(30)),
        );
        let s = stopped(
            stream(Some(&a), SocialNetwork::Instagram),
            StopReason::Other,
            &a,
            NOW,
        );
        assert!(matches!(
            view(&s, &[], NOW),
            StreamView::Stopped(StopCause::Other { since: Some(_) })
        ));
        let mut s = stream(Some(&a), SocialNetwork::Instagram);
        s.status = StreamStatus::Stopped;
        assert_eq!(
            view(&s, &[], NOW),
            StreamView::Stopped(StopCause::Other { since: None })
        );
    }

    #[test]
    fn tok_5_a_running_stream_reads_stopped_once_the_server_clock_passes_its_expiry() {
        let johnny = account(
            "acc_johnny",
            SocialNetwork::InstagramBusiness,
            0,
            Some(Duration::hours(1)),
        );
        let s = stream(Some(&johnny), SocialNetwork::InstagramBusiness);
        let accounts = [johnny.clone()];
        assert_eq!(
            view(&s, &accounts, NOW),
            StreamView::Running {
                gap: None,
                expiring: Some(ExpiryAhead {
                    account: r(&johnny),
                    days_left: 1,
                    at: NOW + Duration::hours(1)
                })
            }
        );
        assert_eq!(
            next_stop(std::slice::from_ref(&s), &accounts, NOW),
            Some(NOW + Duration::hours(1))
        );
        let later = NOW + Duration::hours(1);
        assert_eq!(
            view(&s, &accounts, later),
            StreamView::Stopped(StopCause::TokenExpired {
                account: r(&johnny),
                at: later
            })
        );
        assert_eq!(next_stop(&[s], &accounts, later), None);
    }

    #[test]
    fn tok_5_a_new_reading_of_the_clock_keeps_the_drawn_time_while_no_stream_stops() {
        use crate::domain::clock::states_at;
        let soon = account(
            "acc_soon",
            SocialNetwork::Instagram,
            0,
            Some(Duration::minutes(40)),
        );
        let later = account(
            "acc_later",
            SocialNetwork::Instagram,
            1,
            Some(Duration::hours(3)),
        );
        let gone = account(
            "acc_gone",
            SocialNetwork::Twitter,
            0,
            Some(-Duration::days(1)),
        );
        let mut revoked = account("acc_revoked", SocialNetwork::Twitter, 1, None);
        revoked.token.invalidated = Some(Invalidation {
            reason: InvalidationReason::PasswordChanged,
            at: NOW - Duration::hours(2),
        });
        let never = account("acc_never", SocialNetwork::Twitter, 2, None);
        // Its days left go from 6 to 5 at 50 minutes: the warning's words change then.
        let fading = account(
            "acc_fading",
            SocialNetwork::InstagramBusiness,
            0,
            Some(Duration::days(5) + Duration::minutes(50)),
        );
        // The stream fed by `soon` stopped already: its account's expiry stops nothing more.
        let stopped_soon = stopped(
            stream(Some(&soon), SocialNetwork::Instagram),
            StopReason::Other,
            &soon,
            NOW - Duration::hours(1),
        );
        let streams = [
            stopped_soon,
            stream(Some(&later), SocialNetwork::Instagram),
            stream(Some(&gone), SocialNetwork::Twitter),
            stream(Some(&revoked), SocialNetwork::Twitter),
            stream(Some(&never), SocialNetwork::Twitter),
            stream(None, SocialNetwork::Instagram),
            stream(Some(&fading), SocialNetwork::InstagramBusiness),
        ];
        let accounts = [soon, later, gone, revoked, never, fading];
        // The next stop is the 3-hour account's; the next change, the 6 days left becoming 5.
        assert_eq!(
            next_stop(&streams, &accounts, NOW),
            Some(NOW + Duration::hours(3))
        );
        let soonest = next_change(&streams, &accounts, NOW);
        assert_eq!(soonest, Some(NOW + Duration::minutes(50)));
        // Every 7 minutes for a day, and backwards: whatever time it keeps, each stream's view at
        // it is its view at the new reading.
        let mut kept = 0;
        for minutes in (-90..24 * 60).step_by(7) {
            let now = NOW + Duration::minutes(minutes);
            let at = states_at(Some(NOW), now, soonest);
            for s in &streams {
                assert_eq!(
                    view(s, &accounts, at),
                    view(s, &accounts, now),
                    "{minutes} min"
                );
            }
            if at == NOW {
                kept += 1;
            }
        }
        // The readings from 1 to 43 minutes keep it (7 of them); at 50 the days left change.
        assert_eq!(kept, 7);
    }

    #[test]
    fn tok_2_a_running_stream_warns_from_ten_days_before_its_accounts_expiry() {
        let at = |days: i64| NOW + Duration::days(days);
        let cases: [(Option<Duration>, Option<u32>); 6] = [
            (None, None),
            (Some(Duration::days(11)), None),
            (Some(Duration::days(10) + Duration::seconds(1)), None),
            (Some(Duration::days(10)), Some(10)),
            (Some(Duration::days(4) + Duration::hours(1)), Some(5)),
            (Some(Duration::minutes(1)), Some(1)),
        ];
        for (expires_in, days_left) in cases {
            let a = account(
                "acc_johnny",
                SocialNetwork::InstagramBusiness,
                0,
                expires_in,
            );
            let s = stream(Some(&a), SocialNetwork::InstagramBusiness);
            let StreamView::Running { expiring, .. } = view(&s, std::slice::from_ref(&a), NOW)
            else {
                panic!("{expires_in:?}: still running");
            };
            assert_eq!(
                expiring.as_ref().map(|e| e.days_left),
                days_left,
                "{expires_in:?}"
            );
            if let Some(e) = expiring {
                assert_eq!(Some(e.at), expires_in.map(|d| NOW + d));
                assert_eq!(e.account, r(&a));
            }
        }
        // In words: the network, the handle, the days left and the date.
        let a = account(
            "acc_johnny",
            SocialNetwork::InstagramBusiness,
            0,
            Some(Duration::days(5)),
        );
        let s = stream(Some(&a), SocialNetwork::InstagramBusiness);
        let StreamView::Running {
            expiring: Some(e), ..
        } = view(&s, std::slice::from_ref(&a), NOW)
        else {
            panic!("warned");
        };
        assert_eq!(
            e.message(date),
            Msg::StreamExpiring {
                network: SocialNetwork::InstagramBusiness,
                handle: "johnny".into(),
                days_left: 5,
                date: date(at(5)),
            }
        );
        // A stream that stopped is not warned about: it says why it stopped instead.
        let s = stopped(s, StopReason::Other, &a, NOW - Duration::hours(1));
        assert!(matches!(view(&s, &[a], NOW), StreamView::Stopped(_)));
    }

    #[test]
    fn tok_2_the_view_next_changes_when_a_warning_starts_or_its_days_left_drop() {
        let one = |expires_in: Option<Duration>| {
            let a = account("acc_a", SocialNetwork::Instagram, 0, expires_in);
            let s = stream(Some(&a), SocialNetwork::Instagram);
            next_change(&[s], &[a], NOW)
        };
        // 30 days out: when the warning starts, 10 days before the expiry; not every day before.
        assert_eq!(
            one(Some(Duration::days(30))),
            Some(NOW + Duration::days(20))
        );
        // Within the warning: when the days left drop, then the expiry itself.
        assert_eq!(
            one(Some(Duration::days(5) + Duration::hours(2))),
            Some(NOW + Duration::hours(2))
        );
        assert_eq!(
            one(Some(Duration::hours(20))),
            Some(NOW + Duration::hours(20))
        );
        // Nothing changes for a token that does not expire, or has expired.
        assert_eq!(one(None), None);
        assert_eq!(one(Some(-Duration::hours(1))), None);
        // A revoked account's stream reads stopped already: its expiry changes nothing.
        let mut a = account(
            "acc_a",
            SocialNetwork::Instagram,
            0,
            Some(Duration::days(3)),
        );
        a.token.invalidated = Some(Invalidation {
            reason: InvalidationReason::Revoked,
            at: NOW - Duration::hours(1),
        });
        let s = stream(Some(&a), SocialNetwork::Instagram);
        assert_eq!(next_change(&[s], &[a], NOW), None);
    }

    #[test]
    fn str_1_the_streams_that_need_attention_stopped_first_then_the_soonest_to_stop() {
        let ok = account(
            "acc_ok",
            SocialNetwork::Instagram,
            0,
            Some(Duration::days(40)),
        );
        let later = account(
            "acc_later",
            SocialNetwork::Instagram,
            1,
            Some(Duration::days(8)),
        );
        let sooner = account(
            "acc_sooner",
            SocialNetwork::Instagram,
            2,
            Some(Duration::hours(30)),
        );
        let gone = account(
            "acc_gone",
            SocialNetwork::Instagram,
            3,
            Some(-Duration::hours(1)),
        );
        let named = |mut s: Stream, id: &str| {
            s.id = id.into();
            s.name = id.to_uppercase();
            s
        };
        let streams = [
            named(stream(Some(&later), SocialNetwork::Instagram), "later"),
            named(stream(Some(&ok), SocialNetwork::Instagram), "ok"),
            named(
                stopped(
                    stream(Some(&ok), SocialNetwork::Instagram),
                    StopReason::Other,
                    &ok,
                    NOW - Duration::days(1),
                ),
                "api_stopped",
            ),
            named(stream(Some(&sooner), SocialNetwork::Instagram), "sooner"),
            // Running by the API's last answer, expired by the clock since (TOK-5).
            named(
                stream(Some(&gone), SocialNetwork::Instagram),
                "clock_stopped",
            ),
        ];
        let accounts = [ok, later, sooner, gone];
        let got: Vec<(String, Attention)> = needing_attention(&streams, &accounts, NOW)
            .into_iter()
            .map(|i| (i.id, i.attention))
            .collect();
        assert_eq!(
            got,
            [
                ("api_stopped".to_string(), Attention::Stopped),
                ("clock_stopped".to_string(), Attention::Stopped),
                ("sooner".to_string(), Attention::Stopping { days_left: 2 }),
                ("later".to_string(), Attention::Stopping { days_left: 8 }),
            ]
        );
        assert_eq!(
            needing_attention(&streams[1..2], &accounts, NOW),
            Vec::new()
        );
    }

    #[test]
    fn str_2_a_running_stream_carries_its_last_gap() {
        let a = account(
            "acc_a",
            SocialNetwork::Instagram,
            0,
            Some(Duration::days(60)),
        );
        let mut s = stream(Some(&a), SocialNetwork::Instagram);
        let gap = Gap {
            from: NOW - Duration::days(6),
            to: NOW,
        };
        s.last_gap = Some(gap.clone());
        assert_eq!(
            view(&s, &[a], NOW),
            StreamView::Running {
                gap: Some(gap),
                expiring: None
            }
        );
    }

    #[test]
    fn str_3_candidates_are_usable_accounts_of_the_same_network_in_order() {
        let hurray = account(
            "acc_hurray",
            SocialNetwork::Instagram,
            0,
            Some(-Duration::days(2)),
        );
        let lfqa = account(
            "acc_lfqa",
            SocialNetwork::Instagram,
            1,
            Some(Duration::days(45)),
        );
        let danni = account(
            "acc_danni",
            SocialNetwork::Instagram,
            2,
            Some(Duration::days(10) - Duration::hours(1)),
        );
        let mut revoked = account(
            "acc_revoked",
            SocialNetwork::Instagram,
            3,
            Some(Duration::days(20)),
        );
        revoked.token.invalidated = Some(Invalidation {
            reason: InvalidationReason::PasswordChanged,
            at: NOW - Duration::days(1),
        });
        let business = account(
            "acc_biz",
            SocialNetwork::InstagramBusiness,
            0,
            Some(Duration::days(30)),
        );
        let twitter = account("acc_tw", SocialNetwork::Twitter, 0, None);
        let s = stopped(
            stream(Some(&hurray), SocialNetwork::Instagram),
            StopReason::TokenExpired,
            &hurray,
            NOW - Duration::days(2),
        );
        // Given out of order: the result follows the network's order.
        let accounts = [
            twitter,
            danni.clone(),
            business,
            revoked,
            lfqa.clone(),
            hurray,
        ];
        let got: Vec<String> = switch_candidates(&s, &accounts, NOW)
            .into_iter()
            .map(|c| c.account.id)
            .collect();
        assert_eq!(got, ["acc_lfqa", "acc_danni"]);
        let c = switch_candidates(&s, &accounts, NOW);
        assert!(matches!(
            c[1].state,
            TokenState::ExpiringSoon { days_left: 10, .. }
        ));
        // Once @danni expires it is no longer offered.
        let later = NOW + Duration::days(10);
        let got: Vec<String> = switch_candidates(&s, &accounts, later)
            .into_iter()
            .map(|c| c.account.id)
            .collect();
        assert_eq!(got, ["acc_lfqa"]);
    }

    #[test]
    fn str_3_the_account_that_stopped_a_deleted_stream_is_not_offered_and_none_is_empty() {
        let lfqa = account(
            "acc_lfqa",
            SocialNetwork::Instagram,
            0,
            Some(Duration::days(45)),
        );
        let mut s = stopped(
            stream(None, SocialNetwork::Instagram),
            StopReason::AccountDeleted,
            &lfqa,
            NOW,
        );
        s.account = None;
        assert!(switch_candidates(&s, std::slice::from_ref(&lfqa), NOW).is_empty());
        assert!(switch_candidates(&s, &[], NOW).is_empty());
    }

    #[test]
    fn str_1_rules_in_short_list_hashtags_then_handles() {
        let rules = StreamRules {
            network: SocialNetwork::Twitter,
            hashtags: vec!["brandlove".into(), "#ugc".into()],
            handles: vec!["brand_support".into(), "@x".into()],
        };
        assert_eq!(
            rules_terms(&rules),
            ["#brandlove", "#ugc", "@brand_support", "@x"]
        );
    }
}
