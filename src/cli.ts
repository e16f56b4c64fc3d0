#!/usr/bin/env node
import { terminalIo } from './cli/io.js';
import { main } from './cli/main.js';

// A closed pipe (`| head`) is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io = terminalIo();
const tui = io.interactive ? (await import('./commands/tui.js')).tuiCommand : undefined;
process.exitCode = await main(process.argv.slice(2), process.env, io, { tui });
