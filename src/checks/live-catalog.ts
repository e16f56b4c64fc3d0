import type { NodeName } from '../lessons/schema.js';
import type {
  Catalog,
  Cell,
  CitusTable,
  DistNode,
  QueryResult,
  PlacementsOnNode,
  ShardsOnNode,
  ShellResult,
} from './catalog.js';
import { CATALOG_SQL, rowCountSql } from './queries.js';

/** What the live catalog needs from the adapters: SQL on a named node and a shell. */
export interface CatalogPorts {
  query(node: NodeName, sql: string, params?: unknown[]): Promise<QueryResult>;
  shell(command: string): Promise<ShellResult>;
}

const num = (c: Cell | undefined) => Number(c ?? 0);
const str = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c));
const bool = (c: Cell | undefined) => c === true || c === 't' || c === 'true';

export function liveCatalog(ports: CatalogPorts): Catalog {
  const rows = async (sql: string, params?: unknown[]) =>
    (await ports.query('coordinator', sql, params)).rows;
  return {
    async nodes(): Promise<DistNode[]> {
      return (await rows(CATALOG_SQL.nodes)).map((r) => ({
        nodeid: num(r[0]),
        groupid: num(r[1]),
        nodename: str(r[2]),
        nodeport: num(r[3]),
        noderole: str(r[4]),
        isactive: bool(r[5]),
        shouldhaveshards: bool(r[6]),
      }));
    },
    async citusTables(): Promise<CitusTable[]> {
      return (await rows(CATALOG_SQL.citusTables)).map((r) => ({
        tableName: str(r[0]),
        type: str(r[1]),
        distributionColumn: r[2] === null ? null : str(r[2]),
        colocationId: num(r[3]),
        shardCount: num(r[4]),
      }));
    },
    async placementsPerNode(): Promise<PlacementsOnNode[]> {
      return (await rows(CATALOG_SQL.placementsPerNode)).map(placements);
    },
    async shardsPerNode(): Promise<ShardsOnNode[]> {
      return (await rows(CATALOG_SQL.shardsPerNode)).map((r) => ({
        ...placements(r),
        bytes: num(r[4]),
      }));
    },
    async relation(table) {
      const [row] = await rows(CATALOG_SQL.relation, [table]);
      return row ? { accessMethod: str(row[0]) || 'heap' } : null;
    },
    async rowCount(table, upTo) {
      const [row] = await rows(rowCountSql(table, upTo));
      return num(row?.[0]);
    },
    async columnarRowsOn(node, table) {
      const result = await ports.query(node, CATALOG_SQL.columnarRowsOn, [table]);
      return num(result.rows[0]?.[0]);
    },
    async setting(node, name) {
      const result = await ports.query(node, CATALOG_SQL.setting, [name]);
      return str(result.rows[0]?.[0]);
    },
    async extensionVersion(node, name) {
      const result = await ports.query(node, CATALOG_SQL.extensionVersion, [name]);
      const value = result.rows[0]?.[0];
      return value === undefined || value === null ? null : String(value);
    },
    query: (node, sql) => ports.query(node, sql),
    shell: (command) => ports.shell(command),
  };
}

/** Table, node and shard count: the first four columns of both placement questions. */
const placements = (r: Cell[]): PlacementsOnNode => ({
  tableName: str(r[0]),
  nodename: str(r[1]),
  nodeport: num(r[2]),
  shards: num(r[3]),
});
