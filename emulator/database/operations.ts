// The database.* actions of /admin, in the request and reply shapes the SDK uses
// (see shared/reference/cloudbase-wire.md §2). Every write goes through
// Store.commit (atomic, unique indexes checked) or a transaction.
import { EmulatorError, unsupported } from '../core/errors';
import { newDocId } from '../core/ids';
import type { AdminHandler, AdminRequest } from '../core/service';
import { runAggregate, parseStages } from './aggregate';
import type { ChangeSet } from './collection';
import { encodeEjson } from './ejson';
import {
  docIdParam,
  docsParam,
  ejsonParam,
  filterParam,
  limitParam,
  offsetParam,
  orderParam,
  projectionParam,
  str,
} from './params';
import { findDocs, matching, page } from './query';
import { isValidCollectionName } from './schema';
import type { Store } from './store';
import type { TransactionManager } from './transactions';
import { applyModifier, assertNoOperators, toModifier, toReplacement } from './update';
import { type Doc, cloneDoc } from './values';

const list = (docs: Doc[]) => ({ data: { list: docs.map(encodeEjson) } });
const one = (collection: string, changes: ChangeSet) => new Map([[collection, changes]]);

function isDocQuery(p: Record<string, unknown>): boolean {
  if (p.queryType === 'DOC') return true;
  if (p.queryType === undefined || p.queryType === 'WHERE') return false;
  throw new EmulatorError('INVALID_PARAM', `unknown queryType ${String(p.queryType)}`);
}

/** The database state the actions work on; filled when the module starts. */
export interface DatabaseRuntime {
  store: Store;
  txns: TransactionManager;
}

export function databaseActions(rt: DatabaseRuntime): Record<string, AdminHandler> {
  const coll = (p: Record<string, unknown>) => rt.store.collection(str(p, 'collectionName'));

  function insertDocument({ params: p }: AdminRequest) {
    const now = Date.now();
    const c = coll(p);
    const docs = docsParam(p, now).map((d): Doc => {
      assertNoOperators(d);
      const id = d._id === undefined ? newDocId() : d._id;
      if (typeof id !== 'string' || !id) throw new EmulatorError('INVALID_PARAM', '_id must be a non-empty string');
      return { ...d, _id: id };
    });
    if (p.transactionId !== undefined) {
      rt.txns.run(p.transactionId, (t) => {
        for (const d of docs) {
          if (t.get(c.name, d._id)) throw duplicateId(c.name, d._id);
          t.write(c.name, d._id, d);
        }
      });
      return { data: { insertedIds: docs.map((d) => d._id) } };
    }
    const changes: ChangeSet = new Map();
    for (const d of docs) {
      if (c.docs.has(d._id) || changes.has(d._id)) throw duplicateId(c.name, d._id);
      changes.set(d._id, d);
    }
    rt.store.commit(one(c.name, changes));
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  function getDocument({ params: p }: AdminRequest) {
    const now = Date.now();
    const c = coll(p);
    const projection = projectionParam(p, now);
    if (isDocQuery(p)) {
      const id = docIdParam(p, now);
      const doc =
        p.transactionId !== undefined ? rt.txns.run(p.transactionId, (t) => t.get(c.name, id)) : c.docs.get(id)?.doc;
      if (!doc) return list([]);
      return list(cloneDoc(page([doc], { projection })));
    }
    const filter = filterParam(p, now);
    const opts = { order: orderParam(p, now), offset: offsetParam(p), limit: limitParam(p), projection };
    if (p.transactionId !== undefined) {
      return list(rt.txns.run(p.transactionId, (t) => t.query(c.name, filter, (docs) => page(docs, opts))));
    }
    return list(findDocs(c, filter, opts));
  }

  function calculateDocument({ params: p }: AdminRequest) {
    const c = coll(p);
    return { data: { total: matching(c, filterParam(p, Date.now())).length } };
  }

  function modifyDocument({ params: p }: AdminRequest) {
    const now = Date.now();
    const c = coll(p);
    const data = ejsonParam(p, 'data', now);
    const merge = p.merge !== false;
    if (isDocQuery(p)) {
      const id = docIdParam(p, now);
      const inTxn = p.transactionId !== undefined;
      const current = inTxn ? rt.txns.run(p.transactionId, (t) => t.get(c.name, id)) : (c.docs.get(id)?.doc ?? null);
      let next: Doc | null = null;
      let upsertId: string | undefined;
      let updated = 0;
      if (!merge) {
        // doc.set(): replace, or insert when missing (upsert).
        next = toReplacement(data, id);
        if (current) updated = 1;
        else if (p.upsert === false) return { data: { updated: 0 } };
        else upsertId = id;
      } else if (current) {
        const r = applyModifier(current, toModifier(data));
        if (r.changed) {
          next = r.doc;
          updated = 1;
        }
      } else if (p.upsert === true) {
        next = applyModifier({ _id: id }, toModifier(data)).doc;
        upsertId = id;
      }
      if (next) {
        if (inTxn) rt.txns.run(p.transactionId, (t) => t.write(c.name, id, next));
        else rt.store.commit(one(c.name, new Map([[id, next]])));
      }
      return { data: upsertId ? { updated, upsert_id: upsertId } : { updated } };
    }
    if (p.transactionId !== undefined) throw unsupported('where().update() inside a transaction');
    if (!merge)
      throw new EmulatorError('INVALID_PARAM', 'replacing documents by a where() query is not supported by CloudBase');
    const modifier = toModifier(data);
    const matched = matching(c, filterParam(p, now));
    const targets = p.multi === false ? matched.slice(0, 1) : matched;
    const changes: ChangeSet = new Map();
    for (const s of targets) {
      const r = applyModifier(s.doc, modifier);
      if (r.changed) changes.set(s.doc._id, r.doc);
    }
    if (changes.size) rt.store.commit(one(c.name, changes));
    if (matched.length === 0 && p.upsert === true) {
      const doc = applyModifier({ _id: newDocId(), ...equalityFields(filterParam(p, now)) }, modifier).doc;
      rt.store.commit(one(c.name, new Map([[doc._id, doc]])));
      return { data: { updated: 0, upsert_id: doc._id } };
    }
    return { data: { updated: changes.size } };
  }

  function modifyAndReturnDoc({ params: p }: AdminRequest) {
    const now = Date.now();
    const c = coll(p);
    const modifier = toModifier(ejsonParam(p, 'data', now));
    const target = matching(c, filterParam(p, now))[0];
    if (!target) return { data: { updated: 0, doc: null } };
    const r = applyModifier(target.doc, modifier);
    if (r.changed) rt.store.commit(one(c.name, new Map([[target.doc._id, r.doc]])));
    return { data: { updated: r.changed ? 1 : 0, doc: encodeEjson(r.doc) } };
  }

  function removeDocument({ params: p }: AdminRequest) {
    const now = Date.now();
    const c = coll(p);
    if (isDocQuery(p)) {
      const id = docIdParam(p, now);
      if (p.transactionId !== undefined) {
        return rt.txns.run(p.transactionId, (t) => {
          if (!t.get(c.name, id)) return { data: { deleted: 0 } };
          t.write(c.name, id, null);
          return { data: { deleted: 1 } };
        });
      }
      if (!c.docs.has(id)) return { data: { deleted: 0 } };
      rt.store.commit(one(c.name, new Map([[id, null]])));
      return { data: { deleted: 1 } };
    }
    if (p.query === '') {
      throw unsupported('remove() without where() — its production behaviour is undocumented; use where({}).remove()');
    }
    const matched = matching(c, filterParam(p, now));
    const targets = p.multi === false ? matched.slice(0, 1) : matched;
    if (targets.length) rt.store.commit(one(c.name, new Map(targets.map((s) => [s.doc._id, null] as const))));
    return { data: { deleted: targets.length } };
  }

  function aggregateDocuments({ params: p }: AdminRequest) {
    const name = str(p, 'collectionName');
    const pipeline = parseStages(p.stages, Date.now());
    return { data: { list: runAggregate(rt.store, name, pipeline).map(encodeEjson) } };
  }

  function addCollection({ params: p }: AdminRequest) {
    const name = p.collectionName;
    if (!isValidCollectionName(name)) {
      throw new EmulatorError(
        'INVALID_PARAM',
        'collection names are 1–32 letters, digits, "_" or "-", starting with a letter',
      );
    }
    rt.store.createCollection(name);
    return {};
  }

  return {
    'database.insertDocument': insertDocument,
    'database.getDocument': getDocument,
    'database.calculateDocument': calculateDocument,
    'database.modifyDocument': modifyDocument,
    'database.modifyAndReturnDoc': modifyAndReturnDoc,
    'database.removeDocument': removeDocument,
    'database.aggregateDocuments': aggregateDocuments,
    'database.addCollection': addCollection,
    'database.startTransaction': () => ({ transactionId: rt.txns.start().id }),
    'database.commitTransaction': ({ params: p }) => (rt.txns.commit(p.transactionId), {}),
    'database.abortTransaction': ({ params: p }) => (rt.txns.abort(p.transactionId), {}),
  };
}

function duplicateId(collection: string, id: string) {
  return new EmulatorError(
    'DATABASE_DUPLICATE_WRITE',
    `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  );
}

/** Plain equality fields of a filter become the fields of an upserted document. */
function equalityFields(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (k.startsWith('$') || k === '_id' || k.includes('.')) continue;
    if (v === null || typeof v !== 'object' || v instanceof Date) out[k] = v;
  }
  return out;
}
