import type { actions as en } from '../en/actions.js';

/** Las líneas de comentario (`--` y `#`) que las acciones del laboratorio muestran junto a su SQL. */
export const actions: Record<keyof typeof en, string> = {
  'act.onCoordinator': 'en el coordinador ({host}:{port})',
  'act.copyIsInitdb': '= initdb, más rápido',

  'act.load.disk':
    'disco libre en {dir} >= {needed} (unos {dataPerRow} bytes por fila, más el WAL: {walPerRow} por fila hasta {walCap}), o se detiene',
  'act.load.plan': '{rows} filas en {batches} transacción(es) de hasta {size} filas,',
  'act.load.through': 'por {nodes} a la vez (una sesión en cada uno):',
  'act.load.and': ' y ',
  'act.load.onNode': 'en {node} (puerto {port}):',
  'act.load.more': '... y {more} más, hasta generate_series({first}, {last})',
  'act.load.diskFound': 'hacen falta unos {needed}, hay {free} libres en {dir}',
  'act.load.resume': '{loaded} filas ya cargadas: se cargan los {batches} lote(s) que faltan',
  'act.load.viaCoordinator': '{node} no responde desde aquí: sus lotes pasan por el coordinador',
  'act.load.batch':
    '{node}: generate_series({first}, {last}) en {time}: {done}/{rows} filas ({percent} %)',
  'act.load.done': '{rows} filas cargadas en {time}',

  'act.statements.done': '{count} sentencias en {time}',

  'act.rebalance.poll': 'cada {seconds} s hasta que el estado sea finished, failed o cancelled:',
  'act.rebalance.nothing': 'job_id = NULL: 0 movimientos',
  'act.rebalance.retry': '{error}: otra vez, con conexiones nuevas',
  'act.rebalance.running': 'job_id = {job} (ya en marcha)',

  'act.drain.eachMove':
    'después, por cada movimiento del plan, el movimiento y los shards que quedan en {node}:',
  'act.drain.nothing': 'ningún shard en {node}: nada que mover',
  'act.drain.done': '{shards} shards movidos fuera de {node} en {moves} movimientos ({time})',
};
