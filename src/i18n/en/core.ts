/** English messages for the command line, checks and lesson files. Spanish mirrors every key. */
export const core = {
  'value.raw': '{value}',

  'check.expected': 'expected',
  'check.found': 'found',
  'check.step': 'step',
  'check.sql': 'on {node}: {query}',
  'check.sqlSum': 'added up over every worker: {query}',
  'check.nodes': 'the coordinator and the workers in pg_dist_node',
  'check.table': 'table {table}',
  'check.shardsBalanced': 'shards of {table} spread evenly',
  'check.rowCount': 'rows in {table}',
  'check.setting': '{name} on {nodes}',
  'check.extension': 'extension {name} on {nodes}',
  'check.shell': 'command: {command}',
  'check.choice': 'answer to {exercise}',

  'expect.noRows': 'no rows',
  'expect.someRows': 'at least one row',
  'expect.balanced': 'on {nodes}, at most {max} apart',
  'expect.installedEverywhere': 'installed on every node',
  'expect.exit': 'exit status {code} {output}',
  'expect.rightChoice': 'the right answer',
  'expect.answer': 'an answer',

  'found.nodes': 'workers: {workers}; no coordinator row',
  'found.nodesWithCoordinator': 'coordinator (group 0) and workers: {workers}',
  'found.noTable': 'no table named {table}',
  'found.tableFacts': '{parts}',
  'facts.by': 'by {column}',
  'facts.shards': '{count} shards',
  'facts.colocatedWith': 'colocated with {table}',
  'facts.on': 'on {nodes}',
  'found.unreachable': '{node} (port {port}) does not answer',
  'found.error': 'error: {message}',
  'found.noAnswer': 'no answer yet',

  'step.skippedVersion': 'Skipped: this step does not apply to Citus {version}.',
  'step.expectedError': 'This error is the point of the step: refused, as expected. {detail}',
  'step.expectedErrorMissing':
    'The statement was expected to fail (matching "{pattern}") but it succeeded.',
  'step.shellFailed': 'The command failed with exit status {code}.',
  'step.sqlFailed': 'PostgreSQL refused the statement:',
  'step.nodeDown': '{node} (port {port}) does not answer.',
  'step.unknownAction': 'Unknown action "{action}" in this lesson.',
  'step.actionFailed': 'The step failed.',
  'step.cancelled': 'Cancelled. Run the step again when you are ready.',

  'output.row': '(1 row)',
  'output.rows': '({count} rows)',
  'output.hidden': '— {count} more not shown',
  'progress.line': '{done} / {total} {unit} ({percent}%)',
  'progress.rows': 'rows',
  'progress.moves': 'shard moves',
  'progress.shards': 'shards moved',
  'progress.nodes': 'nodes',
  'progress.steps': 'steps',

  'list.header': 'Lessons (lab folder: {dir})',
  'list.progress': '[steps {steps}/{stepsTotal}, exercises {exercises}/{exercisesTotal}]',
  'list.exercise': 'exercise',

  'run.stepFailed':
    'Stopped at step {step}. Fix what is shown above, then: citus-lab-tutor run {lesson} --from {step}',
  'run.doneBefore':
    'Lesson {lesson} was already done, so what its steps make is there already. To run it again from a clean start: citus-lab-tutor reset {lesson}, then run it.',
  'run.lessonDone': '✔ Lesson {id} complete.',
  'run.lessonStepsDone': 'Steps of {id} done; {open} exercise(s) still open.',
  'run.exercise': 'Exercise',
  'run.chooseAnswer': 'Your answer (letter): ',
  'run.applyingSolution': 'Applying the reference solution (--solutions).',
  'run.answerLater': 'Answer with: citus-lab-tutor check {lesson} --answer {exercise}=<letter>',
  'run.solveLater':
    'Write your SQL in psql (or any client), then grade it with: citus-lab-tutor check {lesson}',
  'run.hint': 'Hint',

  'reset.ask': 'Reset {lessons}? This drops what the lesson made and forgets its progress. [y/N] ',
  'reset.done': 'Lesson {id} reset.',
  'reset.failed': 'Could not reset {id}; its progress is kept.',
  'reset.cancelled':
    'Reset of {id} cancelled: what it undid stays undone, and its progress is kept. Run the reset again to finish it.',

  'trust.header':
    'These lessons come from {dir}, not from citus-lab-tutor. They will run these shell commands:',
  'trust.ask': 'Run them? [y/N] ',

  'doctor.header': 'citus-lab-tutor doctor',
  'doctor.node': 'Node.js {version}',
  'doctor.user': 'Running as an unprivileged user (uid {uid})',
  'doctor.root': 'Running as root: PostgreSQL refuses to start as root.',
  'doctor.postgres': 'PostgreSQL {version} in {dir}',
  'doctor.noPostgres': 'No PostgreSQL server binaries found (initdb, postgres).',
  'doctor.badPgBin': '{dir} holds no PostgreSQL server (initdb and postgres).',
  'doctor.citus': 'Citus {version} installed',
  'doctor.noCitus': 'Citus is not installed for this PostgreSQL.',
  'doctor.citusElsewhere':
    'Citus {version} is installed for the PostgreSQL in {dir}, not for the one chosen.',
  'doctor.portsFree': 'Ports {from}-{to} free',
  'doctor.portsTaken': 'Port(s) {ports} already in use by another program.',
  'doctor.portsHeld':
    'Port(s) {ports} held for now by outgoing connections of other programs (nothing listens there): the system lends ports of this range to such connections.',
  'doctor.labDir': 'Lab folder {dir} is writable',
  'doctor.labDirNotWritable': 'Cannot write to the lab folder {dir}.',
  'doctor.disk': '{free} free disk',
  'doctor.diskLow': 'Only {free} free disk: the data-load lesson needs more; use a smaller --rows.',
  'doctor.allGood': 'Ready: run citus-lab-tutor',
  'doctor.someMissing': 'Something is missing: fix the lines marked ✘ and run doctor again.',

  'fix.node': 'Install Node.js 20 or newer.',
  'fix.root':
    'Run citus-lab-tutor as your normal user, not root (for example: su - student -c "npx citus-lab-tutor").',
  'fix.installPostgres':
    'Install PostgreSQL 14-17: Debian/Ubuntu "sudo apt install postgresql-15"; RHEL "sudo dnf install postgresql15-server"; macOS "brew install postgresql@15". Or point to it with --pg-bin DIR.',
  'fix.pgBin':
    'Give --pg-bin the folder that holds initdb and postgres (e.g. /usr/lib/postgresql/15/bin).',
  'fix.installCitus':
    'Install Citus for PostgreSQL {pg}: Debian/Ubuntu: add the Citus repository (curl https://install.citusdata.com/community/deb.sh | sudo bash) then "sudo apt install postgresql-{pg}-citus-13.2"; RHEL: the rpm.sh script then "sudo dnf install citus132_{pg}"; macOS: "brew install citus"; or use Docker: "docker run -d -p 55164:5432 citusdata/citus:13.2".',
  'fix.ports': 'Stop the program using those ports, or use another block: --base-port {next}.',
  'fix.portsHeld':
    'Such a port is usually free again within a minute or two: run the command again, or use another block: --base-port {next}.',
  'fix.labDir': 'Choose a folder you can write to with --lab-dir DIR.',

  'warn.progressSetAside':
    'Your progress file was damaged or from an unknown version; it was kept as {path} and progress starts fresh.',

  'error.usage': 'The command line is not right: {detail}',
  'error.unknownCommand': 'Unknown command "{command}".',
  'error.badLang': 'Unknown language "{value}": use es or en.',
  'error.badPort':
    'Invalid base port "{value}": use a number from 1024 to 65532 (nodes use it and the next three).',
  'error.badRows': 'Invalid number of rows "{value}": use a whole number of 1 or more.',
  'error.runNeedsLesson': 'Name a lesson to run, or use --all.',
  'error.resetNeedsLesson': 'Name a lesson to reset, or use --all.',
  'error.resetNeedsYes': 'Resetting {lessons} drops what they made; confirm with --yes.',
  'error.unknownLesson': 'No lesson "{id}".',
  'error.lessonBroken': 'The lesson "{id}" has problems and was not loaded.',
  'error.unknownStep': 'Lesson {id} has no step "{step}".',
  'error.prerequisites': 'Lesson {id} needs {missing} first.',
  'error.answerNeedsLesson':
    '--answer needs exactly one lesson: check <lesson> --answer <exercise>=<letter>.',
  'error.badAnswer':
    '"{value}" is not an answer to a question of {lesson}: use <exercise>=<letter>.',
  'error.trustNeedsYes':
    "These lessons are not the program's own; confirm their shell commands with --yes.",
  'error.cancelled': 'Cancelled; nothing was run.',
  'error.labDirNotOurs':
    '{dir} is not empty ({example}) and is not a lab folder: the lab will not take it over, since it deletes what it made in its folder.',
  'error.bug':
    'Something went wrong inside citus-lab-tutor (a bug). Please report it with the text below.',

  'hint.help': 'See: citus-lab-tutor --help',
  'hint.list': 'See the lessons and their steps: citus-lab-tutor list',
  'hint.lint': 'See what is wrong: citus-lab-tutor lint',
  'hint.addYes': 'Add --yes to confirm.',
  'hint.prerequisites': 'Run them first, or let the lab do it: citus-lab-tutor run {id} --yes',
  'hint.clusterDown': '→ A node does not answer. Start the lab cluster: citus-lab-tutor cluster up',

  'lint.ok': '✔ {count} lesson(s) in {dir}: no problems.',
  'lint.failed': '✘ {count} problem(s).',
  'lint.noLessonDir': 'No such lesson folder.',
  'lint.noLessons': 'No lesson folders here (names like 01-concepts).',
  'lint.badFolderName': 'A lesson folder is named NN-name (e.g. 03-distribute).',
  'lint.missingFile': 'This file is missing: every lesson has lesson.yaml, es.md and en.md.',
  'lint.yamlSyntax': 'YAML syntax: {detail}',
  'lint.schema': '{detail}',
  'lint.noTitle': 'No title: start the file with a "# Title" line.',
  'lint.markerNeedsId': 'The <!-- {marker}: id --> marker needs an id.',
  'lint.markerOutsideExercise': '<!-- {marker} --> belongs inside an exercise section.',
  'lint.codeTagMismatch':
    "This code block is tagged step={tag} but sits in another step's section.",
  'lint.codeDrift':
    'The code here differs from lesson.yaml. Fix lesson.yaml, then run: citus-lab-tutor lint --fix',
  'lint.codeMissing': "The step's code is not shown here. Run: citus-lab-tutor lint --fix",
  'lint.codeWithoutStep': 'This step runs no code, so it has no step= code block.',
  'lint.itemMissing': 'The {kind} from lesson.yaml has no <!-- {kind}: id --> section here.',
  'lint.itemUnknown': 'This {kind} is not in lesson.yaml.',
  'lint.itemOrder': "The {kind} sections are not in lesson.yaml's order: {expected}.",
  'lint.noHints': 'An exercise needs at least one <!-- hint -->.',
  'lint.choicesDiffer': 'The choices must match lesson.yaml: expected {expected}, found {found}.',
  'lint.hintCountDiffers':
    'Spanish has {es} hint(s) and English {en}: both languages need the same number.',
  'lint.duplicateId': 'Two lessons have the id {id} (also {other}).',
  'lint.duplicateItem': 'This id is used twice in the lesson.',
  'lint.unknownRequire': 'Requires "{id}", which is not a lesson here.',
  'lint.requireLater':
    'Requires "{id}", which comes later: a lesson may only require earlier ones.',
  'lint.unknownTemplate': 'Unknown value {{{name}}}; known values: {known}.',
  'lint.unknownAction': 'Unknown action "{action}"; known actions: {known}.',
  'lint.idFormat': 'Use lowercase letters, digits and dashes (e.g. create-table).',
  'lint.expectationEmpty': 'Name at least one of equals, atLeast, atMost, matches, rows, empty.',
  'lint.sumOverNode': 'A check with sumOver: workers runs on every active worker: remove its node.',
  'lint.sumOverRows':
    'A check with sumOver: workers adds numbers up: expect equals, atLeast or atMost, not rows or empty.',
  'lint.stepOneRunnable': 'A step has at most one of sql, shell, action.',
  'lint.nodeWithSql': 'node goes with sql.',
  'lint.expectErrorWith': 'expectError goes with sql or shell.',
  'lint.answerInOptions': 'The answer must be one of the options.',
  'lint.exerciseKind': 'An exercise is a choice, or has checks.',
  'lint.needsSolution': 'A SQL exercise needs a reference solution.',
  'lint.resetEntry': 'A reset entry has sql or action.',
  'lint.zodRequired': 'This field is required.',
  'lint.zodType': 'Expected {expected}, found {received}.',
  'lint.zodEnum': 'Use one of: {options}.',
  'lint.zodKeys': 'Unknown field(s): {keys}.',
  'lint.zodTooSmall': 'Needs at least {minimum}.',

  'home.plain': 'citus-lab-tutor — learn distributed PostgreSQL (Citus) hands-on.',
  'home.next':
    'Start with: citus-lab-tutor run concepts   ·   all commands: citus-lab-tutor --help',

  'help.text': `citus-lab-tutor — learn distributed PostgreSQL (Citus) hands-on

Usage:
  citus-lab-tutor                          open the lab (terminal UI; plain text without a terminal)
  citus-lab-tutor list [--json]            lessons, their steps and exercises, and your progress
  citus-lab-tutor run <lesson>|--all [--from <step>] [--yes] [--solutions]
                                           run a lesson's steps with their checks; stop at the first failure
  citus-lab-tutor check [<lesson>|--all] [--json] [--answer <exercise>=<letter>]
                                           check the lab against a lesson's checks, running nothing
  citus-lab-tutor reset <lesson>|--all [--yes]
                                           undo what a lesson made and forget its progress
  citus-lab-tutor doctor [--json]          what is installed, what is missing, and how to fix it
  citus-lab-tutor lint [<dir>] [--fix]     validate lesson folders (for teachers)
  citus-lab-tutor --help | --version

Options:
  --lang es|en        language (default from LC_ALL / LC_MESSAGES / LANG)
  --lab-dir DIR       the lab's folder: cluster data and progress (env CITUS_LAB_DIR; default ~/citus-lab)
  --base-port N       first of four ports (env CITUS_LAB_BASE_PORT; default 55164)
  --pg-bin DIR        PostgreSQL's bin folder (env CITUS_LAB_PG_BIN)
  --lessons DIR       a teacher's own lesson folder
  --rows N            rows for the data-load lesson (default 1000000; the lab keeps them)

Exit status: 0 all good, 1 a step or check failed, 2 a usage or environment error.`,
} as const;
