import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

import { expandPath, findCopydesk } from '../../src/binary';

function folderWithProgram(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-binary-'));
  const program = path.join(folder, 'copydesk');
  fs.writeFileSync(program, '#!/bin/sh\n');
  fs.chmodSync(program, 0o755);
  return folder;
}

test('copydesk is found on PATH, else in ~/.cargo/bin, else not at all', () => {
  const bin = folderWithProgram();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-home-'));
  assert.equal(findCopydesk('', undefined, `/nonexistent${path.delimiter}${bin}`, home).found, path.join(bin, 'copydesk'));
  const missing = findCopydesk('', undefined, '/nonexistent', home);
  assert.equal(missing.found, undefined);
  assert.deepEqual(missing.tried, ['/nonexistent/copydesk', path.join(home, '.cargo/bin/copydesk')]);
  fs.mkdirSync(path.join(home, '.cargo/bin'), { recursive: true });
  fs.copyFileSync(path.join(bin, 'copydesk'), path.join(home, '.cargo/bin/copydesk'));
  fs.chmodSync(path.join(home, '.cargo/bin/copydesk'), 0o755);
  assert.equal(findCopydesk('', undefined, '/nonexistent', home).found, path.join(home, '.cargo/bin/copydesk'));
});

test('copydesk.path wins, and a path that does not run is reported', () => {
  const bin = folderWithProgram();
  assert.equal(findCopydesk(path.join(bin, 'copydesk'), undefined, '').found, path.join(bin, 'copydesk'));
  const missing = findCopydesk('/nowhere/copydesk', undefined, bin);
  assert.equal(missing.found, undefined);
  assert.deepEqual(missing.tried, ['/nowhere/copydesk']);
  fs.chmodSync(path.join(bin, 'copydesk'), 0o644);
  assert.equal(findCopydesk(path.join(bin, 'copydesk'), undefined, '').found, undefined);
});

test('~ and ${workspaceFolder} are expanded', () => {
  assert.equal(expandPath('~/bin/copydesk', undefined, '/home/ed'), '/home/ed/bin/copydesk');
  assert.equal(expandPath('${workspaceFolder}/bin/copydesk', '/news'), '/news/bin/copydesk');
  assert.equal(expandPath('target/release/copydesk', '/news'), '/news/target/release/copydesk');
  assert.equal(expandPath('copydesk', '/news'), 'copydesk');
});
