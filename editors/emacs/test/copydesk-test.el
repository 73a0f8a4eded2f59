;;; copydesk-test.el --- Eglot end to end: diagnostics and a quick fix  -*- lexical-binding: t; -*-

;; Run by editors/emacs/test.sh:
;;
;;   emacs --batch -Q -l editors/emacs/copydesk.el -l editors/emacs/test/copydesk-test.el
;;
;; with COPYDESK_BIN (the binary under test) and COPYDESK_TEST_DIR (an empty folder) in the
;; environment.  It opens a Markdown draft (with a stand-in `markdown-mode' when the package
;; is not installed) and a plain-text draft through the hooks copydesk.el installs, waits for
;; copydesk's Flymake diagnostics, applies the preferred quick fix and checks the text.
;; Exits 0 when every step passed, 1 with a message otherwise.

;;; Code:

(require 'eglot)
(require 'flymake)
(require 'cl-lib)

(defvar copydesk-test-patience 60 "Seconds any one wait may take.")

(defun copydesk-test-fail (format-string &rest args)
  (princ (format "emacs e2e FAILED: %s\n" (apply #'format format-string args)) #'external-debugging-output)
  (kill-emacs 1))

(defun copydesk-test-wait (what predicate &optional describe)
  "Wait until PREDICATE returns non-nil, else fail saying WHAT was awaited."
  (let ((deadline (+ (float-time) copydesk-test-patience))
        (last-kick 0)
        value)
    (while (not (setq value (funcall predicate)))
      (when (> (float-time) deadline)
        (copydesk-test-fail "timed out after %ss waiting for %s%s" copydesk-test-patience what
                            (if describe (format "; saw: %s" (funcall describe)) "")))
      ;; Eglot sends edits and Flymake starts its checks from idle timers, which batch
      ;; Emacs never runs: do their work here.
      (when (and (bound-and-true-p flymake-mode) (> (- (float-time) last-kick) 0.5))
        (setq last-kick (float-time))
        (when eglot--managed-mode
          (eglot--signal-textDocument/didChange))
        (flymake-start))
      (accept-process-output nil 0.05))
    value))

(defun copydesk-test-diagnostics ()
  (cl-loop for diagnostic in (flymake-diagnostics)
           collect (list (flymake-diagnostic-beg diagnostic)
                         (flymake-diagnostic-end diagnostic)
                         (flymake-diagnostic-text diagnostic)
                         (flymake-diagnostic-type diagnostic))))

(defun copydesk-test-find (rule)
  (cl-find-if (lambda (diagnostic) (string-match-p (regexp-quote rule) (flymake-diagnostic-text diagnostic)))
              (flymake-diagnostics)))

(defun copydesk-test-open (file)
  "Visit FILE, run the idle work `eglot-ensure' waits for, and wait until Eglot manages it."
  (find-file file)
  (run-hooks 'post-command-hook)
  (copydesk-test-wait (format "Eglot to manage %s (%s)" file major-mode)
                      (lambda () (and (eglot-current-server) eglot--managed-mode))
                      (lambda () (with-current-buffer "*Messages*" (buffer-string))))
  (flymake-start))

(defun copydesk-test-run ()
  "The test's steps."
 (let* ((binary (or (getenv "COPYDESK_BIN") (copydesk-test-fail "COPYDESK_BIN is not set")))
       (folder (file-name-as-directory
                (or (getenv "COPYDESK_TEST_DIR") (copydesk-test-fail "COPYDESK_TEST_DIR is not set"))))
       (draft (expand-file-name "ferry-strike.md" folder))
       (text-draft (expand-file-name "budget.txt" folder))
       (original (concat "# Ferry strike\n\n"
                         "Joseph Camilleri, who leads the pilots’ union, said the strike would go on. "
                         "“We have no choice,” Camilleri said.\n\n"
                         "At the quay — in Valletta 🚢 — Kamilleri urged travellers to be patient.\n"))
       (expected (replace-regexp-in-string "Kamilleri" "Camilleri" original)))
  (setq copydesk-program binary)
  ;; Keep the test quiet and self-contained.
  (setq eglot-events-buffer-config '(:size 0 :format full)
        eglot-autoshutdown t
        make-backup-files nil
        create-lockfiles nil)
  ;; Emacs alone (-Q) has no Markdown mode: copydesk.el sent .md files to its fallback.
  (unless (eq (assoc-default "draft.md" auto-mode-alist #'string-match) 'copydesk-markdown-fallback-mode)
    (copydesk-test-fail "without markdown-mode, .md files go to %S"
                        (assoc-default "draft.md" auto-mode-alist #'string-match)))
  (unless (fboundp 'markdown-mode)
    ;; A stand-in for the markdown-mode package, which Emacs does not ship.
    (define-derived-mode markdown-mode text-mode "Markdown"))
  (add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))
  (with-temp-file draft (insert original))
  (with-temp-file text-draft (insert "Council budget notes\n\nThe council will publish its budget on TK.\n"))

  ;; 1. The Markdown draft: copydesk starts, with the Markdown language id.
  (copydesk-test-open draft)
  (let ((server (eglot-current-server)))
    (unless (equal (process-command (jsonrpc--process server)) (list binary "lsp"))
      (copydesk-test-fail "Eglot ran %S" (process-command (jsonrpc--process server))))
    (unless (equal (eglot--languageId server) "markdown")
      (copydesk-test-fail "the language id is %S, not \"markdown\"" (eglot--languageId server))))

  ;; 2. Its diagnostics, and the name spelled two ways among them.
  (let* ((diagnostic (copydesk-test-wait "a name-consistency diagnostic"
                                         (lambda () (copydesk-test-find "spelled ‘Camilleri’ elsewhere"))
                                         #'copydesk-test-diagnostics))
         (flagged (buffer-substring-no-properties (flymake-diagnostic-beg diagnostic)
                                                  (flymake-diagnostic-end diagnostic))))
    (unless (equal flagged "Kamilleri")
      (copydesk-test-fail "the diagnostic covers %S, not \"Kamilleri\"" flagged))

    ;; 3. The quick fixes there, and the respelling applied as a writer chooses it. It is
    ;; an unsafe fix (whether two spellings are one name is a heuristic's call), so it is
    ;; offered but not preferred.
    (goto-char (flymake-diagnostic-beg diagnostic))
    (let* ((actions (eglot-code-actions (flymake-diagnostic-beg diagnostic)
                                        (flymake-diagnostic-end diagnostic) "quickfix"))
           (respelling (or (cl-find-if (lambda (action)
                                         (equal (plist-get action :title) "Replace with ‘Camilleri’"))
                                       actions)
                           (copydesk-test-fail "no respelling among the quick fixes %S"
                                               (mapcar (lambda (a) (plist-get a :title)) actions)))))
      (when (eq (plist-get respelling :isPreferred) t)
        (copydesk-test-fail "the unsafe respelling is marked preferred"))
      (eglot-execute (eglot-current-server) respelling)))
  (unless (equal (buffer-string) expected)
    (copydesk-test-fail "after the fix the buffer is:\n%s" (buffer-string)))

  ;; 4. The server saw the edit: the name diagnostic goes.
  (copydesk-test-wait "the name-consistency diagnostic to go"
                      (lambda () (not (copydesk-test-find "spelled ‘Camilleri’ elsewhere")))
                      #'copydesk-test-diagnostics)

  ;; 5. The plain-text draft: text-mode, the plaintext language id, a placeholder found.
  (copydesk-test-open text-draft)
  (unless (and (eq major-mode 'text-mode) (equal (eglot--languageId) "plaintext"))
    (copydesk-test-fail "budget.txt is in %s, language id %S" major-mode (eglot--languageId)))
  (copydesk-test-wait "a placeholder diagnostic on the plain-text draft"
                      (lambda () (copydesk-test-find "TK"))
                      #'copydesk-test-diagnostics)

  ;; 6. A Markdown file that no Markdown mode takes (the stand-in takes only .md): the
  ;; fallback mode, with the Markdown language id, a message saying what to install, and
  ;; copydesk's findings.
  (with-temp-file (expand-file-name "sidebar.markdown" folder)
    (insert "# Sidebar

The ferry company will publish a timetable on TK.
"))
  (copydesk-test-open (expand-file-name "sidebar.markdown" folder))
  (unless (and (eq major-mode 'copydesk-markdown-fallback-mode) (equal (eglot--languageId) "markdown"))
    (copydesk-test-fail "sidebar.markdown is in %s, language id %S" major-mode (eglot--languageId)))
  (unless (with-current-buffer "*Messages*"
            (save-excursion
              (goto-char (point-min))
              (search-forward "M-x package-install RET markdown-mode" nil t)))
    (copydesk-test-fail "no message saying to install markdown-mode"))
  (copydesk-test-wait "a placeholder diagnostic on the fallback-mode draft"
                      (lambda () (copydesk-test-find "TK"))
                      #'copydesk-test-diagnostics)

  ;; 7. org-mode (derived from text-mode) is left alone.
  (find-file (expand-file-name "notes.org" folder))
  (run-hooks 'post-command-hook)
  (accept-process-output nil 0.5)
  (when eglot--managed-mode
    (copydesk-test-fail "copydesk manages an org-mode buffer"))

  (princ "emacs e2e: passed (diagnostics, quick fix, recheck, plain text, Markdown without markdown-mode, org-mode left alone)\n")))

(condition-case error
    (copydesk-test-run)
  (error (copydesk-test-fail "%s" (error-message-string error))))
(let ((inhibit-message t))
  (eglot-shutdown-all))
(kill-emacs 0)

;;; copydesk-test.el ends here
