import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reviewControls, reviewDetails, reviewFileName, reviewKey } from './review';

const target = { file: 'a</script><b>.csv', start: '2020-01-01', end: '2020-12-31', rows: 366, events: [] };

test('reviewFileName: the last part of the source path', () => {
  assert.equal(reviewFileName('data/nab/nyc_taxi.csv'), 'nyc_taxi.csv');
  assert.equal(reviewFileName('data\\nab\\nyc_taxi.csv'), 'nyc_taxi.csv');
  assert.equal(reviewFileName('AAPL'), 'AAPL');
});

test('reviewKey: the data file, first and last date and rows', () => {
  assert.equal(reviewKey(target), 'lstm-anomaly-review:["a</script><b>.csv","2020-01-01","2020-12-31",366]');
});

test('reviewControls: a file name cannot close the script or add markup', () => {
  const html = reviewControls(target);
  assert.equal(html.split('</script>').length, 2, 'one script end: its own');
  assert.match(html, /<code>a&lt;\/script&gt;&lt;b&gt;\.csv<\/code>/);
  assert.match(html, /"file":"a\\u003c\/script\\u003e\\u003cb\\u003e\.csv"/);
  assert.doesNotMatch(html, /<b>/);
  const d = reviewDetails('x/<i>.csv', ['2020-01-01', '2020-01-02'], [{ start: '2020-01-01', end: '<i>' }], 3, 'f');
  assert.doesNotMatch(d, /<i>/);
  assert.match(d, /id="review3"/);
});
