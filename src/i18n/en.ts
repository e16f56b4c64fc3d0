import { core } from './en/core.js';
import { lessons } from './en/lessons.js';

export const en = { ...core, ...lessons } as const;
