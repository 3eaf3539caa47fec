import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../src/cli/subcommands';
import { DETECTOR_KINDS, DETECTORS } from '../src/detector/registry';
import { RULE_NAMES, THRESHOLD_RULES } from '../src/threshold/rules';
import { packageRoot } from '../src/util/paths';

// docs/ARCHITECTURE.md's "How to add a detector" and "How to add a command" name files and registry fields; this
// keeps those lists true: every file named exists (`<kind>` for every detector, `<command>` for every command),
// and the fields named are the registry entries' fields, all of them.

const root = packageRoot();

/** The text of a `## title` section of docs/ARCHITECTURE.md. */
function section(title: string): string {
  const doc = fs.readFileSync(path.join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const start = doc.indexOf(`## ${title}\n`);
  assert.ok(start >= 0, `docs/ARCHITECTURE.md has no section "${title}"`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** The `src/...` paths a section names, each `<name>` placeholder filled with every value of it. */
function namedPaths(text: string, fill: Record<string, readonly string[]>): string[] {
  const paths = [...text.matchAll(/`(src\/[^`\s]+)`/g)].map((m) => m[1]);
  return paths.flatMap((p) => {
    const hole = /<(\w+)>/.exec(p);
    if (!hole) return [p];
    assert.ok(fill[hole[1]], `no values for <${hole[1]}> in ${p}`);
    return fill[hole[1]].map((v) => p.replaceAll(`<${hole[1]}>`, v));
  });
}

/** The fields a section names after "with the fields": each backticked word up to the sentence's end. */
function namedFields(text: string): string[] {
  const at = text.indexOf('with the fields');
  assert.ok(at >= 0, 'the section names no fields ("with the fields ...")');
  const sentence = text.slice(at, text.indexOf('. ', at));
  return [...sentence.matchAll(/`(\w+)`/g)].map((m) => m[1]);
}

function missing(paths: string[]): string[] {
  return paths.filter((p) => !fs.existsSync(path.join(root, p.replace(/\/$/, ''))));
}

test('docs: "How to add a detector" names files that exist for every detector, and every entry field', () => {
  const text = section('How to add a detector');
  const paths = namedPaths(text, { kind: DETECTOR_KINDS });
  assert.ok(paths.includes('src/detector/registry.ts') && paths.includes('src/detector/lstm/detector.ts'));
  assert.deepEqual(missing(paths), []);
  const fields = namedFields(text);
  const used = new Set(Object.values(DETECTORS).flatMap((e) => Object.keys(e)));
  assert.deepEqual(
    [...used].filter((f) => !fields.includes(f)),
    [],
    'entry fields the docs do not name',
  );
  assert.deepEqual(
    fields.filter((f) => !used.has(f)),
    [],
    'fields the docs name that no entry has',
  );
  // each detector's file adds its kind to DetectorKinds
  for (const k of DETECTOR_KINDS) {
    const src = fs.readFileSync(path.join(root, 'src', 'detector', k, 'detector.ts'), 'utf8');
    assert.match(src, new RegExp(`declare module '\\.\\./contract'[^]*?\\b${k}: true`), k);
  }
});

test('docs: "How to add a command" names files that exist for every command, and every entry field', () => {
  const text = section('How to add a command');
  const paths = namedPaths(text, { command: Object.keys(COMMANDS) });
  assert.ok(paths.includes('src/cli/subcommands.ts') && paths.includes('src/cli/scan/scan.ts'));
  assert.deepEqual(missing(paths), []);
  const fields = namedFields(text);
  const used = new Set(Object.values(COMMANDS).flatMap((c) => Object.keys(c)));
  assert.deepEqual([...used].sort(), [...fields].sort());
});

test('docs: "How to add a threshold rule" names files that exist, and every entry field', () => {
  const text = section('How to add a threshold rule');
  const paths = namedPaths(text, {});
  assert.ok(paths.includes('src/threshold/rules.ts') && paths.includes('src/threshold/windowed.ts'));
  assert.deepEqual(missing(paths), []);
  const fields = namedFields(text);
  for (const name of RULE_NAMES) assert.deepEqual(Object.keys(THRESHOLD_RULES[name]).sort(), [...fields].sort(), name);
});
