//! Holds `api/openapi.yaml` to the app's wire types: every example in the contract must decode
//! with the type the app uses for that operation and status, and must not carry fields those
//! types do not know (a typo in the contract or a field the types lack). Operations that are not
//! in the tables below fail the tests, so a new operation cannot be skipped silently.
//!
//! Run: `CARGO_TARGET_DIR=/work/target-contract cargo test -p api-types`

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use api_types::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

// ---------------------------------------------------------------- the tables

/// Decodes a JSON value with one type and serializes it back (for the unknown-field check).
type Decoder = fn(&Value) -> Result<Value, String>;

fn decode<T: DeserializeOwned + Serialize>(v: &Value) -> Result<Value, String> {
    let t: T = serde_json::from_value(v.clone()).map_err(|e| e.to_string())?;
    serde_json::to_value(&t).map_err(|e| e.to_string())
}

/// A non-JSON body (the generated SVG images): the example must be an SVG document.
fn svg(v: &Value) -> Result<Value, String> {
    match v.as_str() {
        Some(s) if s.trim_start().starts_with("<svg") && s.trim_end().ends_with("</svg>") => {
            Ok(v.clone())
        }
        _ => Err("expected an SVG document as a string".into()),
    }
}

/// The success statuses of every operation and the type its body decodes as.
fn success_decoder(operation_id: &str, status: &str) -> Option<Decoder> {
    let d: Decoder = match (operation_id, status) {
        ("getSession", "200") => decode::<Envelope<Session>>,
        ("listSocialAccounts", "200") => decode::<Envelope<Vec<SocialAccount>>>,
        ("addSocialAccount", "200") => decode::<Envelope<AuthorizationStart>>,
        ("reorderSocialAccounts", "200") => decode::<Envelope<Vec<SocialAccount>>>,
        ("updateSocialAccount", "200") => decode::<Envelope<SocialAccount>>,
        ("deleteSocialAccount", "200") => decode::<Envelope<Dependents>>,
        ("getAccountHistory", "200") => decode::<Envelope<Vec<HistoryEntry>>>,
        ("getAccountDependents", "200") => decode::<Envelope<Dependents>>,
        ("refreshSocialAccount", "200") => decode::<Envelope<AuthorizationStart>>,
        ("getOAuthFlow", "200") => decode::<Envelope<OAuthFlow>>,
        ("listNotifications", "200") => decode::<Envelope<NotificationList>>,
        ("markAllNotificationsRead", "200") => decode::<Envelope<NotificationList>>,
        ("markNotificationRead", "200") => decode::<Envelope<Notification>>,
        ("dismissNotification", "200") => decode::<Envelope<Notification>>,
        ("searchInstagram", "200") => decode::<Envelope<SearchPage>>,
        ("getMediaImage", "200") => svg,
        ("getPost", "200") => decode::<Envelope<Post>>,
        ("listAssets", "200") => decode::<Envelope<Vec<Asset>>>,
        ("saveAsset", "200") | ("saveAsset", "201") => decode::<Envelope<Asset>>,
        ("getAsset", "200") => decode::<Envelope<Asset>>,
        ("listRightsAccounts", "200") => decode::<Envelope<Vec<RightsAccount>>>,
        ("createRightsAccount", "201") => decode::<Envelope<RightsAccount>>,
        ("updateRightsAccount", "200") => decode::<Envelope<RightsAccount>>,
        ("listRightsRequests", "200") => decode::<Envelope<Vec<RightsRequest>>>,
        ("createRightsRequest", "200") | ("createRightsRequest", "201") => {
            decode::<Envelope<RightsRequest>>
        }
        ("createGrant", "201") => decode::<Envelope<RightsRequest>>,
        ("listActivity", "200") => decode::<Envelope<Vec<ActivityEntry>>>,
        ("listStreams", "200") => decode::<Envelope<Vec<Stream>>>,
        ("switchStreamAccount", "200") => decode::<Envelope<Stream>>,
        _ => return None,
    };
    Some(d)
}

/// Every operation (by operationId) with its request body type, `None` when it takes no body.
fn operations() -> BTreeMap<&'static str, Option<Decoder>> {
    let table: [(&'static str, Option<Decoder>); 29] = [
        ("getSession", None),
        ("listSocialAccounts", None),
        ("addSocialAccount", Some(decode::<AddAccount>)),
        ("reorderSocialAccounts", Some(decode::<ReorderAccounts>)),
        ("updateSocialAccount", Some(decode::<UpdateAccount>)),
        ("deleteSocialAccount", None),
        ("getAccountHistory", None),
        ("getAccountDependents", None),
        ("refreshSocialAccount", Some(decode::<RefreshRequest>)),
        ("getOAuthFlow", None),
        ("listNotifications", None),
        ("markAllNotificationsRead", None),
        ("markNotificationRead", None),
        ("dismissNotification", None),
        ("searchInstagram", None),
        ("getMediaImage", None),
        ("getPost", None),
        ("listAssets", None),
        ("saveAsset", Some(decode::<SaveAsset>)),
        ("getAsset", None),
        ("listRightsAccounts", None),
        ("createRightsAccount", Some(decode::<RightsAccountInput>)),
        ("updateRightsAccount", Some(decode::<RightsAccountInput>)),
        ("listRightsRequests", None),
        ("createRightsRequest", Some(decode::<CreateRightsRequest>)),
        ("createGrant", Some(decode::<CreateGrant>)),
        ("listActivity", None),
        ("listStreams", None),
        ("switchStreamAccount", Some(decode::<SwitchStreamAccount>)),
    ];
    table.into_iter().collect()
}

/// Component schemas that carry top-level `examples`, and the type each decodes as.
fn component_schema_decoder(name: &str) -> Option<Decoder> {
    #[derive(Serialize, Deserialize)]
    #[serde(transparent)]
    struct Rfc3339(#[serde(with = "time::serde::rfc3339")] OffsetDateTime);
    let d: Decoder = match name {
        "OAuthMessage" => decode::<OAuthMessage>,
        "Now" => decode::<Rfc3339>,
        _ => return None,
    };
    Some(d)
}

/// Every error code the app knows, except `Unknown` (which no server sends). The match makes a
/// new variant a compile error here until it is listed.
fn all_error_codes() -> Vec<ErrorCode> {
    use ErrorCode::*;
    let codes = vec![
        TokenExpired,
        TokenRevoked,
        IdentityMismatch,
        RateLimited,
        ValidationFailed,
        NotFound,
        Forbidden,
        Unauthenticated,
        Conflict,
        PayloadTooLarge,
        Internal,
    ];
    for c in &codes {
        match c {
            TokenExpired | TokenRevoked | IdentityMismatch | RateLimited | ValidationFailed
            | NotFound | Forbidden | Unauthenticated | Conflict | PayloadTooLarge | Internal
            | Unknown => {}
        }
    }
    codes
}

/// The HTTP statuses each error code may be answered with (see the contract's introduction).
fn statuses_for(code: ErrorCode) -> &'static [&'static str] {
    match code {
        ErrorCode::TokenExpired | ErrorCode::TokenRevoked => &["400"],
        ErrorCode::IdentityMismatch => &["409"],
        ErrorCode::RateLimited => &["429"],
        ErrorCode::ValidationFailed => &["422", "400", "415"],
        ErrorCode::NotFound => &["404"],
        ErrorCode::Forbidden => &["403"],
        ErrorCode::Unauthenticated => &["401"],
        ErrorCode::Conflict => &["409"],
        ErrorCode::PayloadTooLarge => &["413"],
        ErrorCode::Internal => &["500"],
        ErrorCode::Unknown => &[],
    }
}

// ---------------------------------------------------------------- reading the document

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn spec() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../api/openapi.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_yaml_ng::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid YAML: {e}", path.display()))
}

/// Follows local `$ref`s (`#/components/...`) until a value without one.
fn resolve<'a>(spec: &'a Value, mut v: &'a Value) -> &'a Value {
    for _ in 0..16 {
        let Some(r) = v.get("$ref").and_then(Value::as_str) else {
            return v;
        };
        let pointer = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("only local $refs are supported: {r}"));
        v = spec
            .pointer(pointer)
            .unwrap_or_else(|| panic!("dangling $ref {r}"));
    }
    panic!("$ref chain too long")
}

struct Operation<'a> {
    method: &'static str,
    path: String,
    id: String,
    op: &'a Value,
}

impl Operation<'_> {
    fn name(&self) -> String {
        format!("{} {} ({})", self.method.to_uppercase(), self.path, self.id)
    }
}

fn operations_in(spec: &Value) -> Vec<Operation<'_>> {
    let paths = spec["paths"].as_object().expect("`paths` is a mapping");
    let mut out = Vec::new();
    for (path, item) in paths {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                let id = op["operationId"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{method} {path} has no operationId"))
                    .to_string();
                out.push(Operation {
                    method,
                    path: path.clone(),
                    id,
                    op,
                });
            }
        }
    }
    out
}

/// The examples of one media type object: `example`, and every entry of `examples` (resolved).
fn examples_of<'a>(spec: &'a Value, media: &'a Value) -> Vec<(String, &'a Value)> {
    let mut out = Vec::new();
    if let Some(v) = media.get("example") {
        out.push(("example".to_string(), v));
    }
    if let Some(map) = media.get("examples").and_then(Value::as_object) {
        for (name, ex) in map {
            let ex = resolve(spec, ex);
            match ex.get("value") {
                Some(v) => out.push((name.clone(), v)),
                None => out.push((format!("{name} (no `value`)"), &Value::Null)),
            }
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Success,
    Error,
    Request,
    Component,
}

/// One example found in the document, with where it is and what it must decode as.
struct Example<'a> {
    at: String,
    kind: Kind,
    status: Option<String>,
    value: &'a Value,
    decoder: Option<Decoder>,
}

fn all_examples(spec: &Value) -> Vec<Example<'_>> {
    let table = operations();
    let mut out = Vec::new();
    for o in operations_in(spec) {
        if let Some(body) = o.op.get("requestBody") {
            let body = resolve(spec, body);
            for (mt, media) in body["content"].as_object().into_iter().flatten() {
                for (name, value) in examples_of(spec, media) {
                    out.push(Example {
                        at: format!("{} request body {mt} example `{name}`", o.name()),
                        kind: Kind::Request,
                        status: None,
                        value,
                        decoder: table.get(o.id.as_str()).copied().flatten(),
                    });
                }
            }
        }
        for (status, resp) in o.op["responses"].as_object().into_iter().flatten() {
            let resp = resolve(spec, resp);
            let error = !status.starts_with('2');
            for (mt, media) in resp["content"].as_object().into_iter().flatten() {
                for (name, value) in examples_of(spec, media) {
                    out.push(Example {
                        at: format!("{} response {status} {mt} example `{name}`", o.name()),
                        kind: if error { Kind::Error } else { Kind::Success },
                        status: Some(status.clone()),
                        value,
                        decoder: if error {
                            Some(decode::<ErrorEnvelope> as Decoder)
                        } else {
                            success_decoder(&o.id, status)
                        },
                    });
                }
            }
        }
    }
    let schemas = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object);
    for (name, schema) in schemas.into_iter().flatten() {
        for (i, value) in schema
            .get("examples")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            out.push(Example {
                at: format!("components/schemas/{name} examples[{i}]"),
                kind: Kind::Component,
                status: None,
                value,
                decoder: component_schema_decoder(name),
            });
        }
    }
    out
}

/// Drops `null`s and empty arrays: absent, `null` and `[]` mean the same to the app's types
/// (`Option` fields, defaulted `Vec`s), so they are not differences.
fn normalize(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(_, v)| !v.is_null() && !matches!(v, Value::Array(a) if a.is_empty()))
                .map(|(k, v)| (k.clone(), normalize(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(normalize).collect()),
        other => other.clone(),
    }
}

/// Where `example` and `decoded` differ, as JSON pointers with what each side has.
fn differences(example: &Value, decoded: &Value, at: &str, out: &mut Vec<String>) {
    match (example, decoded) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for k in keys {
                let p = format!("{at}/{k}");
                match (a.get(k), b.get(k)) {
                    (Some(x), Some(y)) => differences(x, y, &p, out),
                    (Some(_), None) => {
                        out.push(format!("{p}: in the example, unknown to the app's type"))
                    }
                    (None, Some(y)) => {
                        out.push(format!("{p}: missing from the example (the type has {y})"))
                    }
                    (None, None) => {}
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                differences(x, y, &format!("{at}/{i}"), out);
            }
        }
        (a, b) if a != b => out.push(format!("{at}: example has {a}, the type writes {b}")),
        _ => {}
    }
}

fn fail_with(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n  - {}",
        problems.len(),
        problems.join("\n  - ")
    );
}

// ---------------------------------------------------------------- the tests

#[test]
fn contract_every_example_decodes_with_app_types() {
    let spec = spec();
    let examples = all_examples(&spec);
    assert!(
        examples.len() > 50,
        "expected the contract's examples, found {}",
        examples.len()
    );
    let mut problems = Vec::new();
    for ex in &examples {
        match ex.decoder {
            None => problems.push(format!("{}: no type in the decode table", ex.at)),
            Some(d) => {
                if let Err(e) = d(ex.value) {
                    problems.push(format!("{}: does not decode: {e}", ex.at));
                }
            }
        }
    }
    fail_with("examples that the app's types cannot decode", &problems);
}

#[test]
fn contract_examples_use_only_fields_the_app_types_know() {
    let spec = spec();
    let mut problems = Vec::new();
    for ex in all_examples(&spec) {
        let Some(d) = ex.decoder else { continue };
        let Ok(decoded) = d(ex.value) else { continue };
        let mut diffs = Vec::new();
        differences(&normalize(ex.value), &normalize(&decoded), "", &mut diffs);
        for diff in diffs {
            problems.push(format!("{}: {diff}", ex.at));
        }
    }
    fail_with(
        "examples that do not round-trip through the app's types",
        &problems,
    );
}

#[test]
fn contract_every_operation_is_in_the_decode_table() {
    let spec = spec();
    let table = operations();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for o in operations_in(&spec) {
        if !seen.insert(o.id.clone()) {
            problems.push(format!("{}: operationId used twice", o.name()));
        }
        let Some(request) = table.get(o.id.as_str()) else {
            problems.push(format!(
                "{}: not in the operations() table of this test",
                o.name()
            ));
            continue;
        };
        match (o.op.get("requestBody").is_some(), request.is_some()) {
            (true, false) => problems.push(format!(
                "{}: takes a request body, the table has no type for it",
                o.name()
            )),
            (false, true) => problems.push(format!(
                "{}: the table has a request type, the contract no request body",
                o.name()
            )),
            _ => {}
        }
        for status in o.op["responses"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(s, _)| s)
        {
            if status.starts_with('2') && success_decoder(&o.id, status).is_none() {
                problems.push(format!(
                    "{}: success status {status} has no type in success_decoder()",
                    o.name()
                ));
            }
        }
    }
    for id in table.keys() {
        if !seen.contains(*id) {
            problems.push(format!("{id}: in the test's table but not in the contract"));
        }
    }
    fail_with("operations and the decode tables disagree", &problems);
}

#[test]
fn contract_every_response_and_request_body_has_an_example() {
    let spec = spec();
    let mut problems = Vec::new();
    for o in operations_in(&spec) {
        if let Some(body) = o.op.get("requestBody") {
            let body = resolve(&spec, body);
            let content = body["content"].as_object();
            if content.is_none_or(|c| c.is_empty()) {
                problems.push(format!("{}: request body without content", o.name()));
            }
            for (mt, media) in content.into_iter().flatten() {
                if examples_of(&spec, media).is_empty() {
                    problems.push(format!("{}: request body {mt} has no example", o.name()));
                }
            }
        }
        let responses = o.op["responses"].as_object();
        if responses.is_none_or(|r| r.is_empty()) {
            problems.push(format!("{}: no responses", o.name()));
        }
        for (status, resp) in responses.into_iter().flatten() {
            let resp = resolve(&spec, resp);
            let content = resp["content"].as_object();
            // `304 Not Modified` is the one answer without a body (RFC 9110, 15.4.5).
            if status == "304" {
                if content.is_some() {
                    problems.push(format!("{}: response 304 has content", o.name()));
                }
                continue;
            }
            if content.is_none_or(|c| c.is_empty()) {
                problems.push(format!("{}: response {status} has no content", o.name()));
            }
            for (mt, media) in content.into_iter().flatten() {
                if examples_of(&spec, media).is_empty() {
                    problems.push(format!(
                        "{}: response {status} {mt} has no example",
                        o.name()
                    ));
                }
            }
        }
    }
    fail_with("responses or request bodies without an example", &problems);
}

#[test]
fn contract_every_error_code_appears_in_an_example() {
    let spec = spec();
    let mut seen = BTreeSet::new();
    for ex in all_examples(&spec) {
        if ex.kind != Kind::Error {
            continue;
        }
        if let Ok(e) = serde_json::from_value::<ErrorEnvelope>(ex.value.clone()) {
            seen.insert(format!("{:?}", e.error.code));
        }
    }
    let missing: Vec<String> = all_error_codes()
        .into_iter()
        .map(|c| format!("{c:?}"))
        .filter(|c| !seen.contains(c))
        .collect();
    fail_with("error codes without an example in the contract", &missing);
}

#[test]
fn contract_error_examples_use_the_status_of_their_code() {
    let spec = spec();
    let mut problems = Vec::new();
    for ex in all_examples(&spec) {
        if ex.kind != Kind::Error {
            continue;
        }
        let Ok(e) = serde_json::from_value::<ErrorEnvelope>(ex.value.clone()) else {
            continue;
        };
        let status = ex.status.as_deref().unwrap_or("");
        let allowed = statuses_for(e.error.code);
        if !allowed.contains(&status) {
            problems.push(format!(
                "{}: code {:?} under status {status}, expected one of {allowed:?}",
                ex.at, e.error.code
            ));
        }
        let needs_account = matches!(
            e.error.code,
            ErrorCode::TokenExpired
                | ErrorCode::TokenRevoked
                | ErrorCode::RateLimited
                | ErrorCode::IdentityMismatch
        );
        if needs_account && e.error.account_id.is_none() {
            problems.push(format!("{}: {:?} without account_id", ex.at, e.error.code));
        }
        if e.error.code == ErrorCode::RateLimited && e.error.resets_at.is_none() {
            problems.push(format!("{}: rate_limited without resets_at", ex.at));
        }
        if e.error.code == ErrorCode::ValidationFailed && e.error.fields.is_empty() {
            problems.push(format!("{}: validation_failed without fields", ex.at));
        }
    }
    fail_with("error examples that break the error conventions", &problems);
}

#[test]
fn contract_every_error_response_uses_the_one_error_schema() {
    let spec = spec();
    let mut problems = Vec::new();
    for o in operations_in(&spec) {
        for (status, resp) in o.op["responses"].as_object().into_iter().flatten() {
            if status.starts_with('2') {
                continue;
            }
            let resp = resolve(&spec, resp);
            for (mt, media) in resp["content"].as_object().into_iter().flatten() {
                let schema_ref = media
                    .pointer("/schema/$ref")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                if mt != "application/json" || schema_ref != "#/components/schemas/ErrorEnvelope" {
                    problems.push(format!(
                        "{}: response {status} {mt} is not application/json with the ErrorEnvelope schema",
                        o.name()
                    ));
                }
            }
        }
    }
    fail_with("error responses with another shape", &problems);
}

#[test]
fn contract_request_bodies_are_strict_in_schema_and_types() {
    let spec = spec();
    let mut problems = Vec::new();
    for ex in all_examples(&spec) {
        if ex.kind != Kind::Request {
            continue;
        }
        let (Some(d), Some(obj)) = (ex.decoder, ex.value.as_object()) else {
            continue;
        };
        let mut extra = obj.clone();
        extra.insert("surplus_field".into(), Value::Bool(true));
        if d(&Value::Object(extra)).is_ok() {
            problems.push(format!(
                "{}: the app's request type accepts an unknown field",
                ex.at
            ));
        }
    }
    for o in operations_in(&spec) {
        let Some(body) = o.op.get("requestBody") else {
            continue;
        };
        let body = resolve(&spec, body);
        for (mt, media) in body["content"].as_object().into_iter().flatten() {
            let schema = resolve(&spec, &media["schema"]);
            if schema.get("additionalProperties") != Some(&Value::Bool(false)) {
                problems.push(format!(
                    "{}: request body {mt} schema allows additional properties",
                    o.name()
                ));
            }
        }
    }
    fail_with("request bodies that are not strict", &problems);
}

#[test]
fn contract_success_bodies_are_envelopes_with_server_time() {
    let spec = spec();
    let mut problems = Vec::new();
    for o in operations_in(&spec) {
        for (status, resp) in o.op["responses"].as_object().into_iter().flatten() {
            if !status.starts_with('2') {
                continue;
            }
            let resp = resolve(&spec, resp);
            let Some(media) = resp.pointer("/content/application~1json") else {
                continue;
            };
            let schema = resolve(&spec, &media["schema"]);
            let required: Vec<&str> = schema["required"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let now_ref = schema
                .pointer("/properties/now/$ref")
                .and_then(Value::as_str);
            if !(required.contains(&"now") && required.contains(&"data"))
                || now_ref != Some("#/components/schemas/Now")
            {
                problems.push(format!(
                    "{}: response {status} is not {{now, data}} with now = #/components/schemas/Now",
                    o.name()
                ));
            }
        }
    }
    fail_with("success responses that are not envelopes", &problems);
}
