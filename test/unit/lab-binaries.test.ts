import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binDirOfDataDir } from '../../src/cluster/lab-binaries.js';
import { tempTree } from '../helpers/temp.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function labWith(opts: string | undefined, programs: string[] = ['postgres', 'pg_ctl']) {
  const t = await tempTree();
  cleanups.push(t.cleanup);
  const bin = join(t.dir, 'pg bin');
  await mkdir(bin);
  for (const p of programs) {
    await writeFile(join(bin, p), '#!/bin/sh\n');
    await chmod(join(bin, p), 0o755);
  }
  const data = join(t.dir, 'data');
  await mkdir(data);
  if (opts !== undefined)
    await writeFile(join(data, 'postmaster.opts'), opts.replaceAll('BIN', bin));
  return { bin, data };
}

describe('the bin folder that runs a lab, read from postmaster.opts', () => {
  it('is the folder of the postgres program the data folder was last started with', async () => {
    const { bin, data } = await labWith('BIN/postgres "-D" "/somewhere/data"\n');
    expect(await binDirOfDataDir(data)).toBe(bin);
  });

  it('is unknown without postmaster.opts, or when that program or its pg_ctl is gone', async () => {
    expect(await binDirOfDataDir((await labWith(undefined)).data)).toBeUndefined();
    expect(
      await binDirOfDataDir((await labWith('BIN/postgres "-D" "x"', ['pg_ctl'])).data),
    ).toBeUndefined();
    expect(
      await binDirOfDataDir((await labWith('BIN/postgres "-D" "x"', ['postgres'])).data),
    ).toBeUndefined();
    expect(await binDirOfDataDir((await labWith('garbage')).data)).toBeUndefined();
  });
});
