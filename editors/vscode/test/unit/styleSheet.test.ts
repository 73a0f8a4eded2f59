import assert from 'node:assert/strict';
import { test } from 'node:test';

import { styleSheetMarkdown } from '../../src/styleSheet';

const label = (uri: string) => uri.replace('file:///news/', '');

const range = (line: number, character: number) => ({
  start: { line, character },
  end: { line, character: character + 5 },
});

test('names and figures become tables, with variants and unattributed figures in bold', () => {
  const markdown = styleSheetMarkdown(
    {
      drafts: ['file:///news/main.md'],
      names: [
        {
          canonical: 'Camilleri',
          house_spelling: false,
          variants: ['Kamilleri'],
          spellings: [
            { text: 'Camilleri', count: 3 },
            { text: 'Kamilleri', count: 1 },
          ],
          first_reference: { path: 'file:///news/main.md', range: range(2, 0), text: 'Joseph Camilleri' },
          mentions: [{}, {}, {}, {}],
        },
      ],
      figures: [
        {
          text: '1,400 passengers',
          path: 'file:///news/main.md',
          range: range(8, 6),
          sentence: 'About 1,400 passengers | were stuck.',
          source: 'unattributed',
        },
      ],
    },
    label,
  );
  assert.match(markdown, /^# Style sheet\n\nStory: main\.md\n/);
  assert.ok(
    markdown.includes(
      '| Camilleri | Camilleri ×3, **Kamilleri ×1 (variant)** | Joseph Camilleri (main.md:3:1) | 4 |',
    ),
    markdown,
  );
  assert.ok(
    markdown.includes(
      '| 1,400 passengers | **unattributed** | main.md:9:7 | About 1,400 passengers \\| were stuck. |',
    ),
    markdown,
  );
});

test('an empty story says so', () => {
  const markdown = styleSheetMarkdown({ drafts: [], names: [], figures: [] }, label);
  assert.ok(markdown.includes('No names.') && markdown.includes('No figures.'), markdown);
});
