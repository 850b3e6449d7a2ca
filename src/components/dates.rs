//! Dates for people (I18N-1): the browser's `Intl`, in the user's time zone and the console's
//! language. Nothing is shipped for it.

use api_types::Timestamp;
use wasm_bindgen::JsValue;

use crate::i18n::Locale;

/// A day, e.g. "November 24, 2026" / "24 november 2026".
pub fn format_date(ts: Timestamp, locale: Locale) -> String {
    let millis = (ts.unix_timestamp_nanos() / 1_000_000) as f64;
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    let locales = js_sys::Array::of1(&JsValue::from_str(locale.tag()));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
    format
        .call1(&JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|v| v.as_string())
        // Intl is everywhere the app runs; an ISO date is the honest fallback.
        .unwrap_or_else(|| ts.date().to_string())
}
