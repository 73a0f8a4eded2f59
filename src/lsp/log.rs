//! The client's log: copydesk's log events at info level and above go to the client as
//! `window/logMessage` too, besides stderr.
//!
//! A [`tracing`] layer hands each event to a bounded channel with `try_send`, so the thread
//! that logs never waits for the client (when the channel is full, the event reaches stderr
//! only); a task of the server takes them from the channel and sends them. Nothing here
//! writes to stdout but through the protocol. Only events of copydesk's own targets go to
//! the client: the protocol library's own events (one of which is "failed to send
//! notification") would otherwise feed back into the channel.

use std::fmt::Write as _;
use std::sync::Mutex;

use tokio::sync::mpsc;
use tower_lsp_server::ls_types::MessageType;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::Context;
use tracing_subscriber::registry::LookupSpan;

/// How many log messages may wait for the client before new ones go to stderr only.
pub const CAPACITY: usize = 1024;

/// One message for the client's log.
pub type LogLine = (MessageType, String);

/// Where the layer sends: set while a server runs.
static SINK: Mutex<Option<mpsc::Sender<LogLine>>> = Mutex::new(None);

/// Sends copydesk's log events from now on to `sender` (replacing any earlier one).
pub fn install(sender: mpsc::Sender<LogLine>) {
    if let Ok(mut sink) = SINK.lock() {
        *sink = Some(sender);
    }
}

/// The layer that forwards copydesk's events at info and above to the running server's
/// client, if there is one (and does nothing otherwise).
pub fn client_layer<S>() -> impl Layer<S>
where
    S: Subscriber + for<'span> LookupSpan<'span>,
{
    ClientLog.with_filter(Targets::new().with_target("copydesk", Level::INFO))
}

struct ClientLog;

impl<S: Subscriber> Layer<S> for ClientLog {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let Ok(sink) = SINK.lock() else {
            return;
        };
        let Some(sender) = sink.as_ref() else {
            return;
        };
        let kind = match *event.metadata().level() {
            Level::ERROR => MessageType::ERROR,
            Level::WARN => MessageType::WARNING,
            _ => MessageType::INFO,
        };
        let mut text = Text::default();
        event.record(&mut text);
        // Full or closed: the message is on stderr all the same.
        let _ = sender.try_send((kind, text.0));
    }
}

/// An event's message, then its other fields as `name=value`.
#[derive(Default)]
struct Text(String);

impl Visit for Text {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.0.insert_str(0, value);
        } else {
            let _ = write!(self.0, " {}={value}", field.name());
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0.insert_str(0, &format!("{value:?}"));
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracing_subscriber::layer::SubscriberExt;

    #[test]
    fn copydesk_events_at_info_and_above_reach_the_channel_and_others_do_not() {
        let (sender, mut receiver) = mpsc::channel(8);
        install(sender);
        let subscriber = tracing_subscriber::registry().with(client_layer());
        tracing::subscriber::with_default(subscriber, || {
            tracing::info!(target: "copydesk::lsp::state", "hello {}", 7);
            tracing::warn!(target: "copydesk::lsp::server", uri = "file:///a.md", "clamped");
            tracing::debug!(target: "copydesk::lsp::state", "too chatty");
            tracing::error!(target: "tower_lsp_server::service", "failed to send notification");
        });
        if let Ok(mut sink) = SINK.lock() {
            *sink = None;
        }
        assert_eq!(
            receiver.try_recv().ok(),
            Some((MessageType::INFO, "hello 7".to_string()))
        );
        assert_eq!(
            receiver.try_recv().ok(),
            Some((MessageType::WARNING, "clamped uri=file:///a.md".to_string()))
        );
        assert!(receiver.try_recv().is_err());
    }
}
