//! The configuration the app reads at start (never compiled in, EMB-3).
//!
//! Standalone, the app fetches `config.json` next to its `index.html`. A host page that embeds
//! the app can instead put the same JSON in `<script type="application/json"
//! id="social-console-config">` (data, not script: allowed under a strict CSP). Both are checked
//! here, and a wrong configuration ends in a screen that says what is wrong (see `docs/`).

use std::collections::BTreeMap;

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
    #[serde(default)]
    host_origin: Option<String>,
    #[serde(default)]
    host_element: Option<String>,
    #[serde(default)]
    theme: Option<BTreeMap<String, String>>,
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
    /// The origin of the page that frames the app (`https://console.example.com`): the only
    /// origin it posts its route and height to (EMB-2). `None`: it posts nothing.
    pub host_origin: Option<String>,
    /// The id of the host's element the app mounts into (`DEFAULT_HOST_ELEMENT` when not set).
    pub host_element: Option<String>,
    /// `--stc-*` custom properties set by the host (EMB-2), in name order.
    pub theme: Vec<(String, String)>,
}

/// The element a host page gives the app when its configuration does not name one (EMB-2).
pub const DEFAULT_HOST_ELEMENT: &str = "social-console-root";

/// What is wrong with a configuration; said in the person's language by the i18n catalogs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// Not JSON, or a field missing, unknown or of the wrong type (serde's words, as a detail).
    Unreadable(String),
    ApiBase(String),
    BasePath(String),
    Locale(String),
    Mode(String),
    HostOrigin(String),
    HostElement(String),
    /// A host element named by the configuration is not on the page.
    HostElementMissing(String),
    /// A theme entry: its name, and whether the name (`true`) or the value is wrong.
    Theme(String, bool),
    /// `config.json` could not be fetched or read; the status when there was one.
    NotLoaded(String, Option<u16>),
    NoDocument,
}

impl ConfigError {
    /// The configuration field the problem is about, for logs and tests.
    pub fn field(&self) -> &'static str {
        match self {
            ConfigError::Unreadable(_) => "json",
            ConfigError::ApiBase(_) => "api_base",
            ConfigError::BasePath(_) => "base_path",
            ConfigError::Locale(_) => "locale",
            ConfigError::Mode(_) => "mode",
            ConfigError::HostOrigin(_) => "host_origin",
            ConfigError::HostElement(_) | ConfigError::HostElementMissing(_) => "host_element",
            ConfigError::Theme(..) => "theme",
            ConfigError::NotLoaded(..) | ConfigError::NoDocument => "config.json",
        }
    }
}

impl Config {
    /// Parses and checks the JSON. `default_base_path` is where the page was served from (the
    /// document's `<base href>`), used when the JSON does not say.
    pub fn parse(json: &str, default_base_path: &str) -> Result<Self, ConfigError> {
        let raw: RawConfig =
            serde_json::from_str(json).map_err(|e| ConfigError::Unreadable(e.to_string()))?;
        let api_base = raw.api_base.trim().trim_end_matches('/').to_string();
        let api_ok = api_base.starts_with('/') && !api_base.starts_with("//")
            || api_base.starts_with("https://")
            || api_base.starts_with("http://");
        if !api_ok || api_base.chars().any(char::is_whitespace) {
            return Err(ConfigError::ApiBase(raw.api_base));
        }
        let base_path = normalize_base(raw.base_path.as_deref().unwrap_or(default_base_path))
            .ok_or_else(|| ConfigError::BasePath(raw.base_path.clone().unwrap_or_default()))?;
        let locale = match raw.locale.as_deref() {
            None | Some("") => None,
            Some(tag) => {
                Some(Locale::from_tag(tag).ok_or_else(|| ConfigError::Locale(tag.to_string()))?)
            }
        };
        let mode = match raw.mode.as_deref() {
            None | Some("standalone") => Mode::Standalone,
            Some("embedded") => Mode::Embedded,
            Some(other) => return Err(ConfigError::Mode(other.to_string())),
        };
        let host_origin = match raw.host_origin.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(o) => Some(normalize_origin(o).ok_or_else(|| ConfigError::HostOrigin(o.into()))?),
        };
        let host_element = match raw.host_element.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(id) if is_element_id(id) => Some(id.to_string()),
            Some(id) => return Err(ConfigError::HostElement(id.to_string())),
        };
        let mut theme = Vec::new();
        for (name, value) in raw.theme.unwrap_or_default() {
            if !is_theme_name(&name) {
                return Err(ConfigError::Theme(name, true));
            }
            if !is_theme_value(&value) {
                return Err(ConfigError::Theme(name, false));
            }
            theme.push((name, value.trim().to_string()));
        }
        let session_token = raw.session_token.filter(|t| !t.trim().is_empty());
        Ok(Config {
            api_base,
            base_path,
            session_token,
            sign_in_url: raw.sign_in_url.filter(|u| !u.trim().is_empty()),
            locale,
            mode,
            host_origin,
            host_element,
            theme,
        })
    }

    /// The host element named in a host page's configuration JSON, read before the app mounts
    /// (the rest is checked by `parse` once it runs). `None` when the JSON does not name one.
    pub fn host_element_in(json: &str) -> Option<String> {
        // Only this field, other fields skipped: smaller than a `serde_json::Value`.
        #[derive(Deserialize)]
        struct Probe {
            #[serde(default)]
            host_element: Option<String>,
        }
        let probe: Probe = serde_json::from_str(json).ok()?;
        let id = probe.host_element?;
        let id = id.trim();
        is_element_id(id).then(|| id.to_string())
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

/// `https://console.example.com` (a trailing `/` is dropped); never `*`, a path or credentials.
fn normalize_origin(origin: &str) -> Option<String> {
    let origin = origin.strip_suffix('/').unwrap_or(origin);
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))?;
    let ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    ok.then(|| origin.to_ascii_lowercase())
}

/// An HTML id we can look up: letters, digits, `-`, `_`, `:` and `.`, starting with a letter.
fn is_element_id(id: &str) -> bool {
    id.len() <= 100
        && id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
}

/// Only the app's own custom properties: `--stc-` and lowercase letters, digits and `-`.
fn is_theme_name(name: &str) -> bool {
    name.strip_prefix("--stc-").is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    })
}

/// A plain value (a colour, a font list, a length): nothing that ends the declaration or loads
/// anything (`url(`, `image(`, `@import`), at most 200 characters.
fn is_theme_value(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    !v.is_empty()
        && v.len() <= 200
        && !v
            .chars()
            .any(|c| c.is_control() || matches!(c, ';' | '{' | '}' | '<' | '>' | '\\' | '@'))
        && !lower.contains("url(")
        && !lower.contains("image(")
        && !lower.contains("expression(")
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
            ("", "EOF"),
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
            let said = match &err {
                ConfigError::Unreadable(detail) => detail.clone(),
                other => other.field().to_string(),
            };
            assert!(said.contains(needle), "{json}: {err:?}");
        }
    }

    #[test]
    fn emb_2_host_origin_is_one_exact_origin_never_a_wildcard() {
        let c = Config::parse(
            r#"{"api_base":"/api/v1","mode":"embedded","host_origin":"https://Console.example.com/"}"#,
            "/",
        )
        .unwrap();
        assert_eq!(
            c.host_origin.as_deref(),
            Some("https://console.example.com")
        );
        let c = Config::parse(
            r#"{"api_base":"/api/v1","host_origin":"http://127.0.0.1:8870"}"#,
            "/",
        )
        .unwrap();
        assert_eq!(c.host_origin.as_deref(), Some("http://127.0.0.1:8870"));
        for bad in [
            "*",
            "null",
            "console.example.com",
            "https://console.example.com/console",
            "https://user@console.example.com",
            "javascript:alert(1)",
            "https://",
        ] {
            let json = format!(r#"{{"api_base":"/api/v1","host_origin":{bad:?}}}"#);
            assert_eq!(
                Config::parse(&json, "/"),
                Err(ConfigError::HostOrigin(bad.into())),
                "{bad}"
            );
        }
        assert_eq!(
            Config::parse(r#"{"api_base":"/a"}"#, "/")
                .unwrap()
                .host_origin,
            None
        );
    }

    #[test]
    fn emb_2_host_element_and_theme_are_checked() {
        let json = r##"{"api_base":"/api/v1","host_element":"console-social","theme":{"--stc-color-primary":"#0a5c36","--stc-font":"Georgia, serif"}}"##;
        let c = Config::parse(json, "/").unwrap();
        assert_eq!(c.host_element.as_deref(), Some("console-social"));
        assert_eq!(
            Config::host_element_in(json).as_deref(),
            Some("console-social")
        );
        assert_eq!(Config::host_element_in(r#"{"api_base":"/a"}"#), None);
        assert_eq!(Config::host_element_in("not json"), None);
        assert_eq!(
            c.theme,
            vec![
                ("--stc-color-primary".into(), "#0a5c36".into()),
                ("--stc-font".into(), "Georgia, serif".into())
            ]
        );
        for (theme, err) in [
            (
                r##"{"color":"red"}"##,
                ConfigError::Theme("color".into(), true),
            ),
            (
                r##"{"--other-x":"red"}"##,
                ConfigError::Theme("--other-x".into(), true),
            ),
            (
                r##"{"--stc-X":"red"}"##,
                ConfigError::Theme("--stc-X".into(), true),
            ),
            (
                r##"{"--stc-bg":"red; background: url(https://evil.example/x)"}"##,
                ConfigError::Theme("--stc-bg".into(), false),
            ),
            (
                r##"{"--stc-bg":"url(https://x.example/a.png)"}"##,
                ConfigError::Theme("--stc-bg".into(), false),
            ),
            (
                r##"{"--stc-bg":"} body {"}"##,
                ConfigError::Theme("--stc-bg".into(), false),
            ),
            (
                r##"{"--stc-bg":""}"##,
                ConfigError::Theme("--stc-bg".into(), false),
            ),
        ] {
            let json = format!(r#"{{"api_base":"/api/v1","theme":{theme}}}"#);
            assert_eq!(Config::parse(&json, "/"), Err(err), "{theme}");
        }
        let json = r#"{"api_base":"/api/v1","host_element":"1; drop"}"#;
        assert_eq!(
            Config::parse(json, "/"),
            Err(ConfigError::HostElement("1; drop".into()))
        );
    }

    /// docs/config.schema.json documents exactly the fields the app reads, and its examples
    /// are accepted.
    #[test]
    fn emb_3_schema_documents_every_field_and_its_examples_parse() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../docs/config.schema.json")).unwrap();
        let mut props: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        props.sort_unstable();
        let mut fields = vec![
            "api_base",
            "base_path",
            "session_token",
            "sign_in_url",
            "locale",
            "mode",
            "host_origin",
            "host_element",
            "theme",
        ];
        fields.sort_unstable();
        assert_eq!(props, fields);
        assert_eq!(schema["required"], serde_json::json!(["api_base"]));
        assert_eq!(schema["additionalProperties"], serde_json::json!(false));
        for example in schema["examples"].as_array().unwrap() {
            let json = example.to_string();
            assert!(Config::parse(&json, "/").is_ok(), "{json}");
        }
    }
}
