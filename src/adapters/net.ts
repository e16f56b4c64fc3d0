import { connect, createServer } from 'node:net';

/** True when nothing listens on host:port (we could bind it ourselves). */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Why a port we cannot bind is taken: a server `listening` there, or `held` as the local end of another
 * program's outgoing connection. Linux lends ports from 32768 to 60999 to those (the lab's 55164-55167
 * among them), and such a port is free again once the connection ends.
 */
export type PortState = 'free' | 'listening' | 'held';

export async function portState(host: string, port: number): Promise<PortState> {
  if (await isPortFree(host, port)) return 'free';
  return (await refusesConnections(host, port)) ? 'held' : 'listening';
}

/** Only a refusal says nothing listens; an answer, a timeout or another error counts as a server there. */
function refusesConnections(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (refused: boolean) => {
      socket.destroy();
      resolve(refused);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(false));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
  });
}

/** A free port block of `count` consecutive ports, for tests and classrooms. */
export async function findFreePortBlock(
  count: number,
  from = 20000 + Math.floor(Math.random() * 20000),
): Promise<number> {
  for (let base = from; base < 65000; base += count) {
    const free = await Promise.all(
      Array.from({ length: count }, (_, i) => isPortFree('127.0.0.1', base + i)),
    );
    if (free.every(Boolean) && !(base <= 55167 && base + count > 55164)) return base;
  }
  throw new Error('no free port block');
}
