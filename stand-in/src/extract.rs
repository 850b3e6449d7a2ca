//! Extractors whose rejections are always the error envelope: the console session, raw JSON
//! bodies (parsed after the permission check), path segments and query strings.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{header, request::Parts, HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::error::{fe, ApiErr};
use crate::model::{user_by_token, DemoUser};

pub const SESSION_COOKIE: &str = "console_session";

pub fn session_token(headers: &HeaderMap) -> Option<String> {
    if let Some(v) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        let v = v.trim();
        if let Some(t) = v
            .strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))
        {
            return Some(t.trim().to_string());
        }
    }
    for v in headers.get_all(header::COOKIE) {
        let Ok(v) = v.to_str() else { continue };
        for part in v.split(';') {
            if let Some((k, val)) = part.trim().split_once('=') {
                if k.trim() == SESSION_COOKIE {
                    return Some(val.trim().to_string());
                }
            }
        }
    }
    None
}

/// The signed-in console user (401 `unauthenticated` otherwise).
pub struct Auth(pub &'static DemoUser);

impl<S: Send + Sync> FromRequestParts<S> for Auth {
    type Rejection = ApiErr;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiErr> {
        let token = session_token(&parts.headers).ok_or_else(ApiErr::unauthenticated)?;
        let user = user_by_token(&token).ok_or_else(ApiErr::unauthenticated)?;
        parts.extensions.insert(LogUser(user.id));
        Ok(Auth(user))
    }
}

#[derive(Clone, Copy)]
pub struct LogUser(pub &'static str);

/// The raw request body, limited to 64 KB (413 `payload_too_large`), parsed on demand so the
/// permission check comes first.
pub struct JsonBody {
    bytes: Bytes,
    content_type: Option<String>,
}

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiErr;
    async fn from_request(req: Request, state: &S) -> Result<Self, ApiErr> {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|s| s.to_string());
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiErr::too_large()
            } else {
                ApiErr::malformed(e.body_text())
            }
        })?;
        Ok(JsonBody {
            bytes,
            content_type,
        })
    }
}

fn is_json(ct: &str) -> bool {
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

fn backticked(msg: &str, prefix: &str) -> Option<String> {
    let rest = msg.strip_prefix(prefix)?;
    let end = rest.find('`')?;
    Some(rest[..end].to_string())
}

impl JsonBody {
    pub fn is_empty(&self) -> bool {
        self.bytes.iter().all(|b| b.is_ascii_whitespace())
    }

    /// Parses the body: 415 without a JSON content type, 400 for malformed JSON, 422 for wrong
    /// types, unknown or missing fields.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, ApiErr> {
        match &self.content_type {
            Some(ct) if is_json(ct) => {}
            _ => {
                let mut e = ApiErr::field(
                    "content-type",
                    "unsupported_media_type",
                    Some("application/json".into()),
                );
                e.status = StatusCode::UNSUPPORTED_MEDIA_TYPE;
                e.error.message = "Send the body as application/json".into();
                return Err(e);
            }
        }
        // Request bodies are JSON objects; serde would otherwise accept a struct as an array.
        if self.bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
            return Err(ApiErr::field(
                "body",
                "invalid_type",
                Some("expected a JSON object".into()),
            ));
        }
        let mut de = serde_json::Deserializer::from_slice(&self.bytes);
        let value: T = match serde_path_to_error::deserialize(&mut de) {
            Ok(v) => v,
            Err(err) => {
                let path = err.path().to_string();
                let inner = err.into_inner();
                let msg = inner.to_string();
                return Err(match inner.classify() {
                    serde_json::error::Category::Data => {
                        let parent = if path == "." || path.is_empty() {
                            String::new()
                        } else {
                            format!("{path}.")
                        };
                        let (field, reason) = if let Some(f) = backticked(&msg, "unknown field `") {
                            if path == f || path.ends_with(&format!(".{f}")) {
                                (path, "unknown_field")
                            } else {
                                (format!("{parent}{f}"), "unknown_field")
                            }
                        } else if let Some(f) = backticked(&msg, "missing field `") {
                            (format!("{parent}{f}"), "required")
                        } else if msg.starts_with("invalid type") {
                            (
                                if path == "." { "body".into() } else { path },
                                "invalid_type",
                            )
                        } else {
                            (
                                if path == "." { "body".into() } else { path },
                                "invalid_value",
                            )
                        };
                        ApiErr::validation(vec![fe(&field, reason, Some(msg))])
                    }
                    _ => ApiErr::malformed(msg),
                });
            }
        };
        de.end().map_err(|e| ApiErr::malformed(e.to_string()))?;
        Ok(value)
    }

    /// Like [`parse`](Self::parse), but an empty body means `T::default()`.
    pub fn parse_or_default<T: DeserializeOwned + Default>(&self) -> Result<T, ApiErr> {
        if self.is_empty() {
            Ok(T::default())
        } else {
            self.parse()
        }
    }
}

/// Query parameters as (name, value) pairs; a malformed query string is 400.
pub struct QueryPairs(pub Vec<(String, String)>);

impl QueryPairs {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for QueryPairs {
    type Rejection = ApiErr;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiErr> {
        let q = parts.uri.query().unwrap_or("");
        serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .map(QueryPairs)
            .map_err(|e| ApiErr::field("query", "malformed_query", Some(e.to_string())))
    }
}

/// One path segment (`{id}`), percent-decoded; undecodable segments are 404.
pub struct PathId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = ApiErr;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiErr> {
        match axum::extract::Path::<String>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(s)) => Ok(PathId(s)),
            Err(_) => Err(ApiErr::not_found("Resource")),
        }
    }
}

/// The request's `Origin` header when it is a plain `scheme://host[:port]`.
pub fn request_origin(headers: &HeaderMap) -> Option<String> {
    let o = headers.get(header::ORIGIN)?.to_str().ok()?.trim();
    let rest = o
        .strip_prefix("https://")
        .or_else(|| o.strip_prefix("http://"))?;
    if rest.is_empty()
        || rest.contains('/')
        || rest.contains('?')
        || rest.contains('#')
        || rest.contains('@')
        || rest.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return None;
    }
    Some(o.to_string())
}
