import { describe, expect, it } from 'vitest';
import { clusterActions } from '../../src/cluster/actions.js';
import { resolveOptions } from '../../src/config/options.js';
import { translator } from '../../src/i18n/index.js';
import { labActions } from '../../src/lab/actions/index.js';
import type { ActionContext } from '../../src/runner/actions.js';
import { testVars } from '../helpers/snapshot.js';
import { withCitus } from '../helpers/discovery.js';

const actions = {
  ...labActions,
  ...clusterActions(resolveOptions({ 'lab-dir': '/tmp/lab' }, {}), withCitus),
};

/** The words of every `-- ...` and `# ...` comment, outside a file written as it is (`<<'EOF'`). */
function comments(text: string): string[] {
  let inFile = false;
  return text.split('\n').flatMap((line) => {
    if (inFile) return ((inFile = line !== 'EOF'), []);
    if (line.endsWith("<<'EOF'")) return ((inFile = true), []);
    const comment = /(?:^|\s)(?:--|#) (.*[a-z].*)$/i.exec(line)?.[1];
    return comment ? [comment] : [];
  });
}

describe("the actions speak the learner's language", () => {
  it('every comment an action shows before it runs is in Spanish when the learner reads Spanish', () => {
    const vars = { ...testVars(), rows: 3_000_000 };
    let seen = 0;
    for (const [name, action] of Object.entries(actions)) {
      const en = comments(action.describe(vars, translator('en')));
      const es = comments(action.describe(vars, translator('es')));
      expect(es.length, name).toBe(en.length);
      en.forEach((line, i) => expect(es[i], `${name}: ${line}`).not.toBe(line));
      seen += en.length;
    }
    // The shown scripts do have comments: a change that dropped them all would pass the loop.
    expect(seen).toBeGreaterThan(8);
  });

  it('the log of a run is in the language it was given', async () => {
    const ctx = (lang: 'es' | 'en'): ActionContext => ({
      vars: { ...testVars(), rows: 10 },
      say: translator(lang),
      runSql: async () => [{ command: 'COMMIT', rowCount: 0, columns: [], rows: [], ms: 5 }],
    });
    const index = labActions['lab.index-users']!;
    expect((await index.run(ctx('es'))).log).toMatch(/-- 4 sentencias en /);
    expect((await index.run(ctx('en'))).log).toMatch(/-- 4 statements in /);
  });
});
