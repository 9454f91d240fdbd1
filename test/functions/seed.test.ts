// The demo data `npm start` and `--seed` provide, as other people's scenarios will
// meet it: through the functions, on seeded data.
import type { Campaign, Candidate, ResultEntry } from '../../typings/campaign';
import type { Page } from '../../typings/common';
import type { DailyQuote, LectureDetail, LectureSummary } from '../../typings/study';
import { seedDemoData } from '../../scripts/seed';
import { snapshotDb } from '../support/db-snapshot';
import { type FunctionsHarness, startFunctions } from '../support/functions';
import { sdkFor } from '../support/sdk';

let h: FunctionsHarness;
beforeAll(async () => {
  h = await startFunctions();
  await seedDemoData(h.emu, () => {});
  await h.as('seed-viewer').ok('user', 'login');
});
afterAll(() => h.stop());

it('seeding again changes nothing', async () => {
  const before = await snapshotDb(h.emu);
  await seedDemoData(h.emu, () => {});
  const strip = (s: string) =>
    s.replace(/"(createdAt|updatedAt|publishedAt|announcedAt)":\{[^}]*\}/g, '').replace(/"phases":\{[^}]*\}/g, '');
  expect(strip(await snapshotDb(h.emu))).toBe(strip(before));
});

it('has at least 30 quotes, each with a source; original lines are marked as sample content', async () => {
  const { data } = await h.db.collection('quotes').limit(100).get();
  expect(data.length).toBeGreaterThanOrEqual(30);
  for (const q of data as { text: string; source: string; sample: boolean }[]) {
    expect(q.source).not.toBe('');
    if (q.sample) expect(q.source).toContain('示例');
    else expect(q.source).toMatch(/《.+》/);
  }
  expect((await h.as('seed-viewer').ok<DailyQuote>('study', 'todayQuote')).quote.text).not.toBe('');
});

it('has 8 published lectures in 3 series, with playable media in storage', async () => {
  const list = await h
    .as('seed-viewer')
    .ok<Page<LectureSummary> & { series: string[] }>('study', 'listLectures', { pageSize: 50 });
  expect(list.items).toHaveLength(8);
  expect(list.series).toHaveLength(3);
  const video = list.items.find((l) => l.kind === 'video')!;
  const detail = await h.as('seed-viewer').ok<LectureDetail>('study', 'getLecture', { id: video.id });
  const { fileContent } = await sdkFor(h.emu).downloadFile({ fileID: detail.mediaFileId });
  expect((fileContent as Buffer).length).toBeGreaterThan(10_000);
});

it('has a campaign open for voting with 4 categories × 6 candidates, and a finished one with results', async () => {
  const voting = await h.as('seed-viewer').ok<Campaign>('campaign', 'getCampaign', { id: 'camp-voting' });
  expect(voting.phase).toBe('voting');
  expect(voting.categories.map((c) => c.name)).toEqual([
    '最美快递小哥',
    '最美外卖小哥',
    '最美网约车司机',
    '最美网络主播',
  ]);
  for (const cat of voting.categories) {
    const page = await h
      .as('seed-viewer')
      .ok<Page<Candidate>>('campaign', 'listCandidates', { campaignId: voting.id, category: cat.key });
    expect(page.items).toHaveLength(6);
  }
  const vote = await h.as('seed-viewer').call('campaign', 'vote', { candidateId: 'cv00' });
  expect(vote).toMatchObject({ ok: true });
  const done = await h
    .as('seed-viewer')
    .ok<{ announced: boolean; byCategory: { entries: ResultEntry[] }[] }>('campaign', 'results', {
      campaignId: 'camp-2025',
    });
  expect(done.announced).toBe(true);
  expect(done.byCategory.map((c) => c.entries.filter((e) => e.winner).length)).toEqual([5, 5, 5, 5]);
});
