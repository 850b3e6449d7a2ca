//! HTTP transport (browser only): one place that builds URLs, adds the session, applies the
//! time limit, aborts requests whose page went away, reads the server clock and decodes bodies.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use api_types::{
    AddAccount, AuthorizationStart, Dependents, Envelope, HistoryEntry, NotificationList,
    OAuthFlow, RefreshRequest, ReorderAccounts, Session, SocialAccount, SocialNetwork,
    UpdateAccount,
};
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use serde::Serialize;
use web_sys::{AbortController, RequestCredentials};

use super::{early, AppError};
use crate::config::Config;
use crate::domain::clock::ServerClock;

/// How long a request may take before it counts as timed out (FAIL-1).
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// The API client. Cheap to clone; shared through context.
#[derive(Clone)]
pub struct Api {
    pub(super) base: String,
    session_token: Option<String>,
    /// The server's clock as last reported (TOK-2).
    pub clock: RwSignal<Option<ServerClock>>,
    /// Requests in flight, for the progress bar (SHELL-4).
    pub in_flight: RwSignal<u32>,
}

/// The server's time now, by its clock as last read (TOK-2); `None` before the first answer.
/// Never the browser's wall clock.
pub fn server_now(clock: Option<ServerClock>) -> Option<api_types::Timestamp> {
    clock.map(|c| c.now_at(monotonic_ms()))
}

/// Milliseconds on the browser's monotonic clock.
pub fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

impl Api {
    pub fn new(config: &Config) -> Self {
        Self {
            base: config.api_base.clone(),
            session_token: config.session_token.clone(),
            clock: RwSignal::new(None),
            in_flight: RwSignal::new(0),
        }
    }

    pub async fn session(&self) -> Result<Session, AppError> {
        self.get("/session").await
    }

    /// `GET /notifications`, asked for again every minute (`get_if_changed`).
    pub async fn notifications(
        &self,
        known: Option<&str>,
    ) -> Result<Polled<NotificationList>, AppError> {
        self.get_if_changed("/notifications", known).await
    }

    /// A `GET` that names the answer the client has (its `ETag`, if it has one): an unchanged
    /// answer is a `304` with no body, and the client keeps what it has.
    pub async fn get_if_changed<T: DeserializeOwned>(
        &self,
        path: &str,
        known: Option<&str>,
    ) -> Result<Polled<T>, AppError> {
        let headers: &[(&str, &str)] = match known {
            Some(tag) => &[("If-None-Match", tag)],
            None => &[],
        };
        let answer = self.exchange(Method::GET, path, None, headers).await?;
        if answer.not_modified {
            return Ok(Polled::Unchanged);
        }
        Ok(Polled::Changed(self.decode(&answer.text)?, answer.etag))
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, AppError> {
        self.send(Method::GET, path, None).await
    }

    pub async fn post<T: DeserializeOwned, B: serde::Serialize>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, AppError> {
        self.send_json(Method::POST, path, body).await
    }

    // ---- social accounts (ACC, TOK, OAUTH): issue 4 ----

    /// `GET /social-accounts`: every account, by network then fallback order.
    pub async fn accounts(&self) -> Result<Vec<SocialAccount>, AppError> {
        self.get("/social-accounts").await
    }

    /// `GET /social-accounts` for a page that reads them again now and then (`get_if_changed`).
    pub async fn accounts_if_changed(
        &self,
        known: Option<&str>,
    ) -> Result<Polled<Vec<SocialAccount>>, AppError> {
        self.get_if_changed("/social-accounts", known).await
    }

    /// `PATCH /social-accounts/{id}`: rename (ACC-4).
    pub async fn update_account(
        &self,
        id: &str,
        display_name: String,
    ) -> Result<SocialAccount, AppError> {
        let body = UpdateAccount { display_name };
        self.send_json(Method::PATCH, &account_path(id, ""), &body)
            .await
    }

    /// `PUT /social-accounts/order`: the complete new order of one network (ACC-7).
    pub async fn reorder(
        &self,
        network: SocialNetwork,
        account_ids: Vec<String>,
    ) -> Result<Vec<SocialAccount>, AppError> {
        let body = ReorderAccounts {
            network,
            account_ids,
        };
        self.send_json(Method::PUT, "/social-accounts/order", &body)
            .await
    }

    /// `DELETE /social-accounts/{id}`: answers what the deletion affected (ACC-6).
    pub async fn delete_account(&self, id: &str) -> Result<Dependents, AppError> {
        self.send(Method::DELETE, &account_path(id, ""), None).await
    }

    /// `GET /social-accounts/{id}/history`, newest first (ACC-9).
    pub async fn history(&self, id: &str) -> Result<Vec<HistoryEntry>, AppError> {
        self.get(&account_path(id, "/history")).await
    }

    /// `GET /social-accounts/{id}/dependents` (ACC-4, ACC-6).
    pub async fn dependents(&self, id: &str) -> Result<Dependents, AppError> {
        self.get(&account_path(id, "/dependents")).await
    }

    /// `POST /social-accounts/{id}/refresh`: silently if possible, else an authorization to run
    /// (TOK-4). `return_to` is where the provider sends the person back without a popup.
    pub async fn refresh(
        &self,
        id: &str,
        return_to: Option<String>,
    ) -> Result<AuthorizationStart, AppError> {
        let body = RefreshRequest { return_to };
        self.send_json(Method::POST, &account_path(id, "/refresh"), &body)
            .await
    }

    /// `POST /social-accounts`: always an authorization to run (ACC-5).
    pub async fn add_account(
        &self,
        network: SocialNetwork,
        return_to: Option<String>,
    ) -> Result<AuthorizationStart, AppError> {
        let body = AddAccount { network, return_to };
        self.send_json(Method::POST, "/social-accounts", &body)
            .await
    }

    /// `GET /oauth/flows/{state}`: the outcome of an authorization (OAUTH-2: trust this, not the
    /// popup's message).
    pub async fn oauth_flow(&self, state: &str) -> Result<OAuthFlow, AppError> {
        self.get(&format!("/oauth/flows/{}", segment(state))).await
    }

    /// The API's absolute base URL: `api_base` resolved against the page's address.
    fn absolute_base(&self) -> Option<web_sys::Url> {
        let page = web_sys::window()?.location().href().ok()?;
        web_sys::Url::new_with_base(&self.base, &page).ok()
    }

    /// The API's origin (`https://console.example.com`), which the OAuth callback page's
    /// messages must come from (OAUTH-2).
    pub fn origin(&self) -> Option<String> {
        self.absolute_base().map(|u| u.origin())
    }

    /// An address the API returned (e.g. `authorize_url`, possibly a path on the API's origin),
    /// made absolute against the API base. Only `http(s):` addresses are returned.
    pub fn resolve(&self, url: &str) -> Option<String> {
        let base = self.absolute_base()?;
        let u = web_sys::Url::new_with_base(url, &base.href()).ok()?;
        matches!(u.protocol().as_str(), "https:" | "http:").then(|| u.href())
    }

    /// Sends one request with a JSON body.
    async fn send_json<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: &B,
    ) -> Result<T, AppError> {
        self.send(method, path, Some(json(body)?)).await
    }

    /// Sends one request and decodes the `data` of its envelope.
    pub(super) async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        json_body: Option<String>,
    ) -> Result<T, AppError> {
        self.send_with_headers(method, path, json_body, &[]).await
    }

    /// [`Api::send`] with extra request headers (e.g. `Idempotency-Key`, RR-5).
    pub(super) async fn send_with_headers<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        json_body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Result<T, AppError> {
        // Only the decoding depends on the response type: the request itself is one function
        // for all of them, not a copy per type (every copy ships in the wasm).
        let answer = self.exchange(method, path, json_body, headers).await?;
        self.decode(&answer.text)
    }

    /// The `data` of a success envelope; its `now` is the server's clock.
    fn decode<T: DeserializeOwned>(&self, text: &str) -> Result<T, AppError> {
        let envelope: Envelope<T> =
            serde_json::from_str(text).map_err(|_| AppError::Undecodable)?;
        self.observe_clock(envelope.now);
        Ok(envelope.data)
    }

    /// Sends one request: the body of a 2xx answer (or a `304` to a conditional one), else the
    /// error it means.
    async fn exchange(
        &self,
        method: Method,
        path: &str,
        json_body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Result<Answer, AppError> {
        let url = format!("{}{}", self.base, path);
        // A plain GET `boot.js` may have asked for already (`early`): take its answer, and abort
        // through its controller, instead of asking again.
        let plain_get = method == Method::GET && json_body.is_none() && headers.is_empty();
        let early = if plain_get { early::take(&url) } else { None };
        let controller = match &early {
            Some(early) => Some(early.controller()),
            None => AbortController::new().ok(),
        };
        let signal = controller.as_ref().map(|c| c.signal());
        // Plain shared state, not a reactive value: the request may outlive the owner that sent
        // it (its future is dropped or resumes after cleanup), and a disposed reactive value
        // would panic when read.
        let timed_out = Arc::new(AtomicBool::new(false));

        // Abort when the page or component that asked goes away.
        let on_cleanup_controller = SendWrapper::new(controller.clone());
        on_cleanup(move || {
            if let Some(c) = on_cleanup_controller.take() {
                c.abort();
            }
        });
        // Abort when the time limit passes.
        let timer_controller = SendWrapper::new(controller);
        let timer_flag = timed_out.clone();
        let timer = set_timeout_with_handle(
            move || {
                timer_flag.store(true, Ordering::Relaxed);
                if let Some(c) = timer_controller.take() {
                    c.abort();
                }
            },
            // An answer asked for before the app started has been on its way since then.
            match &early {
                Some(early) => time_left(monotonic_ms() - early.at()),
                None => TIME_LIMIT,
            },
        )
        .ok();

        // Counted down when the request ends or its future is dropped (a superseded search is
        // cancelled), so the progress bar never stays on (SHELL-4).
        let _in_flight = InFlight::start(self.in_flight, timer);
        let result = async {
            let response = match early {
                Some(early) => early.answer().await.map_err(|_| ()),
                None => {
                    let request = self
                        .request(&url, method, json_body, headers, signal.as_ref())
                        .map_err(|_| AppError::Offline)?;
                    request.send().await.map_err(|_| ())
                }
            };
            let response = response.map_err(|()| {
                if timed_out.load(Ordering::Relaxed) {
                    AppError::Timeout
                } else {
                    AppError::Offline
                }
            })?;
            let status = response.status();
            let etag = response.headers().get("ETag");
            if status == 304 {
                // No envelope, so no `now`: the server's time is its `Date` (TOK-2).
                if let Some(now) = response.headers().get("Date").and_then(|d| http_date(&d)) {
                    self.observe_clock(now);
                }
                return Ok(Answer {
                    text: String::new(),
                    etag,
                    not_modified: true,
                });
            }
            let text = response.text().await.map_err(|_| {
                if timed_out.load(Ordering::Relaxed) {
                    AppError::Timeout
                } else {
                    AppError::Undecodable
                }
            })?;
            if (200..300).contains(&status) {
                Ok(Answer {
                    text,
                    etag,
                    not_modified: false,
                })
            } else {
                let (error, now) = AppError::from_response(status, &text);
                if let Some(now) = now {
                    self.observe_clock(now);
                }
                Err(error)
            }
        }
        .await;
        result
    }

    /// The request `exchange` sends when nobody asked for it before.
    fn request(
        &self,
        url: &str,
        method: Method,
        json_body: Option<String>,
        headers: &[(&str, &str)],
        signal: Option<&web_sys::AbortSignal>,
    ) -> Result<gloo_net::http::Request, gloo_net::Error> {
        let mut builder = RequestBuilder::new(url)
            .method(method)
            .credentials(RequestCredentials::Include)
            .header("Accept", "application/json")
            .abort_signal(signal);
        if let Some(token) = &self.session_token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        match json_body {
            Some(body) => builder
                .header("Content-Type", "application/json")
                .body(body),
            None => builder.build(),
        }
    }

    fn observe_clock(&self, now: api_types::Timestamp) {
        let reading = ServerClock::new(now, monotonic_ms());
        self.clock.try_set(Some(reading));
    }
}

/// An HTTP date (`Fri, 27 Nov 2026 19:27:36 GMT`), read by the browser's own parser.
pub fn http_date(text: &str) -> Option<api_types::Timestamp> {
    let ms = js_sys::Date::parse(text);
    if !ms.is_finite() {
        return None;
    }
    // Added to the epoch (no other conversion's code ships for it); a date the browser reads
    // but `time` cannot hold (after the year 9999) is no date.
    time::OffsetDateTime::UNIX_EPOCH.checked_add(time::Duration::milliseconds(ms as i64))
}

/// What a conditional `GET` found.
pub enum Polled<T> {
    /// The answer, and the validator to ask with next time (if the server gave one).
    Changed(T, Option<String>),
    /// What the client has is current (`304 Not Modified`).
    Unchanged,
}

/// One answer `exchange` accepted.
struct Answer {
    text: String,
    etag: Option<String>,
    not_modified: bool,
}

/// What is left of the time limit for a request that has been on its way for `waited_ms`.
fn time_left(waited_ms: f64) -> Duration {
    let limit = TIME_LIMIT.as_millis() as f64;
    let left = limit - waited_ms;
    if left.is_nan() {
        return TIME_LIMIT;
    }
    Duration::from_millis(left.clamp(0.0, limit) as u64)
}

/// One request in flight: counted while it lives; its time limit is cleared when it ends.
struct InFlight {
    counter: RwSignal<u32>,
    timer: Option<TimeoutHandle>,
}

impl InFlight {
    fn start(counter: RwSignal<u32>, timer: Option<TimeoutHandle>) -> Self {
        counter.try_update(|n| *n += 1);
        Self { counter, timer }
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        self.counter.try_update(|n| *n = n.saturating_sub(1));
    }
}

/// `/social-accounts/{id}{rest}` with the opaque id encoded as one path segment.
fn account_path(id: &str, rest: &str) -> String {
    format!("/social-accounts/{}{rest}", segment(id))
}

/// One path segment, percent-encoded (ids are opaque strings).
pub(super) fn segment(id: &str) -> String {
    String::from(js_sys::encode_uri_component(id))
}

/// A request body as JSON. Serialising our own wire types cannot fail; if it ever did, it is
/// said as an error instead of a panic.
pub(super) fn json<T: Serialize>(body: &T) -> Result<String, AppError> {
    serde_json::to_string(body).map_err(|_| AppError::Undecodable)
}

/// A resource that asks the API each time it is (re)fetched, with the page's API client.
pub fn api_resource<T, F, Fut>(call: F) -> leptos::prelude::LocalResource<T>
where
    T: 'static,
    F: Fn(Api) -> Fut + 'static,
    Fut: std::future::Future<Output = T> + 'static,
{
    let api = leptos::prelude::expect_context::<Api>();
    leptos::prelude::LocalResource::new(move || call(api.clone()))
}
