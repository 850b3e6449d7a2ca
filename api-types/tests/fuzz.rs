//! Property tests (issue 10): the wire types' envelope decoding and the rights-message module
//! (`template_problems`, `fill`, `message_length`) under proptest. Properties: decoding never
//! panics, whatever the text; what decodes encodes back to the same value; a good template filled
//! in leaves no placeholder and puts the values in literally; the length of a concatenation is
//! bounded by the lengths of its parts.
//!
//! Cases per property: `PROPTEST_CASES` (default 1000 here).

use api_types::message::{fill, message_length, template_problems, TemplateProblem, PLACEHOLDERS};
use api_types::*;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt::Debug;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1000);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Field names of the wire types, so generated objects often look almost right.
const KEYS: &[&str] = &[
    "now",
    "data",
    "error",
    "code",
    "message",
    "account_id",
    "resets_at",
    "fields",
    "field",
    "reason",
    "detail",
    "id",
    "network",
    "handle",
    "display_name",
    "avatar_url",
    "identity_id",
    "position",
    "token",
    "kind",
    "expires_at",
    "last_refreshed_at",
    "connected_at",
    "invalidated",
    "at",
    "user",
    "permissions",
    "admins",
    "name",
    "role",
    "notifications",
    "unread_count",
    "milestone",
    "read",
    "resolved",
    "account",
    "impact",
    "streams",
    "posts",
    "next_cursor",
    "caption",
    "author_handle",
    "author_name",
    "image_url",
    "permalink",
    "posted_at",
    "likes",
    "comments",
    "media_type",
    "status",
    "state",
    "authorize_url",
    "approval_hashtag",
    "terms_url",
    "default_template",
    "is_default",
    "enabled",
    "social_account_id",
    "destination",
    "rules",
    "hashtags",
    "handles",
    "stopped",
    "since",
    "last_gap",
    "from",
    "to",
    "post_id",
    "created_at",
    "created_by",
    "reply",
    "search_rank",
    "search_fallback",
    "open_rights_requests",
    "refreshed",
];

const WORDS: &[&str] = &[
    "2026-11-26T10:00:00Z",
    "2026-02-30T25:61:61Z",
    "+275760-09-13T00:00:00Z",
    "instagram",
    "twitter",
    "instagram_business",
    "token_expired",
    "rate_limited",
    "unauthenticated",
    "oauth2",
    "oauth1a",
    "days10",
    "days5",
    "expired",
    "requested",
    "granted",
    "app",
    "folder",
    "running",
    "stopped",
    "authorize",
    "refreshed",
    "admin",
    "curator",
    "",
    "\u{0}",
    "\u{202E}",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "\u{FEFF}",
    "é",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(WORDS).prop_map(|w| Value::String(w.to_string())),
        "\\PC{0,12}".prop_map(Value::String),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..10).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// An envelope-shaped text: `{"now": …, "data"|"error": …}` as JSON, then maybe cut or edited.
fn body() -> impl Strategy<Value = String> {
    let envelope = (
        prop::sample::select(WORDS),
        prop::sample::select(&["data", "error"][..]),
        json(),
    )
        .prop_map(|(now, key, v)| {
            let mut m = Map::new();
            m.insert("now".into(), Value::String(now.into()));
            m.insert(key.into(), v);
            Value::Object(m).to_string()
        })
        .boxed();
    prop_oneof![
        4 => envelope.clone(),
        2 => (envelope.clone(), any::<prop::sample::Index>()).prop_map(|(s, i)| {
            // Cut at a character boundary: a truncated answer.
            let cut = s.char_indices().map(|(n, _)| n).nth(i.index(s.chars().count().max(1))).unwrap_or(0);
            s[..cut].to_string()
        }),
        2 => (envelope, any::<prop::sample::Index>(), "\\PC{1,3}").prop_map(|(s, i, extra)| {
            let at = s.char_indices().map(|(n, _)| n).nth(i.index(s.chars().count().max(1))).unwrap_or(0);
            format!("{}{}{}", &s[..at], extra, &s[at..])
        }),
        1 => json().prop_map(|v| v.to_string()),
        1 => ".{0,64}",
        1 => prop::collection::vec(any::<u8>(), 0..64).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

/// Decoding never panics; whatever decodes, encodes and decodes back to the same value.
fn check<T: DeserializeOwned + Serialize + PartialEq + Debug>(
    text: &str,
) -> Result<(), TestCaseError> {
    if let Ok(v) = serde_json::from_str::<T>(text) {
        let again = serde_json::to_string(&v).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: T = serde_json::from_str(&again)
            .map_err(|e| TestCaseError::fail(format!("{e}: {again}")))?;
        prop_assert_eq!(back, v);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_every_envelope_decodes_without_panic(text in body()) {
        check::<ErrorEnvelope>(&text)?;
        check::<Envelope<Session>>(&text)?;
        check::<Envelope<Vec<SocialAccount>>>(&text)?;
        check::<Envelope<SocialAccount>>(&text)?;
        check::<Envelope<Dependents>>(&text)?;
        check::<Envelope<Vec<HistoryEntry>>>(&text)?;
        check::<Envelope<AuthorizationStart>>(&text)?;
        check::<Envelope<OAuthFlow>>(&text)?;
        check::<Envelope<NotificationList>>(&text)?;
        check::<Envelope<Notification>>(&text)?;
        check::<Envelope<SearchPage>>(&text)?;
        check::<Envelope<Post>>(&text)?;
        check::<Envelope<Vec<Asset>>>(&text)?;
        check::<Envelope<Asset>>(&text)?;
        check::<Envelope<Vec<RightsAccount>>>(&text)?;
        check::<Envelope<RightsAccount>>(&text)?;
        check::<Envelope<Vec<RightsRequest>>>(&text)?;
        check::<Envelope<RightsRequest>>(&text)?;
        check::<Envelope<Vec<ActivityEntry>>>(&text)?;
        check::<Envelope<Vec<Stream>>>(&text)?;
        check::<Envelope<Stream>>(&text)?;
        check::<OAuthMessage>(&text)?;
    }

    #[test]
    fn fuzz_template_problems_never_panic_and_a_clean_template_has_every_placeholder(t in "(\\PC|[{}]){0,80}") {
        let problems = template_problems(&t);
        if problems.is_empty() {
            for p in PLACEHOLDERS {
                let placeholder = format!("{{{p}}}");
                prop_assert!(t.contains(&placeholder), "{:?} lacks {}", t, placeholder);
            }
        }
        for p in &problems {
            if let TemplateProblem::Unknown(u) = p {
                prop_assert!(u.starts_with('{'), "{:?}", u);
                prop_assert!(t.contains(u.as_str()), "{:?} names {:?}, which is not in it", t, u);
            }
        }
    }

    #[test]
    fn fuzz_fill_of_a_good_template_leaves_no_placeholder_and_inserts_the_values_literally(
        parts in prop::collection::vec("[^{}]{0,12}", 4),
        order in Just(PLACEHOLDERS).prop_shuffle(),
        handle in "(\\PC|[{}]|\\{handle\\}|\\{grantTag\\}|\\{termsLink\\}){0,20}",
        tag in "(\\PC|\\{termsLink\\}){0,12}",
        link in "\\PC{0,24}",
    ) {
        let template = format!("{}{{{}}}{}{{{}}}{}{{{}}}{}", parts[0], order[0], parts[1], order[1], parts[2], order[2], parts[3]);
        prop_assert!(template_problems(&template).is_empty(), "{:?}", template);
        let value = |p: &str| match p { "handle" => handle.as_str(), "grantTag" => tag.as_str(), _ => link.as_str() };
        let want = format!("{}{}{}{}{}{}{}", parts[0], value(order[0]), parts[1], value(order[1]), parts[2], value(order[2]), parts[3]);
        let got = fill(&template, &handle, &tag, &link);
        // The values go in as written: a handle that looks like a placeholder is not filled again.
        prop_assert_eq!(&got, &want);
        if ![&handle, &tag, &link].iter().any(|v| v.contains('{')) {
            for p in PLACEHOLDERS {
                let placeholder = format!("{{{p}}}");
                prop_assert!(!got.contains(&placeholder));
            }
        }
    }

    #[test]
    fn fuzz_message_length_of_a_concatenation_is_bounded_by_its_parts(a in "\\PC{0,40}", b in "\\PC{0,40}", links in "(https?://[a-z]{1,8} ?){0,2}") {
        let a = format!("{a}{links}");
        let joined = format!("{a}{b}");
        for network in [SocialNetwork::Twitter, SocialNetwork::Instagram, SocialNetwork::InstagramBusiness] {
            let (la, lb, l) = (message_length(network, &a), message_length(network, &b), message_length(network, &joined));
            if network == SocialNetwork::Twitter {
                // Joining can only merge a word into a link (23) or an emoji sequence.
                prop_assert!(l <= la + lb + 23, "{:?} + {:?}: {} > {} + {} + 23", a, b, l, la, lb);
                prop_assert!(l <= 2 * joined.chars().count().max(1) + 23 * joined.split_whitespace().count());
            } else {
                prop_assert_eq!(l, la + lb);
                prop_assert_eq!(l, joined.chars().count());
            }
        }
    }
}

/// Found by the fuzzer: a value that looks like a placeholder was filled in again.
#[test]
fn regression_fill_inserts_values_literally() {
    assert_eq!(
        fill(
            "@{handle} #{grantTag} {termsLink}",
            "{grantTag}",
            "{termsLink}",
            "https://x.example"
        ),
        "@{grantTag} #{termsLink} https://x.example"
    );
}
