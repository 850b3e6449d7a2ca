//! The stylesheet is checked like code: every rule closed, and every custom property it uses
//! declared (a host overrides them, EMB-2). A merge that drops one closing brace silently
//! swallows the rules after it; a variable used but never declared falls back to nothing.

use std::collections::BTreeSet;

fn stylesheet() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/style/app.css");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text without comments.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        match rest[start + 2..].find("*/") {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => panic!("a comment is never closed"),
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn emb_2_every_rule_is_closed() {
    let css = without_comments(&stylesheet());
    let mut open: Vec<usize> = Vec::new();
    for (i, line) in css.lines().enumerate() {
        for c in line.chars() {
            match c {
                '{' => open.push(i + 1),
                '}' => {
                    assert!(
                        open.pop().is_some(),
                        "a `}}` without its `{{` (line {})",
                        i + 1
                    );
                }
                _ => {}
            }
        }
        // Rules do not nest in this stylesheet except inside @media / @keyframes / @supports.
        assert!(open.len() <= 3, "braces nest too deep at line {}", i + 1);
    }
    assert!(
        open.is_empty(),
        "rules opened at lines {open:?} are never closed"
    );
}

#[test]
fn emb_2_every_custom_property_used_is_declared() {
    let css = without_comments(&stylesheet());
    let mut declared = BTreeSet::new();
    let mut used = BTreeSet::new();
    for (i, _) in css.match_indices("--stc-") {
        let name: String = css[i..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        let before = css[..i].trim_end();
        if before.ends_with("var(") {
            used.insert(name);
        } else if css[i + name.len()..].trim_start().starts_with(':') {
            declared.insert(name);
        }
    }
    let missing: Vec<_> = used.difference(&declared).collect();
    assert!(missing.is_empty(), "used but never declared: {missing:?}");
    assert!(
        used.len() > 50,
        "only {} variables found: the check is not reading the file",
        used.len()
    );
}
