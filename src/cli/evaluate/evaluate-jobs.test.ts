import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jobsFlag, planJobs } from './evaluate-jobs';

test('--jobs auto: one file per core for detectors that train, each on one thread; else in this process', () => {
  assert.deepEqual(planJobs('auto', 14, ['lstm'], 2), { jobs: 2, oneThread: true });
  assert.deepEqual(planJobs(undefined, 14, ['aer'], 8), { jobs: 8, oneThread: true });
  assert.deepEqual(planJobs('auto', 3, ['dense'], 8), { jobs: 3, oneThread: true });
  assert.deepEqual(planJobs('auto', 14, ['ensemble:lstm,pca'], 2), { jobs: 2, oneThread: true });
  // baselines take a fraction of a second a file: a child's start costs more
  assert.deepEqual(planJobs('auto', 14, ['zscore'], 2), { jobs: 1, oneThread: false });
  assert.deepEqual(planJobs('auto', 14, ['ensemble:pca,zscore'], 2), { jobs: 1, oneThread: false });
  // one file, or one core: in this process, training on the threads the engine chooses
  assert.deepEqual(planJobs('auto', 1, ['lstm'], 2), { jobs: 1, oneThread: false });
  assert.deepEqual(planJobs('auto', 14, ['lstm'], 1), { jobs: 1, oneThread: false });
});

test('--jobs N: N files at once (at most the files), one training thread each when they fill the cores', () => {
  assert.deepEqual(planJobs('1', 14, ['lstm'], 2), { jobs: 1, oneThread: false });
  assert.deepEqual(planJobs('2', 14, ['lstm'], 2), { jobs: 2, oneThread: true });
  assert.deepEqual(planJobs('2', 14, ['zscore'], 8), { jobs: 2, oneThread: false });
  assert.deepEqual(planJobs('4', 3, ['lstm'], 8), { jobs: 3, oneThread: false });
  assert.deepEqual(planJobs('5', 14, ['lstm'], 8), { jobs: 5, oneThread: true });
});

test('--jobs: a positive whole number or auto, else one line naming the flag', () => {
  assert.equal(jobsFlag(' 3 '), '3');
  assert.equal(jobsFlag('auto'), 'auto');
  for (const bad of ['0', '-1', '1.5', 'two', '', '1e3']) {
    assert.throws(() => jobsFlag(bad), { message: `invalid --jobs: ${bad} (a positive whole number, or auto)` });
  }
  assert.throws(() => planJobs('0', 4, ['lstm'], 2), /invalid --jobs: 0/);
});
