/** How to fix each problem `lint` reports. */
export const lint = {
  'lintfix.badFolderName': 'Rename the folder to NN-id, e.g. 03-distribute.',
  'lintfix.choicesDiffer':
    'Give each option of lesson.yaml one <!-- choice: x --> section, in the same order.',
  'lintfix.codeDrift':
    'Change the code in lesson.yaml only, then run citus-lab-tutor lint --fix to copy it here.',
  'lintfix.codeMissing': "Run citus-lab-tutor lint --fix to copy the step's code here.",
  'lintfix.codeTagMismatch':
    "Move the block into the section of step {tag}, or tag it with this step's id.",
  'lintfix.codeWithoutStep': 'Remove the block, or give the step sql: or shell: in lesson.yaml.',
  'lintfix.duplicateId': 'Rename one of the two lesson folders.',
  'lintfix.duplicateItem': 'Give each step and exercise an id of its own.',
  'lintfix.hintCountDiffers':
    'Add or remove <!-- hint --> sections until both files have the same number.',
  'lintfix.itemMissing':
    'Add a section that starts with <!-- {kind}: {item} --> followed by a ## title.',
  'lintfix.itemOrder': 'Reorder the sections to follow lesson.yaml.',
  'lintfix.itemUnknown': 'Remove the section, or add the {kind} to lesson.yaml.',
  'lintfix.markerNeedsId': 'Write the marker as <!-- {marker}: an-id -->.',
  'lintfix.markerOutsideExercise': 'Move it below an <!-- exercise: id --> marker.',
  'lintfix.missingFile': 'Create it; docs/lesson-format.md shows what goes in it.',
  'lintfix.noHints': 'Add at least one <!-- hint --> section to the exercise.',
  'lintfix.noLessonDir': 'Check the folder given to --lessons or to lint.',
  'lintfix.noLessons': 'Create a folder such as 01-hello with lesson.yaml, es.md and en.md.',
  'lintfix.noTitle': 'Make the first line a title, such as: # My lesson',
  'lintfix.requireLater': 'Require only lessons with a smaller number, or renumber the folders.',
  'lintfix.schema': 'Compare the field with docs/lesson-format.md.',
  'lintfix.unknownAction': 'Use one of the known actions, or a sql: or shell: step.',
  'lintfix.unknownRequire': 'Use the id of an existing lesson: its folder name without the number.',
  'lintfix.unknownTemplate': 'Use one of the known values, written as {{name}}.',
  'lintfix.yamlSyntax':
    'Fix the YAML at that line: check indentation and quotes; SQL is safest in a | block.',
} as const;
