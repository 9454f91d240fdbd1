// The database.* actions of /admin, in the request and reply shapes the SDK uses
// (see shared/reference/cloudbase-wire.md §2). Every write goes through
// Store.commit (atomic, unique indexes checked) or a transaction; a write outside
// a transaction first waits until no open transaction holds what it writes.
import { EmulatorError, unsupported } from '../core/errors';
import { newDocId } from '../core/ids';
import type { AdminHandler, AdminRequest } from '../core/service';
import { runAggregate, parseStages } from './aggregate';
import type { ChangeSet, Collection } from './collection';
import { encodeEjson } from './ejson';
import { docLock, type LockKey, uniqueLock } from './locks';
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
import { findDocs, matching, page, requireGeoIndexes, sortForQuery } from './query';
import { isValidCollectionName } from './schema';
import type { Store } from './store';
import type { Transaction, TransactionManager } from './transactions';
import { applyModifier, assertNoOperators, toModifier, toReplacement } from './update';
import { type Doc, type DocId, cloneDoc, idKey, isDocId } from './values';

const list = (docs: Doc[]) => ({ data: { list: docs.map((d) => encodeEjson(d)) } });
const one = (collection: string, changes: ChangeSet) => new Map([[collection, changes]]);
const inTxn = (p: Record<string, unknown>) => p.transactionId !== undefined;

/** What a write outside a transaction needs free: its documents and the unique entries they leave or take. */
function locksFor(c: Collection, changes: ChangeSet): LockKey[] {
  const locks: LockKey[] = [];
  for (const [key, doc] of changes) {
    locks.push(docLock(c.name, key));
    const old = c.docs.get(key)?.doc;
    for (const d of [old, doc]) if (d) locks.push(...c.uniqueEntries(d).map((e) => uniqueLock(c.name, e)));
  }
  return locks;
}

/** A write planned against the committed state: what it must lock, and how to apply it. */
interface Plan<T> {
  locks: LockKey[];
  apply(): T;
}

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
  const txn = <T>(p: Record<string, unknown>, op: (t: Transaction) => T) => rt.txns.run(p.transactionId, op);

  /** Plans against the committed state; while an open transaction holds part of it, waits and plans again. */
  async function outside<T>(plan: () => Plan<T>): Promise<T> {
    for (;;) {
      const { locks, apply } = plan();
      const wait = rt.txns.busy(locks);
      if (!wait) return apply();
      await wait;
    }
  }

  const commitPlan = <T>(c: Collection, changes: ChangeSet, reply: T): Plan<T> => ({
    locks: locksFor(c, changes),
    apply: () => {
      if (changes.size) rt.store.commit(one(c.name, changes));
      return reply;
    },
  });

  function insertDocument({ params: p }: AdminRequest) {
    const now = Date.now();
    const c = coll(p);
    const docs = docsParam(p, now).map((d): Doc => {
      assertNoOperators(d);
      const id = d._id === undefined ? newDocId() : d._id;
      if (!isDocId(id))
        throw new EmulatorError('INVALID_PARAM', '_id must be a non-empty string, a number or an ObjectId');
      return { ...d, _id: id };
    });
    const reply = { data: { insertedIds: docs.map((d) => d._id) } };
    if (inTxn(p)) {
      return txn(p, (t) => {
        for (const d of docs) {
          if (t.get(c.name, d._id)) throw duplicateId(c.name, d._id);
          t.write(c.name, d._id, d);
        }
        return reply;
      });
    }
    const changes: ChangeSet = new Map(docs.map((d) => [idKey(d._id), d] as const));
    return outside(() => ({
      locks: locksFor(c, changes),
      apply: () => {
        const seen = new Set<string>();
        for (const d of docs) {
          const key = idKey(d._id);
          if (c.docs.has(key) || seen.has(key)) throw duplicateId(c.name, d._id);
          seen.add(key);
        }
        rt.store.commit(one(c.name, changes));
        return reply;
      },
    }));
  }

  function getDocument({ params: p }: AdminRequest) {
    const now = Date.now();
    const c = coll(p);
    const projection = projectionParam(p, now);
    if (isDocQuery(p)) {
      const id = docIdParam(p, now);
      const doc = inTxn(p) ? txn(p, (t) => t.get(c.name, id)) : c.docs.get(idKey(id))?.doc;
      if (!doc) return list([]);
      return list(cloneDoc(page([doc], { projection })));
    }
    const filter = filterParam(p, now);
    const opts = { order: orderParam(p, now), offset: offsetParam(p), limit: limitParam(p), projection };
    if (inTxn(p)) {
      requireGeoIndexes(c, filter);
      return list(txn(p, (t) => page(sortForQuery(filter, t.query(c.name, filter)), opts)));
    }
    return list(findDocs(c, filter, opts));
  }

  function calculateDocument({ params: p }: AdminRequest) {
    const c = coll(p);
    return { data: { total: matching(c, filterParam(p, Date.now())).length } };
  }

  /** doc(id).update() / .set(): the next state of one document, and the reply. */
  function nextOfDoc(p: Record<string, unknown>, data: unknown, id: DocId, current: Doc | null) {
    const merge = p.merge !== false;
    let next: Doc | null = null;
    let upserted = false;
    let updated = 0;
    if (!merge) {
      // doc.set(): replace, or insert when missing (upsert).
      next = toReplacement(data, id);
      if (current) updated = 1;
      else if (p.upsert === false) next = null;
      else upserted = true;
    } else if (current) {
      const r = applyModifier(current, toModifier(data));
      if (r.changed) {
        next = r.doc;
        updated = 1;
      }
    } else if (p.upsert === true) {
      next = applyModifier({ _id: id }, toModifier(data)).doc;
      upserted = true;
    }
    return { next, reply: { data: upserted ? { updated, upsert_id: id } : { updated } } };
  }

  function modifyDocument({ params: p }: AdminRequest) {
    const now = Date.now();
    const c = coll(p);
    const data = ejsonParam(p, 'data', now);
    if (isDocQuery(p)) {
      const id = docIdParam(p, now);
      if (inTxn(p)) {
        return txn(p, (t) => {
          const { next, reply } = nextOfDoc(p, data, id, t.get(c.name, id));
          if (next) t.write(c.name, id, next);
          return reply;
        });
      }
      return outside(() => {
        const { next, reply } = nextOfDoc(p, data, id, c.docs.get(idKey(id))?.doc ?? null);
        const plan = commitPlan(c, new Map(next ? [[idKey(id), next]] : []), reply);
        return { ...plan, locks: [docLock(c.name, idKey(id)), ...plan.locks] };
      });
    }
    if (p.merge === false)
      throw new EmulatorError('INVALID_PARAM', 'replacing documents by a where() query is not supported by CloudBase');
    const modifier = toModifier(data);
    const filter = filterParam(p, now);
    const changesOf = (targets: Doc[]) => {
      const changes: ChangeSet = new Map();
      for (const doc of targets) {
        const r = applyModifier(doc, modifier);
        if (r.changed) changes.set(idKey(doc._id), r.doc);
      }
      return changes;
    };
    if (inTxn(p)) {
      return txn(p, (t) => {
        const matched = t.query(c.name, filter);
        if (matched.length === 0 && p.upsert === true) {
          const doc = applyModifier({ _id: newDocId(), ...equalityFields(filter) }, modifier).doc;
          t.write(c.name, doc._id, doc);
          return { data: { updated: 0, upsert_id: doc._id } };
        }
        const changes = changesOf(p.multi === false ? matched.slice(0, 1) : matched);
        for (const doc of changes.values()) t.write(c.name, doc!._id, doc);
        return { data: { updated: changes.size } };
      });
    }
    return outside(() => {
      const matched = matching(c, filter).map((s) => s.doc);
      if (matched.length === 0 && p.upsert === true) {
        const doc = applyModifier({ _id: newDocId(), ...equalityFields(filter) }, modifier).doc;
        return commitPlan(c, new Map([[idKey(doc._id), doc]]), { data: { updated: 0, upsert_id: doc._id } });
      }
      const targets = p.multi === false ? matched.slice(0, 1) : matched;
      const changes = changesOf(targets);
      const plan = commitPlan(c, changes, { data: { updated: changes.size } });
      return { ...plan, locks: [...targets.map((d) => docLock(c.name, idKey(d._id))), ...plan.locks] };
    });
  }

  /** updateAndReturn: the first match, updated. CloudBase counts a match as updated even when nothing changed. */
  function modifyAndReturnDoc({ params: p }: AdminRequest) {
    const now = Date.now();
    const c = coll(p);
    const modifier = toModifier(ejsonParam(p, 'data', now));
    const filter = filterParam(p, now);
    const none: { data: { updated: number; doc: string | null } } = { data: { updated: 0, doc: null } };
    if (inTxn(p)) {
      return txn(p, (t) => {
        const target = t.query(c.name, filter)[0];
        if (!target) return none;
        const r = applyModifier(target, modifier);
        if (r.changed) t.write(c.name, target._id, r.doc);
        return { data: { updated: 1, doc: encodeEjson(r.doc) } };
      });
    }
    return outside(() => {
      const target = matching(c, filter)[0];
      if (!target) return { locks: [], apply: () => none };
      const r = applyModifier(target.doc, modifier);
      const key = idKey(target.doc._id);
      const plan = commitPlan(c, new Map(r.changed ? [[key, r.doc]] : []), {
        data: { updated: 1, doc: encodeEjson(r.doc) },
      });
      return { ...plan, locks: [docLock(c.name, key), ...plan.locks] };
    });
  }

  function removeDocument({ params: p }: AdminRequest) {
    const now = Date.now();
    const c = coll(p);
    if (isDocQuery(p)) {
      const id = docIdParam(p, now);
      if (inTxn(p)) {
        return txn(p, (t) => {
          if (!t.get(c.name, id)) return { data: { deleted: 0 } };
          t.write(c.name, id, null);
          return { data: { deleted: 1 } };
        });
      }
      const key = idKey(id);
      return outside(() =>
        c.docs.has(key)
          ? commitPlan(c, new Map([[key, null]]), { data: { deleted: 1 } })
          : { locks: [docLock(c.name, key)], apply: () => ({ data: { deleted: 0 } }) },
      );
    }
    if (p.query === '') {
      throw unsupported('remove() without where() — its production behaviour is undocumented; use where({}).remove()');
    }
    const filter = filterParam(p, now);
    if (inTxn(p)) {
      return txn(p, (t) => {
        const matched = t.query(c.name, filter);
        const targets = p.multi === false ? matched.slice(0, 1) : matched;
        for (const d of targets) t.write(c.name, d._id, null);
        return { data: { deleted: targets.length } };
      });
    }
    return outside(() => {
      const matched = matching(c, filter);
      const targets = p.multi === false ? matched.slice(0, 1) : matched;
      const changes: ChangeSet = new Map(targets.map((s) => [idKey(s.doc._id), null] as const));
      return commitPlan(c, changes, { data: { deleted: targets.length } });
    });
  }

  function aggregateDocuments({ params: p }: AdminRequest) {
    const name = str(p, 'collectionName');
    const pipeline = parseStages(p.stages, Date.now());
    return { data: { list: runAggregate(rt.store, name, pipeline).map((d) => encodeEjson(d)) } };
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

function duplicateId(collection: string, id: DocId) {
  const shown = typeof id === 'object' ? `ObjectId('${id.hex}')` : JSON.stringify(id);
  return new EmulatorError(
    'DATABASE_DUPLICATE_WRITE',
    `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${shown} }`,
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
