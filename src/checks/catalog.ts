import type { NodeName } from '../lessons/schema.js';

/** A node row of pg_dist_node. */
export interface DistNode {
  nodeid: number;
  groupid: number;
  nodename: string;
  nodeport: number;
  noderole: string;
  isactive: boolean;
  shouldhaveshards: boolean;
}

export interface CitusTable {
  tableName: string;
  type: string;
  distributionColumn: string | null;
  colocationId: number;
  shardCount: number;
}

export interface PlacementsOnNode {
  tableName: string;
  nodename: string;
  nodeport: number;
  shards: number;
}

export interface ShardsOnNode extends PlacementsOnNode {
  bytes: number;
}

export interface Relation {
  /** heap, columnar, or '' for relations without storage (a partitioned parent reads as heap). */
  accessMethod: string;
}

export type Cell = string | number | boolean | null;
export interface QueryResult {
  columns: string[];
  rows: Cell[][];
}

export interface ShellResult {
  exitCode: number;
  stdout: string;
}

/**
 * Everything a check may ask of the lab: typed catalog questions plus raw SQL and shell.
 * The live implementation asks the cluster; a fixture answers from a recorded snapshot.
 */
export interface Catalog {
  nodes(): Promise<DistNode[]>;
  citusTables(): Promise<CitusTable[]>;
  /** Shards per table and node, from the metadata (what checks ask). */
  placementsPerNode(): Promise<PlacementsOnNode[]>;
  /** The same with their sizes, which asks every worker (what the UI's cluster map shows). */
  shardsPerNode(): Promise<ShardsOnNode[]>;
  relation(table: string): Promise<Relation | null>;
  /**
   * Rows in the table. With `upTo`, counting stops there: enough to decide "at least N" without
   * reading a million rows.
   */
  rowCount(table: string, upTo?: number): Promise<number>;
  /**
   * The rows of a columnar table that one node holds, read from columnar's stripe metadata instead of
   * counted: the sum over the nodes is the table's row count, in milliseconds at any size.
   */
  columnarRowsOn(node: NodeName, table: string): Promise<number>;
  setting(node: NodeName, name: string): Promise<string>;
  extensionVersion(node: NodeName, name: string): Promise<string | null>;
  query(node: NodeName, sql: string): Promise<QueryResult>;
  shell(command: string): Promise<ShellResult>;
}

/** Every question a Catalog answers: what the recorder, the snapshot and askedOnce wrap. */
export const CATALOG_METHODS = [
  'nodes',
  'citusTables',
  'placementsPerNode',
  'shardsPerNode',
  'relation',
  'rowCount',
  'columnarRowsOn',
  'setting',
  'extensionVersion',
  'query',
  'shell',
] as const satisfies readonly (keyof Catalog)[];

/** A node that does not answer: checks report it as found, not as a crash. */
export class NodeUnreachable extends Error {
  constructor(
    readonly node: NodeName,
    readonly port: number,
    detail: string,
  ) {
    super(detail);
    this.name = 'NodeUnreachable';
  }
}
