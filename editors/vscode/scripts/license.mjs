// Writes LICENSE (which `vsce package` puts in the .vsix and the marketplace shows) from the
// repository's two licence files: copydesk is MIT OR Apache-2.0, at your option.
import { readFileSync, writeFileSync } from 'node:fs';

const mit = readFileSync('../../LICENSE-MIT', 'utf8');
const apache = readFileSync('../../LICENSE-APACHE', 'utf8');
writeFileSync(
  'LICENSE',
  'copydesk is licensed under either of the MIT license or the Apache License, Version 2.0, at your option.\n\n' +
    '=== MIT ===\n\n' + mit.trimEnd() + '\n\n=== Apache-2.0 ===\n\n' + apache.trimEnd() + '\n',
);
