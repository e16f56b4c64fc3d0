import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from '../src/adapters/process.js';
import { NODE_NAMES } from '../src/lessons/nodes.js';

/**
 * The seed lab's own sequence (000_*.md), one command at a time as a person types it, with the
 * README's corrections (worker 3 on its own port, loopback only) and the unix socket in the lab folder:
 * 4 x initdb, settings appended, 4 x pg_ctl start, 4 x CREATE EXTENSION via psql, coordinator host, 2 x add node.
 */
export async function seedSequence(
  binDir: string,
  labDir: string,
  basePort: number,
): Promise<void> {
  const run = async (file: string, args: string[]) => {
    const r = await runCommand(file, args, { env: { LC_ALL: 'C' } });
    if (r.exitCode !== 0)
      throw new Error(`${file} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  };
  const socketDir = join(labDir, 'run');
  await mkdir(socketDir, { recursive: true });
  await mkdir(join(labDir, 'log'), { recursive: true });
  const data = (i: number) => join(labDir, 'data', NODE_NAMES[i]!);
  for (let i = 0; i < 4; i++)
    await run(join(binDir, 'initdb'), [
      '-E',
      'UTF-8',
      '-D',
      data(i),
      '--data-checksums',
      '-U',
      'postgres',
      '--auth=trust',
    ]);
  for (let i = 0; i < 4; i++) {
    const conf = join(data(i), 'postgresql.auto.conf');
    for (const line of [
      'wal_level = logical',
      "shared_preload_libraries = 'citus'",
      `port = ${basePort + i}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${socketDir}'`,
    ]) {
      await appendFile(conf, `${line}\n`);
    }
  }
  for (let i = 0; i < 4; i++)
    await run(join(binDir, 'pg_ctl'), [
      'start',
      '-D',
      data(i),
      '-l',
      join(labDir, 'log', `${NODE_NAMES[i]}.log`),
    ]);
  const psql = (port: number, sql: string) =>
    run(join(binDir, 'psql'), [
      '-X',
      '-q',
      '-h',
      socketDir,
      '-p',
      String(port),
      '-U',
      'postgres',
      '-c',
      sql,
    ]);
  for (let i = 0; i < 4; i++) await psql(basePort + i, 'CREATE EXTENSION citus;');
  await psql(basePort, `SELECT citus_set_coordinator_host('127.0.0.1', ${basePort});`);
  await psql(basePort, `SELECT * FROM citus_add_node('127.0.0.1', ${basePort + 1});`);
  await psql(basePort, `SELECT * FROM citus_add_node('127.0.0.1', ${basePort + 2});`);
}

/** Stops whatever the seed sequence started (immediate: the folder is thrown away next). */
export async function stopSeed(binDir: string, labDir: string): Promise<void> {
  await Promise.all(
    NODE_NAMES.map((n) =>
      runCommand(join(binDir, 'pg_ctl'), [
        'stop',
        '-D',
        join(labDir, 'data', n),
        '-m',
        'immediate',
        '-w',
      ]),
    ),
  );
}
