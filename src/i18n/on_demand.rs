//! The Dutch catalogue arrives when Dutch is the language (issue 9).
//!
//! Both catalogues used to come with the first page: the Dutch one is about 40 KB of the main
//! module (its `match` and its strings, 12 KB gzip), which every English reader downloaded for
//! nothing. In the cut build (the `split` feature, `bin/build-wasm`) it is a chunk of its own,
//! `split_nl.wasm`, fetched by [`load`]. `components::i18n` awaits that before the language
//! signal says Dutch, when the console opens in Dutch as when Dutch is chosen from the menu, so
//! no screen is ever drawn in a Dutch locale with English words. If it never arrives the console
//! stays in English and says so.
//!
//! Without the `split` feature (tests, `cargo check`) the catalogue is simply there.

use std::borrow::Cow;

use super::{Locale, Msg};

#[cfg(all(feature = "split", target_arch = "wasm32"))]
mod chunk {
    use std::borrow::Cow;

    use leptos::wasm_split::SplitLoaderError;

    use super::super::{nl, Msg};

    #[leptos::wasm_split::wasm_split(
        nl,
        wasm_split_path = ::leptos::wasm_split,
        preload(fetch),
        fallible
    )]
    pub fn text(msg: &Msg) -> Result<Cow<'static, str>, SplitLoaderError> {
        Ok(nl::text(msg))
    }

    thread_local! {
        /// The chunk has arrived (the loader keeps it; it is never unloaded).
        pub static HERE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
}

/// Whether a language's catalogue is here, so that its text can be read now.
pub fn ready(locale: Locale) -> bool {
    match locale {
        Locale::En => true,
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        Locale::Nl => chunk::HERE.get(),
        #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
        Locale::Nl => true,
    }
}

/// Makes sure a language's catalogue is here; `false` if it could not be fetched (offline, a
/// deployment removed the file). A failure is not remembered: the next call tries again.
pub async fn load(locale: Locale) -> bool {
    if ready(locale) {
        return true;
    }
    #[cfg(all(feature = "split", target_arch = "wasm32"))]
    {
        let here = chunk::fetch().await.is_ok();
        chunk::HERE.set(here);
        here
    }
    #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
    true
}

/// The Dutch text of a message, or `None` while the catalogue is not here.
pub(super) fn nl_text(msg: &Msg) -> Option<Cow<'static, str>> {
    #[cfg(all(feature = "split", target_arch = "wasm32"))]
    return from_chunk(chunk::text(msg));
    #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
    Some(super::nl::text(msg))
}

/// The answer of a call into the catalogue's chunk, if the chunk is here (then the call's
/// future is ready at once); `None` otherwise, without starting a fetch.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
fn from_chunk<T>(
    call: impl std::future::Future<Output = Result<T, leptos::wasm_split::SplitLoaderError>>,
) -> Option<T> {
    if !ready(Locale::Nl) {
        return None;
    }
    crate::split::ready_now(call).and_then(Result::ok)
}
