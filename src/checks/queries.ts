/**
 * Every catalog query the lab asks, in one place. Each works on Citus 12.1 through 13.x
 * and PostgreSQL 14 through 17 (columns that exist in all of them only).
 */
export const CATALOG_SQL = {
  nodes: `SELECT nodeid, groupid, nodename, nodeport, noderole::text, isactive, shouldhaveshards
          FROM pg_dist_node ORDER BY groupid, nodeport`,

  // citus_tables' columns, read from pg_dist_partition as the view does, without the view's table
  // sizes: those ask every worker (citus_shard_sizes), and no check needs them.
  citusTables: `SELECT p.logicalrelid::regclass::text,
                       CASE WHEN p.colocationid IN (SELECT colocationid FROM pg_dist_schema) THEN 'schema'
                            WHEN p.partkey IS NOT NULL THEN 'distributed'
                            WHEN p.repmodel = 't' THEN 'reference'
                            WHEN p.colocationid = 0 THEN 'local'
                            ELSE 'distributed' END,
                       CASE WHEN p.partkey IS NOT NULL
                            THEN column_to_column_name(p.logicalrelid, p.partkey) END,
                       p.colocationid,
                       (SELECT count(*) FROM pg_dist_shard s WHERE s.logicalrelid = p.logicalrelid)
                FROM pg_dist_partition p
                WHERE p.logicalrelid NOT IN (SELECT objid FROM pg_depend
                                             WHERE classid = 'pg_class'::regclass
                                               AND refclassid = 'pg_extension'::regclass AND deptype = 'e')
                ORDER BY p.logicalrelid::text`,

  // Where shards are, from the metadata alone: citus_shards would also ask every worker for sizes.
  placementsPerNode: `SELECT s.logicalrelid::regclass::text, n.nodename::text, n.nodeport, count(*)::int
                      FROM pg_dist_shard s
                      JOIN pg_dist_placement p USING (shardid)
                      JOIN pg_dist_node n USING (groupid)
                      GROUP BY 1, 2, 3 ORDER BY 1, 3`,

  shardsPerNode: `SELECT table_name::text, nodename, nodeport, count(*)::int,
                         COALESCE(sum(shard_size), 0)::bigint
                  FROM citus_shards GROUP BY 1, 2, 3 ORDER BY 1, 3`,

  // Plain catalog only: it must answer on a node where Citus is not (yet) installed.
  relation: `SELECT am.amname::text
             FROM pg_class c LEFT JOIN pg_am am ON am.oid = c.relam
             WHERE c.oid = to_regclass($1)`,

  // A columnar table's rows on the node asked, from columnar's stripe metadata: no row is read. The
  // shards counted are those whose first placement (lowest group) is this node's, so a reference
  // table's copies count once. The table itself adds its rows only on the coordinator (a worker's own
  // table of that name is not the lab's) and only when Citus does not manage it: a table distributed
  // after rows went in keeps them on disk, out of sight, until truncate_local_data_after_distributing_table.
  // Columnar refuses UPDATE and DELETE, so the rows written are the rows there. Shards are hidden from
  // pg_class on workers, not from to_regclass.
  columnarRowsOn: `SELECT coalesce(sum(st.row_count), 0)::bigint
                   FROM columnar_internal.stripe st
                   WHERE st.storage_id IN (
                     SELECT columnar.get_storage_id(to_regclass(shard_name(sh.logicalrelid, sh.shardid)))
                     FROM pg_dist_shard sh JOIN pg_dist_placement pl USING (shardid)
                     WHERE sh.logicalrelid = to_regclass($1)
                       AND pl.groupid = (SELECT groupid FROM pg_dist_local_group)
                       AND pl.groupid = (SELECT min(first.groupid) FROM pg_dist_placement first
                                         WHERE first.shardid = sh.shardid)
                     UNION ALL
                     SELECT columnar.get_storage_id(to_regclass($1))
                     WHERE (SELECT groupid FROM pg_dist_local_group) = 0
                       AND NOT EXISTS (SELECT FROM pg_dist_partition
                                       WHERE logicalrelid = to_regclass($1)))`,

  citusInstalled: `SELECT count(*) = 1 FROM pg_extension WHERE extname = 'citus'`,

  setting: `SELECT current_setting($1, true)`,

  extensionVersion: `SELECT extversion FROM pg_extension WHERE extname = $1`,

  activeWorkers: `SELECT node_name, node_port FROM citus_get_active_worker_nodes() ORDER BY node_port`,
} as const;

/**
 * `SELECT count(*) FROM <table>`, with the name quoted as an identifier path. With `upTo`, the rows
 * are counted through a LIMIT, which Citus sends to every shard: each stops reading after that many.
 */
export function rowCountSql(table: string, upTo?: number): string {
  const quoted = table
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.');
  return upTo === undefined
    ? `SELECT count(*) FROM ${quoted}`
    : `SELECT count(*) FROM (SELECT 1 FROM ${quoted} LIMIT ${Math.floor(upTo)}) AS counted`;
}
