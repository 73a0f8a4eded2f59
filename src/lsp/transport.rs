//! The server's own reader and writer, in front of the protocol library.
//!
//! `tower-lsp-server` stops reading its input at the first message it cannot decode, so
//! one malformed message would end the server; it also drops the answer to an unknown
//! `$/` request and answers a few states with codes the specifications do not ask for.
//! So the server frames the client's bytes itself ([`FrameReader`]), judges every body in
//! full ([`Gate::judge`]), answers what is not a well-formed message itself, and forwards
//! only well-formed messages to the library, through an in-memory pipe, re-serialised
//! (so the library never sees a byte it could fail on). The library's output comes back
//! through another pipe and is merged, frame by frame, with the server's own answers on
//! the way to stdout ([`write_out`]).
//!
//! What the reader does with bad input:
//! - **Framing.** Each message starts at a `Content-Length:` header (any case), so after
//!   anything unexpected the reader resynchronises on the next one: bytes before a header
//!   (a body with no header, the tail of a frame whose length was too short) are skipped;
//!   a body whose declared length runs into the next message's header (a length too long)
//!   is cut where a complete JSON value is followed by `Content-Length:`, and the rest is
//!   read as the next message. A header block without a usable length is skipped, and a
//!   body larger than [`LARGEST_MESSAGE`] is read past, never held.
//! - **Bodies.** A body is parsed whole with `serde_json` into a value. Bytes that are
//!   not UTF-8 and lone surrogate escapes (`"\ud83d"`) are read as U+FFFD, so that a
//!   document edit carrying one keeps the server's copy in step with the editor's (see
//!   `repaired`); a number out of range (`1e400`), nesting deeper than 128, or anything
//!   else that is not JSON makes it a parse error, wherever it is (in `params`, in a field
//!   nobody reads). JSON that is not a JSON-RPC 2.0 message is an invalid request.
//! - **Answers.** A parse error gets -32700 with a null id; an invalid request -32600
//!   with its id when it has a usable one. One bad frame gets one answer (the bytes
//!   skipped after it are part of it). A request for an unknown `$/` method gets -32601
//!   (MethodNotFound), as the LSP specification asks; before `initialize`, -32002; after
//!   `shutdown`, every request gets -32600 (InvalidRequest).

use serde::de::IgnoredAny;
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

/// The largest message taken; larger ones are read past and answered with an error.
pub const LARGEST_MESSAGE: usize = 512 * 1024 * 1024;
/// The longest header block (from `Content-Length:` to the blank line) read; a longer
/// one is garbage.
const LONGEST_HEADER: usize = 8 * 1024;
/// How many of the server's own answers may wait for stdout before the reader waits.
const REPLY_QUEUE: usize = 64;

const HEADER: &[u8] = b"content-length:";

/// JSON-RPC's and LSP's error codes the reader answers with.
const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;
const METHOD_NOT_FOUND: i64 = -32601;
const SERVER_NOT_INITIALIZED: i64 = -32002;

/// Where `Content-Length:` (any case) first starts in `bytes`.
fn find_header(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(HEADER.len())?;
    (0..=last)
        .find(|&at| bytes[at] | 0x20 == b'c' && bytes[at..at + HEADER.len()].eq_ignore_ascii_case(HEADER))
}

/// True when skipped bytes hold something other than blank lines and `Content-Type`
/// headers: a frame's worth of garbage.
fn is_garbage(skipped: &[u8]) -> bool {
    const CONTENT_TYPE: &[u8] = b"content-type:";
    skipped.split(|&byte| byte == b'\n').any(|line| {
        let line = line.trim_ascii();
        let content_type =
            line.len() >= CONTENT_TYPE.len() && line[..CONTENT_TYPE.len()].eq_ignore_ascii_case(CONTENT_TYPE);
        !line.is_empty() && !content_type
    })
}

/// What the reader found next in its input.
#[derive(Debug, PartialEq)]
pub enum Frame {
    /// A message body, as framed (not yet judged).
    Body(Vec<u8>),
    /// Bytes that are no message: garbage before a header, a header block without a
    /// usable length, a body too large to take.
    Bad(&'static str),
    /// The end of the input.
    End,
}

/// Reads `Content-Length` frames from a byte stream, resynchronising on the next header
/// after anything it cannot use (see the module's documentation).
pub struct FrameReader<R> {
    input: R,
    buffer: Vec<u8>,
    /// Where the unread bytes of `buffer` start.
    start: usize,
    ended: bool,
    /// Cut bodies whose declared length runs into the next header (the client's input;
    /// the library's own output is trusted).
    cut_long_bodies: bool,
    largest: usize,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    /// A reader of a client's input.
    pub fn client(input: R) -> Self {
        FrameReader {
            input,
            buffer: Vec::new(),
            start: 0,
            ended: false,
            cut_long_bodies: true,
            largest: LARGEST_MESSAGE,
        }
    }

    /// A reader of the protocol library's output.
    fn trusted(input: R) -> Self {
        FrameReader {
            cut_long_bodies: false,
            largest: usize::MAX,
            ..FrameReader::client(input)
        }
    }

    fn unread(&self) -> &[u8] {
        &self.buffer[self.start..]
    }

    /// Reads more input into the buffer; false at the end of the input.
    async fn fill(&mut self) -> bool {
        if self.ended {
            return false;
        }
        if self.start > 0 && self.start >= self.buffer.len() / 2 {
            self.buffer.drain(..self.start);
            self.start = 0;
        }
        let mut chunk = [0u8; 64 * 1024];
        match self.input.read(&mut chunk).await {
            Ok(0) | Err(_) => {
                self.ended = true;
                false
            }
            Ok(read) => {
                self.buffer.extend_from_slice(&chunk[..read]);
                true
            }
        }
    }

    /// The next frame.
    pub async fn next(&mut self) -> Frame {
        // Up to the next header; what comes before it is garbage (or blank lines, or a
        // Content-Type header).
        let mut garbage = false;
        loop {
            if let Some(at) = find_header(self.unread()) {
                garbage |= is_garbage(&self.unread()[..at]);
                self.start += at;
                break;
            }
            // Keep what could be the start of a header; the rest is skipped.
            let keep = self.unread().len().min(HEADER.len() - 1);
            let skip = self.unread().len() - keep;
            garbage |= is_garbage(&self.unread()[..skip]);
            self.start += skip;
            if !self.fill().await {
                garbage |= is_garbage(self.unread());
                self.start = self.buffer.len();
                return if garbage {
                    Frame::Bad("bytes that are not a message")
                } else {
                    Frame::End
                };
            }
        }
        if garbage {
            return Frame::Bad("bytes before a Content-Length header");
        }
        // The header block, up to a blank line.
        let block_end = loop {
            let unread = self.unread();
            let window = &unread[..unread.len().min(LONGEST_HEADER)];
            // The first blank line, CRLF or LF.
            let crlf = window.windows(4).position(|w| w == b"\r\n\r\n").map(|at| (at, 4));
            let lf = window.windows(2).position(|w| w == b"\n\n").map(|at| (at, 2));
            if let Some(end) = crlf.into_iter().chain(lf).min() {
                break Some(end);
            }
            if unread.len() >= LONGEST_HEADER || !self.fill().await {
                break None;
            }
        };
        let Some((block_length, blank)) = block_end else {
            // No end to the headers: step past this header and look for the next.
            self.start += HEADER.len();
            return Frame::Bad("a header block with no end");
        };
        let block = &self.unread()[..block_length];
        let mut length: Option<usize> = None;
        for line in block.split(|&byte| byte == b'\n') {
            let line = line.trim_ascii();
            if line.len() >= HEADER.len() && line[..HEADER.len()].eq_ignore_ascii_case(HEADER) {
                length = std::str::from_utf8(&line[HEADER.len()..])
                    .ok()
                    .and_then(|value| value.trim().parse::<usize>().ok());
            }
        }
        self.start += block_length + blank;
        let Some(length) = length else {
            return Frame::Bad("a Content-Length header that is not a length");
        };
        if length > self.largest {
            let mut left = length;
            loop {
                let take = left.min(self.unread().len());
                self.start += take;
                left -= take;
                if left == 0 {
                    break;
                }
                if !self.fill().await {
                    break;
                }
            }
            return Frame::Bad("a message larger than the server takes");
        }
        // The body. A header inside it, after a complete JSON value, means the declared
        // length was too long: the body ends there and the header starts the next one.
        let mut scanned = (0, 0);
        while self.unread().len() < length {
            if self.cut_long_bodies
                && let Some(cut) = self.cut_point(&mut scanned)
            {
                let body = self.unread()[..cut].to_vec();
                self.start += cut;
                return Frame::Body(body);
            }
            if !self.fill().await {
                let body = self.unread().to_vec();
                self.start = self.buffer.len();
                return Frame::Body(body);
            }
        }
        let cut = if self.cut_long_bodies {
            self.cut_point_within(&mut scanned, length)
                .or_else(|| header_after_value(&self.unread()[..length]))
        } else {
            None
        };
        if let Some(cut) = cut {
            let body = self.unread()[..cut].to_vec();
            self.start += cut;
            return Frame::Body(body);
        }
        let body = self.unread()[..length].to_vec();
        self.start += length;
        Frame::Body(body)
    }

    fn cut_point(&self, scanned: &mut (usize, usize)) -> Option<usize> {
        let available = self.unread().len();
        self.cut_point_within(scanned, available)
    }

    /// Where a body should be cut within its first `limit` bytes: at a header that follows
    /// a complete JSON value. A well-formed body never has one (after its value comes only
    /// whitespace, and a prefix ending inside a string is not complete).
    ///
    /// Only a header right after a `}` (a message is an object) is tried, and only the
    /// first few, so a body that quotes headers costs no more than a few parses.
    fn cut_point_within(&self, (scanned, tries): &mut (usize, usize), limit: usize) -> Option<usize> {
        const TRIES: usize = 8;
        let unread = &self.unread()[..limit];
        while *scanned + HEADER.len() <= unread.len() {
            let from = *scanned;
            let Some(found) = find_header(&unread[from..]) else {
                *scanned = unread.len() + 1 - HEADER.len();
                return None;
            };
            let at = from + found;
            *scanned = at + 1;
            let after_object = unread[..at].trim_ascii_end().ends_with(b"}");
            if after_object && *tries < TRIES {
                *tries += 1;
                if serde_json::from_slice::<IgnoredAny>(&unread[..at]).is_ok() {
                    return Some(at);
                }
            }
        }
        None
    }
}

/// Where a body that ends in (the start of) the next message's header should be cut:
/// after its first JSON value, when what follows that value begins a `Content-Length:`
/// header, however little of the header the declared length took in. A well-formed body
/// ends with its value (and whitespace), so only a broken one is ever cut.
fn header_after_value(body: &[u8]) -> Option<usize> {
    if body.trim_ascii_end().ends_with(b"}") {
        return None;
    }
    let mut values = serde_json::Deserializer::from_slice(body).into_iter::<IgnoredAny>();
    values.next()?.ok()?;
    let end = values.byte_offset();
    let rest = &body[end..];
    let header = rest.trim_ascii_start();
    let shared = header.len().min(HEADER.len());
    (shared > 0 && header[..shared].eq_ignore_ascii_case(&HEADER[..shared]))
        .then(|| body.len() - header.len())
}

/// The reader's view of the session, for the answers it gives itself.
#[derive(Debug, Default)]
pub struct Gate {
    initialized: bool,
    shut_down: bool,
}

/// What to do with a body.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// Forward these bytes (the message re-serialised) to the library.
    Forward(Vec<u8>),
    /// Answer the client with this response; the library never sees the message.
    Answer(Value),
}

/// A body with each byte that is not UTF-8 and each lone surrogate escape (`"\ud83d"` with
/// no low half after it) replaced by U+FFFD; `None` when it has neither.
///
/// Both happen in real editing: a client whose strings are UTF-16 (VS Code's) sends half
/// of a surrogate pair when an edit splits an emoji, escaped as JSON allows. Refusing the
/// message would leave the server's copy of the draft out of step with the editor's, and
/// every later edit, diagnostic and fix would land in the wrong place. U+FFFD is one UTF-16
/// code unit, as the lone surrogate (or a Latin-1 byte's character) was, so positions stay
/// in step.
fn repaired(body: &[u8]) -> Option<Vec<u8>> {
    let text = String::from_utf8_lossy(body);
    let mut changed = matches!(text, std::borrow::Cow::Owned(_));
    let hex = |at: usize| -> Option<u32> {
        let digits = text.get(at..at + 4)?;
        if digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            u32::from_str_radix(digits, 16).ok()
        } else {
            None
        }
    };
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'\\' || at + 1 >= bytes.len() {
            out.push(bytes[at]);
            at += 1;
            continue;
        }
        if bytes[at + 1] != b'u' {
            // An escape of one character (`\\`, `\"`, `\n`…): both bytes as they are.
            out.extend_from_slice(&bytes[at..at + 2]);
            at += 2;
            continue;
        }
        match hex(at + 2) {
            Some(0xD800..=0xDBFF) => {
                let low = (bytes.get(at + 6) == Some(&b'\\') && bytes.get(at + 7) == Some(&b'u'))
                    .then(|| hex(at + 8))
                    .flatten();
                if matches!(low, Some(0xDC00..=0xDFFF)) {
                    out.extend_from_slice(&bytes[at..at + 12]);
                    at += 12;
                } else {
                    out.extend_from_slice(b"\\ufffd");
                    changed = true;
                    at += 6;
                }
            }
            Some(0xDC00..=0xDFFF) => {
                out.extend_from_slice(b"\\ufffd");
                changed = true;
                at += 6;
            }
            _ => {
                out.extend_from_slice(&bytes[at..at + 2]);
                at += 2;
            }
        }
    }
    changed.then_some(out)
}

fn error_response(id: Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// A JSON-RPC id the library takes: an integer that fits in an `i64`, a string or null.
fn is_id(value: &Value) -> bool {
    matches!(value, Value::Number(number) if number.is_i64()) || value.is_string() || value.is_null()
}

fn is_response(message: &serde_json::Map<String, Value>) -> bool {
    let error_ok = |error: &Value| {
        error.get("code").is_some_and(|code| code.is_i64())
            && error.get("message").is_some_and(Value::is_string)
    };
    message.contains_key("id")
        && match (message.get("result"), message.get("error")) {
            (Some(_), None) => true,
            (None, Some(error)) => error_ok(error),
            _ => false,
        }
}

impl Gate {
    /// Judges a body: forwarded re-serialised, or answered here (see the module's
    /// documentation).
    pub fn judge(&mut self, body: &[u8]) -> Verdict {
        let value: Value = match serde_json::from_slice(body) {
            Ok(value) => value,
            Err(error) => match repaired(body).and_then(|body| serde_json::from_slice(&body).ok()) {
                Some(value) => {
                    tracing::warn!(
                        "a message from the client is not JSON ({error}): read with U+FFFD for its bad bytes and lone surrogates"
                    );
                    value
                }
                None => {
                    tracing::warn!(
                        "a message from the client is not JSON ({error}); answered with a parse error"
                    );
                    return Verdict::Answer(error_response(Value::Null, PARSE_ERROR, "Parse error"));
                }
            },
        };
        let invalid = |id: Option<&Value>, why: &str| {
            tracing::warn!("a message from the client is not JSON-RPC 2.0 ({why}); answered with an error");
            let id = id.filter(|id| is_id(id)).cloned().unwrap_or(Value::Null);
            Verdict::Answer(error_response(id, INVALID_REQUEST, "Invalid request"))
        };
        let Value::Object(message) = &value else {
            return invalid(None, "not an object");
        };
        let id = message.get("id");
        if message.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
            return invalid(id, "no \"jsonrpc\": \"2.0\"");
        }
        if id.is_some_and(|id| !is_id(id)) {
            return invalid(None, "an id that is not an integer, a string or null");
        }
        match message.get("method") {
            Some(Value::String(method)) => {
                if let Some(id) = id {
                    let refused = if method.starts_with("$/") {
                        Some(if self.shut_down {
                            INVALID_REQUEST
                        } else if !self.initialized {
                            SERVER_NOT_INITIALIZED
                        } else {
                            METHOD_NOT_FOUND
                        })
                    } else if self.shut_down && method != "exit" {
                        Some(INVALID_REQUEST)
                    } else {
                        None
                    };
                    if let Some(code) = refused {
                        let text = match code {
                            METHOD_NOT_FOUND => "Method not found",
                            SERVER_NOT_INITIALIZED => "Server not initialized",
                            _ => "Invalid request: the server has been shut down",
                        };
                        let mut response = error_response(id.clone(), code, text);
                        if code == METHOD_NOT_FOUND {
                            response["error"]["data"] = Value::String(method.clone());
                        }
                        return Verdict::Answer(response);
                    }
                    match method.as_str() {
                        "initialize" => self.initialized = true,
                        "shutdown" if self.initialized => self.shut_down = true,
                        _ => {}
                    }
                }
            }
            Some(_) => return invalid(id, "a method that is not a string"),
            None if is_response(message) => {}
            None => return invalid(id, "neither a request, a notification nor a response"),
        }
        match serde_json::to_vec(&value) {
            Ok(bytes) => Verdict::Forward(bytes),
            Err(_) => Verdict::Answer(error_response(Value::Null, PARSE_ERROR, "Parse error")),
        }
    }
}

async fn write_frame<W: AsyncWrite + Unpin>(output: &mut W, body: &[u8]) -> std::io::Result<()> {
    output
        .write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    output.write_all(body).await?;
    output.flush().await
}

/// Reads the client's frames from `input` and forwards the well-formed messages to the
/// library's side of a pipe (`library`), sending the server's own answers to `answers`,
/// until the input ends or the library stops reading.
pub async fn pump<R, W>(input: R, mut library: W, answers: mpsc::Sender<Vec<u8>>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = FrameReader::client(input);
    let mut gate = Gate::default();
    // After a bad frame, garbage up to the next header is part of it: one answer.
    let mut answered_bad_frame = false;
    loop {
        let verdict = match reader.next().await {
            Frame::End => return,
            Frame::Bad(what) => {
                // Bytes skipped up to the next header after a frame already answered are
                // the rest of that frame.
                if answered_bad_frame && what.starts_with("bytes") {
                    continue;
                }
                tracing::warn!("the client sent {what}; answered with a parse error");
                answered_bad_frame = true;
                Verdict::Answer(error_response(Value::Null, PARSE_ERROR, "Parse error"))
            }
            Frame::Body(body) => {
                let verdict = gate.judge(&body);
                answered_bad_frame =
                    matches!(&verdict, Verdict::Answer(answer) if answer["error"]["code"] == PARSE_ERROR);
                verdict
            }
        };
        match verdict {
            Verdict::Forward(bytes) => {
                if write_frame(&mut library, &bytes).await.is_err() {
                    return;
                }
            }
            Verdict::Answer(answer) => {
                if answers.send(answer.to_string().into_bytes()).await.is_err() {
                    return;
                }
            }
        }
    }
}

/// A channel for [`pump`]'s answers, to hand to [`write_out`].
pub fn answer_channel() -> (mpsc::Sender<Vec<u8>>, mpsc::Receiver<Vec<u8>>) {
    mpsc::channel(REPLY_QUEUE)
}

/// Writes the library's frames (read from its side of a pipe) and the server's own
/// answers to `output`, whole frames at a time, until the library's output ends; then
/// writes the answers still waiting.
pub async fn write_out<L, O>(library: L, mut answers: mpsc::Receiver<Vec<u8>>, mut output: O)
where
    L: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin,
{
    // The library's frames are read by a task of their own (a frame half read must not be
    // dropped when an answer comes first).
    let (frames_sender, mut frames) = mpsc::channel::<Vec<u8>>(1);
    tokio::spawn(async move {
        let mut reader = FrameReader::trusted(library);
        loop {
            match reader.next().await {
                Frame::Body(body) => {
                    if frames_sender.send(body).await.is_err() {
                        return;
                    }
                }
                Frame::Bad(what) => tracing::error!("the protocol library wrote {what}"),
                Frame::End => return,
            }
        }
    });
    let mut answers_open = true;
    loop {
        let body = tokio::select! {
            frame = frames.recv() => match frame {
                Some(body) => body,
                None => break,
            },
            answer = answers.recv(), if answers_open => match answer {
                Some(answer) => answer,
                None => {
                    answers_open = false;
                    continue;
                }
            },
        };
        if write_frame(&mut output, &body).await.is_err() {
            return;
        }
    }
    while let Ok(answer) = answers.try_recv() {
        if write_frame(&mut output, &answer).await.is_err() {
            return;
        }
    }
    let _ = output.flush().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames(input: &[u8]) -> Vec<Frame> {
        let mut reader = FrameReader::client(input);
        let mut out = Vec::new();
        loop {
            match reader.next().await {
                Frame::End => return out,
                frame => out.push(frame),
            }
        }
    }

    fn frame(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    const EXIT: &str = r#"{"jsonrpc":"2.0","method":"exit"}"#;
    const PING: &str = r#"{"jsonrpc":"2.0","id":1,"method":"x"}"#;

    #[tokio::test]
    async fn the_reader_resynchronises_on_the_next_header() {
        // A body with no header, a Content-Type header, a lower-case header, LF only.
        let mut input = PING.as_bytes().to_vec();
        input.extend(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n");
        input.extend(frame(EXIT));
        input.extend(format!("content-length: {}\n\n{EXIT}", EXIT.len()).into_bytes());
        assert_eq!(
            frames(&input).await,
            vec![
                Frame::Bad("bytes before a Content-Length header"),
                Frame::Body(EXIT.as_bytes().to_vec()),
                Frame::Body(EXIT.as_bytes().to_vec()),
            ]
        );
        // A length too short: the body is cut; its tail is garbage before the next header.
        let mut input = format!("Content-Length: {}\r\n\r\n{PING}", PING.len() - 8).into_bytes();
        input.extend(frame(EXIT));
        assert_eq!(
            frames(&input).await,
            vec![
                Frame::Body(PING.as_bytes()[..PING.len() - 8].to_vec()),
                Frame::Bad("bytes before a Content-Length header"),
                Frame::Body(EXIT.as_bytes().to_vec()),
            ]
        );
        // Lengths too long, by more and by less than a header: cut where the next begins.
        for extra in [30, 3] {
            let mut input = format!("Content-Length: {}\r\n\r\n{PING}", PING.len() + extra).into_bytes();
            input.extend(frame(EXIT));
            assert_eq!(
                frames(&input).await,
                vec![
                    Frame::Body(PING.as_bytes().to_vec()),
                    Frame::Body(EXIT.as_bytes().to_vec())
                ],
                "{extra} bytes too long"
            );
        }
        // A header that is no length.
        let mut input = b"Content-Length: lots\r\n\r\n".to_vec();
        input.extend(frame(EXIT));
        assert_eq!(
            frames(&input).await,
            vec![
                Frame::Bad("a Content-Length header that is not a length"),
                Frame::Body(EXIT.as_bytes().to_vec()),
            ]
        );
    }

    #[tokio::test]
    async fn a_body_that_quotes_a_header_is_not_cut() {
        let body = r#"{"jsonrpc":"2.0","method":"x","params":{"text":"}Content-Length: 5\r\n\r\n{}"}}"#;
        assert_eq!(
            frames(&frame(body)).await,
            vec![Frame::Body(body.as_bytes().to_vec())]
        );
    }

    #[tokio::test]
    async fn a_body_too_large_is_read_past() {
        let mut reader = FrameReader::client(&b"Content-Length: 10\r\n\r\n0123456789"[..]);
        reader.largest = 4;
        assert_eq!(
            reader.next().await,
            Frame::Bad("a message larger than the server takes")
        );
        assert_eq!(reader.next().await, Frame::End);
    }

    fn code(verdict: Verdict) -> (i64, Value) {
        match verdict {
            Verdict::Answer(answer) => (answer["error"]["code"].as_i64().unwrap(), answer["id"].clone()),
            Verdict::Forward(bytes) => panic!("forwarded {}", String::from_utf8_lossy(&bytes)),
        }
    }

    #[test]
    fn bodies_are_judged_in_full() {
        let mut gate = Gate::default();
        for body in [
            &br#"{"jsonrpc":"2.0","id":3,"method":"x","params":[1e400]}"#[..],
            b"{\"jsonrpc\": ",
            b"{\"jsonrpc\": \"2.0\", \xff",
            br#"{"jsonrpc":"2.0","method":"x","params":"\ud83d"#,
        ] {
            assert_eq!(code(gate.judge(body)), (PARSE_ERROR, Value::Null));
        }
        // Bad bytes and lone surrogates are read as U+FFFD; a pair and an escaped
        // backslash before "ud83d" are left alone.
        let mut forwarded = |body: &[u8]| match gate.judge(body) {
            Verdict::Forward(body) => serde_json::from_slice::<Value>(&body).unwrap(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            forwarded(b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"caf\xe9 au lait\"}")["params"],
            "caf\u{fffd} au lait"
        );
        assert_eq!(
            forwarded(
                br#"{"jsonrpc":"2.0","method":"x","params":"a \ud83d b \udc00 c \ud83d\ude00 \\ud83d"}"#
            )["params"],
            "a \u{fffd} b \u{fffd} c \u{1f600} \\ud83d"
        );
        assert_eq!(
            forwarded(b"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"x\",\"other\":\"\xff\"}")["id"],
            3
        );
        let deep = format!(
            r#"{{"jsonrpc":"2.0","method":"x","params":{}{}}}"#,
            "[".repeat(128),
            "]".repeat(128)
        );
        assert_eq!(code(gate.judge(deep.as_bytes())), (PARSE_ERROR, Value::Null));
        let deep = format!(
            r#"{{"jsonrpc":"2.0","method":"x","params":{}{}}}"#,
            "[".repeat(126),
            "]".repeat(126)
        );
        assert!(matches!(gate.judge(deep.as_bytes()), Verdict::Forward(_)));
        assert_eq!(code(gate.judge(br#"{"id": 4}"#)), (INVALID_REQUEST, json!(4)));
        assert_eq!(
            code(gate.judge(br#"{"jsonrpc":"2.0","id":5,"method":7}"#)),
            (INVALID_REQUEST, json!(5))
        );
        assert_eq!(
            code(gate.judge(br#"{"jsonrpc":"2.0","id":true,"method":"x"}"#)),
            (INVALID_REQUEST, Value::Null)
        );
        assert_eq!(code(gate.judge(b"[1, 2]")), (INVALID_REQUEST, Value::Null));
        assert_eq!(
            code(gate.judge(br#"{"jsonrpc":"2.0","id":6,"result":1,"error":{"code":1,"message":"m"}}"#)),
            (INVALID_REQUEST, json!(6))
        );
        // Duplicate keys would stop the library: the message goes on re-serialised.
        assert_eq!(
            gate.judge(br#"{"jsonrpc":"2.0","method":"x","method":"exit"}"#),
            Verdict::Forward(br#"{"jsonrpc":"2.0","method":"exit"}"#.to_vec())
        );
        assert!(matches!(
            gate.judge(br#"{"jsonrpc":"2.0","id":"a","error":{"code":-1,"message":"no"}}"#),
            Verdict::Forward(_)
        ));
    }

    #[test]
    fn dollar_requests_and_requests_after_shutdown_are_answered_here() {
        let mut gate = Gate::default();
        let trace = br#"{"jsonrpc":"2.0","id":1,"method":"$/setTrace"}"#;
        assert_eq!(code(gate.judge(trace)), (SERVER_NOT_INITIALIZED, json!(1)));
        assert!(matches!(
            gate.judge(br#"{"jsonrpc":"2.0","id":2,"method":"initialize"}"#),
            Verdict::Forward(_)
        ));
        assert_eq!(code(gate.judge(trace)), (METHOD_NOT_FOUND, json!(1)));
        // A `$/` notification goes on (the library ignores the ones it does not know).
        assert!(matches!(
            gate.judge(br#"{"jsonrpc":"2.0","method":"$/setTrace"}"#),
            Verdict::Forward(_)
        ));
        assert!(matches!(
            gate.judge(br#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#),
            Verdict::Forward(_)
        ));
        assert_eq!(
            code(gate.judge(br#"{"jsonrpc":"2.0","id":4,"method":"hover"}"#)),
            (INVALID_REQUEST, json!(4))
        );
        assert!(matches!(
            gate.judge(br#"{"jsonrpc":"2.0","method":"exit"}"#),
            Verdict::Forward(_)
        ));
    }

    #[tokio::test]
    async fn the_writer_merges_whole_frames_and_drains_answers_at_the_end() {
        let (mut library, library_side) = tokio::io::duplex(16);
        let (answers, receiver) = answer_channel();
        answers.send(b"{\"answer\":1}".to_vec()).await.unwrap();
        let writer = tokio::spawn(async move {
            let mut output = Vec::new();
            write_out(library_side, receiver, &mut output).await;
            output
        });
        library.write_all(&frame(EXIT)).await.unwrap();
        drop(library);
        let output = String::from_utf8(writer.await.unwrap()).unwrap();
        assert!(
            output.contains(&String::from_utf8(frame(EXIT)).unwrap()),
            "{output}"
        );
        assert!(
            output.contains("Content-Length: 12\r\n\r\n{\"answer\":1}"),
            "{output}"
        );
    }
}
