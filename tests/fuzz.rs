//! Property tests (issue 10) of what the app reads from outside: API error answers
//! (`AppError::from_response`), untrusted addresses and text (`domain::untrusted`), and the
//! configuration (`Config::parse`). Properties: nothing panics, whatever comes in, plus the rules
//! the functions exist for (FAIL-2, FAIL-3, SRCH-10, EMB-3).
//!
//! Cases per property: `PROPTEST_CASES` (default 1000 here).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{Map, Value};
use social_token_console::api::AppError;
use social_token_console::config::Config;
use social_token_console::domain::untrusted::{excerpt, safe_image_src, safe_link};

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

const CODES: &[&str] = &[
    "unauthenticated",
    "forbidden",
    "not_found",
    "conflict",
    "validation_failed",
    "rate_limited",
    "token_expired",
    "token_revoked",
    "identity_mismatch",
    "payload_too_large",
    "internal",
    "something_new",
    "",
];

/// Error bodies: the envelope (right or nearly), other JSON, HTML, nothing, bytes.
fn error_body() -> impl Strategy<Value = String> {
    let envelope = (
        prop_oneof![Just("2026-11-26T10:00:00Z".to_string()), "\\PC{0,30}"],
        prop::sample::select(CODES),
        prop::option::of("\\PC{0,20}"),
        prop::option::of(prop_oneof![Just("2026-11-26T11:00:00Z".to_string()), "\\PC{0,25}"]),
        prop::collection::vec(("\\PC{0,10}", "\\PC{0,10}"), 0..3),
    )
        .prop_map(|(now, code, account, resets, fields)| {
            let fields: Vec<Value> = fields
                .into_iter()
                .map(|(f, r)| serde_json::json!({"field": f, "reason": r}))
                .collect();
            serde_json::json!({"now": now, "error": {"code": code, "message": "m", "account_id": account, "resets_at": resets, "fields": fields}})
                .to_string()
        });
    prop_oneof![
        4 => envelope.clone(),
        2 => (envelope, 0usize..400).prop_map(|(s, n)| s.chars().take(n).collect()),
        1 => Just(String::new()),
        1 => "<html>\\PC{0,40}</html>",
        1 => ".{0,80}",
        1 => prop::collection::vec(any::<u8>(), 0..80).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        3 => prop::sample::select(&[200u16, 204, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 502, 503, 504][..]),
        1 => any::<u16>(),
    ]
}

/// Addresses a hostile post might carry: real-looking ones, schemes, tricks, and anything.
fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => (
            prop::sample::select(&["https://", "HTTPS://", "http://", "javascript:", "JaVaScRiPt:", "data:", "vbscript:", "//", "/", "https:/", "https:\\\\", " https://", "\u{0}https://", "h\ttps://", ""][..]),
            "[a-z0-9.@:\\-]{0,20}",
            "(/|\\\\|\\?|#|[a-z0-9%]|\u{202E}|\u{200B}| |\t|\n){0,20}",
        )
            .prop_map(|(s, h, p)| format!("{s}{h}{p}")),
        1 => "\\PC{0,40}",
        1 => ".{0,40}",
    ]
}

fn origin() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("http://127.0.0.1:8787".to_string()),
        Just("https://console.example.com".to_string()),
        Just(String::new()),
        "\\PC{0,20}",
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_error_answers_never_panic_and_keep_fail_2_and_fail_3(status in status(), body in error_body()) {
        let (error, _now) = AppError::from_response(status, &body);
        let _ = error.message();
        let _ = error.is_retryable();
        if status >= 500 {
            // FAIL-3: a server error is a server error, whatever its body claims.
            prop_assert_eq!(error.clone(), AppError::Server { status });
            prop_assert!(error.is_retryable());
        }
        if status == 401 {
            // FAIL-2: only ever the console session.
            prop_assert_eq!(error.clone(), AppError::SessionEnded);
        }
        if matches!(error, AppError::TokenExpired { .. } | AppError::TokenRevoked { .. }) {
            // Only the API's explicit code makes a token state.
            prop_assert!(body.contains("token_expired") || body.contains("token_revoked"));
            prop_assert!(status < 500 && status != 401);
        }
    }

    #[test]
    fn fuzz_safe_link_only_returns_the_https_url_it_was_given(u in url()) {
        if let Some(link) = safe_link(&u) {
            prop_assert_eq!(link, u.as_str());
            prop_assert!(link.get(..8).is_some_and(|p| p.eq_ignore_ascii_case("https://")), "{:?}", link);
            prop_assert!(!link.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\'));
            prop_assert!(!link[8..].starts_with('/'));
        }
    }

    #[test]
    fn fuzz_safe_image_src_is_https_or_on_the_api_origin(u in url(), o in origin()) {
        if let Some(src) = safe_image_src(&u, &o) {
            let https = src.get(..8).is_some_and(|p| p.eq_ignore_ascii_case("https://"));
            let own = !o.is_empty() && src.starts_with(&format!("{o}/")) && !src[o.len()..].starts_with("//");
            prop_assert!(https || own, "{:?} from {:?} (origin {:?})", src, u, o);
            prop_assert!(!src.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\'));
        }
    }

    #[test]
    fn fuzz_excerpt_is_one_short_line(text in "(\\PC|\\s|[\u{0}-\u{1f}\u{2028}\u{2029}]){0,300}", max in 0usize..200) {
        let e = excerpt(&text, max);
        prop_assert!(e.chars().count() <= max + 1);
        prop_assert!(!e.chars().any(|c| c.is_control() || (c.is_whitespace() && c != ' ')));
        prop_assert!(!e.starts_with(' ') && !e.contains("  "));
    }

    #[test]
    fn fuzz_config_parse_never_panics_and_accepts_only_safe_values(
        fields in prop::collection::vec((
            prop::sample::select(&["api_base", "base_path", "session_token", "sign_in_url", "locale", "mode", "host_origin", "host_element", "theme", "other"][..]),
            prop_oneof![
                Just(Value::Null),
                prop::sample::select(&["/api/v1", "https://console.example.com/api/v1/", "//evil", "javascript:x", "/console/social/", "en", "nl", "xx", "embedded", "standalone", "https://host.example", "*", "app-root", "1bad"][..]).prop_map(|s| Value::String(s.into())),
                "\\PC{0,30}".prop_map(Value::String),
                prop::collection::vec(("(--stc-)?[a-z\\-]{0,10}", "\\PC{0,20}|url\\(x\\)|red;}"), 0..3)
                    .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k, Value::String(v))).collect::<Map<_, _>>())),
                any::<i64>().prop_map(Value::from),
            ],
        ), 0..9),
        raw in ".{0,60}",
        default_base in prop_oneof![Just("/".to_string()), Just("/console/social/".to_string()), "\\PC{0,12}"],
    ) {
        let _ = Config::parse(&raw, &default_base);
        let _ = Config::host_element_in(&raw);
        let json = Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map<_, _>>()).to_string();
        let _ = Config::host_element_in(&json);
        if let Ok(c) = Config::parse(&json, &default_base) {
            prop_assert!(!c.api_base.chars().any(char::is_whitespace));
            prop_assert!(
                (c.api_base.starts_with('/') && !c.api_base.starts_with("//"))
                    || c.api_base.starts_with("https://")
                    || c.api_base.starts_with("http://"),
                "{:?}", c.api_base
            );
            prop_assert!(c.base_path.is_empty() || (c.base_path.starts_with('/') && !c.base_path.starts_with("//")));
            prop_assert!(c.href("/streams").starts_with(&c.base_path));
            for (name, value) in &c.theme {
                prop_assert!(name.starts_with("--stc-"));
                let v = value.to_ascii_lowercase();
                prop_assert!(!v.contains(';') && !v.contains('{') && !v.contains('}') && !v.contains("url("), "{:?}", value);
            }
            if let Some(o) = &c.host_origin {
                prop_assert!(o.starts_with("https://") || o.starts_with("http://"));
                prop_assert!(o != "*" && !o.contains('/') || o.matches('/').count() == 2);
            }
        }
    }
}
