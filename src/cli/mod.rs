//! The command line: `copydesk check | lsp | rules | explain`.

pub mod check;
pub mod clean;
pub mod debug;
pub mod report;
pub mod style_sheet;

use std::io::Write;

use clap::{Parser, Subcommand, ValueEnum};

use crate::checks;
use crate::finding::Severity;

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A language server and CI linter for news copy.",
    long_about = "copydesk flags what a good copy desk catches in news drafts: a name spelled two \
                  ways, a figure with no source, a paragraph pasted twice. Run `copydesk check` \
                  over drafts in CI, or `copydesk lsp` from your editor."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts (files, folders, or - for standard input).
    Check(CheckArgs),
    /// Run the language server on standard input and output.
    Lsp {
        /// Accepted and ignored: the server always speaks over stdio.
        #[arg(long)]
        stdio: bool,
    },
    /// List the rules with their default severity and whether they fix.
    Rules {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print a rule's documentation.
    Explain {
        /// A rule id, as `copydesk rules` lists them.
        rule: String,
    },
    /// Print a story's style sheet: its names with their spellings, its figures with their sources.
    StyleSheet(style_sheet::StyleSheetArgs),
    /// Remove the page furniture (menus, share buttons, credits, related links) that copy
    /// pasted or scraped from the web brings along; lines it is not sure of stay.
    Clean(clean::CleanArgs),
    /// Show what a rule saw, to follow a finding or a miss to what decided it.
    #[command(subcommand)]
    Debug(debug::DebugCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style snippets for people.
    Human,
    /// A JSON array of findings (the stable contract in the README).
    Json,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Hint,
    /// Exit 0 whatever is found (errors reading files still exit 2).
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Hint => Some(Severity::Hint),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, clap::Args)]
#[command(group(clap::ArgGroup::new("fixing").args(["fix", "diff"])))]
pub struct CheckArgs {
    /// Files and folders to check; folders are walked recursively, honouring .gitignore.
    /// `-` reads a draft from standard input. Defaults to the current folder.
    pub paths: Vec<std::path::PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,

    /// Apply safe fixes to the files, atomically.
    #[arg(long)]
    pub fix: bool,

    /// With --fix or --diff, apply unsafe fixes too (they may leave placeholders).
    #[arg(long, requires = "fixing")]
    pub unsafe_fixes: bool,

    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    /// Use this configuration file instead of looking for copydesk.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,

    /// Treat the drafts of each folder as one story (names and duplicates across drafts).
    #[arg(long)]
    pub story: bool,

    /// Compare the drafts with the drafts under DIR (a wire archive, earlier versions) and
    /// report paragraphs that restate them (restated-paragraph); DIR's drafts are read but
    /// not checked. May be given more than once.
    #[arg(long, value_name = "DIR")]
    pub against: Vec<std::path::PathBuf>,

    /// The name to report for a draft read from standard input (also picks its format
    /// and configuration).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<std::path::PathBuf>,

    /// Decode drafts that are not UTF-8 with this encoding (e.g. windows-1252).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print findings only: no summary line.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return match error.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => 2,
            };
        }
    };
    init_logging();
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Lsp { stdio: _ } => crate::lsp::run(),
        Command::Rules { json } => {
            print_rules(json);
            0
        }
        Command::Explain { rule } => explain(&rule),
        Command::StyleSheet(args) => style_sheet::run(&args),
        Command::Clean(args) => clean::run(&args),
        Command::Debug(command) => debug::run(&command),
    }
}

/// Logs go to stderr, filtered by `COPYDESK_LOG`; the language server's client gets
/// copydesk's events at info and above as well (see `lsp::log`).
fn init_logging() {
    use tracing_subscriber::Layer as _;
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;
    let filter = tracing_subscriber::EnvFilter::try_from_env("COPYDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_filter(filter);
    let _ = tracing_subscriber::registry()
        .with(stderr)
        .with(crate::lsp::log::client_layer())
        .try_init();
}

fn print_rules(json: bool) {
    let mut stdout = std::io::stdout().lock();
    if json {
        let rules: Vec<serde_json::Value> = checks::RULES
            .iter()
            .map(|rule| {
                serde_json::json!({
                    "id": rule.id(),
                    "summary": rule.summary(),
                    "default_severity": rule.default_severity().as_str(),
                    "fixable": rule.fix_availability() != checks::FixAvailability::Never,
                    "fix": rule.fix_availability().as_str(),
                    "ap_only": rule.ap_only(),
                    "documentation": rule.documentation_url(),
                })
            })
            .collect();
        let _ = writeln!(
            stdout,
            "{}",
            serde_json::to_string_pretty(&rules).unwrap_or_default()
        );
        return;
    }
    let severity = |rule: &dyn checks::Rule| {
        if rule.ap_only() {
            format!("{} (ap)", rule.default_severity())
        } else {
            rule.default_severity().to_string()
        }
    };
    let width = checks::RULES.iter().map(|r| r.id().len()).max().unwrap_or(10);
    let severity_width = checks::RULES
        .iter()
        .map(|rule| severity(*rule).len())
        .chain(["severity".len()])
        .max()
        .unwrap_or(8);
    let _ = writeln!(
        stdout,
        "{:width$}  {:severity_width$}  {:9}  summary",
        "rule", "severity", "fix"
    );
    for rule in checks::RULES {
        let _ = writeln!(
            stdout,
            "{:width$}  {:severity_width$}  {:9}  {}",
            rule.id(),
            severity(*rule),
            rule.fix_availability().as_str(),
            rule.summary()
        );
    }
    let _ = writeln!(
        stdout,
        "\n(ap): on only with the AP preset (style = \"ap\") unless [rules] turns it on."
    );
}

fn explain(rule_id: &str) -> i32 {
    match checks::rule(rule_id) {
        Some(rule) => {
            print!("{}", rule.documentation());
            println!(
                "\nDefault severity: {}. Documentation: {}",
                rule.default_severity(),
                rule.documentation_url()
            );
            0
        }
        None => {
            let known: Vec<&str> = checks::RULES.iter().map(|r| r.id()).collect();
            eprintln!(
                "copydesk: no rule \"{rule_id}\"; the rules are: {}",
                known.join(", ")
            );
            2
        }
    }
}
