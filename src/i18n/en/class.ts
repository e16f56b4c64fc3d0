/** English messages of reports, pacing, fast-forward, the `class` command and other clusters. Spanish mirrors every key. */
export const klass = {
  'class.junit.failedNoCheck': 'not passed yet',
  'class.junit.written': 'JUnit report written to {file}.',
  'class.fastForward.ask': 'Lesson {id} needs {missing} first. Run them now, then {id}? [Y/n] ',
  'class.error.unknownUntil': 'No lesson "{id}" for --until.',
  'class.error.notOpenYet': 'Lesson {id} is not open yet: the class has reached lesson {until}.',
  'class.hint.notOpenYet':
    'Your teacher opens the next lessons as the class reaches them; see the open ones with: citus-lab-tutor list',
  'class.list.later': '{count} more lesson(s) open when the class reaches them (--until {until}).',
  'class.error.unknownSubcommand': 'Unknown class command "{command}": use init, status or reset.',
  'class.error.badStudents':
    'Invalid --students "{value}": give the number of learners, 1 to {max}.',
  'class.error.exists': 'There is already a class in {dir}.',
  'class.hint.exists':
    'See it with: citus-lab-tutor class status --dir {dir} (or choose another --dir).',
  'class.error.noClass': 'There is no class in {dir} (no class.json).',
  'class.hint.init': 'Prepare one with: citus-lab-tutor class init --students N --dir {dir}',
  'class.error.badClassFile': 'The class file {file} cannot be read: {detail}',
  'class.error.notALab':
    '{dir} already holds files and is not a citus-lab-tutor lab folder: nothing was created.',
  'class.error.noPorts': 'There are not {count} free blocks of four ports from port {start}.',
  'class.hint.basePort': 'Choose another first port with --base-port.',
  'class.error.resetNeedsYes':
    'Resetting the class clears the progress of {count} learner(s); confirm with --yes.',
  'class.init.done': '✔ Class of {count} prepared in {dir}. Each learner runs their own command:',
  'class.init.ports': 'ports {from}-{to}',
  'class.status.header': 'Class in {dir}: {count} learner(s)',
  'class.status.damaged': 'damaged progress file',
  'class.status.col.learner': 'learner',
  'class.status.col.ports': 'ports',
  'class.status.col.lesson': 'lesson',
  'class.status.col.lessons': 'lessons done',
  'class.status.col.steps': 'steps',
  'class.status.col.exercises': 'exercises',
  'class.status.col.hints': 'hints',
  'class.status.col.time': 'time',
  'class.status.col.last': 'last activity (UTC)',
  'class.reset.ask': 'Clear the progress of the {count} learner(s) in {dir}? [y/N] ',
  'class.reset.askClusters':
    'Clear the progress of the {count} learner(s) in {dir}, and stop and delete their clusters? [y/N] ',
  'class.reset.done': '✔ {name}: progress cleared.',
  'class.reset.doneClusters': '✔ {name}: cluster removed and progress cleared.',
  'class.reset.notALab': '✘ {name}: {dir} is not a citus-lab-tutor lab folder; left untouched.',
  'class.error.badCoordinator': 'Invalid --coordinator "{value}".',
  'class.hint.coordinator':
    'Give the coordinator as postgresql://user@host:port/database, e.g. postgresql://postgres@db1.example.org:5432/postgres',
  'class.error.passwordInUrl':
    'Do not put the password in --coordinator: it would show in the process list and your shell history.',
  'class.hint.pgpass': 'Set PGPASSWORD, or add the server to ~/.pgpass (chmod 600), as psql does.',
  'class.error.badProvider': 'Invalid --provider "{value}": use local or docker.',
  'class.error.dockerAndCoordinator':
    '--provider docker builds its own cluster: do not give --coordinator with it.',
  'class.remote.doneElsewhere': 'Done elsewhere: the lab does not build this cluster ({url}).',
  'class.remote.shellSkipped':
    "Skipped: this step needs the lab's local files, and the cluster runs elsewhere ({url}).",
  'class.remote.notLocal':
    'The cluster runs elsewhere ({url}): the lab does not build, start, stop or delete it.',
  'class.hint.notLocal':
    'Manage it where it runs; lessons and checks use it through --coordinator.',
  'class.docker.written': 'Compose file written: {file}',
  'class.docker.up':
    '✔ Citus in Docker: coordinator 127.0.0.1:{coordinator}, workers {workers} (worker3 {worker3} running, not added).',
  'class.docker.failed': 'docker compose failed:\n{detail}',
  'class.hint.docker': 'Is Docker running? Check with: docker info',
  'class.docker.stopped': '✔ The Docker cluster is stopped (its data is kept).',
  'class.docker.started': '✔ The Docker cluster is running.',
  'class.docker.destroyed':
    '✔ The Docker cluster and its volumes are removed from {dir} (your progress is kept).',
  'class.help':
    'Classes and other clusters:\n' +
    '  check --all --junit FILE                 also write the report as JUnit XML (time taken, hints used)\n' +
    '  class init --students N [--base-port P] [--dir D]\n' +
    '                                           one lab folder and four free ports per learner; prints their commands\n' +
    "  class status [--json] [--dir D]          every learner's progress, read from their folders\n" +
    '  class reset [--clusters] [--yes] [--dir D]\n' +
    "                                           clear every learner's progress (and their clusters with --clusters)\n" +
    '  --until <lesson>                         open only the lessons up to this one\n' +
    '  --coordinator postgresql://user@host:port/db   use an existing Citus cluster\n' +
    '  --provider docker                        run the cluster in Docker (citusdata/citus:13.2)',
} as const;
