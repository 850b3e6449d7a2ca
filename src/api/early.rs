//! Answers asked for before the app's code had arrived (issue 9).
//!
//! On a real network the console's first requests (its configuration, the session, the
//! notifications, the accounts) would leave only once the wasm has been downloaded, compiled and
//! started, a round trip or more after they could. `public/boot.js` asks for them as the page
//! starts, each with its own `AbortController`, and keeps the pending answers until 10 s after
//! the app has started (or aborts them if it cannot start).
//! The app's first request for the same address takes the answer instead of asking again, and
//! aborts through that controller when its page goes away or its time runs out (FAIL-1), as it
//! would its own request. An answer nobody takes is dropped; a guess `boot.js` got wrong costs a
//! request, never a wrong answer.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

#[wasm_bindgen]
extern "C" {
    /// One answer `boot.js` asked for: `{ response, controller, at }`.
    pub type Early;

    /// The pending `fetch`.
    #[wasm_bindgen(method, getter)]
    fn response(this: &Early) -> js_sys::Promise;

    /// Aborts that `fetch`.
    #[wasm_bindgen(method, getter)]
    pub fn controller(this: &Early) -> AbortController;

    /// When it was asked for, on `performance.now()`'s clock ([`crate::api::monotonic_ms`]).
    #[wasm_bindgen(method, getter)]
    pub fn at(this: &Early) -> f64;

    /// `boot.js`: the answer for `url` (resolved against the document's base URL), handed out
    /// once. Throws when there is no `boot.js` (the app started another way): caught.
    #[wasm_bindgen(js_namespace = __socialConsoleEarly, js_name = take, catch)]
    fn take_early(url: &str) -> Result<JsValue, JsValue>;
}

/// The answer `boot.js` asked for at `url`, if it did and nobody has taken it yet.
pub fn take(url: &str) -> Option<Early> {
    let early = take_early(url).ok()?;
    (!early.is_undefined() && !early.is_null()).then(|| early.unchecked_into())
}

impl Early {
    /// The answer as the app's own `fetch` would have given it.
    pub async fn answer(&self) -> Result<gloo_net::http::Response, JsValue> {
        let response = wasm_bindgen_futures::JsFuture::from(self.response()).await?;
        let response: web_sys::Response = response.dyn_into()?;
        Ok(response.into())
    }
}
