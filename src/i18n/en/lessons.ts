/** English messages owned by the lessons' own checks and actions (explain plans, data loads). */
export const lessons = {
  'check.explain': 'the plan of {query} on {node}',
  'expect.taskCount': 'Task Count {value}',
  'found.noTaskCount': 'no Citus task count in the plan (is the table distributed?)',

  'load.diskShort':
    'Not enough free disk for {rows} rows: the load needs about {needed} and {dir} has {free} free. Run it with a smaller --rows (for example --rows 1000000).',
  'load.failed':
    'The load stopped with {done} of {total} rows in the table (a statement that did not end is rolled back whole: each one is a transaction). Bring every node back (citus-lab-tutor cluster up) and run the step again: it goes on after the rows already loaded.',
  'load.strayRows':
    'users already holds {stray} rows that are not whole batches of this load of {rows} rows (a load with another --rows, or rows added by hand), and loading on top of them would add some ids twice. Empty the table first: run the step that truncates users (or TRUNCATE users; in psql), then this one.',
} as const;
