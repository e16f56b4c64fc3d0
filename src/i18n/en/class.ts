/** English messages of reports, pacing, fast-forward, the `class` command and other clusters. Spanish mirrors every key. */
export const klass = {
  'class.junit.failedNoCheck': 'not passed yet',
  'class.junit.written': 'JUnit report written to {file}.',
  'class.fastForward.ask': 'Lesson {id} needs {missing} first. Run them now, then {id}? [Y/n] ',
  'class.error.unknownUntil': 'No lesson "{id}" for --until.',
  'class.error.notOpenYet': 'Lesson {id} is not open yet: the class has reached lesson {until}.',
  'class.hint.notOpenYet': 'Your teacher opens the next lessons as the class reaches them; see the open ones with: citus-lab-tutor list',
  'class.list.later': '{count} more lesson(s) open when the class reaches them (--until {until}).',
} as const;
