//! Rules of the Social Accounts page (ACC) that do not need a browser: the sections and their
//! fallback order, Move up / Move down, where Refresh Token sits, the words for each token state
//! and history entry, what an OAuth flow ended in, which `postMessage` to believe, and when the
//! page must look at the time again (TOK-5). Everything here is unit-tested natively.

use api_types::{
    HistoryEntry, HistoryKind, InvalidationReason, SocialAccount, SocialNetwork, Timestamp,
};

use super::token::TokenState;
use crate::i18n::{FailureReason, Msg};

/// The three sections in the order ACC-1 fixes, each with its accounts in fallback order
/// (`position`, ACC-7). Accounts keep the API's order among equal positions.
pub fn sections(accounts: Vec<SocialAccount>) -> [(SocialNetwork, Vec<SocialAccount>); 3] {
    let mut out = SocialNetwork::ALL.map(|n| (n, Vec::new()));
    for a in accounts {
        if let Some((_, list)) = out.iter_mut().find(|(n, _)| *n == a.network) {
            list.push(a);
        }
    }
    for (_, list) in out.iter_mut() {
        list.sort_by_key(|a| a.position);
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// The complete new order after moving `id` one place (ACC-7), or `None` when it cannot move
/// (already first / last, or not in the list).
pub fn moved(ids: &[String], id: &str, dir: Direction) -> Option<Vec<String>> {
    let i = ids.iter().position(|x| x == id)?;
    let j = match dir {
        Direction::Up => i.checked_sub(1)?,
        Direction::Down => (i + 1 < ids.len()).then_some(i + 1)?,
    };
    let mut v = ids.to_vec();
    v.swap(i, j);
    Some(v)
}

/// Where a card shows its Refresh Token button (ACC-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefreshPlacement {
    /// On the collapsed card: the token is expiring, expired or invalidated.
    OnCard,
    /// Inside the expanded card: the token is fine.
    Inside,
}

pub fn refresh_placement(state: TokenState) -> RefreshPlacement {
    if state.needs_attention() {
        RefreshPlacement::OnCard
    } else {
        RefreshPlacement::Inside
    }
}

/// How a state looks next to its words (never colour alone, ACC-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateIcon {
    /// A check mark.
    Ok,
    /// A clock: expiring soon.
    Clock,
    /// The red warning triangle of the original console (`warningError.png`).
    Warning,
}

pub fn state_icon(state: TokenState) -> StateIcon {
    match state {
        TokenState::Active { .. } => StateIcon::Ok,
        TokenState::ExpiringSoon { .. } => StateIcon::Clock,
        TokenState::Expired { .. } | TokenState::NeedsReauth { .. } => StateIcon::Warning,
    }
}

/// The state in words (ACC-2). `date` formats a date for the reader (the browser's `Intl` in
/// the app, anything in tests).
pub fn state_msg(state: TokenState, date: impl Fn(Timestamp) -> String) -> Msg {
    match state {
        TokenState::Active { expires_at } => Msg::AccStateActive(expires_at.map(date)),
        TokenState::ExpiringSoon { days_left, .. } => Msg::AccStateExpiring(days_left),
        TokenState::Expired { .. } => Msg::AccStateExpired,
        TokenState::NeedsReauth { reason } => Msg::AccStateNeedsReauth(reason),
    }
}

/// Why a refresh failed, from the history entry's machine `detail`.
pub fn failure_reason(detail: Option<&str>) -> FailureReason {
    match detail {
        Some("denied") => FailureReason::Denied,
        Some("identity_mismatch") => FailureReason::IdentityMismatch,
        Some("token_expired") | Some("expired") => FailureReason::TokenExpired,
        Some("token_revoked") | Some("revoked") => FailureReason::TokenRevoked,
        _ => FailureReason::Unknown,
    }
}

fn invalidation_reason(detail: Option<&str>) -> InvalidationReason {
    detail
        .and_then(|d| serde_json::from_value(serde_json::Value::String(d.to_string())).ok())
        .unwrap_or(InvalidationReason::Other)
}

/// One history entry in words (ACC-9).
pub fn history_msg(entry: &HistoryEntry) -> Msg {
    let by = entry.actor.as_ref().map(|p| p.name.clone());
    let detail = entry.detail.as_deref();
    match entry.kind {
        HistoryKind::Connected => Msg::AccHistConnected(by),
        HistoryKind::Refreshed => Msg::AccHistRefreshed(by),
        HistoryKind::RefreshFailed => Msg::AccHistRefreshFailed {
            by,
            why: failure_reason(detail),
        },
        HistoryKind::WarningSent => Msg::AccHistWarning(match detail {
            Some("days10") => Some(10),
            Some("days5") => Some(5),
            _ => None,
        }),
        HistoryKind::Expired => Msg::AccHistExpired,
        HistoryKind::Revoked => Msg::AccHistRevoked(invalidation_reason(detail)),
        HistoryKind::Reconnected => Msg::AccHistReconnected(by),
        HistoryKind::Other => Msg::AccHistOther,
    }
}

/// The avatar to show: only `https:` URLs (SRCH-10), else a letter placeholder. The same rule as
/// every other untrusted address ([`safe_link`](crate::domain::untrusted::safe_link)): no
/// credentials in the host, no bidi, zero-width or control characters, no backslashes (the hostile
/// corpus of issue 10 found `https://user:pass@evil.example/` and a right-to-left override let
/// through by the looser check this used to have).
pub fn safe_avatar(url: Option<&str>) -> Option<&str> {
    crate::domain::untrusted::safe_link(url?.trim())
}

/// The name a card shows: the display name, or `@handle` when it is blank.
pub fn shown_name(account: &SocialAccount) -> String {
    let name = account.display_name.trim();
    if name.is_empty() {
        format!("@{}", account.handle)
    } else {
        name.to_string()
    }
}

/// The letter of the avatar placeholder.
pub fn initial(account: &SocialAccount) -> String {
    account
        .display_name
        .trim()
        .chars()
        .chain(account.handle.chars())
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_else(|| "?".to_string())
}

/// An element id made from an opaque account id: letters, digits, `-` and `_` stay, everything
/// else is written as `.XX` hex so two ids never collide.
pub fn dom_id(prefix: &str, id: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + id.len() + 1);
    out.push_str(prefix);
    out.push('-');
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!(".{b:02x}"));
        }
    }
    out
}

/// Puts a refreshed or newly connected account into its list: the same record is replaced in
/// place (a refresh never adds a row, ACC-5); a new one goes to the end. Returns whether it was
/// already there.
pub fn upsert(list: &mut Vec<SocialAccount>, account: SocialAccount) -> bool {
    match list.iter_mut().find(|a| a.id == account.id) {
        Some(slot) => {
            *slot = account;
            true
        }
        None => {
            list.push(account);
            false
        }
    }
}

/// After an add, whether the identity was already connected and got refreshed instead of being
/// added twice (ACC-5). The API says so in the facts: a new account was connected just now and
/// never refreshed; an existing one was connected earlier and refreshed just now. (Read from the
/// facts rather than from the list on screen, which after "Continue in this tab" was loaded when
/// the account was already there.)
pub fn add_refreshed_existing(account: &SocialAccount) -> bool {
    account
        .token
        .last_refreshed_at
        .is_some_and(|refreshed| refreshed > account.token.connected_at)
}

/// How many cards a long section shows at first (a 1,440 px tall window of them below the
/// banner); the rest follow in steps of [`RENDER_STEP`] between frames, so the first screen of
/// 1,000 accounts is quick.
pub const RENDER_FIRST: usize = 24;
pub const RENDER_STEP: usize = 240;

/// How many cards to show at first, so that the open account (`?account=`) is among them.
pub fn first_batch(ids: &[String], open: Option<&str>) -> usize {
    let open_at = open
        .and_then(|id| ids.iter().position(|x| x == id))
        .map_or(0, |i| i + 1);
    RENDER_FIRST.max(open_at).min(ids.len().max(RENDER_FIRST))
}

/// The names in "Ask an admin: NAME, NAME" (ACC-8).
pub fn admin_names(admins: &[api_types::Person]) -> String {
    admins
        .iter()
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clock::{states_at, wait_ms, MAX_TIMER_MS, TIMER_MARGIN_MS};
    use crate::domain::token::{derive, next_change};
    use crate::i18n::{text, Locale};
    use api_types::{Invalidation, Person, Token, TokenKind};
    use time::macros::datetime;
    use time::Duration;

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

    fn account(id: &str, network: SocialNetwork, position: u32) -> SocialAccount {
        SocialAccount {
            id: id.into(),
            network,
            handle: id.trim_start_matches("acc_").into(),
            display_name: id.to_uppercase(),
            avatar_url: None,
            identity_id: format!("idn_{id}"),
            position,
            token: token(Some(NOW + Duration::days(30))),
        }
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn en(m: Msg) -> String {
        text(Locale::En, &m).into_owned()
    }

    #[test]
    fn acc_1_sections_in_order_each_by_position() {
        use SocialNetwork::*;
        let s = sections(vec![
            account("b2", InstagramBusiness, 1),
            account("i1", Instagram, 1),
            account("t0", Twitter, 0),
            account("b1", InstagramBusiness, 0),
            account("i0", Instagram, 0),
        ]);
        assert_eq!(
            s.each_ref().map(|(n, _)| *n),
            [Twitter, Instagram, InstagramBusiness]
        );
        let names = |i: usize| s[i].1.iter().map(|a| a.id.as_str()).collect::<Vec<_>>();
        assert_eq!(names(0), ["t0"]);
        assert_eq!(names(1), ["i0", "i1"]);
        assert_eq!(names(2), ["b1", "b2"]);
        // An empty network still has its section.
        let s = sections(vec![account("i0", Instagram, 0)]);
        assert!(s[0].1.is_empty() && s[2].1.is_empty());
    }

    #[test]
    fn acc_7_move_up_and_down_swap_neighbours_and_stop_at_the_ends() {
        let order = ids(&["a", "b", "c"]);
        assert_eq!(
            moved(&order, "b", Direction::Up),
            Some(ids(&["b", "a", "c"]))
        );
        assert_eq!(
            moved(&order, "b", Direction::Down),
            Some(ids(&["a", "c", "b"]))
        );
        assert_eq!(
            moved(&order, "c", Direction::Up),
            Some(ids(&["a", "c", "b"]))
        );
        assert_eq!(moved(&order, "a", Direction::Up), None);
        assert_eq!(moved(&order, "c", Direction::Down), None);
        assert_eq!(moved(&order, "zz", Direction::Down), None);
        assert_eq!(moved(&ids(&["only"]), "only", Direction::Down), None);
        // The complete list is sent: nothing lost, nothing doubled.
        let m = moved(&order, "a", Direction::Down).unwrap();
        let mut sorted = m.clone();
        sorted.sort();
        assert_eq!(sorted, order);
    }

    #[test]
    fn acc_3_refresh_sits_on_the_card_only_when_the_token_needs_attention() {
        let at = NOW + Duration::days(30);
        assert_eq!(
            refresh_placement(TokenState::Active {
                expires_at: Some(at)
            }),
            RefreshPlacement::Inside
        );
        assert_eq!(
            refresh_placement(TokenState::Active { expires_at: None }),
            RefreshPlacement::Inside
        );
        for s in [
            TokenState::ExpiringSoon {
                days_left: 10,
                expires_at: at,
            },
            TokenState::Expired { expired_at: at },
            TokenState::NeedsReauth {
                reason: InvalidationReason::Revoked,
            },
        ] {
            assert_eq!(refresh_placement(s), RefreshPlacement::OnCard, "{s:?}");
        }
    }

    #[test]
    fn acc_2_states_in_words_with_their_icon() {
        let date = |_t: Timestamp| "DATE".to_string();
        let label = |left: Duration| {
            let s = derive(&token(Some(NOW + left)), NOW);
            (en(state_msg(s, date)), state_icon(s))
        };
        assert_eq!(
            label(Duration::days(11)),
            ("Active · expires on DATE".into(), StateIcon::Ok)
        );
        assert_eq!(
            label(Duration::days(10)),
            ("Expires in 10 days".into(), StateIcon::Clock)
        );
        assert_eq!(
            label(Duration::days(5)),
            ("Expires in 5 days".into(), StateIcon::Clock)
        );
        assert_eq!(
            label(Duration::hours(2)),
            ("Expires in 1 day".into(), StateIcon::Clock)
        );
        assert_eq!(
            label(Duration::ZERO),
            ("Expired".into(), StateIcon::Warning)
        );
        let mut t = token(None);
        t.kind = TokenKind::Oauth1;
        assert_eq!(
            en(state_msg(derive(&t, NOW), date)),
            "Active · does not expire"
        );
        t.invalidated = Some(Invalidation {
            reason: InvalidationReason::PasswordChanged,
            at: NOW,
        });
        let s = derive(&t, NOW);
        assert_eq!(state_icon(s), StateIcon::Warning);
        assert_eq!(
            en(state_msg(s, date)),
            "Needs re-authorization: the password was changed"
        );
    }

    #[test]
    fn acc_9_history_entries_in_words() {
        let ada = Some(Person {
            id: "usr_ada".into(),
            name: "Ada Admin".into(),
        });
        let e = |kind, actor: Option<Person>, detail: Option<&str>| HistoryEntry {
            at: NOW,
            kind,
            actor,
            detail: detail.map(str::to_string),
        };
        use HistoryKind::*;
        let cases = [
            (e(Connected, ada.clone(), None), "Connected by Ada Admin"),
            (
                e(Refreshed, ada.clone(), None),
                "Token refreshed by Ada Admin",
            ),
            (e(Refreshed, None, None), "Token refreshed"),
            (
                e(RefreshFailed, ada.clone(), Some("denied")),
                "Refresh by Ada Admin failed: authorization was denied at the provider",
            ),
            (
                e(RefreshFailed, None, Some("identity_mismatch")),
                "Refresh failed: a different account was authorized",
            ),
            (
                e(RefreshFailed, None, Some("something_new")),
                "Refresh failed: the provider gave no reason",
            ),
            (
                e(WarningSent, None, Some("days10")),
                "Expiry warning sent: 10 days left",
            ),
            (
                e(WarningSent, None, Some("days5")),
                "Expiry warning sent: 5 days left",
            ),
            (e(Expired, None, None), "Token expired"),
            (
                e(Revoked, None, Some("password_changed")),
                "Access invalidated: the password was changed",
            ),
            (
                e(Revoked, None, Some("nonsense")),
                "Access invalidated: the provider invalidated the token",
            ),
            (
                e(Reconnected, ada.clone(), None),
                "Reconnected by Ada Admin",
            ),
        ];
        for (entry, want) in cases {
            assert_eq!(en(history_msg(&entry)), want, "{entry:?}");
        }
    }

    /// The soonest moment any of these tokens changes state by time alone, as Social Accounts'
    /// TOK-5 effect finds it over its cards.
    fn soonest_change<'a>(
        tokens: impl IntoIterator<Item = &'a Token>,
        now: Timestamp,
    ) -> Option<Timestamp> {
        tokens.into_iter().filter_map(|t| next_change(t, now)).min()
    }

    #[test]
    fn tok_5_the_soonest_change_across_accounts_and_the_timer_wait() {
        let tokens = [
            token(Some(NOW + Duration::days(30))),
            token(Some(NOW + Duration::hours(3))),
            token(None),
            token(Some(NOW - Duration::days(1))),
        ];
        // 30 days left changes at 29 days left (in 1 day); the 3-hour token expires sooner.
        assert_eq!(
            soonest_change(tokens.iter(), NOW),
            Some(NOW + Duration::hours(3))
        );
        assert_eq!(soonest_change([&token(None)], NOW), None);
        assert_eq!(
            wait_ms(NOW + Duration::seconds(3), NOW),
            3_000 + TIMER_MARGIN_MS
        );
        assert_eq!(wait_ms(NOW - Duration::seconds(3), NOW), TIMER_MARGIN_MS);
        assert_eq!(wait_ms(NOW + Duration::days(400), NOW), MAX_TIMER_MS);
        assert!(i32::try_from(MAX_TIMER_MS).is_ok());
    }

    #[test]
    fn tok_5_a_new_reading_of_the_clock_keeps_the_drawn_time_while_no_state_changes() {
        let tokens = [
            token(Some(NOW + Duration::days(30) + Duration::hours(2))),
            token(Some(NOW + Duration::days(4) + Duration::minutes(30))),
            token(Some(NOW + Duration::hours(5))),
            token(Some(NOW - Duration::days(1))),
            token(None),
        ];
        let soonest = soonest_change(tokens.iter(), NOW);
        // Every minute for two days, and backwards: whatever time it keeps, each state drawn at
        // it is the state at the new reading.
        let mut kept = 0;
        for minutes in (-90..2 * 24 * 60).step_by(7) {
            let now = NOW + Duration::minutes(minutes);
            let at = states_at(Some(NOW), now, soonest);
            for t in &tokens {
                assert_eq!(derive(t, at), derive(t, now), "{minutes} min");
            }
            if at == NOW {
                kept += 1;
            }
        }
        // Until the first change (the 4-day token becomes 4 days left in 30 min), the drawn
        // time is kept; a clock that went back, or the change itself, moves it.
        assert_eq!(soonest, Some(NOW + Duration::minutes(30)));
        assert_eq!(kept, 5, "0, 7, 14, 21 and 28 minutes");
        assert_eq!(
            states_at(Some(NOW), NOW - Duration::seconds(1), soonest),
            NOW - Duration::seconds(1)
        );
        assert_eq!(states_at(None, NOW, None), NOW);
        assert_eq!(states_at(Some(NOW), NOW + Duration::days(900), None), NOW);
    }

    #[test]
    fn tok_5_an_open_page_reaches_expired_by_following_next_change() {
        // Follow the timer from 11 days before expiry: each wake-up is a state change, and the
        // last one is Expired exactly at expires_at.
        let expires = NOW + Duration::days(11) + Duration::minutes(7);
        let t = token(Some(expires));
        let mut now = NOW;
        let mut seen = vec![];
        while let Some(next) = next_change(&t, now) {
            now = next;
            seen.push(derive(&t, now));
        }
        assert_eq!(now, expires);
        assert_eq!(
            seen.last(),
            Some(&TokenState::Expired {
                expired_at: expires
            })
        );
        let days: Vec<u32> = seen
            .iter()
            .filter_map(|s| match s {
                TokenState::ExpiringSoon { days_left, .. } => Some(*days_left),
                _ => None,
            })
            .collect();
        assert_eq!(days, (1..=10).rev().collect::<Vec<_>>());
    }

    #[test]
    fn acc_5_a_refreshed_account_replaces_its_row_never_adds_one() {
        let mut list = vec![
            account("a", SocialNetwork::Instagram, 0),
            account("b", SocialNetwork::Instagram, 1),
        ];
        let mut b = account("b", SocialNetwork::Instagram, 1);
        b.token.expires_at = Some(NOW + Duration::days(60));
        assert!(upsert(&mut list, b.clone()));
        assert_eq!(list.len(), 2);
        assert_eq!(list[1], b);
        assert!(!upsert(
            &mut list,
            account("c", SocialNetwork::Instagram, 2)
        ));
        assert_eq!(list.len(), 3);
    }

    #[test]
    fn acc_5_an_add_tells_a_new_account_from_an_existing_one_refreshed() {
        let mut a = account("acc_new", SocialNetwork::Instagram, 3);
        a.token.connected_at = NOW;
        a.token.last_refreshed_at = None;
        assert!(!add_refreshed_existing(&a));
        a.token.connected_at = NOW - Duration::days(100);
        a.token.last_refreshed_at = Some(NOW);
        assert!(add_refreshed_existing(&a));
        a.token.last_refreshed_at = Some(a.token.connected_at);
        assert!(!add_refreshed_existing(&a));
    }

    #[test]
    fn the_first_batch_holds_the_open_account() {
        let many: Vec<String> = (0..1000).map(|i| format!("a{i}")).collect();
        assert_eq!(first_batch(&many, None), RENDER_FIRST);
        assert_eq!(first_batch(&many, Some("a5")), RENDER_FIRST);
        assert_eq!(first_batch(&many, Some("a700")), 701);
        assert_eq!(first_batch(&many, Some("nope")), RENDER_FIRST);
        assert_eq!(first_batch(&ids(&["a", "b"]), Some("b")), RENDER_FIRST);
    }

    #[test]
    fn srch_10_avatars_only_from_https() {
        assert_eq!(
            safe_avatar(Some("https://images.example.com/a.png")),
            Some("https://images.example.com/a.png")
        );
        assert!(safe_avatar(Some("HTTPS://x.example/a.png")).is_some());
        for bad in [
            "http://images.example.com/a.png",
            "javascript:alert(1)",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "//evil.example/a.png",
            "/api/v1/media/a.svg",
            "https://",
            "https://x.example/a b.png",
            "https://user:pass@evil.example/",
            "https://evil.example/\u{202E}gpj.exe",
            "https://evil.example/\u{200B}a.png",
            "https:\\\\evil.example/a.png",
            "https:///evil.example/a.png",
            "",
        ] {
            assert_eq!(safe_avatar(Some(bad)), None, "{bad}");
        }
        assert_eq!(safe_avatar(None), None);
    }

    #[test]
    fn names_letters_and_element_ids() {
        let mut a = account("acc_ig_hurray", SocialNetwork::Instagram, 0);
        a.display_name = "  ".into();
        assert_eq!(shown_name(&a), "@ig_hurray");
        assert_eq!(initial(&a), "I");
        a.display_name = "émile".into();
        assert_eq!(initial(&a), "É");
        assert_eq!(dom_id("stc-acc", "acc_ig_hurray"), "stc-acc-acc_ig_hurray");
        assert_eq!(dom_id("p", "a b\"c"), "p-a.20b.22c");
        assert_ne!(dom_id("p", "a.20"), dom_id("p", "a "));
        assert_eq!(
            admin_names(&[
                Person {
                    id: "1".into(),
                    name: "Ada Admin".into()
                },
                Person {
                    id: "2".into(),
                    name: " ".into()
                },
                Person {
                    id: "3".into(),
                    name: "Bram Beheer".into()
                },
            ]),
            "Ada Admin, Bram Beheer"
        );
    }
}
