// The story's style sheet (the JSON answer of the server's `copydesk.styleSheet` command)
// as Markdown, for VS Code's Markdown preview. Pure, so that it can be tested without VS Code.

export interface Position {
  line: number;
  character: number;
}

export interface Located {
  path?: string;
  range?: { start: Position; end: Position };
  text?: string;
}

export interface StyleSheet {
  drafts?: string[];
  names?: Array<{
    canonical: string;
    house_spelling?: boolean;
    variants?: string[];
    spellings?: Array<{ text: string; count: number }>;
    first_reference?: Located;
    mentions?: Located[];
  }>;
  figures?: Array<
    Located & {
      kind?: string;
      sentence?: string;
      source?: string;
    }
  >;
}

/** How the Markdown names a draft, given its URI. */
export type Label = (uri: string) => string;

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** `draft.md:3:1`: where a name or figure is (one-based line and column). */
function place(located: Located | undefined, label: Label): string {
  if (!located?.path || !located.range) {
    return '';
  }
  const { line, character } = located.range.start;
  return cell(`${label(located.path)}:${line + 1}:${character + 1}`);
}

export function styleSheetMarkdown(sheet: StyleSheet, label: Label): string {
  const lines: string[] = ['# Style sheet', ''];
  const drafts = (sheet.drafts ?? []).map((uri) => label(uri));
  lines.push(`Story: ${drafts.length > 0 ? drafts.join(', ') : 'this draft'}`, '');

  lines.push('## Names', '');
  const names = sheet.names ?? [];
  if (names.length === 0) {
    lines.push('No names.');
  } else {
    lines.push('| Name | Spellings | First reference | Mentions |', '| --- | --- | --- | --- |');
    for (const name of names) {
      const spellings = (name.spellings ?? [])
        .map((spelling) => {
          const variant = spelling.text !== name.canonical ? ' (variant)' : '';
          const text = `${spelling.text} ×${spelling.count}${variant}`;
          return variant ? `**${cell(text)}**` : cell(text);
        })
        .join(', ');
      const first = name.first_reference;
      const house = name.house_spelling ? ' (house)' : '';
      const where = place(first, label);
      lines.push(
        `| ${cell(name.canonical)}${house} | ${spellings} | ${cell(first?.text)}${where ? ` (${where})` : ''} | ${
          name.mentions?.length ?? ''
        } |`,
      );
    }
  }

  lines.push('', '## Figures', '');
  const figures = sheet.figures ?? [];
  if (figures.length === 0) {
    lines.push('No figures.');
  } else {
    lines.push('| Figure | Source | Where | Sentence |', '| --- | --- | --- | --- |');
    for (const figure of figures) {
      const source = figure.source === 'unattributed' ? '**unattributed**' : cell(figure.source);
      lines.push(`| ${cell(figure.text)} | ${source} | ${place(figure, label)} | ${cell(figure.sentence)} |`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
