/** How the lab's actions write times, sizes and errors in a step's output. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const errorText = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

export function humanBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
