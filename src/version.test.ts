import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from './util/paths';
import { VERSION } from './version';

test('VERSION is the version in package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8'));
  assert.match(VERSION, /^\d+\.\d+\.\d+/);
  assert.equal(VERSION, pkg.version);
});
