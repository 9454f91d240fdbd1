// Declared indexes (database.json) against those a collection has on CloudBase.
import type { CreateIndex } from '@cloudbase/manager-node/types/interfaces';
import type { IndexSpec } from '../manifests/database';
import type { RemoteIndex } from './client';

export type IndexDecision =
  | { kind: 'present'; index: IndexSpec; remoteName: string }
  | { kind: 'create'; index: IndexSpec }
  | { kind: 'conflict'; index: IndexSpec; reason: string };

/** For each declared index: already there (by name, or the same keys under another name), to create, or in conflict. */
export function compareIndexes(declared: IndexSpec[], remote: RemoteIndex[]): IndexDecision[] {
  return declared.map((index): IndexDecision => {
    const byName = remote.find((r) => r.Name === index.name);
    if (byName) {
      if (sameIndex(index, byName)) return { kind: 'present', index, remoteName: byName.Name };
      return {
        kind: 'conflict',
        index,
        reason:
          `an index named ${index.name} already exists with ${describeRemote(byName)}; ` +
          `database.json wants ${describeKeys(index)}. Drop the old one in the CloudBase console ` +
          `(数据库 → collection → 索引管理) and deploy again.`,
      };
    }
    const sameKeys = remote.find((r) => sameIndex(index, r));
    if (sameKeys) return { kind: 'present', index, remoteName: sameKeys.Name };
    return { kind: 'create', index };
  });
}

/** The UpdateTable CreateIndexes entry for a declared index. */
export function toCreateIndex(index: IndexSpec): CreateIndex {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: Object.entries(index.keys).map(([Name, dir]) => ({ Name, Direction: String(dir) })),
      MgoIsUnique: index.unique === true,
    },
  };
}

function sameIndex(index: IndexSpec, remote: RemoteIndex): boolean {
  const want = Object.entries(index.keys).map(([field, dir]) => `${field}:${dir}`);
  const have = (remote.Keys ?? []).map((k) => `${k.Name ?? ''}:${k.Direction ?? ''}`);
  return want.join(',') === have.join(',') && (index.unique === true) === (remote.Unique === true);
}

function describeKeys(index: IndexSpec): string {
  const keys = Object.entries(index.keys).map(([f, d]) => `${f}: ${d}`);
  return `keys { ${keys.join(', ')} }${index.unique ? ', unique' : ''}`;
}

function describeRemote(remote: RemoteIndex): string {
  const keys = (remote.Keys ?? []).map((k) => `${k.Name}: ${k.Direction}`);
  return `keys { ${keys.join(', ')} }${remote.Unique ? ', unique' : ''}`;
}
