//! Rights-request messages (RR-2, RR-9): the template placeholders and how long a message is in
//! the eyes of the network that will carry it. The app's counter and the API's check both use
//! this module, so the counter can never say "fits" for a message the API then refuses.
//!
//! - Twitter counts a weighted length (its published `twitter-text` rules, version 3): most
//!   Latin, Greek, Cyrillic and punctuation characters count 1, other characters (CJK, most
//!   symbols) count 2, an emoji counts 2 however many code points it is built from (👍🏽, 👨‍👩‍👧,
//!   🇳🇱), and a link counts 23 whatever its length, because Twitter shortens it.
//! - Instagram documents only "2,200 characters" for a comment; we count Unicode code points
//!   (what its servers count), so an emoji built from several code points counts each of them.
//!   That errs on the safe side: a message we accept is never too long for Instagram.

use crate::SocialNetwork;

/// The placeholders every template must contain, in the order they are explained to people.
pub const PLACEHOLDERS: [&str; 3] = ["handle", "grantTag", "termsLink"];

/// What is wrong with a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateProblem {
    /// A required placeholder is absent, e.g. `{termsLink}`.
    Missing(&'static str),
    /// Something between braces that is not a placeholder (a misspelling such as `{Handle}` or
    /// `{grant_tag}`, or a brace left open), as written.
    Unknown(String),
}

/// Every problem of `template`, unknown placeholders first (in order of appearance), then the
/// missing ones. Empty when the template is good.
pub fn template_problems(template: &str) -> Vec<TemplateProblem> {
    let mut found: Vec<&str> = Vec::new();
    let mut problems = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find(['}', '{']) {
            Some(end) if after[end..].starts_with('}') => {
                let name = &after[..end];
                match PLACEHOLDERS.iter().find(|p| **p == name) {
                    Some(p) => found.push(p),
                    None => problems.push(TemplateProblem::Unknown(format!("{{{name}}}"))),
                }
                rest = &after[end + 1..];
            }
            Some(end) => {
                problems.push(TemplateProblem::Unknown(format!("{{{}", &after[..end])));
                rest = &after[end..];
            }
            None => {
                problems.push(TemplateProblem::Unknown(format!("{{{after}")));
                rest = "";
            }
        }
    }
    for p in PLACEHOLDERS {
        if !found.contains(&p) {
            problems.push(TemplateProblem::Missing(p));
        }
    }
    problems
}

/// The final message: each placeholder replaced (`handle` without `@`, `grant_tag` without `#`:
/// templates write `@{handle}` and `#{grantTag}`). Anything else is left as written.
///
/// One pass over the template: a value is put in as written and never filled in again, so a
/// handle or hashtag that looks like a placeholder (`{termsLink}`) stays text (found by the
/// property tests in `tests/fuzz.rs`).
pub fn fill(template: &str, handle: &str, grant_tag: &str, terms_link: &str) -> String {
    let mut out = String::with_capacity(template.len() + handle.len() + terms_link.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let found = [
            ("{handle}", handle),
            ("{grantTag}", grant_tag),
            ("{termsLink}", terms_link),
        ]
        .into_iter()
        .find(|(p, _)| after.starts_with(p));
        match found {
            Some((p, value)) => {
                out.push_str(value);
                rest = &after[p.len()..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The longest message the network takes: Twitter 280, Instagram (and Instagram Business)
/// comments 2,200.
pub fn message_limit(network: SocialNetwork) -> usize {
    match network {
        SocialNetwork::Twitter => 280,
        _ => 2_200,
    }
}

/// How long `text` is for `network` (see the module's notes).
pub fn message_length(network: SocialNetwork, text: &str) -> usize {
    match network {
        SocialNetwork::Twitter => twitter_length(text),
        _ => text.chars().count(),
    }
}

/// What Twitter counts a link as, whatever its length.
const TWITTER_URL_LENGTH: usize = 23;

fn twitter_length(text: &str) -> usize {
    let mut total = 0;
    // Words are split on whitespace only to find links; everything else is counted per
    // character, including the whitespace itself.
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(word_end);
        total += twitter_word_length(word);
        let space_end = tail
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(tail.len());
        total += tail[..space_end].chars().map(twitter_weight).sum::<usize>();
        rest = &tail[space_end..];
    }
    total
}

fn twitter_word_length(word: &str) -> usize {
    if is_link(word) {
        return TWITTER_URL_LENGTH;
    }
    let chars: Vec<char> = word.chars().collect();
    let mut total = 0;
    let mut i = 0;
    while i < chars.len() {
        match emoji_len(&chars[i..]) {
            Some(n) => {
                total += 2;
                i += n;
            }
            None => {
                total += twitter_weight(chars[i]);
                i += 1;
            }
        }
    }
    total
}

/// A word that starts with `http://` or `https://` and has something after it.
fn is_link(word: &str) -> bool {
    ["https://", "http://"].iter().any(|scheme| {
        word.len() > scheme.len()
            && word
                .get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    })
}

/// `twitter-text` v3: these ranges weigh 1, every other character 2.
fn twitter_weight(c: char) -> usize {
    match u32::from(c) {
        0..=4_351 | 8_192..=8_205 | 8_208..=8_223 | 8_242..=8_247 => 1,
        _ => 2,
    }
}

const ZWJ: char = '\u{200D}';
const KEYCAP: char = '\u{20E3}';

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Characters that start an emoji on their own.
fn is_emoji_base(c: char) -> bool {
    matches!(u32::from(c),
        0x1F000..=0x1FAFF
        | 0x2600..=0x27BF
        | 0x2300..=0x23FF
        | 0x2B00..=0x2BFF
        | 0x2190..=0x21FF
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139)
}

/// Characters that modify the emoji before them: variation selectors, skin tones, tags.
fn is_emoji_modifier(c: char) -> bool {
    matches!(u32::from(c), 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
}

/// How many characters the emoji starting at `chars[0]` spans, if one does.
fn emoji_len(chars: &[char]) -> Option<usize> {
    let first = *chars.first()?;
    // A keycap: 1️⃣, #️⃣, *⃣.
    if first.is_ascii_digit() || first == '#' || first == '*' {
        return match chars.get(1..) {
            Some([KEYCAP, ..]) => Some(2),
            Some(['\u{FE0F}', KEYCAP, ..]) => Some(3),
            _ => None,
        };
    }
    // A flag: two regional indicators.
    if is_regional_indicator(first) {
        return Some(
            if chars.get(1).copied().is_some_and(is_regional_indicator) {
                2
            } else {
                1
            },
        );
    }
    if !is_emoji_base(first) {
        return None;
    }
    let mut n = 1;
    loop {
        match chars.get(n) {
            Some(&c) if is_emoji_modifier(c) || c == KEYCAP => n += 1,
            Some(&ZWJ) if chars.get(n + 1).copied().is_some_and(is_emoji_base) => n += 2,
            _ => break,
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use SocialNetwork::{Instagram, Twitter};

    #[test]
    fn rr2_a_good_template_has_no_problems() {
        let t = "Hi @{handle}! Reply #{grantTag} to agree to {termsLink}";
        assert_eq!(template_problems(t), vec![]);
    }

    #[test]
    fn rr2_missing_and_misspelled_placeholders_are_named() {
        let t = "Hi @{Handle}! Reply #{grant_tag}";
        assert_eq!(
            template_problems(t),
            vec![
                TemplateProblem::Unknown("{Handle}".into()),
                TemplateProblem::Unknown("{grant_tag}".into()),
                TemplateProblem::Missing("handle"),
                TemplateProblem::Missing("grantTag"),
                TemplateProblem::Missing("termsLink"),
            ]
        );
    }

    #[test]
    fn rr2_an_open_brace_is_named_as_written() {
        let t = "@{handle} #{grantTag} {termsLink} and {oops";
        assert_eq!(
            template_problems(t),
            vec![TemplateProblem::Unknown("{oops".into())]
        );
        let t = "@{handle {grantTag} {termsLink}";
        assert_eq!(
            template_problems(t),
            vec![
                TemplateProblem::Unknown("{handle ".into()),
                TemplateProblem::Missing("handle"),
            ]
        );
    }

    #[test]
    fn rr2_fill_replaces_every_placeholder() {
        let m = fill(
            "@{handle} #{grantTag} {termsLink} @{handle}",
            "sunny.days",
            "yesbrand",
            "https://brand.example.com/t",
        );
        assert_eq!(
            m,
            "@sunny.days #yesbrand https://brand.example.com/t @sunny.days"
        );
    }

    #[test]
    fn rr2_limits_per_network() {
        assert_eq!(message_limit(Twitter), 280);
        assert_eq!(message_limit(Instagram), 2_200);
        assert_eq!(message_limit(SocialNetwork::InstagramBusiness), 2_200);
    }

    #[test]
    fn rr2_twitter_counts_latin_1_and_cjk_2() {
        assert_eq!(message_length(Twitter, "héllo"), 5);
        assert_eq!(message_length(Twitter, "日本"), 4);
        assert_eq!(message_length(Twitter, "a b\n"), 4);
    }

    #[test]
    fn rr2_twitter_counts_each_emoji_2_however_it_is_built() {
        assert_eq!(message_length(Twitter, "😀"), 2);
        // Sun with variation selector, thumbs up with skin tone.
        assert_eq!(message_length(Twitter, "☀️"), 2);
        assert_eq!(message_length(Twitter, "👍🏽"), 2);
        // Family: three people joined by zero-width joiners.
        assert_eq!(message_length(Twitter, "👨‍👩‍👧"), 2);
        // Flag of the Netherlands: two regional indicators.
        assert_eq!(message_length(Twitter, "🇳🇱"), 2);
        assert_eq!(message_length(Twitter, "1️⃣"), 2);
        assert_eq!(message_length(Twitter, "ok 😀😀"), 7);
    }

    #[test]
    fn rr2_twitter_counts_a_link_23() {
        assert_eq!(
            message_length(Twitter, "https://brand.example.com/ugc-terms"),
            23
        );
        assert_eq!(message_length(Twitter, "see https://x.co"), 4 + 23);
        // Not a link: nothing after the scheme.
        assert_eq!(message_length(Twitter, "https://"), 8);
    }

    #[test]
    fn rr2_instagram_counts_code_points() {
        assert_eq!(message_length(Instagram, "héllo"), 5);
        assert_eq!(message_length(Instagram, "😀"), 1);
        assert_eq!(message_length(Instagram, "👨‍👩‍👧"), 5);
        assert_eq!(
            message_length(Instagram, "https://brand.example.com/ugc-terms"),
            35
        );
    }
}
