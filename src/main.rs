// mimalloc: the engine allocates many small vectors and strings per paragraph, and the
// language server does so from several threads; it is about 10% faster than glibc's
// allocator on a 1,000-word draft (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(copydesk::cli::main());
}
