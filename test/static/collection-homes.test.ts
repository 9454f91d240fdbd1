// One home per collection: each collection name is used by exactly one store file
// (lint already keeps the database handle and the names inside stores). Another
// store that needs the collection calls that home's functions — inside a
// transaction through its `…In(t)` functions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/_shared/collections';

const ROOT = resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const sources = tsFiles(join(ROOT, 'cloudfunctions')).map((path) => ({
  file: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

describe.each(Object.keys(COLLECTIONS))('%s', (key) => {
  it('is used by exactly one file, a store', () => {
    const users = sources.filter((s) => new RegExp(`COLLECTIONS\\.${key}\\b`).test(s.text)).map((s) => s.file);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatch(/^cloudfunctions\/(_shared\/stores|[^/]+\/store)\//);
  });
});
