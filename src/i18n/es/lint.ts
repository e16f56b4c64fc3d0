import type { lint as en } from '../en/lint.js';

/** Cómo corregir cada problema que informa `lint`. */
export const lint: Record<keyof typeof en, string> = {
  'lintfix.badFolderName': 'Renombra la carpeta como NN-id, p. ej. 03-distribute.',
  'lintfix.choicesDiffer':
    'Da a cada opción de lesson.yaml una sección <!-- choice: x -->, en el mismo orden.',
  'lintfix.codeDrift':
    'Cambia el código solo en lesson.yaml y luego ejecuta citus-lab-tutor lint --fix para copiarlo aquí.',
  'lintfix.codeMissing': 'Ejecuta citus-lab-tutor lint --fix para copiar aquí el código del paso.',
  'lintfix.codeTagMismatch':
    'Mueve el bloque a la sección del paso {tag}, o etiquétalo con el id de este paso.',
  'lintfix.codeWithoutStep': 'Quita el bloque, o da al paso sql: o shell: en lesson.yaml.',
  'lintfix.duplicateId': 'Renombra una de las dos carpetas de lección.',
  'lintfix.duplicateItem': 'Da a cada paso y ejercicio un id propio.',
  'lintfix.hintCountDiffers':
    'Añade o quita secciones <!-- hint --> hasta que los dos archivos tengan las mismas.',
  'lintfix.itemMissing':
    'Añade una sección que empiece con <!-- {kind}: {item} --> seguida de un título ##.',
  'lintfix.itemOrder': 'Reordena las secciones para que sigan lesson.yaml.',
  'lintfix.itemUnknown': 'Quita la sección, o añade el {kind} a lesson.yaml.',
  'lintfix.markerNeedsId': 'Escribe el marcador como <!-- {marker}: un-id -->.',
  'lintfix.markerOutsideExercise': 'Muévelo debajo de un marcador <!-- exercise: id -->.',
  'lintfix.missingFile': 'Créalo; docs/lesson-format.md muestra qué lleva.',
  'lintfix.noHints': 'Añade al menos una sección <!-- hint --> al ejercicio.',
  'lintfix.noLessonDir': 'Revisa la carpeta indicada a --lessons o a lint.',
  'lintfix.noLessons': 'Crea una carpeta como 01-hola con lesson.yaml, es.md y en.md.',
  'lintfix.noTitle': 'Haz que la primera línea sea un título, como: # Mi lección',
  'lintfix.requireLater': 'Requiere solo lecciones con un número menor, o renumera las carpetas.',
  'lintfix.schema': 'Compara el campo con docs/lesson-format.md.',
  'lintfix.unknownAction': 'Usa una de las acciones conocidas, o un paso sql: o shell:.',
  'lintfix.unknownRequire':
    'Usa el id de una lección existente: el nombre de su carpeta sin el número.',
  'lintfix.unknownTemplate': 'Usa uno de los valores conocidos, escrito como {{name}}.',
  'lintfix.yamlSyntax':
    'Corrige el YAML en esa línea: revisa la sangría y las comillas; el SQL va más seguro en un bloque |.',
};
