import { core } from './en/core.js';

export const en = { ...core } as const;
