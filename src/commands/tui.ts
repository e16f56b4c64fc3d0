import type { Command } from './context.js';
import { plainHomeCommand } from './home.js';

/** The terminal UI arrives with its own issue; until then a terminal gets the plain home screen. */
export const tuiCommand: Command = (ctx) => plainHomeCommand(ctx);
