// Bundles the extension with esbuild: `node scripts/build.mjs [--production] [--watch] [--tests]`.
//
// - default: dist/extension.js with a source map, for development;
// - --production: minified, no source map (what `vsce package` ships);
// - --tests: the unit tests under test/unit/ into out/test/, for `node --test`.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

const options = tests
  ? {
      entryPoints: readdirSync('test/unit')
        .filter((name) => name.endsWith('.test.ts'))
        .map((name) => `test/unit/${name}`),
      outdir: 'out/test',
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'info',
    }
  : {
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // Provided by VS Code at run time.
      external: ['vscode'],
      minify: production,
      sourcemap: !production,
      logLevel: 'info',
    };

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
