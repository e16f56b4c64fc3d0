import type { reliability as en } from '../en/reliability.js';

/** Mensajes sobre fallos y seguridad: actualizaciones entre sesiones, autenticación con contraseña. */
export const reliability: Record<keyof typeof en, string> = {
  'reliability.pgVersionMismatch':
    'Las carpetas de datos del laboratorio las creó PostgreSQL {dataMajor} ({nodes}), pero el PostgreSQL encontrado es el {binMajor} ({binDir}): PostgreSQL {binMajor} no puede abrirlas.',
  'reliability.hint.pgVersionMismatch':
    'Usa los programas de PostgreSQL {dataMajor} con --pg-bin (p. ej. /usr/lib/postgresql/{dataMajor}/bin), o reconstruye el laboratorio para el {binMajor} (se pierden sus tablas): citus-lab-tutor cluster destroy --yes && citus-lab-tutor cluster up',
  'reliability.badAuth': '--auth "{value}" no es válido: usa trust o scram.',
  'reliability.noPassword':
    '--auth scram necesita una contraseña: define CITUS_LAB_PASSWORD o CITUS_LAB_PASSWORD_FILE (un fichero que la contenga). Nunca se acepta una contraseña en la línea de órdenes.',
  'reliability.passwordFile': 'No se puede leer el fichero de contraseña {file}: {detail}',
  'reliability.hint.password':
    'Por ejemplo: export CITUS_LAB_PASSWORD_FILE=~/.citus-lab-password (chmod 600)',
};
