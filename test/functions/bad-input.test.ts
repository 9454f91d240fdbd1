// Generated bad inputs over every action of every function (enumerated from the
// handler maps; expectations from the typings/ contracts): at least 20 per action,
// sent as a caller the action allows — INVALID_ARGUMENT with a Chinese message,
// never INTERNAL — and as one it refuses — the access refusal comes first — with
// nothing written to the database or storage. In-process (test/support/in-process.ts):
// each function's exported main, called with the platform's invocation context.
import type { Access } from '../../typings/common';
import type { ErrorCode } from '../../typings/errors';
import { contractOf } from '../support/contracts';
import { checkBadInputs, type Env } from '../support/generated';
import { type InProcess, startInProcess, type Who } from '../support/in-process';
import { allActions } from '../support/schemas';
import { buildWorld, CALLERS, exampleInput, type World } from '../support/world';

const actions = allActions();

/** The caller each access level allows, and one it refuses (with the code). */
const ALLOWED: Record<Access, string | null> = {
  public: CALLERS.visitor,
  user: CALLERS.visitor,
  worker: CALLERS.worker,
  member: CALLERS.member,
  admin: CALLERS.admin,
  superadmin: CALLERS.superadmin,
  // A timer event carries no input: bad inputs reach a timer action only from clients, who are refused.
  timer: null,
};
const DENIED: Record<Access, [string, ErrorCode] | null> = {
  public: null,
  user: [CALLERS.anonymous, 'UNAUTHENTICATED'],
  worker: [CALLERS.visitor, 'NOT_REGISTERED'],
  member: [CALLERS.worker, 'FORBIDDEN'],
  admin: [CALLERS.worker, 'FORBIDDEN'],
  superadmin: [CALLERS.admin, 'FORBIDDEN'],
  timer: [CALLERS.superadmin, 'FORBIDDEN'],
};

let ip: InProcess;
let env: Env;
let w: World;
const totals = { actions: 0, inputs: 0, calls: 0, callers: new Set<string>() };

beforeAll(async () => {
  ip = await startInProcess();
  env = { invoke: ip.invoke, emu: ip.emu, digest: ip.digest };
  w = await buildWorld(ip);
}, 60_000);

afterAll(async () => {
  console.log(
    `bad input: ${totals.inputs} generated inputs over ${totals.actions} actions, ` +
      `as ${totals.callers.size} callers (${[...totals.callers].map((c) => c || 'anonymous').join(', ')}), ` +
      `${totals.calls} calls; INTERNAL replies: ${ip.stats.internal.length}`,
  );
  await ip.stop();
});

it('covers every action of every function', () => {
  expect(actions.length).toBeGreaterThan(50);
});

describe.each(actions.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s', (_name, { fn, action, def }) => {
  it('refuses every generated bad input before it runs: INVALID_ARGUMENT in Chinese as an allowed caller, the access refusal as another, nothing written', async () => {
    const contract = contractOf(fn)?.actions[action];
    const access = contract?.access ?? def.access;
    const allowed = ALLOWED[access];
    const denied = DENIED[access];
    const who = (openid: string): Who => ({ openid });
    const report = await checkBadInputs(env, {
      fn,
      action,
      input: def.input,
      contract,
      example: exampleInput(fn, action, w),
      allowed: allowed === null ? null : who(allowed),
      denied: denied ? { who: who(denied[0]), code: denied[1] } : null,
    });
    totals.actions++;
    totals.inputs += report.inputs;
    totals.calls += report.calls;
    if (allowed !== null) totals.callers.add(allowed);
    if (denied) totals.callers.add(denied[0]);
    expect(report.problems).toEqual([]);
    expect(report.inputs).toBeGreaterThanOrEqual(20);
    // Each input is two calls and two digests of the whole world: seconds on a loaded machine.
  }, 30_000);
});
