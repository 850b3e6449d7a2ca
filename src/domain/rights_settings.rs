//! Settings › Network Settings › Rights Management (RR-9): the edit form of a rights account as
//! typed, the request it becomes, and what is wrong with it, both as the app sees it before
//! sending (RR-2's placeholder rules, the network's length) and as the API answers (422 fields).
//!
//! The rules are the contract's (`api/openapi.yaml`, `POST /rights/accounts`); the placeholder
//! check and the length count are the ones the API itself uses (`api_types::message`), so the app
//! never says "fine" for a form the API then refuses.

use api_types::message::{self, TemplateProblem};
use api_types::{FieldError, RightsAccount, RightsAccountInput, SocialAccount, SocialNetwork};

/// The longest display name and approval hashtag the API takes.
pub const DISPLAY_NAME_MAX: usize = 100;
pub const HASHTAG_MAX: usize = 100;
/// The longest terms link the API takes.
pub const TERMS_URL_MAX: usize = 2_000;

/// The form as typed: nothing is lost, nothing is tidied until it is sent. Serializable so the
/// page can keep it through a reload (signing in again after the session ended, FAIL-1/FAIL-2).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RightsForm {
    pub display_name: String,
    pub social_account_id: String,
    pub enabled: bool,
    pub approval_hashtag: String,
    pub terms_url: String,
    pub default_template: String,
    pub is_default: bool,
}

impl RightsForm {
    /// The form for an existing rights account, as saved.
    pub fn from_account(a: &RightsAccount) -> Self {
        Self {
            display_name: a.display_name.clone(),
            social_account_id: a.social_account_id.clone(),
            enabled: a.enabled,
            approval_hashtag: a.approval_hashtag.clone(),
            terms_url: a.terms_url.clone(),
            default_template: a.default_template.clone(),
            is_default: a.is_default,
        }
    }

    /// A new rights account: enabled, linked to the first social account, with a template that
    /// already has the three placeholders so people start from something valid.
    pub fn blank(first_account: Option<&str>, template: &str) -> Self {
        Self {
            social_account_id: first_account.unwrap_or_default().to_string(),
            enabled: true,
            default_template: template.to_string(),
            ..Self::default()
        }
    }

    /// What is sent: names, hashtag and link trimmed, a `#` typed before the hashtag dropped
    /// (people write hashtags with it; the API wants it without). The template is sent as typed.
    pub fn to_input(&self) -> RightsAccountInput {
        let tag = self.approval_hashtag.trim();
        RightsAccountInput {
            display_name: self.display_name.trim().to_string(),
            social_account_id: self.social_account_id.clone(),
            enabled: self.enabled,
            approval_hashtag: tag.strip_prefix('#').unwrap_or(tag).trim().to_string(),
            terms_url: self.terms_url.trim().to_string(),
            default_template: self.default_template.clone(),
            is_default: self.is_default,
        }
    }
}

/// A field of the form, as the API names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    DisplayName,
    SocialAccount,
    ApprovalHashtag,
    TermsUrl,
    DefaultTemplate,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::DisplayName,
        Field::SocialAccount,
        Field::ApprovalHashtag,
        Field::TermsUrl,
        Field::DefaultTemplate,
    ];

    /// The API's name for the field.
    pub fn api_name(self) -> &'static str {
        match self {
            Field::DisplayName => "display_name",
            Field::SocialAccount => "social_account_id",
            Field::ApprovalHashtag => "approval_hashtag",
            Field::TermsUrl => "terms_url",
            Field::DefaultTemplate => "default_template",
        }
    }

    fn from_api(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.api_name() == name)
    }
}

/// One thing wrong with the form, in terms the person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The field is empty.
    Required(Field),
    /// Longer than the API takes (`max` characters).
    TooLong(Field, usize),
    /// The approval hashtag has something other than letters, digits and `_`.
    InvalidHashtag,
    /// The terms link is not an `https://` address.
    NotHttps,
    /// The linked social account does not exist (any more).
    NoSuchAccount,
    /// A required placeholder is missing, e.g. `{termsLink}` (written with its braces).
    MissingPlaceholder(String),
    /// Something between braces that is not a placeholder, as written (`{grantTAG}`).
    UnknownPlaceholder(String),
    /// The default message is longer than the network takes.
    MessageTooLong { network: SocialNetwork, over: usize },
    /// The API refused the field for a reason this app does not know.
    Other(Field),
}

impl Problem {
    /// The field the problem is shown at.
    pub fn field(&self) -> Field {
        match self {
            Problem::Required(f) | Problem::TooLong(f, _) | Problem::Other(f) => *f,
            Problem::InvalidHashtag => Field::ApprovalHashtag,
            Problem::NotHttps => Field::TermsUrl,
            Problem::NoSuchAccount => Field::SocialAccount,
            Problem::MissingPlaceholder(_)
            | Problem::UnknownPlaceholder(_)
            | Problem::MessageTooLong { .. } => Field::DefaultTemplate,
        }
    }
}

/// Letters, digits and `_` (any script, as the API allows).
fn valid_hashtag(tag: &str) -> bool {
    tag.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// `https://` followed by an address, with nothing a browser would strip or reinterpret.
fn https_url(url: &str) -> bool {
    crate::domain::untrusted::safe_link(url).is_some()
}

/// How many characters are left in the default message for `network` (negative when over).
pub fn remaining(network: SocialNetwork, template: &str) -> i64 {
    let limit = i64::try_from(message::message_limit(network)).unwrap_or(i64::MAX);
    let used = i64::try_from(message::message_length(network, template)).unwrap_or(i64::MAX);
    limit - used
}

/// Everything wrong with the form before it is sent (RR-9, RR-2), in the order of the fields.
/// `accounts` are the social accounts the person can link; the network of the linked one decides
/// the message's limit.
pub fn problems(form: &RightsForm, accounts: &[SocialAccount]) -> Vec<Problem> {
    let input = form.to_input();
    let mut out = Vec::new();

    let name = input.display_name.chars().count();
    if name == 0 {
        out.push(Problem::Required(Field::DisplayName));
    } else if name > DISPLAY_NAME_MAX {
        out.push(Problem::TooLong(Field::DisplayName, DISPLAY_NAME_MAX));
    }

    let linked = accounts.iter().find(|a| a.id == input.social_account_id);
    if input.social_account_id.is_empty() {
        out.push(Problem::Required(Field::SocialAccount));
    } else if linked.is_none() && !accounts.is_empty() {
        // Only when the accounts are known: an unloaded list is not proof of absence.
        out.push(Problem::NoSuchAccount);
    }

    let tag = &input.approval_hashtag;
    if tag.is_empty() {
        out.push(Problem::Required(Field::ApprovalHashtag));
    } else if tag.chars().count() > HASHTAG_MAX {
        out.push(Problem::TooLong(Field::ApprovalHashtag, HASHTAG_MAX));
    } else if !valid_hashtag(tag) {
        out.push(Problem::InvalidHashtag);
    }

    let url = &input.terms_url;
    if url.is_empty() {
        out.push(Problem::Required(Field::TermsUrl));
    } else if url.len() > TERMS_URL_MAX {
        out.push(Problem::TooLong(Field::TermsUrl, TERMS_URL_MAX));
    } else if !https_url(url) {
        out.push(Problem::NotHttps);
    }

    let template = &input.default_template;
    if template.trim().is_empty() {
        out.push(Problem::Required(Field::DefaultTemplate));
    } else {
        out.extend(
            message::template_problems(template)
                .into_iter()
                .map(|p| match p {
                    TemplateProblem::Missing(name) => {
                        Problem::MissingPlaceholder(format!("{{{name}}}"))
                    }
                    TemplateProblem::Unknown(written) => Problem::UnknownPlaceholder(written),
                }),
        );
        if let Some(a) = linked {
            let left = remaining(a.network, template);
            if left < 0 {
                out.push(Problem::MessageTooLong {
                    network: a.network,
                    over: usize::try_from(-left).unwrap_or(usize::MAX),
                });
            }
        }
    }
    out
}

/// The API's 422 field errors as problems at their fields. `network` is the linked account's
/// (for a `too_long` message); unknown fields are dropped (the summary still says the request
/// was refused), unknown reasons become [`Problem::Other`].
pub fn from_field_errors(fields: &[FieldError], network: Option<SocialNetwork>) -> Vec<Problem> {
    fields
        .iter()
        .filter_map(|e| {
            let field = Field::from_api(&e.field)?;
            let detail = e.detail.clone().unwrap_or_default();
            let max = detail.parse::<usize>().ok();
            Some(match (field, e.reason.as_str()) {
                (f, "required") => Problem::Required(f),
                (Field::DefaultTemplate, "missing_placeholder") if !detail.is_empty() => {
                    Problem::MissingPlaceholder(detail)
                }
                (Field::DefaultTemplate, "unknown_placeholder") if !detail.is_empty() => {
                    Problem::UnknownPlaceholder(detail)
                }
                (Field::DefaultTemplate, "too_long") => match network {
                    Some(network) => Problem::MessageTooLong { network, over: 0 },
                    None => Problem::TooLong(
                        Field::DefaultTemplate,
                        max.unwrap_or(message::message_limit(SocialNetwork::Instagram)),
                    ),
                },
                (f, "too_long") => Problem::TooLong(
                    f,
                    max.unwrap_or(match f {
                        Field::TermsUrl => TERMS_URL_MAX,
                        _ => DISPLAY_NAME_MAX,
                    }),
                ),
                (Field::ApprovalHashtag, "invalid_hashtag") => Problem::InvalidHashtag,
                (Field::TermsUrl, "not_https_url") => Problem::NotHttps,
                (Field::SocialAccount, "not_found") => Problem::NoSuchAccount,
                (f, _) => Problem::Other(f),
            })
        })
        .collect()
}

/// The problems at one field.
pub fn at(problems: &[Problem], field: Field) -> Vec<Problem> {
    problems
        .iter()
        .filter(|p| p.field() == field)
        .cloned()
        .collect()
}

/// After a save: the list as it is now. The saved account replaces its old record (or is added
/// at the end); when it became its network's default, the others of that network stop being
/// one, as the API does.
pub fn apply_saved(list: &mut Vec<RightsAccount>, saved: RightsAccount) {
    if saved.is_default {
        for a in list
            .iter_mut()
            .filter(|a| a.network == saved.network && a.id != saved.id)
        {
            a.is_default = false;
        }
    }
    match list.iter_mut().find(|a| a.id == saved.id) {
        Some(slot) => *slot = saved,
        None => list.push(saved),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "@{handle} Love this! Reply #{grantTag} to let us share it: {termsLink}";

    fn social(id: &str, network: SocialNetwork) -> SocialAccount {
        crate::domain::testing::account(id, network, 1, None)
    }

    fn accounts() -> Vec<SocialAccount> {
        vec![
            social("acc_tw", SocialNetwork::Twitter),
            social("acc_ig", SocialNetwork::Instagram),
        ]
    }

    fn form() -> RightsForm {
        RightsForm {
            display_name: "Twitter rights".into(),
            social_account_id: "acc_tw".into(),
            enabled: true,
            approval_hashtag: "okbrand".into(),
            terms_url: "https://brand.example.com/ugc-terms".into(),
            default_template: GOOD.into(),
            is_default: false,
        }
    }

    fn account(id: &str, network: SocialNetwork, is_default: bool) -> RightsAccount {
        RightsAccount {
            id: id.into(),
            display_name: id.into(),
            social_account_id: "acc".into(),
            network,
            enabled: true,
            approval_hashtag: "tag".into(),
            terms_url: "https://x.example".into(),
            default_template: GOOD.into(),
            is_default,
        }
    }

    #[test]
    fn rr9_a_good_form_has_no_problems_and_becomes_the_request() {
        let f = form();
        assert_eq!(problems(&f, &accounts()), vec![]);
        let input = f.to_input();
        assert_eq!(input.display_name, "Twitter rights");
        assert_eq!(input.social_account_id, "acc_tw");
        assert_eq!(input.approval_hashtag, "okbrand");
        assert_eq!(input.default_template, GOOD);
        assert!(input.enabled && !input.is_default);
    }

    #[test]
    fn rr9_the_request_is_tidied_but_the_message_is_sent_as_typed() {
        let mut f = form();
        f.display_name = "  Twitter rights ".into();
        f.approval_hashtag = " #okbrand ".into();
        f.terms_url = " https://brand.example.com/t ".into();
        f.default_template = format!(" {GOOD}\n");
        let input = f.to_input();
        assert_eq!(input.display_name, "Twitter rights");
        assert_eq!(input.approval_hashtag, "okbrand");
        assert_eq!(input.terms_url, "https://brand.example.com/t");
        assert_eq!(input.default_template, format!(" {GOOD}\n"));
        assert_eq!(problems(&f, &accounts()), vec![]);
    }

    #[test]
    fn rr9_empty_fields_are_each_required() {
        let f = RightsForm::default();
        assert_eq!(
            problems(&f, &accounts()),
            vec![
                Problem::Required(Field::DisplayName),
                Problem::Required(Field::SocialAccount),
                Problem::Required(Field::ApprovalHashtag),
                Problem::Required(Field::TermsUrl),
                Problem::Required(Field::DefaultTemplate),
            ]
        );
    }

    #[test]
    fn rr9_hashtag_is_letters_digits_and_underscore_only() {
        let mut f = form();
        for bad in ["ok brand", "ok-brand", "##ok", "ok#"] {
            f.approval_hashtag = bad.into();
            assert_eq!(
                problems(&f, &accounts()),
                vec![Problem::InvalidHashtag],
                "{bad}"
            );
        }
        for good in ["ok_brand", "Merk2026", "#jaMerk", "été"] {
            f.approval_hashtag = good.into();
            assert_eq!(problems(&f, &accounts()), vec![], "{good}");
        }
        f.approval_hashtag = "a".repeat(101);
        assert_eq!(
            problems(&f, &accounts()),
            vec![Problem::TooLong(Field::ApprovalHashtag, 100)]
        );
    }

    #[test]
    fn rr9_terms_link_must_be_https() {
        let mut f = form();
        for bad in [
            "http://brand.example.com/t",
            "javascript:alert(1)",
            "brand.example.com/t",
            "https://",
            "https://brand.example.com/a b",
        ] {
            f.terms_url = bad.into();
            assert_eq!(problems(&f, &accounts()), vec![Problem::NotHttps], "{bad}");
        }
    }

    #[test]
    fn rr9_display_name_at_most_100_characters() {
        let mut f = form();
        f.display_name = "é".repeat(100);
        assert_eq!(problems(&f, &accounts()), vec![]);
        f.display_name = "é".repeat(101);
        assert_eq!(
            problems(&f, &accounts()),
            vec![Problem::TooLong(Field::DisplayName, 100)]
        );
    }

    #[test]
    fn rr2_misspelled_and_missing_placeholders_are_named() {
        let mut f = form();
        f.default_template = "@{handle} Reply #{grantTAG}".into();
        assert_eq!(
            problems(&f, &accounts()),
            vec![
                Problem::UnknownPlaceholder("{grantTAG}".into()),
                Problem::MissingPlaceholder("{grantTag}".into()),
                Problem::MissingPlaceholder("{termsLink}".into()),
            ]
        );
        assert!(problems(&f, &accounts())
            .iter()
            .all(|p| p.field() == Field::DefaultTemplate));
    }

    #[test]
    fn rr2_the_message_fits_the_linked_accounts_network() {
        let mut f = form();
        // 280 for Twitter, where an emoji counts 2: 140 emoji fill it exactly...
        let base = remaining(SocialNetwork::Twitter, GOOD);
        let emoji = usize::try_from(base / 2).unwrap_or(0);
        f.default_template = format!("{GOOD}{}", "😀".repeat(emoji));
        assert_eq!(
            remaining(SocialNetwork::Twitter, &f.default_template),
            base % 2
        );
        assert_eq!(problems(&f, &accounts()), vec![]);
        // ... one more is over by the remainder.
        f.default_template.push_str("😀😀");
        let over = usize::try_from(4 - base % 2).unwrap_or(0);
        assert_eq!(
            problems(&f, &accounts()),
            vec![Problem::MessageTooLong {
                network: SocialNetwork::Twitter,
                over
            }]
        );
        // The same text fits Instagram's 2,200.
        f.social_account_id = "acc_ig".into();
        assert_eq!(problems(&f, &accounts()), vec![]);
    }

    #[test]
    fn rr2_remaining_counts_as_the_network_does() {
        // Twitter: a link counts 23, an emoji 2.
        assert_eq!(
            remaining(
                SocialNetwork::Twitter,
                "Hi 😀 https://brand.example.com/ugc-terms"
            ),
            280 - (3 + 2 + 1 + 23)
        );
        assert_eq!(remaining(SocialNetwork::Instagram, "Hi 😀"), 2_200 - 4);
        assert_eq!(remaining(SocialNetwork::Twitter, &"a".repeat(281)), -1);
        // The e2e spec's message: 3 emoji (one with a skin tone, one a flag) and a long link.
        let t = "Hi @{handle} 😀👍🏽🇳🇱 reply #{grantTag}: {termsLink} https://brand.example.com/a/very/long/path/that/is/more/than/23";
        assert_eq!(remaining(SocialNetwork::Twitter, t), 206);
    }

    #[test]
    fn rr9_an_unknown_social_account_is_named_only_when_the_list_is_known() {
        let mut f = form();
        f.social_account_id = "acc_gone".into();
        assert_eq!(problems(&f, &accounts()), vec![Problem::NoSuchAccount]);
        assert_eq!(problems(&f, &[]), vec![]);
    }

    #[test]
    fn rr9_the_apis_field_errors_land_at_their_fields() {
        let fe = |field: &str, reason: &str, detail: Option<&str>| FieldError {
            field: field.into(),
            reason: reason.into(),
            detail: detail.map(Into::into),
        };
        let got = from_field_errors(
            &[
                fe(
                    "default_template",
                    "unknown_placeholder",
                    Some("{grantTAG}"),
                ),
                fe(
                    "default_template",
                    "missing_placeholder",
                    Some("{grantTag}"),
                ),
                fe("default_template", "too_long", Some("280")),
                fe("terms_url", "not_https_url", None),
                fe("approval_hashtag", "invalid_hashtag", Some("letters")),
                fe("display_name", "too_long", Some("100")),
                fe("display_name", "required", None),
                fe("social_account_id", "not_found", Some("acc_x")),
                fe("social_account_id", "something_new", None),
                fe("not_a_field", "required", None),
            ],
            Some(SocialNetwork::Twitter),
        );
        assert_eq!(
            got,
            vec![
                Problem::UnknownPlaceholder("{grantTAG}".into()),
                Problem::MissingPlaceholder("{grantTag}".into()),
                Problem::MessageTooLong {
                    network: SocialNetwork::Twitter,
                    over: 0
                },
                Problem::NotHttps,
                Problem::InvalidHashtag,
                Problem::TooLong(Field::DisplayName, 100),
                Problem::Required(Field::DisplayName),
                Problem::NoSuchAccount,
                Problem::Other(Field::SocialAccount),
            ]
        );
        assert_eq!(at(&got, Field::TermsUrl), vec![Problem::NotHttps]);
    }

    #[test]
    fn rr9_a_new_default_takes_over_from_the_old_one_of_its_network_only() {
        let mut list = vec![
            account("ra_ig_1", SocialNetwork::Instagram, true),
            account("ra_ig_2", SocialNetwork::Instagram, false),
            account("ra_tw", SocialNetwork::Twitter, true),
        ];
        apply_saved(
            &mut list,
            account("ra_ig_2", SocialNetwork::Instagram, true),
        );
        let defaults: Vec<(&str, bool)> =
            list.iter().map(|a| (a.id.as_str(), a.is_default)).collect();
        assert_eq!(
            defaults,
            vec![("ra_ig_1", false), ("ra_ig_2", true), ("ra_tw", true)]
        );
        apply_saved(&mut list, account("ra_new", SocialNetwork::Twitter, false));
        assert_eq!(list.len(), 4);
        assert!(
            list[2].is_default,
            "a new non-default leaves the default alone"
        );
    }

    #[test]
    fn rr9_a_blank_form_starts_enabled_with_the_placeholders() {
        let f = RightsForm::blank(Some("acc_tw"), GOOD);
        assert!(f.enabled && !f.is_default);
        assert_eq!(f.social_account_id, "acc_tw");
        assert_eq!(
            problems(&f, &accounts()),
            vec![
                Problem::Required(Field::DisplayName),
                Problem::Required(Field::ApprovalHashtag),
                Problem::Required(Field::TermsUrl),
            ]
        );
        let edit = RightsForm::from_account(&account("ra_tw", SocialNetwork::Twitter, true));
        assert_eq!(edit.to_input().display_name, "ra_tw");
        assert!(edit.is_default);
    }
}
