// What the study journey arranges through the functions: today's quote and a
// short article lecture, published by an organiser.
import type { LectureAdminView, QuoteAdminView } from '../../../typings/study';
import type { Call } from '../../support/arrange';
import { lectureInput } from '../../support/study-inputs';

/** A quote of `orgId`; as the only one, it is the day's pick (nothing is scheduled). */
export function publishQuote(call: Call, admin: string, orgId: string, text: string, source: string) {
  return call<QuoteAdminView>(admin, 'study', 'saveQuote', { text, source, sample: false, orgId });
}

/**
 * A published article lecture of 30 s reading, the shortest the functions accept.
 * It is studied honestly: the page reports reading seconds every 15 s and the
 * server credits no more than the time that passed, so completing it (90 %)
 * takes the page's second report — about 30 s of the lecture being shown.
 */
export async function publishedArticle(call: Call, admin: string, orgId: string, title: string) {
  const saved = await call<LectureAdminView>(
    admin,
    'study',
    'saveLecture',
    lectureInput(orgId, {
      title,
      kind: 'article',
      durationSec: 30,
      series: '安全与健康',
      body: '<p>雨天路滑，提前减速；夜间骑行，打开车灯，穿反光背心。</p><p>接单再急，也不闯红灯、不逆行。</p>',
    }),
  );
  return call<LectureAdminView>(admin, 'study', 'setLecturePublished', { id: saved.id, published: true });
}
