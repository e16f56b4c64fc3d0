import { Document } from 'yaml';
import { nodePorts } from '../config/options.js';
import { NODE_NAMES } from '../lessons/nodes.js';
import { CITUS_IMAGE, COMPOSE_FILE, projectName } from './docker.js';
import { NODE_CONNINFO } from './settings.js';

/**
 * The official Citus image as the lab's four nodes. The workers share the coordinator's network
 * namespace and each node listens on its own lab port, so every node is 127.0.0.1:<port> both from
 * this machine and from inside the cluster: the lessons' citus_add_node({{host}}, {{port.worker3}})
 * works unchanged. The coordinator publishes the four ports on loopback only. Worker 3 runs but is
 * not added (the rebalance lesson adds it).
 */
export function composeFile(basePort: number): string {
  const ports = nodePorts(basePort);
  const services = Object.fromEntries(
    NODE_NAMES.map((name) => {
      const port = ports[name];
      const service: Record<string, unknown> = {
        image: CITUS_IMAGE,
        environment: {
          POSTGRES_USER: 'postgres',
          POSTGRES_HOST_AUTH_METHOD: 'trust',
          PGPORT: String(port),
        },
        command: [
          'postgres',
          '-c',
          `port=${port}`,
          '-c',
          'wal_level=logical',
          '-c',
          `citus.node_conninfo=${NODE_CONNINFO}`,
        ],
        volumes: [`${name}-data:/var/lib/postgresql/data`],
        healthcheck: {
          test: ['CMD-SHELL', `pg_isready -h 127.0.0.1 -p ${port} -U postgres`],
          interval: '2s',
          timeout: '5s',
          retries: 60,
        },
      };
      if (name === 'coordinator')
        service.ports = NODE_NAMES.map((n) => `127.0.0.1:${ports[n]}:${ports[n]}`);
      else {
        service.network_mode = 'service:coordinator';
        service.depends_on = { coordinator: { condition: 'service_started' } };
      }
      return [name, service];
    }),
  );
  const doc = new Document({
    name: projectName(basePort),
    services,
    volumes: Object.fromEntries(NODE_NAMES.map((n) => [`${n}-data`, {}])),
  });
  doc.commentBefore = ` Written by citus-lab-tutor --provider docker (ports ${basePort}-${basePort + 3}). Started with:\n   docker compose -f ${COMPOSE_FILE} up -d --wait`;
  return doc.toString();
}
