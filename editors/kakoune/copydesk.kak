# copydesk for Kakoune through kakoune-lsp (version 18 or newer, configured in kakrc).
# Source this file from your kakrc after kakoune-lsp is loaded, for example:
#
#   eval %sh{kak-lsp}
#   source /path/to/copydesk/editors/kakoune/copydesk.kak
#   lsp-enable
#
# Needs the copydesk program on PATH: `pip install copydesk`, a binary from the GitHub
# releases, or `cargo install copydesk`.

# Kakoune gives .txt files no filetype: this one lets copydesk check plain-text drafts. Only
# a .txt file that nothing else gave a filetype (Kakoune's cmake.kak takes CMakeLists.txt),
# decided once its window is shown, and not one of the .txt files programs read
# (requirements.txt and the like).
hook -group copydesk-plain-text global BufCreate .*[.]txt %{
    evaluate-commands %sh{
        case "${kak_buffile##*/}" in
            CMakeLists.txt | *requirements*.txt | constraints*.txt | robots.txt | llms.txt | *.cmake.txt) ;;
            *) echo 'hook -once buffer WinDisplay .* copydesk-plain-if-untyped' ;;
        esac
    }
}
define-command -hidden copydesk-plain-if-untyped %{
    evaluate-commands %sh{
        [ -z "$kak_opt_filetype" ] && echo 'set-option buffer filetype plain'
    }
}

# Added to the buffer's servers (after any other Markdown server), once: Kakoune before
# v2025.06.03 sets the filetype twice, and two [copydesk] tables break kak-lsp's hover and
# code actions. The settings are the keys of copydesk.toml; a draft's copydesk.toml is read
# over them (the keys it sets win, the others keep these).
hook -group lsp-filetype-copydesk global BufSetOption filetype=(?:markdown|plain) %{
    evaluate-commands %sh{
        case "$kak_opt_lsp_servers" in
            *'[copydesk]'*) ;;
            *) echo copydesk-add-lsp-server ;;
        esac
    }
}
define-command -hidden copydesk-add-lsp-server %{
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
