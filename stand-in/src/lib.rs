//! The stand-in server: a real HTTP server that implements the console API contract for
//! development, demos and tests. See `stand-in/README.md`.
//!
//! `app(state)` builds the whole router; `main.rs` only parses flags and binds.

pub mod api;
pub mod clock;
pub mod corpus;
pub mod db;
pub mod error;
pub mod extract;
pub mod fixtures;
pub mod model;
pub mod oauth;
pub mod pages;
pub mod state;
pub mod testctl;
pub mod util;

use std::time::{Duration, Instant};

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, Extensions, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post, put};
use axum::{Json, Router};
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::compression::CompressionLayer;

pub use state::{AppState, Config};

use api_types::{Envelope, ErrorEnvelope};
use error::{ApiErr, PendingError};
use state::{FaultBody, LoggedRequest};

/// Request bodies above this are 413 `payload_too_large`.
pub const BODY_LIMIT: usize = 64 * 1024;
const REQUEST_LOG_CAP: usize = 20_000;

pub fn app(state: AppState) -> Router {
    let mut r: Router<AppState> = Router::new()
        .route("/api/v1/session", get(api::session))
        .route(
            "/api/v1/social-accounts",
            get(api::list_accounts).post(api::add_account),
        )
        .route("/api/v1/social-accounts/order", put(api::reorder_accounts))
        .route(
            "/api/v1/social-accounts/{id}",
            patch(api::update_account).delete(api::delete_account),
        )
        .route(
            "/api/v1/social-accounts/{id}/history",
            get(api::account_history),
        )
        .route(
            "/api/v1/social-accounts/{id}/dependents",
            get(api::account_dependents),
        )
        .route(
            "/api/v1/social-accounts/{id}/refresh",
            post(api::refresh_account),
        )
        .route("/api/v1/oauth/flows/{state}", get(api::get_flow))
        .route("/api/v1/notifications", get(api::notifications))
        .route(
            "/api/v1/notifications/read-all",
            post(api::notifications_read_all),
        )
        .route(
            "/api/v1/notifications/{id}/read",
            post(api::notification_read),
        )
        .route(
            "/api/v1/notifications/{id}/dismiss",
            post(api::notification_dismiss),
        )
        .route("/api/v1/instagram/search", get(api::search))
        .route("/api/v1/media/{file}", get(api::media))
        .route("/api/v1/posts/{id}", get(api::get_post))
        .route(
            "/api/v1/library/assets",
            get(api::list_assets).post(api::save_asset),
        )
        .route("/api/v1/library/assets/{id}", get(api::get_asset))
        .route(
            "/api/v1/rights/accounts",
            get(api::list_rights_accounts).post(api::create_rights_account),
        )
        .route(
            "/api/v1/rights/accounts/{id}",
            put(api::update_rights_account),
        )
        .route(
            "/api/v1/rights/requests",
            get(api::list_rights_requests).post(api::create_rights_request),
        )
        .route("/api/v1/rights/grants", post(api::create_grant))
        .route("/api/v1/rights/activity", get(api::rights_activity))
        .route("/api/v1/streams", get(api::list_streams))
        .route(
            "/api/v1/streams/{id}/account",
            put(api::switch_stream_account),
        )
        .route(
            "/oauth/{network}/authorize",
            get(oauth::provider_get).post(oauth::provider_post),
        )
        .route("/oauth/callback", get(oauth::callback))
        .route("/oauth/callback.js", get(oauth::callback_js))
        .route("/oauth/stand-in.css", get(pages::css))
        .route(
            "/auth/sign-in",
            get(pages::sign_in_page).post(pages::sign_in),
        )
        .route("/auth/sign-out", post(pages::sign_out));
    if state.config.test_controls {
        r = r.merge(testctl::routes());
    }
    let mut r = r
        .fallback(pages::fallback)
        .method_not_allowed_fallback(pages::method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(from_fn_with_state(state.clone(), fault_mw))
        .layer(from_fn_with_state(state.clone(), finalize_mw));
    if !state.config.allow_origins.is_empty() {
        r = r.layer(cors(&state.config.allow_origins));
    }
    // JSON goes out gzipped when the browser accepts it, as from a production server: on a real
    // network 1,000 accounts are 372 KB as JSON and 24 KB gzipped. The app's files are sent
    // precompressed or as built (`pages::app_file`), never compressed again here.
    let json = CompressionLayer::new().compress_when(DefaultPredicate::new().and(is_json));
    r.layer(json)
        .layer(from_fn_with_state(state.clone(), log_mw))
        .with_state(state)
}

/// Whether a response is JSON (the API's answers and errors, a deployment's `config.json`).
fn is_json(_: StatusCode, _: axum::http::Version, headers: &HeaderMap, _: &Extensions) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

fn cors(origins: &[String]) -> tower_http::cors::CorsLayer {
    use tower_http::cors::{AllowOrigin, CorsLayer};
    let list: Vec<HeaderValue> = origins.iter().filter_map(|o| o.parse().ok()).collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(list))
        .allow_credentials(true)
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            HeaderName::from_static("idempotency-key"),
            header::IF_NONE_MATCH,
        ])
        .expose_headers([header::ETAG, header::DATE])
        .max_age(Duration::from_secs(600))
}

fn error_response(now: i64, status: StatusCode, error: api_types::ApiError) -> Response {
    let account = error.account_id.clone();
    let mut r = (
        status,
        Json(ErrorEnvelope {
            now: util::odt(now),
            error,
        }),
    )
        .into_response();
    if let Some(a) = account {
        r.extensions_mut().insert(api::LogAccount(a));
    }
    r
}

/// Every API answer: errors as the envelope (`finalize`), and the `Date` of the server's clock.
async fn finalize_mw(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let mut resp = finalize(&st, is_api, next.run(req).await);
    // The server's time, as in the envelope's `now`: a `304` has no envelope (TOK-2).
    if is_api {
        if let Some(date) = http_date(st.now()) {
            resp.headers_mut().insert(header::DATE, date);
        }
    }
    resp
}

/// Renders every error as the envelope with the server clock's `now`, including rejections
/// that did not come from our extractors.
fn finalize(st: &AppState, is_api: bool, mut resp: Response) -> Response {
    if let Some(PendingError(err)) = resp.extensions_mut().remove::<PendingError>() {
        let status = resp.status();
        let mut r = error_response(st.now(), status, err);
        if status == StatusCode::METHOD_NOT_ALLOWED {
            if let Some(allow) = resp.headers().get(header::ALLOW) {
                r.headers_mut().insert(header::ALLOW, allow.clone());
            }
        }
        if is_api {
            r.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        }
        return r;
    }
    if is_api {
        let status = resp.status();
        let is_json = resp
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if (status.is_client_error() || status.is_server_error())
            && !is_json
            && resp.headers().get("x-stand-in-fault").is_none()
        {
            let e = ApiErr::for_status(status);
            return error_response(st.now(), status, e.error);
        }
        if !resp.headers().contains_key(header::CACHE_CONTROL) {
            resp.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        }
    }
    resp
}

/// `Date`'s form of a time on the server's clock (`Fri, 27 Nov 2026 19:27:36 GMT`).
fn http_date(now: i64) -> Option<HeaderValue> {
    let at = std::time::UNIX_EPOCH + Duration::from_secs(u64::try_from(now).ok()?);
    HeaderValue::from_str(&httpdate::fmt_http_date(at)).ok()
}

/// Fault injection: the next N matching calls get the configured status, delay or body.
async fn fault_mw(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if !st.config.test_controls || req.uri().path().starts_with("/__test") {
        return next.run(req).await;
    }
    let fault = {
        let mut faults = st.faults.lock().unwrap_or_else(|e| e.into_inner());
        let method = req.method().as_str().to_string();
        let path = req.uri().path().to_string();
        match faults.iter().position(|f| f.matches(&method, &path)) {
            Some(i) => {
                let f = faults[i].clone();
                if faults[i].remaining <= 1 {
                    faults.remove(i);
                } else {
                    faults[i].remaining -= 1;
                }
                Some(f)
            }
            None => None,
        }
    };
    let Some(f) = fault else {
        return next.run(req).await;
    };
    // Before: the call waits (or never reaches the handler). After: the handler's work is done
    // and committed, and only its answer is late or lost.
    let mut pending = Some((req, next));
    let mut handled = None;
    if f.after {
        if let Some((req, next)) = pending.take() {
            handled = Some(next.run(req).await);
        }
    }
    if let Some(ms) = f.delay_ms {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    if f.status.is_none() && f.body.is_none() {
        if let Some((req, next)) = pending {
            return next.run(req).await;
        }
        if let Some(resp) = handled {
            return resp;
        }
    }
    let status =
        StatusCode::from_u16(f.status.unwrap_or(200)).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let json = [(header::CONTENT_TYPE, "application/json")];
    let mut resp = match f.body {
        Some(FaultBody::Malformed) => (
            status,
            json,
            "{\"now\": \"2026-01-01T00:00:00Z\", \"data\": [{\"id\": ",
        )
            .into_response(),
        Some(FaultBody::Empty) => (status, json, "").into_response(),
        None if status.is_client_error() || status.is_server_error() => {
            let mut e = ApiErr::for_status(status);
            e.error.message = format!("Injected fault: {}", e.error.message);
            if status == StatusCode::TOO_MANY_REQUESTS {
                e.error.resets_at = Some(util::odt(st.now() + 3_600));
            }
            e.into_response()
        }
        None => (
            status,
            Json(Envelope {
                now: util::odt(st.now()),
                data: serde_json::Value::Null,
            }),
        )
            .into_response(),
    };
    resp.headers_mut()
        .insert("x-stand-in-fault", HeaderValue::from_static("1"));
    resp
}

/// One line per request on stderr; API requests also go to the test request log.
async fn log_mw(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let query = req.uri().query().map(str::to_string);
    let resp = next.run(req).await;
    let status = resp.status().as_u16();
    let account = resp
        .extensions()
        .get::<api::LogAccount>()
        .map(|a| a.0.clone());
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    eprintln!(
        "{} {method} {path}{} {status} {ms:.1}ms{}",
        util::rfc3339(clock::real_now()),
        query
            .as_deref()
            .map(|q| format!("?{q}"))
            .unwrap_or_default(),
        account
            .as_deref()
            .map(|a| format!(" account={a}"))
            .unwrap_or_default()
    );
    if path.starts_with("/api/") {
        let mut log = st.request_log.lock().unwrap_or_else(|e| e.into_inner());
        if log.len() >= REQUEST_LOG_CAP {
            log.remove(0);
        }
        log.push(LoggedRequest {
            method,
            path,
            query,
            status,
            account_id: account,
            at: util::rfc3339(st.now()),
        });
    }
    resp
}
