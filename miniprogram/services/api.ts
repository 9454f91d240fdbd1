// Typed access to one cloud function's actions, from its contract in typings/.
import type { ActionSpec } from '../../typings/common';
import { callFunction } from './transport';

type Spec<A, K extends keyof A> = A[K] extends ActionSpec<infer Req, infer Res> ? { req: Req; res: Res } : never;

export type Api<A> = <K extends keyof A & string>(action: K, data: Spec<A, K>['req']) => Promise<Spec<A, K>['res']>;

export function createApi<A>(functionName: string): Api<A> {
  return (action, data) => callFunction(functionName, action, data);
}
