// Everything published goes through WeChat's content check, organisers' text as
// much as users'. Generated over every action that is not public: each text field
// of its input (from the schema walk) gets a word the check rejects, inside a
// valid call (the action's probe, made by someone allowed and in scope), and the
// reply must be CONTENT_REJECTED naming the field, with nothing written — unless
// the field is listed below as never shown to anyone else. A new action, or a new
// text field, is covered the day it lands. Fail closed: without the check, nothing
// is published. In-process, against the emulator's msgSecCheck stand-in.
import { meetingInput, stationInput } from '../support/arrange';
import type { z } from 'zod';
import { labelsOf } from '../../cloudfunctions/_shared/validation';
import { contractOf } from '../support/contracts';
import { type InProcess, startInProcess } from '../support/in-process';
import { allActions, describeSchema, type Field, fieldsOf, pathText } from '../support/schemas';
import { sdkFor } from '../support/sdk';
import { SUPERADMIN } from '../support/arrange';
import {
  buildWorld,
  CALLERS,
  EXAMPLE_CALLERS,
  exampleInput,
  FULL_EXAMPLES,
  OTHER_USER,
  type World,
} from '../support/world';

/** A word the emulator's content-security stand-in rejects by default. */
const BLOCKED = '违禁词';

/** Text that is never shown to anyone but its author and organisers: not content-checked. */
const NOT_PUBLISHED: Record<string, string[]> = {
  '*': ['keyword'],
  'user.listAuditLogs': ['targetType'],
  // Seen by the applicant alone.
  'user.verifyMember': ['reason'],
  'campaign.reviewNomination': ['reason'],
  // The audit log's.
  'campaign.voidVotes': ['reason'],
  // Category keys and filters, not text.
  'campaign.nominate': ['category'],
  'campaign.addCandidate': ['category'],
  'campaign.adminListCandidates': ['category'],
  'study.listLectures': ['series'],
  // A lecture series that must exist already (a name to match, not new text).
  'roundtable.saveMeeting': ['series'],
  // Seen by the worker and the meeting's organisers only.
  'roundtable.signUp': ['topic', 'values'],
  // A scanned code, never stored.
  'roundtable.checkIn': ['code'],
  // The audit log's.
  'roundtable.markAttendance': ['reason'],
  // Seen by the raiser and the case's organisers alone.
  'cases.confirmCase': ['comment'],
  'cases.rateCase': ['comment'],
  'cases.reopenCase': ['reason'],
  // Seen by the order's worker and the goods' organisers alone.
  'volunteer.adminCancelOrder': ['reason'],
  'volunteer.checkIn': ['code'],
  // Answers are seen by the member and the activity's organisers only (as roundtable.signUp's).
  'volunteer.signUp': ['values'],
  'volunteer.checkOut': ['code'],
  // Review reasons are the member's to read (as user.verifyMember's).
  'volunteer.reviewMember': ['reason'],
  'volunteer.reviewClaim': ['reason'],
  'volunteer.addHonorHours': ['reason'],
};

/** Valid calls carrying fields the probes leave out (a station's address…), by action. */
const EXAMPLES: Record<string, (w: World) => unknown> = {
  ...FULL_EXAMPLES,
  // New goods with every text field.
  'volunteer.saveGoods': (w) => ({
    orgId: w.orgs.otherDistrict.id,
    name: '骑行头盔',
    description: '3C 认证半盔，夜间反光条',
    pickupNote: '另一区驿站，工作日 9:00–17:00',
    price: 100,
    stock: 5,
    onShelf: true,
  }),
  'user.registerWorker': (w) => ({
    ...(exampleInput('user', 'registerWorker', w) as object),
    isPartyMember: true,
    branchName: '某流动党支部',
  }),
  'station.saveStation': (w) => ({
    ...stationInput(w.orgs.otherDistrict.id, { name: '另一区新驿站', note: '夜间可扫码进入休息' }),
  }),
  'study.saveLecture': (w) => ({
    title: '安全骑行',
    speaker: '示例讲师',
    speakerTitle: '区委党校讲师',
    kind: 'article',
    durationSec: 60,
    body: '<p>正文内容</p>',
    series: '安全与健康',
    tags: ['安全'],
    quiz: [{ question: '题目一', options: ['甲', '乙'], answer: 0 }],
    orgId: w.orgs.otherDistrict.id,
  }),
  // A training class at an address (every text field a meeting can carry).
  'roundtable.saveMeeting': (w) =>
    meetingInput(w.orgs.otherDistrict.id, w.stationInOther, {
      kind: 'training',
      title: '互联网营销师培训班',
      venue: { name: '城东社区活动室', address: '示例路 8 号二楼', location: { lat: 29.51, lng: 106.51 } },
      training: { course: '互联网营销师（直播销售员）', outline: '直播选品与话术', classHours: 4, series: '测试' },
      questions: [{ key: 'q1', kind: 'single', label: '是否需要午餐', required: true, options: ['需要', '不需要'] }],
    }),
  'campaign.saveCampaign': (w) => ({
    ...(exampleInput('campaign', 'saveCampaign', w) as object),
    categories: [{ key: 'courier', name: '最美快递员', quota: 3 }],
  }),
};

let ip: InProcess;
let w: World;
let checked = 0;

beforeAll(async () => {
  ip = await startInProcess();
  w = await buildWorld(ip);
}, 60_000);
afterAll(async () => {
  console.log(`content check: ${checked} published text fields of ${targets.length} actions checked`);
  await ip.stop();
});

const targets = allActions().filter((a) => !['public', 'timer'].includes(a.def.access));

/** The Chinese label of a field, from the form that holds it (an array's own label for its items). */
function labelOf(root: Field, path: (string | number)[]): string {
  const key = [...path].reverse().find((k) => typeof k === 'string') as string;
  const at = path.lastIndexOf(key);
  const parent = fieldsOf(root).find((f) => f.path.join('.') === path.slice(0, at).join('.') && f.type === 'object');
  return labelsOf(parent!.schema as z.ZodType)?.[key] ?? key;
}

function withText(data: unknown, path: (string | number)[]): unknown | undefined {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> | undefined = copy;
  for (const k of path.slice(0, -1)) node = node?.[k] as Record<string | number, unknown> | undefined;
  const last = path.at(-1)!;
  if (!node || typeof node[last] !== 'string') return undefined;
  const old = node[last] as string;
  node[last] = old.length > BLOCKED.length ? old.slice(0, old.length - BLOCKED.length) + BLOCKED : BLOCKED;
  return copy;
}

describe.each(targets.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s', (name, { fn, action, def }) => {
  const root = describeSchema(def.input);
  const skip = [...NOT_PUBLISHED['*']!, ...(NOT_PUBLISHED[name] ?? [])];
  const texts = fieldsOf(root).filter(
    (f) => f.kind === 'text' && !skip.includes(String(f.path.filter((k) => typeof k === 'string').at(-1))),
  );
  const who =
    EXAMPLE_CALLERS[name] ??
    (['admin', 'superadmin'].includes(contractOf(fn)!.actions[action]!.access!)
      ? def.access === 'superadmin'
        ? SUPERADMIN
        : CALLERS.admin
      : OTHER_USER);

  if (!texts.length) it('takes no published text', () => expect(texts).toEqual([]));
  else
    it.each(texts.map((f) => [pathText(f.path), f] as const))(
      'a rejected word in %s: CONTENT_REJECTED naming it, nothing written',
      async (_p, field) => {
        const example = (EXAMPLES[name] ?? ((x: World) => exampleInput(fn, action, x)))(w);
        const data = withText(example, field.path);
        if (data === undefined)
          throw new Error(`${name}: its probe carries no ${pathText(field.path)}; add an example here`);
        expect(def.input.safeParse(data).success).toBe(true);
        const before = await ip.digest();
        const r = await ip.as(who).call(fn, action, data);
        expect(r).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
        expect((r as { message: string }).message).toContain(labelOf(root, field.path));
        expect(await ip.digest()).toBe(before);
        checked++;
      },
    );
});

describe('long and many texts', () => {
  it('a lecture body longer than one check still has all of it checked', async () => {
    const example = EXAMPLES['study.saveLecture']!(w) as Record<string, unknown>;
    const body = `<p>${'学习内容。'.repeat(1_000)}${BLOCKED}</p>`;
    const r = await ip.as(CALLERS.admin).call('study', 'saveLecture', { ...example, body });
    expect(r).toMatchObject({ ok: false, code: 'CONTENT_REJECTED', message: expect.stringContaining('正文') });
  });

  it('an imported sheet with a rejected row imports nothing and names the row', async () => {
    const csv = [
      '内容,出处',
      '学而时习之，不亦说乎？,《论语·学而》',
      `温故而知新${BLOCKED},《论语·为政》`,
      '敏于事而慎于言。,《论语·学而》',
    ];
    const { fileID } = await sdkFor(ip.emu).uploadFile({
      cloudPath: 'imports/checked.csv',
      fileContent: Buffer.from(csv.join('\n')),
    });
    const before = await ip.digest();
    const r = await ip
      .as(CALLERS.admin)
      .ok('office', 'importQuotes', { fileId: fileID, orgId: w.orgs.otherDistrict.id });
    expect(r).toEqual({ imported: 0, errors: [{ row: 3, message: '内容或出处包含不适宜发布的信息，请修改后再导入' }] });
    expect(await ip.digest()).toBe(before);
  });
});

describe('fail closed', () => {
  let bare: InProcess;
  beforeAll(async () => {
    bare = await startInProcess({ openApi: false });
    await bare.as(SUPERADMIN).ok('user', 'login');
  });
  afterAll(() => bare.stop());

  it('without the content check nothing is published: UNAVAILABLE, nothing written', async () => {
    const before = await bare.digest();
    const r = await bare.as(SUPERADMIN).call('user', 'saveOrg', { name: '示例区委', type: 'district', parentId: null });
    expect(r).toMatchObject({ ok: false, code: 'UNAVAILABLE', message: '内容安全检查暂时不可用，请稍后再试' });
    expect(await bare.digest()).toBe(before);
  });
});
