import type { lessons2 as en } from '../en/lessons2.js';

/** Mensajes en español de las acciones de las lecciones 06-09. */
export const lessons2: Record<keyof typeof en, string> = {
  'lab.rebalanceFailed':
    'El trabajo de rebalanceo {job} terminó como "{state}"; los shards que no se movieron siguen donde estaban.',
  'lab.drainLeftShards':
    'Después de los movimientos del plan quedan {count} colocaciones de shards en {node} (¿una tabla creada entretanto?). El worker 3 vuelve a recibir shards; ejecuta el reinicio otra vez.',
  'lab.rebalanceStalled':
    'El trabajo de rebalanceo {job} no terminó ningún movimiento en {seconds} s, así que se detuvo con citus_rebalance_stop(). Mira citus_rebalance_status() y vuelve a ejecutar el paso.',
  'lab.rebalanceTaskFailing':
    'Un movimiento del trabajo de rebalanceo {job} falló {retries} veces, así que el trabajo se detuvo con citus_rebalance_stop(). Citus dijo:',
};
