//! Test controls, fixtures, faults, the request log, sign-in, app serving and CORS.

mod common;
use axum::body::Body;
use axum::http::{Method, Request};
use common::*;
use serde_json::json;
use stand_in::Config;

#[tokio::test]
async fn controls_clock_get_put_advance() {
    let t = T::demo().await;
    let r = t.get("/__test/clock", None).await;
    assert_eq!(r.data(), &json!({"now": T0, "frozen": true}));
    let r = t
        .post(
            "/__test/clock/advance",
            None,
            json!({"days": 2, "hours": 1}),
        )
        .await;
    assert_eq!(r.data()["now"], "2026-03-03T13:00:00Z");
    let r = t
        .put(
            "/__test/clock",
            None,
            json!({"now": "2030-01-01T00:00:00Z", "frozen": false}),
        )
        .await;
    assert_eq!(r.data()["frozen"], false);
    assert!(r.data()["now"]
        .as_str()
        .unwrap()
        .starts_with("2030-01-01T00:00"));
    t.put("/__test/clock", None, json!({"now": "yesterday"}))
        .await
        .assert_error(422, "validation_failed");
    t.post("/__test/clock/advance", None, json!({}))
        .await
        .assert_error(422, "validation_failed");
    t.post("/__test/clock/advance", None, json!({"weeks": 1}))
        .await
        .assert_error(422, "validation_failed");
}

#[tokio::test]
async fn controls_reset_to_named_fixtures() {
    let t = T::demo().await;
    let r = t
        .post(
            "/__test/reset",
            None,
            json!({"fixture": "empty", "now": T0}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.data()["accounts"], 0);
    assert_eq!(
        t.get("/api/v1/social-accounts", Some(ADMIN)).await.data(),
        &json!([])
    );
    assert_eq!(
        t.get("/api/v1/session", Some(ADMIN)).await.status,
        200,
        "session users remain"
    );
    let r = t
        .get(
            "/api/v1/instagram/search?type=top_tags&q=summer",
            Some(ADMIN),
        )
        .await;
    r.assert_error(422, "validation_failed");
    let r = t
        .post(
            "/__test/reset",
            None,
            json!({"fixture": "large", "now": T0}),
        )
        .await;
    assert_eq!(r.data()["accounts"], 1000);
    assert!(r.data()["streams"].as_u64().unwrap() >= 500);
    let list = t.get("/api/v1/social-accounts", Some(ADMIN)).await;
    assert_eq!(list.data().as_array().unwrap().len(), 1000);
    t.post("/__test/reset", None, json!({"fixture": "nope"}))
        .await
        .assert_error(422, "validation_failed");
    // Without `now` the clock returns to real time.
    let r = t
        .post("/__test/reset", None, json!({"fixture": "demo"}))
        .await;
    assert_eq!(r.data()["frozen"], false);
    assert_ne!(r.data()["now"], T0);
}

#[tokio::test]
async fn controls_reset_to_a_json_fixture_and_reject_bad_ones() {
    let t = T::demo().await;
    let fixture = json!({
        "accounts": [{"id": "acc_x", "network": "twitter", "handle": "x_brand"},
                     {"id": "acc_y", "network": "instagram_business", "handle": "y_biz", "expires_at": "2026-03-05T12:00:00Z"}],
        "rights_accounts": [{"id": "ra_x", "display_name": "X", "social_account_id": "acc_x", "approval_hashtag": "ok", "terms_url": "https://x.example/t", "default_template": "@{handle} #{grantTag} {termsLink}", "is_default": true}],
        "assets": [{"post_id": "post_00007"}]
    });
    reset_json(&t, fixture).await;
    let list = t.get("/api/v1/social-accounts", Some(ADMIN)).await;
    assert_eq!(list.data().as_array().unwrap().len(), 2);
    let notes = t.notifications(ADMIN).await;
    assert_eq!(
        notes["notifications"][0]["milestone"], "days5",
        "derived from the milestone code"
    );
    assert_eq!(
        t.get("/api/v1/library/assets", Some(ADMIN))
            .await
            .data()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let before = t.dump();
    let r = t
        .post(
            "/__test/reset",
            None,
            json!({"fixture_json": {"accounts": [{"id": "a", "network": "instagram"}]}}),
        )
        .await;
    r.assert_error(422, "validation_failed");
    let r = t.post("/__test/reset", None, json!({"fixture_json": {"streams": [{"id": "s", "name": "S", "destination": {"kind": "app", "name": "d"}, "rules": {"network": "twitter", "hashtags": []}, "account_id": "acc_missing"}]}})).await;
    r.assert_error(422, "validation_failed");
    assert_eq!(before, t.dump(), "a rejected fixture changes nothing");
}

#[tokio::test]
async fn controls_faults_replace_the_next_n_calls() {
    let t = T::demo().await;
    let r = t
        .post(
            "/__test/faults",
            None,
            json!({"path": "/api/v1/instagram/*", "status": 503, "times": 2}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let url = "/api/v1/instagram/search?type=top_tags&q=summer&account_id=acc_ig_lfqa";
    t.get(url, Some(ADMIN)).await.assert_error(503, "internal");
    t.get(url, Some(ADMIN)).await.assert_error(503, "internal");
    assert_eq!(t.get(url, Some(ADMIN)).await.status, 200);
    // Malformed and empty bodies; method filter.
    t.post(
        "/__test/faults",
        None,
        json!({"method": "GET", "path": "/api/v1/streams", "body": "malformed"}),
    )
    .await;
    let r = t.get("/api/v1/streams", Some(ADMIN)).await;
    assert_eq!(r.status, 200);
    assert!(
        serde_json::from_str::<serde_json::Value>(&r.text).is_err(),
        "malformed: {}",
        r.text
    );
    t.post(
        "/__test/faults",
        None,
        json!({"path": "/api/v1/streams", "status": 500, "body": "empty"}),
    )
    .await;
    let r = t.get("/api/v1/streams", Some(ADMIN)).await;
    assert_eq!(r.status, 500);
    assert_eq!(r.text, "");
    // Codes fitting the status.
    for (status, code) in [
        (401, "unauthenticated"),
        (403, "forbidden"),
        (404, "not_found"),
        (409, "conflict"),
        (429, "rate_limited"),
    ] {
        t.post(
            "/__test/faults",
            None,
            json!({"path": "/api/v1/session", "status": status}),
        )
        .await;
        t.get("/api/v1/session", Some(ADMIN))
            .await
            .assert_error(status, code);
    }
    // A method mismatch does not consume the fault; DELETE clears.
    t.post(
        "/__test/faults",
        None,
        json!({"method": "POST", "path": "/api/v1/session", "status": 500}),
    )
    .await;
    assert_eq!(t.get("/api/v1/session", Some(ADMIN)).await.status, 200);
    assert_eq!(
        t.get("/__test/faults", None)
            .await
            .data()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    t.delete("/__test/faults", None).await;
    assert_eq!(t.get("/__test/faults", None).await.data(), &json!([]));
    t.post("/__test/faults", None, json!({"path": "api/v1/session"}))
        .await
        .assert_error(422, "validation_failed");
}

#[tokio::test]
async fn controls_delay_fault_delays_then_handles_normally() {
    let t = T::demo().await;
    t.post(
        "/__test/faults",
        None,
        json!({"path": "/api/v1/session", "delay_ms": 150}),
    )
    .await;
    let start = std::time::Instant::now();
    let r = t.get("/api/v1/session", Some(ADMIN)).await;
    assert!(start.elapsed().as_millis() >= 150);
    assert_eq!(r.status, 200);
    let start = std::time::Instant::now();
    t.get("/api/v1/session", Some(ADMIN)).await;
    assert!(start.elapsed().as_millis() < 150, "only once");
}

#[tokio::test]
async fn controls_request_log_counts_api_calls_and_reset_clears_it() {
    let t = T::demo().await;
    t.get("/api/v1/session", Some(ADMIN)).await;
    t.get("/api/v1/streams?x=1", None).await;
    t.get("/oauth/callback.js", None).await;
    let log = t.get("/__test/requests", None).await;
    let entries = log.data().as_array().unwrap();
    assert_eq!(entries.len(), 2, "{}", log.text);
    assert_eq!(entries[0]["method"], "GET");
    assert_eq!(entries[0]["path"], "/api/v1/session");
    assert_eq!(entries[0]["status"], 200);
    assert_eq!(entries[1]["query"], "x=1");
    assert_eq!(entries[1]["status"], 401);
    t.post(
        "/__test/faults",
        None,
        json!({"path": "/api/v1/session", "status": 500, "times": 5}),
    )
    .await;
    t.post("/__test/reset", None, json!({"fixture": "demo", "now": T0}))
        .await;
    assert_eq!(t.get("/__test/requests", None).await.data(), &json!([]));
    assert_eq!(
        t.get("/api/v1/session", Some(ADMIN)).await.status,
        200,
        "reset clears faults"
    );
}

#[tokio::test]
async fn auth_sign_in_page_sets_the_session_cookie() {
    let t = T::demo().await;
    let page = t
        .get("/auth/sign-in?return_to=/console/social/settings", None)
        .await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("Ada Admin") && page.text.contains("Cas Curator"));
    assert!(!page.text.contains("<script"));
    assert!(page
        .header("content-security-policy")
        .contains("default-src 'self'"));
    let r = t
        .raw(
            Method::POST,
            "/auth/sign-in",
            None,
            "application/x-www-form-urlencoded",
            "user=demo-moderator&return_to=%2Fconsole%2Fsocial%2Fsettings",
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), "/console/social/settings");
    let cookie = r.header("set-cookie");
    assert!(
        cookie.starts_with("console_session=demo-moderator")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && cookie.contains("Path=/"),
        "{cookie}"
    );
    let r = t
        .raw(
            Method::POST,
            "/auth/sign-in",
            None,
            "application/x-www-form-urlencoded",
            "user=demo-admin&return_to=https%3A%2F%2Fevil.example%2F",
        )
        .await;
    assert_eq!(r.header("location"), "/");
    let r = t
        .raw(
            Method::POST,
            "/auth/sign-in",
            None,
            "application/x-www-form-urlencoded",
            "user=root",
        )
        .await;
    assert_eq!(r.status, 400);
    let r = t.post_empty("/auth/sign-out", None).await;
    assert_eq!(r.status, 303);
    assert!(r.header("set-cookie").contains("Max-Age=0"));
}

#[tokio::test]
async fn emb_app_dir_is_served_under_the_base_with_csp_and_index_fallback() {
    let dir = std::env::temp_dir().join(format!("stand-in-app-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dir.join("assets/app.js"), "console.log(1)").unwrap();
    let t = T::with_config(Config {
        app_dir: Some(dir.clone()),
        app_base: "/console/social/".into(),
        ..Config::default()
    });
    let r = t.get("/console/social/", None).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-security-policy"),
        stand_in::pages::APP_CSP
    );
    assert!(r.text.contains("<title>app</title>"));
    let r = t.get("/console/social/assets/app.js", None).await;
    assert_eq!(r.header("content-type"), "text/javascript; charset=utf-8");
    assert_eq!(r.text, "console.log(1)");
    let r = t
        .get("/console/social/settings/social-accounts?open=1", None)
        .await;
    assert!(r.text.contains("<title>app</title>"), "SPA fallback");
    let r = t.get("/console/social/../../etc/passwd", None).await;
    assert!(!r.text.contains("root:"));
    assert_eq!(t.get("/elsewhere", None).await.status, 404);
    t.get("/api/v1/nope", None)
        .await
        .assert_error(404, "not_found");
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 9: the release build leaves `name.br` and `name.gz` beside each file (bin/precompress);
/// the stand-in serves them to a browser that accepts them, as a web server with precompressed
/// files does, and the file as it is to one that does not; each with an ETag, so a reload
/// revalidates instead of downloading again.
#[tokio::test]
async fn perf_the_app_is_served_precompressed_and_revalidated() {
    let dir = std::env::temp_dir().join(format!("stand-in-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<title>app</title>").unwrap();
    std::fs::write(dir.join("index.html.gz"), "gzip of the page").unwrap();
    std::fs::write(dir.join("app.wasm"), "raw wasm").unwrap();
    std::fs::write(dir.join("app.wasm.gz"), "gzip of the wasm").unwrap();
    std::fs::write(dir.join("app.wasm.br"), "brotli of the wasm").unwrap();
    let t = T::with_config(Config {
        app_dir: Some(dir.clone()),
        app_base: "/".into(),
        ..Config::default()
    });
    let get = |path: &'static str, accept: &'static str| {
        let t = &t;
        async move {
            let mut b = Request::builder().uri(path);
            if !accept.is_empty() {
                b = b.header("accept-encoding", accept);
            }
            t.send(b.body(Body::empty()).unwrap()).await
        }
    };
    let r = get("/app.wasm", "gzip, deflate, br, zstd").await;
    assert_eq!(
        (r.header("content-encoding"), r.text.as_str()),
        ("br".into(), "brotli of the wasm")
    );
    assert_eq!(r.header("content-type"), "application/wasm");
    assert_eq!(r.header("vary"), "accept-encoding");
    let r = get("/app.wasm", "gzip, deflate").await;
    assert_eq!(
        (r.header("content-encoding"), r.text.as_str()),
        ("gzip".into(), "gzip of the wasm")
    );
    let r = get("/app.wasm", "br;q=0, gzip;q=0.5").await;
    assert_eq!(r.header("content-encoding"), "gzip", "q=0 refuses brotli");
    let r = get("/app.wasm", "").await;
    assert_eq!(
        (r.header("content-encoding"), r.text.as_str()),
        (String::new(), "raw wasm")
    );
    let r = get("/app.wasm", "identity").await;
    assert_eq!(r.text, "raw wasm");
    // The page's fallback too, with its policy; a file with no compressed copy as it is.
    let r = get("/settings/network/social-accounts", "gzip").await;
    assert_eq!(
        (r.header("content-encoding"), r.text.as_str()),
        ("gzip".into(), "gzip of the page")
    );
    assert_eq!(
        r.header("content-security-policy"),
        stand_in::pages::APP_CSP
    );
    std::fs::write(dir.join("plain.js"), "console.log(2)").unwrap();
    let r = get("/plain.js", "gzip, br").await;
    assert_eq!(
        (r.header("content-encoding"), r.text.as_str()),
        (String::new(), "console.log(2)")
    );

    // A reload revalidates: the same copy answers 304 with no body, another copy or a changed
    // file does not.
    let revalidate = |path: &'static str, accept: &'static str, tag: String| {
        let t = &t;
        async move {
            let req = Request::builder()
                .uri(path)
                .header("accept-encoding", accept)
                .header("if-none-match", tag)
                .body(Body::empty())
                .unwrap();
            t.send(req).await
        }
    };
    let br_tag = get("/app.wasm", "br").await.header("etag");
    let gzip_tag = get("/app.wasm", "gzip").await.header("etag");
    assert!(br_tag.starts_with('"') && br_tag.ends_with('"'), "{br_tag}");
    assert_ne!(br_tag, gzip_tag, "each copy has its own tag");
    let r = revalidate("/app.wasm", "br", br_tag.clone()).await;
    assert_eq!((r.status.as_u16(), r.text.as_str()), (304, ""));
    assert_eq!(r.header("etag"), br_tag);
    let r = revalidate("/app.wasm", "gzip", br_tag.clone()).await;
    assert_eq!(
        (r.status.as_u16(), r.text.as_str()),
        (200, "gzip of the wasm")
    );
    std::fs::write(dir.join("app.wasm.br"), "brotli of the new wasm").unwrap();
    let r = revalidate("/app.wasm", "br", br_tag).await;
    assert_eq!(
        (r.status.as_u16(), r.text.as_str()),
        (200, "brotli of the new wasm")
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 9: the API's JSON goes out gzipped to a browser that accepts it, as from a production
/// server (1,000 accounts are 372 KB as JSON); plain to a client that does not. The app's files
/// are not compressed again (above).
#[tokio::test]
async fn perf_api_answers_are_gzipped_when_accepted() {
    let t = T::fixture("large").await;
    let accounts = |accept: &'static str| {
        let t = &t;
        async move {
            let headers: &[(&str, &str)] = if accept.is_empty() {
                &[]
            } else {
                &[("accept-encoding", accept)]
            };
            t.call(
                Method::GET,
                "/api/v1/social-accounts",
                Some(ADMIN),
                None,
                headers,
            )
            .await
        }
    };
    let plain = accounts("").await;
    assert_eq!(plain.status, 200);
    assert_eq!(plain.header("content-encoding"), "");
    let zipped = accounts("gzip, deflate, br, zstd").await;
    assert_eq!(zipped.header("content-encoding"), "gzip");
    assert_eq!(zipped.header("vary"), "accept-encoding");
    assert_eq!(zipped.header("cache-control"), "no-store");
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(&zipped.bytes[..]),
        &mut text,
    )
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["data"], plain.json["data"], "the same accounts");
    assert!(
        zipped.bytes.len() * 10 < plain.bytes.len(),
        "{} B gzipped against {} B",
        zipped.bytes.len(),
        plain.bytes.len()
    );
    // Errors are JSON too.
    let r = t
        .call(
            Method::GET,
            "/api/v1/social-accounts",
            None,
            None,
            &[("accept-encoding", "gzip")],
        )
        .await;
    assert_eq!(
        (r.status.as_u16(), r.header("content-encoding")),
        (401, "gzip".into())
    );
}

#[tokio::test]
async fn emb_host_pages_and_deployment_config_are_served_beside_the_app() {
    let root = std::env::temp_dir().join(format!("stand-in-host-{}", std::process::id()));
    let (app, host) = (root.join("app"), root.join("host"));
    std::fs::create_dir_all(&app).unwrap();
    std::fs::create_dir_all(host.join("element")).unwrap();
    std::fs::write(app.join("index.html"), "<title>app</title>").unwrap();
    std::fs::write(app.join("config.json"), r#"{"api_base":"/built-in"}"#).unwrap();
    std::fs::write(root.join("deploy.json"), r#"{"api_base":"/api/v1"}"#).unwrap();
    std::fs::write(host.join("index.html"), "<title>host</title>").unwrap();
    std::fs::write(host.join("element/index.html"), "<title>element</title>").unwrap();
    std::fs::write(host.join("host.css"), "body{}").unwrap();
    let t = T::with_config(Config {
        app_dir: Some(app),
        app_base: "/console/social/".into(),
        app_config: Some(root.join("deploy.json")),
        host_dir: Some(host),
        host_base: "/console/".into(),
        ..Config::default()
    });
    // The app keeps its sub-path inside the host's, with the deployment's configuration.
    let r = t.get("/console/social/streams", None).await;
    assert!(r.text.contains("<title>app</title>"), "{}", r.text);
    let r = t.get("/console/social/config.json", None).await;
    assert_eq!(r.text, r#"{"api_base":"/api/v1"}"#);
    // Host pages: files, and the nearest index.html for deep links (with the app's CSP).
    let r = t.get("/console/host.css", None).await;
    assert_eq!(r.header("content-type"), "text/css; charset=utf-8");
    let r = t
        .get("/console/element/settings/network/social-accounts", None)
        .await;
    assert_eq!(r.status, 200);
    assert!(r.text.contains("<title>element</title>"), "{}", r.text);
    assert_eq!(
        r.header("content-security-policy"),
        stand_in::pages::APP_CSP
    );
    assert!(t
        .get("/console/other", None)
        .await
        .text
        .contains("<title>host</title>"));
    assert!(!t
        .get("/console/../etc/passwd", None)
        .await
        .text
        .contains("root:"));
    let _ = std::fs::remove_dir_all(root);
}

#[tokio::test]
async fn cors_is_off_by_default_and_on_for_allowed_origins() {
    let t = T::with_config(Config::default());
    let r = t
        .call(
            Method::GET,
            "/api/v1/session",
            Some(ADMIN),
            None,
            &[("origin", "http://localhost:8080")],
        )
        .await;
    assert_eq!(r.header("access-control-allow-origin"), "");
    let t = T::with_config(Config {
        allow_origins: vec!["http://localhost:8080".into()],
        ..Config::default()
    });
    // A browser's preflight from the allowed origin, for a method and the headers it will send.
    let preflight = |uri: &'static str, method: &'static str, headers: &'static str| {
        t.send(
            Request::builder()
                .method(Method::OPTIONS)
                .uri(uri)
                .header("origin", "http://localhost:8080")
                .header("access-control-request-method", method)
                .header("access-control-request-headers", headers)
                .body(Body::empty())
                .unwrap(),
        )
    };
    let pre = preflight(
        "/api/v1/rights/requests",
        "POST",
        "content-type,idempotency-key",
    )
    .await;
    assert_eq!(
        pre.header("access-control-allow-origin"),
        "http://localhost:8080"
    );
    assert_eq!(pre.header("access-control-allow-credentials"), "true");
    assert!(pre
        .header("access-control-allow-headers")
        .contains("idempotency-key"));
    // The bell's poll from another origin: it may ask conditionally and read the validator and
    // the server's time.
    let pre = preflight("/api/v1/notifications", "GET", "if-none-match").await;
    assert!(pre
        .header("access-control-allow-headers")
        .contains("if-none-match"));
    let r = t
        .call(
            Method::GET,
            "/api/v1/notifications",
            Some(ADMIN),
            None,
            &[("origin", "http://localhost:8080")],
        )
        .await;
    assert_eq!(r.header("access-control-expose-headers"), "etag,date");
    let r = t
        .call(
            Method::GET,
            "/api/v1/session",
            Some(ADMIN),
            None,
            &[("origin", "http://evil.example")],
        )
        .await;
    assert_eq!(r.header("access-control-allow-origin"), "");
}
