import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { emptyProgress, markStepDone } from '../../src/store/progress.js';
import { fakeSession } from './fake-session.js';
import { KEY, mount } from './mount.js';

afterEach(() => cleanup());

/** Opens lesson 1 of the fake session (its first open item is the reading step). */
async function inLesson(opts: Parameters<typeof mount>[0] = {}) {
  const m = await mount(opts);
  await m.press(KEY.enter);
  await m.see('Read me');
  return m;
}

describe('first run', () => {
  it('shows the welcome in the locale language with the doctor summary, switches language and goes on', async () => {
    const session = fakeSession({
      firstRun: true,
      doctor: [
        { id: 'node', ok: true, detail: { key: 'doctor.node', params: { version: '20.1.0' } } },
        {
          id: 'citus',
          ok: false,
          detail: { key: 'doctor.noCitus', params: { pg: '15' } },
          fix: { key: 'fix.installCitus', params: { pg: '15' } },
        },
      ],
    });
    const { see, press, frame } = await mount({ lang: 'es', session });
    await see('Bienvenida');
    await see('Node.js 20.1.0');
    await see('Citus no está instalado');
    expect(frame()).toContain('Puedes leer todas las lecciones');
    await press('l');
    await see('Welcome');
    expect(frame()).toContain('Citus is not installed');
    await press(KEY.enter);
    await see('Lessons');
  });
});

describe('lesson list', () => {
  it('lists lessons with progress, the next thing to do and the cluster in one line', async () => {
    const progress = markStepDone(emptyProgress(), 'first', 'intro', 1);
    const { see, frame } = await mount({ session: fakeSession({ progress }) });
    await see('Cluster: 2 of 4 nodes up · 2 in the cluster · 2 table(s)');
    expect(frame()).toContain('1. Lesson 1 title');
    expect(frame()).toContain('1/5');
    expect(frame()).toContain('Next: 1. Lesson 1 title — Make a table');
  });

  it('moves with arrows and offers to run required lessons first (o opens anyway)', async () => {
    const { see, press, frame } = await mount();
    await press(KEY.down, KEY.enter);
    await see('Lesson second needs first first');
    await press('o');
    await see('Lesson 2 title');
    expect(frame()).toContain('Step 1/3');
  });

  it('runs the required lessons when asked (y) and then opens the lesson', async () => {
    const { see, press, session } = await mount();
    await press(KEY.down, KEY.enter, 'y');
    await see('Required lessons done; here is second.');
    expect(session.calls).toContain('runAll first');
  });

  it('g picks a lesson by number; Esc closes the picker', async () => {
    const { see, press, frame } = await mount();
    await press('g');
    await see('Go to lesson');
    await press(KEY.esc);
    await see('Next:');
    await press('g', '1', KEY.enter);
    await see('Step 1/3');
    expect(frame()).toContain('Read me');
  });
});

describe('lesson view', () => {
  it('shows prose, the SQL about to run with its node and port, and runs it with Enter', async () => {
    const { see, press, frame, session } = await inLesson();
    expect(frame()).toContain('Some **prose** about shards.');
    await press('n');
    await see('SQL on coordinator (port 47200)');
    expect(frame()).toContain('CREATE TABLE t (id int)');
    await press(KEY.enter);
    await see('(2 rows)');
    expect(frame()).toMatch(/id\s+│ name/);
    expect(frame()).toContain('✔ table t');
    expect(frame()).toContain('Step done. n goes to the next one.');
    expect(session.calls).toContain('run first/make');
  });

  it('a step done before that fails when run again says how to redo it (reset with R)', async () => {
    const { see, press, frame } = await inLesson();
    await press('n', KEY.enter);
    await see('Step done.');
    await press(KEY.enter);
    await see('relation "t" already exists');
    await see('R resets the lesson.');
    expect(frame()).not.toContain('Step done.');
  });

  it('c checks a step and shows expected vs found', async () => {
    const { see, press } = await inLesson();
    await press('n', 'c');
    await see('expected: distributed');
    await see('found: local');
  });

  it('p goes back, and a reading step is marked read with Enter', async () => {
    const { see, press, session } = await inLesson();
    await press('n', 'p');
    await see('Step 1/3');
    await press(KEY.enter);
    await see('(done)');
    expect(session.calls).toContain('run first/intro');
  });

  it('streams output and work progress; Ctrl-C cancels the step cleanly and it can run again', async () => {
    const { see, press, frame, session } = await inLesson();
    await press('n', 'n', KEY.enter);
    await see('loading...');
    await see('5 of 10 rows');
    expect(frame()).toContain('Running…');
    expect(frame()).toContain('Ctrl-C');
    await press(KEY.ctrlC);
    await see('Cancelled. Run the step again when you are ready.');
    expect(session.calls).toContain('cancelled first/slow');
    await press(KEY.enter);
    await see('Running…');
    expect(session.calls.filter((c) => c === 'run first/slow')).toHaveLength(2);
    await press(KEY.ctrlC);
    await see('Cancelled.');
  });

  it('q while a step runs asks first; n keeps going, y cancels and quits', async () => {
    const { see, press, frame, session } = await inLesson();
    await press('n', 'n', KEY.enter);
    await see('Running…');
    await press('q');
    await see('A step is running. Quit anyway?');
    await press('n');
    await see('Running…');
    expect(frame()).not.toContain('Quit anyway');
    await press('q', 'y');
    await new Promise((r) => setTimeout(r, 100));
    expect(session.calls.at(-1)).toBe('cancelled first/slow');
  });

  it('l switches the whole screen, prose included, at once', async () => {
    const { see, press, frame } = await inLesson();
    await press('l');
    await see('Léeme');
    expect(frame()).toContain('Un **texto** sobre shards.');
    expect(frame()).toContain('Paso 1/3');
  });

  it('R resets the lesson after confirmation', async () => {
    const { see, press, session } = await inLesson();
    await press(KEY.enter);
    await see('(done)');
    await press('R');
    await see('Reset lesson first?');
    await press('n');
    expect(session.calls).not.toContain('reset first');
    await press('R', 'y');
    // A reset belongs to no step: its own line says it runs and how far it is.
    await see('Resetting the lesson…');
    await see('3 of 8 shards moved');
    session.finishReset();
    await see('Lesson first reset.');
    await see('(to do)');
    expect(session.calls).toContain('reset first');
  });

  it('Ctrl-C cancels a reset and says what that leaves; the lesson keeps its progress', async () => {
    const { see, press } = await inLesson();
    await press(KEY.enter);
    await see('(done)');
    await press('R', 'y');
    await see('3 of 8 shards moved');
    await press(KEY.ctrlC);
    await see('Reset of first cancelled: what it undid stays undone');
    await see('(done)');
  });

  it('? shows all keys and any key closes it; Esc goes back to the list', async () => {
    const { see, press } = await inLesson();
    await press('?');
    await see('open $EDITOR');
    await see('cancel the running step');
    await press('x');
    await see('Read me');
    await press(KEY.esc);
    await see('Next:');
  });

  it('shows the cluster map beside the lesson when wide, and behind m when narrow', async () => {
    const wide = await inLesson({ columns: 200, rows: 50 });
    await wide.see('worker1     47201 up');
    expect(wide.frame()).toMatch(/events\s+·\s+32 \(256 kB\)/);
    expect(wide.frame()).toMatch(/puestos\s+1 \(8 kB\)\s+1 \(8 kB\)/);
    expect(wide.frame()).toMatch(/worker2\s+47202 down/);
    cleanup();
    const narrow = await inLesson({ columns: 80, rows: 24 });
    expect(narrow.frame()).not.toContain('47201');
    await narrow.press('m');
    await narrow.see('worker1     47201 up');
    expect(
      narrow
        .frame()
        .split('\n')
        .every((l) => l.length <= 80),
    ).toBe(true);
  });
});

describe('exercises', () => {
  async function atExercise(which: 'quiz' | 'write') {
    const m = await inLesson();
    await m.press('n', 'n', 'n', ...(which === 'write' ? ['n'] : []));
    await m.see(which === 'quiz' ? 'Where do rows live?' : 'Write SQL');
    return m;
  }

  it('a choice is answered with its letter; a wrong one says so, hints come one by one, s shows the answer', async () => {
    const { see, press, frame, session } = await atExercise('quiz');
    await see('Press the letter of your answer.');
    await press('a');
    await see('Not yet');
    await press('h');
    await see('Hint 1/2: First hint');
    await press('h');
    await see('Hint 2/2: Second hint');
    await press('h');
    await see('No more hints.');
    await press('s');
    await see('The right answer is b.');
    await press('b');
    await see('✔ Right!');
    expect(frame()).toContain('(done)');
    expect(session.calls).toEqual(
      expect.arrayContaining([
        'answer first/quiz=a',
        'answer first/quiz=b',
        'hint first/quiz',
        'solution first/quiz',
      ]),
    );
  });

  it('the SQL editor: e edits multi-line SQL, Esc ends, Enter runs and grades; errors show position', async () => {
    const { see, press, frame, session } = await atExercise('write');
    await see('(empty: press e to write SQL here');
    await press(KEY.enter);
    await see('Write some SQL first (e).');
    await press('e');
    await see('Editing');
    await press('S', 'E', 'L', 'E', 'C', KEY.enter, 'x', 'y', KEY.backspace);
    await press(KEY.esc);
    await see('Enter runs your SQL');
    expect(frame()).toContain('SELEC');
    expect(frame()).toMatch(/SELEC\n\s+x/);
    await press(KEY.enter);
    await see('PostgreSQL refused the statement');
    await see('at character 1');
    expect(session.calls).toContain('submit first/write: SELEC\nx');
    await press('s');
    await see('Reference solution (coordinator)');
    expect(frame()).toContain("SELECT create_distributed_table('t', 'id')");
  });

  it('Ctrl-D submits from the editor, E opens $EDITOR through the session, c grades the lab as it is', async () => {
    const { see, press, session } = await atExercise('write');
    await press('c');
    await see('Not yet');
    await press('E');
    await see("create_distributed_table('t', 'id');");
    expect(session.calls).toContain('editor ');
    await press('e', ' ', KEY.ctrlD);
    await see('✔ Right!');
    expect(
      session.calls.some((c) =>
        c.startsWith('submit first/write: SELECT create_distributed_table'),
      ),
    ).toBe(true);
  });
});

describe('quitting', () => {
  it('q quits at once when nothing runs', async () => {
    const { ui, press } = await mount();
    let exited = false;
    void ui.stdin;
    await press('q');
    // The app unmounts itself: further keys change nothing and the last frame stays.
    const before = ui.lastFrame();
    await press(KEY.down);
    exited = ui.lastFrame() === before;
    expect(exited).toBe(true);
  });
});
