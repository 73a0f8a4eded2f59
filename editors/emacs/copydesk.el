;;; copydesk.el --- copydesk, the copy desk's language server, through Eglot  -*- lexical-binding: t; -*-

;; copydesk flags what a copy desk catches in news drafts (a name spelled two ways, a
;; figure with no source, a paragraph pasted twice) as Flymake diagnostics with quick fixes.
;;
;; Needs Emacs 29 or newer (Eglot is built in) and the `copydesk' program (`pip install
;; copydesk', a binary from the GitHub releases, or `cargo install copydesk').  Load this file
;; from your init file:
;;
;;   (load "/path/to/copydesk/editors/emacs/copydesk.el")
;;
;; or copy the forms below into it.  Markdown buffers want the markdown-mode package (`M-x
;; package-install RET markdown-mode', from NonGNU ELPA, which Emacs knows already) or
;; markdown-ts-mode (in Emacs 31; not in Emacs 30).  Without either, Emacs opens .md files in
;; `fundamental-mode' and nothing says why: this file then opens them in
;; `copydesk-markdown-fallback-mode' (plain text, checked as Markdown) and says once what to
;; install.  Plain `text-mode' buffers work as they are.

;;; Code:

(require 'eglot)

(defgroup copydesk nil
  "copydesk, a language server for news copy."
  :group 'eglot
  :prefix "copydesk-")

(defcustom copydesk-program "copydesk"
  "The copydesk program: a name found on `exec-path', or an absolute file name."
  :type 'string)

(defcustom copydesk-major-modes
  '(markdown-mode gfm-mode markdown-ts-mode copydesk-markdown-fallback-mode text-mode)
  "Major modes whose buffers copydesk checks.
Only these exact modes: `org-mode' and other modes derived from
`text-mode' are left alone."
  :type '(repeat symbol))

(defun copydesk--contact (&rest _)
  "The command Eglot runs: `copydesk-program' lsp."
  (list copydesk-program "lsp"))

;; First in the list, so copydesk serves these modes rather than another Markdown server
;; (Eglot runs one server per buffer).  The language ids tell copydesk Markdown from plain
;; text.
(add-to-list 'eglot-server-programs
             '(((markdown-mode :language-id "markdown")
                (markdown-ts-mode :language-id "markdown")
                (copydesk-markdown-fallback-mode :language-id "markdown")
                (text-mode :language-id "plaintext"))
               . copydesk--contact))

;; Markdown without markdown-mode: Emacs 30 has no Markdown mode of its own, so a .md file
;; opens in `fundamental-mode', which copydesk does not check, and nothing says why.
(defvar copydesk--told-about-markdown nil
  "Non-nil once the message about installing markdown-mode was shown.")

(define-derived-mode copydesk-markdown-fallback-mode text-mode "Markdown[copydesk]"
  "Markdown drafts as plain text, checked by copydesk as Markdown.
Used for .md files when neither the markdown-mode package nor
`markdown-ts-mode' is installed: install markdown-mode (from NonGNU
ELPA) for Markdown editing."
  (unless copydesk--told-about-markdown
    (setq copydesk--told-about-markdown t)
    (message "copydesk: markdown-mode is not installed, so %s opened as plain text (copydesk still checks it as Markdown); for Markdown editing, M-x package-install RET markdown-mode RET"
             (if buffer-file-name (file-name-nondirectory buffer-file-name) "this buffer"))))

(defun copydesk--markdown-mode-available-p ()
  "Non-nil when a Markdown major mode is installed."
  (or (fboundp 'markdown-mode) (fboundp 'markdown-ts-mode) (locate-library "markdown-mode")))

(unless (copydesk--markdown-mode-available-p)
  ;; At the end of the list, so that a Markdown mode set up later (or by the user) wins.
  (add-to-list 'auto-mode-alist
               '("\\.\\(?:md\\|markdown\\|mkd\\|mdown\\|mkdn\\|mdwn\\)\\'" . copydesk-markdown-fallback-mode)
               t))

(defun copydesk-eglot-ensure ()
  "Start copydesk for this buffer when its major mode is one of `copydesk-major-modes'."
  (when (memq major-mode copydesk-major-modes)
    (eglot-ensure)))

(dolist (hook '(markdown-mode-hook gfm-mode-hook markdown-ts-mode-hook
                copydesk-markdown-fallback-mode-hook text-mode-hook))
  (add-hook hook #'copydesk-eglot-ensure))

(defun copydesk--leave-other-modes-alone ()
  "Stop copydesk managing a buffer whose mode is not one of `copydesk-major-modes'.
Once a server runs in a project, Eglot also manages every buffer of that project
whose mode derives from one the server serves; `org-mode', commit messages and
many more derive from `text-mode'."
  (when (and (bound-and-true-p eglot--managed-mode)
             (not (memq major-mode copydesk-major-modes))
             (let ((server (eglot-current-server)))
               (and server (memq 'text-mode (eglot--major-modes server))
                    (equal (car (process-command (jsonrpc--process server)))
                           (car (copydesk--contact))))))
    (eglot--managed-mode -1)))

(add-hook 'eglot-managed-mode-hook #'copydesk--leave-other-modes-alone)

;; Settings: the keys of copydesk.toml.  A draft's copydesk.toml is read over them (the keys
;; the file sets win, the others keep these).  For example, in your init file or a
;; project's .dir-locals.el:
;;
;;   (setq-default eglot-workspace-configuration
;;                 '(:copydesk (:rules (:unattributed-figure "error")
;;                              :names (:known ["Volodymyr Zelenskyy"]))))

(provide 'copydesk)
;;; copydesk.el ends here
