import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { SqlNodes } from '../../src/adapters/sql.js';
import { layoutOf } from '../../src/cluster/layout.js';
import { NODE_NAMES } from '../../src/lessons/nodes.js';
import { cli, describeWhere, noCitusReason, useTempLab } from './lab.js';

/** Every file under `dir` whose bytes hold `needle`. */
async function filesHolding(dir: string, needle: string): Promise<string[]> {
  const bytes = Buffer.from(needle);
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const content = await readFile(path).catch(() => undefined);
    if (content?.includes(bytes)) found.push(path);
  }
  return found;
}

/** Runs `work` while watching every process's command line for `needle`; the lines that held it are added to `seen`. */
async function watchingCommandLines<T>(needle: string, seen: string[], work: () => Promise<T>) {
  let polling = true;
  const poll = (async () => {
    while (polling) {
      for (const line of await commandLines()) if (line.includes(needle)) seen.push(line);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  try {
    return await work();
  } finally {
    polling = false;
    await poll;
  }
}

/** Command lines of every process (what `ps` shows any user of the machine). */
async function commandLines(): Promise<string[]> {
  const lines: string[] = [];
  for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
    const text = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (text) lines.push(text.replace(/\0/g, ' '));
  }
  return lines;
}

describeWhere(noCitusReason, '--auth scram on a real Citus cluster', () => {
  const lab = useTempLab();
  const password = `pw-${randomBytes(9).toString('hex')}-ñ`;
  const env = { CITUS_LAB_PASSWORD: password };
  const seenOnCommandLines: string[] = [];
  let output = '';

  beforeAll(async () => {
    const up = await watchingCommandLines(password, seenOnCommandLines, () =>
      cli(['cluster', 'up', '--auth', 'scram', ...lab.args], { env }),
    );
    output = `${up.stdout}\n${up.stderr}`;
    expect(up.exitCode, output).toBe(0);
  }, 180_000);

  it('builds the cluster with scram-sha-256 for every TCP connection, and Citus reaches its workers with the password', async () => {
    for (const node of NODE_NAMES) {
      const hba = (
        await readFile(join(layoutOf(lab.options).nodes[node].dataDir, 'pg_hba.conf'), 'utf8')
      )
        .split('\n')
        .filter((l) => /^\s*host/.test(l));
      expect(hba.length).toBeGreaterThan(0);
      for (const line of hba) expect(line).toMatch(/scram-sha-256\s*$/);
    }
    const address = (port: number, pw?: string) => ({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      database: 'postgres',
      ...(pw !== undefined && { password: pw }),
    });
    const ports = Object.fromEntries(
      NODE_NAMES.map((n, i) => [n, lab.options.basePort + i]),
    ) as Record<(typeof NODE_NAMES)[number], number>;
    const without = new SqlNodes(
      Object.fromEntries(NODE_NAMES.map((n) => [n, address(ports[n])])) as never,
    );
    const wrong = new SqlNodes(
      Object.fromEntries(NODE_NAMES.map((n) => [n, address(ports[n], 'wrong')])) as never,
    );
    const right = new SqlNodes(
      Object.fromEntries(NODE_NAMES.map((n) => [n, address(ports[n], password)])) as never,
    );
    try {
      await expect(without.run('coordinator', 'SELECT 1')).rejects.toThrow(/password/i);
      await expect(wrong.run('worker1', 'SELECT 1')).rejects.toThrow(
        /password authentication failed/,
      );
      await right.run(
        'coordinator',
        "CREATE TABLE secreto (id int, v text); SELECT create_distributed_table('secreto', 'id'); INSERT INTO secreto SELECT i, 'ñ' FROM generate_series(1, 1000) i",
      );
      expect((await right.query('coordinator', 'SELECT count(*) FROM secreto')).rows).toEqual([
        ['1000'],
      ]);
      const status = await cli(['cluster', 'status', '--json', ...lab.args], { env });
      expect(JSON.parse(String(status.stdout)).healthy).toBe(true);
      output += `\n${status.stdout}\n${status.stderr}`;
    } finally {
      await Promise.all([without.close(), wrong.close(), right.close()]);
    }
  });

  it('shows the password on no command line, in no output, log or progress file: only run/pgpass (0600) holds it', async () => {
    const run = await watchingCommandLines(password, seenOnCommandLines, () =>
      cli(['run', 'distribute', '--yes', ...lab.args], { env }),
    );
    output += `\n${run.stdout}\n${run.stderr}`;
    expect(run.exitCode, `${run.stdout}${run.stderr}`).toBe(0);
    expect(seenOnCommandLines).toEqual([]);
    expect(output).not.toContain(password);
    const holding = await filesHolding(lab.options.labDir, password);
    const pgpass = join(lab.options.labDir, 'run', 'pgpass');
    expect(holding).toEqual([pgpass]);
    expect((await stat(pgpass)).mode & 0o777).toBe(0o600);
    expect(
      (await readdir(join(lab.options.labDir, 'run'))).filter((f) => f.startsWith('.pwfile')),
    ).toEqual([]);
  });
});
