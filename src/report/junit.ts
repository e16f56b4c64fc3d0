/** JUnit XML, as CI servers and learning platforms read it: one testsuite per lesson, one testcase per step or exercise. */
export interface JunitCase {
  name: string;
  classname: string;
  /** Seconds; absent when unknown. */
  seconds?: number;
  /** The reason it failed, in the learner's language; absent when it passed. */
  failure?: { message: string; text: string };
  properties?: Record<string, string | number>;
}

export interface JunitSuite {
  name: string;
  id: string;
  seconds: number;
  cases: JunitCase[];
  properties?: Record<string, string | number>;
}

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\r/g, '&#13;')
      .replace(/\n/g, '&#10;')
  );
}

const attrs = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');

const seconds = (s: number | undefined) => (s === undefined ? undefined : s.toFixed(3));

function properties(props: Record<string, string | number> | undefined, indent: string): string[] {
  if (!props || Object.keys(props).length === 0) return [];
  return [
    `${indent}<properties>`,
    ...Object.entries(props).map(
      ([name, value]) => `${indent}  <property${attrs({ name, value })}/>`,
    ),
    `${indent}</properties>`,
  ];
}

/** Element text keeps its line breaks (only markup characters are escaped). */
const textContent = (text: string) => xmlEscape(text).replace(/&#10;/g, '\n');

export function junitXml(name: string, suites: JunitSuite[]): string {
  const count = (s: JunitSuite) => s.cases.length;
  const failed = (s: JunitSuite) => s.cases.filter((c) => c.failure).length;
  const total = suites.reduce((sum, s) => sum + s.seconds, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name, tests: suites.reduce((n, s) => n + count(s), 0), failures: suites.reduce((n, s) => n + failed(s), 0), errors: 0, time: seconds(total) })}>`,
  ];
  for (const suite of suites) {
    lines.push(
      `  <testsuite${attrs({ name: suite.name, id: suite.id, tests: count(suite), failures: failed(suite), errors: 0, skipped: 0, time: seconds(suite.seconds) })}>`,
    );
    lines.push(...properties(suite.properties, '    '));
    for (const c of suite.cases) {
      const head = `    <testcase${attrs({ name: c.name, classname: c.classname, time: seconds(c.seconds) })}`;
      const body = [
        ...properties(c.properties, '      '),
        ...(c.failure
          ? [
              `      <failure${attrs({ message: c.failure.message, type: 'failed' })}>${textContent(c.failure.text)}</failure>`,
            ]
          : []),
      ];
      lines.push(...(body.length === 0 ? [`${head}/>`] : [`${head}>`, ...body, '    </testcase>']));
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
