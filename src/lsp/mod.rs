//! `copydesk lsp`: the language server, over stdio.
//!
//! A thin layer over the engine (see `docs/lsp.md`): open drafts live in ropes
//! ([`documents`]), a story's drafts are analysed together off the async runtime after a
//! quiet period ([`state`], [`analysis`]), findings become diagnostics and code actions
//! ([`to_proto`], [`code_actions`]), and the story's style sheet answers hovers and the
//! `copydesk.styleSheet` command ([`hover`], [`commands`]).
//!
//! Only protocol goes to stdout; logs go to stderr (`COPYDESK_LOG=info` for more) and, at
//! info level and above, to the client's log ([`log`]).

pub mod analysis;
pub mod code_actions;
pub mod commands;
pub mod config_store;
pub mod documents;
pub mod house_names;
pub mod hover;
pub mod log;
pub mod server;
pub mod state;
pub mod to_proto;
pub mod transport;

use std::sync::Arc;

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::Notify;
use tower_lsp_server::{ClientSocket, LspService, Server};

pub use server::Backend;

/// How many messages the protocol library works on at once. A request that waits for
/// its story's analysis waits in a task of its own and costs a slot nothing but a small
/// future, so the limit is high: sixteen hovers queued on a large draft under analysis
/// must not hold up an edit or a request on another draft, nor the `$/cancelRequest`
/// that gives up on them (the library answers a cancelled request only when it polls
/// it). It still bounds what a client that floods the server can make it hold.
const CONCURRENT_REQUESTS: usize = 1024;

/// The service and its client socket, for running the server over any transport (the
/// binary uses stdio; tests drive the service directly).
pub fn service() -> (LspService<Backend>, ClientSocket, Arc<Notify>) {
    let client_gone = Arc::new(Notify::new());
    let gone = client_gone.clone();
    let (service, socket) = LspService::build(move |client| Backend::new(client, gone)).finish();
    (service, socket, client_gone)
}

/// Serves the protocol on `input` and `output` until `exit`, the end of input, or the
/// client process's death. Returns the exit code: 0 when `shutdown` came first (then
/// `exit` or the end of input), else 1.
pub async fn serve<I, O>(input: I, output: O) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (service, socket, client_gone) = service();
    let state = service.inner().state().clone();
    // copydesk's log events go to the client's log too, once it has said hello.
    let (log_sender, mut log_receiver) = tokio::sync::mpsc::channel(log::CAPACITY);
    log::install(log_sender);
    let log_state = state.clone();
    tokio::spawn(async move {
        log_state.initialize_received().await;
        while let Some((kind, message)) = log_receiver.recv().await {
            log_state.client.log_message(kind, message).await;
        }
    });
    // The library reads through a pump that frames and judges the client's messages and
    // answers the malformed ones itself; its output is merged with those answers.
    let (library_input, pump_side) = tokio::io::duplex(64 * 1024);
    let (library_output, writer_side) = tokio::io::duplex(64 * 1024);
    let (answers, answers_receiver) = transport::answer_channel();
    tokio::spawn(transport::pump(input, pump_side, answers));
    let writer = tokio::spawn(transport::write_out(writer_side, answers_receiver, output));
    let server = Server::new(library_input, library_output, socket).concurrency_level(CONCURRENT_REQUESTS);
    tokio::select! {
        () = server.serve(service) => {}
        () = client_gone.notified() => return 1,
    }
    // Everything the library wrote reaches the client before the server exits.
    let _ = writer.await;
    if state.shutdown_requested() {
        0
    } else {
        tracing::warn!("the client left without asking the server to shut down");
        1
    }
}

/// Runs the language server on stdin and stdout; returns the process exit code.
pub fn run() -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("copydesk-lsp")
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!("cannot start the language server's runtime: {error}");
            return 2;
        }
    };
    let code = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // An analysis still running on a blocking thread must not hold the exit up.
    runtime.shutdown_background();
    code
}
