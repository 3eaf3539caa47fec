import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../src/util/paths';

// The hand-written reading of the Zen 3 run in docs/performance.md against that run's results file.
test('docs/performance.md quotes the figures of bench/results/bench-2026-12-07.json', () => {
  const root = packageRoot();
  const r = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results', 'bench-2026-12-07.json'), 'utf8'));
  const doc = fs.readFileSync(path.join(root, 'docs', 'performance.md'), 'utf8').replace(/\s+/g, ' ');
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const row = (name: string) => r.contenders.find((c: { name: string }) => c.name === name);
  const engine = row('engine 2 threads, AVX2');
  const torch = row('PyTorch 2.13.0+cpu 2 threads');
  const [e1, e2] = engine.trainRuns;
  const [t1, t2] = torch.trainRuns;
  const x = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
  assert.ok(doc.includes(`is ${x(e1, t1)} PyTorch 2.13's best configuration in the same round (${n(e1)} against`));
  assert.ok(doc.includes(`${n(t1)} seq/s`));
  assert.ok(doc.includes(`The second round gave ${n(e2)} against ${n(t2)}, ${x(e2, t2)}`));
  assert.equal(r.targets.vsPytorch2.toFixed(1), x(e1, t1).slice(0, -1));
  assert.ok(doc.includes(`${Math.round(r.targets.ofTwoThreadLimit * 100)}% of that limit`));
  assert.ok(
    doc.includes(
      `engine's best (${n(engine.inferSeqPerSec)} seq/s, 2 threads) is ${r.targets.inferVsPytorch2.toFixed(1)}x`,
    ),
  );
  assert.ok(doc.includes(`best \`no_grad\` rate (${n(torch.inferSeqPerSec)}, 2 threads)`));
  assert.ok(doc.includes(`${r.watch.p50Ms.toFixed(2)} ms a row at the median and ${r.watch.p99Ms.toFixed(2)} ms`));
  assert.ok(doc.includes(`took ${r.work[0].seconds.toFixed(1)} s (${r.work[0].perFile.toFixed(1)} s a file`));
  assert.ok(doc.includes(`full run ${r.work[1].seconds.toFixed(1)} s`));
  assert.ok(
    doc.includes(
      `the default CLI run ${r.cli.seconds.toFixed(1)} s (${r.cli.epochs} epochs at ${n(r.cli.seqPerSec)} seq/s)`,
    ),
  );
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  assert.ok(readme.includes(`trained at ${n(e1)} seq/s on two threads, ${x(e1, t1)} PyTorch 2.13's best`));
  assert.ok(readme.includes(`(${n(t1)} seq/s; the second round gave ${x(e2, t2)})`));
  assert.ok(readme.includes(`scored windows at ${r.targets.inferVsPytorch2.toFixed(1)}x PyTorch 2.13's best`));
  assert.ok(readme.includes(`used ${Math.round(r.targets.ofTwoThreadLimit * 100)}% of what`));
  assert.ok(readme.includes(`${r.watch.p99Ms.toFixed(2)} ms at the 99th percentile`));
  assert.ok(readme.includes(`default CLI run in ${r.cli.seconds.toFixed(1)} s`));
});

test("the README's evaluate --jobs timings are bench/results/evaluate-jobs-2026-12-07.json's", () => {
  const root = packageRoot();
  const r = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results', 'evaluate-jobs-2026-12-07.json'), 'utf8'));
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  const one = r.runs['1'].wallSeconds.toFixed(1);
  const auto = r.runs.auto.wallSeconds.toFixed(1);
  assert.ok(readme.includes(`${one} s with \`--jobs 1\`, ${auto} s with \`auto\``));
  assert.ok(r.runs.auto.wallSeconds < r.runs['1'].wallSeconds);
});
