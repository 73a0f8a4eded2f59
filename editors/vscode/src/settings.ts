// The extension's settings (`copydesk.*` in VS Code) as the server's settings: the keys of
// copydesk.toml, as JSON (see docs/lsp.md, "Configuration"). Pure, so that it can be tested
// without VS Code.

/** Reads one `copydesk.*` setting. */
export interface SettingsSource {
  /**
   * The setting's value when the user set it anywhere (user, workspace or folder settings),
   * or `undefined` when only its default applies.
   */
  explicit(key: string): unknown;
}

/** Where each VS Code setting goes in the server's settings. */
export const SETTING_KEYS: ReadonlyArray<readonly [setting: string, path: readonly string[]]> = [
  ['style', ['style']],
  ['story', ['story']],
  ['rules', ['rules']],
  ['names.known', ['names', 'known']],
  ['attribution.verbs', ['attribution', 'verbs']],
  ['houseSpelling.prefer', ['house-spelling', 'prefer']],
  ['acronyms.known', ['acronyms', 'known']],
  ['files.include', ['files', 'include']],
  ['files.exclude', ['files', 'exclude']],
  ['files.maxSize', ['files', 'max_size']],
  ['debounceMs', ['lsp', 'debounce_ms']],
];

/** The settings that restart the server when they change (they are not server settings). */
export const RESTART_SETTINGS = ['copydesk.path', 'copydesk.languages', 'copydesk.log'];

/**
 * The server's settings: only what the user set, so that everything else keeps copydesk's
 * own defaults (and an older copydesk never sees a key it does not know unless asked to).
 */
export function serverSettings(source: SettingsSource): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [setting, path] of SETTING_KEYS) {
    const value = source.explicit(setting);
    if (value === undefined || value === null) {
      continue;
    }
    let table = settings;
    for (const part of path.slice(0, -1)) {
      if (typeof table[part] !== 'object' || table[part] === null) {
        table[part] = {};
      }
      table = table[part] as Record<string, unknown>;
    }
    table[path[path.length - 1]] = value;
  }
  return settings;
}
