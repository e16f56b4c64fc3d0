import { ExitCode } from '../errors.js';
import type { Command } from './context.js';

export const classCommand: Command = async () => ExitCode.ok;
