//! A guard in front of the protocol library's reader.
//!
//! `tower-lsp-server` stops reading its input at the first message it cannot decode, so
//! one malformed message would end the server. This pump reads the client's frames
//! itself and hands the library only messages it can decode: a body that is not JSON
//! becomes a request for `copydesk/parseError` with a null id, and JSON that is not a
//! JSON-RPC message becomes a request for `copydesk/invalidRequest` with the message's id
//! (or null). The server answers those with the JSON-RPC errors -32700 and -32600, as the
//! specification asks, and reads on. Headers without a usable `Content-Length` are
//! treated the same way, and an absurd length is read past, never allocated.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

/// The method a body that is not JSON is turned into.
pub const PARSE_ERROR_METHOD: &str = "copydesk/parseError";
/// The method JSON that is not a JSON-RPC message is turned into.
pub const INVALID_REQUEST_METHOD: &str = "copydesk/invalidRequest";

/// The longest header line read; longer ones are garbage.
const LONGEST_HEADER_LINE: u64 = 8 * 1024;
/// The largest message taken; larger ones are read past and answered with an error.
const LARGEST_MESSAGE: usize = 512 * 1024 * 1024;

fn some_value<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

/// The parts of a message that decide whether it is JSON-RPC.
#[derive(Deserialize)]
struct Shape {
    jsonrpc: Option<String>,
    method: Option<String>,
    #[serde(default, deserialize_with = "some_value")]
    id: Option<Value>,
    #[serde(default)]
    #[allow(dead_code)]
    params: Option<IgnoredAny>,
    #[serde(default, deserialize_with = "some_value")]
    result: Option<Value>,
    error: Option<ErrorShape>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct ErrorShape {
    code: i64,
    message: String,
}

fn is_id(value: &Value) -> bool {
    matches!(value, Value::Number(number) if number.is_i64()) || value.is_string() || value.is_null()
}

/// What to do with a body.
#[derive(Debug, PartialEq)]
enum Verdict {
    Forward,
    /// Replace it with this message.
    Replace(Vec<u8>),
}

fn substitute(method: &str, id: Value) -> Verdict {
    let message = json!({"jsonrpc": "2.0", "id": id, "method": method});
    Verdict::Replace(message.to_string().into_bytes())
}

fn judge(body: &[u8]) -> Verdict {
    let shape: Shape = match serde_json::from_slice(body) {
        Ok(shape) => shape,
        Err(error) if error.is_syntax() || error.is_eof() => {
            tracing::warn!("a message from the client is not JSON ({error}); answered with a parse error");
            return substitute(PARSE_ERROR_METHOD, Value::Null);
        }
        Err(error) => {
            tracing::warn!("a message from the client is not JSON-RPC ({error}); answered with an error");
            let id = serde_json::from_slice::<Value>(body)
                .ok()
                .and_then(|value| value.get("id").cloned())
                .filter(is_id)
                .unwrap_or(Value::Null);
            return substitute(INVALID_REQUEST_METHOD, id);
        }
    };
    let version_ok = shape.jsonrpc.as_deref() == Some("2.0");
    let id_ok = shape.id.as_ref().is_none_or(is_id);
    let is_call = shape.method.is_some();
    let is_response = !is_call && shape.id.is_some() && (shape.result.is_some() != shape.error.is_some());
    if version_ok && id_ok && (is_call || is_response) {
        return Verdict::Forward;
    }
    tracing::warn!("a message from the client is not JSON-RPC 2.0; answered with an error");
    let id = shape.id.filter(is_id).unwrap_or(Value::Null);
    substitute(INVALID_REQUEST_METHOD, id)
}

async fn write_frame<W: AsyncWrite + Unpin>(output: &mut W, body: &[u8]) -> std::io::Result<()> {
    output
        .write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    output.write_all(body).await?;
    output.flush().await
}

/// Copies framed messages from `input` to `output`, replacing the ones the protocol
/// library cannot decode, until the input ends or the output is closed.
pub async fn pump<R, W>(input: R, mut output: W)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = BufReader::new(input);
    let mut line = Vec::new();
    loop {
        // The headers, up to a blank line.
        let mut content_length: Option<Option<usize>> = None;
        let mut saw_header = false;
        loop {
            line.clear();
            let read = (&mut reader)
                .take(LONGEST_HEADER_LINE)
                .read_until(b'\n', &mut line)
                .await;
            match read {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let text = String::from_utf8_lossy(&line);
            let trimmed = text.trim();
            if trimmed.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some((name, value)) = trimmed.split_once(':')
                && name.trim().eq_ignore_ascii_case("content-length")
            {
                content_length = Some(value.trim().parse::<usize>().ok());
            }
        }
        let body = match content_length {
            Some(Some(length)) if length <= LARGEST_MESSAGE => {
                // Grown as the bytes arrive, so a length that lies costs nothing up front.
                let mut body = Vec::with_capacity(length.min(1 << 20));
                match (&mut reader).take(length as u64).read_to_end(&mut body).await {
                    Ok(read) if read == length => body,
                    _ => return,
                }
            }
            Some(Some(length)) => {
                tracing::warn!(
                    "a message of {length} bytes is too large; skipped and answered with an error"
                );
                let skipped =
                    tokio::io::copy(&mut (&mut reader).take(length as u64), &mut tokio::io::sink()).await;
                if skipped.map_or(true, |count| count < length as u64) {
                    return;
                }
                Vec::new()
            }
            _ => {
                tracing::warn!(
                    "a message without a usable Content-Length header; answered with a parse error"
                );
                Vec::new()
            }
        };
        let verdict = if body.is_empty() {
            substitute(PARSE_ERROR_METHOD, Value::Null)
        } else {
            judge(&body)
        };
        let written = match verdict {
            Verdict::Forward => write_frame(&mut output, &body).await,
            Verdict::Replace(replacement) => write_frame(&mut output, &replacement).await,
        };
        if written.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_judged_by_their_shape() {
        assert_eq!(
            judge(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
            Verdict::Forward
        );
        assert_eq!(judge(br#"{"jsonrpc":"2.0","method":"exit"}"#), Verdict::Forward);
        assert_eq!(
            judge(br#"{"jsonrpc":"2.0","id":3,"result":null}"#),
            Verdict::Forward
        );
        assert_eq!(
            judge(br#"{"jsonrpc":"2.0","id":"a","error":{"code":-1,"message":"no"}}"#),
            Verdict::Forward
        );
        assert_eq!(
            judge(b"{\"jsonrpc\": "),
            substitute(PARSE_ERROR_METHOD, Value::Null)
        );
        assert_eq!(
            judge(br#"{"id": 4}"#),
            substitute(INVALID_REQUEST_METHOD, json!(4))
        );
        assert_eq!(
            judge(br#"{"jsonrpc":"2.0","id":5,"method":7}"#),
            substitute(INVALID_REQUEST_METHOD, json!(5))
        );
        assert_eq!(
            judge(br#"{"jsonrpc":"2.0","id":true,"method":"x"}"#),
            substitute(INVALID_REQUEST_METHOD, Value::Null)
        );
        assert_eq!(judge(b"[1, 2]"), substitute(INVALID_REQUEST_METHOD, Value::Null));
    }

    #[tokio::test]
    async fn the_pump_reframes_and_survives_garbage() {
        let input = b"Content-Length: 5\r\n\r\nnope!Content-Type: x\r\n\r\nContent-Length: 33\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}".to_vec();
        let mut output = Vec::new();
        pump(&input[..], &mut output).await;
        let text = String::from_utf8(output).unwrap();
        let frames: Vec<&str> = text.split("Content-Length: ").filter(|f| !f.is_empty()).collect();
        assert_eq!(frames.len(), 3, "{text}");
        assert!(frames[0].contains(PARSE_ERROR_METHOD));
        assert!(frames[1].contains(PARSE_ERROR_METHOD));
        assert!(frames[2].ends_with("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"));
    }
}
