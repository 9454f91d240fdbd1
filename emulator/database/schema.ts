// What the database module is started with: the collections to declare, with
// their indexes and security rules. The emulator takes them as data (the dev CLI
// reads them from database.json); it never reads a project file itself.

/** Ascending, descending, or a geospatial (GeoJSON, spherical) index. */
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

// CloudBase's rule for collection names.
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

export function isValidCollectionName(name: unknown): name is string {
  return typeof name === 'string' && COLLECTION_NAME.test(name);
}
