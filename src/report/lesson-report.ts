import type { CheckResult } from '../checks/result.js';

/** What `check` found for one lesson, with the learner's time and hints (the `check --json` shape). */
export interface LessonReport {
  id: string;
  passed: boolean;
  /** Time the learner took (steps' run time and exercises' solving time, ms) and hints used, from progress.json. */
  ms: number;
  hintsUsed: number;
  steps: { id: string; title: string; passed: boolean; ms: number | null; checks: CheckResult[] }[];
  exercises: {
    id: string;
    title: string;
    passed: boolean;
    hintsUsed: number;
    attempts: number;
    ms: number | null;
    passedAt: string | null;
    checks: CheckResult[];
  }[];
}
