// What the forms need from the server once per session: categories with their
// deadlines, the photo limit, the subscribe templates each side's taps request and
// the 随手拍 points. Loaded once and shared; a failure is tried again next time.
import type { CaseCategory, CaseKind, CaseOptions } from '../../../../typings/cases';
import type { SubscribeChoice, SubscribeGrant } from '../../../../typings/signup';
import { casesApi } from '../services/cases';

let pending: Promise<CaseOptions> | null = null;

export function caseOptions(): Promise<CaseOptions> {
  pending ??= casesApi('caseOptions', {}).catch((err: unknown) => {
    pending = null;
    throw err;
  });
  return pending;
}

/** "一般 5 个工作日内答复" / "当天答复" for a category, from the options. */
export function answerPromise(o: CaseOptions, kind: CaseKind, category: CaseCategory | ''): string {
  const info = o.categories.find((c) => c.kind === kind && c.key === category);
  if (!info) return '';
  return info.answerDays === 0 ? '当天答复' : `一般 ${info.answerDays} 个工作日内答复`;
}

const CHOICES: readonly SubscribeChoice[] = ['accept', 'reject', 'ban', 'filter'];

/**
 * Asks WeChat to let the app send these notices (the answered notice). WeChat
 * allows this only from a tap: call it synchronously at the start of the tap's
 * handler, before anything is awaited. Resolves with the answers — none when
 * nothing was asked or the request failed; a refusal never stops the action.
 */
export function askNotices(templateIds: string[]): Promise<SubscribeGrant[]> {
  if (!templateIds.length) return Promise.resolve([]);
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: templateIds,
      success: (res) => {
        const answers = res as unknown as Record<string, unknown>;
        resolve(
          templateIds.flatMap((templateId) => {
            const result = answers[templateId] as SubscribeChoice;
            return CHOICES.includes(result) ? [{ templateId, result }] : [];
          }),
        );
      },
      fail: () => resolve([]),
    });
  });
}
