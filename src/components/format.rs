//! Dates and numbers in the person's language and time zone, through the browser's `Intl`
//! (I18N-1): nothing to ship, and the time zone is the browser's own.
//!
//! `Intl` formatters are costly to create, and a grid of 500 results formats 1,500 values, so one
//! formatter per language and style is kept and reused.

use std::cell::RefCell;
use std::collections::HashMap;

use api_types::Timestamp;
use wasm_bindgen::JsValue;

use crate::i18n::Locale;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    Date,
    Long,
    DateTime,
    Short,
    Number,
}

thread_local! {
    static FORMATTERS: RefCell<HashMap<(Locale, Style), js_sys::Function>> = RefCell::new(HashMap::new());
}

fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

/// The bound `format` function of a cached `Intl` formatter.
fn formatter(locale: Locale, style: Style) -> js_sys::Function {
    FORMATTERS.with(|cache| {
        cache
            .borrow_mut()
            .entry((locale, style))
            .or_insert_with(|| {
                let locales = js_sys::Array::of1(&JsValue::from_str(locale.tag()));
                match style {
                    Style::Date => js_sys::Intl::DateTimeFormat::new(
                        &locales,
                        &options(&[("dateStyle", "medium")]),
                    )
                    .format(),
                    Style::Long => js_sys::Intl::DateTimeFormat::new(
                        &locales,
                        &options(&[("dateStyle", "long")]),
                    )
                    .format(),
                    // The exact moment with its time zone (ACC-4).
                    Style::DateTime => js_sys::Intl::DateTimeFormat::new(
                        &locales,
                        &options(&[
                            ("year", "numeric"),
                            ("month", "short"),
                            ("day", "numeric"),
                            ("hour", "2-digit"),
                            ("minute", "2-digit"),
                            ("timeZoneName", "short"),
                        ]),
                    )
                    .format(),
                    Style::Short => js_sys::Intl::DateTimeFormat::new(
                        &locales,
                        &options(&[("dateStyle", "short"), ("timeStyle", "short")]),
                    )
                    .format(),
                    Style::Number => {
                        js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new()).format()
                    }
                }
            })
            .clone()
    })
}

fn apply(locale: Locale, style: Style, value: &JsValue) -> String {
    formatter(locale, style)
        .call1(&JsValue::NULL, value)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn js_date(ts: Timestamp) -> JsValue {
    let ms = (ts.unix_timestamp_nanos() / 1_000_000) as f64;
    js_sys::Date::new(&JsValue::from_f64(ms)).into()
}

/// "Nov 26, 2026" / "26 nov 2026".
pub fn date(ts: Timestamp, locale: Locale) -> String {
    apply(locale, Style::Date, &js_date(ts))
}

/// "November 26, 2026" / "26 november 2026".
pub fn date_long(ts: Timestamp, locale: Locale) -> String {
    apply(locale, Style::Long, &js_date(ts))
}

/// "Nov 26, 2026, 11:00 AM CET" / "26 nov 2026, 11:00 CET": the exact moment, with its zone.
pub fn date_time(ts: Timestamp, locale: Locale) -> String {
    apply(locale, Style::DateTime, &js_date(ts))
}

/// "11/26/26, 11:00 AM" / "26-11-2026 11:00".
pub fn time(ts: Timestamp, locale: Locale) -> String {
    apply(locale, Style::Short, &js_date(ts))
}

/// The machine-readable form for `<time datetime>`.
pub fn iso(ts: Timestamp) -> String {
    ts.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// "1,234" / "1.234".
pub fn number(n: u64, locale: Locale) -> String {
    apply(locale, Style::Number, &JsValue::from_f64(n as f64))
}
