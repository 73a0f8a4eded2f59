-- The Neovim end-to-end test, driven by tests/editors.rs:
--
--   nvim --headless --clean -c 'luafile tests/editors/nvim.lua'
--
-- with COPYDESK_BIN (the built binary), COPYDESK_NVIM_CONFIG (editors/nvim, whose
-- lsp/copydesk.lua is the configuration under test), COPYDESK_DRAFT (a Markdown draft with
-- a name spelled two ways), COPYDESK_TEXT_DRAFT (a plain-text draft with a placeholder) and
-- COPYDESK_RESULT (where to write what happened, as JSON) in the environment.
--
-- It uses Neovim's own LSP client as a writer would: vim.lsp.enable starts the server,
-- the diagnostics are the ones Neovim shows, and the quick fix is applied through
-- vim.lsp.buf.code_action. Every wait has a generous limit and fails with what it was
-- waiting for and what it saw. The process exits 0 only when every step passed.

local PATIENCE_MS = tonumber(vim.env.COPYDESK_NVIM_PATIENCE_MS or '') or 60000

local result = { steps = {} }

local function env(name)
  local value = vim.env[name]
  if value == nil or value == '' then
    error(('%s is not set (run this script through `cargo test --test editors`)'):format(name), 0)
  end
  return value
end

local function step(name)
  table.insert(result.steps, name)
end

local function wait_for(what, condition, describe)
  local started = vim.uv.hrtime()
  local ok = vim.wait(PATIENCE_MS, condition, 20)
  if not ok then
    local seen = describe and describe() or ''
    error(('timed out after %d ms waiting for %s%s'):format(PATIENCE_MS, what, seen ~= '' and ('; saw: ' .. seen) or ''), 0)
  end
  return (vim.uv.hrtime() - started) / 1e6
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
end

local function copydesk_client(bufnr)
  return vim.lsp.get_clients({ bufnr = bufnr, name = 'copydesk' })[1]
end

local function copydesk_diagnostics(bufnr)
  return vim.tbl_filter(function(diagnostic)
    return diagnostic.source == 'copydesk'
  end, vim.diagnostic.get(bufnr))
end

local function describe_diagnostics(bufnr)
  local parts = {}
  for _, diagnostic in ipairs(copydesk_diagnostics(bufnr)) do
    table.insert(parts, ('%d:%d %s %s'):format(diagnostic.lnum + 1, diagnostic.col + 1, tostring(diagnostic.code),
      diagnostic.message))
  end
  return #parts == 0 and 'no copydesk diagnostics' or table.concat(parts, ' | ')
end

local function find_diagnostic(bufnr, rule)
  for _, diagnostic in ipairs(copydesk_diagnostics(bufnr)) do
    if diagnostic.code == rule then
      return diagnostic
    end
  end
end

local function open_and_attach(path)
  vim.cmd.edit(vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  wait_for(('copydesk to attach to %s (filetype %q)'):format(path, vim.bo[bufnr].filetype), function()
    return copydesk_client(bufnr) ~= nil and copydesk_client(bufnr).initialized
  end, function()
    local names = vim.tbl_map(function(client)
      return client.name
    end, vim.lsp.get_clients())
    return 'clients: ' .. (#names == 0 and 'none' or table.concat(names, ', '))
  end)
  return bufnr, copydesk_client(bufnr)
end

local function run()
  local binary = env('COPYDESK_BIN')
  local config_dir = env('COPYDESK_NVIM_CONFIG')
  local draft = env('COPYDESK_DRAFT')
  local text_draft = env('COPYDESK_TEXT_DRAFT')

  vim.o.swapfile = false
  vim.o.shadafile = 'NONE'
  vim.cmd('filetype on')
  -- The repository's configuration, found on 'runtimepath' as lsp/copydesk.lua, with only
  -- the command pointed at the binary under test.
  vim.opt.runtimepath:prepend(config_dir)
  local found = vim.api.nvim_get_runtime_file('lsp/copydesk.lua', true)
  if #found == 0 or not vim.startswith(vim.fs.normalize(found[1]), vim.fs.normalize(config_dir)) then
    error('lsp/copydesk.lua was not found under ' .. config_dir .. ' on the runtimepath', 0)
  end
  vim.lsp.config('copydesk', { cmd = { binary, 'lsp' } })
  local config = vim.lsp.config.copydesk
  result.filetypes = config.filetypes
  result.root_markers = config.root_markers
  vim.lsp.enable('copydesk')
  step('enabled')

  -- 1. A Markdown draft: the server starts, with the root its markers give.
  local bufnr, client = open_and_attach(draft)
  result.root_dir = client.root_dir
  result.position_encoding = client.offset_encoding
  result.server_version = client.server_info and client.server_info.version
  step('attached')

  -- 2. Its diagnostics arrive: the name spelled two ways is among them.
  result.diagnostics_ms = wait_for('a name-consistency diagnostic on the Markdown draft', function()
    return find_diagnostic(bufnr, 'name-consistency') ~= nil
  end, function()
    return describe_diagnostics(bufnr)
  end)
  local diagnostic = find_diagnostic(bufnr, 'name-consistency')
  result.diagnostic = {
    line = diagnostic.lnum,
    col = diagnostic.col,
    end_col = diagnostic.end_col,
    message = diagnostic.message,
    severity = vim.diagnostic.severity[diagnostic.severity],
    flagged = vim.api.nvim_buf_get_text(bufnr, diagnostic.lnum, diagnostic.col, diagnostic.end_lnum, diagnostic.end_col,
      {})[1],
  }
  step('diagnostics')

  -- 3. The code actions at the diagnostic, as the client asks for them.
  vim.api.nvim_win_set_cursor(0, { diagnostic.lnum + 1, diagnostic.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = {
    diagnostics = vim.lsp.diagnostic.from(vim.diagnostic.get(bufnr, { lnum = diagnostic.lnum })),
    triggerKind = vim.lsp.protocol.CodeActionTriggerKind.Invoked,
  }
  local response, request_error = client:request_sync('textDocument/codeAction', params, PATIENCE_MS, bufnr)
  if not response then
    error('textDocument/codeAction got no answer: ' .. tostring(request_error), 0)
  end
  if response.err then
    error('textDocument/codeAction failed: ' .. vim.inspect(response.err), 0)
  end
  result.code_actions = {}
  local quick_fix
  for _, action in ipairs(response.result or {}) do
    table.insert(result.code_actions, { title = action.title, kind = action.kind, preferred = action.isPreferred })
    -- The respelling is an unsafe fix (whether two spellings are one name is a
    -- heuristic's call): offered, not preferred; the writer chooses it.
    if action.kind == 'quickfix' and action.edit and not quick_fix
        and action.title:sub(1, #'Replace with') == 'Replace with' then
      quick_fix = action.title
      result.applied_preferred = action.isPreferred == true
    end
  end
  if not quick_fix then
    error('no respelling among the code actions: ' .. vim.inspect(result.code_actions), 0)
  end
  result.applied = quick_fix
  step('code actions')

  -- 4. Apply it the way a writer does, through vim.lsp.buf.code_action.
  local before = buffer_text(bufnr)
  local changedtick = vim.b[bufnr].changedtick
  vim.lsp.buf.code_action({
    context = { only = { 'quickfix' } },
    filter = function(action)
      return action.title == quick_fix
    end,
    apply = true,
  })
  result.apply_ms = wait_for(('the quick fix %q to change the buffer'):format(quick_fix), function()
    return vim.b[bufnr].changedtick ~= changedtick
  end)
  result.text_before = before
  result.text_after = buffer_text(bufnr)
  step('applied')

  -- 5. The server saw the edit: the finding is gone from the new version's diagnostics,
  -- and the other findings are still there.
  result.recheck_ms = wait_for('the name-consistency diagnostic to go after the fix', function()
    return find_diagnostic(bufnr, 'name-consistency') == nil and #copydesk_diagnostics(bufnr) > 0
  end, function()
    return describe_diagnostics(bufnr)
  end)
  result.remaining_rules = vim.tbl_map(function(d)
    return d.code
  end, copydesk_diagnostics(bufnr))
  step('rechecked')

  -- 6. The style sheet command answers for the edited buffer.
  local sheet = client:request_sync('workspace/executeCommand',
    { command = 'copydesk.styleSheet', arguments = { vim.uri_from_bufnr(bufnr) } }, PATIENCE_MS, bufnr)
  if not sheet or sheet.err or type(sheet.result) ~= 'table' then
    error('copydesk.styleSheet failed: ' .. vim.inspect(sheet), 0)
  end
  result.style_sheet_names = {}
  for _, name in ipairs(sheet.result.names or {}) do
    table.insert(result.style_sheet_names, { canonical = name.canonical, variants = name.variants })
  end
  -- The buffer's commands from lsp/copydesk.lua (nvim-lspconfig's convention: under :Lsp).
  result.buffer_commands = vim.tbl_keys(vim.api.nvim_buf_get_commands(bufnr, {}))
  table.sort(result.buffer_commands)
  -- :LspCopydeskStyleSheet renders the style sheet in a split.
  vim.cmd('LspCopydeskStyleSheet')
  wait_for('the :LspCopydeskStyleSheet split', function()
    return vim.api.nvim_get_current_buf() ~= bufnr
  end)
  local sheet_buf = vim.api.nvim_get_current_buf()
  result.style_sheet_buffer = {
    filetype = vim.bo[sheet_buf].filetype,
    buftype = vim.bo[sheet_buf].buftype,
    lines = vim.api.nvim_buf_get_lines(sheet_buf, 0, -1, false),
  }
  vim.cmd('only')
  step('style sheet')

  -- 7. A plain-text draft in another folder: the same server attaches for filetype text.
  local text_bufnr = open_and_attach(text_draft)
  result.text_filetype = vim.bo[text_bufnr].filetype
  wait_for('a placeholder diagnostic on the plain-text draft', function()
    return find_diagnostic(text_bufnr, 'placeholder') ~= nil
  end, function()
    return describe_diagnostics(text_bufnr)
  end)
  result.text_rules = vim.tbl_map(function(d)
    return d.code
  end, copydesk_diagnostics(text_bufnr))
  -- Fix all, as the config's documentation says: the source.fixAll.copydesk code action.
  vim.lsp.buf.code_action({ context = { only = { 'source.fixAll.copydesk' } }, apply = true })
  wait_for('the repeated word fixed by source.fixAll.copydesk', function()
    return not buffer_text(text_bufnr):find('The the', 1, true)
  end, function()
    return buffer_text(text_bufnr)
  end)
  result.text_after_fix_all = buffer_text(text_bufnr)
  result.clients = #vim.lsp.get_clients({ name = 'copydesk' })
  step('plain text')
end

local function write_result()
  local path = vim.env.COPYDESK_RESULT
  if path and path ~= '' then
    local file = assert(io.open(path, 'w'))
    file:write(vim.json.encode(result))
    file:close()
  end
end

local ok, failure = xpcall(run, function(message)
  return tostring(message) .. (vim.env.COPYDESK_NVIM_TRACE and ('\n' .. debug.traceback()) or '')
end)
if not ok then
  result.error = failure
  write_result()
  io.stderr:write('nvim e2e failed after step ' .. tostring(result.steps[#result.steps] or 'start') .. ': ' .. failure .. '\n')
  vim.cmd('cquit 1')
else
  write_result()
  -- Stop the server cleanly (shutdown, exit) before leaving.
  for _, client in ipairs(vim.lsp.get_clients({ name = 'copydesk' })) do
    client:stop()
  end
  vim.wait(5000, function()
    return #vim.lsp.get_clients({ name = 'copydesk' }) == 0
  end, 20)
  vim.cmd('qall!')
end
