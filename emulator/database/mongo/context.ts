// The emulator's MongoDB dialect for mingo: every operator mingo ships, with the
// ones that answer differently from MongoDB replaced (query-operators.ts,
// expression-operators.ts) and $jsonSchema validated by Ajv. Queries, updates'
// conditions and aggregations all run with these options.
import { Context } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import type { Options } from 'mingo/types';
import { mongoExpressionOperators } from './expression-operators';
import { jsonSchemaValidator } from './json-schema';
import { mongoQueryOperators } from './query-operators';

type Ops = Record<string, never>;
const asOps = (module: object) => ({ ...module }) as unknown as Ops;

const expression = asOps(expressionOperators);
const accumulator = asOps(accumulatorOperators);
const query = asOps(queryOperators);

const context = Context.init({
  accumulator,
  expression: { ...expression, ...(mongoExpressionOperators(expression, accumulator) as unknown as Ops) },
  pipeline: asOps(pipelineOperators),
  projection: asOps(projectionOperators),
  query: { ...query, ...(mongoQueryOperators(query) as unknown as Ops) },
  window: asOps(windowOperators),
});

/** Options for mingo's Query, Aggregator and updater. */
export const MONGO_OPTIONS: Partial<Options> = { context, jsonSchemaValidator };

/** Whether the dialect knows an expression operator (else it is unsupported or unknown). */
export const hasExpressionOperator = (name: string) =>
  context.getOperator('expression' as never, name) !== null ||
  context.getOperator('accumulator' as never, name) !== null;
