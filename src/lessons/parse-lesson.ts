import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Lang } from '../i18n/index.js';
import type { Lesson } from './lesson.js';
import { LESSON_FOLDER, SPEC_FILE, proseFile, type LessonTexts } from './files.js';
import { parseProse, type ProseDoc } from './markdown.js';
import { checkParity } from './parity.js';
import { checkProseTemplates } from './prose-values.js';
import type { Problem } from './problem.js';
import { lessonSpec, type LessonSpec } from './schema.js';
import { checkTemplates } from './validate-refs.js';
import { issueMessage } from './schema-issues.js';

export async function loadLesson(
  dir: string,
  read: LessonTexts,
): Promise<{ lesson?: Lesson; problems: Problem[] }> {
  const folder = dir.split(/[\\/]/).pop() ?? dir;
  const match = LESSON_FOLDER.exec(folder);
  if (!match) return { problems: [{ file: dir, key: 'lint.badFolderName' }] };

  const problems: Problem[] = [];
  const specPath = join(dir, SPEC_FILE);
  const spec = readSpec(specPath, read.spec, problems);
  const files = { es: join(dir, proseFile('es')), en: join(dir, proseFile('en')) };
  const prose: Partial<Record<Lang, ProseDoc>> = {};
  for (const lang of ['es', 'en'] as const) {
    const text = read[lang];
    if (text === undefined) {
      problems.push({ file: files[lang], key: 'lint.missingFile' });
      continue;
    }
    const parsed = parseProse(text, files[lang]);
    problems.push(...parsed.problems, ...checkProseTemplates(parsed.doc, files[lang]));
    prose[lang] = parsed.doc;
  }
  if (!spec || !prose.es || !prose.en) return { problems };
  const full = { es: prose.es, en: prose.en };
  problems.push(...checkParity(spec, full, files));
  problems.push(...checkUniqueIds(spec, specPath));
  problems.push(...checkTemplates(spec, specPath));
  if (problems.length > 0) return { problems };
  return { lesson: { id: match[2]!, number: Number(match[1]), dir, spec, prose: full }, problems };
}

function readSpec(
  path: string,
  text: string | undefined,
  problems: Problem[],
): LessonSpec | undefined {
  if (text === undefined) {
    problems.push({ file: path, key: 'lint.missingFile' });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({
        file: path,
        line: error.linePos?.[0]?.line,
        key: 'lint.yamlSyntax',
        params: { detail: error.message.split('\n')[0]! },
      });
    }
    return undefined;
  }
  const parsed = lessonSpec.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const node = doc.getIn(issue.path, true) as { range?: [number, number] } | undefined;
    const offset = node?.range?.[0];
    const itemIndex =
      issue.path[0] === 'steps' || issue.path[0] === 'exercises' ? issue.path[1] : undefined;
    const raw = doc.toJS() as Record<string, { id?: string }[] | undefined>;
    const item =
      typeof itemIndex === 'number' ? raw[String(issue.path[0])]?.[itemIndex]?.id : undefined;
    problems.push({
      file: path,
      line: offset === undefined ? undefined : lineCounter.linePos(offset).line,
      item,
      field: issue.path.join('.'),
      ...issueMessage(issue),
    });
  }
  return undefined;
}

function checkUniqueIds(spec: LessonSpec, file: string): Problem[] {
  const ids = [...spec.steps.map((s) => s.id), ...spec.exercises.map((e) => e.id)];
  return ids
    .filter((id, i) => ids.indexOf(id) !== i)
    .map((id) => ({ file, item: id, field: 'id', key: 'lint.duplicateItem' as const }));
}
