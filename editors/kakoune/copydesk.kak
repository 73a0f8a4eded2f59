# copydesk for Kakoune through kakoune-lsp (version 18 or newer, configured in kakrc).
# Source this file from your kakrc after kakoune-lsp is loaded, for example:
#
#   eval %sh{kak-lsp}
#   source /path/to/copydesk/editors/kakoune/copydesk.kak
#   lsp-enable
#
# Needs the copydesk program on PATH (`cargo install --path .` in a copydesk checkout).

# Kakoune gives .txt files no filetype: this one lets copydesk check plain-text drafts.
hook global BufCreate .*[.]txt %{
    set-option buffer filetype plain
}

# Added to the buffer's servers (after any other Markdown server). The settings are the keys
# of copydesk.toml, used for drafts that have no copydesk.toml of their own.
hook -group lsp-filetype-copydesk global BufSetOption filetype=(?:markdown|plain) %{
    set-option -add buffer lsp_servers %{
        [copydesk]
        command = "copydesk"
        args = ["lsp"]
        root_globs = ["copydesk.toml", ".copydesk.toml", ".git"]
        settings_section = "copydesk"
        [copydesk.settings.copydesk]
        # rules = { "unattributed-figure" = "error" }
        # names = { known = ["Volodymyr Zelenskyy"] }
    }
}
