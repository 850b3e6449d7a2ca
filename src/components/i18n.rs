//! The current language as reactive context (I18N-1).

use leptos::prelude::*;

use crate::i18n::{text, Locale, Msg};

const STORAGE_KEY: &str = "stc.locale";

#[derive(Clone, Copy)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

impl I18n {
    /// The message in the current language; reading it subscribes the caller to locale changes.
    pub fn t(&self, msg: Msg) -> String {
        text(self.locale.get(), &msg).into_owned()
    }

    /// Switches language, remembers the choice and tells assistive technology (`<html lang>`).
    pub fn set(&self, locale: Locale) {
        self.locale.set(locale);
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item(STORAGE_KEY, locale.tag());
        }
        apply_lang(locale);
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn apply_lang(locale: Locale) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", locale.tag());
    }
}

/// The starting language: the host's if it set one, else the person's last choice, else the
/// browser's preference list.
pub fn initial_locale(host: Option<Locale>) -> Locale {
    if let Some(l) = host {
        return l;
    }
    let window = web_sys::window();
    let stored = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| Locale::from_tag(&tag));
    if let Some(l) = stored {
        return l;
    }
    let langs: Vec<String> = window
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    Locale::negotiate(langs.iter().map(String::as_str))
}

pub fn provide_i18n(locale: Locale) -> I18n {
    let i18n = I18n {
        locale: RwSignal::new(locale),
    };
    apply_lang(locale);
    provide_context(i18n);
    i18n
}
