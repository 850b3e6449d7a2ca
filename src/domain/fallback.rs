//! Which Instagram account a search runs with, and what happens when it cannot (SRCH-4, SRCH-7,
//! SRCH-9).
//!
//! Candidates, in order: for tag searches the Instagram accounts in their fallback order
//! (`position`, ACC-7), then the Instagram Business accounts in theirs; for business user search
//! only the Business accounts (docs/decisions.md). The server never falls back by itself; the app
//! does, so it can say so:
//!
//! - an account already known to be unusable (its token derived Expired or NeedsReauth against
//!   the server clock, or the API said so earlier in this session, or a rate limit that has not
//!   reset yet) is skipped **without a request**, and still named;
//! - on `token_expired` / `token_revoked` / `rate_limited` the next candidate is tried;
//! - any other failure (offline, timeout, 5xx, …) stops the search with that error and marks
//!   nothing (FAIL-3): it is not the account's fault, and trying every account would only repeat it.

use api_types::{AccountRef, SearchType, SocialAccount, SocialNetwork, Timestamp};

use crate::api::AppError;
use crate::domain::token::{derive, TokenState};

/// Why an account did not serve the search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassReason {
    Expired,
    NeedsReauth,
    /// Not a token problem (SRCH-9).
    RateLimited {
        resets_at: Option<Timestamp>,
    },
}

impl PassReason {
    /// A token problem that a refresh can fix (Refresh Token is offered).
    pub fn is_token_problem(self) -> bool {
        matches!(self, PassReason::Expired | PassReason::NeedsReauth)
    }
}

/// What the app learned from the API during this session about an account, on top of what the
/// account list says (a list loaded a while ago can be out of date).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reported {
    pub account_id: String,
    pub reason: PassReason,
}

/// An account that was passed over, in the order it happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Passed {
    pub account: AccountRef,
    pub reason: PassReason,
    /// Skipped without a request (known beforehand) rather than answered by the API.
    pub known_up_front: bool,
}

/// The candidates for a search type, in fallback order, with each one's known problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub account: AccountRef,
    pub known_problem: Option<PassReason>,
}

pub fn account_ref(a: &SocialAccount) -> AccountRef {
    AccountRef {
        id: a.id.clone(),
        network: a.network,
        handle: a.handle.clone(),
    }
}

/// The accounts that can run a search of this type, in order (SRCH-4), with what is known about
/// each at `now` (server time).
pub fn candidates(
    accounts: &[SocialAccount],
    ty: SearchType,
    now: Timestamp,
    reported: &[Reported],
) -> Vec<Candidate> {
    let networks: &[SocialNetwork] = match ty {
        SearchType::BusinessUser => &[SocialNetwork::InstagramBusiness],
        SearchType::TopTags | SearchType::RecentTags => {
            &[SocialNetwork::Instagram, SocialNetwork::InstagramBusiness]
        }
    };
    let mut out = Vec::new();
    for network in networks {
        let mut of_network: Vec<&SocialAccount> =
            accounts.iter().filter(|a| a.network == *network).collect();
        of_network.sort_by_key(|a| a.position);
        for a in of_network {
            let from_list = match derive(&a.token, now) {
                TokenState::Expired { .. } => Some(PassReason::Expired),
                TokenState::NeedsReauth { .. } => Some(PassReason::NeedsReauth),
                TokenState::Active { .. } | TokenState::ExpiringSoon { .. } => None,
            };
            let from_api = reported
                .iter()
                .rev()
                .find(|r| r.account_id == a.id)
                .map(|r| r.reason)
                .filter(|reason| match reason {
                    PassReason::RateLimited {
                        resets_at: Some(at),
                    } => now < *at,
                    _ => true,
                });
            out.push(Candidate {
                account: account_ref(a),
                known_problem: from_list.or(from_api),
            });
        }
    }
    out
}

/// What to do next.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Pass over this account without a request, and tell the person.
    Skip(Passed),
    /// Send the search with this account.
    Try(AccountRef),
    /// No candidate left (SRCH-7).
    Exhausted,
}

/// What one answer means.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The account served the search (SRCH-6).
    Served(AccountRef),
    /// The account cannot search: tell the person and ask for the next step.
    FellBack(Passed),
    /// A failure that is not the account's: stop and show it where the search was (FAIL-1).
    Failed(AppError),
}

/// One search's walk through the candidates.
#[derive(Clone, Debug)]
pub struct Fallback {
    candidates: Vec<Candidate>,
    next: usize,
    trying: Option<AccountRef>,
    passed: Vec<Passed>,
}

impl Fallback {
    pub fn new(candidates: Vec<Candidate>) -> Self {
        Self {
            candidates,
            next: 0,
            trying: None,
            passed: Vec::new(),
        }
    }

    /// Whether there was any candidate at all.
    pub fn has_candidates(&self) -> bool {
        !self.candidates.is_empty()
    }

    /// The preferred account: the first candidate, whatever its state.
    pub fn preferred(&self) -> Option<&AccountRef> {
        self.candidates.first().map(|c| &c.account)
    }

    /// Everything passed over so far, oldest first.
    pub fn passed(&self) -> &[Passed] {
        &self.passed
    }

    /// Whether every account passed over had a token problem (not a rate limit).
    pub fn all_passed_for_tokens(&self) -> bool {
        self.passed.iter().all(|p| p.reason.is_token_problem())
    }

    /// The next step. Call again after a `Skip`; after a `Try`, report the answer with
    /// [`Fallback::answer`].
    pub fn step(&mut self) -> Step {
        let Some(candidate) = self.candidates.get(self.next).cloned() else {
            self.trying = None;
            return Step::Exhausted;
        };
        self.next += 1;
        match candidate.known_problem {
            Some(reason) => {
                let passed = Passed {
                    account: candidate.account,
                    reason,
                    known_up_front: true,
                };
                self.passed.push(passed.clone());
                Step::Skip(passed)
            }
            None => {
                self.trying = Some(candidate.account.clone());
                Step::Try(candidate.account)
            }
        }
    }

    /// The answer for the account last tried.
    pub fn answer<T>(&mut self, result: &Result<T, AppError>) -> Verdict {
        let Some(account) = self.trying.take() else {
            return Verdict::Failed(AppError::Undecodable);
        };
        let reason = match result {
            Ok(_) => return Verdict::Served(account),
            Err(AppError::TokenExpired { .. }) => PassReason::Expired,
            Err(AppError::TokenRevoked { .. }) => PassReason::NeedsReauth,
            Err(AppError::RateLimited { resets_at, .. }) => PassReason::RateLimited {
                resets_at: *resets_at,
            },
            Err(other) => return Verdict::Failed(other.clone()),
        };
        let passed = Passed {
            account,
            reason,
            known_up_front: false,
        };
        self.passed.push(passed.clone());
        Verdict::FellBack(passed)
    }
}

/// SRCH-8: an account ahead of the one that served the search (or any, when none could) that
/// can search now, typically because its token was just refreshed. `None` when the search
/// already ran with the best account there is.
pub fn better_account(candidates: &[Candidate], served_id: Option<&str>) -> Option<AccountRef> {
    for c in candidates {
        if Some(c.account.id.as_str()) == served_id {
            return None;
        }
        if c.known_problem.is_none() {
            return Some(c.account.clone());
        }
    }
    None
}

/// What an API answer teaches about an account, for later searches in this session.
pub fn reported_from(passed: &Passed) -> Option<Reported> {
    (!passed.known_up_front).then(|| Reported {
        account_id: passed.account.id.clone(),
        reason: passed.reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::{Invalidation, InvalidationReason};
    use time::macros::datetime;
    use time::Duration;

    const NOW: Timestamp = datetime!(2026-11-26 12:00 UTC);

    fn account(
        id: &str,
        network: SocialNetwork,
        position: u32,
        expires_in_days: i64,
    ) -> SocialAccount {
        let mut a = crate::domain::testing::account(
            id,
            network,
            position,
            Some(NOW + Duration::days(expires_in_days)),
        );
        a.token.connected_at = NOW - Duration::days(100);
        a
    }

    /// The demo network: @hurray expired, @lfqa and @danni active; Business @johnny active,
    /// @brandhq invalidated, @shop active; a Twitter account that never searches.
    fn demo() -> Vec<SocialAccount> {
        let mut brandhq = account("acc_brandhq", SocialNetwork::InstagramBusiness, 1, 30);
        brandhq.token.invalidated = Some(Invalidation {
            reason: InvalidationReason::PasswordChanged,
            at: NOW - Duration::days(3),
        });
        vec![
            account("acc_tw", SocialNetwork::Twitter, 0, 100),
            // Listed out of order on purpose: `position` decides.
            account("acc_danni", SocialNetwork::Instagram, 2, 10),
            account("acc_lfqa", SocialNetwork::Instagram, 1, 45),
            account("acc_hurray", SocialNetwork::Instagram, 0, -2),
            account("acc_shop", SocialNetwork::InstagramBusiness, 2, 30),
            brandhq,
            account("acc_johnny", SocialNetwork::InstagramBusiness, 0, 5),
        ]
    }

    fn ids(c: &[Candidate]) -> Vec<&str> {
        c.iter().map(|c| c.account.id.as_str()).collect()
    }

    #[test]
    fn srch_4_tag_searches_try_instagram_then_business_in_their_order() {
        let c = candidates(&demo(), SearchType::RecentTags, NOW, &[]);
        assert_eq!(
            ids(&c),
            [
                "acc_hurray",
                "acc_lfqa",
                "acc_danni",
                "acc_johnny",
                "acc_brandhq",
                "acc_shop"
            ]
        );
        assert_eq!(c[0].known_problem, Some(PassReason::Expired));
        assert_eq!(c[1].known_problem, None);
        assert_eq!(c[4].known_problem, Some(PassReason::NeedsReauth));
        assert_eq!(
            ids(&candidates(&demo(), SearchType::TopTags, NOW, &[])),
            ids(&c)
        );
    }

    #[test]
    fn srch_4_business_user_search_uses_only_business_accounts() {
        let c = candidates(&demo(), SearchType::BusinessUser, NOW, &[]);
        assert_eq!(ids(&c), ["acc_johnny", "acc_brandhq", "acc_shop"]);
    }

    #[test]
    fn srch_4_states_are_derived_against_the_server_clock() {
        // @lfqa has 45 days left; 46 days later by the server's clock it is expired.
        let later = NOW + Duration::days(46);
        let c = candidates(&demo(), SearchType::RecentTags, later, &[]);
        assert_eq!(c[1].known_problem, Some(PassReason::Expired));
    }

    #[test]
    fn srch_4_a_known_expired_first_account_is_skipped_without_a_request_and_named() {
        let mut f = Fallback::new(candidates(&demo(), SearchType::RecentTags, NOW, &[]));
        let Step::Skip(p) = f.step() else {
            panic!("hurray is skipped")
        };
        assert_eq!(p.account.handle, "hurray");
        assert_eq!(p.reason, PassReason::Expired);
        assert!(p.known_up_front);
        assert!(matches!(f.step(), Step::Try(a) if a.id == "acc_lfqa"));
        assert!(matches!(f.answer(&Ok::<(), _>(())), Verdict::Served(a) if a.id == "acc_lfqa"));
        assert_eq!(f.passed().len(), 1);
        assert_eq!(f.preferred().map(|a| a.id.as_str()), Some("acc_hurray"));
    }

    #[test]
    fn srch_4_token_expired_from_the_api_moves_to_the_next_account() {
        let mut f = Fallback::new(candidates(&demo(), SearchType::RecentTags, NOW, &[]));
        assert!(matches!(f.step(), Step::Skip(_)));
        assert!(matches!(f.step(), Step::Try(a) if a.id == "acc_lfqa"));
        let expired: Result<(), _> = Err(AppError::TokenExpired {
            account_id: Some("acc_lfqa".into()),
        });
        let Verdict::FellBack(p) = f.answer(&expired) else {
            panic!("falls back")
        };
        assert!(!p.known_up_front);
        assert_eq!(p.reason, PassReason::Expired);
        assert_eq!(
            reported_from(&p),
            Some(Reported {
                account_id: "acc_lfqa".into(),
                reason: PassReason::Expired
            })
        );
        assert!(matches!(f.step(), Step::Try(a) if a.id == "acc_danni"));
        let revoked: Result<(), _> = Err(AppError::TokenRevoked { account_id: None });
        assert!(matches!(
            f.answer(&revoked),
            Verdict::FellBack(Passed {
                reason: PassReason::NeedsReauth,
                ..
            })
        ));
        assert!(matches!(f.step(), Step::Try(a) if a.id == "acc_johnny"));
    }

    #[test]
    fn srch_9_a_rate_limit_falls_back_the_same_way_but_is_not_an_expiry() {
        let mut f = Fallback::new(candidates(&demo(), SearchType::RecentTags, NOW, &[]));
        f.step();
        f.step();
        let resets = NOW + Duration::minutes(40);
        let limited: Result<(), _> = Err(AppError::RateLimited {
            account_id: Some("acc_lfqa".into()),
            resets_at: Some(resets),
        });
        let Verdict::FellBack(p) = f.answer(&limited) else {
            panic!("falls back")
        };
        assert_eq!(
            p.reason,
            PassReason::RateLimited {
                resets_at: Some(resets)
            }
        );
        assert!(!p.reason.is_token_problem());
        assert!(!f.all_passed_for_tokens());
        assert!(matches!(f.step(), Step::Try(a) if a.id == "acc_danni"));
    }

    #[test]
    fn srch_9_a_reported_rate_limit_is_skipped_until_it_resets() {
        let reported = [Reported {
            account_id: "acc_lfqa".into(),
            reason: PassReason::RateLimited {
                resets_at: Some(NOW + Duration::minutes(40)),
            },
        }];
        let c = candidates(&demo(), SearchType::RecentTags, NOW, &reported);
        assert!(matches!(
            c[1].known_problem,
            Some(PassReason::RateLimited { .. })
        ));
        let c = candidates(
            &demo(),
            SearchType::RecentTags,
            NOW + Duration::minutes(41),
            &reported,
        );
        assert_eq!(c[1].known_problem, None);
    }

    #[test]
    fn srch_4_an_expiry_reported_by_the_api_is_known_for_the_next_search() {
        let reported = [Reported {
            account_id: "acc_lfqa".into(),
            reason: PassReason::Expired,
        }];
        let c = candidates(&demo(), SearchType::RecentTags, NOW, &reported);
        assert_eq!(c[1].known_problem, Some(PassReason::Expired));
    }

    #[test]
    fn srch_8_after_a_refresh_the_preferred_account_is_offered_again() {
        let mut accounts = demo();
        let c = candidates(&accounts, SearchType::RecentTags, NOW, &[]);
        assert_eq!(
            better_account(&c, Some("acc_lfqa")),
            None,
            "lfqa is the best there is"
        );
        // @hurray's token is refreshed: 60 more days.
        accounts[3].token.expires_at = Some(NOW + Duration::days(60));
        let c = candidates(&accounts, SearchType::RecentTags, NOW, &[]);
        assert_eq!(
            better_account(&c, Some("acc_lfqa")).map(|a| a.handle),
            Some("hurray".into())
        );
        assert_eq!(better_account(&c, Some("acc_hurray")), None);
        // A refreshed account the API had reported expired in this session: the page forgets
        // that report on refresh; while it stands, nothing is offered.
        let reported = [Reported {
            account_id: "acc_hurray".into(),
            reason: PassReason::Expired,
        }];
        accounts[3].token.expires_at = Some(NOW - Duration::days(1));
        let c = candidates(&accounts, SearchType::RecentTags, NOW, &reported);
        assert_eq!(better_account(&c, Some("acc_lfqa")), None);
    }

    #[test]
    fn srch_8_when_no_account_could_search_any_usable_one_is_offered() {
        let mut accounts = demo();
        for a in &mut accounts {
            a.token.expires_at = Some(NOW - Duration::hours(1));
        }
        let c = candidates(&accounts, SearchType::RecentTags, NOW, &[]);
        assert_eq!(better_account(&c, None), None);
        accounts[2].token.expires_at = Some(NOW + Duration::days(60)); // lfqa refreshed
        let c = candidates(&accounts, SearchType::RecentTags, NOW, &[]);
        assert_eq!(
            better_account(&c, None).map(|a| a.handle),
            Some("lfqa".into())
        );
    }

    #[test]
    fn fail_3_transient_errors_stop_the_search_and_mark_nothing() {
        for err in [
            AppError::Server { status: 503 },
            AppError::Timeout,
            AppError::Offline,
            AppError::SessionEnded,
            AppError::Undecodable,
        ] {
            let mut f = Fallback::new(candidates(&demo(), SearchType::RecentTags, NOW, &[]));
            f.step();
            f.step();
            assert_eq!(f.answer(&Err::<(), _>(err.clone())), Verdict::Failed(err));
            assert_eq!(f.passed().len(), 1, "only the known expired @hurray");
        }
    }

    #[test]
    fn srch_7_when_every_account_is_expired_nothing_is_sent() {
        let mut accounts = demo();
        for a in &mut accounts {
            a.token.expires_at = Some(NOW - Duration::hours(1));
        }
        let mut f = Fallback::new(candidates(&accounts, SearchType::RecentTags, NOW, &[]));
        let mut skipped = 0;
        loop {
            match f.step() {
                Step::Skip(_) => skipped += 1,
                Step::Try(a) => panic!("no request expected, tried {}", a.handle),
                Step::Exhausted => break,
            }
        }
        assert_eq!(skipped, 6);
        assert!(f.all_passed_for_tokens());
        assert_eq!(f.step(), Step::Exhausted, "stays exhausted");
    }

    #[test]
    fn srch_7_no_candidate_at_all() {
        let only_twitter = vec![account("acc_tw", SocialNetwork::Twitter, 0, 100)];
        let mut f = Fallback::new(candidates(&only_twitter, SearchType::TopTags, NOW, &[]));
        assert!(!f.has_candidates());
        assert_eq!(f.step(), Step::Exhausted);
    }
}
