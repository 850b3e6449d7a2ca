//! RR: rights accounts, templates, idempotent requests, token failures, grants, activity.

mod common;
use axum::http::Method;
use common::*;
use serde_json::{json, Value};

async fn send(t: &T, key: &str, body: Value) -> Resp {
    t.call(
        Method::POST,
        "/api/v1/rights/requests",
        Some(CURATOR),
        Some(body),
        &[("idempotency-key", key)],
    )
    .await
}

async fn stored(t: &T) -> Vec<Value> {
    t.get("/__test/rights-requests", None)
        .await
        .data()
        .as_array()
        .unwrap()
        .clone()
}

fn req(post: &str, ra: &str, msg: &str) -> Value {
    json!({"post_id": post, "rights_account_id": ra, "message": msg})
}

#[tokio::test]
async fn rr_5_ten_identical_posts_store_one_request() {
    let t = T::demo().await;
    let n0 = stored(&t).await.len();
    let body = req(
        "post_00100",
        "ra_ig_lfqa",
        "@someone may we use this? #yesbrand",
    );
    let first = send(&t, "key-0000-aaaa", body.clone()).await;
    assert_eq!(first.status, 201, "{}", first.text);
    assert_eq!(first.data()["status"], "requested");
    assert_eq!(first.data()["created_by"]["name"], "Cas Curator");
    for _ in 0..9 {
        let again = send(&t, "key-0000-aaaa", body.clone()).await;
        assert_eq!(again.status, 200, "{}", again.text);
        assert_eq!(again.data(), first.data(), "the same request");
    }
    let rows = stored(&t).await;
    assert_eq!(rows.len(), n0 + 1);
    assert_eq!(
        rows.iter()
            .filter(|r| r["idempotency_key"] == "key-0000-aaaa")
            .count(),
        1
    );
    let act = t
        .get("/api/v1/rights/activity?post_id=post_00100", Some(CURATOR))
        .await;
    assert_eq!(act.data().as_array().unwrap().len(), 1);
    assert_eq!(act.data()[0]["kind"], "requested");
}

#[tokio::test]
async fn rr_5_same_key_different_body_is_409_conflict() {
    let t = T::demo().await;
    assert_eq!(
        send(
            &t,
            "key-1111-bbbb",
            req("post_00100", "ra_ig_lfqa", "hello")
        )
        .await
        .status,
        201
    );
    let before = t.dump();
    send(
        &t,
        "key-1111-bbbb",
        req("post_00100", "ra_ig_lfqa", "hello!"),
    )
    .await
    .assert_error(409, "conflict");
    send(
        &t,
        "key-1111-bbbb",
        req("post_00101", "ra_ig_lfqa", "hello"),
    )
    .await
    .assert_error(409, "conflict");
    assert_eq!(before, t.dump());
}

#[tokio::test]
async fn rr_5_idempotency_key_is_required_with_8_to_128_chars() {
    let t = T::demo().await;
    let before = t.dump();
    let r = t
        .post(
            "/api/v1/rights/requests",
            Some(CURATOR),
            req("post_00100", "ra_ig_lfqa", "hi"),
        )
        .await;
    r.assert_error(422, "validation_failed");
    assert_eq!(r.field_reasons()[0].0, "Idempotency-Key");
    send(&t, "short", req("post_00100", "ra_ig_lfqa", "hi"))
        .await
        .assert_error(422, "validation_failed");
    send(&t, &"k".repeat(129), req("post_00100", "ra_ig_lfqa", "hi"))
        .await
        .assert_error(422, "validation_failed");
    assert_eq!(
        send(&t, &"k".repeat(128), req("post_00100", "ra_ig_lfqa", "hi"))
            .await
            .status,
        201
    );
    let after = t.dump();
    assert_ne!(before, after);
}

#[tokio::test]
async fn rr_3_expired_token_is_400_token_expired_recorded_and_replayed() {
    let t = T::demo().await;
    let body = req(
        "post_00200",
        "ra_ig_default",
        "@x could we use your post? #yesbrand",
    );
    let r = send(&t, "key-expired-1", body.clone()).await;
    r.assert_error(400, "token_expired");
    assert_eq!(r.json["error"]["account_id"], "acc_ig_hurray");
    let rows = stored(&t).await;
    let failed: Vec<_> = rows
        .iter()
        .filter(|r| r["idempotency_key"] == "key-expired-1")
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["status"], "request_failed");
    assert_eq!(failed[0]["error_code"], "token_expired");
    // The same key replays the same failure and stores nothing new.
    let before = t.dump();
    let again = send(&t, "key-expired-1", body.clone()).await;
    again.assert_error(400, "token_expired");
    assert_eq!(again.json["error"]["account_id"], "acc_ig_hurray");
    assert_eq!(before, t.dump());
    // Refresh the token (through the provider: it has expired), then a new key succeeds.
    let a = t
        .post(
            "/api/v1/social-accounts/acc_ig_hurray/refresh",
            Some(ADMIN),
            json!({}),
        )
        .await;
    t.provider(
        a.data()["authorize_url"].as_str().unwrap(),
        "authorize",
        Some("ig_2001"),
    )
    .await;
    let ok = send(&t, "key-expired-2", body.clone()).await;
    assert_eq!(ok.status, 201, "{}", ok.text);
    assert_eq!(ok.data()["status"], "requested");
    let act = t
        .get("/api/v1/rights/activity?post_id=post_00200", Some(CURATOR))
        .await;
    let kinds: Vec<(String, Option<String>)> = act
        .data()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_string(),
                e["error_code"].as_str().map(str::to_string),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("error".into(), Some("token_expired".into())),
            ("requested".into(), None)
        ]
    );
    let list = t
        .get("/api/v1/rights/requests?post_id=post_00200", Some(CURATOR))
        .await;
    let statuses: Vec<&str> = list
        .data()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["requested", "request_failed"]);
}

#[tokio::test]
async fn rr_3_revoked_token_is_400_token_revoked() {
    let t = T::demo().await;
    let r = t
        .post(
            "/__test/accounts/acc_ig_lfqa/revoke",
            None,
            json!({"reason": "app_removed"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.data()["token"]["invalidated"]["reason"], "app_removed");
    let r = send(
        &t,
        "key-revoked-1",
        req("post_00100", "ra_ig_lfqa", "hello"),
    )
    .await;
    r.assert_error(400, "token_revoked");
    assert_eq!(r.json["error"]["account_id"], "acc_ig_lfqa");
}

#[tokio::test]
async fn rr_2_message_limits_count_as_the_network_counts() {
    let t = T::demo().await;
    let before = t.dump();
    let r = send(
        &t,
        "key-long-tw-1",
        req("post_00100", "ra_tw", &"a".repeat(281)),
    )
    .await;
    r.assert_error(422, "validation_failed");
    assert_eq!(
        r.field_reasons()[0],
        ("message".into(), "too_long".into(), Some("280".into()))
    );
    send(
        &t,
        "key-long-ig-1",
        req("post_00100", "ra_ig_lfqa", &"b".repeat(2_201)),
    )
    .await
    .assert_error(422, "validation_failed");
    send(&t, "key-blank-001", req("post_00100", "ra_ig_lfqa", "   "))
        .await
        .assert_error(422, "validation_failed");
    let r = send(&t, "key-refs-0001", req("post_99999", "ra_nope", "hi")).await;
    r.assert_error(422, "validation_failed");
    let fields: Vec<String> = r.field_reasons().into_iter().map(|f| f.0).collect();
    assert_eq!(fields, ["post_id", "rights_account_id"]);
    assert_eq!(before, t.dump());
    // Twitter weighs an emoji 2: 140 emoji fit, 141 do not (though 141 chars, 564 bytes).
    send(
        &t,
        "key-emoji-141",
        req("post_00100", "ra_tw", &"😀".repeat(141)),
    )
    .await
    .assert_error(422, "validation_failed");
    assert_eq!(
        send(
            &t,
            "key-emoji-140",
            req("post_00100", "ra_tw", &"😀".repeat(140))
        )
        .await
        .status,
        201
    );
    assert_eq!(
        send(
            &t,
            "key-ig-2200-1",
            req("post_00101", "ra_ig_lfqa", &"é".repeat(2_200))
        )
        .await
        .status,
        201
    );
}

#[tokio::test]
async fn rr_9_templates_need_every_placeholder_and_no_misspelled_one() {
    let t = T::demo().await;
    let base = json!({"display_name": "New rights", "social_account_id": "acc_ig_lfqa", "enabled": true, "approval_hashtag": "yesbrand", "terms_url": "https://example.com/terms", "default_template": "", "is_default": false});
    let before = t.dump();
    for (template, expected) in [
        (
            "@{Handle} reply #{grantTag} {termsLink}",
            vec![
                ("unknown_placeholder", "{Handle}"),
                ("missing_placeholder", "{handle}"),
            ],
        ),
        (
            "@{handle} reply #{grant_tag} {termsLink}",
            vec![
                ("unknown_placeholder", "{grant_tag}"),
                ("missing_placeholder", "{grantTag}"),
            ],
        ),
        (
            "@{handle} reply #{grantTag} {termslink}",
            vec![
                ("unknown_placeholder", "{termslink}"),
                ("missing_placeholder", "{termsLink}"),
            ],
        ),
        (
            "@{handle} reply #{grantTag}",
            vec![("missing_placeholder", "{termsLink}")],
        ),
    ] {
        let mut b = base.clone();
        b["default_template"] = json!(template);
        let r = t.post("/api/v1/rights/accounts", Some(MODERATOR), b).await;
        r.assert_error(422, "validation_failed");
        let got: Vec<(String, String)> = r
            .field_reasons()
            .into_iter()
            .map(|(f, reason, d)| {
                assert_eq!(f, "default_template");
                (reason, d.unwrap())
            })
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{template}");
    }
    let mut b = base.clone();
    b["default_template"] = json!("Hi");
    b["terms_url"] = json!("http://example.com/terms");
    b["approval_hashtag"] = json!("#yes brand");
    b["social_account_id"] = json!("acc_nope");
    let r = t.post("/api/v1/rights/accounts", Some(ADMIN), b).await;
    let fields: Vec<String> = r.field_reasons().into_iter().map(|f| f.0).collect();
    assert!(
        fields.contains(&"terms_url".to_string())
            && fields.contains(&"approval_hashtag".to_string())
            && fields.contains(&"social_account_id".to_string()),
        "{fields:?}"
    );
    assert_eq!(before, t.dump());
    let mut b = base.clone();
    b["default_template"] = json!("@{handle} please reply #{grantTag} ({termsLink})");
    b["is_default"] = json!(true);
    let r = t
        .post("/api/v1/rights/accounts", Some(MODERATOR), b.clone())
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.data()["network"], "instagram");
    let id = r.data()["id"].as_str().unwrap().to_string();
    let list = t.get("/api/v1/rights/accounts", Some(CURATOR)).await;
    let defaults: Vec<&str> = list
        .data()
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["is_default"] == true)
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(defaults, ["ra_tw", id.as_str()], "one default per network");
    b["display_name"] = json!("Renamed");
    let r = t
        .put(
            &format!("/api/v1/rights/accounts/{id}"),
            Some(ADMIN),
            b.clone(),
        )
        .await;
    assert_eq!(r.data()["display_name"], "Renamed");
    t.put("/api/v1/rights/accounts/ra_nope", Some(ADMIN), b)
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn rr_8_grant_needs_a_note() {
    let t = T::demo().await;
    let before = t.dump();
    let r = t
        .post(
            "/api/v1/rights/grants",
            Some(CURATOR),
            json!({"post_id": "post_00300", "note": "   "}),
        )
        .await;
    r.assert_error(422, "validation_failed");
    assert_eq!(r.field_reasons()[0].0, "note");
    t.post(
        "/api/v1/rights/grants",
        Some(CURATOR),
        json!({"post_id": "post_00300"}),
    )
    .await
    .assert_error(422, "validation_failed");
    assert_eq!(before, t.dump());
    let r = t
        .post(
            "/api/v1/rights/grants",
            Some(CURATOR),
            json!({"post_id": "post_00300", "note": " We own this photo (shoot 2026-02). "}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.data()["status"], "granted");
    assert_eq!(r.data()["message"], "We own this photo (shoot 2026-02).");
    let act = t
        .get("/api/v1/rights/activity?post_id=post_00300", Some(CURATOR))
        .await;
    assert_eq!(act.data()[0]["kind"], "granted");
    assert_eq!(act.data()[0]["text"], "We own this photo (shoot 2026-02).");
}

#[tokio::test]
async fn rr_6_demo_has_every_status_with_activity() {
    let t = T::demo().await;
    let list = t.get("/api/v1/rights/requests", Some(CURATOR)).await;
    let mut statuses: Vec<String> = list
        .data()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_string())
        .collect();
    statuses.sort();
    assert_eq!(
        statuses,
        [
            "expired",
            "granted",
            "needs_review",
            "request_failed",
            "request_pending",
            "requested"
        ]
    );
    for r in list.data().as_array().unwrap() {
        let act = t
            .get(
                &format!(
                    "/api/v1/rights/activity?post_id={}",
                    r["post_id"].as_str().unwrap()
                ),
                Some(CURATOR),
            )
            .await;
        assert!(!act.data().as_array().unwrap().is_empty(), "{r}");
    }
    let act = t
        .get("/api/v1/rights/activity?post_id=post_00002", Some(CURATOR))
        .await;
    let kinds: Vec<&str> = act
        .data()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["requested", "replied", "status_changed"]);
    let empty = t
        .get("/api/v1/rights/activity?post_id=post_00999", Some(CURATOR))
        .await;
    assert_eq!(empty.data(), &json!([]));
    t.get("/api/v1/rights/activity", Some(CURATOR))
        .await
        .assert_error(422, "validation_failed");
    // Library assets carry the latest rights status.
    let assets = t.get("/api/v1/library/assets", Some(CURATOR)).await;
    let a5 = assets
        .data()
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["post"]["id"] == "post_00005")
        .unwrap()
        .clone();
    assert_eq!(a5["rights_status"], "request_failed");
}

#[tokio::test]
async fn library_save_is_201_then_200_with_the_same_asset() {
    let t = T::demo().await;
    let r = t
        .post(
            "/api/v1/library/assets",
            Some(CURATOR),
            json!({"post_id": "post_00500"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.data()["id"].as_str().unwrap().to_string();
    assert_eq!(r.data()["post"]["saved_asset_id"], id.as_str());
    assert_eq!(r.data()["saved_by"]["name"], "Cas Curator");
    let again = t
        .post(
            "/api/v1/library/assets",
            Some(ADMIN),
            json!({"post_id": "post_00500"}),
        )
        .await;
    assert_eq!(again.status, 200);
    assert_eq!(again.data()["id"], id.as_str());
    let one = t
        .get(&format!("/api/v1/library/assets/{id}"), Some(ADMIN))
        .await;
    assert_eq!(one.data()["post"]["id"], "post_00500");
    let post = t.get("/api/v1/posts/post_00500", Some(ADMIN)).await;
    assert_eq!(post.data()["saved_asset_id"], id.as_str());
}
