//! Rights requests (RR-2..8): who can send, what the message becomes, what stops it being sent,
//! when an idempotency key is reused, and how statuses and activity read.
//!
//! The message box holds the template with its placeholders (`@{handle}`, `#{grantTag}`,
//! `{termsLink}`); what is sent is that text filled in for the post and the chosen account.
//! The counter counts the filled text as the network counts it (`api_types::message`).

use api_types::message::{self, TemplateProblem};
use api_types::{
    AccountRef, ActivityEntry, ActivityKind, CreateRightsRequest, RightsAccount, RightsRequest,
    RightsStatus, SocialAccount, SocialNetwork, Timestamp,
};

use super::token::{derive, TokenState};
use crate::api::AppError;
use crate::i18n::Msg;

/// One account in the picker (RR-2): the rights account and the token state of the social
/// account it sends from, known before anything is sent (RR-4).
#[derive(Clone, Debug, PartialEq)]
pub struct PickerEntry {
    pub rights: RightsAccount,
    /// The linked social account; `None` when it was deleted.
    pub social: Option<SocialAccount>,
    pub state: Option<TokenState>,
}

impl PickerEntry {
    /// Whether a request from this account can go out now, as far as the app knows.
    pub fn usable(&self) -> bool {
        self.state.is_some_and(TokenState::is_usable)
    }

    pub fn handle(&self) -> Option<&str> {
        self.social.as_ref().map(|s| s.handle.as_str())
    }

    /// The social account, for a Refresh Token action.
    pub fn account_ref(&self) -> Option<AccountRef> {
        self.social.as_ref().map(|s| AccountRef {
            id: s.id.clone(),
            network: s.network,
            handle: s.handle.clone(),
        })
    }
}

/// Instagram first (the posts are Instagram posts), then Instagram Business, then Twitter.
fn network_rank(n: SocialNetwork) -> u8 {
    match n {
        SocialNetwork::Instagram => 0,
        SocialNetwork::InstagramBusiness => 1,
        SocialNetwork::Twitter => 2,
    }
}

/// The picker's accounts: enabled ones only, by network, each network's default first, then by
/// name. Token states are derived at `now` (the server's clock).
pub fn picker(
    rights: &[RightsAccount],
    socials: &[SocialAccount],
    now: Timestamp,
) -> Vec<PickerEntry> {
    let mut entries: Vec<PickerEntry> = rights
        .iter()
        .filter(|r| r.enabled)
        .map(|r| {
            let social = socials
                .iter()
                .find(|s| s.id == r.social_account_id)
                .cloned();
            let state = social.as_ref().map(|s| derive(&s.token, now));
            PickerEntry {
                rights: r.clone(),
                social,
                state,
            }
        })
        .collect();
    entries.sort_by(|a, b| {
        network_rank(a.rights.network)
            .cmp(&network_rank(b.rights.network))
            .then(b.rights.is_default.cmp(&a.rights.is_default))
            .then_with(|| {
                a.rights
                    .display_name
                    .to_lowercase()
                    .cmp(&b.rights.display_name.to_lowercase())
            })
    });
    entries
}

/// What is wrong with a message before it is sent (RR-2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageProblem {
    Empty,
    Template(TemplateProblem),
    /// Longer than the network takes, by this many characters.
    TooLong(usize),
}

impl MessageProblem {
    pub fn message(&self) -> Msg {
        match self {
            MessageProblem::Empty => Msg::RightsMessageEmpty,
            MessageProblem::Template(TemplateProblem::Missing(p)) => {
                Msg::RightsPlaceholderMissing(format!("{{{p}}}"))
            }
            MessageProblem::Template(TemplateProblem::Unknown(w)) => {
                Msg::RightsPlaceholderUnknown(w.clone())
            }
            MessageProblem::TooLong(over) => Msg::RightsMessageTooLong(*over),
        }
    }
}

/// The message as it will be sent, with its length for the network and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub text: String,
    pub length: usize,
    pub limit: usize,
    pub problems: Vec<MessageProblem>,
}

impl Draft {
    /// Characters left before the limit (negative: over it).
    pub fn remaining(&self) -> i64 {
        i64::try_from(self.limit).unwrap_or(i64::MAX) - i64::try_from(self.length).unwrap_or(0)
    }
}

/// Fills `template` in for the post's author and the rights account, and checks it.
pub fn draft(template: &str, author_handle: &str, account: &RightsAccount) -> Draft {
    let text = message::fill(
        template,
        author_handle,
        &account.approval_hashtag,
        &account.terms_url,
    );
    let length = message::message_length(account.network, &text);
    let limit = message::message_limit(account.network);
    let mut problems = Vec::new();
    if template.trim().is_empty() {
        problems.push(MessageProblem::Empty);
    } else {
        problems.extend(
            message::template_problems(template)
                .into_iter()
                .map(MessageProblem::Template),
        );
    }
    if length > limit {
        problems.push(MessageProblem::TooLong(length - limit));
    }
    Draft {
        text,
        length,
        limit,
        problems,
    }
}

/// One attempt to create a request (RR-5): its key and exactly what was sent with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    pub key: String,
    pub body: CreateRightsRequest,
}

/// The key for sending `body`: the kept attempt's key when it was for the same body (a retry
/// after a timeout, a double click, a reload), else `fresh()`.
pub fn key_for(
    kept: Option<&Attempt>,
    body: &CreateRightsRequest,
    fresh: impl FnOnce() -> String,
) -> String {
    match kept {
        Some(a) if a.body == *body => a.key.clone(),
        _ => fresh(),
    }
}

/// Whether the attempt's key is kept after this answer. Kept after success (sending the same
/// again must answer the same request, not make a second one) and after failures where the
/// request may or may not have been made (no answer, a server error, an unreadable answer).
/// Dropped after the API refused it (an expired token, a validation error): the next attempt,
/// after a refresh or a change, needs a new key.
pub fn keeps_key(result: &Result<RightsRequest, AppError>) -> bool {
    match result {
        Ok(_) => true,
        Err(e) => matches!(
            e,
            AppError::Offline
                | AppError::Timeout
                | AppError::Server { .. }
                | AppError::Undecodable
                | AppError::Unexpected { .. }
        ),
    }
}

/// Which social account's token the API reported unusable, if that is what `error` says.
pub fn token_problem(error: &AppError) -> Option<(Option<&str>, bool)> {
    match error {
        AppError::TokenExpired { account_id } => Some((account_id.as_deref(), false)),
        AppError::TokenRevoked { account_id } => Some((account_id.as_deref(), true)),
        _ => None,
    }
}

/// The label of a status (RR-6).
pub fn status_msg(status: RightsStatus) -> Msg {
    Msg::RightsStatusLabel(status)
}

/// The latest status among a post's requests (they come newest first).
pub fn latest_status(requests: &[RightsRequest]) -> Option<RightsStatus> {
    requests
        .iter()
        .max_by_key(|r| r.created_at)
        .map(|r| r.status)
}

/// One Activity History line in words (RR-6). `account_name` names a rights account by id.
pub fn activity_msg(entry: &ActivityEntry, account_name: impl Fn(&str) -> Option<String>) -> Msg {
    let account = entry.rights_account_id.as_deref().and_then(account_name);
    match entry.kind {
        ActivityKind::Requested => Msg::ActivityRequested(account),
        ActivityKind::Replied => Msg::ActivityReplied,
        ActivityKind::StatusChanged => match entry.status {
            Some(s) => Msg::ActivityStatusChanged(s),
            None => Msg::ActivityOther,
        },
        ActivityKind::Granted => Msg::ActivityGranted,
        ActivityKind::Note => Msg::ActivityNote,
        ActivityKind::Error => Msg::ActivityError {
            account,
            revoked: matches!(entry.error_code, Some(api_types::ErrorCode::TokenRevoked)),
            token: matches!(
                entry.error_code,
                Some(api_types::ErrorCode::TokenExpired | api_types::ErrorCode::TokenRevoked)
            ),
        },
        ActivityKind::Other => Msg::ActivityOther,
    }
}

/// A grant note's problem before sending (RR-8): required, at most 2,000 characters.
pub const NOTE_LIMIT: usize = 2_000;

pub fn note_problem(note: &str) -> Option<Msg> {
    if note.trim().is_empty() {
        Some(Msg::RightsNoteRequired)
    } else if note.chars().count() > NOTE_LIMIT {
        Some(Msg::RightsNoteTooLong(NOTE_LIMIT))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_types::Person;
    use time::macros::datetime;

    const NOW: Timestamp = datetime!(2026-11-26 10:00 UTC);

    fn ra(id: &str, social: &str, network: SocialNetwork, default: bool) -> RightsAccount {
        RightsAccount {
            id: id.into(),
            display_name: format!("{id} rights"),
            social_account_id: social.into(),
            network,
            enabled: true,
            approval_hashtag: "yesbrand".into(),
            terms_url: "https://brand.example.com/ugc-terms".into(),
            default_template: "Hi @{handle}! Reply #{grantTag} to agree to {termsLink}".into(),
            is_default: default,
        }
    }

    fn social(id: &str, network: SocialNetwork, expires_at: Option<Timestamp>) -> SocialAccount {
        crate::domain::testing::account(id, network, 0, expires_at)
    }

    #[test]
    fn rr2_picker_lists_enabled_accounts_instagram_first_default_first() {
        let mut off = ra("c_off", "acc_c", SocialNetwork::Instagram, false);
        off.enabled = false;
        let rights = vec![
            ra("tw", "acc_tw", SocialNetwork::Twitter, true),
            ra("b_lfqa", "acc_lfqa", SocialNetwork::Instagram, false),
            off,
            ra("z_default", "acc_hurray", SocialNetwork::Instagram, true),
        ];
        let socials = vec![
            social(
                "acc_hurray",
                SocialNetwork::Instagram,
                Some(datetime!(2026-11-20 09:30 UTC)),
            ),
            social(
                "acc_lfqa",
                SocialNetwork::Instagram,
                Some(datetime!(2027-01-20 00:00 UTC)),
            ),
        ];
        let p = picker(&rights, &socials, NOW);
        let ids: Vec<&str> = p.iter().map(|e| e.rights.id.as_str()).collect();
        assert_eq!(ids, ["z_default", "b_lfqa", "tw"]);
        // RR-4: the expired default is marked before anything is sent.
        assert!(matches!(p[0].state, Some(TokenState::Expired { .. })));
        assert!(!p[0].usable());
        assert!(p[1].usable());
        // A rights account whose social account was deleted cannot send.
        assert_eq!(p[2].social, None);
        assert!(!p[2].usable());
    }

    #[test]
    fn rr2_draft_fills_in_and_counts_for_the_network() {
        let ig = ra("ig", "acc_lfqa", SocialNetwork::Instagram, true);
        let d = draft(
            "Hi @{handle}! Reply #{grantTag} to agree to {termsLink}",
            "sunny.days",
            &ig,
        );
        assert_eq!(
            d.text,
            "Hi @sunny.days! Reply #yesbrand to agree to https://brand.example.com/ugc-terms"
        );
        assert_eq!(d.limit, 2_200);
        assert_eq!(d.length, d.text.chars().count());
        assert_eq!(d.problems, vec![]);
        // Twitter counts the link 23 and an emoji 2.
        let tw = ra("tw", "acc_tw", SocialNetwork::Twitter, true);
        let d = draft("@{handle} 😀 #{grantTag} {termsLink}", "ab", &tw);
        assert_eq!(d.length, "@ab ".len() + 2 + " #yesbrand ".len() + 23);
        assert_eq!(d.limit, 280);
        assert_eq!(d.remaining(), 280 - i64::try_from(d.length).unwrap_or(0));
    }

    #[test]
    fn rr2_draft_names_each_placeholder_problem_and_the_excess() {
        let tw = ra("tw", "acc_tw", SocialNetwork::Twitter, true);
        let long = format!(
            "@{{handle}} #{{grantTag}} {{Termslink}} {}",
            "x".repeat(300)
        );
        let d = draft(&long, "ab", &tw);
        assert_eq!(
            d.problems,
            vec![
                MessageProblem::Template(TemplateProblem::Unknown("{Termslink}".into())),
                MessageProblem::Template(TemplateProblem::Missing("termsLink")),
                MessageProblem::TooLong(d.length - 280),
            ]
        );
        assert_eq!(
            d.problems[1].message(),
            Msg::RightsPlaceholderMissing("{termsLink}".into())
        );
        assert_eq!(draft("  ", "ab", &tw).problems[0], MessageProblem::Empty);
    }

    fn body(message: &str) -> CreateRightsRequest {
        CreateRightsRequest {
            post_id: "post_00042".into(),
            rights_account_id: "ra_ig_lfqa".into(),
            message: message.into(),
        }
    }

    #[test]
    fn rr5_the_same_body_reuses_its_key_a_changed_one_gets_a_new_key() {
        let kept = Attempt {
            key: "k-1".into(),
            body: body("hello"),
        };
        assert_eq!(key_for(Some(&kept), &body("hello"), || "k-2".into()), "k-1");
        assert_eq!(
            key_for(Some(&kept), &body("hello!"), || "k-2".into()),
            "k-2"
        );
        assert_eq!(key_for(None, &body("hello"), || "k-3".into()), "k-3");
    }

    fn request() -> RightsRequest {
        RightsRequest {
            id: "rr_1".into(),
            post_id: "post_00042".into(),
            rights_account_id: "ra_ig_lfqa".into(),
            message: "hello".into(),
            status: RightsStatus::Requested,
            created_at: NOW,
            created_by: Person {
                id: "usr_cas".into(),
                name: "Cas Curator".into(),
            },
        }
    }

    #[test]
    fn rr5_keys_survive_lost_answers_not_refusals() {
        assert!(keeps_key(&Ok(request())));
        for e in [
            AppError::Timeout,
            AppError::Offline,
            AppError::Server { status: 504 },
            AppError::Undecodable,
        ] {
            assert!(keeps_key(&Err(e.clone())), "{e:?}");
        }
        for e in [
            AppError::TokenExpired { account_id: None },
            AppError::TokenRevoked { account_id: None },
            AppError::Validation(vec![]),
            AppError::Conflict,
            AppError::SessionEnded,
        ] {
            assert!(!keeps_key(&Err(e.clone())), "{e:?}");
        }
    }

    #[test]
    fn rr3_token_problems_name_the_account() {
        let e = AppError::TokenExpired {
            account_id: Some("acc_ig_hurray".into()),
        };
        assert_eq!(token_problem(&e), Some((Some("acc_ig_hurray"), false)));
        assert_eq!(token_problem(&AppError::Timeout), None);
    }

    #[test]
    fn rr6_latest_status_is_the_newest_request() {
        let mut old = request();
        old.status = RightsStatus::RequestFailed;
        old.created_at = datetime!(2026-11-24 11:00 UTC);
        let new = request();
        assert_eq!(
            latest_status(&[old.clone(), new.clone()]),
            Some(RightsStatus::Requested)
        );
        assert_eq!(latest_status(&[new, old]), Some(RightsStatus::Requested));
        assert_eq!(latest_status(&[]), None);
    }

    #[test]
    fn rr6_activity_lines_name_the_account_and_the_error() {
        let entry = ActivityEntry {
            id: "act_1".into(),
            at: NOW,
            kind: ActivityKind::Error,
            actor: None,
            status: Some(RightsStatus::RequestFailed),
            rights_account_id: Some("ra_ig_default".into()),
            text: None,
            error_code: Some(api_types::ErrorCode::TokenExpired),
        };
        let name = |id: &str| (id == "ra_ig_default").then(|| "Instagram rights".to_string());
        assert_eq!(
            activity_msg(&entry, name),
            Msg::ActivityError {
                account: Some("Instagram rights".into()),
                revoked: false,
                token: true
            }
        );
    }

    #[test]
    fn rr8_a_grant_needs_a_note() {
        assert_eq!(note_problem("  \n"), Some(Msg::RightsNoteRequired));
        assert_eq!(
            note_problem(&"x".repeat(2_001)),
            Some(Msg::RightsNoteTooLong(2_000))
        );
        assert_eq!(note_problem("Signed release received"), None);
    }
}
