//! Every word the app shows, in English or Welsh: Fluent message catalogues
//! (`assets/i18n/en/*.ftl`, `assets/i18n/cy/*.ftl`, embedded), looked up by message id.
//!
//! `tr("id")` gives a message without arguments; it is formatted once per language and thread and
//! then kept, so a frame costs a hash lookup per label, never a parse or a format.
//! `tr_args!("id", name = value, …)` formats a message with arguments (counts choose their plural
//! form by the language's rules). The language is per thread (`set_language`): the app sets it at
//! the start of every frame from its settings, so tests in parallel each keep their own.
//!
//! A missing id shows as the id itself; the tests below make sure both languages have every
//! message, with the same arguments, and `tests/ui_text.rs` that every id the code names is
//! defined and every message is used.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use dpia_core::approval::Decision;
use dpia_core::register::{
    ActionStatus, Field, Language, Likelihood, LinkKind, MitigationStatus, Severity, Stage, Status,
    Tier,
};
use dpia_core::scoring::Level;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// The catalogue files of one language, as `(file name, text)`.
type Files = &'static [(&'static str, &'static str)];

/// Embeds `assets/i18n/LANG/NAME.ftl` for each name, in one list per language.
macro_rules! catalogue_files {
    ($lang:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../assets/i18n/", $lang, "/", $name, ".ftl"))),)*]
    };
}

/// English, the app's default.
const ENGLISH: Files = catalogue_files!("en": "app", "register", "editor", "actions", "snapshots", "export", "workshop", "names", "errors");

/// Welsh.
const WELSH: Files = catalogue_files!("cy": "app", "register", "editor", "actions", "snapshots", "export", "workshop", "names", "errors");

/// Every catalogue file's text, both languages: for tests of what the app can show (its fonts).
#[cfg(test)]
pub(crate) fn catalogue_texts() -> impl Iterator<Item = &'static str> {
    ENGLISH.iter().chain(WELSH).map(|(_, text)| *text)
}

/// The environment variable that, set to `en` or `cy`, overrides the language in the settings.
pub(crate) const LANGUAGE_VARIABLE: &str = "DPIA_REGISTER_LANG";

/// The language `DPIA_REGISTER_LANG` asks for, if it is set to `en` or `cy`.
pub(crate) fn language_from_environment() -> Option<Language> {
    language_from_tag(&std::env::var(LANGUAGE_VARIABLE).ok()?)
}

/// `en` → English, `cy` → Welsh (case and a region such as `cy-GB` ignored); anything else `None`.
pub(crate) fn language_from_tag(tag: &str) -> Option<Language> {
    let tag = tag.trim().to_ascii_lowercase();
    match tag.split(['-', '_']).next() {
        Some("en") => Some(Language::English),
        Some("cy") => Some(Language::Welsh),
        _ => None,
    }
}

/// A language's name in the menu: its own name for itself, the same in either catalogue.
pub(crate) fn language_name(language: Language) -> &'static str {
    match language {
        Language::English => tr("language-english"),
        Language::Welsh => tr("language-welsh"),
    }
}

/// Makes `language` the one `tr` and `tr_args!` use on this thread.
pub(crate) fn set_language(language: Language) {
    LANGUAGE.with(|current| current.set(language));
}

/// The language `tr` uses on this thread.
pub(crate) fn language() -> Language {
    LANGUAGE.with(Cell::get)
}

/// The message `id` without arguments, in this thread's language.
pub(crate) fn tr(id: &'static str) -> &'static str {
    with_catalogue(|catalogue| catalogue.plain(id))
}

/// The message `id` formatted with `args`, in this thread's language; use `tr_args!`.
pub(crate) fn format_message(id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    with_catalogue(|catalogue| catalogue.format(id, Some(&fluent_args)))
}

/// `tr_args!("id", name = value, …)`: the message `id` with its arguments, as a `String`. A
/// number stays a number (so a count chooses its plural form); anything else is shown as it
/// displays. Values are borrowed.
macro_rules! tr_args {
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        // A glob, as only one of the two may be used.
        use $crate::gui::i18n::arg_traits::*;
        $crate::gui::i18n::format_message(
            $id,
            &[$((stringify!($name), (&$crate::gui::i18n::Arg(&$value)).value())),+],
        )
    }};
}
pub(crate) use tr_args;

/// A value given to `tr_args!`, turned into a Fluent value by `ArgFromNumber` if it is a number,
/// else by `ArgFromDisplay` (method resolution tries the first before the second's autoref).
pub(crate) struct Arg<'a, T: ?Sized>(pub &'a T);

/// A number as a Fluent number, so plural forms can follow it.
pub(crate) trait ArgFromNumber {
    /// The value for Fluent.
    fn value(&self) -> FluentValue<'static>;
}

/// Anything that displays, as a Fluent string.
pub(crate) trait ArgFromDisplay {
    /// The value for Fluent.
    fn value(&self) -> FluentValue<'static>;
}

/// The two ways to turn a value into a Fluent value, for `tr_args!` to bring into scope.
pub(crate) mod arg_traits {
    pub(crate) use super::{ArgFromDisplay as _, ArgFromNumber as _};
}

/// The number types counts and scores come in.
pub(crate) trait Number: Copy + Into<FluentValue<'static>> {}

macro_rules! numbers {
    ($($t:ty),*) => { $(impl Number for $t {})* };
}
numbers!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);

impl<T: Number> ArgFromNumber for Arg<'_, T> {
    fn value(&self) -> FluentValue<'static> {
        (*self.0).into()
    }
}

impl<T: std::fmt::Display + ?Sized> ArgFromDisplay for &Arg<'_, T> {
    fn value(&self) -> FluentValue<'static> {
        FluentValue::from(self.0.to_string())
    }
}

/// A model value's name as the app shows it, in this thread's language (the register paper's
/// words for the same values are in `dpia_report::labels`; a test keeps the Welsh the same).
pub(crate) trait UiName: Copy {
    /// The name, as `tr` gives it.
    fn ui_name(self) -> &'static str;
}

impl UiName for Level {
    fn ui_name(self) -> &'static str {
        match self {
            Self::Low => tr("names-level-low"),
            Self::Medium => tr("names-level-medium"),
            Self::High => tr("names-level-high"),
            Self::VeryHigh => tr("names-level-very-high"),
        }
    }
}

impl UiName for Severity {
    fn ui_name(self) -> &'static str {
        match self {
            Self::Negligible => tr("names-severity-negligible"),
            Self::Limited => tr("names-severity-limited"),
            Self::Significant => tr("names-severity-significant"),
            Self::Maximum => tr("names-severity-maximum"),
        }
    }
}

impl UiName for Likelihood {
    fn ui_name(self) -> &'static str {
        match self {
            Self::Remote => tr("names-likelihood-remote"),
            Self::Possible => tr("names-likelihood-possible"),
            Self::Likely => tr("names-likelihood-likely"),
            Self::AlmostCertain => tr("names-likelihood-almost-certain"),
        }
    }
}

impl UiName for Stage {
    fn ui_name(self) -> &'static str {
        match self {
            Self::Inherent => tr("names-stage-inherent"),
            Self::Residual => tr("names-stage-residual"),
        }
    }
}

impl UiName for Status {
    fn ui_name(self) -> &'static str {
        match self {
            Self::Draft => tr("names-status-draft"),
            Self::Consultation => tr("names-status-consultation"),
            Self::Final => tr("names-status-final"),
        }
    }
}

impl UiName for MitigationStatus {
    fn ui_name(self) -> &'static str {
        match self {
            Self::Proposed => tr("names-mitigation-proposed"),
            Self::Agreed => tr("names-mitigation-agreed"),
            Self::InProgress => tr("names-mitigation-in-progress"),
            Self::Implemented => tr("names-mitigation-implemented"),
            Self::Rejected => tr("names-mitigation-rejected"),
        }
    }
}

impl UiName for ActionStatus {
    fn ui_name(self) -> &'static str {
        match self {
            Self::NotStarted => tr("names-action-not-started"),
            Self::Ongoing => tr("names-action-ongoing"),
            Self::ProposedComplete => tr("names-action-proposed-complete"),
            Self::Complete => tr("names-action-complete"),
            Self::Closed => tr("names-action-closed"),
        }
    }
}

impl UiName for LinkKind {
    fn ui_name(self) -> &'static str {
        match self {
            Self::PickedUpBy => tr("names-link-picked-up-by"),
            Self::LinksTo => tr("names-link-links-to"),
        }
    }
}

impl UiName for Tier {
    fn ui_name(self) -> &'static str {
        match self {
            Self::Must => tr("names-tier-must"),
            Self::Should => tr("names-tier-should"),
            Self::Could => tr("names-tier-could"),
            Self::WontThisTime => tr("names-tier-wont-this-time"),
        }
    }
}

impl UiName for Field {
    fn ui_name(self) -> &'static str {
        match self {
            Self::Issue => tr("names-field-issue"),
            Self::Concern => tr("names-field-concern"),
            Self::Mitigations => tr("names-field-mitigations"),
            Self::Owner => tr("names-field-owner"),
            Self::ImpactNotes => tr("names-field-impact-notes"),
            Self::BalancingNote => tr("names-field-balancing-note"),
            Self::AffectedGroups => tr("names-field-affected-groups"),
            Self::Source => tr("names-field-source"),
        }
    }
}

impl UiName for Decision {
    fn ui_name(self) -> &'static str {
        match self {
            Self::Approved => tr("names-decision-approved"),
            Self::ApprovedWithConditions => tr("names-decision-approved-with-conditions"),
            Self::NotApproved => tr("names-decision-not-approved"),
            Self::Advice => tr("names-decision-advice"),
        }
    }
}

thread_local! {
    static LANGUAGE: Cell<Language> = const { Cell::new(Language::English) };
    static CATALOGUES: RefCell<[Option<Catalogue>; 2]> = const { RefCell::new([None, None]) };
}

/// Runs `f` on this thread's catalogue of its language, parsing the files on first use.
fn with_catalogue<T>(f: impl FnOnce(&mut Catalogue) -> T) -> T {
    let language = language();
    CATALOGUES.with(|catalogues| {
        let mut catalogues = catalogues.borrow_mut();
        let slot = match language {
            Language::English => &mut catalogues[0],
            Language::Welsh => &mut catalogues[1],
        };
        f(slot.get_or_insert_with(|| Catalogue::new(language)))
    })
}

/// One language's messages, and those without arguments already formatted.
struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    /// Formatted once and kept for the life of the thread: there are a few hundred.
    plain: HashMap<&'static str, &'static str>,
}

impl Catalogue {
    fn new(language: Language) -> Self {
        let (tag, files) = match language {
            Language::English => ("en", ENGLISH),
            Language::Welsh => ("cy", WELSH),
        };
        let locale = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![locale]);
        // No Unicode isolation marks around arguments: egui would draw them as boxes.
        bundle.set_use_isolating(false);
        for (_, text) in files {
            // A file that does not parse keeps its good messages; the tests fail on any error.
            let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
            bundle.add_resource(resource).ok();
        }
        Self {
            bundle,
            plain: HashMap::new(),
        }
    }

    fn plain(&mut self, id: &'static str) -> &'static str {
        if let Some(text) = self.plain.get(id) {
            return text;
        }
        let text: &'static str = match self.bundle.get_message(id) {
            Some(_) => Box::leak(self.format(id, None).into_boxed_str()),
            None => id,
        };
        self.plain.insert(id, text);
        text
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Each message of `files` with the variables (`$name`) and messages it refers to.
    fn messages(files: Files) -> BTreeMap<String, BTreeSet<String>> {
        let mut messages = BTreeMap::new();
        for (name, text) in files {
            let resource = match fluent_syntax::parser::parse(*text) {
                Ok(resource) => resource,
                Err((_, errors)) => panic!("{name}.ftl does not parse: {errors:?}"),
            };
            for entry in resource.body {
                if let ast::Entry::Message(message) = entry {
                    let mut refs = BTreeSet::new();
                    if let Some(pattern) = &message.value {
                        pattern_refs(pattern, &mut refs);
                    }
                    let id = message.id.name.to_owned();
                    assert!(
                        messages.insert(id.clone(), refs).is_none(),
                        "{id} is defined twice"
                    );
                }
            }
        }
        messages
    }

    fn pattern_refs(pattern: &ast::Pattern<&str>, refs: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_refs(expression, refs);
            }
        }
    }

    fn expression_refs(expression: &ast::Expression<&str>, refs: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_refs(selector, refs);
                for variant in variants {
                    pattern_refs(&variant.value, refs);
                }
            }
            ast::Expression::Inline(inline) => inline_refs(inline, refs),
        }
    }

    fn inline_refs(inline: &ast::InlineExpression<&str>, refs: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                refs.insert(format!("${}", id.name));
            }
            ast::InlineExpression::MessageReference { id, .. } => {
                refs.insert(id.name.to_owned());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for argument in &arguments.positional {
                    inline_refs(argument, refs);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_refs(expression, refs),
            _ => {}
        }
    }

    #[test]
    fn every_message_is_in_both_languages_with_the_same_arguments() {
        let english = messages(ENGLISH);
        let welsh = messages(WELSH);
        let only_english: Vec<_> = english
            .keys()
            .filter(|id| !welsh.contains_key(*id))
            .collect();
        let only_welsh: Vec<_> = welsh
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(only_english.is_empty(), "no Welsh for {only_english:?}");
        assert!(only_welsh.is_empty(), "no English for {only_welsh:?}");
        for (id, refs) in &english {
            assert_eq!(
                Some(refs),
                welsh.get(id),
                "{id} takes other arguments in Welsh"
            );
        }
        assert!(english.len() > 100, "the catalogues hold the app's words");
    }

    #[test]
    fn every_message_formats_without_error_in_both_languages() {
        for (language, files) in [(Language::English, ENGLISH), (Language::Welsh, WELSH)] {
            let catalogue = Catalogue::new(language);
            for (name, text) in files {
                let resource = FluentResource::try_new((*text).to_owned());
                assert!(resource.is_ok(), "{name}.ftl ({language:?}) does not parse");
            }
            for (id, refs) in messages(files) {
                let message = catalogue.bundle.get_message(&id);
                let pattern = message.and_then(|m| m.value());
                assert!(pattern.is_some(), "{id} has no value");
                let mut args = FluentArgs::new();
                for name in refs.iter().filter_map(|r| r.strip_prefix('$')) {
                    args.set(name.to_owned(), FluentValue::from(2));
                }
                let mut errors = Vec::new();
                if let Some(pattern) = pattern {
                    catalogue
                        .bundle
                        .format_pattern(pattern, Some(&args), &mut errors);
                }
                assert!(errors.is_empty(), "{id} ({language:?}): {errors:?}");
            }
        }
    }

    #[test]
    fn messages_switch_with_the_language_and_plurals_follow_it() {
        set_language(Language::English);
        assert_eq!(tr("app-file"), "File");
        assert_eq!(tr_args!("app-entries", count = 1), "1 entry");
        assert_eq!(tr_args!("app-entries", count = 29), "29 entries");
        set_language(Language::Welsh);
        assert_eq!(tr("app-file"), "Ffeil");
        assert_eq!(tr_args!("app-entries", count = 1), "1 cofnod");
        assert_eq!(tr_args!("app-entries", count = 29), "29 cofnod");
        set_language(Language::English);
        assert_eq!(tr("app-file"), "File", "the cache is per language");
        assert_eq!(tr("app-no-such-message"), "app-no-such-message");
    }

    #[test]
    fn the_welsh_names_are_the_papers() {
        use dpia_report::labels::labels;
        set_language(Language::Welsh);
        let paper = labels(Language::Welsh);
        for level in [Level::Low, Level::Medium, Level::High, Level::VeryHigh] {
            assert_eq!(level.ui_name(), paper.level_name(level), "{level:?}");
        }
        for severity in [
            Severity::Negligible,
            Severity::Limited,
            Severity::Significant,
            Severity::Maximum,
        ] {
            assert_eq!(
                severity.ui_name(),
                paper.severity_name(severity),
                "{severity:?}"
            );
        }
        for likelihood in [
            Likelihood::Remote,
            Likelihood::Possible,
            Likelihood::Likely,
            Likelihood::AlmostCertain,
        ] {
            assert_eq!(
                likelihood.ui_name(),
                paper.likelihood_name(likelihood),
                "{likelihood:?}"
            );
        }
        for status in [Status::Draft, Status::Consultation, Status::Final] {
            assert_eq!(status.ui_name(), paper.status_name(status), "{status:?}");
        }
        for status in [
            MitigationStatus::Proposed,
            MitigationStatus::Agreed,
            MitigationStatus::InProgress,
            MitigationStatus::Implemented,
            MitigationStatus::Rejected,
        ] {
            assert_eq!(
                status.ui_name(),
                paper.mitigation_status(status),
                "{status:?}"
            );
        }
        for tier in [Tier::Must, Tier::Should, Tier::Could, Tier::WontThisTime] {
            assert_eq!(tier.ui_name(), paper.tier_name(tier), "{tier:?}");
        }
        for decision in [
            Decision::Approved,
            Decision::ApprovedWithConditions,
            Decision::NotApproved,
            Decision::Advice,
        ] {
            assert_eq!(
                decision.ui_name(),
                paper.decision_name(decision),
                "{decision:?}"
            );
        }
        for status in [
            ActionStatus::NotStarted,
            ActionStatus::Ongoing,
            ActionStatus::ProposedComplete,
            ActionStatus::Complete,
            ActionStatus::Closed,
        ] {
            let paper_name = paper.action_status(status).to_lowercase();
            assert_eq!(status.ui_name(), paper_name, "{status:?}");
        }
        set_language(Language::English);
        assert_eq!(
            Level::VeryHigh.ui_name(),
            Level::VeryHigh.name(),
            "English is the model's"
        );
        assert_eq!(
            Tier::WontThisTime.ui_name(),
            Tier::WontThisTime.name(),
            "English is the model's"
        );
    }

    #[test]
    fn language_tags_read_as_the_variable_allows() {
        assert_eq!(language_from_tag("cy"), Some(Language::Welsh));
        assert_eq!(language_from_tag("CY-gb"), Some(Language::Welsh));
        assert_eq!(language_from_tag("en_GB.UTF-8"), Some(Language::English));
        assert_eq!(language_from_tag("fr"), None);
        assert_eq!(language_from_tag(""), None);
    }
}
