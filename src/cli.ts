#!/usr/bin/env node
import { terminalIo } from './cli/io.js';
import { main } from './cli/main.js';

const io = terminalIo();
const tui = io.interactive ? (await import('./commands/tui.js')).tuiCommand : undefined;
process.exitCode = await main(process.argv.slice(2), process.env, io, { tui });
