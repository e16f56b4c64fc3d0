import type { core as en } from '../en/core.js';

/** Mensajes en español: las mismas claves que en/core.ts. */
export const core: Record<keyof typeof en, string> = {
  'value.raw': '{value}',

  'check.expected': 'se esperaba',
  'check.found': 'se encontró',
  'check.step': 'paso',
  'check.sql': 'en {node}: {query}',
  'check.sqlSum': 'sumado en todos los workers: {query}',
  'check.nodes': 'el coordinador y los workers en pg_dist_node',
  'check.table': 'tabla {table}',
  'check.shardsBalanced': 'shards de {table} repartidos por igual',
  'check.rowCount': 'filas en {table}',
  'check.setting': '{name} en {nodes}',
  'check.extension': 'extensión {name} en {nodes}',
  'check.shell': 'comando: {command}',
  'check.choice': 'respuesta a {exercise}',

  'expect.noRows': 'ninguna fila',
  'expect.someRows': 'al menos una fila',
  'expect.balanced': 'en {nodes}, con una diferencia máxima de {max}',
  'expect.installedEverywhere': 'instalada en todos los nodos',
  'expect.exit': 'código de salida {code} {output}',
  'expect.rightChoice': 'la respuesta correcta',
  'expect.answer': 'una respuesta',

  'found.nodes': 'workers: {workers}; sin fila del coordinador',
  'found.nodesWithCoordinator': 'coordinador (grupo 0) y workers: {workers}',
  'found.noTable': 'no existe ninguna tabla {table}',
  'found.tableFacts': '{parts}',
  'facts.by': 'por {column}',
  'facts.shards': '{count} shards',
  'facts.colocatedWith': 'colocada con {table}',
  'facts.on': 'en {nodes}',
  'found.unreachable': '{node} (puerto {port}) no responde',
  'found.error': 'error: {message}',
  'found.noAnswer': 'todavía sin respuesta',

  'step.skippedVersion': 'Omitido: este paso no aplica a Citus {version}.',
  'step.expectedError':
    'Este error es el objetivo del paso: se rechazó, como se esperaba. {detail}',
  'step.expectedErrorMissing':
    'Se esperaba que la sentencia fallara (con "{pattern}") pero se ejecutó sin error.',
  'step.shellFailed': 'El comando falló con el código de salida {code}.',
  'step.sqlFailed': 'PostgreSQL rechazó la sentencia:',
  'step.nodeDown': '{node} (puerto {port}) no responde.',
  'step.unknownAction': 'Acción desconocida "{action}" en esta lección.',
  'step.actionFailed': 'El paso falló.',
  'step.cancelled': 'Cancelado. Vuelve a ejecutar el paso cuando quieras.',

  'output.row': '(1 fila)',
  'output.rows': '({count} filas)',
  'output.hidden': '— {count} más sin mostrar',
  'progress.line': '{done} / {total} {unit} ({percent}%)',
  'progress.rows': 'filas',
  'progress.moves': 'movimientos de shards',
  'progress.shards': 'shards movidos',
  'progress.nodes': 'nodos',
  'progress.steps': 'pasos',

  'list.header': 'Lecciones (carpeta del laboratorio: {dir})',
  'list.progress': '[pasos {steps}/{stepsTotal}, ejercicios {exercises}/{exercisesTotal}]',
  'list.exercise': 'ejercicio',

  'run.stepFailed':
    'Detenido en el paso {step}. Corrige lo que se muestra arriba y luego: citus-lab-tutor run {lesson} --from {step}',
  'run.doneBefore':
    'La lección {lesson} ya estaba hecha, así que lo que crean sus pasos ya existe. Para repetirla desde cero: citus-lab-tutor reset {lesson}, y después ejecútala.',
  'run.lessonDone': '✔ Lección {id} completada.',
  'run.lessonStepsDone': 'Pasos de {id} hechos; quedan {open} ejercicio(s) abiertos.',
  'run.exercise': 'Ejercicio',
  'run.chooseAnswer': 'Tu respuesta (letra): ',
  'run.applyingSolution': 'Aplicando la solución de referencia (--solutions).',
  'run.answerLater': 'Responde con: citus-lab-tutor check {lesson} --answer {exercise}=<letra>',
  'run.solveLater':
    'Escribe tu SQL en psql (o cualquier cliente) y califícalo con: citus-lab-tutor check {lesson}',
  'run.hint': 'Pista',

  'reset.ask':
    '¿Reiniciar {lessons}? Se borra lo que creó la lección y se olvida su progreso. [s/N] ',
  'reset.done': 'Lección {id} reiniciada.',
  'reset.failed': 'No se pudo reiniciar {id}; su progreso se conserva.',
  'reset.cancelled':
    'Reinicio de {id} cancelado: lo que ya deshizo queda deshecho y su progreso se conserva. Vuelve a ejecutar el reinicio para terminarlo.',

  'trust.header':
    'Estas lecciones vienen de {dir}, no de citus-lab-tutor. Ejecutarán estos comandos de shell:',
  'trust.ask': '¿Ejecutarlos? [s/N] ',

  'doctor.header': 'citus-lab-tutor doctor',
  'doctor.node': 'Node.js {version}',
  'doctor.user': 'Ejecutando como usuario sin privilegios (uid {uid})',
  'doctor.root': 'Ejecutando como root: PostgreSQL se niega a arrancar como root.',
  'doctor.postgres': 'PostgreSQL {version} en {dir}',
  'doctor.noPostgres': 'No se encontraron los binarios del servidor PostgreSQL (initdb, postgres).',
  'doctor.badPgBin': '{dir} no contiene un servidor PostgreSQL (initdb y postgres).',
  'doctor.citus': 'Citus {version} instalado',
  'doctor.noCitus': 'Citus no está instalado para este PostgreSQL.',
  'doctor.citusElsewhere':
    'Citus {version} está instalado para el PostgreSQL de {dir}, no para el elegido.',
  'doctor.portsFree': 'Puertos {from}-{to} libres',
  'doctor.portsTaken': 'Puerto(s) {ports} ya en uso por otro programa.',
  'doctor.portsHeld':
    'Puerto(s) {ports} ocupados por ahora por conexiones salientes de otros programas (nadie escucha en ellos): el sistema presta puertos de este rango a esas conexiones.',
  'doctor.labDir': 'Se puede escribir en la carpeta del laboratorio {dir}',
  'doctor.labDirNotWritable': 'No se puede escribir en la carpeta del laboratorio {dir}.',
  'doctor.disk': '{free} de disco libre',
  'doctor.diskLow':
    'Solo {free} de disco libre: la lección de carga necesita más; usa un --rows menor.',
  'doctor.allGood': 'Listo: ejecuta citus-lab-tutor',
  'doctor.someMissing': 'Falta algo: corrige las líneas marcadas con ✘ y vuelve a ejecutar doctor.',

  'fix.node': 'Instala Node.js 20 o posterior.',
  'fix.root':
    'Ejecuta citus-lab-tutor con tu usuario normal, no como root (por ejemplo: su - alumno -c "npx citus-lab-tutor").',
  'fix.installPostgres':
    'Instala PostgreSQL 14-17: Debian/Ubuntu "sudo apt install postgresql-15"; RHEL "sudo dnf install postgresql15-server"; macOS "brew install postgresql@15". O indica dónde está con --pg-bin DIR.',
  'fix.pgBin':
    'Pasa a --pg-bin la carpeta que contiene initdb y postgres (p. ej. /usr/lib/postgresql/15/bin).',
  'fix.installCitus':
    'Instala Citus para PostgreSQL {pg}: Debian/Ubuntu: añade el repositorio de Citus (curl https://install.citusdata.com/community/deb.sh | sudo bash) y luego "sudo apt install postgresql-{pg}-citus-13.2"; RHEL: el script rpm.sh y luego "sudo dnf install citus132_{pg}"; macOS: "brew install citus"; o con Docker: "docker run -d -p 55164:5432 citusdata/citus:13.2".',
  'fix.ports': 'Detén el programa que usa esos puertos, o usa otro bloque: --base-port {next}.',
  'fix.portsHeld':
    'Un puerto así suele quedar libre en uno o dos minutos: vuelve a ejecutar la orden, o usa otro bloque: --base-port {next}.',
  'fix.labDir': 'Elige una carpeta en la que puedas escribir con --lab-dir DIR.',

  'warn.progressSetAside':
    'Tu archivo de progreso estaba dañado o era de una versión desconocida; se guardó como {path} y el progreso empieza de cero.',

  'error.usage': 'La línea de comandos no es correcta: {detail}',
  'error.unknownCommand': 'Comando desconocido "{command}".',
  'error.badLang': 'Idioma desconocido "{value}": usa es o en.',
  'error.badPort':
    'Puerto base no válido "{value}": usa un número de 1024 a 65532 (los nodos usan ese y los tres siguientes).',
  'error.badRows': 'Número de filas no válido "{value}": usa un número entero de 1 o más.',
  'error.runNeedsLesson': 'Indica qué lección ejecutar, o usa --all.',
  'error.resetNeedsLesson': 'Indica qué lección reiniciar, o usa --all.',
  'error.resetNeedsYes': 'Reiniciar {lessons} borra lo que crearon; confírmalo con --yes.',
  'error.unknownLesson': 'No existe la lección "{id}".',
  'error.lessonBroken': 'La lección "{id}" tiene problemas y no se cargó.',
  'error.unknownStep': 'La lección {id} no tiene el paso "{step}".',
  'error.prerequisites': 'La lección {id} necesita antes {missing}.',
  'error.answerNeedsLesson':
    '--answer necesita exactamente una lección: check <lección> --answer <ejercicio>=<letra>.',
  'error.badAnswer':
    '"{value}" no es una respuesta a una pregunta de {lesson}: usa <ejercicio>=<letra>.',
  'error.trustNeedsYes':
    'Estas lecciones no son del programa; confirma sus comandos de shell con --yes.',
  'error.cancelled': 'Cancelado; no se ejecutó nada.',
  'error.labDirNotOurs':
    '{dir} no está vacía ({example}) y no es una carpeta del laboratorio: el laboratorio no la ocupa, porque borra lo que crea en su carpeta.',
  'error.bug':
    'Algo falló dentro de citus-lab-tutor (un error del programa). Repórtalo con el texto de abajo, por favor.',

  'hint.help': 'Consulta: citus-lab-tutor --help',
  'hint.list': 'Mira las lecciones y sus pasos: citus-lab-tutor list',
  'hint.lint': 'Mira qué está mal: citus-lab-tutor lint',
  'hint.addYes': 'Añade --yes para confirmar.',
  'hint.prerequisites':
    'Ejecútalas antes, o deja que el laboratorio lo haga: citus-lab-tutor run {id} --yes',
  'hint.clusterDown':
    '→ Un nodo no responde. Arranca el clúster del laboratorio: citus-lab-tutor cluster up',

  'lint.ok': '✔ {count} lección(es) en {dir}: sin problemas.',
  'lint.failed': '✘ {count} problema(s).',
  'lint.noLessonDir': 'No existe esa carpeta de lecciones.',
  'lint.noLessons': 'No hay carpetas de lecciones aquí (nombres como 01-concepts).',
  'lint.badFolderName': 'Una carpeta de lección se llama NN-nombre (p. ej. 03-distribute).',
  'lint.missingFile': 'Falta este archivo: cada lección tiene lesson.yaml, es.md y en.md.',
  'lint.yamlSyntax': 'Sintaxis YAML: {detail}',
  'lint.schema': '{detail}',
  'lint.noTitle': 'Sin título: empieza el archivo con una línea "# Título".',
  'lint.markerNeedsId': 'El marcador <!-- {marker}: id --> necesita un id.',
  'lint.markerOutsideExercise': '<!-- {marker} --> va dentro de la sección de un ejercicio.',
  'lint.codeTagMismatch':
    'Este bloque de código lleva step={tag} pero está en la sección de otro paso.',
  'lint.codeDrift':
    'El código aquí no coincide con lesson.yaml. Corrige lesson.yaml y ejecuta: citus-lab-tutor lint --fix',
  'lint.codeMissing': 'Aquí no se muestra el código del paso. Ejecuta: citus-lab-tutor lint --fix',
  'lint.codeWithoutStep': 'Este paso no ejecuta código, así que no lleva bloque step=.',
  'lint.itemMissing': 'El {kind} de lesson.yaml no tiene aquí su sección <!-- {kind}: id -->.',
  'lint.itemUnknown': 'Este {kind} no está en lesson.yaml.',
  'lint.itemOrder': 'Las secciones de {kind} no siguen el orden de lesson.yaml: {expected}.',
  'lint.noHints': 'Un ejercicio necesita al menos una <!-- hint -->.',
  'lint.choicesDiffer':
    'Las opciones deben coincidir con lesson.yaml: se esperaba {expected}, se encontró {found}.',
  'lint.hintCountDiffers':
    'El español tiene {es} pista(s) y el inglés {en}: ambos idiomas necesitan las mismas.',
  'lint.duplicateId': 'Dos lecciones tienen el id {id} (también {other}).',
  'lint.duplicateItem': 'Este id se usa dos veces en la lección.',
  'lint.unknownRequire': 'Requiere "{id}", que no es una lección de aquí.',
  'lint.requireLater':
    'Requiere "{id}", que va después: una lección solo puede requerir lecciones anteriores.',
  'lint.unknownTemplate': 'Valor desconocido {{{name}}}; valores conocidos: {known}.',
  'lint.unknownAction': 'Acción desconocida "{action}"; acciones conocidas: {known}.',
  'lint.idFormat': 'Usa minúsculas, dígitos y guiones (p. ej. create-table).',
  'lint.expectationEmpty': 'Indica al menos uno de equals, atLeast, atMost, matches, rows, empty.',
  'lint.sumOverNode':
    'Una comprobación con sumOver: workers se ejecuta en cada worker activo: quita su node.',
  'lint.sumOverRows':
    'Una comprobación con sumOver: workers suma números: espera equals, atLeast o atMost, no rows ni empty.',
  'lint.stepOneRunnable': 'Un paso tiene como mucho uno de sql, shell, action.',
  'lint.nodeWithSql': 'node va con sql.',
  'lint.expectErrorWith': 'expectError va con sql o shell.',
  'lint.answerInOptions': 'La respuesta debe ser una de las opciones.',
  'lint.exerciseKind': 'Un ejercicio es de opción múltiple o tiene comprobaciones.',
  'lint.needsSolution': 'Un ejercicio de SQL necesita una solución de referencia.',
  'lint.resetEntry': 'Una entrada de reset tiene sql o action.',
  'lint.zodRequired': 'Este campo es obligatorio.',
  'lint.zodType': 'Se esperaba {expected}, se encontró {received}.',
  'lint.zodEnum': 'Usa uno de: {options}.',
  'lint.zodKeys': 'Campo(s) desconocido(s): {keys}.',
  'lint.zodTooSmall': 'Necesita al menos {minimum}.',

  'home.plain':
    'citus-lab-tutor — aprende PostgreSQL distribuido (Citus) con las manos en la masa.',
  'home.next':
    'Empieza con: citus-lab-tutor run concepts   ·   todos los comandos: citus-lab-tutor --help',

  'help.text': `citus-lab-tutor — aprende PostgreSQL distribuido (Citus) con las manos en la masa

Uso:
  citus-lab-tutor                          abre el laboratorio (interfaz de terminal; texto plano sin terminal)
  citus-lab-tutor list [--json]            lecciones, sus pasos y ejercicios, y tu progreso
  citus-lab-tutor run <lección>|--all [--from <paso>] [--yes] [--solutions]
                                           ejecuta los pasos de una lección con sus comprobaciones; se detiene al primer fallo
  citus-lab-tutor check [<lección>|--all] [--json] [--answer <ejercicio>=<letra>]
                                           comprueba el laboratorio contra una lección, sin ejecutar nada
  citus-lab-tutor reset <lección>|--all [--yes]
                                           deshace lo que creó una lección y olvida su progreso
  citus-lab-tutor doctor [--json]          qué está instalado, qué falta y cómo arreglarlo
  citus-lab-tutor lint [<dir>] [--fix]     valida carpetas de lecciones (para docentes)
  citus-lab-tutor --help | --version

Opciones:
  --lang es|en        idioma (por defecto según LC_ALL / LC_MESSAGES / LANG)
  --lab-dir DIR       carpeta del laboratorio: datos del clúster y progreso (env CITUS_LAB_DIR; por defecto ~/citus-lab)
  --base-port N       el primero de cuatro puertos (env CITUS_LAB_BASE_PORT; por defecto 55164)
  --pg-bin DIR        carpeta bin de PostgreSQL (env CITUS_LAB_PG_BIN)
  --lessons DIR       la carpeta de lecciones propia de un docente
  --rows N            filas de la lección de carga de datos (por defecto 1000000; el laboratorio las guarda)

Código de salida: 0 todo bien, 1 falló un paso o una comprobación, 2 error de uso o del entorno.`,
};
