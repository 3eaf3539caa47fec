import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregate } from '../evaluate/aggregate';
import { scoreCounts } from '../evaluate/counts';
import { type EvaluatedFile, evaluationCsv, evaluationHtml } from './evaluation';

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
