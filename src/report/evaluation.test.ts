import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportFixture } from '../../tools/testing/fixture';
import { aggregate } from '../evaluate/aggregate';
import { scoreCounts } from '../evaluate/counts';
import { type EvaluatedFile, evaluationCsv, evaluationHtml } from './evaluation';
import { renderReport } from './html';

const files: EvaluatedFile[] = [
  {
    row: { file: 'a/x.csv', subset: 'a', counts: scoreCounts(2, 1, 1), seconds: 3.21 },
    evaluation: {
      labels: 3,
      labelsOutside: 0,
      overlap: scoreCounts(2, 1, 1),
      pointwise: scoreCounts(4, 4, 0),
      aucPr: 0.5,
      eventHits: [true, true, false],
      labelHits: [],
    },
    events: [],
    labels: [],
  },
  { row: { file: 'b/y, "z".csv', subset: 'b', error: 'constant series', seconds: 0.04 } },
];

test('evaluationCsv: a row per file with counts, scores and the error, quoted where needed', () => {
  assert.deepEqual(evaluationCsv(files).split('\n'), [
    'file,subset,tp,fp,fn,precision,recall,f1,pointwise_f1,auc_pr,events,labels,seconds,error',
    'a/x.csv,a,2,1,1,0.667,0.667,0.667,0.667,0.500,0,0,3.2,',
    '"b/y, ""z"".csv",b,,,,,,,,,,,0.0,constant series',
    '',
  ]);
});

test('evaluationHtml: the sub-folder table with summed counts, the per-file table, escaped names', () => {
  const html = evaluationHtml(files, aggregate(files.map((f) => f.row)), { fit: 'all' }, 12);
  assert.match(html, /<td>a<\/td><td>1<\/td><td>0<\/td><td>2<\/td><td>1<\/td><td>1<\/td>/);
  assert.match(html, /b\/y, &quot;z&quot;\.csv/);
  assert.match(html, /mean F1 over 1 sub-folders: 0\.667/);
});

test('the newer measures: VUS-PR and NAB per file, their means in the header; rows in report.html', () => {
  const ev = {
    ...files[0].evaluation!,
    vusPr: 0.625,
    vusRoc: 0.75,
    range: { precision: 0.5, recall: 0.25, f1: 1 / 3 },
    affiliation: { precision: 0.9, recall: 0.8, f1: 0.847 },
    nab: { score: 42.25, raw: 0.5, null: -1, perfect: 1, tp: 1, fn: 0, fp: 1 },
    ucrTop1: { step: 3, hit: true },
  };
  const measures = { vusPr: 0.625, vusRoc: 0.75, rangeF1: 1 / 3, affiliationF1: 0.847, nabScore: 42.25 };
  const row = { ...files[0].row, measures: { ...measures, nabRaw: 0.5, nabNull: -1, nabPerfect: 1, ucrTop1: true } };
  const html = evaluationHtml([{ ...files[0], row, evaluation: ev }], aggregate([row]), {}, 1);
  assert.match(html, /<th>VUS-PR<\/th><th>NAB<\/th>/);
  assert.match(html, /<td>0\.500<\/td><td>0\.625<\/td><td>42\.3<\/td>/); // AUC-PR, VUS-PR, NAB
  assert.match(html, /mean VUS-PR 0\.625 &middot; NAB 75\.0 &middot; UCR top-1 1\.000/); // NAB from sums: 1.5 / 2
  const input = reportFixture();
  input.result.events = [];
  input.result.evaluation = { ...ev, pointAdjusted: scoreCounts(3, 0, 0) };
  const report = renderReport(input);
  assert.match(report, /VUS-PR, VUS-ROC<\/th><td>0\.625, 0\.750</);
  assert.match(report, /range-based<\/th><td>precision 0\.500, recall 0\.250, F1 0\.333</);
  assert.match(report, /NAB score \(standard\)<\/th><td>42\.3</);
  assert.match(report, /UCR top-1<\/th><td>hit</);
  assert.match(report, /point-adjusted F1 \(inflated\)<\/th><td>1\.000</);
});
