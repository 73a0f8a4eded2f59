//! copydesk: a language server and CI linter for news copy.
//!
//! The analysis core is pure: [`analyze`] takes drafts and the [`EngineSettings`] of a
//! [`Config`] and returns [`Finding`]s with byte spans. It does no IO and does not know about editors; the
//! command line (`cli`) and the language server (`lsp`) are thin front ends over it.

pub mod atomic_write;
pub mod checks;
pub mod config;
pub mod file_selector;
pub mod finding;
pub mod fix;
pub mod story;
pub mod style_sheet;
#[doc(hidden)]
pub mod testing;
pub mod text;

pub use config::{Config, EngineSettings};
pub use finding::{Applicability, Edit, Finding, Fix, Group, Related, Severity, collapse_groups};
pub use story::{
    BoundedFindings, DraftInput, MAX_FINDINGS_PER_DRAFT, References, analyze, analyze_bounded,
    analyze_bounded_against, analyze_parsed, analyze_parsed_bounded, parse_story,
};
pub use text::DraftFormat;

pub mod cli;
pub mod lsp;
