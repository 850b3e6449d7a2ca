#![allow(dead_code)]
//! In-process harness: the real router, driven with `tower::ServiceExt::oneshot`.

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use serde_json::{json, Value};
use stand_in::{app, AppState, Config};
use tower::ServiceExt;

pub const T0: &str = "2026-03-01T12:00:00Z";
pub const ADMIN: &str = "demo-admin";
pub const ADMIN2: &str = "demo-admin-2";
pub const MODERATOR: &str = "demo-moderator";
pub const CURATOR: &str = "demo-curator";

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
    pub json: Value,
    /// The body as sent (compressed, if it was).
    pub bytes: Vec<u8>,
}

impl Resp {
    pub fn data(&self) -> &Value {
        &self.json["data"]
    }
    pub fn code(&self) -> &str {
        self.json["error"]["code"].as_str().unwrap_or("")
    }
    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }
    /// Asserts the standard error envelope with this status and code.
    #[track_caller]
    pub fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.text);
        assert_eq!(self.code(), code, "body: {}", self.text);
        assert!(
            self.json["now"].is_string(),
            "envelope has now: {}",
            self.text
        );
        assert!(
            self.header("content-type").starts_with("application/json"),
            "content-type {}",
            self.header("content-type")
        );
        let _: api_types::ErrorEnvelope =
            serde_json::from_str(&self.text).expect("decodes as ErrorEnvelope");
    }
    pub fn field_reasons(&self) -> Vec<(String, String, Option<String>)> {
        self.json["error"]["fields"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|f| {
                        (
                            f["field"].as_str().unwrap_or("").to_string(),
                            f["reason"].as_str().unwrap_or("").to_string(),
                            f["detail"].as_str().map(str::to_string),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

pub struct T {
    pub state: AppState,
    pub app: Router,
}

impl T {
    /// The demo fixture with test controls, the clock frozen at `T0`.
    pub async fn demo() -> T {
        Self::fixture("demo").await
    }

    pub async fn fixture(name: &str) -> T {
        let t = Self::with_config(Config {
            test_controls: true,
            fixture: "empty".into(),
            ..Config::default()
        });
        let r = t
            .post(
                "/__test/reset",
                None,
                json!({"fixture": name, "now": T0, "frozen": true}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
        t
    }

    pub fn with_config(config: Config) -> T {
        let state = AppState::new(config).expect("state");
        let app = app(state.clone());
        T { state, app }
    }

    pub async fn send(&self, req: Request<Body>) -> Resp {
        let res = self.app.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), 64 * 1024 * 1024)
            .await
            .expect("body");
        let text = String::from_utf8_lossy(&bytes).to_string();
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Resp {
            status,
            headers,
            text,
            json,
            bytes: bytes.to_vec(),
        }
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Resp {
        let mut b = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        let req = match body {
            Some(v) => b
                .header("content-type", "application/json")
                .body(Body::from(v.to_string()))
                .unwrap(),
            None => b.body(Body::empty()).unwrap(),
        };
        self.send(req).await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Resp {
        self.call(Method::GET, path, token, None, &[]).await
    }
    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Resp {
        self.call(Method::POST, path, token, Some(body), &[]).await
    }
    pub async fn post_empty(&self, path: &str, token: Option<&str>) -> Resp {
        self.call(Method::POST, path, token, None, &[]).await
    }
    pub async fn put(&self, path: &str, token: Option<&str>, body: Value) -> Resp {
        self.call(Method::PUT, path, token, Some(body), &[]).await
    }
    pub async fn patch(&self, path: &str, token: Option<&str>, body: Value) -> Resp {
        self.call(Method::PATCH, path, token, Some(body), &[]).await
    }
    pub async fn delete(&self, path: &str, token: Option<&str>) -> Resp {
        self.call(Method::DELETE, path, token, None, &[]).await
    }
    /// A raw body with a content type.
    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        content_type: &str,
        body: impl Into<Body>,
    ) -> Resp {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", content_type);
        if let Some(t) = token {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        self.send(b.body(body.into()).unwrap()).await
    }

    pub fn dump(&self) -> String {
        self.state.dump()
    }

    pub async fn advance(&self, seconds: i64) {
        let r = self
            .post("/__test/clock/advance", None, json!({ "seconds": seconds }))
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
    }

    pub async fn set_clock(&self, now: &str) {
        let r = self
            .put("/__test/clock", None, json!({ "now": now, "frozen": true }))
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
    }

    pub async fn account(&self, id: &str) -> Value {
        let r = self.get("/api/v1/social-accounts", Some(ADMIN)).await;
        r.data()
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .cloned()
            .unwrap_or(Value::Null)
    }

    pub async fn notifications(&self, token: &str) -> Value {
        let r = self.get("/api/v1/notifications", Some(token)).await;
        assert_eq!(r.status, 200, "{}", r.text);
        r.data().clone()
    }

    /// Runs the provider page for a flow: GET the page, POST the decision; returns the POST's response.
    pub async fn provider(
        &self,
        authorize_url: &str,
        decision: &str,
        identity: Option<&str>,
    ) -> Resp {
        let page = self.get(authorize_url, None).await;
        assert_eq!(page.status, 200, "{}", page.text);
        let mut form = format!("decision={decision}");
        if let Some(i) = identity {
            form.push_str(&format!("&identity={i}"));
        }
        self.raw(
            Method::POST,
            authorize_url,
            None,
            "application/x-www-form-urlencoded",
            form,
        )
        .await
    }
}

pub const DAY: i64 = 86_400;
pub const HOUR: i64 = 3_600;

/// A fixture with one Instagram account expiring `expires_in` seconds from now, feeding a stream.
pub fn one_account_fixture(expires_in: i64) -> Value {
    json!({
        "accounts": [
            {"id": "acc_a", "network": "instagram", "handle": "alpha", "identity_id": "ig_a",
             "connected_at": -100 * DAY, "last_refreshed_at": expires_in - 60 * DAY, "expires_at": expires_in},
            {"id": "acc_b", "network": "instagram", "handle": "bravo", "identity_id": "ig_b", "expires_at": 50 * DAY}
        ],
        "streams": [
            {"id": "str_a", "name": "Alpha stream", "destination": {"kind": "app", "name": "Site"},
             "rules": {"network": "instagram", "hashtags": ["summer"]}, "account_id": "acc_a"}
        ]
    })
}

pub async fn reset_json(t: &T, fixture: Value) {
    let r = t
        .post(
            "/__test/reset",
            None,
            json!({"fixture_json": fixture, "now": T0, "frozen": true}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
}
