// The checks of the generated suites, as functions that return problems instead
// of failing: the suites run them over every action of the deployed handler maps,
// and a self-test runs them over deliberately weakened copies to prove they fail
// and name the action.
import type { z } from 'zod';
import type { Access } from '../../typings/common';
import type { ErrorCode, Reply } from '../../typings/errors';
import type { RunningEmulator } from '../../emulator/registry';
import { badInputs, seedOf, validInput } from './bad-inputs';
import type { ContractAction } from './contracts';
import type { Who } from './in-process';

export type Invoke = (fn: string, event: unknown, who: Who) => Promise<Reply<unknown>>;

/** Roles a caller of the matrix holds in the world. */
export interface MatrixCaller {
  name: string;
  who: Who;
  roles: { user: boolean; worker: boolean; member: boolean; admin: boolean; superadmin: boolean };
}

export type Decision = 'allow' | ErrorCode;

/** What the contract's access level means for a caller with these roles. */
export function expectedDecision(access: Access, c: MatrixCaller['roles']): Decision {
  if (access === 'public') return 'allow';
  if (access === 'timer') return 'FORBIDDEN';
  if (!c.user) return 'UNAUTHENTICATED';
  switch (access) {
    case 'user':
      return 'allow';
    case 'worker':
      return c.worker ? 'allow' : 'NOT_REGISTERED';
    case 'member':
      return c.member ? 'allow' : 'FORBIDDEN';
    case 'admin':
      return c.admin || c.superadmin ? 'allow' : 'FORBIDDEN';
    case 'superadmin':
      return c.superadmin ? 'allow' : 'FORBIDDEN';
  }
}

/** Identity forged in the request body; it must change nothing. */
export const FORGED = {
  openid: 'test-superadmin',
  _openid: 'test-superadmin',
  OPENID: 'test-superadmin',
  role: 'superadmin',
  roles: ['superadmin', 'admin', 'member', 'worker'],
  userInfo: { openId: 'test-superadmin', appId: 'wx-forged' },
};

const ZOD_WORDS = /expected|received|Invalid input|invalid_|undefined|NaN|\[object|Too (big|small)/;
const CJK = /[\u4e00-\u9fff]/;

/** Why a refusal's message is not one a rider can read, or null. */
export function messageProblem(message: string): string | null {
  if (!CJK.test(message)) return `the message is not Chinese: ${message}`;
  if (ZOD_WORDS.test(message)) return `the message is in the validator's words: ${message}`;
  return null;
}

const WRITES = [
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.commitTransaction',
  'database.addCollection',
  'storage.getUploadMetadata',
  'storage.batchDeleteFile',
  'storage.batchCopyFile',
];

/** Write requests the emulator has served so far (to name the one call that wrote). */
export async function writesSoFar(emu: RunningEmulator): Promise<number> {
  const stats = (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as { byAction: Record<string, number> };
  return WRITES.reduce((n, a) => n + (stats.byAction[a] ?? 0), 0);
}

const describeReply = (r: Reply<unknown>) => (r.ok ? 'ok' : `${r.code} ${r.message}`);

export interface Env {
  invoke: Invoke;
  emu: RunningEmulator;
  digest: () => Promise<string>;
}

export interface BadInputReport {
  inputs: number;
  calls: number;
  problems: string[];
}

/**
 * Sends every generated bad input as `allowed` (expects INVALID_ARGUMENT in Chinese,
 * never INTERNAL) and as `denied` (expects its access refusal first), and checks that
 * nothing was written.
 */
export async function checkBadInputs(
  env: Env,
  a: {
    fn: string;
    action: string;
    input: z.ZodType;
    contract?: ContractAction;
    example?: unknown;
    allowed: Who | null;
    denied: { who: Who; code: ErrorCode } | null;
  },
): Promise<BadInputReport> {
  const name = `${a.fn}.${a.action}`;
  const base = validInput(a.input, a.example);
  if (base === undefined)
    return {
      inputs: 0,
      calls: 0,
      problems: [`${name}: no valid input to start from (give it a probe in test/support/world.ts)`],
    };
  const inputs = badInputs(a.input, { base, contract: a.contract, seed: seedOf(name), min: 20 });
  const problems: string[] = [];
  let calls = 0;
  const before = await env.digest();
  for (const bad of inputs) {
    const event = { action: a.action, data: bad.data };
    const writes = await writesSoFar(env.emu);
    if (a.allowed) {
      calls++;
      const r = await env.invoke(a.fn, event, a.allowed);
      if (r.ok) problems.push(`${name} accepted ${bad.why}`);
      else if (r.code !== 'INVALID_ARGUMENT') problems.push(`${name} answered ${describeReply(r)} to ${bad.why}`);
      else {
        const p = messageProblem(r.message);
        if (p) problems.push(`${name}, ${bad.why}: ${p}`);
      }
    }
    if (a.denied) {
      calls++;
      const r = await env.invoke(a.fn, event, a.denied.who);
      if (r.ok || r.code !== a.denied.code)
        problems.push(
          `${name} answered ${describeReply(r)} to a caller it should refuse (${a.denied.code}), ${bad.why}`,
        );
    }
    if ((await writesSoFar(env.emu)) !== writes)
      problems.push(`${name} wrote to the database or storage for ${bad.why}`);
  }
  if ((await env.digest()) !== before) problems.push(`${name}: the database or storage changed during its bad inputs`);
  return { inputs: inputs.length, calls, problems };
}

export interface MatrixRow {
  caller: string;
  expected: Decision;
  actual: Decision | string;
}

/**
 * The access matrix of one action: every caller, with a valid input plus one
 * unknown key (so an allowed caller gets INVALID_ARGUMENT naming just that key,
 * and nothing runs), plain and with forged identity keys; refusals write nothing.
 */
export async function checkAccess(
  env: Env,
  a: { fn: string; action: string; access: Access; callers: MatrixCaller[]; input: z.ZodType; example?: unknown },
): Promise<{ rows: MatrixRow[]; problems: string[] }> {
  const name = `${a.fn}.${a.action}`;
  const rows: MatrixRow[] = [];
  const problems: string[] = [];
  const base = validInput(a.input, a.example);
  if (base === undefined || typeof base !== 'object')
    return { rows, problems: [`${name}: no valid input to start from (give it a probe in test/support/world.ts)`] };
  const before = await env.digest();
  for (const c of a.callers) {
    const expected = expectedDecision(a.access, c.roles);
    let actual: string = '';
    for (const [variant, data] of [
      ['', { ...base, zzMatrixProbe: 1 }],
      [' with forged identity in data', { ...base, ...FORGED, zzMatrixProbe: 1 }],
    ] as const) {
      const r = await env.invoke(a.fn, { action: a.action, data }, c.who);
      const got: Decision | string = r.ok ? 'ran' : r.code === 'INVALID_ARGUMENT' ? 'allow' : r.code;
      if (!variant) actual = got;
      if (got !== expected) {
        problems.push(`${name} as ${c.name}${variant}: expected ${expected}, got ${r.ok ? 'ok' : describeReply(r)}`);
      } else if (got === 'allow' && !r.ok) {
        // Identity keys are dropped, never reported as unknown: they mean nothing.
        if (!r.message.includes('zzMatrixProbe') || /openid|OPENID|role|userInfo/.test(r.message))
          problems.push(`${name} as ${c.name}${variant}: the refusal does not ignore identity keys: ${r.message}`);
      }
    }
    rows.push({ caller: c.name, expected, actual });
  }
  if ((await env.digest()) !== before) problems.push(`${name}: the access matrix changed the database or storage`);
  return { rows, problems };
}

/** A valid call refused for scope: FORBIDDEN and nothing written. */
export async function checkScope(
  env: Env,
  a: { fn: string; action: string; who: Who; data: unknown },
): Promise<string[]> {
  const name = `${a.fn}.${a.action}`;
  const before = await env.digest();
  const r = await env.invoke(a.fn, { action: a.action, data: a.data }, a.who);
  const problems: string[] = [];
  if (r.ok || r.code !== 'FORBIDDEN')
    problems.push(`${name} out of the admin's scope: expected FORBIDDEN, got ${describeReply(r)}`);
  if ((await env.digest()) !== before)
    problems.push(`${name} out of the admin's scope: the database or storage changed`);
  return problems;
}
