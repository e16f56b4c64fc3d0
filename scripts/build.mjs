// npm run build (and so npm install in a clone, and npm pack): bundles the program into dist/ with
// esbuild, then parses the shipped lessons once into dist/lessons-cache.json.
//
// One bundle instead of ~200 modules: Node 20 resolves and compiles every ESM file on each start (it has
// no compile cache), and the UI's first frame and every `check` paid ~50-250 ms for it. Code the program
// loads late (a command, the UI, pg) stays late: each dynamic import becomes its own chunk.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'write-cache': 'src/lessons/write-cache.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Loaded from node_modules as installed: optional peers (pg-native, react-devtools-core) that are
  // absent, and zx and marked-terminal, which load only when a shell step runs or a lesson is shown.
  external: ['pg-native', 'react-devtools-core', 'zx', 'marked-terminal'],
  // The CommonJS packages in the bundle (pg, react) call require for Node's own modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

execFileSync(process.execPath, ['dist/write-cache.js', 'lessons'], { cwd: root, stdio: 'inherit' });
