---@brief
---
--- https://github.com/copydesk/copydesk
---
--- copydesk: a language server (and linter) for news copy in Markdown and plain text: a name
--- spelled two ways in one story, a figure with no source, a paragraph pasted twice, a TK
--- left in, scraped page furniture.
---
--- Install the `copydesk` program with `pip install copydesk` (or `:MasonInstall copydesk`, a
--- binary from the GitHub releases, or `cargo install copydesk`).
---
--- Settings take the keys of `copydesk.toml`. A draft's `copydesk.toml` is read over them:
--- the keys the file sets win, the ones it leaves out keep these.
---
--- ```lua
--- vim.lsp.config('copydesk', {
---   settings = { copydesk = { rules = { ['unattributed-figure'] = 'error' }, story = 'folder' } },
--- })
--- ```
---
--- `:LspCopydeskStyleSheet` shows the style sheet of the draft's story (every name with its
--- spellings and first reference, every figure with its source) in a split. Fixing every
--- safe finding is the code action `source.fixAll.copydesk`:
---
--- ```lua
--- vim.lsp.buf.code_action({ context = { only = { 'source.fixAll.copydesk' } }, apply = true })
--- ```

--- The style sheet (the JSON of the copydesk.styleSheet command) as Markdown lines.
local function style_sheet_lines(sheet)
  local function cell(text)
    return (tostring(text or ''):gsub('|', '\\|'):gsub('\n', ' '))
  end
  local function where(location)
    if type(location) ~= 'table' or type(location.range) ~= 'table' then
      return ''
    end
    local path = vim.uri_to_fname(location.path or '')
    return ('%s:%d:%d'):format(vim.fn.fnamemodify(path, ':~:.'), location.range.start.line + 1,
      location.range.start.character + 1)
  end
  local drafts = {}
  for _, uri in ipairs(sheet.drafts or {}) do
    table.insert(drafts, vim.fn.fnamemodify(vim.uri_to_fname(uri), ':~:.'))
  end
  local lines = { '# Style sheet', '', 'Story: ' .. table.concat(drafts, ', '), '', '## Names', '' }
  if #(sheet.names or {}) == 0 then
    table.insert(lines, 'No names.')
  else
    vim.list_extend(lines, { '| Name | Spellings | First reference |', '| --- | --- | --- |' })
    for _, name in ipairs(sheet.names) do
      local spellings = {}
      for _, spelling in ipairs(name.spellings or {}) do
        local variant = spelling.text ~= name.canonical and ' (variant)' or ''
        table.insert(spellings, ('%s ×%d%s'):format(spelling.text, spelling.count, variant))
      end
      local first = name.first_reference or {}
      table.insert(lines, ('| %s%s | %s | %s (%s) |'):format(cell(name.canonical),
        name.house_spelling and ' (house)' or '', cell(table.concat(spellings, ', ')),
        cell(first.text), where(first)))
    end
  end
  vim.list_extend(lines, { '', '## Figures', '' })
  if #(sheet.figures or {}) == 0 then
    table.insert(lines, 'No figures.')
  else
    vim.list_extend(lines, { '| Figure | Source | Where |', '| --- | --- | --- |' })
    for _, figure in ipairs(sheet.figures) do
      local source = figure.source == 'unattributed' and '**unattributed**' or cell(figure.source)
      table.insert(lines, ('| %s | %s | %s |'):format(cell(figure.text), source, where(figure)))
    end
  end
  return lines
end

---@type vim.lsp.Config
return {
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { 'copydesk.toml', '.copydesk.toml', '.git' },
  on_attach = function(client, bufnr)
    vim.api.nvim_buf_create_user_command(bufnr, 'LspCopydeskStyleSheet', function()
      client:exec_cmd({
        title = 'Style sheet',
        command = 'copydesk.styleSheet',
        arguments = { vim.uri_from_bufnr(bufnr) },
      }, { bufnr = bufnr }, function(err, sheet)
        if err or type(sheet) ~= 'table' then
          vim.notify('copydesk: no style sheet: ' .. (err and err.message or 'empty answer'), vim.log.levels.ERROR)
          return
        end
        vim.cmd('botright vnew')
        local sheet_buf = vim.api.nvim_get_current_buf()
        vim.bo[sheet_buf].buftype = 'nofile'
        vim.bo[sheet_buf].bufhidden = 'wipe'
        vim.api.nvim_buf_set_lines(sheet_buf, 0, -1, false, style_sheet_lines(sheet))
        vim.bo[sheet_buf].modifiable = false
        vim.bo[sheet_buf].filetype = 'markdown'
      end)
    end, { desc = "Show the copydesk style sheet of this draft's story" })
  end,
}
