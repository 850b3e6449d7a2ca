//! SRCH: the generated corpus, validation, no server-side fallback, rate limits, paging.

mod common;
use common::*;
use serde_json::{json, Value};

fn posts(r: &Resp) -> Vec<Value> {
    r.data()["posts"].as_array().unwrap().clone()
}

#[tokio::test]
async fn srch_4_first_account_expired_is_token_expired_without_fallback() {
    let t = T::demo().await;
    for ty in ["top_tags", "recent_tags"] {
        let r = t
            .get(
                &format!("/api/v1/instagram/search?type={ty}&q=summer"),
                Some(CURATOR),
            )
            .await;
        r.assert_error(400, "token_expired");
        assert_eq!(r.json["error"]["account_id"], "acc_ig_hurray");
    }
    let r = t
        .get(
            "/api/v1/instagram/search?type=top_tags&q=%23summer&account_id=acc_ig_lfqa",
            Some(CURATOR),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.data()["account"]["handle"], "lfqa");
    assert_eq!(posts(&r).len(), 30);
    // Business user search only uses business accounts: the first is @johnny (valid).
    let r = t
        .get(
            "/api/v1/instagram/search?type=business_user&q=coffee.lab",
            Some(CURATOR),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.data()["account"]["handle"], "johnny");
    assert!(posts(&r).iter().all(|p| p["author_handle"] == "coffee.lab"));
    // Revoked business account named explicitly.
    let r = t
        .get(
            "/api/v1/instagram/search?type=recent_tags&q=coffee&account_id=acc_igb_brandhq",
            Some(CURATOR),
        )
        .await;
    r.assert_error(400, "token_revoked");
    assert_eq!(r.json["error"]["account_id"], "acc_igb_brandhq");
    // The request log names the account for each call.
    let log = t.get("/__test/requests", None).await;
    let accounts: Vec<Value> = log
        .data()
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["path"] == "/api/v1/instagram/search")
        .map(|e| e["account_id"].clone())
        .collect();
    assert_eq!(
        accounts,
        [
            json!("acc_ig_hurray"),
            json!("acc_ig_hurray"),
            json!("acc_ig_lfqa"),
            json!("acc_igb_johnny"),
            json!("acc_igb_brandhq")
        ]
    );
}

#[tokio::test]
async fn srch_1_invalid_input_is_422_naming_the_field() {
    let t = T::demo().await;
    let before = t.dump();
    for (q, field) in [
        ("type=top_tags", "q"),
        ("q=summer", "type"),
        ("type=hashtags&q=summer", "type"),
        ("type=top_tags&q=sum%20mer", "q"),
        ("type=top_tags&q=%23", "q"),
        ("type=business_user&q=not%20a%20user", "q"),
        ("type=business_user&q=abcdefghijabcdefghijabcdefghijx", "q"),
        ("type=top_tags&q=summer&media=gifs", "media"),
        ("type=top_tags&q=summer&limit=0", "limit"),
        ("type=top_tags&q=summer&limit=101", "limit"),
        ("type=top_tags&q=summer&cursor=garbage", "cursor"),
        ("type=top_tags&q=summer&account_id=acc_nope", "account_id"),
        (
            "type=top_tags&q=summer&account_id=acc_tw_livefyre",
            "account_id",
        ),
        (
            "type=business_user&q=danni&account_id=acc_ig_lfqa",
            "account_id",
        ),
    ] {
        let r = t
            .get(&format!("/api/v1/instagram/search?{q}"), Some(CURATOR))
            .await;
        r.assert_error(422, "validation_failed");
        assert!(
            r.field_reasons().iter().any(|f| f.0 == field),
            "{q}: {}",
            r.text
        );
    }
    assert_eq!(before, t.dump());
}

#[tokio::test]
async fn srch_2_paging_with_opaque_cursor_and_media_filter() {
    let t = T::demo().await;
    let base = "/api/v1/instagram/search?type=recent_tags&q=coffee&account_id=acc_ig_lfqa";
    let p1 = t.get(base, Some(CURATOR)).await;
    let cursor = p1.data()["next_cursor"].as_str().unwrap().to_string();
    let p2 = t
        .get(&format!("{base}&cursor={cursor}"), Some(CURATOR))
        .await;
    assert_eq!(p2.status, 200, "{}", p2.text);
    let all: Vec<Value> = posts(&p1).into_iter().chain(posts(&p2)).collect();
    let dates: Vec<&str> = all
        .iter()
        .map(|p| p["posted_at"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "recent: newest first across pages");
    let ids: std::collections::HashSet<&str> =
        all.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 60);
    // A cursor belongs to its query.
    let r = t.get(&format!("/api/v1/instagram/search?type=recent_tags&q=travel&account_id=acc_ig_lfqa&cursor={cursor}"), Some(CURATOR)).await;
    r.assert_error(422, "validation_failed");
    let top = t.get("/api/v1/instagram/search?type=top_tags&q=coffee&account_id=acc_ig_lfqa&media=videos&limit=100", Some(CURATOR)).await;
    let likes: Vec<u64> = posts(&top)
        .iter()
        .map(|p| p["likes"].as_u64().unwrap())
        .collect();
    assert!(likes.windows(2).all(|w| w[0] >= w[1]), "top: likes desc");
    assert!(posts(&top).iter().all(|p| p["media_type"] == "video"));
    assert_eq!(posts(&top).len(), 100);
    let saved = t
        .get(
            "/api/v1/instagram/search?type=business_user&q=%40danni",
            Some(CURATOR),
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.text);
}

#[tokio::test]
async fn srch_10_corpus_is_large_deterministic_and_has_hostile_posts() {
    let a = stand_in::corpus::Corpus::generate(1_772_366_400);
    let b = stand_in::corpus::Corpus::generate(1_772_366_400);
    assert!(a.posts.len() >= 5_000);
    assert_eq!(a.posts[1234].caption, b.posts[1234].caption);
    assert!(a.hostile_count() >= 60);
    let t = T::demo().await;
    let mut hostile = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut url =
            "/api/v1/instagram/search?type=recent_tags&q=hostile&account_id=acc_ig_lfqa&limit=100"
                .to_string();
        if let Some(c) = &cursor {
            url.push_str(&format!("&cursor={c}"));
        }
        let r = t.get(&url, Some(CURATOR)).await;
        assert_eq!(r.status, 200, "{}", r.text);
        hostile.extend(posts(&r));
        match r.data()["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert!(hostile.len() >= 60, "{}", hostile.len());
    let all = serde_json::to_string(&hostile).unwrap();
    for needle in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "data:text/html",
        "http://insecure.example.com",
        "<svg onload=alert(1)>",
        "\u{202E}",
        "\u{200D}",
        "\u{FFFD}",
    ] {
        assert!(
            all.contains(needle) || all.to_lowercase().contains(&needle.to_lowercase()),
            "missing {needle:?}"
        );
    }
    assert!(
        hostile
            .iter()
            .any(|p| p["caption"].as_str().unwrap().len() >= 100 * 1024),
        "a 100 KB caption"
    );
    assert!(
        hostile
            .iter()
            .any(|p| p["author_handle"].as_str().unwrap().len() > 200),
        "a very long handle"
    );
    assert!(
        hostile
            .iter()
            .all(|p| p["hashtags"].as_array().unwrap().contains(&json!("ugc"))),
        "all tagged #ugc"
    );
}

#[tokio::test]
async fn srch_9_hourly_call_limit_is_429_with_reset_and_account() {
    let t = T::demo().await;
    let r = t
        .post(
            "/__test/accounts/acc_ig_lfqa/exhaust-quota",
            None,
            json!({"kind": "calls"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let before = t.dump();
    let r = t
        .get(
            "/api/v1/instagram/search?type=top_tags&q=summer&account_id=acc_ig_lfqa",
            Some(CURATOR),
        )
        .await;
    r.assert_error(429, "rate_limited");
    assert_eq!(r.json["error"]["account_id"], "acc_ig_lfqa");
    assert_eq!(r.json["error"]["resets_at"], "2026-03-01T13:00:00Z");
    assert_eq!(before, t.dump());
    t.advance(HOUR).await;
    let r = t
        .get(
            "/api/v1/instagram/search?type=top_tags&q=summer&account_id=acc_ig_lfqa",
            Some(CURATOR),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
}

#[tokio::test]
async fn srch_9_thirty_unique_hashtags_per_business_account_per_week() {
    let t = T::demo().await;
    let tags: Vec<String> = (0..30).map(|i| format!("tag{i}")).collect();
    for tag in &tags {
        let r = t
            .get(
                &format!(
                    "/api/v1/instagram/search?type=recent_tags&q={tag}&account_id=acc_igb_shop"
                ),
                Some(CURATOR),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
    }
    // A tag already used this week is still fine; a 31st new one is not.
    assert_eq!(
        t.get(
            "/api/v1/instagram/search?type=top_tags&q=tag3&account_id=acc_igb_shop",
            Some(CURATOR)
        )
        .await
        .status,
        200
    );
    let r = t
        .get(
            "/api/v1/instagram/search?type=recent_tags&q=summer&account_id=acc_igb_shop",
            Some(CURATOR),
        )
        .await;
    r.assert_error(429, "rate_limited");
    assert_eq!(r.json["error"]["account_id"], "acc_igb_shop");
    assert_eq!(r.json["error"]["resets_at"], "2026-03-08T12:00:00Z");
    // Personal Instagram accounts have no hashtag limit here; the next business account neither.
    assert_eq!(
        t.get(
            "/api/v1/instagram/search?type=recent_tags&q=summer&account_id=acc_igb_johnny",
            Some(CURATOR)
        )
        .await
        .status,
        200
    );
    t.advance(7 * DAY).await;
    assert_eq!(
        t.get(
            "/api/v1/instagram/search?type=recent_tags&q=summer&account_id=acc_igb_shop",
            Some(CURATOR)
        )
        .await
        .status,
        200
    );
}

#[tokio::test]
async fn srch_test_control_expire_makes_search_answer_token_expired() {
    let t = T::demo().await;
    let r = t
        .post_empty("/__test/accounts/acc_ig_lfqa/expire", None)
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.data()["token"]["expires_at"], "2026-03-01T11:59:00Z");
    let r = t
        .get(
            "/api/v1/instagram/search?type=top_tags&q=summer&account_id=acc_ig_lfqa",
            Some(CURATOR),
        )
        .await;
    r.assert_error(400, "token_expired");
    t.post_empty("/__test/accounts/acc_tw_livefyre/expire", None)
        .await
        .assert_error(422, "validation_failed");
}

#[tokio::test]
async fn media_svg_is_public_cacheable_svg() {
    let t = T::demo().await;
    let r = t.get("/api/v1/media/post_00042.svg", None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "image/svg+xml");
    assert!(r.header("cache-control").contains("max-age"));
    assert!(r.text.starts_with("<svg") && !r.text.contains("<script"));
    let post = t.get("/api/v1/posts/post_00042", Some(CURATOR)).await;
    assert_eq!(post.data()["image_url"], "/api/v1/media/post_00042.svg");
    t.get("/api/v1/media/post_00042.png", None)
        .await
        .assert_error(404, "not_found");
}
