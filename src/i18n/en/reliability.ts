/** English messages about faults and security: upgrades between sessions, password authentication. Spanish mirrors every key. */
export const reliability = {
  'reliability.pgVersionMismatch':
    "The lab's data folders were made by PostgreSQL {dataMajor} ({nodes}), but the PostgreSQL found is {binMajor} ({binDir}): PostgreSQL {binMajor} cannot open them.",
  'reliability.hint.pgVersionMismatch':
    "Use PostgreSQL {dataMajor}'s programs with --pg-bin (e.g. /usr/lib/postgresql/{dataMajor}/bin), or rebuild the lab for {binMajor} (its tables are lost): citus-lab-tutor cluster destroy --yes && citus-lab-tutor cluster up",
  'reliability.badAuth': 'Invalid --auth "{value}": use trust or scram.',
  'reliability.noPassword':
    '--auth scram needs a password: set CITUS_LAB_PASSWORD or CITUS_LAB_PASSWORD_FILE (a file holding it). A password is never taken from the command line.',
  'reliability.passwordFile': 'Cannot read the password file {file}: {detail}',
  'reliability.hint.password':
    'For example: export CITUS_LAB_PASSWORD_FILE=~/.citus-lab-password (chmod 600)',
} as const;
