import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { ClusterMap } from '../../src/ui/components/ClusterMap.js';
import type { ClusterView } from '../../src/runner/cluster-view.js';

afterEach(() => cleanup());

const view: ClusterView = {
  known: true,
  nodes: [
    { name: 'coordinator', port: 47200, up: true, inCluster: true },
    { name: 'worker1', port: 47201, up: true, inCluster: true },
    { name: 'worker2', port: 47202, up: true, inCluster: true },
    { name: 'worker3', port: 47203, up: true, inCluster: true },
  ],
  tables: [
    {
      table: 'sensor_readings',
      perNode: {
        worker1: { shards: 2, bytes: 16 * 1024 },
        worker2: { shards: 1, bytes: 8 * 1024 },
        worker3: { shards: 1, bytes: 8 * 1024 },
      },
    },
    { table: 'users', perNode: { worker1: { shards: 16, bytes: 1023 * 1024 } } },
  ],
};

const frame = (width: number) => render(<ClusterMap view={view} width={width} />).lastFrame()!;
const rows = (width: number) =>
  frame(width)
    .split('\n')
    .filter((l) => /^(sensor|users)/.test(l));

describe('the cluster map', () => {
  it('marks a table name cut to fit, instead of showing a shorter name that is not the table', () => {
    const [sensor] = rows(42);
    expect(sensor).toMatch(/^sensor_re\w*… /);
    expect(sensor).not.toContain('sensor_readings');
    const [sensorWide] = rows(80);
    expect(sensorWide).toMatch(/^sensor_readings /);
  });

  it('shows sizes only when every one fits whole, and never cuts a count', () => {
    const [, narrow] = rows(42);
    expect(narrow).toMatch(/^users\s+·\s+16\s+·\s+·/);
    const [, middle] = rows(62);
    // Columns narrower than "16 (1023 kB)": the count stands alone.
    expect(middle).toMatch(/^users\s+·\s+16\s+·\s+·/);
    expect(frame(62)).toContain('shards per node (wider shows sizes)');
    const [sensorWide, wide] = rows(80);
    expect(wide).toMatch(/^users\s+·\s+16 \(1023 kB\)\s+·/);
    expect(sensorWide).toMatch(/^sensor_readings\s+·\s+2 \(16 kB\)\s+1 \(8 kB\)/);
    expect(frame(80)).toContain('shards (size) per node');
  });
});
