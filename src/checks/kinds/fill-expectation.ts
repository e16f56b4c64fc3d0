import type { Expectation } from '../../lessons/schema.js';
import { fill, plain, type TemplateVars } from '../../lessons/template.js';

/** Expectations may name `{{rows}}` and the like; they are filled unquoted. */
export function fillExpectation(e: Expectation, vars: TemplateVars): Expectation {
  const f = <T>(v: T): T => (typeof v === 'string' ? (fill(v, vars, plain) as T) : v);
  return {
    ...e,
    ...(e.equals !== undefined && { equals: f(e.equals) }),
    ...(e.atLeast !== undefined && { atLeast: f(e.atLeast) }),
    ...(e.atMost !== undefined && { atMost: f(e.atMost) }),
  };
}
