// Aggregation pipelines, run by mingo in the emulator's MongoDB dialect over the
// collection's documents. `$lookup` reads other collections, which must exist like
// any other. An operator MongoDB has but the dialect lacks is EMULATOR_UNSUPPORTED.
import { Aggregator } from 'mingo/aggregator';
import { EmulatorError, unsupported } from '../core/errors';
import { decodeEjson } from './ejson';
import { requestFailed } from './errors';
import { MONGO_OPTIONS } from './mongo/context';
import { GeoError } from './mongo/geo';
import { geoNear } from './mongo/geo-near';
import { JsonSchemaError } from './mongo/json-schema';
import { MONGO_EXPRESSION_OPERATORS } from './mongo/operator-names';
import type { Store } from './store';
import { matching, toFilter } from './query';
import { cloneDoc } from './values';

const STAGES = new Set([
  '$match', '$project', '$group', '$sort', '$skip', '$limit', '$count', '$lookup', '$unwind', '$addFields', '$set',
  '$replaceRoot', '$replaceWith', '$sample', '$sortByCount', '$bucket', '$bucketAuto', '$unset', '$facet', '$geoNear',
]); // prettier-ignore

export function parseStages(raw: unknown, now: number): Record<string, unknown>[] {
  if (!Array.isArray(raw)) throw new EmulatorError('INVALID_PARAM', 'stages must be an array');
  const stages = raw.map((s: unknown) => {
    const stage = s as { stageKey?: unknown; stageValue?: unknown };
    if (typeof stage?.stageKey !== 'string') throw new EmulatorError('INVALID_PARAM', 'each stage needs a stageKey');
    const key = stage.stageKey;
    if (!STAGES.has(key)) throw new EmulatorError('INVALID_PARAM', `unknown aggregate stage ${key}`);
    const value = typeof stage.stageValue === 'string' ? decodeEjson(stage.stageValue, now) : stage.stageValue;
    if (key === '$match') toFilter(value);
    return { [key]: value };
  });
  const late = stages.findIndex((s, i) => i > 0 && '$geoNear' in s);
  if (late > 0) throw requestFailed('$geoNear is only valid as the first stage in a pipeline');
  return stages;
}

function lookupsOf(pipeline: Record<string, unknown>[]): string[] {
  const names: string[] = [];
  const walk = (stages: Record<string, unknown>[]) => {
    for (const st of stages) {
      const lookup = st.$lookup as { from?: unknown; pipeline?: Record<string, unknown>[] } | undefined;
      if (lookup) {
        names.push(String(lookup.from));
        if (Array.isArray(lookup.pipeline)) walk(lookup.pipeline);
      }
      const facet = st.$facet as Record<string, Record<string, unknown>[]> | undefined;
      if (facet) Object.values(facet).forEach(walk);
    }
  };
  walk(pipeline);
  return names;
}

/**
 * CloudBase answers an aggregate without a `$limit` stage with at most 20 rows (the
 * SDK adds no limit of its own): a pipeline that must see every group says how many.
 */
export const DEFAULT_AGGREGATE_LIMIT = 20;

function withDefaultLimit(pipeline: Record<string, unknown>[]): Record<string, unknown>[] {
  return pipeline.some((st) => '$limit' in st) ? pipeline : [...pipeline, { $limit: DEFAULT_AGGREGATE_LIMIT }];
}

export function runAggregate(store: Store, collection: string, pipeline: Record<string, unknown>[]): unknown[] {
  pipeline = withDefaultLimit(pipeline);
  // mingo may modify the documents it is given: run on copies — of only what a
  // leading $match keeps (found as a query finds them, through an index where one
  // serves), not of the whole collection on every call. The $match stays in the
  // pipeline, so mingo still decides; this only narrows what it is given.
  const coll = store.collection(collection);
  const lead = pipeline[0] && '$match' in pipeline[0] ? toFilter(pipeline[0].$match) : null;
  const stored = lead ? matching(coll, lead) : [...coll.docs.values()];
  let source = cloneDoc(stored.map((s) => s.doc));
  for (const name of lookupsOf(pipeline)) store.collection(name);
  try {
    if (pipeline[0] && '$geoNear' in pipeline[0]) {
      source = geoNear(source, pipeline[0].$geoNear, store.collection(collection).geoFields(), collection);
      pipeline = pipeline.slice(1);
    }
    const agg = new Aggregator(pipeline, {
      ...MONGO_OPTIONS,
      collectionResolver: (name: string) => cloneDoc([...store.collection(name).docs.values()].map((s) => s.doc)),
    });
    return agg.run(source);
  } catch (err) {
    if (err instanceof EmulatorError) throw err;
    throw aggregateError(err as Error);
  }
}

/** mingo's "not registered" becomes unsupported (a MongoDB operator) or MongoDB's own "unrecognized". */
function aggregateError(err: Error): EmulatorError {
  if (err instanceof JsonSchemaError || err instanceof GeoError) return requestFailed(err.message);
  const missing = /^accumulator '(\$[A-Za-z0-9]+)' is not registered/.exec(err.message)?.[1];
  if (missing && MONGO_EXPRESSION_OPERATORS.has(missing)) return unsupported(`the aggregation operator ${missing}`);
  if (missing) return requestFailed(`Invalid $project :: caused by :: Unrecognized expression '${missing}'`);
  return requestFailed(err.message);
}
