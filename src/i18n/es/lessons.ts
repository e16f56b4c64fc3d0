import type { lessons as en } from '../en/lessons.js';

/** Mensajes en español de las comprobaciones y acciones propias de las lecciones. */
export const lessons: Record<keyof typeof en, string> = {
  'check.explain': 'el plan de {query} en {node}',
  'expect.taskCount': 'Task Count {value}',
  'found.noTaskCount': 'el plan no tiene Task Count de Citus (¿está distribuida la tabla?)',

  'load.diskShort':
    'No hay disco libre suficiente para {rows} filas: la carga necesita unos {needed} y {dir} tiene {free} libres. Ejecútala con un --rows menor (por ejemplo --rows 1000000).',
  'load.failed':
    'La carga se detuvo con {done} de {total} filas en la tabla (una sentencia que no terminó se deshace entera: cada una es una transacción). Vuelve a levantar todos los nodos (citus-lab-tutor cluster up) y ejecuta el paso otra vez: sigue tras las filas ya cargadas.',
  'load.strayRows':
    'users ya tiene {stray} filas que no son lotes enteros de esta carga de {rows} filas (una carga con otro --rows, o filas añadidas a mano), y cargar encima repetiría algunos id. Vacía antes la tabla: ejecuta el paso que hace TRUNCATE de users (o TRUNCATE users; en psql) y después este.',
};
