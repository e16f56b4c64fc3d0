import { stepCode } from './lesson.js';
import type { LessonSpec } from './schema.js';

const MARKER = /^<!--\s*(step|exercise)(?::\s*([a-z0-9-]+))?\s*-->\s*$/;
const FENCE_OPEN = /^(```+|~~~+)(.*)$/;

/**
 * Rewrites a language's markdown so every runnable step shows, in place, the code lesson.yaml owns:
 * replaces stale `step=<id>` blocks and adds missing ones at the end of the step's section.
 */
export function syncCode(markdown: string, spec: LessonSpec): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let stepId: string | undefined;
  let wrote = false;
  let skipping = '';

  const flush = () => {
    const step = spec.steps.find((s) => s.id === stepId);
    const code = step && stepCode(step);
    if (step && code !== undefined && !wrote) {
      while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
      out.push(
        '',
        fenceFor(step.sql !== undefined ? 'sql' : 'bash', step.id),
        code.replace(/\n$/, ''),
        '```',
        '',
      );
    }
  };

  for (const line of lines) {
    if (skipping) {
      if (line.trim() === skipping) skipping = '';
      continue;
    }
    const marker = MARKER.exec(line.trim());
    if (marker) {
      flush();
      stepId = marker[1] === 'step' ? marker[2] : undefined;
      wrote = false;
      out.push(line);
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    const tag = open ? /\bstep=([a-z0-9-]+)/.exec(open[2]!) : null;
    if (open && tag && stepId) {
      const step = spec.steps.find((s) => s.id === stepId);
      const code = step && stepCode(step);
      skipping = open[1]!;
      if (step && code !== undefined && !wrote) {
        out.push(
          fenceFor(step.sql !== undefined ? 'sql' : 'bash', step.id),
          code.replace(/\n$/, ''),
          '```',
        );
        wrote = true;
      }
      continue;
    }
    out.push(line);
  }
  flush();
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}

const fenceFor = (language: string, id: string) => '```' + `${language} step=${id}`;
