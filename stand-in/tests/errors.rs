//! Bad input never gets a 500 or a plain-text rejection, and never changes anything stored.

mod common;
use axum::http::Method;
use common::*;
use serde_json::json;

#[tokio::test]
async fn auth_missing_session_is_401_unauthenticated() {
    let t = T::demo().await;
    for path in [
        "/api/v1/session",
        "/api/v1/social-accounts",
        "/api/v1/notifications",
        "/api/v1/streams",
        "/api/v1/instagram/search?type=top_tags&q=summer",
    ] {
        t.get(path, None).await.assert_error(401, "unauthenticated");
    }
    t.get("/api/v1/session", Some("not-a-user"))
        .await
        .assert_error(401, "unauthenticated");
}

#[tokio::test]
async fn auth_cookie_session_is_accepted() {
    let t = T::demo().await;
    let r = t
        .call(
            Method::GET,
            "/api/v1/session",
            None,
            None,
            &[("cookie", "theme=dark; console_session=demo-curator")],
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.data()["user"]["name"], "Cas Curator");
    assert_eq!(r.data()["user"]["role"], "curator");
    assert_eq!(r.data()["network"]["name"], "Brand Network (demo)");
    assert_eq!(r.data()["permissions"]["request_rights"], true);
    assert_eq!(r.data()["permissions"]["refresh_tokens"], false);
    let admins: Vec<&str> = r.data()["admins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(admins, ["Ada Admin", "Bram Beheer"]);
}

#[tokio::test]
async fn auth_roles_get_permissions_from_the_matrix() {
    let t = T::demo().await;
    let m = t.get("/api/v1/session", Some(MODERATOR)).await;
    let p = &m.data()["permissions"];
    assert_eq!(
        (
            p["manage_accounts"].as_bool(),
            p["refresh_tokens"].as_bool(),
            p["manage_rights_settings"].as_bool(),
            p["request_rights"].as_bool(),
            p["manage_streams"].as_bool()
        ),
        (Some(false), Some(true), Some(true), Some(true), Some(true))
    );
}

#[tokio::test]
async fn auth_wrong_role_is_403_and_changes_nothing() {
    let t = T::demo().await;
    let before = t.dump();
    t.patch(
        "/api/v1/social-accounts/acc_ig_lfqa",
        Some(MODERATOR),
        json!({"display_name": "x"}),
    )
    .await
    .assert_error(403, "forbidden");
    t.delete("/api/v1/social-accounts/acc_ig_lfqa", Some(CURATOR))
        .await
        .assert_error(403, "forbidden");
    t.post(
        "/api/v1/social-accounts",
        Some(MODERATOR),
        json!({"network": "instagram"}),
    )
    .await
    .assert_error(403, "forbidden");
    t.put(
        "/api/v1/social-accounts/order",
        Some(CURATOR),
        json!({"network": "instagram", "account_ids": []}),
    )
    .await
    .assert_error(403, "forbidden");
    t.post(
        "/api/v1/social-accounts/acc_ig_lfqa/refresh",
        Some(CURATOR),
        json!({}),
    )
    .await
    .assert_error(403, "forbidden");
    t.put(
        "/api/v1/streams/str_summer/account",
        Some(CURATOR),
        json!({"account_id": "acc_ig_lfqa"}),
    )
    .await
    .assert_error(403, "forbidden");
    t.put("/api/v1/rights/accounts/ra_tw", Some(CURATOR), json!({}))
        .await
        .assert_error(403, "forbidden");
    // Forbidden comes before body validation.
    t.raw(
        Method::PATCH,
        "/api/v1/social-accounts/acc_ig_lfqa",
        Some(CURATOR),
        "application/json",
        "{not json",
    )
    .await
    .assert_error(403, "forbidden");
    assert_eq!(before, t.dump());
}

#[tokio::test]
async fn input_malformed_json_is_400_validation_failed() {
    let t = T::demo().await;
    let before = t.dump();
    for body in [
        "{",
        "{\"display_name\": \"x\"",
        "not json",
        "{\"display_name\": \"x\"} trailing",
        "",
    ] {
        let r = t
            .raw(
                Method::PATCH,
                "/api/v1/social-accounts/acc_ig_lfqa",
                Some(ADMIN),
                "application/json",
                body,
            )
            .await;
        r.assert_error(400, "validation_failed");
        assert_eq!(r.field_reasons()[0].1, "malformed_json", "{body}");
    }
    assert_eq!(before, t.dump());
}

#[tokio::test]
async fn input_wrong_types_and_missing_fields_are_422_with_field() {
    let t = T::demo().await;
    let before = t.dump();
    let r = t
        .patch(
            "/api/v1/social-accounts/acc_ig_lfqa",
            Some(ADMIN),
            json!({"display_name": 42}),
        )
        .await;
    r.assert_error(422, "validation_failed");
    assert_eq!(r.field_reasons()[0].0, "display_name");
    assert_eq!(r.field_reasons()[0].1, "invalid_type");
    let r = t
        .patch(
            "/api/v1/social-accounts/acc_ig_lfqa",
            Some(ADMIN),
            json!({}),
        )
        .await;
    r.assert_error(422, "validation_failed");
    assert_eq!(
        (
            r.field_reasons()[0].0.as_str(),
            r.field_reasons()[0].1.as_str()
        ),
        ("display_name", "required")
    );
    let r = t
        .put(
            "/api/v1/social-accounts/order",
            Some(ADMIN),
            json!({"network": "myspace", "account_ids": []}),
        )
        .await;
    r.assert_error(422, "validation_failed");
    assert_eq!(r.field_reasons()[0].0, "network");
    let r = t
        .patch(
            "/api/v1/social-accounts/acc_ig_lfqa",
            Some(ADMIN),
            json!(["display_name"]),
        )
        .await;
    r.assert_error(422, "validation_failed");
    assert_eq!(before, t.dump());
}

#[tokio::test]
async fn input_unknown_fields_are_422_unknown_field() {
    let t = T::demo().await;
    let before = t.dump();
    let r = t
        .patch(
            "/api/v1/social-accounts/acc_ig_lfqa",
            Some(ADMIN),
            json!({"display_name": "x", "admin": true}),
        )
        .await;
    r.assert_error(422, "validation_failed");
    assert_eq!(
        (
            r.field_reasons()[0].0.as_str(),
            r.field_reasons()[0].1.as_str()
        ),
        ("admin", "unknown_field")
    );
    let r = t
        .post(
            "/api/v1/library/assets",
            Some(ADMIN),
            json!({"post_id": "post_00100", "extra": 1}),
        )
        .await;
    r.assert_error(422, "validation_failed");
    assert_eq!(before, t.dump());
}

#[tokio::test]
async fn input_oversized_body_is_413_payload_too_large() {
    let t = T::demo().await;
    let before = t.dump();
    let big = format!("{{\"display_name\": \"{}\"}}", "x".repeat(70 * 1024));
    t.raw(
        Method::PATCH,
        "/api/v1/social-accounts/acc_ig_lfqa",
        Some(ADMIN),
        "application/json",
        big.clone(),
    )
    .await
    .assert_error(413, "payload_too_large");
    let r = t.call(Method::POST, "/api/v1/rights/requests", Some(ADMIN), Some(json!({"post_id": "post_00100", "rights_account_id": "ra_ig_lfqa", "message": "y".repeat(70 * 1024)})), &[("idempotency-key", "key-oversized-1")]).await;
    r.assert_error(413, "payload_too_large");
    assert_eq!(before, t.dump());
}

#[tokio::test]
async fn input_non_json_content_type_is_415() {
    let t = T::demo().await;
    let before = t.dump();
    let r = t
        .raw(
            Method::PATCH,
            "/api/v1/social-accounts/acc_ig_lfqa",
            Some(ADMIN),
            "text/plain",
            "{\"display_name\": \"x\"}",
        )
        .await;
    r.assert_error(415, "validation_failed");
    assert_eq!(before, t.dump());
}

#[tokio::test]
async fn input_unknown_ids_are_404_not_found() {
    let t = T::demo().await;
    let before = t.dump();
    t.patch(
        "/api/v1/social-accounts/acc_nope",
        Some(ADMIN),
        json!({"display_name": "x"}),
    )
    .await
    .assert_error(404, "not_found");
    t.delete("/api/v1/social-accounts/acc_nope", Some(ADMIN))
        .await
        .assert_error(404, "not_found");
    t.get("/api/v1/social-accounts/acc_nope/history", Some(ADMIN))
        .await
        .assert_error(404, "not_found");
    t.get("/api/v1/social-accounts/acc_nope/dependents", Some(ADMIN))
        .await
        .assert_error(404, "not_found");
    t.post(
        "/api/v1/social-accounts/acc_nope/refresh",
        Some(ADMIN),
        json!({}),
    )
    .await
    .assert_error(404, "not_found");
    t.get("/api/v1/oauth/flows/deadbeef", Some(ADMIN))
        .await
        .assert_error(404, "not_found");
    t.post_empty("/api/v1/notifications/ntf_nope/read", Some(ADMIN))
        .await
        .assert_error(404, "not_found");
    t.post_empty("/api/v1/notifications/ntf_nope/dismiss", Some(ADMIN))
        .await
        .assert_error(404, "not_found");
    t.get("/api/v1/posts/post_99999", Some(ADMIN))
        .await
        .assert_error(404, "not_found");
    t.get("/api/v1/library/assets/ast_nope", Some(ADMIN))
        .await
        .assert_error(404, "not_found");
    t.put(
        "/api/v1/streams/str_nope/account",
        Some(ADMIN),
        json!({"account_id": "acc_ig_lfqa"}),
    )
    .await
    .assert_error(404, "not_found");
    t.get("/api/v1/media/post_99999.svg", None)
        .await
        .assert_error(404, "not_found");
    // Ids inside bodies are validation errors naming the field.
    let r = t
        .post(
            "/api/v1/library/assets",
            Some(ADMIN),
            json!({"post_id": "post_99999"}),
        )
        .await;
    r.assert_error(422, "validation_failed");
    assert_eq!(
        r.field_reasons()[0],
        (
            "post_id".into(),
            "not_found".into(),
            Some("post_99999".into())
        )
    );
    assert_eq!(before, t.dump());
}

#[tokio::test]
async fn routes_unknown_api_route_is_404_envelope_and_wrong_method_is_405_envelope() {
    let t = T::demo().await;
    t.get("/api/v1/nothing-here", Some(ADMIN))
        .await
        .assert_error(404, "not_found");
    t.get("/api/v2/session", Some(ADMIN))
        .await
        .assert_error(404, "not_found");
    let r = t.delete("/api/v1/session", Some(ADMIN)).await;
    r.assert_error(405, "not_found");
    let r = t
        .patch("/api/v1/social-accounts/order", Some(ADMIN), json!({}))
        .await;
    r.assert_error(405, "not_found");
}

#[tokio::test]
async fn routes_test_controls_do_not_exist_without_the_flag() {
    let t = T::with_config(stand_in::Config::default());
    let r = t.get("/__test/clock", None).await;
    assert_eq!(r.status, 404);
    let r = t
        .post("/__test/reset", None, json!({"fixture": "empty"}))
        .await;
    assert_eq!(r.status, 404);
    let r = t
        .post(
            "/__test/faults",
            None,
            json!({"path": "/api/v1/session", "status": 500}),
        )
        .await;
    assert_eq!(r.status, 404);
    // And the API still answers normally.
    assert_eq!(t.get("/api/v1/session", Some(ADMIN)).await.status, 200);
}

#[tokio::test]
async fn envelope_now_is_the_server_clock() {
    let t = T::demo().await;
    let r = t.get("/api/v1/session", Some(ADMIN)).await;
    assert_eq!(r.json["now"], T0);
    let r = t.get("/api/v1/session", None).await;
    assert_eq!(r.json["now"], T0);
    t.advance(90).await;
    let r = t.get("/api/v1/streams", Some(ADMIN)).await;
    assert_eq!(r.json["now"], "2026-03-01T12:01:30Z");
}

#[tokio::test]
async fn acc_display_name_is_trimmed_and_limited_to_100_chars() {
    let t = T::demo().await;
    let r = t
        .patch(
            "/api/v1/social-accounts/acc_ig_lfqa",
            Some(ADMIN),
            json!({"display_name": "  Main ☕ account  "}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.data()["display_name"], "Main ☕ account");
    let ok100 = "é".repeat(100);
    assert_eq!(
        t.patch(
            "/api/v1/social-accounts/acc_ig_lfqa",
            Some(ADMIN),
            json!({"display_name": ok100})
        )
        .await
        .status,
        200
    );
    let before = t.dump();
    let r = t
        .patch(
            "/api/v1/social-accounts/acc_ig_lfqa",
            Some(ADMIN),
            json!({"display_name": "é".repeat(101)}),
        )
        .await;
    r.assert_error(422, "validation_failed");
    assert_eq!(r.field_reasons()[0].1, "too_long");
    assert_eq!(before, t.dump());
}

#[tokio::test]
async fn acc_7_reorder_must_list_exactly_the_networks_accounts() {
    let t = T::demo().await;
    let before = t.dump();
    for ids in [
        json!(["acc_ig_lfqa", "acc_ig_hurray"]),
        json!([
            "acc_ig_lfqa",
            "acc_ig_hurray",
            "acc_ig_danni",
            "acc_ig_danni"
        ]),
        json!(["acc_ig_lfqa", "acc_ig_hurray", "acc_igb_johnny"]),
        json!([
            "acc_ig_lfqa",
            "acc_ig_hurray",
            "acc_ig_danni",
            "acc_igb_johnny"
        ]),
    ] {
        let r = t
            .put(
                "/api/v1/social-accounts/order",
                Some(ADMIN),
                json!({"network": "instagram", "account_ids": ids}),
            )
            .await;
        r.assert_error(422, "validation_failed");
        assert_eq!(r.field_reasons()[0].0, "account_ids");
    }
    assert_eq!(before, t.dump());
    let r = t.put("/api/v1/social-accounts/order", Some(ADMIN), json!({"network": "instagram", "account_ids": ["acc_ig_danni", "acc_ig_lfqa", "acc_ig_hurray"]})).await;
    assert_eq!(r.status, 200, "{}", r.text);
    let got: Vec<(String, u64)> = r
        .data()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["handle"].as_str().unwrap().to_string(),
                a["position"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("danni".into(), 0),
            ("lfqa".into(), 1),
            ("hurray".into(), 2)
        ]
    );
    // The list is ordered by network, then position; the order persists.
    let all = t.get("/api/v1/social-accounts", Some(CURATOR)).await;
    let handles: Vec<&str> = all
        .data()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["handle"].as_str().unwrap())
        .collect();
    assert_eq!(
        handles,
        [
            "livefyre_brand",
            "brand_support",
            "danni",
            "lfqa",
            "hurray",
            "johnny",
            "brandhq",
            "brand_shop"
        ]
    );
}
