// The generated suites can fail: the same checks the suites run over the deployed
// handler maps (test/support/generated.ts) are run here over deliberately weakened
// copies of real actions — a length limit removed, a day checked by its pattern
// only, an access level opened, a scope check dropped — and each weakening is
// caught, naming the action and what got through.
import * as z from 'zod';
import { beijingDay } from '../../cloudfunctions/_shared/clock';
import { type ActionDef, createFunction, type Handlers } from '../../cloudfunctions/_shared/function';
import { form, id } from '../../cloudfunctions/_shared/validation';
import { handlers as study } from '../../cloudfunctions/study/handlers';
import { requireActiveQuote, retireQuote } from '../../cloudfunctions/study/store/quotes';
import type { StudyApi } from '../../typings/study';
import { contractOf } from '../support/contracts';
import { checkAccess, checkBadInputs, checkScope, type Env, type MatrixCaller } from '../support/generated';
import { type InProcess, startInProcess } from '../support/in-process';
import { buildWorld, CALLERS, exampleInput, scopeProbe, type World } from '../support/world';

let ip: InProcess;
let env: Env;
let w: World;

beforeAll(async () => {
  ip = await startInProcess();
  env = { invoke: ip.invoke, emu: ip.emu, digest: ip.digest };
  w = await buildWorld(ip);
}, 60_000);
afterAll(() => ip.stop());

type AnyDef = ActionDef<unknown, unknown>;

/** The study function with some actions replaced, as createFunction would deploy it. */
function weakened(replace: Partial<Record<keyof StudyApi, Partial<AnyDef>>>) {
  const map: Record<string, AnyDef> = { ...(study as unknown as Record<string, AnyDef>) };
  for (const [name, patch] of Object.entries(replace)) map[name] = { ...map[name]!, ...patch };
  const main = createFunction('study', map as unknown as Handlers<StudyApi>);
  return {
    map,
    env: {
      ...env,
      invoke: (fn: string, event: unknown, who: Parameters<Env['invoke']>[2]) => ip.invoke(fn, event, who, main),
    },
  };
}

const admin = { openid: CALLERS.admin };
const worker = { openid: CALLERS.worker };
const contract = (action: string) => contractOf('study')!.actions[action]!;

async function badInputProblems(action: keyof StudyApi, weak: ReturnType<typeof weakened>) {
  return (
    await checkBadInputs(weak.env, {
      fn: 'study',
      action,
      input: weak.map[action]!.input,
      contract: contract(action),
      example: exampleInput('study', action, w),
      allowed: admin,
      denied: { who: worker, code: 'FORBIDDEN' },
    })
  ).problems;
}

it('the deployed actions pass the very checks used below', async () => {
  const intact = weakened({});
  expect(await badInputProblems('saveQuote', intact)).toEqual([]);
  expect(await badInputProblems('scheduleQuote', intact)).toEqual([]);
}, 30_000); // dozens of invocations: over jest's default 5 s on a loaded machine

it('a length limit removed: the bad-input suite names the action and the field', async () => {
  const weak = weakened({
    saveQuote: {
      input: form(
        {
          id: id().optional(),
          text: z.string().trim().min(2),
          source: z.string().max(60).min(1),
          bgImageFileId: z.string().max(512).optional(),
          sample: z.boolean().optional(),
          orgId: id(),
        },
        {
          id: '金句编号',
          text: '金句内容',
          source: '出处',
          bgImageFileId: '背景图',
          sample: '示例内容',
          orgId: '所属组织',
        },
      ),
    },
  });
  const problems = await badInputProblems('saveQuote', weak);
  expect(problems.some((p) => p.startsWith('study.saveQuote') && p.includes('text: 50001 characters'))).toBe(true);
  expect(problems.every((p) => p.startsWith('study.saveQuote'))).toBe(true);
});

it('a day checked only by its pattern: 2099-99-99 gets through and is named', async () => {
  const weak = weakened({
    scheduleQuote: {
      input: form(
        { day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), quoteId: id().nullable() },
        { day: '日期', quoteId: '金句编号' },
      ),
    },
  });
  const problems = await badInputProblems('scheduleQuote', weak);
  expect(problems).toEqual(
    expect.arrayContaining([expect.stringMatching(/^study\.scheduleQuote .*day: the day 2099-99-99/)]),
  );
});

it('an access level opened in the handler map: the matrix expects its contract’s and names the action', async () => {
  const weak = weakened({ scheduleQuote: { access: 'public' } });
  const callers: MatrixCaller[] = [
    {
      name: 'anonymous',
      who: { openid: '' },
      roles: { user: false, worker: false, member: false, admin: false, superadmin: false },
    },
    {
      name: 'worker',
      who: worker,
      roles: { user: true, worker: true, member: false, admin: false, superadmin: false },
    },
  ];
  const { problems } = await checkAccess(weak.env, {
    fn: 'study',
    action: 'scheduleQuote',
    access: contract('scheduleQuote').access!,
    callers,
    input: weak.map.scheduleQuote!.input,
  });
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^study\.scheduleQuote as anonymous: expected UNAUTHENTICATED, got INVALID_ARGUMENT/),
      expect.stringMatching(/^study\.scheduleQuote as worker: expected FORBIDDEN, got INVALID_ARGUMENT/),
    ]),
  );
});

it('a scope check dropped: the scope probe gets through, writes, and is named', async () => {
  const weak = weakened({
    deleteQuote: {
      // deleteQuote without its requireOrgInScope line.
      async run(ctx, input) {
        const q = await requireActiveQuote((input as { id: string }).id);
        await retireQuote(q._id, beijingDay(ctx.now), ctx.now);
        return { deleted: true as const };
      },
    },
  });
  const probe = scopeProbe('study', 'deleteQuote', w)!;
  const problems = await checkScope(weak.env, {
    fn: 'study',
    action: 'deleteQuote',
    who: { openid: probe.admin },
    data: probe.data,
  });
  expect(problems).toEqual([
    "study.deleteQuote out of the admin's scope: expected FORBIDDEN, got ok",
    "study.deleteQuote out of the admin's scope: the database or storage changed",
  ]);
});
