//! STR: streams stop at expiry, run again after refresh, switch accounts; deleting an account.

mod common;
use common::*;
use serde_json::{json, Value};

async fn stream(t: &T, id: &str) -> Value {
    let r = t.get("/api/v1/streams", Some(CURATOR)).await;
    r.data()
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .cloned()
        .unwrap_or(Value::Null)
}

#[tokio::test]
async fn str_1_streams_stop_at_expiry_and_run_after_refresh() {
    let t = T::demo().await;
    reset_json(&t, one_account_fixture(2 * DAY)).await;
    assert_eq!(stream(&t, "str_a").await["status"], "running");
    t.advance(2 * DAY - 1).await;
    assert_eq!(stream(&t, "str_a").await["status"], "running");
    t.advance(1).await;
    let s = stream(&t, "str_a").await;
    assert_eq!(s["status"], "stopped");
    assert_eq!(s["stopped"]["reason"], "token_expired");
    assert_eq!(s["stopped"]["since"], "2026-03-03T12:00:00Z");
    assert_eq!(s["stopped"]["account"]["handle"], "alpha");
    t.advance(DAY).await;
    // Expired: a refresh must go through the provider.
    let a = t
        .post(
            "/api/v1/social-accounts/acc_a/refresh",
            Some(MODERATOR),
            json!({}),
        )
        .await;
    assert_eq!(a.data()["outcome"], "authorize");
    t.provider(
        a.data()["authorize_url"].as_str().unwrap(),
        "authorize",
        Some("ig_a"),
    )
    .await;
    let s = stream(&t, "str_a").await;
    assert_eq!(s["status"], "running");
    assert_eq!(s["stopped"], Value::Null);
    assert_eq!(
        s["last_gap"],
        json!({"from": "2026-03-03T12:00:00Z", "to": "2026-03-04T12:00:00Z"})
    );
}

#[tokio::test]
async fn str_1_revoked_token_stops_streams_with_reason_revoked() {
    let t = T::demo().await;
    let r = t
        .post_empty("/__test/accounts/acc_ig_lfqa/revoke", None)
        .await;
    assert_eq!(r.data()["token"]["invalidated"]["reason"], "revoked");
    let s = stream(&t, "str_coffee").await;
    assert_eq!(s["status"], "stopped");
    assert_eq!(s["stopped"]["reason"], "token_revoked");
    assert_eq!(s["stopped"]["since"], T0);
    let h = t
        .get("/api/v1/social-accounts/acc_ig_lfqa/history", Some(ADMIN))
        .await;
    assert_eq!(h.data()[0]["kind"], "revoked");
}

#[tokio::test]
async fn str_demo_fixture_shows_running_and_stopped_streams() {
    let t = T::demo().await;
    let r = t.get("/api/v1/streams", Some(CURATOR)).await;
    let got: Vec<(String, String, Option<String>)> = r
        .data()
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().into(),
                s["status"].as_str().unwrap().into(),
                s["stopped"]["reason"].as_str().map(str::to_string),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Summer UGC".into(),
                "stopped".into(),
                Some("token_expired".into())
            ),
            ("Coffee wall".into(), "running".into(), None),
            (
                "Support mentions".into(),
                "stopped".into(),
                Some("token_revoked".into())
            ),
            ("Brand love".into(), "running".into(), None),
            ("Travel".into(), "running".into(), None),
        ]
    );
    assert_eq!(
        stream(&t, "str_summer").await["stopped"]["since"],
        "2026-02-27T12:00:00Z"
    );
    assert_eq!(
        stream(&t, "str_summer").await["destination"],
        json!({"kind": "app", "name": "Summer microsite"})
    );
}

#[tokio::test]
async fn str_3_switch_needs_same_network_and_a_valid_token() {
    let t = T::demo().await;
    let before = t.dump();
    for (account, reason) in [
        ("acc_igb_johnny", "wrong_network"),
        ("acc_ig_hurray", "token_expired"),
        ("acc_nope", "not_found"),
    ] {
        let r = t
            .put(
                "/api/v1/streams/str_summer/account",
                Some(MODERATOR),
                json!({"account_id": account}),
            )
            .await;
        r.assert_error(422, "validation_failed");
        assert_eq!(r.field_reasons()[0].1, reason);
    }
    t.post_empty("/__test/accounts/acc_ig_danni/revoke", None)
        .await;
    let before2 = t.dump();
    let r = t
        .put(
            "/api/v1/streams/str_summer/account",
            Some(MODERATOR),
            json!({"account_id": "acc_ig_danni"}),
        )
        .await;
    assert_eq!(r.field_reasons()[0].1, "token_revoked");
    assert_eq!(before2, t.dump());
    assert_ne!(before, before2);
    let r = t
        .put(
            "/api/v1/streams/str_summer/account",
            Some(MODERATOR),
            json!({"account_id": "acc_ig_lfqa"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.data()["status"], "running");
    assert_eq!(r.data()["account"]["handle"], "lfqa");
    assert_eq!(
        r.data()["last_gap"],
        json!({"from": "2026-02-27T12:00:00Z", "to": T0})
    );
}

#[tokio::test]
async fn acc_6_delete_reports_dependents_and_stops_streams() {
    let t = T::demo().await;
    let deps = t
        .get(
            "/api/v1/social-accounts/acc_ig_lfqa/dependents",
            Some(ADMIN),
        )
        .await;
    assert_eq!(deps.data()["streams"][0]["name"], "Coffee wall");
    assert_eq!(deps.data()["search_rank"], 2);
    assert_eq!(deps.data()["search_fallback"]["handle"], "danni");
    assert_eq!(deps.data()["open_rights_requests"], 2);
    let r = t
        .delete("/api/v1/social-accounts/acc_ig_lfqa", Some(ADMIN))
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.data(), deps.data());
    let s = stream(&t, "str_coffee").await;
    assert_eq!(s["status"], "stopped");
    assert_eq!(s["account"], Value::Null);
    assert_eq!(s["stopped"]["reason"], "account_deleted");
    assert_eq!(s["stopped"]["account"]["handle"], "lfqa");
    let accounts = t.get("/api/v1/social-accounts", Some(ADMIN)).await;
    let ig: Vec<(String, u64)> = accounts
        .data()
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["network"] == "instagram")
        .map(|a| {
            (
                a["handle"].as_str().unwrap().into(),
                a["position"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(ig, [("hurray".into(), 0), ("danni".into(), 1)]);
    t.get("/api/v1/social-accounts/acc_ig_lfqa/history", Some(ADMIN))
        .await
        .assert_error(404, "not_found");
    let ra = t.get("/api/v1/rights/accounts", Some(ADMIN)).await;
    let lfqa = ra
        .data()
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "ra_ig_lfqa")
        .unwrap()
        .clone();
    assert_eq!(lfqa["enabled"], false);
    // Twitter accounts have no search rank.
    let d = t
        .get(
            "/api/v1/social-accounts/acc_tw_livefyre/dependents",
            Some(ADMIN),
        )
        .await;
    assert_eq!(d.data()["search_rank"], Value::Null);
    assert_eq!(d.data()["search_fallback"], Value::Null);
}
