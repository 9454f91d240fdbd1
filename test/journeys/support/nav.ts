// Moving between pages where the page itself has nothing to tap: the journey's
// first page, and the navigation bar's back arrow (WeChat's own, outside the WXML).
import type MiniProgram from 'miniprogram-automator/out/MiniProgram';
import type Page from 'miniprogram-automator/out/Page';
import { waitForPage } from './steps';

/** Opens the journey's first page and returns it once it is the current page. */
export async function start(mp: MiniProgram, url: string): Promise<Page> {
  await mp.reLaunch(url);
  return waitForPage(mp, url);
}

/** The back arrow, `delta` pages, and the page it lands on (`path`). */
export async function goBack(mp: MiniProgram, path: string, delta = 1): Promise<Page> {
  await mp.callWxMethod('navigateBack', { delta });
  return waitForPage(mp, path);
}
