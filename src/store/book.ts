import { ensureLabDir } from '../lab/mark.js';
import { loadProgress, saveProgress, type Progress } from './progress.js';

/** The learner's progress held in memory and written through, atomically, on every change. */
export class ProgressBook {
  private constructor(
    private readonly labDir: string,
    private current: Progress,
    readonly setAside: string | undefined,
  ) {}

  static async open(labDir: string): Promise<ProgressBook> {
    const { progress, setAside } = await loadProgress(labDir);
    return new ProgressBook(labDir, progress, setAside);
  }

  get progress(): Progress {
    return this.current;
  }

  async update(change: (p: Progress) => Progress): Promise<void> {
    this.current = change(this.current);
    await ensureLabDir(this.labDir);
    await saveProgress(this.labDir, this.current);
  }
}
