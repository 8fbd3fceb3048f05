-- A real editor session: Neovim (headless) opens a map, starts `argmap lsp` with its
-- built-in client, and records what the server tells it, as JSON, in $ARGMAP_OUT.
-- $ARGMAP_STEPS says what to do beyond collecting diagnostics: "complete,hover,rename",
-- "format" (the editor's own format command, as format-on-save runs it).
local file = vim.env.ARGMAP_FILE
local steps = vim.env.ARGMAP_STEPS or ""
local out = { diagnostics = {}, published = 0 }

local function finish()
  local f = io.open(vim.env.ARGMAP_OUT, "w")
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local default = vim.lsp.handlers["textDocument/publishDiagnostics"]
  vim.lsp.handlers["textDocument/publishDiagnostics"] = function(e, result, ctx, config)
    out.published = out.published + 1
    return default(e, result, ctx, config)
  end
  local client_id = vim.lsp.start_client({
    name = "argmap",
    cmd = vim.fn.json_decode(vim.env.ARGMAP_CMD),
    root_dir = vim.fn.fnamemodify(file, ":p:h"),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  vim.wait(120000, function() return out.published > 0 end, 20)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(out.diagnostics, { line = d.lnum, col = d.col, code = code, message = d.message })
  end
  local uri = vim.uri_from_bufnr(bufnr)
  local function find(pattern)
    for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
      local s = line:find(pattern, 1, true)
      if s then return i - 1, s - 1 end
    end
  end
  if steps:find("hover") then
    local line, col = find("- id: " .. vim.env.ARGMAP_CLAIM)
    local res = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", {
      textDocument = { uri = uri }, position = { line = line, character = col + 8 },
    }, 60000)
    out.hover = res[client_id].result.contents.value
  end
  if steps:find("rename") then
    local line, col = find("- id: " .. vim.env.ARGMAP_CLAIM)
    local res = vim.lsp.buf_request_sync(bufnr, "textDocument/rename", {
      textDocument = { uri = uri }, position = { line = line, character = col + 7 },
      newName = vim.env.ARGMAP_NEW_NAME,
    }, 60000)
    vim.lsp.util.apply_workspace_edit(res[client_id].result, "utf-16")
    out.renamed = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") .. "\n"
    vim.cmd("silent! undo")
  end
  if steps:find("format") then
    if vim.lsp.buf.format then -- Neovim 0.8 and later
      vim.lsp.buf.format({ bufnr = bufnr, async = false, timeout_ms = 60000 })
    else -- Neovim 0.7 (Debian 12's)
      vim.lsp.buf.formatting_sync(nil, 60000)
    end
    out.formatted = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") .. "\n"
  end
  if steps:find("complete") then
    -- Type a new claim whose supports list is still open, as a person would.
    local last = vim.api.nvim_buf_line_count(bufnr)
    local line = find("links:")
    vim.api.nvim_buf_set_lines(bufnr, line, line, false,
      { "  - id: fresh", "    text: New.", "    supports: [" })
    local res = vim.lsp.buf_request_sync(bufnr, "textDocument/completion", {
      textDocument = { uri = uri }, position = { line = line + 2, character = 15 },
    }, 60000)
    local items = res[client_id].result
    if items.items then items = items.items end
    out.completion = {}
    for _, item in ipairs(items) do table.insert(out.completion, item.label) end
    out.lines_before = last
  end
end)
if not ok then out.error = tostring(err) end
finish()
