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

/// How many requests the server works on at once.
const CONCURRENT_REQUESTS: usize = 16;

/// The service and its client socket, for running the server over any transport (the
/// binary uses stdio; tests drive the service directly).
pub fn service() -> (LspService<Backend>, ClientSocket, Arc<Notify>) {
    let client_gone = Arc::new(Notify::new());
    let gone = client_gone.clone();
    let (service, socket) = LspService::build(move |client| Backend::new(client, gone))
        .custom_method(transport::PARSE_ERROR_METHOD, Backend::parse_error)
        .custom_method(transport::INVALID_REQUEST_METHOD, Backend::invalid_request)
        .finish();
    (service, socket, client_gone)
}

/// Serves the protocol on `input` and `output` until `exit`, the end of input, or the
/// client process's death. Returns the exit code: 0 when `shutdown` came first (then
/// `exit` or the end of input), else 1.
pub async fn serve<I, O>(input: I, output: O) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite,
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
    // The library reads through a pump that keeps malformed messages from stopping it.
    let (library_side, pump_side) = tokio::io::duplex(64 * 1024);
    tokio::spawn(transport::pump(input, pump_side));
    let server = Server::new(library_side, output, socket).concurrency_level(CONCURRENT_REQUESTS);
    tokio::select! {
        () = server.serve(service) => {}
        () = client_gone.notified() => return 1,
    }
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
