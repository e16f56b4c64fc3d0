import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ExitCode } from '../errors.js';
import { LESSON_FOLDER, SPEC_FILE, proseFile } from '../lessons/files.js';
import { loadLessons } from '../lessons/load.js';
import { lessonSpec } from '../lessons/schema.js';
import { syncCode } from '../lessons/sync-code.js';
import { parse } from 'yaml';
import { readdir } from 'node:fs/promises';
import type { Command } from './context.js';
import { problemFix, problemLines } from './problems.js';
import { CLUSTER_ACTION_NAMES } from '../cluster/action-names.js';
import { LAB_ACTION_NAMES } from '../lab/actions/index.js';
import type { Problem } from '../lessons/problem.js';

/** Validates lesson folders; `--fix` writes lesson.yaml's code into both languages' markdown. */
export const lintCommand: Command = async ({ parsed, options, io, t }) => {
  const dir = parsed.positionals[0] ? resolve(parsed.positionals[0]) : options.lessonsDir;
  if (parsed.flags.fix) await fixCode(dir);
  const { lessons, problems } = await loadLessons(dir);
  for (const lesson of lessons) {
    for (const step of lesson.spec.steps) {
      if (
        step.action !== undefined &&
        ![...CLUSTER_ACTION_NAMES, ...LAB_ACTION_NAMES].includes(step.action)
      ) {
        problems.push(unknownAction(join(lesson.dir, SPEC_FILE), step.id, step.action));
      }
    }
  }
  if (parsed.flags.json) {
    io.out(
      JSON.stringify(
        {
          lessons: lessons.map((l) => l.id),
          problems: problems.map((p) => ({
            ...p,
            message: t(p.key, p.params),
            fix: problemFix(t, p),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const line of problemLines(t, problems)) io.out(line);
    io.out(
      problems.length === 0
        ? t('lint.ok', { count: lessons.length, dir })
        : t('lint.failed', { count: problems.length }),
    );
  }
  return problems.length === 0 ? ExitCode.ok : ExitCode.failed;
};

const unknownAction = (file: string, item: string, action: string): Problem => ({
  file,
  item,
  field: 'action',
  key: 'lint.unknownAction',
  params: { action, known: [...CLUSTER_ACTION_NAMES, ...LAB_ACTION_NAMES].join(', ') },
});

async function fixCode(dir: string) {
  const folders = (await readdir(dir, { withFileTypes: true })).filter(
    (e) => e.isDirectory() && LESSON_FOLDER.test(e.name),
  );
  for (const folder of folders) {
    const base = join(dir, folder.name);
    const spec = lessonSpec.safeParse(
      parse(await readFile(join(base, SPEC_FILE), 'utf8').catch(() => '')),
    );
    if (!spec.success) continue;
    for (const lang of ['es', 'en'] as const) {
      const path = join(base, proseFile(lang));
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text !== undefined) await writeFile(path, syncCode(text, spec.data));
    }
  }
}
