//! Text and addresses written by people on social networks (SRCH-10).
//!
//! Every string is rendered as text (never as HTML). Addresses are only used when they are
//! plainly safe: links only to `https:` URLs, images only from `https:` URLs or from paths on the
//! API's own origin (the stand-in serves generated images under `/api/v1/media/`). Anything odd
//! (a scheme we do not allow, whitespace or control characters a browser would strip, a
//! backslash a browser would read as a slash, a protocol-relative `//host`) is refused rather
//! than repaired.

/// Characters that make an address ambiguous: browsers strip or reinterpret them.
fn has_ambiguous_chars(url: &str) -> bool {
    url.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\' || is_invisible(c))
}

/// Format characters that do not show (bidi controls, zero-width characters, BOM).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `https://host…` with a non-empty host.
fn is_https_url(url: &str) -> bool {
    let Some(prefix) = url.get(..8) else {
        return false;
    };
    if !prefix.eq_ignore_ascii_case("https://") {
        return false;
    }
    let rest = &url[8..];
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !host.contains('@')
}

/// A link target for untrusted data: the URL itself when it is `https:`, else `None`.
pub fn safe_link(url: &str) -> Option<&str> {
    (!has_ambiguous_chars(url) && is_https_url(url)).then_some(url)
}

/// An image source for untrusted data, or `None` when it must not be loaded.
///
/// `api_origin` is the API's origin (`scheme://host[:port]`, e.g. `http://127.0.0.1:8787`).
/// Accepted: `https:` URLs; absolute paths (`/api/v1/media/x.svg`), resolved against the API's
/// origin; absolute URLs on exactly the API's origin.
pub fn safe_image_src(url: &str, api_origin: &str) -> Option<String> {
    if url.is_empty() || has_ambiguous_chars(url) {
        return None;
    }
    if is_https_url(url) {
        return Some(url.to_string());
    }
    let origin_ok = !api_origin.is_empty() && !has_ambiguous_chars(api_origin);
    if url.starts_with('/') && !url.starts_with("//") {
        return origin_ok.then(|| format!("{api_origin}{url}"));
    }
    if origin_ok {
        if let Some(rest) = url.strip_prefix(api_origin) {
            if rest.starts_with('/') && !rest.starts_with("//") {
                return Some(url.to_string());
            }
        }
    }
    None
}

/// The start of a caption for a result card: whitespace (new lines, U+2028, tabs) folded into
/// single spaces, at most `max_chars` characters, with `…` when something was cut.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            pending_space = count > 0;
            continue;
        }
        if pending_space {
            if count + 1 >= max_chars {
                out.push('…');
                return out;
            }
            out.push(' ');
            count += 1;
            pending_space = false;
        }
        if count >= max_chars {
            out.push('…');
            return out;
        }
        out.push(c);
        count += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const API: &str = "http://127.0.0.1:8787";

    #[test]
    fn srch_10_links_only_to_https() {
        assert_eq!(
            safe_link("https://www.instagram.com/p/abc/"),
            Some("https://www.instagram.com/p/abc/")
        );
        assert_eq!(
            safe_link("HTTPS://www.instagram.com/p/abc/"),
            Some("HTTPS://www.instagram.com/p/abc/")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "\u{0}javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "http://www.instagram.com/p/abc/",
            "//evil.example/x",
            "/p/abc",
            "https:/\\evil.example",
            "https:///path",
            "https://user@evil.example/",
            "https://www.instagram.com/p/a b/",
            "https://example.com/\u{202E}gpj.exe",
            "",
        ] {
            assert_eq!(safe_link(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn srch_10_images_only_from_https_or_the_api_origin() {
        assert_eq!(
            safe_image_src("/api/v1/media/post_00001.svg", API).as_deref(),
            Some("http://127.0.0.1:8787/api/v1/media/post_00001.svg")
        );
        assert_eq!(
            safe_image_src("https://images.example.com/a.jpg", API).as_deref(),
            Some("https://images.example.com/a.jpg")
        );
        assert_eq!(
            safe_image_src("http://127.0.0.1:8787/api/v1/media/x.svg", API).as_deref(),
            Some("http://127.0.0.1:8787/api/v1/media/x.svg")
        );
        for bad in [
            "javascript:alert(1)",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "data:text/html,x",
            "http://images.example.com/a.jpg",
            "http://127.0.0.1:8787.evil.example/x.svg",
            "http://127.0.0.1:87870/x.svg",
            "//evil.example/x.svg",
            "/\\evil.example/x.svg",
            "/\t/evil.example/x.svg",
            "media/x.svg",
            "",
        ] {
            assert_eq!(safe_image_src(bad, API), None, "{bad:?}");
        }
        // Without a known API origin only https images are shown.
        assert_eq!(safe_image_src("/api/v1/media/x.svg", ""), None);
    }

    #[test]
    fn srch_2_caption_excerpt_is_short_and_on_one_line() {
        assert_eq!(excerpt("Sun and sea", 40), "Sun and sea");
        assert_eq!(excerpt("  Sun\n\nand\u{2028}sea  ", 40), "Sun and sea");
        assert_eq!(excerpt("abcdefghij", 5), "abcde…");
        assert_eq!(excerpt("abcd efghij", 5), "abcd…");
        assert_eq!(excerpt("", 5), "");
        let long = "é".repeat(100_000);
        assert_eq!(excerpt(&long, 120).chars().count(), 121);
        // Markup stays text: nothing is removed or interpreted.
        assert_eq!(excerpt("<script>x</script>", 80), "<script>x</script>");
    }
}
