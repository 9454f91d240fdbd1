// sitemap.json does what its description says: WeChat search may index public
// content pages; personal pages and every organiser page are not indexed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MINIPROGRAM = join(__dirname, '../../miniprogram');
const read = (file: string) => JSON.parse(readFileSync(join(MINIPROGRAM, file), 'utf8'));

interface Rule {
  action: 'allow' | 'disallow';
  page: string;
}

const app = read('app.json') as { pages: string[]; subpackages: { root: string; pages: string[] }[] };
const sitemap = read('sitemap.json') as { desc: string; rules: Rule[] };
const allPages = [...app.pages, ...app.subpackages.flatMap((sp) => sp.pages.map((p) => sp.root + p))];

/** Organiser pages: the admin subpackage, and each feature's `admin-` pages. */
const organiserPages = allPages.filter(
  (p) => p.startsWith('packages/admin/') || /\/pages\/admin-[^/]+\/index$/.test(p),
);

/** Pages about the signed-in user (or their own output), never worth a search result. */
const PERSONAL = [
  'pages/me/index',
  'packages/user/pages/profile/index',
  'packages/user/pages/register/index',
  'packages/user/pages/privacy/index',
  'packages/user/pages/points/index',
  'packages/study/pages/my-study/index',
  'packages/study/pages/poster/index',
  'packages/campaign/pages/nominate/index',
  'packages/campaign/pages/my-nominations/index',
  'packages/campaign/pages/poster/index',
  'packages/cases/pages/report/index',
  'packages/cases/pages/demand/index',
  'packages/cases/pages/mine/index',
  'packages/cases/pages/detail/index',
  'packages/roundtable/pages/mine/index',
  // The points shop: a rider's own shelf, balance and orders.
  'packages/volunteer/pages/shop/index',
  'packages/volunteer/pages/goods/index',
  'packages/volunteer/pages/orders/index',
  // Certificates and their verification: a holder's name and hours.
  'packages/volunteer/pages/certificate/index',
  'packages/volunteer/pages/verify/index',
  // Volunteer team: membership, hours, reports, statements, rankings of named members
  'packages/volunteer/pages/index/index',
  'packages/volunteer/pages/hours/index',
  'packages/volunteer/pages/report/index',
  'packages/volunteer/pages/statement/index',
  'packages/volunteer/pages/leaderboard/index',
];

/** Public content a search may well show. */
const PUBLIC = [
  'pages/home/index',
  'packages/study/pages/quotes/index',
  'packages/study/pages/lectures/index',
  'packages/study/pages/lecture/index',
  'packages/campaign/pages/index/index',
  'packages/campaign/pages/campaign/index',
  'packages/campaign/pages/candidate/index',
  'packages/campaign/pages/ranking/index',
  'packages/campaign/pages/results/index',
  'packages/station/pages/index/index',
  'packages/station/pages/station/index',
  'packages/cases/pages/board/index',
  'packages/roundtable/pages/index/index',
  'packages/roundtable/pages/meeting/index',
  'packages/volunteer/pages/activities/index',
  'packages/volunteer/pages/activity/index',
];

/** What the first matching rule says about a page (WeChat applies rules in order). */
const indexed = (page: string) => {
  const rule = sitemap.rules.find((r) => r.page === page || r.page === '*');
  return rule?.action === 'allow';
};

describe('sitemap.json', () => {
  it('does not index any organiser page', () => {
    expect(organiserPages.length).toBeGreaterThanOrEqual(13);
    expect(organiserPages.filter(indexed)).toEqual([]);
  });

  it('does not index personal pages', () => {
    for (const p of PERSONAL) expect(allPages).toContain(p);
    expect(PERSONAL.filter(indexed)).toEqual([]);
  });

  it('lets public content pages be indexed, and says so', () => {
    expect(PUBLIC.filter((p) => !indexed(p))).toEqual([]);
    expect(sitemap.rules[sitemap.rules.length - 1]).toEqual({ action: 'allow', page: '*' });
    expect(sitemap.desc).toMatch(/public content/);
    expect(sitemap.desc).toMatch(/organiser page/);
  });

  it('names only pages that exist', () => {
    const stale = sitemap.rules.filter((r) => r.page !== '*' && !allPages.includes(r.page)).map((r) => r.page);
    expect(stale).toEqual([]);
  });

  it('decides every page: each is personal, organiser or public', () => {
    const undecided = allPages.filter((p) => ![...PERSONAL, ...PUBLIC, ...organiserPages].includes(p));
    expect(undecided).toEqual([]);
  });
});
