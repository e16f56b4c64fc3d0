import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../i18n/index.js';

export const LESSON_FOLDER = /^(\d+)-([a-z0-9][a-z0-9-]*)$/;
export const SPEC_FILE = 'lesson.yaml';
export const proseFile = (lang: Lang) => `${lang}.md`;

/** A lesson folder's three files as read; undefined where one is missing. */
export interface LessonTexts {
  spec?: string;
  es?: string;
  en?: string;
}

export async function readLessonTexts(dir: string): Promise<LessonTexts> {
  const [spec, es, en] = await Promise.all([
    readText(join(dir, SPEC_FILE)),
    readText(join(dir, proseFile('es'))),
    readText(join(dir, proseFile('en'))),
  ]);
  return { spec, es, en };
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
