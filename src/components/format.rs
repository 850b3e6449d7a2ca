//! Dates and times for the reader (I18N-1): the browser's own `Intl.DateTimeFormat`, in the
//! person's time zone and the app's language. Nothing to ship, nothing compiled in.
//!
//! Formatters are costly to build and the Social Accounts page formats a date per card (1,000
//! cards with the large fixture), so one formatter per language and style is kept.

use std::cell::RefCell;

use api_types::Timestamp;
use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::i18n::Locale;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// "Jan 14, 2027" / "14 jan 2027".
    Date,
    /// "Jan 14, 2027, 09:00 CET" / "14 jan 2027, 09:00 CET": the exact moment, with its zone.
    DateTime,
}

thread_local! {
    static FORMATTERS: RefCell<Vec<(Locale, DateStyle, Intl::DateTimeFormat)>> =
        const { RefCell::new(Vec::new()) };
}

fn options(style: DateStyle) -> Object {
    let o = Object::new();
    let set = |k: &str, v: &str| {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    };
    set("year", "numeric");
    set("month", "short");
    set("day", "numeric");
    if style == DateStyle::DateTime {
        set("hour", "2-digit");
        set("minute", "2-digit");
        set("timeZoneName", "short");
    }
    o
}

/// Milliseconds since the epoch, as JavaScript counts.
pub fn epoch_ms(ts: Timestamp) -> f64 {
    (ts.unix_timestamp_nanos() / 1_000_000) as f64
}

/// Formats `ts` for the reader. No time zone is given to `Intl`, so it uses the browser's.
pub fn format(ts: Timestamp, locale: Locale, style: DateStyle) -> String {
    let date = Date::new(&JsValue::from_f64(epoch_ms(ts)));
    FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let existing = cache
            .iter()
            .position(|(l, s, _)| *l == locale && *s == style);
        let index = match existing {
            Some(i) => i,
            None => {
                let locales = Array::of1(&JsValue::from_str(locale.tag()));
                cache.push((
                    locale,
                    style,
                    Intl::DateTimeFormat::new(&locales, &options(style)),
                ));
                cache.len() - 1
            }
        };
        let (_, _, formatter) = &cache[index];
        formatter
            .format()
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    })
}

pub fn date(ts: Timestamp, locale: Locale) -> String {
    format(ts, locale, DateStyle::Date)
}

pub fn date_time(ts: Timestamp, locale: Locale) -> String {
    format(ts, locale, DateStyle::DateTime)
}
