import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../adapters/fs.js';
import { DEFAULT_BASE_PORT } from '../config/options.js';
import { ExitCode, UserError } from '../errors.js';

/** The small file `class init` writes in the class folder: who the learners are and where their labs live. */
export const CLASS_FILE = 'class.json';

const student = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  labDir: z.string(),
  basePort: z.number().int(),
});
const classFile = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  until: z.string().optional(),
  students: z.array(student),
});

export type ClassFile = z.infer<typeof classFile>;
export type Student = z.infer<typeof student>;

/** A learner's lab folder: stored relative to the class folder, so the class folder can move. */
export const studentLabDir = (classDir: string, s: Student) => resolve(classDir, s.labDir);
export const studentName = (index: number, count: number) =>
  `student-${String(index + 1).padStart(Math.max(2, String(count).length), '0')}`;

export async function readClass(classDir: string): Promise<ClassFile> {
  let text: string;
  try {
    text = await readFile(join(classDir, CLASS_FILE), 'utf8');
  } catch {
    throw new UserError({
      key: 'class.error.noClass',
      params: { dir: classDir },
      hint: 'class.hint.init',
    });
  }
  try {
    return classFile.parse(JSON.parse(text));
  } catch (error) {
    throw new UserError({
      key: 'class.error.badClassFile',
      params: { file: join(classDir, CLASS_FILE), detail: String(error).slice(0, 200) },
      exitCode: ExitCode.usage,
    });
  }
}

export const writeClass = (classDir: string, data: ClassFile) =>
  writeFileAtomic(join(classDir, CLASS_FILE), JSON.stringify(data, null, 2) + '\n', 0o644);

export const overlapsDefault = (base: number) =>
  base <= DEFAULT_BASE_PORT + 3 && base + 3 >= DEFAULT_BASE_PORT;

/**
 * One block of four consecutive ports per learner, from `start` upwards: a block with a busy port is
 * skipped, and so is the single lab's own block (55164-55167) unless the teacher asked for it.
 */
export async function allocatePortBlocks(
  count: number,
  start: number,
  isFree: (port: number) => Promise<boolean>,
  options: { allowDefault?: boolean } = {},
): Promise<number[]> {
  const blocks: number[] = [];
  for (let base = start; blocks.length < count; base += 4) {
    if (base + 3 > 65535)
      throw new UserError({
        key: 'class.error.noPorts',
        params: { count, start },
        hint: 'class.hint.basePort',
      });
    if (!options.allowDefault && overlapsDefault(base)) continue;
    const free = await Promise.all([0, 1, 2, 3].map((i) => isFree(base + i)));
    if (free.every(Boolean)) blocks.push(base);
  }
  return blocks;
}
