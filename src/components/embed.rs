//! Embedding in the Livefyre console (EMB-1, EMB-2): where the app mounts, the host's theme, and
//! the route and height it tells a host that frames it. See docs/embedding.md.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::CONFIG_ELEMENT_ID;
use crate::config::{Config, Mode, DEFAULT_HOST_ELEMENT};

/// The class of the element the app is mounted into: the app's base styles (font, colours,
/// box sizing) apply inside it only, never to the rest of a host page.
pub const ROOT_CLASS: &str = "stc-root";

/// The `type` of the message a framing host receives: `{type, path, height}`.
pub const MESSAGE_TYPE: &str = "social-console:state";

/// Where the app mounts: the host page's element (named by `host_element` in its configuration,
/// else `DEFAULT_HOST_ELEMENT` when the page has one), else `<body>`. Marked with `ROOT_CLASS`.
pub fn mount_target() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let named = document
        .get_element_by_id(CONFIG_ELEMENT_ID)
        .and_then(|el| el.text_content())
        .and_then(|json| Config::host_element_in(&json));
    let id = named.as_deref().unwrap_or(DEFAULT_HOST_ELEMENT);
    let target = document
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body())?;
    let _ = target.class_list().add_1(ROOT_CLASS);
    Some(target)
}

/// The id of the placeholder `index.html` shows until the app starts.
pub const STATIC_PLACEHOLDER_ID: &str = "stc-boot-static";

/// Removes `index.html`'s placeholder: from here on the app draws its own, in the same task, so
/// no frame is painted between the two.
pub fn remove_static_placeholder() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(STATIC_PLACEHOLDER_ID))
    {
        el.remove();
    }
}

/// Sets the host's `--stc-*` properties on the element the app is mounted into (CSSOM, which a
/// strict CSP allows; the names and values were checked by `Config::parse`).
fn apply_theme(theme: &[(String, String)]) {
    if theme.is_empty() {
        return;
    }
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!(".{ROOT_CLASS}")).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        for (name, value) in theme {
            let _ = root.style().set_property(name, value);
        }
    }
}

/// The window that frames this one, if any.
fn framing_parent(window: &web_sys::Window) -> Option<web_sys::Window> {
    let parent = window.parent().ok().flatten()?;
    let this: &JsValue = window.as_ref();
    let that: &JsValue = parent.as_ref();
    (this != that).then_some(parent)
}

/// The in-app route: the path under the base path, with the query (SHELL-3 keeps state there).
fn in_app_route(base_path: &str, pathname: &str, search: &str) -> String {
    let path = pathname.strip_prefix(base_path).unwrap_or(pathname);
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    if search.is_empty() || search == "?" {
        path
    } else if search.starts_with('?') {
        format!("{path}{search}")
    } else {
        format!("{path}?{search}")
    }
}

/// Applies the host's theme and, when the app runs embedded inside an iframe with a configured
/// `host_origin`, posts `{type, path, height}` to the parent whenever the route or the height
/// changes, addressed to that origin only (never `*`). Without a `host_origin` it posts nothing.
#[component]
pub fn EmbedBridge() -> impl IntoView {
    let config = expect_context::<Config>();
    apply_theme(&config.theme);
    let origin = match (&config.mode, &config.host_origin) {
        (Mode::Embedded, Some(origin)) => origin.clone(),
        _ => return,
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = framing_parent(&window) else {
        return;
    };
    let Some(html) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let location = use_location();
    let height = RwSignal::new(0_i32);
    let measure = {
        let html = html.clone();
        move || height.set(html.get_bounding_client_rect().height().ceil() as i32)
    };
    measure();
    let on_resize = Closure::<dyn Fn()>::new(measure);
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&html);
        let observer = SendWrapper::new(observer);
        on_cleanup(move || observer.disconnect());
    }
    // The observer calls back for as long as the page lives.
    on_resize.forget();
    let parent = SendWrapper::new(parent);
    let base_path = config.base_path.clone();
    Effect::new(move |_| {
        let route = in_app_route(&base_path, &location.pathname.get(), &location.search.get());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &MESSAGE_TYPE.into());
        let _ = js_sys::Reflect::set(&message, &"path".into(), &route.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.get().into());
        let _ = parent.post_message(&message, &origin);
    });
}
