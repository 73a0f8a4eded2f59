import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

import { bundledCopydesk, expandPath, findCopydesk } from '../../src/binary';

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

test('the bundled program comes after copydesk.path and before PATH', () => {
  const extension = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-extension-'));
  const onPath = folderWithProgram();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-home-'));
  // A universal .vsix: no server folder, so PATH.
  assert.equal(bundledCopydesk(extension, 'linux'), undefined);
  assert.equal(findCopydesk('', undefined, onPath, home, undefined).found, path.join(onPath, 'copydesk'));

  fs.mkdirSync(path.join(extension, 'server'));
  const server = path.join(extension, 'server', 'copydesk');
  fs.writeFileSync(server, '#!/bin/sh\n');
  // Unpacked without its executable bit: bundledCopydesk sets it again.
  fs.chmodSync(server, 0o644);
  assert.equal(bundledCopydesk(extension, 'linux'), server);
  assert.equal(fs.statSync(server).mode & 0o111, 0o111);
  assert.equal(bundledCopydesk(extension, 'win32'), undefined, 'Windows looks for server/copydesk.exe');

  assert.equal(findCopydesk('', undefined, onPath, home, server).found, server);
  // copydesk.path wins over the bundled program, whether a path or a name looked up on PATH.
  const other = folderWithProgram();
  assert.equal(findCopydesk(path.join(other, 'copydesk'), undefined, onPath, home, server).found, path.join(other, 'copydesk'));
  assert.equal(findCopydesk('copydesk', undefined, onPath, home, server).found, path.join(onPath, 'copydesk'));
  // A bundled program that cannot run is tried, then PATH.
  fs.chmodSync(server, 0o644);
  const fallback = findCopydesk('', undefined, onPath, home, server);
  assert.equal(fallback.found, path.join(onPath, 'copydesk'));
  assert.equal(fallback.tried[0], server);
});
