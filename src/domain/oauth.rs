//! The pure rules of refreshing a token through the provider's authorization (TOK-4, OAUTH-1..4):
//! where the popup may go, which messages count, and what a finished flow means in words. The
//! browser side (popup, listener, polling) is `components::refresh`.

use api_types::{OAuthFlow, OAuthFlowStatus, SocialNetwork, OAUTH_MESSAGE_TYPE};

use crate::i18n::Msg;

/// How a refresh ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefreshEnd {
    Refreshed,
    /// The popup was closed, or the person came back, before the provider answered.
    Cancelled,
    Denied,
    /// Another identity was authorized than the account's; nothing changed (ACC-5).
    IdentityMismatch {
        expected: Option<String>,
        authorized: Option<String>,
    },
    /// Not finished within the flow's 15 minutes.
    Expired,
}

impl RefreshEnd {
    /// The outcome in words, about the account `handle` of `network`.
    pub fn message(&self, network: SocialNetwork, handle: &str) -> Msg {
        match self {
            RefreshEnd::Refreshed => Msg::RefreshDone {
                handle: handle.to_string(),
            },
            RefreshEnd::Cancelled => Msg::RefreshCancelled,
            RefreshEnd::Denied => Msg::RefreshDenied { network },
            RefreshEnd::IdentityMismatch {
                expected,
                authorized,
            } => Msg::RefreshIdentityMismatch {
                network,
                expected: expected.clone().unwrap_or_else(|| handle.to_string()),
                authorized: authorized.clone(),
            },
            RefreshEnd::Expired => Msg::RefreshFlowExpired,
        }
    }

    pub fn is_success(&self) -> bool {
        *self == RefreshEnd::Refreshed
    }
}

/// What a flow's answer (`GET /oauth/flows/{state}`) means; `None` while it is still pending.
pub fn flow_end(flow: &OAuthFlow) -> Option<RefreshEnd> {
    match flow.status {
        OAuthFlowStatus::Pending => None,
        OAuthFlowStatus::Connected => Some(RefreshEnd::Refreshed),
        OAuthFlowStatus::Denied => Some(RefreshEnd::Denied),
        OAuthFlowStatus::IdentityMismatch => Some(RefreshEnd::IdentityMismatch {
            expected: flow.expected_handle.clone(),
            authorized: flow.authorized_handle.clone(),
        }),
        OAuthFlowStatus::Expired => Some(RefreshEnd::Expired),
    }
}

/// The origin (`scheme://host[:port]`) of the API: of its base when that is an absolute URL,
/// else the page's own origin (`api_base` is then a path on it).
pub fn api_origin(api_base: &str, page_origin: &str) -> String {
    let lower = api_base.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        let after_scheme = lower.find("://").map(|i| i + 3).unwrap_or(0);
        let end = lower[after_scheme..]
            .find(['/', '?', '#'])
            .map(|i| after_scheme + i)
            .unwrap_or(lower.len());
        lower[..end].to_string()
    } else {
        page_origin.trim_end_matches('/').to_string()
    }
}

/// Where the popup goes for an `authorize_url` (OAUTH-1): an absolute `https:` URL as it is, a
/// path (`/oauth/...`) on the API's origin; anything else (`javascript:`, `data:`, a plain
/// `http:` page elsewhere, a relative path) is refused.
pub fn authorize_target(authorize_url: &str, api_origin: &str) -> Option<String> {
    let url = authorize_url.trim();
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) || url.contains('\\') {
        return None;
    }
    if url.starts_with('/') && !url.starts_with("//") {
        return Some(format!("{api_origin}{url}"));
    }
    let lower = url.to_ascii_lowercase();
    let same_origin = lower.starts_with(&format!("{api_origin}/")) || lower == api_origin;
    (lower.starts_with("https://") || same_origin).then(|| url.to_string())
}

/// The key under which an Add Account flow for `network` runs (a refresh's key is the
/// account's id, which never contains `:`).
pub fn add_flow_key(network: SocialNetwork) -> String {
    format!("add:{}", network.as_str())
}

/// The network of an Add Account flow's key; `None` for a refresh's key.
pub fn added_network(key: &str) -> Option<SocialNetwork> {
    SocialNetwork::parse(key.strip_prefix("add:")?)
}

/// OAUTH-2: a `message` event is the answer to our flow only when it comes from the API's
/// origin, says it is the console's OAuth message and carries the state we started. Everything
/// else is ignored.
pub fn is_flow_message(
    event_origin: &str,
    api_origin: &str,
    kind: Option<&str>,
    state: Option<&str>,
    started_state: &str,
) -> bool {
    !started_state.is_empty()
        && event_origin == api_origin
        && kind == Some(OAUTH_MESSAGE_TYPE)
        && state == Some(started_state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{text, Locale};

    const API: &str = "http://127.0.0.1:8840";

    #[test]
    fn oauth_1_the_api_origin_comes_from_an_absolute_base_or_the_page() {
        assert_eq!(
            api_origin(
                "https://Console.example.com/api/v1",
                "http://127.0.0.1:8080"
            ),
            "https://console.example.com"
        );
        assert_eq!(
            api_origin("http://127.0.0.1:8787/api/v1", "http://127.0.0.1:8080"),
            "http://127.0.0.1:8787"
        );
        assert_eq!(
            api_origin("https://api.example.com", "x"),
            "https://api.example.com"
        );
        assert_eq!(api_origin("/api/v1", "http://127.0.0.1:8840"), API);
    }

    #[test]
    fn oauth_1_authorize_paths_resolve_against_the_api_origin() {
        assert_eq!(
            authorize_target("/oauth/instagram/authorize?state=ab12", API).as_deref(),
            Some("http://127.0.0.1:8840/oauth/instagram/authorize?state=ab12")
        );
        assert_eq!(
            authorize_target("https://api.instagram.com/oauth/authorize?x=1", API).as_deref(),
            Some("https://api.instagram.com/oauth/authorize?x=1")
        );
        assert_eq!(
            authorize_target("http://127.0.0.1:8840/oauth/x", API).as_deref(),
            Some("http://127.0.0.1:8840/oauth/x")
        );
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "//evil.example/oauth",
            "http://evil.example/oauth",
            "http://127.0.0.1:88400/oauth",
            "oauth/relative",
            "/oauth/x y",
            "/\\evil.example",
            "",
        ] {
            assert_eq!(authorize_target(bad, API), None, "{bad}");
        }
    }

    #[test]
    fn oauth_2_only_messages_from_the_api_origin_with_our_type_and_state_count() {
        let ok = |origin, kind, state| is_flow_message(origin, API, kind, state, "s1");
        assert!(ok(API, Some(OAUTH_MESSAGE_TYPE), Some("s1")));
        assert!(!ok(
            "http://localhost:8840",
            Some(OAUTH_MESSAGE_TYPE),
            Some("s1")
        ));
        assert!(!ok(
            "https://evil.example",
            Some(OAUTH_MESSAGE_TYPE),
            Some("s1")
        ));
        assert!(!ok(API, Some("other"), Some("s1")));
        assert!(!ok(API, None, Some("s1")));
        assert!(!ok(API, Some(OAUTH_MESSAGE_TYPE), Some("s2")));
        assert!(!ok(API, Some(OAUTH_MESSAGE_TYPE), None));
        assert!(!is_flow_message(
            API,
            API,
            Some(OAUTH_MESSAGE_TYPE),
            Some(""),
            ""
        ));
    }

    #[test]
    fn acc_5_an_add_flow_key_names_its_network_and_is_no_account_id() {
        for n in SocialNetwork::ALL {
            assert_eq!(added_network(&add_flow_key(n)), Some(n));
        }
        assert_eq!(added_network("acc_ig_hurray"), None);
        assert_eq!(added_network("add:myspace"), None);
    }

    fn flow(status: OAuthFlowStatus) -> OAuthFlow {
        OAuthFlow {
            state: "s1".into(),
            status,
            account_id: Some("acc_ig_hurray".into()),
            account: None,
            expected_handle: Some("hurray".into()),
            authorized_handle: Some("lfqa".into()),
        }
    }

    #[test]
    fn oauth_3_each_flow_status_has_its_outcome_in_words() {
        assert_eq!(flow_end(&flow(OAuthFlowStatus::Pending)), None);
        assert_eq!(
            flow_end(&flow(OAuthFlowStatus::Connected)),
            Some(RefreshEnd::Refreshed)
        );
        assert_eq!(
            flow_end(&flow(OAuthFlowStatus::Denied)),
            Some(RefreshEnd::Denied)
        );
        assert_eq!(
            flow_end(&flow(OAuthFlowStatus::Expired)),
            Some(RefreshEnd::Expired)
        );
        let mismatch = flow_end(&flow(OAuthFlowStatus::IdentityMismatch)).unwrap();
        let en = text(
            Locale::En,
            &mismatch.message(SocialNetwork::Instagram, "hurray"),
        );
        assert!(en.contains("@lfqa") && en.contains("@hurray"), "{en}");
        assert!(en.contains("Nothing was changed"), "{en}");
        assert_eq!(
            text(
                Locale::En,
                &RefreshEnd::Cancelled.message(SocialNetwork::Instagram, "hurray")
            ),
            "Authorization was cancelled."
        );
    }
}
