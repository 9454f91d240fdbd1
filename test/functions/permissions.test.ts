// The permission matrix and the privacy rule, over every action of every function.
// Actions come from the handler maps; who may call each comes from its contract in
// typings/ (not from the handler map under test):
//   - every action × {anonymous, visitor, worker, member, admin of another org,
//     admin, superadmin} → the expected allow/deny, asserted and printed; refusals
//     write nothing; forged openid/role/roles/userInfo in data change nothing;
//   - every privileged action, made by an admin of another org with a valid input
//     (its scope probe, test/support/world.ts) → FORBIDDEN, nothing written; an
//     action with no target (the dashboard) answers that admin for their own orgs only;
//   - every other action, made by a second user with its privacy probe: the privacy
//     hook every test transport runs (test/support/privacy.ts) finds none of the
//     first users' phones, real names or openids in the reply.
// In-process (test/support/in-process.ts): each function's exported main, with the
// platform's invocation context.
import { contractOf } from '../support/contracts';
import { checkAccess, checkScope, type Decision, type Env, type MatrixCaller } from '../support/generated';
import { type InProcess, startInProcess } from '../support/in-process';
import { allActions } from '../support/schemas';
import {
  buildWorld,
  CALLER_SCOPED,
  CALLERS,
  type CallerName,
  exampleInput,
  OTHER_USER,
  SCOPE_PROBES,
  scopeProbe,
  USER_PROBES,
  type World,
} from '../support/world';

const actions = allActions();
const PRIVILEGED = new Set(['admin', 'superadmin', 'timer']);
const callerScoped = (a: { fn: string; action: string }) => Boolean(CALLER_SCOPED[a.fn]?.[a.action]);
const privileged = actions.filter((a) => PRIVILEGED.has(a.def.access) && !callerScoped(a));
const ownScope = actions.filter(callerScoped);
const open = actions.filter((a) => !PRIVILEGED.has(a.def.access));
const named = <T extends { fn: string; action: string }>(list: T[]) =>
  list.map((a) => [`${a.fn}.${a.action}`, a] as const);

const NO_ROLES = { user: false, worker: false, member: false, admin: false, superadmin: false };
const ROLES: Record<CallerName, MatrixCaller['roles']> = {
  anonymous: NO_ROLES,
  visitor: { ...NO_ROLES, user: true },
  worker: { ...NO_ROLES, user: true, worker: true },
  member: { ...NO_ROLES, user: true, worker: true, member: true },
  adminOfAnotherOrg: { ...NO_ROLES, user: true, admin: true },
  admin: { ...NO_ROLES, user: true, admin: true },
  superadmin: { ...NO_ROLES, user: true, superadmin: true },
};
const callers: MatrixCaller[] = (Object.keys(CALLERS) as CallerName[]).map((name) => ({
  name,
  who: { openid: CALLERS[name] },
  roles: ROLES[name],
}));

let ip: InProcess;
let env: Env;
let w: World;
const table: string[] = [];
const counts = { matrix: 0, scope: 0, privacy: 0 };

beforeAll(async () => {
  ip = await startInProcess();
  env = { invoke: ip.invoke, emu: ip.emu, digest: ip.digest };
  w = await buildWorld(ip);
}, 60_000);

afterAll(async () => {
  const short = (d: string) =>
    d === 'allow' ? 'allow' : d === 'UNAUTHENTICATED' ? 'unauth' : d === 'NOT_REGISTERED' ? 'unreg' : 'deny';
  console.log(
    [
      `permission matrix: ${counts.matrix} actions × ${callers.length} callers (${callers.map((c) => c.name).join(', ')}), ` +
        `each plain and with forged identity; ${counts.scope} scope probes; ${counts.privacy} privacy probes; ` +
        `${ip.privacy.inspected} replies inspected for other users' secrets`,
      ...table.map((row) => row.replace(/allow|UNAUTHENTICATED|NOT_REGISTERED|FORBIDDEN/g, short)),
    ].join('\n'),
  );
  await ip.stop();
});

describe('every action has the probes the suites need', () => {
  it.each(named(privileged))('%s has a scope probe', (_n, { fn, action }) => {
    expect(SCOPE_PROBES[fn]?.[action]).toBeDefined();
  });
  it.each(named(ownScope))('%s answers for its caller’s own orgs and is an admin action', (_n, { def }) => {
    expect(def.access).toBe('admin');
  });
  it.each(named(open))('%s has a privacy probe', (_n, { fn, action }) => {
    expect(USER_PROBES[fn]?.[action]).toBeDefined();
  });
});

describe('the access matrix: who its contract allows gets past the access check, everyone else is refused, nothing written', () => {
  it.each(named(actions))('%s', async (_n, { fn, action, def }) => {
    const access = contractOf(fn)?.actions[action]?.access;
    expect(access).toBeTruthy();
    const { rows, problems } = await checkAccess(env, {
      fn,
      action,
      access: access!,
      callers,
      input: def.input,
      example: exampleInput(fn, action, w),
    });
    // An admin of another org passes the role check; the scope probes below refuse their valid calls.
    const cell = (r: { caller: string; expected: Decision }) =>
      r.caller === 'adminOfAnotherOrg' && PRIVILEGED.has(access!) && access !== 'timer'
        ? 'FORBIDDEN (scope)'
        : r.expected;
    table.push(`  ${`${fn}.${action}`.padEnd(30)} ${access!.padEnd(10)} ${rows.map(cell).join(' | ')}`);
    counts.matrix++;
    expect(problems).toEqual([]);
  });

  it('a timer event runs the timer action', async () => {
    for (const { fn, action } of actions.filter((a) => a.def.access === 'timer')) {
      const r = await ip.invoke(
        fn,
        { Type: 'Timer', TriggerName: 'every-10-minutes', Time: new Date().toISOString() },
        { timer: true },
      );
      expect({ action, reply: r }).toMatchObject({ action, reply: { ok: true } });
    }
  });
});

describe('an admin of another org is refused every privileged action on a valid input, and nothing is written', () => {
  it.each(named(privileged))('%s', async (_n, { fn, action }) => {
    const probe = scopeProbe(fn, action, w)!;
    counts.scope++;
    expect(await checkScope(env, { fn, action, who: { openid: probe.admin }, data: probe.data })).toEqual([]);
  });
});

describe('an action with no target answers an admin of another org for that admin’s own orgs only', () => {
  it.each(named(ownScope))('%s', async (_n, { fn, action }) => {
    const probe = CALLER_SCOPED[fn]![action]!;
    const r = await ip.as(CALLERS.adminOfAnotherOrg).call(fn, action, probe.data(w));
    expect(r).toMatchObject({ ok: true });
    const reply = JSON.stringify(r.ok ? r.data : null);
    expect(probe.foreign(w).filter((id) => reply.includes(id))).toEqual([]);
    counts.scope++;
  });
});

describe('a second user’s calls never reply with the first users’ phone, real name or openid (the privacy hook)', () => {
  it.each(named(open))('%s', async (_n, { fn, action }) => {
    // The hook throws on a finding, naming the action, the caller and the field.
    await ip.as(OTHER_USER).call(fn, action, USER_PROBES[fn]![action]!(w));
    counts.privacy++;
  });
});

it('forged identity in a valid call changes nothing: the profile is the caller’s own', async () => {
  const own = await ip.as(CALLERS.visitor).ok<{ userId: string; roles: string[] }>('user', 'getProfile');
  const forged = await ip.as(CALLERS.visitor).ok<{ userId: string; roles: string[] }>('user', 'getProfile', {
    openid: CALLERS.superadmin,
    role: 'superadmin',
    roles: ['superadmin'],
    userInfo: { openId: CALLERS.superadmin },
  });
  expect(forged).toEqual(own);
  expect(forged.roles).toEqual([]);
});
