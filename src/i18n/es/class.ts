import type { klass as en } from '../en/class.js';

/** Mensajes de informes, ritmo, avance rápido, el comando `class` y otros clústeres. */
export const klass: Record<keyof typeof en, string> = {
  'class.junit.failedNoCheck': 'aún no superado',
  'class.junit.written': 'Informe JUnit escrito en {file}.',
  'class.fastForward.ask':
    'La lección {id} necesita antes {missing}. ¿Las ejecuto ahora y después {id}? [S/n] ',
  'class.error.unknownUntil': 'No hay ninguna lección "{id}" para --until.',
  'class.error.notOpenYet':
    'La lección {id} aún no está abierta: la clase ha llegado hasta la lección {until}.',
  'class.hint.notOpenYet':
    'Tu profesor abre las siguientes lecciones cuando la clase llega a ellas; mira las abiertas con: citus-lab-tutor list',
  'class.list.later':
    '{count} lección(es) más se abren cuando la clase llegue a ellas (--until {until}).',
  'class.error.unknownSubcommand':
    'Comando de clase desconocido "{command}": usa init, status o reset.',
  'class.error.badStudents':
    '--students "{value}" no es válido: indica el número de alumnos, de 1 a {max}.',
  'class.error.exists': 'Ya hay una clase en {dir}.',
  'class.hint.exists': 'Mírala con: citus-lab-tutor class status --dir {dir} (o elige otro --dir).',
  'class.error.noClass': 'No hay ninguna clase en {dir} (falta class.json).',
  'class.hint.init': 'Prepárala con: citus-lab-tutor class init --students N --dir {dir}',
  'class.error.badClassFile': 'No se puede leer el fichero de la clase {file}: {detail}',
  'class.error.notALab':
    '{dir} ya contiene ficheros y no es una carpeta de laboratorio de citus-lab-tutor: no se ha creado nada.',
  'class.error.noPorts':
    'No hay {count} bloques libres de cuatro puertos a partir del puerto {start}.',
  'class.hint.basePort': 'Elige otro primer puerto con --base-port.',
  'class.error.resetNeedsYes':
    'Reiniciar la clase borra el progreso de {count} alumno(s); confírmalo con --yes.',
  'class.init.done':
    '✔ Clase de {count} preparada en {dir}. Cada alumno ejecuta su propio comando:',
  'class.init.ports': 'puertos {from}-{to}',
  'class.status.header': 'Clase en {dir}: {count} alumno(s)',
  'class.status.damaged': 'fichero de progreso dañado',
  'class.status.col.learner': 'alumno',
  'class.status.col.ports': 'puertos',
  'class.status.col.lesson': 'lección',
  'class.status.col.lessons': 'lecciones hechas',
  'class.status.col.steps': 'pasos',
  'class.status.col.exercises': 'ejercicios',
  'class.status.col.hints': 'pistas',
  'class.status.col.time': 'tiempo',
  'class.status.col.last': 'última actividad (UTC)',
  'class.reset.ask': '¿Borrar el progreso de los {count} alumno(s) de {dir}? [s/N] ',
  'class.reset.askClusters':
    '¿Borrar el progreso de los {count} alumno(s) de {dir}, y parar y borrar sus clústeres? [s/N] ',
  'class.reset.done': '✔ {name}: progreso borrado.',
  'class.reset.doneClusters': '✔ {name}: clúster eliminado y progreso borrado.',
  'class.reset.notALab':
    '✘ {name}: {dir} no es una carpeta de laboratorio de citus-lab-tutor; no se ha tocado.',
  'class.error.badCoordinator': '--coordinator "{value}" no es válido.',
  'class.hint.coordinator':
    'Indica el coordinador como postgresql://usuario@host:puerto/basededatos, p. ej. postgresql://postgres@db1.example.org:5432/postgres',
  'class.error.passwordInUrl':
    'No pongas la contraseña en --coordinator: se vería en la lista de procesos y en el historial de tu shell.',
  'class.hint.pgpass':
    'Usa PGPASSWORD o añade el servidor a ~/.pgpass (chmod 600), como hace psql.',
  'class.error.badProvider': '--provider "{value}" no es válido: usa local o docker.',
  'class.error.dockerAndCoordinator':
    '--provider docker construye su propio clúster: no indiques --coordinator con él.',
  'class.remote.doneElsewhere':
    'Hecho en otro sitio: el laboratorio no construye este clúster ({url}).',
  'class.remote.shellSkipped':
    'Omitido: este paso necesita los ficheros locales del laboratorio, y el clúster se ejecuta en otro sitio ({url}).',
  'class.remote.notLocal':
    'El clúster se ejecuta en otro sitio ({url}): el laboratorio no lo construye, arranca, para ni borra.',
  'class.hint.notLocal':
    'Gestiónalo donde se ejecuta; las lecciones y comprobaciones lo usan mediante --coordinator.',
  'class.docker.written': 'Fichero compose escrito: {file}',
  'class.docker.up':
    '✔ Citus en Docker: coordinador 127.0.0.1:{coordinator}, workers {workers} (worker3 {worker3} en marcha, sin añadir).',
  'class.docker.failed': 'docker compose ha fallado:\n{detail}',
  'class.hint.docker': '¿Está Docker en marcha? Compruébalo con: docker info',
  'class.docker.stopped': '✔ El clúster de Docker está parado (sus datos se conservan).',
  'class.docker.started': '✔ El clúster de Docker está en marcha.',
  'class.docker.destroyed':
    '✔ El clúster de Docker y sus volúmenes se han eliminado de {dir} (tu progreso se conserva).',
  'class.help':
    'Clases y otros clústeres:\n' +
    '  check --all --junit FICHERO              escribe también el informe en JUnit XML (tiempo, pistas usadas)\n' +
    '  class init --students N [--base-port P] [--dir D]\n' +
    '                                           una carpeta y cuatro puertos libres por alumno; imprime sus comandos\n' +
    '  class status [--json] [--dir D]          el progreso de cada alumno, leído de sus carpetas\n' +
    '  class reset [--clusters] [--yes] [--dir D]\n' +
    '                                           borra el progreso de todos (y sus clústeres con --clusters)\n' +
    '  --until <lección>                        abre solo las lecciones hasta esa\n' +
    '  --coordinator postgresql://usuario@host:puerto/bd   usa un clúster Citus existente\n' +
    '  --provider docker                        ejecuta el clúster en Docker (citusdata/citus:13.2)',
};
