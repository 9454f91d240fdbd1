// Arrangements for the points shop's page tests: goods saved by an organiser
// through the real function, points given through the ledger's own code (the
// shared points store, pointed at the page backend's emulator, so every balance
// equals its ledger sum), orders placed by the API, and the organiser's camera.
import { randomUUID } from 'node:crypto';
import type { AdminGoods, RedeemReceipt, SaveGoodsRequest } from '../../../typings/volunteer-shop';
import { awardPoints } from '../../../cloudfunctions/_shared/stores/points';
import type { RunningEmulator } from '../../../emulator/registry';
import { goodsInput } from '../../support/goods';
import { pointSharedCodeAt } from '../../support/in-process';
import { type CanvasRecording, installRecordingCanvas, takeRecordings } from '../../screens/canvas';
import { callAs, startBackend } from './backend';
import { getProfile, makeAdmin, type PageOrgs, registerWorker, seedOrgs } from './fixtures';
import { flush, type RenderedPage, waitFor } from './page';
import { render } from './ui';

/** Lets the test process run the shared stores against the page backend. */
export function shareBackend(backend: { adminUrl: string; envId: string }): void {
  pointSharedCodeAt(backend as unknown as RunningEmulator);
}

/** Gives `openid` (a registered worker) `amount` points, as volunteer hours would. */
export async function givePoints(openid: string, amount: number): Promise<void> {
  const { userId } = await getProfile(openid);
  const key = `page-test-${randomUUID()}`;
  await awardPoints({
    userId,
    amount,
    reason: 'volunteer_hours',
    title: '志愿服务时长折算',
    sourceId: key,
    key,
    now: new Date(),
  });
}

export const addGoods = (admin: string, orgId: string, over: Partial<SaveGoodsRequest> = {}) =>
  callAs<AdminGoods>(admin, 'volunteer', 'saveGoods', goodsInput(orgId, over));

export const redeemAs = (openid: string, goodsId: string, extra: object = {}) =>
  callAs<RedeemReceipt>(openid, 'volunteer', 'redeem', { goodsId, requestId: randomUUID(), ...extra });

export const balanceOf = async (openid: string) => (await getProfile(openid)).points.balance;

export const SHOP_ADMIN = 'shop-page-admin';

export interface ShopPageWorld {
  backend: Awaited<ReturnType<typeof startBackend>>;
  orgs: PageOrgs;
}

/**
 * A page backend with the org fixture, the first district's organiser and `rider`
 * registered in its express branch with `points`; the recording canvas draws QR codes.
 */
export async function startShopPages(rider: string, points: number): Promise<ShopPageWorld> {
  const backend = await startBackend(rider);
  shareBackend(backend);
  installRecordingCanvas(() => (id) => id);
  const orgs = await seedOrgs();
  await makeAdmin(SHOP_ADMIN, [orgs.district.id]);
  await registerWorker(rider, orgs.expressBranch.id);
  if (points > 0) await givePoints(rider, points);
  return { backend, orgs };
}

/** Opens a page the way WeChat does (render, then onLoad with the query) and waits for its first load. */
export async function openPage(pageId: string, query: object = {}): Promise<RenderedPage> {
  const page = render(pageId);
  const instance = page.instance as unknown as { onLoad?(q: object): Promise<void> | void };
  await instance.onLoad?.(query);
  await waitFor(() => expect(page.data.status ?? page.data.list?.status).not.toBe('loading'));
  await flush();
  return page;
}

/** The canvases drawn since the last takeRecordings(), once there is one. */
export async function drawnCanvases(): Promise<CanvasRecording[]> {
  let recs: CanvasRecording[] = [];
  await waitFor(() => {
    recs = recs.concat(takeRecordings());
    expect(recs.length).toBeGreaterThan(0);
  });
  return recs;
}

/** Dark modules drawn on the last QR canvas: every fillRect after the white background. */
export const drawnModules = (recs: CanvasRecording[]) =>
  recs[recs.length - 1]!.calls.filter((c) => c[0] === 'call' && c[1] === 'fillRect').length - 1;
