import type { klass as en } from '../en/class.js';

/** Mensajes de informes, ritmo, avance rápido, el comando `class` y otros clústeres. */
export const klass: Record<keyof typeof en, string> = {
  'class.junit.failedNoCheck': 'aún no superado',
  'class.junit.written': 'Informe JUnit escrito en {file}.',
  'class.fastForward.ask': 'La lección {id} necesita antes {missing}. ¿Las ejecuto ahora y después {id}? [S/n] ',
  'class.error.unknownUntil': 'No hay ninguna lección "{id}" para --until.',
  'class.error.notOpenYet': 'La lección {id} aún no está abierta: la clase ha llegado hasta la lección {until}.',
  'class.hint.notOpenYet': 'Tu profesor abre las siguientes lecciones cuando la clase llega a ellas; mira las abiertas con: citus-lab-tutor list',
  'class.list.later': '{count} lección(es) más se abren cuando la clase llegue a ellas (--until {until}).',
};
