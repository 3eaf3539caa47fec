/** A bench script run in its own process, its figures read from the JSON of its last line of output. */
import { spawnSync } from 'child_process';

const lastLine = (text: string | null): string => (text ?? '').trim().split('\n').pop() ?? '';

/**
 * Print `  <label> ...`, run `node <script> --json <args>` and return the JSON of its last line of output, or
 * undefined when it fails (its last line of stderr printed as the reason). The caller prints the figures.
 * @example
 * const o = jsonChild<{ p99Ms: number }>(path.join(root, 'dist', 'bench', 'watch-latency.js'), [], 'watch');
 */
export function jsonChild<T>(script: string, args: string[], label: string): T | undefined {
  process.stdout.write(`  ${label} ...`);
  const r = spawnSync(process.execPath, [script, '--json', ...args], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(` failed: ${lastLine(r.stderr)}`);
    return undefined;
  }
  return JSON.parse(lastLine(r.stdout)) as T;
}
