--- copydesk: a language server for news copy (name spellings, unattributed figures,
--- repeated paragraphs and the rest of a copy desk's routine).
---
--- Neovim 0.11+: put this file on your 'runtimepath' as lsp/copydesk.lua (for example in
--- ~/.config/nvim/lsp/), then
---
---   vim.lsp.enable('copydesk')
---
--- Override any field with vim.lsp.config('copydesk', { … }). Settings take the keys of
--- copydesk.toml and apply to drafts that have no copydesk.toml of their own:
---
---   vim.lsp.config('copydesk', {
---     settings = { copydesk = { rules = { ['unattributed-figure'] = 'error' }, story = 'folder' } },
---   })
---
--- Buffer commands while the server is attached: :CopydeskStyleSheet shows the story's
--- style sheet (its names and figures) in a split; :CopydeskFixAll applies every safe fix.

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
    vim.api.nvim_buf_create_user_command(bufnr, 'CopydeskStyleSheet', function()
      local uri = vim.uri_from_bufnr(bufnr)
      client:request('workspace/executeCommand', { command = 'copydesk.styleSheet', arguments = { uri } },
        function(err, sheet)
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
        end, bufnr)
    end, { desc = "Show the copydesk style sheet of this draft's story" })
    vim.api.nvim_buf_create_user_command(bufnr, 'CopydeskFixAll', function()
      client:request('workspace/executeCommand',
        { command = 'copydesk.fixAll', arguments = { vim.uri_from_bufnr(bufnr) } }, nil, bufnr)
    end, { desc = 'Apply every safe copydesk fix to this draft' })
  end,
}
