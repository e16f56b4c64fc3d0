/** English messages of reports, pacing, fast-forward, the `class` command and other clusters. Spanish mirrors every key. */
export const klass = {
  'class.junit.failedNoCheck': 'not passed yet',
  'class.junit.written': 'JUnit report written to {file}.',
} as const;
