import { createServer } from 'node:net';

/** True when nothing listens on host:port (we could bind it ourselves). */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
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
