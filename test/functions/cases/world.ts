// The cases function's tests run its exported main in this process, through the
// real SDK, against one in-memory emulator (database, storage, open-API stand-ins),
// with the clock pinned per call. The world: the demo-like org tree of the
// fixtures (a district with industry committees and branches, and another
// district), two registered riders, organisers at branch, committee and district
// level, and one of the other district.
import type { CaseAdminView, MyCase, SubmitCaseRequest } from '../../../typings/cases';
import type { MediaPush } from '../../../emulator/openapi/media-check';
import type { OutboxMessage } from '../../../emulator/openapi/state';
import type { MyProfile } from '../../../typings/user';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import type { Client } from '../../support/functions';
import { png } from '../../support/images';
import { type InProcess, startInProcess } from '../../support/in-process';
import { sdkFor } from '../../support/sdk';

export const RIDER = 'o-case-rider';
export const OTHER_RIDER = 'o-case-rider-2';
export const BRANCH_ADMIN = 'o-case-branch-admin';
export const BRANCH_ADMIN_2 = 'o-case-branch-admin-2';
export const INDUSTRY_ADMIN = 'o-case-industry-admin';
export const DISTRICT_ADMIN = 'o-case-district-admin';
export const OUTSIDER_ADMIN = 'o-case-outsider-admin';
export const VISITOR = 'o-case-visitor';

/** Beijing wall time as an ISO instant. */
export const bj = (s: string) => new Date(`${s}+08:00`).toISOString();
/** A held round table (see startCasesWorld). */
export const HELD_MEETING = 'rt-2026-11';

export interface CasesWorld {
  ip: InProcess;
  orgs: OrgFixture;
  rider: MyProfile;
  otherRider: MyProfile;
  as(openid: string, at: string): Client;
  /** A PNG uploaded to the user's own case folder (text: a tEXt chunk, e.g. a blocked word). */
  photo(userId: string, name: string, text?: string): Promise<string>;
  submit(openid: string, at: string, data: Partial<SubmitCaseRequest>): Promise<MyCase>;
  /** Media-check verdicts taken from the emulator and pushed to the function, as WeChat does. */
  deliverChecks(): Promise<MediaPush[]>;
  outbox(): Promise<OutboxMessage[]>;
  clearOutbox(): Promise<void>;
  adminView(caseId: string, at: string, openid?: string): Promise<CaseAdminView>;
  stop(): Promise<void>;
}

export const ANSWERED_TEMPLATE = 'dev-tpl-case-answered';
export const ORGANISER_TEMPLATES = ['dev-tpl-case-due-soon', 'dev-tpl-case-overdue', 'dev-tpl-case-escalated'];

export const demand = (overrides: Partial<SubmitCaseRequest> = {}): Partial<SubmitCaseRequest> => ({
  kind: 'demand',
  category: 'conditions',
  title: '驿站夜间充电桩不够用',
  description: '城东驿站晚上十点后只有两个充电桩能用，排队要一个小时，希望增加充电桩或延长开放时间。',
  ...overrides,
});

export async function startCasesWorld(): Promise<CasesWorld> {
  const ip = await startInProcess();
  const orgs = await seedOrgs(ip);
  const rider = await registerWorker(ip, RIDER, orgs.expressBranch.id, { realName: '王保密', phone: '13911112222' });
  const otherRider = await registerWorker(ip, OTHER_RIDER, orgs.expressBranch.id, {
    realName: '李隐私',
    phone: '13933334444',
  });
  await makeAdmin(ip, BRANCH_ADMIN, [orgs.expressBranch.id]);
  await makeAdmin(ip, BRANCH_ADMIN_2, [orgs.expressBranch.id]);
  await makeAdmin(ip, INDUSTRY_ADMIN, [orgs.express.id]);
  await makeAdmin(ip, DISTRICT_ADMIN, [orgs.district.id]);
  await makeAdmin(ip, OUTSIDER_ADMIN, [orgs.otherDistrict.id]);
  await ip.as(VISITOR).ok('user', 'login');
  // Every organiser accepts the organiser notices (one send each, many times over).
  for (const admin of [BRANCH_ADMIN, BRANCH_ADMIN_2, INDUSTRY_ADMIN, DISTRICT_ADMIN]) {
    for (let i = 0; i < 5; i++)
      await ip.as(admin).ok('cases', 'subscribeCaseNotices', {
        grants: ORGANISER_TEMPLATES.map((templateId) => ({ templateId, result: 'accept' })),
      });
  }
  const app = sdkFor(ip.emu);
  // The round table whose minutes the organisers' demands come from (the roundtable function's record).
  await app
    .database()
    .collection('meetings')
    .add({
      _id: HELD_MEETING,
      kind: 'roundtable',
      title: '11 月小哥圆桌会',
      status: 'published',
      orgId: orgs.expressBranch.id,
      startAt: new Date(bj('2026-10-30T14:00:00')),
      endAt: new Date(bj('2026-10-30T16:00:00')),
    });
  const as = (openid: string, at: string) => ip.as(openid).at(at);
  return {
    ip,
    orgs,
    rider,
    otherRider,
    as,
    async photo(userId, name, text) {
      return (await app.uploadFile({ cloudPath: `cases/${userId}/${name}`, fileContent: png({ text }) })).fileID;
    },
    submit: (openid, at, data) => as(openid, at).ok<MyCase>('cases', 'submitCase', data),
    async deliverChecks() {
      const pushes = (await (
        await fetch(`${ip.emu.url}/_emulator/openapi/media-checks/take`, { method: 'POST' })
      ).json()) as MediaPush[];
      for (const push of pushes) {
        const reply = await ip.invoke('cases', push, { openid: '' });
        if (!reply.ok) throw new Error(`push refused: ${reply.code} ${reply.message}`);
      }
      return pushes;
    },
    outbox: async () => (await (await fetch(`${ip.emu.url}/_emulator/outbox`)).json()) as OutboxMessage[],
    clearOutbox: async () => void (await fetch(`${ip.emu.url}/_emulator/outbox`, { method: 'DELETE' })),
    adminView: (caseId, at, openid = BRANCH_ADMIN) =>
      as(openid, at).ok<CaseAdminView>('cases', 'adminGetCase', { caseId }),
    stop: () => ip.stop(),
  };
}
