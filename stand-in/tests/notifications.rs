//! NOT-1, NOT-4: milestone notifications from the server clock, once each, per user state.

mod common;
use axum::http::Method;
use common::*;
use serde_json::{json, Value};

fn milestones(list: &Value, account: &str) -> Vec<String> {
    list["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["account"]["id"] == account)
        .map(|n| n["milestone"].as_str().unwrap().to_string())
        .collect()
}

async fn history_kinds(t: &T, id: &str) -> Vec<(String, Option<String>)> {
    let h = t
        .get(
            &format!("/api/v1/social-accounts/{id}/history"),
            Some(ADMIN),
        )
        .await;
    h.data()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_string(),
                e["detail"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[tokio::test]
async fn not_1_milestones_11_10_6_5_expiry_once_each() {
    let t = T::demo().await;
    reset_json(&t, one_account_fixture(11 * DAY)).await;
    assert!(
        milestones(&t.notifications(ADMIN).await, "acc_a").is_empty(),
        "11 days left: nothing"
    );
    t.advance(DAY).await; // 10 days left
    assert_eq!(
        milestones(&t.notifications(ADMIN).await, "acc_a"),
        ["days10"]
    );
    assert_eq!(
        milestones(&t.notifications(ADMIN).await, "acc_a"),
        ["days10"],
        "not repeated"
    );
    t.advance(4 * DAY).await; // 6 days left
    assert_eq!(
        milestones(&t.notifications(ADMIN).await, "acc_a"),
        ["days10"]
    );
    t.advance(DAY).await; // 5 days left
    assert_eq!(
        milestones(&t.notifications(ADMIN).await, "acc_a"),
        ["days5", "days10"]
    );
    t.advance(5 * DAY - 1).await; // one second before expiry
    assert_eq!(milestones(&t.notifications(ADMIN).await, "acc_a").len(), 2);
    t.advance(1).await; // expired
    let list = t.notifications(ADMIN).await;
    assert_eq!(milestones(&list, "acc_a"), ["expired", "days5", "days10"]);
    let first = &list["notifications"][0];
    assert_eq!(first["expires_at"], "2026-03-12T12:00:00Z");
    assert_eq!(first["created_at"], "2026-03-12T12:00:00Z");
    assert_eq!(first["impact"]["streams"][0]["name"], "Alpha stream");
    assert_eq!(first["impact"]["search_fallback"]["handle"], "bravo");
    t.advance(30 * DAY).await;
    assert_eq!(
        milestones(&t.notifications(ADMIN).await, "acc_a").len(),
        3,
        "nothing after expiry"
    );
    let h = history_kinds(&t, "acc_a").await;
    let warnings: Vec<_> = h
        .iter()
        .filter(|(k, _)| k == "warning_sent")
        .map(|(_, d)| d.clone().unwrap())
        .collect();
    assert_eq!(warnings, ["days5", "days10"]);
    assert_eq!(h.iter().filter(|(k, _)| k == "expired").count(), 1);
}

#[tokio::test]
async fn not_1_jump_over_milestones_creates_only_latest() {
    let t = T::demo().await;
    reset_json(&t, one_account_fixture(11 * DAY)).await;
    t.advance(7 * DAY).await; // 4 days left: past 10 and 5
    let list = t.notifications(ADMIN).await;
    assert_eq!(milestones(&list, "acc_a"), ["days5"]);
    assert_eq!(
        list["notifications"][0]["created_at"],
        "2026-03-07T12:00:00Z"
    );
    let h = history_kinds(&t, "acc_a").await;
    assert_eq!(
        h.iter().filter(|(k, _)| k == "warning_sent").count(),
        1,
        "skipped milestones are not recorded"
    );

    reset_json(&t, one_account_fixture(11 * DAY)).await;
    t.advance(20 * DAY).await; // past all three
    assert_eq!(
        milestones(&t.notifications(ADMIN).await, "acc_a"),
        ["expired"]
    );
    let h = history_kinds(&t, "acc_a").await;
    assert!(!h.iter().any(|(k, _)| k == "warning_sent"));
    assert_eq!(h.iter().filter(|(k, _)| k == "expired").count(), 1);
}

#[tokio::test]
async fn not_4_refresh_resolves_notifications_and_starts_a_new_lifetime() {
    let t = T::demo().await;
    reset_json(&t, one_account_fixture(11 * DAY)).await;
    t.advance(6 * DAY + HOUR).await; // 4 days 23 h left -> days5 (jump)
    let list = t.notifications(ADMIN).await;
    assert_eq!(list["unread_count"], 1);
    let r = t
        .post(
            "/api/v1/social-accounts/acc_a/refresh",
            Some(ADMIN),
            json!({}),
        )
        .await;
    assert_eq!(r.data()["outcome"], "refreshed", "{}", r.text);
    let list = t.notifications(ADMIN).await;
    assert_eq!(list["notifications"][0]["resolved"], true);
    assert_eq!(
        list["unread_count"], 0,
        "resolved notifications do not count as unread"
    );
    // The new lifetime gets its own milestones: 60 days from the refresh.
    t.advance(50 * DAY).await;
    let list = t.notifications(ADMIN).await;
    assert_eq!(milestones(&list, "acc_a"), ["days10", "days5"]);
    assert_eq!(list["notifications"][0]["resolved"], false);
    let unread_a = list["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["account"]["id"] == "acc_a" && n["read"] == false && n["resolved"] == false)
        .count();
    assert_eq!(unread_a, 1, "{list:#}");
}

#[tokio::test]
async fn not_4_read_and_dismiss_are_per_user() {
    let t = T::demo().await;
    reset_json(&t, one_account_fixture(10 * DAY)).await;
    let list = t.notifications(ADMIN).await;
    let id = list["notifications"][0]["id"].as_str().unwrap().to_string();
    let r = t
        .post_empty(&format!("/api/v1/notifications/{id}/read"), Some(ADMIN))
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.data()["read"], true);
    assert_eq!(t.notifications(ADMIN).await["unread_count"], 0);
    assert_eq!(
        t.notifications(ADMIN2).await["unread_count"],
        1,
        "other users are unaffected"
    );
    let r = t
        .post_empty(&format!("/api/v1/notifications/{id}/dismiss"), Some(ADMIN2))
        .await;
    assert_eq!(r.status, 200);
    assert!(
        t.notifications(ADMIN2).await["notifications"]
            .as_array()
            .unwrap()
            .is_empty(),
        "dismissed is not listed"
    );
    assert_eq!(
        t.notifications(ADMIN).await["notifications"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // read-all
    t.advance(5 * DAY).await;
    assert_eq!(t.notifications(MODERATOR).await["unread_count"], 2);
    let r = t
        .post_empty("/api/v1/notifications/read-all", Some(MODERATOR))
        .await;
    assert_eq!(r.data()["unread_count"], 0);
    assert!(r.data()["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["read"] == true));
    assert_eq!(t.notifications(CURATOR).await["unread_count"], 2);
}

#[tokio::test]
async fn not_1_demo_fixture_notifications_follow_the_milestone_code() {
    let t = T::demo().await;
    let list = t.notifications(ADMIN).await;
    let got: Vec<(String, String, bool)> = list["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["account"]["handle"].as_str().unwrap().into(),
                n["milestone"].as_str().unwrap().into(),
                n["read"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("johnny".into(), "days5".into(), false),
            ("danni".into(), "days10".into(), false),
            ("hurray".into(), "expired".into(), false),
            ("johnny".into(), "days10".into(), true),
        ]
    );
    assert_eq!(list["unread_count"], 3);
    // Another user sees @hurray's earlier warnings (dismissed only for demo-admin).
    let other = t.notifications(ADMIN2).await;
    assert_eq!(
        milestones(&other, "acc_ig_hurray"),
        ["expired", "days5", "days10"]
    );
    assert_eq!(other["unread_count"], 6);
    // Impact is the /dependents computation.
    let deps = t
        .get(
            "/api/v1/social-accounts/acc_igb_johnny/dependents",
            Some(ADMIN),
        )
        .await;
    assert_eq!(&list["notifications"][0]["impact"], deps.data());
    assert_eq!(deps.data()["streams"][0]["name"], "Travel");
    assert_eq!(deps.data()["search_rank"], 4);
    assert_eq!(deps.data()["search_fallback"]["handle"], "lfqa");
}

#[tokio::test]
async fn tok_2_demo_days_left_compute_to_10_and_5() {
    let t = T::demo().await;
    let now =
        time::OffsetDateTime::parse(T0, &time::format_description::well_known::Rfc3339).unwrap();
    for (id, days) in [
        ("acc_ig_danni", 10),
        ("acc_igb_johnny", 5),
        ("acc_ig_lfqa", 45),
        ("acc_igb_shop", 30),
    ] {
        let a = t.account(id).await;
        let exp = time::OffsetDateTime::parse(
            a["token"]["expires_at"].as_str().unwrap(),
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap();
        let secs = (exp - now).whole_seconds();
        let left = (secs + DAY - 1).div_euclid(DAY);
        assert_eq!(left, days, "{id}");
    }
    assert_eq!(
        t.account("acc_ig_hurray").await["token"]["expires_at"],
        "2026-02-27T12:00:00Z"
    );
    assert_eq!(
        t.account("acc_igb_brandhq").await["token"]["invalidated"]["reason"],
        "password_changed"
    );
    assert_eq!(
        t.account("acc_tw_support").await["token"]["invalidated"]["reason"],
        "revoked"
    );
    assert_eq!(
        t.account("acc_tw_livefyre").await["token"]["expires_at"],
        Value::Null
    );
}

#[tokio::test]
async fn not_1_clock_changes_evaluate_immediately() {
    let t = T::demo().await;
    reset_json(&t, one_account_fixture(11 * DAY)).await;
    let r = t
        .put(
            "/__test/clock",
            None,
            json!({"now": "2026-03-02T12:00:00Z", "frozen": true}),
        )
        .await;
    assert_eq!(r.data()["now"], "2026-03-02T12:00:00Z");
    assert_eq!(r.data()["frozen"], true);
    // The notification exists in the store before any API call.
    assert!(t.dump().contains("days10"));
}

/// Issue 9: the bell asks every minute. An unchanged list answers `304` with no body (the
/// validator is the list's, not the answer's: `now` moves with every answer); a new milestone, a
/// read changes it, for the user who read it only.
#[tokio::test]
async fn perf_an_unchanged_list_is_not_sent_again() {
    let t = T::demo().await;
    reset_json(&t, one_account_fixture(11 * DAY)).await;
    let ask = |tag: String, who: &'static str| {
        let t = &t;
        async move {
            t.call(
                Method::GET,
                "/api/v1/notifications",
                Some(who),
                None,
                &[("if-none-match", tag.as_str())],
            )
            .await
        }
    };
    let first = t.get("/api/v1/notifications", Some(ADMIN)).await;
    assert_eq!(first.status, 200);
    let tag = first.header("etag");
    assert!(tag.starts_with("W/\"") && tag.ends_with('"'), "{tag}");
    assert_eq!(first.header("cache-control"), "no-store");

    // A minute later, nothing new: 304, no body, the same tag, and the server's time in `Date`
    // (TOK-2: the envelope's `now` is not there to say it).
    t.advance(60).await;
    let again = ask(tag.clone(), ADMIN).await;
    assert_eq!((again.status.as_u16(), again.text.as_str()), (304, ""));
    assert_eq!(again.header("etag"), tag);
    let now = time::OffsetDateTime::parse(
        first.json["now"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap()
        + time::Duration::seconds(60);
    let date = httpdate::parse_http_date(&again.header("date")).unwrap();
    assert_eq!(time::OffsetDateTime::from(date), now);
    // Weak comparison, lists of tags and `*` (RFC 9110).
    let strong = tag.trim_start_matches("W/").to_string();
    assert_eq!(ask(strong, ADMIN).await.status, 304);
    assert_eq!(ask(format!("\"other\", {tag}"), ADMIN).await.status, 304);
    assert_eq!(ask("*".into(), ADMIN).await.status, 304);
    assert_eq!(ask("W/\"other\"".into(), ADMIN).await.status, 200);

    // A milestone crossed (10 days left): the whole list, under a new tag.
    t.advance(DAY).await;
    let crossed = ask(tag.clone(), ADMIN).await;
    assert_eq!(crossed.status, 200);
    assert_eq!(milestones(crossed.data(), "acc_a"), ["days10"]);
    let tag10 = crossed.header("etag");
    assert_ne!(tag10, tag);
    assert_eq!(ask(tag10.clone(), ADMIN).await.status, 304);

    // Marking it read changes this user's list, so the old tag no longer matches; read state is
    // per user, so another user's list (the same until now) is unchanged.
    assert_eq!(ask(tag10.clone(), ADMIN2).await.status, 304);
    let id = crossed.data()["notifications"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    t.post_empty(&format!("/api/v1/notifications/{id}/read"), Some(ADMIN))
        .await;
    let read = ask(tag10.clone(), ADMIN).await;
    assert_eq!(read.status, 200);
    assert_eq!(read.data()["notifications"][0]["read"], true);
    assert_ne!(read.header("etag"), tag10);
    assert_eq!(ask(tag10, ADMIN2).await.status, 304);
}
