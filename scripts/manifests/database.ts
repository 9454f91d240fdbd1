// The one declaration of collections, indexes and security rules (database.json):
// the deploy creates them on CloudBase, and the dev emulator is started with
// exactly these. This reads and validates it, with errors that name the bad entry.
import { readFileSync } from 'node:fs';
import { DATABASE_JSON } from './paths';

export type IndexDirection = 1 | -1 | '2dsphere';

export interface IndexSpec {
  name: string;
  /** Field paths in key order. */
  keys: Record<string, IndexDirection>;
  unique?: boolean;
}

export interface SecurityRule {
  read: boolean | string;
  write: boolean | string;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  rule: SecurityRule;
}

interface SchemaFile {
  defaultRule?: SecurityRule;
  collections?: Record<string, { indexes?: IndexSpec[]; rule?: SecurityRule; description?: string }>;
}

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

export function isValidCollectionName(name: unknown): name is string {
  return typeof name === 'string' && COLLECTION_NAME.test(name);
}

/** Reads database.json (the project's by default). */
export function loadSchema(path = DATABASE_JSON): CollectionSpec[] {
  let parsed: SchemaFile;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as SchemaFile;
  } catch (err) {
    throw new Error(`${path}: cannot read database schema — ${(err as Error).message}`);
  }
  return parseSchema(parsed, path);
}

export function parseSchema(parsed: SchemaFile, source = 'database schema'): CollectionSpec[] {
  const defaultRule = parsed.defaultRule ?? { read: false, write: false };
  return Object.entries(parsed.collections ?? {}).map(([name, c]) => {
    if (!isValidCollectionName(name)) throw new Error(`${source}: invalid collection name "${name}"`);
    const indexes = (c.indexes ?? []).map((ix) => {
      const where = `${source}: collection "${name}", index "${ix.name}"`;
      if (!ix.name || typeof ix.name !== 'string')
        throw new Error(`${source}: collection "${name}" has an index without a name`);
      const keys = Object.entries(ix.keys ?? {});
      if (keys.length === 0) throw new Error(`${where}: no keys`);
      for (const [field, dir] of keys) {
        if (dir !== 1 && dir !== -1 && dir !== '2dsphere')
          throw new Error(`${where}: key "${field}" must have direction 1, -1 or "2dsphere"`);
        if (dir === '2dsphere' && ix.unique) throw new Error(`${where}: a 2dsphere index cannot be unique`);
        if (field.startsWith('$')) throw new Error(`${where}: invalid key "${field}"`);
      }
      return { name: ix.name, keys: ix.keys, unique: ix.unique === true };
    });
    const names = new Set<string>();
    for (const ix of indexes) {
      if (names.has(ix.name)) throw new Error(`${source}: collection "${name}" declares index "${ix.name}" twice`);
      names.add(ix.name);
    }
    return { name, indexes, rule: c.rule ?? defaultRule };
  });
}
