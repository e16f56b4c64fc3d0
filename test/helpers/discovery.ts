import type { Discovery } from '../../src/cluster/discover.js';

/** A PostgreSQL 15 with Citus 13.2, found without looking: for code that only reads the discovery. */
export const withCitus: Discovery = {
  chosen: {
    binDir: '/usr/lib/postgresql/15/bin',
    version: '15.8',
    major: 15,
    libDir: '/nowhere/lib',
    shareDir: '/nowhere/share',
    citusVersion: '13.2-1',
  },
  seen: [],
};
