import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openClusterEnv } from '../../src/cluster/connect.js';
import type { ClusterEnv } from '../../src/cluster/env.js';
import { createFolders } from '../../src/cluster/folders.js';
import { initdbNodes } from '../../src/cluster/initdb.js';
import { nodeList } from '../../src/cluster/layout.js';
import { clusterReport } from '../../src/cluster/report.js';
import { serverState } from '../../src/cluster/server.js';
import { SETTINGS_FILE } from '../../src/cluster/settings.js';
import { configureNodes, startNodes, stopNodes } from '../../src/cluster/up.js';
import { describeWhere, install, noServerReason, useTempLab } from './lab.js';

/** Listening TCP sockets (address, port) from /proc/net/tcp and tcp6. */
async function listening(): Promise<{ address: string; port: number }[]> {
  const found: { address: string; port: number }[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== '0A' || !local) continue;
      const [hex, port] = local.split(':');
      const address =
        hex!.length === 8
          ? hex!
              .match(/../g)!
              .reverse()
              .map((b) => parseInt(b, 16))
              .join('.')
          : hex!;
      found.push({ address, port: parseInt(port!, 16) });
    }
  }
  return found;
}

describeWhere(noServerReason, 'provisioning four real PostgreSQL nodes (no Citus needed)', () => {
  const lab = useTempLab();
  let env: ClusterEnv & { close(): Promise<void> };

  beforeAll(async () => {
    env = openClusterEnv(lab.options, install!);
    await createFolders(env.layout);
    await initdbNodes(env, nodeList(env.layout));
    await configureNodes(env, nodeList(env.layout));
    await startNodes(env, nodeList(env.layout));
  });
  afterAll(async () => {
    await env?.close();
  });

  it('writes each node its own settings: port, loopback, the lab socket folder, logical WAL', async () => {
    for (const node of nodeList(env.layout)) {
      const text = await readFile(join(node.dataDir, SETTINGS_FILE), 'utf8');
      expect(text).toContain(`port = ${node.port}\n`);
      expect(text).toContain("listen_addresses = '127.0.0.1'\n");
      expect(text).toContain(`unix_socket_directories = '${env.layout.socketDir}'\n`);
      expect(text).toContain('wal_level = logical\n');
      expect(await readFile(join(node.dataDir, 'postgresql.conf'), 'utf8')).toContain(
        `include '${SETTINGS_FILE}'`,
      );
      const [row] = (
        await env.runSql(
          node.name,
          "SELECT current_setting('port'), current_setting('listen_addresses'), current_setting('wal_level'), current_setting('data_checksums'), current_setting('server_encoding')",
        )
      )[0]!.rows;
      expect(row).toEqual([String(node.port), '127.0.0.1', 'logical', 'on', 'UTF8']);
    }
  });

  it('trusts only local sockets and loopback, and listens on loopback only', async () => {
    const hba = (await readFile(join(env.layout.nodes.worker1.dataDir, 'pg_hba.conf'), 'utf8'))
      .split('\n')
      .filter((l) => /^\s*host/.test(l));
    for (const line of hba) expect(line).toMatch(/\s(127\.0\.0\.1\/32|::1\/128)\s/);
    const sockets = await listening();
    for (const node of nodeList(env.layout)) {
      const mine = sockets.filter((s) => s.port === node.port);
      expect(mine.length).toBeGreaterThan(0);
      for (const s of mine) expect(s.address).toBe('127.0.0.1');
    }
    expect(await readdir(env.layout.socketDir)).toContain(
      `.s.PGSQL.${env.layout.nodes.coordinator.port}`,
    );
  });

  it('keeps the lab folder, the unix socket folder, the logs and every data folder private to the user (0700)', async () => {
    const { labDir, socketDir, dataRoot, logDir } = env.layout;
    for (const dir of [
      labDir,
      socketDir,
      dataRoot,
      logDir,
      ...nodeList(env.layout).map((n) => n.dataDir),
    ]) {
      expect((await stat(dir)).mode & 0o777, dir).toBe(0o700);
    }
  });

  it('stops and starts every node', async () => {
    await stopNodes(env, nodeList(env.layout));
    for (const node of nodeList(env.layout))
      expect((await serverState(node)).state).toBe('stopped');
    await startNodes(env, nodeList(env.layout));
    for (const node of nodeList(env.layout))
      expect((await serverState(node)).state).toBe('running');
  });

  it('shows a worker killed with SIGKILL as down, then starts it again with its data', async () => {
    await env.runSql('worker2', 'CREATE TABLE survives (id int); INSERT INTO survives VALUES (42)');
    const pid = (await serverState(env.layout.nodes.worker2)).pid!;
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    const report = await clusterReport(env);
    expect(report.nodes.find((n) => n.node === 'worker2')).toMatchObject({
      running: false,
      initialized: true,
    });
    expect(report.healthy).toBe(false);
    expect((await serverState(env.layout.nodes.worker2)).state).toBe('stale');
    expect(await startNodes(env, nodeList(env.layout))).toEqual(['worker2']);
    const rows = (await env.runSql('worker2', 'SELECT id FROM survives'))[0]!.rows;
    expect(rows).toEqual([[42]]);
  });

  it('runs again without changing anything on nodes that are already up', async () => {
    expect(await initdbNodes(env, nodeList(env.layout))).toEqual([]);
    expect(await configureNodes(env, nodeList(env.layout))).toEqual([]);
    expect(await startNodes(env, nodeList(env.layout))).toEqual([]);
  });
});
