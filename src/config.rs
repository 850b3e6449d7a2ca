//! The configuration the app reads at start (never compiled in, EMB-3).
//!
//! Standalone, the app fetches `config.json` next to its `index.html`. A host page that embeds
//! the app can instead put the same JSON in `<script type="application/json"
//! id="social-console-config">` (data, not script: allowed under a strict CSP). Both are checked
//! here, and a wrong configuration ends in a screen that says what is wrong (see `docs/`).

use serde::Deserialize;

use crate::i18n::Locale;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// The app draws the console chrome (SHELL-1).
    #[default]
    Standalone,
    /// Only the content area; the host draws the chrome (EMB-2).
    Embedded,
}

/// The JSON as written by the host or `config.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    api_base: String,
    #[serde(default)]
    base_path: Option<String>,
    #[serde(default)]
    session_token: Option<String>,
    #[serde(default)]
    sign_in_url: Option<String>,
    #[serde(default)]
    locale: Option<String>,
    #[serde(default)]
    mode: Option<String>,
}

/// A checked configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Absolute URL or absolute path of the API, without a trailing slash (e.g. `/api/v1`).
    pub api_base: String,
    /// Where the app lives, with a leading slash and no trailing one (`""` for the root).
    pub base_path: String,
    /// A console session token sent as a bearer token; `None` uses the console's cookie.
    pub session_token: Option<String>,
    /// Where a person signs in again when the console session ended (FAIL-2).
    pub sign_in_url: Option<String>,
    /// A locale the host insists on; `None` follows the person's choice or browser.
    pub locale: Option<Locale>,
    pub mode: Mode,
}

impl Config {
    /// Parses and checks the JSON. `default_base_path` is where the page was served from (the
    /// document's `<base href>`), used when the JSON does not say.
    pub fn parse(json: &str, default_base_path: &str) -> Result<Self, String> {
        let raw: RawConfig = serde_json::from_str(json)
            .map_err(|e| format!("not valid configuration JSON ({e})"))?;
        let api_base = raw.api_base.trim().trim_end_matches('/').to_string();
        let api_ok = api_base.starts_with('/') && !api_base.starts_with("//")
            || api_base.starts_with("https://")
            || api_base.starts_with("http://");
        if !api_ok || api_base.chars().any(char::is_whitespace) {
            return Err(format!(
                "api_base must be an absolute path like /api/v1 or an http(s) URL, not {:?}",
                raw.api_base
            ));
        }
        let base_path = normalize_base(raw.base_path.as_deref().unwrap_or(default_base_path))
            .ok_or_else(|| {
                format!(
                    "base_path must be a path like /console/social/, not {:?}",
                    raw.base_path.unwrap_or_default()
                )
            })?;
        let locale = match raw.locale.as_deref() {
            None | Some("") => None,
            Some(tag) => Some(Locale::from_tag(tag).ok_or_else(|| {
                format!("locale {tag:?} is not supported (use \"en\" or \"nl\")")
            })?),
        };
        let mode = match raw.mode.as_deref() {
            None | Some("standalone") => Mode::Standalone,
            Some("embedded") => Mode::Embedded,
            Some(other) => {
                return Err(format!(
                    "mode must be \"standalone\" or \"embedded\", not {other:?}"
                ))
            }
        };
        let session_token = raw.session_token.filter(|t| !t.trim().is_empty());
        Ok(Config {
            api_base,
            base_path,
            session_token,
            sign_in_url: raw.sign_in_url.filter(|u| !u.trim().is_empty()),
            locale,
            mode,
        })
    }

    /// An in-app path (`/settings/...`) as a link under the base path (EMB-1).
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path)
    }
}

/// `/` → `""`, `/console/social/` → `/console/social`; rejects anything that is not a plain path.
fn normalize_base(path: &str) -> Option<String> {
    let path = path.trim();
    if !path.starts_with('/') || path.starts_with("//") {
        return None;
    }
    let ok = path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.' | '~'));
    ok.then(|| path.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emb_3_reads_api_base_and_base_path_from_configuration() {
        let c = Config::parse(
            r#"{"api_base":"https://console.example.com/api/v1/","base_path":"/console/social/","locale":"nl-NL","mode":"embedded"}"#,
            "/",
        )
        .unwrap();
        assert_eq!(c.api_base, "https://console.example.com/api/v1");
        assert_eq!(c.base_path, "/console/social");
        assert_eq!(c.href("/streams"), "/console/social/streams");
        assert_eq!(c.locale, Some(Locale::Nl));
        assert_eq!(c.mode, Mode::Embedded);
    }

    #[test]
    fn emb_1_base_path_defaults_to_where_the_page_was_served() {
        let c = Config::parse(r#"{"api_base":"/api/v1"}"#, "/console/social/").unwrap();
        assert_eq!(c.base_path, "/console/social");
        let c = Config::parse(r#"{"api_base":"/api/v1"}"#, "/").unwrap();
        assert_eq!(c.base_path, "");
        assert_eq!(c.href("/settings"), "/settings");
        assert_eq!(c.mode, Mode::Standalone);
    }

    #[test]
    fn wrong_configuration_is_named_in_words() {
        for (json, needle) in [
            ("", "JSON"),
            ("{}", "api_base"),
            (r#"{"api_base":"api"}"#, "api_base"),
            (r#"{"api_base":"//evil.example/api"}"#, "api_base"),
            (r#"{"api_base":"javascript:alert(1)"}"#, "api_base"),
            (
                r#"{"api_base":"/api/v1","base_path":"console"}"#,
                "base_path",
            ),
            (r#"{"api_base":"/api/v1","locale":"fr"}"#, "locale"),
            (r#"{"api_base":"/api/v1","mode":"popup"}"#, "mode"),
            (r#"{"api_base":"/api/v1","apiBase":"/x"}"#, "apiBase"),
        ] {
            let err = Config::parse(json, "/").unwrap_err();
            assert!(err.contains(needle), "{json}: {err}");
        }
    }
}
