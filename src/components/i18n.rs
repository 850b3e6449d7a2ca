//! The current language as reactive context (I18N-1).

use std::borrow::Borrow;

use leptos::prelude::*;

use crate::i18n::{load, ready, text, Locale, Msg};

const STORAGE_KEY: &str = "stc.locale";

#[derive(Clone, Copy)]
pub struct I18n {
    /// The language every text is in. It only ever names a language whose catalogue is here
    /// (`i18n::on_demand`). Private: a view that read it directly would subscribe to the
    /// app-wide signal and outlive its screen (decisions.md, "Dead subscriptions"); views read
    /// [`I18n::lang`], and only [`I18n::set`] and [`I18n::switch`] change it.
    locale: RwSignal<Locale>,
    /// The language last asked for; a catalogue that arrives after another was chosen is not
    /// applied.
    wanted: StoredValue<Locale>,
    /// A language whose catalogue could not be fetched, until another choice succeeds.
    pub not_loaded: RwSignal<Option<Locale>>,
    /// What views read: `locale` itself, or under [`I18n::scoped`] a memo of it that lives only
    /// as long as the screen.
    lang: Signal<Locale>,
}

impl I18n {
    /// The message in the current language; reading it subscribes the caller to locale changes.
    /// Takes the message or a reference to it: a view that shows a message it holds lends it,
    /// as `Msg` is not `Clone` (its derived clone was 11 KB of the first load's wasm).
    pub fn t(&self, msg: impl Borrow<Msg>) -> String {
        text(self.lang(), msg.borrow()).into_owned()
    }

    /// The current language, for formatting dates and numbers; reading it subscribes the caller.
    pub fn lang(&self) -> Locale {
        // A screen's memo read after the screen went: the app-wide language is still right.
        self.lang.try_get().unwrap_or_else(|| self.locale.get())
    }

    /// The same context for one screen: its views read the language through a memo owned here.
    ///
    /// A render effect that goes away never unsubscribes from the signals it read (reactive_graph
    /// 0.2): every card that read the app-wide `locale` left its effect's allocation in that
    /// signal's subscriber list for the life of the app, about 0.6 MB of wasm memory each time
    /// 1,000 accounts were drawn (issue 9). The memo is disposed with the screen, taking its
    /// subscribers with it; only the memo subscribes to `locale`.
    /// Scoped again (a chunk of results inside a screen), it reads the outer memo.
    ///
    /// The outer memo may already be gone: a context stays on its owner when the owner is cleaned
    /// for a re-run, so a view shown again under the same owner (the bell's panel, opened a second
    /// time) finds the last showing's scoped context, whose memo was disposed with it. Then the
    /// new memo reads the app-wide language.
    pub fn scoped(self) -> Self {
        let (outer, app) = (self.lang, self.locale);
        Self {
            lang: Memo::new(move |_| outer.try_get().unwrap_or_else(|| app.get())).into(),
            ..self
        }
    }

    /// Provides [`I18n::scoped`] to the views below the current owner, and returns it.
    pub fn provide_scoped() -> Self {
        let scoped = use_i18n().scoped();
        provide_context(scoped);
        scoped
    }

    /// Switches language, remembers the choice and tells assistive technology (`<html lang>`).
    /// A catalogue that is not here yet is fetched first; the switch happens when it arrives.
    pub fn set(&self, locale: Locale) {
        let this = *self;
        if ready(locale) {
            this.wanted.try_set_value(locale);
            this.apply(locale, true);
        } else {
            leptos::task::spawn_local(async move { this.switch(locale, true).await });
        }
    }

    /// Switches to `locale` once its catalogue is here; `remember` keeps it as the person's
    /// choice. If it cannot be fetched the language stays as it was, and `not_loaded` says so.
    pub async fn switch(self, locale: Locale, remember: bool) {
        self.wanted.try_set_value(locale);
        let here = load(locale).await;
        // Another language was chosen meanwhile, or the app is gone.
        if self.wanted.try_get_value() != Some(locale) {
            return;
        }
        if here {
            self.apply(locale, remember);
        } else {
            self.not_loaded.try_set(Some(locale));
            // The menu shows the language still in use again.
            self.locale.try_update(|_| {});
        }
    }

    fn apply(self, locale: Locale, remember: bool) {
        self.not_loaded.try_set(None);
        if self.locale.try_get_untracked() != Some(locale) {
            self.locale.try_set(locale);
        }
        if remember {
            if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten())
            {
                let _ = storage.set_item(STORAGE_KEY, locale.tag());
            }
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

/// English until [`I18n::switch`] brings the starting language's catalogue, if it is not here.
pub fn provide_i18n(locale: Locale) -> I18n {
    let start = if ready(locale) { locale } else { Locale::En };
    let locale_signal = RwSignal::new(start);
    let i18n = I18n {
        locale: locale_signal,
        wanted: StoredValue::new(locale),
        not_loaded: RwSignal::new(None),
        lang: locale_signal.into(),
    };
    apply_lang(start);
    provide_context(i18n);
    i18n
}
