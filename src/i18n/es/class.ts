import type { klass as en } from '../en/class.js';

/** Mensajes de informes, ritmo, avance rápido, el comando `class` y otros clústeres. */
export const klass: Record<keyof typeof en, string> = {
  'class.junit.failedNoCheck': 'aún no superado',
  'class.junit.written': 'Informe JUnit escrito en {file}.',
};
