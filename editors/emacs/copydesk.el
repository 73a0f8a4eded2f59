;;; copydesk.el --- copydesk, the copy desk's language server, through Eglot  -*- lexical-binding: t; -*-

;; copydesk flags what a copy desk catches in news drafts (a name spelled two ways, a
;; figure with no source, a paragraph pasted twice) as Flymake diagnostics with quick fixes.
;;
;; Needs Emacs 29 or newer (Eglot is built in) and the `copydesk' program (`cargo install
;; --path .' in a copydesk checkout).  Load this file from your init file:
;;
;;   (load "/path/to/copydesk/editors/emacs/copydesk.el")
;;
;; or copy the forms below into it.  Markdown buffers need the markdown-mode package (or
;; Emacs's markdown-ts-mode); plain `text-mode' buffers work as they are.

;;; Code:

(require 'eglot)

(defgroup copydesk nil
  "copydesk, a language server for news copy."
  :group 'eglot
  :prefix "copydesk-")

(defcustom copydesk-program "copydesk"
  "The copydesk program: a name found on `exec-path', or an absolute file name."
  :type 'string)

(defcustom copydesk-major-modes '(markdown-mode gfm-mode markdown-ts-mode text-mode)
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
                (text-mode :language-id "plaintext"))
               . copydesk--contact))

(defun copydesk-eglot-ensure ()
  "Start copydesk for this buffer when its major mode is one of `copydesk-major-modes'."
  (when (memq major-mode copydesk-major-modes)
    (eglot-ensure)))

(dolist (hook '(markdown-mode-hook gfm-mode-hook markdown-ts-mode-hook text-mode-hook))
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

;; Settings: the keys of copydesk.toml, used for drafts that have no copydesk.toml of their
;; own.  For example, in your init file or a project's .dir-locals.el:
;;
;;   (setq-default eglot-workspace-configuration
;;                 '(:copydesk (:rules (:unattributed-figure "error")
;;                              :names (:known ["Volodymyr Zelenskyy"]))))

(provide 'copydesk)
;;; copydesk.el ends here
