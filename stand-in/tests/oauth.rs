//! Refresh and add (TOK-3, TOK-4, ACC-5, OAUTH): silent refresh, the provider page, identity
//! mismatch, replayed state.

mod common;
use axum::http::Method;
use common::*;
use serde_json::{json, Value};

async fn start_refresh(t: &T, id: &str, token: &str) -> Value {
    let r = t
        .call(
            Method::POST,
            &format!("/api/v1/social-accounts/{id}/refresh"),
            Some(token),
            Some(json!({"return_to": "/settings/social-accounts?open=x"})),
            &[("origin", "http://app.example:8080")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    r.data().clone()
}

fn count_accounts(v: &Value) -> usize {
    v.as_array().unwrap().len()
}

#[tokio::test]
async fn tok_4_expired_instagram_token_needs_authorize_with_random_state() {
    let t = T::demo().await;
    let a = start_refresh(&t, "acc_ig_hurray", ADMIN).await;
    assert_eq!(a["outcome"], "authorize");
    let state = a["state"].as_str().unwrap();
    assert!(
        state.len() >= 32 && state.chars().all(|c| c.is_ascii_hexdigit()),
        "{state}"
    );
    assert_eq!(
        a["authorize_url"],
        format!("/oauth/instagram/authorize?state={state}")
    );
    let b = start_refresh(&t, "acc_ig_hurray", ADMIN).await;
    assert_ne!(a["state"], b["state"]);
    let flow = t
        .get(&format!("/api/v1/oauth/flows/{state}"), Some(ADMIN))
        .await;
    assert_eq!(flow.data()["status"], "pending");
    assert_eq!(flow.data()["account_id"], "acc_ig_hurray");
}

#[tokio::test]
async fn tok_3_silent_refresh_updates_the_same_row() {
    let t = T::demo().await;
    let before = t.get("/api/v1/social-accounts", Some(ADMIN)).await;
    let r = t
        .post(
            "/api/v1/social-accounts/acc_ig_danni/refresh",
            Some(MODERATOR),
            json!({}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.data()["outcome"], "refreshed");
    let acc = &r.data()["account"];
    assert_eq!(acc["id"], "acc_ig_danni");
    assert_eq!(acc["token"]["expires_at"], "2026-04-30T12:00:00Z"); // now + 60 days
    assert_eq!(acc["token"]["last_refreshed_at"], T0);
    assert_eq!(acc["token"]["last_refreshed_by"]["name"], "Mo Moderator");
    let after = t.get("/api/v1/social-accounts", Some(ADMIN)).await;
    assert_eq!(count_accounts(before.data()), count_accounts(after.data()));
    let ids = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(before.data()), ids(after.data()));
    let h = t
        .get("/api/v1/social-accounts/acc_ig_danni/history", Some(ADMIN))
        .await;
    assert_eq!(h.data()[0]["kind"], "refreshed");
    assert_eq!(h.data()[0]["actor"]["name"], "Mo Moderator");
    // Empty body is fine too (RefreshRequest is optional).
    let r = t
        .post_empty("/api/v1/social-accounts/acc_igb_shop/refresh", Some(ADMIN))
        .await;
    assert_eq!(r.data()["outcome"], "refreshed", "{}", r.text);
}

#[tokio::test]
async fn tok_3_instagram_token_younger_than_24h_needs_authorize() {
    let t = T::demo().await;
    let r = t
        .post(
            "/api/v1/social-accounts/acc_ig_lfqa/refresh",
            Some(ADMIN),
            json!({}),
        )
        .await;
    assert_eq!(r.data()["outcome"], "refreshed");
    t.advance(23 * HOUR).await;
    let r = t
        .post(
            "/api/v1/social-accounts/acc_ig_lfqa/refresh",
            Some(ADMIN),
            json!({}),
        )
        .await;
    assert_eq!(r.data()["outcome"], "authorize", "{}", r.text);
    t.advance(HOUR).await;
    let r = t
        .post(
            "/api/v1/social-accounts/acc_ig_lfqa/refresh",
            Some(ADMIN),
            json!({}),
        )
        .await;
    assert_eq!(r.data()["outcome"], "refreshed", "{}", r.text);
}

#[tokio::test]
async fn tok_3_twitter_refresh_is_a_noop_unless_revoked() {
    let t = T::demo().await;
    let before = t.dump();
    let r = t
        .post(
            "/api/v1/social-accounts/acc_tw_livefyre/refresh",
            Some(ADMIN),
            json!({}),
        )
        .await;
    assert_eq!(r.data()["outcome"], "refreshed");
    assert_eq!(r.data()["account"]["token"]["expires_at"], Value::Null);
    assert_eq!(before, t.dump());
    let r = t
        .post(
            "/api/v1/social-accounts/acc_tw_support/refresh",
            Some(ADMIN),
            json!({}),
        )
        .await;
    assert_eq!(r.data()["outcome"], "authorize");
    assert!(r.data()["authorize_url"]
        .as_str()
        .unwrap()
        .starts_with("/oauth/twitter/authorize?state="));
}

#[tokio::test]
async fn tok_3_invalidated_business_token_needs_authorize() {
    let t = T::demo().await;
    let r = t
        .post(
            "/api/v1/social-accounts/acc_igb_brandhq/refresh",
            Some(ADMIN),
            json!({}),
        )
        .await;
    assert_eq!(r.data()["outcome"], "authorize");
    let r = t
        .post(
            "/api/v1/social-accounts/acc_igb_johnny/refresh",
            Some(ADMIN),
            json!({}),
        )
        .await;
    assert_eq!(r.data()["outcome"], "refreshed");
}

#[tokio::test]
async fn oauth_provider_page_is_plain_html_with_strict_csp() {
    let t = T::demo().await;
    let a = start_refresh(&t, "acc_ig_hurray", ADMIN).await;
    let page = t.get(a["authorize_url"].as_str().unwrap(), None).await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(page
        .header("content-security-policy")
        .contains("default-src 'self'"));
    assert!(page
        .text
        .contains("<title>Authorize Social Token Console — Instagram (stand-in)</title>"));
    assert!(page.text.contains("Authorize App") && page.text.contains("Deny"));
    assert!(page.text.contains("@hurray") && page.text.contains("someone_else"));
    assert!(
        !page.text.contains("<script"),
        "no script on the provider page"
    );
    assert!(!page.text.contains("style="), "no inline style");
}

#[tokio::test]
async fn acc_5_refresh_through_provider_updates_same_row_and_runs_streams() {
    let t = T::demo().await;
    let a = start_refresh(&t, "acc_ig_hurray", ADMIN).await;
    let state = a["state"].as_str().unwrap().to_string();
    let n_before = count_accounts(t.get("/api/v1/social-accounts", Some(ADMIN)).await.data());
    let r = t
        .provider(
            a["authorize_url"].as_str().unwrap(),
            "authorize",
            Some("ig_2001"),
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.header("location"),
        format!("/oauth/callback?state={state}")
    );
    let after = t.get("/api/v1/social-accounts", Some(ADMIN)).await;
    assert_eq!(count_accounts(after.data()), n_before, "no duplicate row");
    let acc = t.account("acc_ig_hurray").await;
    assert_eq!(acc["token"]["expires_at"], "2026-04-30T12:00:00Z");
    assert_eq!(acc["position"], 0);
    let flow = t
        .get(&format!("/api/v1/oauth/flows/{state}"), Some(ADMIN))
        .await;
    assert_eq!(flow.data()["status"], "connected");
    assert_eq!(flow.data()["account"]["id"], "acc_ig_hurray");
    let h = t
        .get("/api/v1/social-accounts/acc_ig_hurray/history", Some(ADMIN))
        .await;
    assert_eq!(h.data()[0]["kind"], "reconnected");
    let streams = t.get("/api/v1/streams", Some(ADMIN)).await;
    let summer = streams
        .data()
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "str_summer")
        .unwrap()
        .clone();
    assert_eq!(summer["status"], "running");
    assert_eq!(summer["last_gap"]["to"], T0);
}

#[tokio::test]
async fn acc_5_identity_mismatch_changes_nothing_but_history() {
    let t = T::demo().await;
    let a = start_refresh(&t, "acc_ig_hurray", ADMIN).await;
    let state = a["state"].as_str().unwrap().to_string();
    let before_acc = t
        .get("/api/v1/social-accounts", Some(ADMIN))
        .await
        .data()
        .clone();
    let before_streams = t.get("/api/v1/streams", Some(ADMIN)).await.data().clone();
    let before_notes = t.notifications(ADMIN).await;
    let r = t
        .provider(
            a["authorize_url"].as_str().unwrap(),
            "authorize",
            Some("ig_2002"),
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        t.get("/api/v1/social-accounts", Some(ADMIN)).await.data(),
        &before_acc
    );
    assert_eq!(
        t.get("/api/v1/streams", Some(ADMIN)).await.data(),
        &before_streams
    );
    assert_eq!(t.notifications(ADMIN).await, before_notes);
    let flow = t
        .get(&format!("/api/v1/oauth/flows/{state}"), Some(ADMIN))
        .await;
    assert_eq!(flow.data()["status"], "identity_mismatch");
    assert_eq!(flow.data()["expected_handle"], "hurray");
    assert_eq!(flow.data()["authorized_handle"], "lfqa");
    assert_eq!(flow.data()["account"], Value::Null);
    let h = t
        .get("/api/v1/social-accounts/acc_ig_hurray/history", Some(ADMIN))
        .await;
    assert_eq!(h.data()[0]["kind"], "refresh_failed");
    assert_eq!(h.data()[0]["detail"], "identity_mismatch");
    let cb = t.get(&format!("/oauth/callback?state={state}"), None).await;
    assert!(cb.text.contains("data-status=\"identity_mismatch\""));
}

#[tokio::test]
async fn oauth_deny_records_denied_and_changes_the_account_not() {
    let t = T::demo().await;
    let a = start_refresh(&t, "acc_tw_support", ADMIN).await;
    let before = t.account("acc_tw_support").await;
    let r = t
        .provider(a["authorize_url"].as_str().unwrap(), "deny", None)
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(t.account("acc_tw_support").await, before);
    let flow = t
        .get(
            &format!("/api/v1/oauth/flows/{}", a["state"].as_str().unwrap()),
            Some(ADMIN),
        )
        .await;
    assert_eq!(flow.data()["status"], "denied");
}

#[tokio::test]
async fn oauth_replayed_state_is_409_and_unknown_state_404_and_nothing_changes() {
    let t = T::demo().await;
    let a = start_refresh(&t, "acc_ig_hurray", ADMIN).await;
    let url = a["authorize_url"].as_str().unwrap().to_string();
    assert_eq!(
        t.provider(&url, "authorize", Some("ig_2001")).await.status,
        303
    );
    let before = t.dump();
    let replay = t
        .raw(
            Method::POST,
            &url,
            None,
            "application/x-www-form-urlencoded",
            "decision=authorize&identity=ig_2001",
        )
        .await;
    assert_eq!(replay.status, 409);
    assert!(replay.header("content-type").starts_with("text/html"));
    assert_eq!(t.get(&url, None).await.status, 409);
    let unknown = t
        .raw(
            Method::POST,
            "/oauth/instagram/authorize?state=00112233445566778899aabbccddeeff",
            None,
            "application/x-www-form-urlencoded",
            "decision=authorize&identity=ig_2001",
        )
        .await;
    assert_eq!(unknown.status, 404);
    // The state of another network's page is unknown there.
    let wrong_net = url.replace("/instagram/", "/twitter/");
    assert_eq!(t.get(&wrong_net, None).await.status, 404);
    assert_eq!(t.get("/oauth/callback?state=nope", None).await.status, 404);
    assert_eq!(before, t.dump());
}

#[tokio::test]
async fn oauth_flows_expire_after_15_minutes() {
    let t = T::demo().await;
    let a = start_refresh(&t, "acc_ig_hurray", ADMIN).await;
    t.advance(15 * 60).await;
    let before = t.dump();
    let r = t
        .raw(
            Method::POST,
            a["authorize_url"].as_str().unwrap(),
            None,
            "application/x-www-form-urlencoded",
            "decision=authorize&identity=ig_2001",
        )
        .await;
    assert_eq!(r.status, 409);
    assert_eq!(before, t.dump());
    let flow = t
        .get(
            &format!("/api/v1/oauth/flows/{}", a["state"].as_str().unwrap()),
            Some(ADMIN),
        )
        .await;
    assert_eq!(flow.data()["status"], "expired");
}

#[tokio::test]
async fn oauth_flow_is_visible_only_to_the_user_who_started_it() {
    let t = T::demo().await;
    let a = start_refresh(&t, "acc_ig_hurray", ADMIN).await;
    let path = format!("/api/v1/oauth/flows/{}", a["state"].as_str().unwrap());
    assert_eq!(t.get(&path, Some(ADMIN)).await.status, 200);
    t.get(&path, Some(ADMIN2))
        .await
        .assert_error(404, "not_found");
    t.get(&path, None)
        .await
        .assert_error(401, "unauthenticated");
}

#[tokio::test]
async fn oauth_2_callback_page_uses_external_script_and_records_origin() {
    let t = T::demo().await;
    let a = start_refresh(&t, "acc_ig_hurray", ADMIN).await;
    let state = a["state"].as_str().unwrap();
    t.provider(
        a["authorize_url"].as_str().unwrap(),
        "authorize",
        Some("ig_2001"),
    )
    .await;
    let cb = t.get(&format!("/oauth/callback?state={state}"), None).await;
    assert_eq!(cb.status, 200);
    assert!(cb
        .header("content-security-policy")
        .contains("default-src 'self'"));
    assert!(cb
        .text
        .contains("<script src=\"/oauth/callback.js\"></script>"));
    assert_eq!(
        cb.text.matches("<script").count(),
        1,
        "only the external script"
    );
    assert!(cb.text.contains(&format!("data-state=\"{state}\"")));
    assert!(cb.text.contains("data-status=\"connected\""));
    assert!(cb
        .text
        .contains("data-target-origin=\"http://app.example:8080\""));
    assert!(cb
        .text
        .contains("data-return-to=\"/settings/social-accounts?open=x\""));
    let js = t.get("/oauth/callback.js", None).await;
    assert_eq!(js.status, 200);
    assert!(js.header("content-type").contains("javascript"));
    assert!(
        js.text.contains("social-console-oauth")
            && js.text.contains("postMessage")
            && js.text.contains("oauth_state")
    );
}

#[tokio::test]
async fn oauth_return_to_must_be_a_same_origin_path() {
    let t = T::demo().await;
    for bad in [
        "https://evil.example/x",
        "//evil.example/x",
        "javascript:alert(1)",
        "/\\evil",
    ] {
        let r = t
            .post(
                "/api/v1/social-accounts/acc_ig_hurray/refresh",
                Some(ADMIN),
                json!({"return_to": bad}),
            )
            .await;
        let state = r.data()["state"].as_str().unwrap().to_string();
        let cb = t.get(&format!("/oauth/callback?state={state}"), None).await;
        assert!(
            cb.text.contains("data-return-to=\"\""),
            "{bad}: {}",
            cb.text
        );
        // Without an Origin header the flag's default app origin is used.
        assert!(cb
            .text
            .contains("data-target-origin=\"http://127.0.0.1:8080\""));
    }
}

#[tokio::test]
async fn acc_5_add_creates_a_new_account_at_the_end() {
    let t = T::demo().await;
    let r = t
        .post(
            "/api/v1/social-accounts",
            Some(ADMIN),
            json!({"network": "instagram"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.data()["outcome"], "authorize");
    let url = r.data()["authorize_url"].as_str().unwrap().to_string();
    let state = r.data()["state"].as_str().unwrap().to_string();
    let page = t.get(&url, None).await;
    let new_identity = format!("ig_new_{}", &state[..10]);
    assert!(page.text.contains(&new_identity), "{}", page.text);
    let post = t
        .raw(
            Method::POST,
            &url,
            None,
            "application/x-www-form-urlencoded",
            format!("decision=authorize&identity={new_identity}"),
        )
        .await;
    assert_eq!(post.status, 303);
    let flow = t
        .get(&format!("/api/v1/oauth/flows/{state}"), Some(ADMIN))
        .await;
    assert_eq!(flow.data()["status"], "connected");
    assert_eq!(flow.data()["account_id"], Value::Null);
    let acc = flow.data()["account"].clone();
    assert_eq!(acc["network"], "instagram");
    assert_eq!(acc["position"], 3);
    assert_eq!(acc["token"]["expires_at"], "2026-04-30T12:00:00Z");
    assert_eq!(
        count_accounts(t.get("/api/v1/social-accounts", Some(ADMIN)).await.data()),
        9
    );
    let h = t
        .get(
            &format!(
                "/api/v1/social-accounts/{}/history",
                acc["id"].as_str().unwrap()
            ),
            Some(ADMIN),
        )
        .await;
    assert_eq!(h.data()[0]["kind"], "connected");
}

#[tokio::test]
async fn acc_5_add_of_an_already_connected_identity_refreshes_it_instead() {
    let t = T::demo().await;
    let r = t
        .post(
            "/api/v1/social-accounts",
            Some(ADMIN),
            json!({"network": "instagram"}),
        )
        .await;
    let url = r.data()["authorize_url"].as_str().unwrap().to_string();
    let state = r.data()["state"].as_str().unwrap().to_string();
    let post = t
        .raw(
            Method::POST,
            &url,
            None,
            "application/x-www-form-urlencoded",
            "decision=authorize&identity=ig_2001",
        )
        .await;
    assert_eq!(post.status, 303);
    assert_eq!(
        count_accounts(t.get("/api/v1/social-accounts", Some(ADMIN)).await.data()),
        8,
        "no duplicate"
    );
    let flow = t
        .get(&format!("/api/v1/oauth/flows/{state}"), Some(ADMIN))
        .await;
    assert_eq!(flow.data()["account"]["id"], "acc_ig_hurray");
    assert_eq!(
        t.account("acc_ig_hurray").await["token"]["expires_at"],
        "2026-04-30T12:00:00Z"
    );
}

#[tokio::test]
async fn oauth_provider_rejects_identities_it_did_not_offer() {
    let t = T::demo().await;
    let a = start_refresh(&t, "acc_ig_hurray", ADMIN).await;
    let before = t.dump();
    let r = t
        .raw(
            Method::POST,
            a["authorize_url"].as_str().unwrap(),
            None,
            "application/x-www-form-urlencoded",
            "decision=authorize&identity=fb_3001",
        )
        .await;
    assert_eq!(r.status, 422);
    let r = t
        .raw(
            Method::POST,
            a["authorize_url"].as_str().unwrap(),
            None,
            "application/x-www-form-urlencoded",
            "decision=maybe",
        )
        .await;
    assert_eq!(r.status, 422);
    assert_eq!(before, t.dump());
}
