// Arrangements for the case pages' tests, through the real functions on the page
// backend: the clock pinned to a 2026 working day (deadlines need the working-day
// calendar, which covers 2026), riders and organisers, demands and reports, and
// what the pages sent and WeChat was asked.
import http from 'node:http';
import type { CaseAdminView, MyCase, SubmitCaseRequest } from '../../../typings/cases';
import { callAs, pinNow, uploadAs } from './backend';
import { getProfile, login } from './fixtures';
import { wxDouble } from './page';

/** Tuesday 2026-12-01, 10:00 Beijing: a working day. */
export const AT = '2026-12-01T02:00:00.000Z';
const DAY_MS = 86_400_000;
/** `days` after AT (Beijing wall time moves the same). */
export const after = (days: number, from = AT) => new Date(Date.parse(from) + days * DAY_MS).toISOString();

/** Pins the server's clock (every following call, the pages' too) to AT, or to `at`. */
export const pinClock = (at: string = AT) => pinNow(at);

export const ANSWERED_TEMPLATE = 'dev-tpl-case-answered';

export const demandRequest = (overrides: Partial<SubmitCaseRequest> = {}): SubmitCaseRequest => ({
  kind: 'demand',
  category: 'conditions',
  title: '驿站夜间充电桩不够用',
  description: '城东驿站晚上十点后只有两个充电桩能用，排队要一个小时，希望增加充电桩或延长开放时间。',
  ...overrides,
});

/** A demand submitted by `openid` (registered) at the pinned time. */
export function submitDemand(openid: string, overrides: Partial<SubmitCaseRequest> = {}): Promise<MyCase> {
  return callAs<MyCase>(openid, 'cases', 'submitCase', demandRequest(overrides));
}

/** A 随手拍 report with one photo uploaded to the reporter's own folder. */
export async function submitReport(openid: string, overrides: Partial<SubmitCaseRequest> = {}): Promise<MyCase> {
  await login(openid);
  const { userId } = await getProfile(openid);
  const photo = await uploadAs(openid, `cases/${userId}/${Date.now()}-0.png`);
  return callAs<MyCase>(openid, 'cases', 'submitCase', {
    kind: 'report',
    category: 'road',
    photos: [photo],
    description: '路口井盖缺失',
    address: '示例路与文化路口',
    ...overrides,
  });
}

/** An organiser's action on a case, through the function (as another organiser, racing the page). */
export const act = (openid: string, action: string, data: Record<string, unknown>) =>
  callAs<CaseAdminView>(openid, 'cases', action, data);

/** The calls the pages made to the cases function, by action. */
export function caseCalls(action: string): Record<string, unknown>[] {
  return (
    wxDouble().callsOf('cloud.callFunction') as {
      name: string;
      data: { action: string; data: Record<string, unknown> };
    }[]
  )
    .filter((c) => c.name === 'cases' && c.data.action === action)
    .map((c) => c.data.data);
}

/** The photo picker answers with these temp files (wx.chooseMedia). */
export function pickPhotos(paths: string[]): void {
  (wx as unknown as { chooseMedia: unknown }).chooseMedia = jest.fn(() =>
    Promise.resolve({ type: 'image', tempFiles: paths.map((tempFilePath) => ({ tempFilePath, fileType: 'image' })) }),
  );
}

export interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
}

/** The subscribe messages the emulator sent (node's http: jsdom has no fetch). */
export function outbox(backendUrl: string): Promise<SentMessage[]> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL('/_emulator/outbox', backendUrl), (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentMessage[]));
      })
      .on('error', reject);
  });
}
