//! HTML the stand-in serves itself (sign-in, landing, errors), the built app's static files,
//! and the fallbacks for unknown routes and methods.

use std::path::{Component, Path};

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

use crate::error::ApiErr;
use crate::extract::{QueryPairs, SESSION_COOKIE};
use crate::model::{user_by_token, USERS};
use crate::state::AppState;
use crate::util::{esc, safe_return_to};

/// The Content Security Policy of the built app's HTML (EMB-4). One place.
pub const APP_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

/// The CSP of the stand-in's own pages (provider, callback, sign-in): no inline anything.
pub const PAGE_CSP: &str =
    "default-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub const PAGE_CSS: &str = "body{font-family:system-ui,sans-serif;background:#f3f4f6;color:#111827;margin:0;padding:2rem}\
main{max-width:34rem;margin:0 auto;background:#fff;border:1px solid #d1d5db;border-radius:8px;padding:1.5rem 2rem}\
h1{font-size:1.4rem}.provider{color:#4b5563;font-size:.9rem;text-transform:uppercase;letter-spacing:.04em}\
fieldset{border:1px solid #d1d5db;border-radius:6px;margin:1rem 0}.choice{display:block;padding:.35rem 0}\
.note{color:#4b5563}.actions{display:flex;gap:.75rem;margin-top:1rem}button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #6b7280;background:#fff;cursor:pointer}\
button.primary{background:#1d4ed8;border-color:#1d4ed8;color:#fff}button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}\
ul.users{list-style:none;padding:0}ul.users li{display:flex;justify-content:space-between;align-items:center;padding:.5rem 0;border-bottom:1px solid #e5e7eb}";

pub fn html_page(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{}</title><link rel=\"stylesheet\" href=\"/oauth/stand-in.css\"></head><body><main>{}</main></body></html>\n",
        esc(title),
        body
    );
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, PAGE_CSP),
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        html,
    )
        .into_response()
}

pub async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        PAGE_CSS,
    )
        .into_response()
}

fn see_other(location: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location.to_string())],
    )
        .into_response()
}

// ---------------------------------------------------------------- sign-in

pub async fn sign_in_page(State(st): State<AppState>, q: QueryPairs) -> Response {
    let return_to =
        safe_return_to(q.get("return_to")).unwrap_or_else(|| st.config.app_base.clone());
    let mut items = String::new();
    for u in USERS {
        items.push_str(&format!(
            "<li><span><strong>{}</strong> · {:?}</span><form method=\"post\" action=\"/auth/sign-in\">\
<input type=\"hidden\" name=\"user\" value=\"{}\"><input type=\"hidden\" name=\"return_to\" value=\"{}\">\
<button type=\"submit\" class=\"primary\">Sign in as {}</button></form></li>",
            esc(u.name),
            u.role,
            esc(u.token),
            esc(&return_to),
            esc(u.name)
        ));
    }
    html_page(
        StatusCode::OK,
        "Sign in — stand-in",
        &format!("<p class=\"provider\">Social Token Console · stand-in</p><h1>Sign in as a demo user</h1><ul class=\"users\">{items}</ul>"),
    )
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    user: String,
    #[serde(default)]
    return_to: Option<String>,
}

pub async fn sign_in(
    State(st): State<AppState>,
    form: Result<Form<SignInForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return html_page(
            StatusCode::BAD_REQUEST,
            "Sign in — stand-in",
            "<h1>The form could not be read</h1>",
        );
    };
    let Some(user) = user_by_token(&form.user) else {
        return html_page(
            StatusCode::BAD_REQUEST,
            "Sign in — stand-in",
            "<h1>Unknown demo user</h1><p><a href=\"/auth/sign-in\">Back</a></p>",
        );
    };
    let to =
        safe_return_to(form.return_to.as_deref()).unwrap_or_else(|| st.config.app_base.clone());
    let mut r = see_other(&to);
    if let Ok(v) = format!(
        "{SESSION_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax",
        user.token
    )
    .parse()
    {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}

pub async fn sign_out(q: QueryPairs) -> Response {
    let to = safe_return_to(q.get("return_to")).unwrap_or_else(|| "/auth/sign-in".into());
    let mut r = see_other(&to);
    if let Ok(v) = format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0").parse() {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}

// ---------------------------------------------------------------- fallbacks and the built app

const RESERVED: &[&str] = &["/api/", "/oauth/", "/auth/", "/__test/"];

fn is_reserved(path: &str) -> bool {
    RESERVED
        .iter()
        .any(|p| path.starts_with(p) || path == p.trim_end_matches('/'))
}

fn mime_for(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn file_response(path: &Path, bytes: Vec<u8>) -> Response {
    let mime = mime_for(path);
    let mut r = (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        bytes,
    )
        .into_response();
    if mime.starts_with("text/html") {
        if let Ok(v) = APP_CSP.parse() {
            r.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    r
}

async fn serve_app(dir: &Path, rel: &str, request: &HeaderMap) -> Option<Response> {
    let rel_path = Path::new(rel);
    let clean = !rel.contains('\\')
        && !rel.contains('%')
        && rel_path
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if clean && !rel.is_empty() {
        let p = dir.join(rel_path);
        if tokio::fs::metadata(&p).await.is_ok_and(|m| m.is_file()) {
            return app_file(&p, request).await;
        }
    }
    app_file(&dir.join("index.html"), request).await
}

/// One of the app's files, as a web server with precompressed files sends it (nginx's
/// `gzip_static`, `brotli_static`): the copy the release build left beside it (`bin/precompress`:
/// `name.br`, `name.gz`) when the browser accepts that encoding, else the file as it is. With an
/// `ETag` (size and modification time of what is sent), so a reload revalidates instead of
/// downloading again (`304 Not Modified`).
async fn app_file(path: &Path, request: &HeaderMap) -> Option<Response> {
    let header_str = |name| {
        request
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
            .unwrap_or_default()
    };
    let accept_encoding = header_str(header::ACCEPT_ENCODING);
    let mut chosen = None;
    for (encoding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if !accepts(accept_encoding, encoding) {
            continue;
        }
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(suffix);
        let name = std::path::PathBuf::from(name);
        if let Ok(meta) = tokio::fs::metadata(&name).await {
            if meta.is_file() {
                chosen = Some((name, Some(encoding), meta));
                break;
            }
        }
    }
    let (file, encoding, meta) = match chosen {
        Some(copy) => copy,
        None => (
            path.to_path_buf(),
            None,
            tokio::fs::metadata(path).await.ok()?,
        ),
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let etag = format!(
        "\"{:x}-{modified:x}{}\"",
        meta.len(),
        encoding.map_or(String::new(), |e| format!("-{e}"))
    );
    let mut r = if crate::util::if_none_match(request, &etag) {
        (
            StatusCode::NOT_MODIFIED,
            [(header::CACHE_CONTROL, "no-cache")],
        )
            .into_response()
    } else {
        let bytes = tokio::fs::read(&file).await.ok()?;
        let mut r = file_response(path, bytes);
        if let Some(encoding) = encoding {
            r.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        r
    };
    if let Ok(v) = HeaderValue::from_str(&etag) {
        r.headers_mut().insert(header::ETAG, v);
    }
    r.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    Some(r)
}

/// Whether an `Accept-Encoding` header allows `encoding` (a `q=0` refuses it).
fn accepts(header: &str, encoding: &str) -> bool {
    header.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        name.eq_ignore_ascii_case(encoding) && !refused
    })
}

/// A host page that embeds the app: the file if it exists, else the nearest `index.html` up the
/// tree, so every deep link under a host page's folder reloads that page (EMB-1).
async fn serve_host(dir: &Path, rel: &str) -> Option<Response> {
    let clean = !rel.contains('\\')
        && !rel.contains('%')
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !clean {
        return None;
    }
    let mut at = dir.join(rel);
    if tokio::fs::metadata(&at).await.is_ok_and(|m| m.is_file()) {
        let bytes = tokio::fs::read(&at).await.ok()?;
        return Some(file_response(&at, bytes));
    }
    loop {
        let index = at.join("index.html");
        if let Ok(bytes) = tokio::fs::read(&index).await {
            return Some(file_response(&index, bytes));
        }
        if at == dir || !at.pop() || !at.starts_with(dir) {
            return None;
        }
    }
}

fn landing(st: &AppState) -> Response {
    let tc = if st.config.test_controls {
        "<p>Test controls are <strong>on</strong> under <code>/__test/</code>.</p>"
    } else {
        ""
    };
    html_page(
        StatusCode::OK,
        "Social Token Console — stand-in server",
        &format!(
            "<p class=\"provider\">Social Token Console · stand-in</p><h1>Stand-in server</h1>\
<p>The console API lives under <code>/api/v1</code>. No app is served here (start with <code>--app-dir</code>).</p>\
<ul><li><a href=\"/auth/sign-in\">Sign in as a demo user</a></li><li><a href=\"/api/v1/session\">/api/v1/session</a></li></ul>{tc}"
        ),
    )
}

/// Unknown routes: the error envelope under `/api`, the app's files (or index.html) under the
/// app base, else a plain 404 page.
pub async fn fallback(State(st): State<AppState>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    if path.starts_with("/api/") || path == "/api" {
        return ApiErr::not_found("Route").into_response();
    }
    let is_get = req.method() == Method::GET || req.method() == Method::HEAD;
    if is_get && !is_reserved(&path) {
        let under = |base: &str| path.starts_with(base) || format!("{path}/") == base;
        let app_base = st.config.app_base.as_str();
        let host_base = st.config.host_base.as_str();
        let app_here = st.config.app_dir.is_some() && under(app_base);
        let host_here = st.config.host_dir.is_some() && under(host_base);
        // The more specific base wins: /console/social/ (the app) inside /console/ (a host).
        let host_first = host_here && (!app_here || host_base.len() > app_base.len());
        if let (true, Some(dir)) = (host_first, &st.config.host_dir) {
            let rel = path.strip_prefix(host_base).unwrap_or("");
            if let Some(r) = serve_host(dir, rel).await {
                return r;
            }
        }
        if let (true, Some(dir)) = (app_here, &st.config.app_dir) {
            let rel = path.strip_prefix(app_base).unwrap_or("");
            if rel == "config.json" {
                if let Some(file) = &st.config.app_config {
                    if let Ok(bytes) = tokio::fs::read(file).await {
                        return file_response(Path::new("config.json"), bytes);
                    }
                }
            }
            if let Some(r) = serve_app(dir, rel, req.headers()).await {
                return r;
            }
        }
        if st.config.app_dir.is_none() && path == "/" {
            return landing(&st);
        }
    }
    html_page(
        StatusCode::NOT_FOUND,
        "Not found — stand-in",
        "<h1>Not found</h1><p><a href=\"/\">Home</a></p>",
    )
}

pub async fn method_not_allowed(req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        let mut e = ApiErr::not_found("Route");
        e.status = StatusCode::METHOD_NOT_ALLOWED;
        e.error.message = format!("{} is not allowed on {}", req.method(), req.uri().path());
        return e.into_response();
    }
    html_page(
        StatusCode::METHOD_NOT_ALLOWED,
        "Method not allowed — stand-in",
        "<h1>Method not allowed</h1>",
    )
}
