//! Language-server benchmarks.
//!
//! - `edit_to_diagnostics/*`: a one-character edit to an open draft, through to its
//!   diagnostics computed: the rope edit, the one text snapshot, the engine, and the
//!   conversion to LSP diagnostics (the debounce and the write to the client excluded).
//!   The targets: median ≤ 1 ms for 1,500 words, ≤ 50 ms for 100,000 words.
//!   `*_words` is a synthetic stress draft with a finding in most paragraphs;
//!   `*_words_news` is real-looking copy (the sample and development drafts, cycled).
//! - `parts/*`: the same path in pieces, to show where the time goes.
//! - Before the benchmarks, the server's resident memory with 200 open drafts (target
//!   ≤ 100 MB), measured on the built binary over stdio and printed.
//!
//! `cargo bench --bench lsp`; medians are in `target/criterion/*/new/estimates.json`.

use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use copydesk::Config;
use copydesk::lsp::analysis::analyze_story;
use copydesk::lsp::documents::Documents;
use copydesk::story::{DraftInput, analyze};
use copydesk::text::{DraftFormat, PositionEncoding};
use criterion::{Criterion, criterion_group};
use serde_json::{Value, json};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

/// A small deterministic generator, so every run measures the same drafts.
struct Seed(u64);

impl Seed {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const NAMES: &[&str] = &[
    "Taras Kovalevskyi", "Aoife Brennan", "Declan O'Rourke", "Vojtěch Procházka", "Yasmin Al-Mansouri",
    "Pieter van der Linden", "Chidi Okafor", "Lena Hoffmann", "Rose Hanlon", "Liu Yichen",
];
const PLACES: &[&str] = &[
    "Dublin", "Kyiv", "Jeseník", "Naas", "Rotterdam", "Lagos", "Zürich", "Tallaght",
];
const VERBS: &[&str] = &["said", "told reporters", "added", "wrote", "confirmed", "warned"];

/// A draft of about `words` words of news-like copy: paragraphs of varied sentences with
/// names, places, attributed and unattributed figures, curly quotes and an emoji.
fn draft(words: usize, seed: u64) -> String {
    let vocabulary: Vec<&str> = include_str!("../data/english-words.txt")
        .lines()
        .filter(|word| (4..=10).contains(&word.len()))
        .step_by(7)
        .collect();
    let mut seed = Seed(seed.max(1));
    let mut text = String::from("# Council weighs the bus strike 😀\n\n");
    let mut count = 0;
    while count < words {
        let sentences = 2 + seed.next() % 3;
        for sentence in 0..sentences {
            let filler: Vec<&str> = (0..6 + seed.next() % 8).map(|_| seed.pick(&vocabulary)).collect();
            count += filler.len() + 4;
            let line = match seed.next() % 5 {
                0 => format!(
                    "{} {} the {} in {} had cost about €{}.{} million.",
                    seed.pick(NAMES),
                    seed.pick(VERBS),
                    filler.join(" "),
                    seed.pick(PLACES),
                    seed.next() % 90 + 1,
                    seed.next() % 10
                ),
                1 => format!(
                    "The {} affects about {} drivers in {}.",
                    filler.join(" "),
                    seed.next() % 9000 + 100,
                    seed.pick(PLACES)
                ),
                2 => format!(
                    "“The {},” {} {}.",
                    filler.join(" "),
                    seed.pick(NAMES),
                    seed.pick(VERBS)
                ),
                _ => {
                    let mut words = filler.clone();
                    if let Some(first) = words.first_mut() {
                        *first = "Then";
                    }
                    format!("{} near {}.", words.join(" "), seed.pick(PLACES))
                }
            };
            text.push_str(&line);
            text.push(if sentence + 1 == sentences { '\n' } else { ' ' });
        }
        text.push('\n');
    }
    text
}

fn one_character(line: u32, insert: bool) -> TextDocumentContentChangeEvent {
    let end = if insert { 0 } else { 1 };
    TextDocumentContentChangeEvent {
        range: Some(Range::new(Position::new(line, 0), Position::new(line, end))),
        range_length: None,
        text: if insert { "x".to_string() } else { String::new() },
    }
}

/// A draft of about `words` words of real-looking news copy: the paragraphs of the sample
/// drafts and, when present, of the shared development corpus, cycled. It has the density
/// of findings real copy has, where `draft` is a stress test with a finding in most
/// paragraphs.
fn news_draft(words: usize) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paragraphs = Vec::new();
    for folder in [root.join("examples/drafts"), root.join("../shared/corpus/dev")] {
        let mut paths: Vec<_> = std::fs::read_dir(&folder)
            .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "md" || e == "txt"));
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            paragraphs.extend(
                text.split("\n\n")
                    .filter(|p| !p.trim().is_empty() && !p.starts_with("---"))
                    .map(str::to_string),
            );
        }
    }
    let mut text = String::from("# Council weighs the bus strike\n\n");
    let mut count = 0;
    for paragraph in paragraphs.iter().cycle() {
        if count >= words {
            break;
        }
        count += paragraph.split_whitespace().count();
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text
}

fn edit_to_diagnostics(criterion: &mut Criterion) {
    for (label, words, samples, news) in [
        ("1500_words", 1_500, 100, false),
        ("100000_words", 100_000, 20, false),
        ("1500_words_news", 1_500, 100, true),
        ("100000_words_news", 100_000, 20, true),
    ] {
        let text = if news { news_draft(words) } else { draft(words, 42) };
        let word_count = copydesk::text::ParsedDraft::parse(&text, DraftFormat::Markdown).word_count();
        eprintln!("{label}: {word_count} words of copy, {} bytes", text.len());
        let uri: Uri = format!("file:///bench/{label}/draft.md").parse().expect("a URI");
        let documents = Documents::new();
        documents.open(uri.clone(), "markdown", 1, &text);
        let config = Arc::new(Config::default());
        let middle_line = (text.lines().count() / 2) as u32;
        let mut version = 1;

        let mut group = criterion.benchmark_group("edit_to_diagnostics");
        group.sample_size(samples);
        group.bench_function(label, |bencher| {
            bencher.iter(|| {
                version += 1;
                let change = one_character(middle_line, version % 2 == 0);
                documents
                    .change(&uri, version, &[change], PositionEncoding::Utf16)
                    .expect("the draft is open");
                let drafts = documents.snapshots(|candidate, _| candidate == &uri);
                let analysis = analyze_story(drafts, config.clone(), PositionEncoding::Utf16);
                black_box(analysis.diagnostics.first().map(Vec::len))
            })
        });
        group.finish();

        let mut parts = criterion.benchmark_group("parts");
        parts.sample_size(samples);
        parts.bench_function(format!("{label}/rope_edit"), |bencher| {
            bencher.iter(|| {
                version += 1;
                let change = one_character(middle_line, version % 2 == 0);
                documents
                    .change(&uri, version, &[change], PositionEncoding::Utf16)
                    .expect("the draft is open")
            })
        });
        parts.bench_function(format!("{label}/snapshot"), |bencher| {
            bencher.iter(|| {
                version += 1;
                let change = one_character(middle_line, version % 2 == 0);
                documents
                    .change(&uri, version, &[change], PositionEncoding::Utf16)
                    .expect("the draft is open");
                black_box(documents.snapshots(|candidate, _| candidate == &uri))
            })
        });
        parts.bench_function(format!("{label}/engine"), |bencher| {
            bencher.iter(|| black_box(analyze(&[DraftInput::new("draft.md", &text)], &config.engine).len()))
        });
        parts.finish();
    }
}

criterion_group!(benches, edit_to_diagnostics);

/// Reads one framed message.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if line == "\r\n" {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn frame(value: &Value) -> Vec<u8> {
    let body = value.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn memory_line(pid: u32, field: &str) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with(field))
                .map(|line| line.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "unknown".to_string())
}

/// Opens `count` drafts of about 1,500 words (ten to a folder) in the built server and
/// prints its resident memory once all are analysed.
fn resident_memory_with_open_drafts(count: usize) {
    let mut child = match Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(child) => child,
        Err(error) => {
            eprintln!("memory: cannot start the server: {error}");
            return;
        }
    };
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return;
    };
    let mut reader = BufReader::new(stdout);
    let started = Instant::now();
    let _ = stdin.write_all(&frame(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"capabilities": {}}})));
    let _ = read_message(&mut reader);
    let _ = stdin.write_all(&frame(
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    ));
    let mut bytes = 0;
    for index in 0..count {
        let text = draft(1_500, index as u64 + 7);
        bytes += text.len();
        let uri = format!("file:///bench/memory/story{}/draft{index}.md", index / 10);
        let _ = stdin.write_all(&frame(
            &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}}),
        ));
    }
    let _ = stdin.flush();
    let mut published = std::collections::HashSet::new();
    while published.len() < count && started.elapsed() < Duration::from_secs(300) {
        let Some(message) = read_message(&mut reader) else {
            break;
        };
        if message["method"] == "textDocument/publishDiagnostics" {
            published.insert(message["params"]["uri"].as_str().unwrap_or_default().to_string());
        }
    }
    // Let a last re-analysis of each story settle.
    std::thread::sleep(Duration::from_millis(500));
    eprintln!(
        "memory: {count} open drafts ({:.1} MB of text, {} analysed) in {:.1} s: VmRSS {}, VmHWM (peak) {}",
        bytes as f64 / 1e6,
        published.len(),
        started.elapsed().as_secs_f64(),
        memory_line(child.id(), "VmRSS"),
        memory_line(child.id(), "VmHWM"),
    );
    let _ = stdin.write_all(&frame(&json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})));
    let _ = stdin.write_all(&frame(&json!({"jsonrpc": "2.0", "method": "exit"})));
    let _ = child.wait();
}

/// With `COPYDESK_BENCH_RULES=1`: timed analyses of the 1,500- and 100,000-word drafts
/// per rule (that rule alone; the median of a few runs), printed, to show which checks
/// the edit latency goes to.
fn time_per_rule() {
    for (words, runs) in [(1_500, 51), (100_000, 3)] {
        time_rules_on(&draft(words, 42), words, runs);
    }
}

fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn time_rules_on(text: &str, words: usize, runs: usize) {
    let inputs = [DraftInput::new("draft.md", text)];
    let parse = median_ms(runs, || drop(black_box(copydesk::story::parse_story(&inputs))));
    eprintln!("per rule, {words} words: parsing {parse:.3} ms");
    for rule in copydesk::checks::RULES {
        let mut config = Config::default();
        for other in copydesk::checks::RULES {
            let level = if other.id() == rule.id() {
                copydesk::config::RuleLevel::On(rule.default_severity())
            } else {
                copydesk::config::RuleLevel::Off
            };
            config.engine.rules.insert(other.id().to_string(), level);
        }
        let findings = analyze(&inputs, &config).len();
        let time = median_ms(runs, || drop(black_box(analyze(&inputs, &config))));
        eprintln!(
            "per rule, {words} words: {:<26} {time:>10.3} ms (parse included), {findings} findings",
            rule.id()
        );
    }
}

fn main() {
    if std::env::var("COPYDESK_BENCH_RULES").as_deref() == Ok("1") {
        time_per_rule();
        return;
    }
    let filtered = std::env::args()
        .skip(1)
        .any(|argument| !argument.starts_with('-'));
    if !filtered && cfg!(target_os = "linux") {
        resident_memory_with_open_drafts(200);
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
