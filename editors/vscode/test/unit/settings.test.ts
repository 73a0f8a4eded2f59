import assert from 'node:assert/strict';
import { test } from 'node:test';

import { serverSettings } from '../../src/settings';

function source(values: Record<string, unknown>) {
  return { explicit: (key: string) => values[key] };
}

test('settings the user did not set are not sent', () => {
  assert.deepEqual(serverSettings(source({})), {});
});

test("each setting goes where copydesk.toml has it", () => {
  const settings = serverSettings(
    source({
      style: 'ap',
      story: 'folder',
      rules: { 'unattributed-figure': 'error', 'duplicate-paragraph': 'off' },
      'names.known': ['Volodymyr Zelenskyy'],
      'attribution.verbs': ['briefed'],
      'houseSpelling.prefer': { 'cease-fire': 'ceasefire' },
      'acronyms.known': ['NTWU'],
      'files.include': ['*.md'],
      'files.exclude': ['archive/**'],
      'files.maxSize': 1000,
      debounceMs: 40,
    }),
  );
  assert.deepEqual(settings, {
    style: 'ap',
    story: 'folder',
    rules: { 'unattributed-figure': 'error', 'duplicate-paragraph': 'off' },
    names: { known: ['Volodymyr Zelenskyy'] },
    attribution: { verbs: ['briefed'] },
    'house-spelling': { prefer: { 'cease-fire': 'ceasefire' } },
    acronyms: { known: ['NTWU'] },
    files: { include: ['*.md'], exclude: ['archive/**'], max_size: 1000 },
    lsp: { debounce_ms: 40 },
  });
});
