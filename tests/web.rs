//! Browser component tests: components mounted in headless Chromium, clicked, asserted.
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown`
//! (bin/test does this).
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use social_token_console::api::AppError;
use social_token_console::components::i18n::provide_i18n;
use social_token_console::components::states::{ErrorNotice, ErrorSlot};
use social_token_console::config::Config;
use social_token_console::i18n::{Locale, Msg};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn config() -> Config {
    Config::parse(
        r#"{"api_base":"/api/v1","sign_in_url":"/auth/sign-in"}"#,
        "/",
    )
    .unwrap()
}

fn text(el: &HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn fail_1_a_transient_error_is_in_words_with_a_retry_that_runs() {
    let root = container();
    let retries = RwSignal::new(0);
    let on_retry = Callback::new(move |_| retries.update(|n| *n += 1));
    let _handle = mount_to(root.clone(), move || {
        provide_i18n(Locale::En);
        provide_context(config());
        view! { <ErrorNotice error=AppError::Server { status: 503 } on_retry/> }
    });
    assert!(text(&root).contains("The server had a problem"));
    assert!(
        text(&root).contains("does not change any token"),
        "FAIL-3 said in words"
    );
    let button: HtmlElement = root
        .query_selector("button")
        .unwrap()
        .expect("a retry button")
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Try again");
    button.click();
    assert_eq!(retries.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn fail_1_no_retry_where_a_retry_cannot_help() {
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        provide_i18n(Locale::En);
        provide_context(config());
        view! { <ErrorNotice error=AppError::Forbidden on_retry=Callback::new(|_| ())/> }
    });
    assert!(text(&root).contains("Your role does not allow this"));
    assert!(root.query_selector("button").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn fail_2_session_ended_offers_sign_in_and_the_way_back() {
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        provide_i18n(Locale::En);
        provide_context(config());
        view! { <ErrorNotice error=AppError::SessionEnded/> }
    });
    let link = root.query_selector("a").unwrap().expect("a sign-in link");
    assert_eq!(link.text_content().unwrap(), "Sign in");
    let href = link.get_attribute("href").unwrap();
    let here = web_sys::window().unwrap().location().pathname().unwrap();
    assert!(href.starts_with("/auth/sign-in?return_to="), "{href}");
    assert!(
        href.ends_with(&js_sys::encode_uri_component(&here).as_string().unwrap()),
        "{href}"
    );
    // The router must not swallow it: it leaves the app.
    assert_eq!(link.get_attribute("rel").as_deref(), Some("external"));
    assert!(
        !text(&root).contains("token"),
        "a console session is never called a token"
    );
}

#[wasm_bindgen_test]
async fn a11y_1_the_error_live_region_exists_before_it_fills() {
    let root = container();
    let error = RwSignal::new(None::<AppError>);
    let _handle = mount_to(root.clone(), move || {
        provide_i18n(Locale::En);
        provide_context(config());
        view! { <ErrorSlot error=error/> }
    });
    let region = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("the live region is there while empty");
    assert_eq!(text(&root), "");
    error.set(Some(AppError::Timeout));
    leptos::task::tick().await;
    let same = root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(
        same.is_same_node(Some(&region)),
        "the region is filled, not replaced"
    );
    assert!(text(&root).contains("took too long"));
}

#[wasm_bindgen_test]
async fn i18n_1_switching_language_changes_the_text_and_the_page_language() {
    let root = container();
    let i18n_slot = Rc::new(Cell::new(None));
    let slot = i18n_slot.clone();
    let _handle = mount_to(root.clone(), move || {
        let i18n = provide_i18n(Locale::En);
        slot.set(Some(i18n));
        view! { <h1>{move || i18n.t(Msg::TabSettings)}</h1> }
    });
    assert_eq!(text(&root), "Settings");
    let i18n = i18n_slot.get().unwrap();
    i18n.set(Locale::Nl);
    leptos::task::tick().await;
    assert_eq!(text(&root), "Instellingen");
    let lang = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .get_attribute("lang");
    assert_eq!(lang.as_deref(), Some("nl"));
    i18n.set(Locale::En);
}

/// A view shown, hidden and shown again under the same owner (the bell's panel) scopes the
/// language again from a context whose memo went with the first showing; it must still read and
/// follow the language, not panic on the disposed memo.
#[wasm_bindgen_test]
async fn i18n_1_a_scoped_view_shown_again_reads_and_follows_the_language() {
    use social_token_console::components::i18n::I18n;

    #[component]
    fn Scoped() -> impl IntoView {
        let i18n = I18n::provide_scoped();
        view! { <p>{move || i18n.t(Msg::TabSettings)}</p> }
    }

    let root = container();
    let slot = Rc::new(Cell::new(None));
    let handle = slot.clone();
    let _mounted = mount_to(root.clone(), move || {
        let i18n = provide_i18n(Locale::En);
        let open = RwSignal::new(true);
        handle.set(Some((i18n, open)));
        view! { <div>{move || open.get().then(|| view! { <Scoped/> })}</div> }
    });
    let (i18n, open) = slot.get().unwrap();
    assert_eq!(text(&root), "Settings");
    open.set(false);
    leptos::task::tick().await;
    assert_eq!(text(&root), "");
    open.set(true);
    leptos::task::tick().await;
    assert_eq!(text(&root), "Settings");
    i18n.set(Locale::Nl);
    leptos::task::tick().await;
    assert_eq!(text(&root), "Instellingen");
    i18n.set(Locale::En);
}

/// TOK-2: a `304` has no `now`; the server's time is its `Date` header. The browser's parser
/// reads it; a date it reads but the app cannot hold, or no date, is `None`, never a panic.
#[wasm_bindgen_test]
fn tok_2_the_servers_date_header_is_read_without_panicking() {
    use social_token_console::api::http_date;
    let at = http_date("Fri, 27 Nov 2026 19:27:36 GMT").map(|t| t.unix_timestamp());
    assert_eq!(at, Some(1_795_807_656));
    assert_eq!(http_date("tomorrow"), None);
    assert_eq!(http_date(""), None);
    assert_eq!(http_date("Sat, 01 Jan 200000 00:00:00 GMT"), None);
    assert_eq!(http_date("Sat, 01 Jan 20000 00:00:00 GMT"), None);
}
