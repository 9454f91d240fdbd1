// The permission matrix and the privacy rule, over every action of every function.
// Actions are enumerated from the handler maps, so a new action without a probe
// here fails this test instead of shipping unchecked.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ActionDef } from '../../cloudfunctions/_shared/function';
import { loadCloudbaseConfig } from '../../scripts/manifests/cloudbaserc';
import type { MyProfile } from '../../typings/user';
import { campaignInput, campaignWithCandidates } from '../support/campaign-fixtures';
import { snapshotDb } from '../support/db-snapshot';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../support/fixtures';
import { type FunctionsHarness, startFunctions, SUPERADMIN } from '../support/functions';

interface World {
  orgs: OrgFixture;
  quoteInOther: string;
  lectureInOther: string;
  /** Campaigns of the other district: one taking nominations, one voting (with a candidate). */
  nominatingInOther: string;
  votingInOther: string;
  candidateInOther: string;
  nominationInOther: string;
  /** A worker registered in the first district (in scope of that district's admins). */
  worker: MyProfile;
  /** A worker in the other district: out of scope for the admin under test. */
  outsider: MyProfile;
}

/**
 * For each privileged action: an input that targets something outside the admin's
 * scope. The admin under test administers the first district, unless a probe says
 * `{ as: BRANCH_ADMIN, data }` (for settings that need a district-level admin).
 */
type Probe = (w: World) => unknown;
const BRANCH_ADMIN = 'o-branch-admin';
const asBranchAdmin = (data: unknown) => ({ as: BRANCH_ADMIN, data });
const ADMIN_PROBES: Record<string, Record<string, Probe>> = {
  user: {
    listUsers: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    setRoles: (w) => ({ userId: w.outsider.userId, admin: true, adminOrgIds: [w.orgs.otherDistrict.id] }),
    verifyMember: (w) => ({ userId: w.outsider.userId, approve: true }),
    saveOrg: (w) => ({ name: '越权新建', type: 'branch', parentId: w.orgs.otherDistrict.id }),
    deleteOrg: (w) => ({ id: w.orgs.otherBranch.id }),
    listAuditLogs: () => ({}),
  },
  study: {
    adminListQuotes: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    saveQuote: (w) => ({ text: '越权金句', source: '测试', orgId: w.orgs.otherDistrict.id }),
    deleteQuote: (w) => ({ id: w.quoteInOther }),
    scheduleQuote: (w) => asBranchAdmin({ day: '2099-01-01', quoteId: w.quoteInOther }),
    adminListLectures: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    adminGetLecture: (w) => ({ id: w.lectureInOther }),
    saveLecture: (w) => ({
      title: '越权课程',
      speaker: '某',
      kind: 'article',
      durationSec: 60,
      body: '<p>x</p>',
      series: 'x',
      orgId: w.orgs.otherDistrict.id,
    }),
    setLecturePublished: (w) => ({ id: w.lectureInOther, published: false }),
    studyStats: (w) => ({ from: '2026-01-01', to: '2026-01-31', orgId: w.orgs.otherDistrict.id }),
  },
  campaign: {
    saveCampaign: (w) => campaignInput(w.orgs.otherDistrict.id, Date.now(), 'voting'),
    listNominations: (w) => ({ campaignId: w.nominatingInOther }),
    adminListCandidates: (w) => ({ campaignId: w.votingInOther }),
    reviewNomination: (w) => ({ id: w.nominationInOther, approve: true }),
    addCandidate: (w) => ({
      campaignId: w.votingInOther,
      category: 'courier',
      name: '越权候选人',
      platform: '某平台',
      deeds: '越权添加的候选人事迹，长度超过二十个字。',
      photos: [],
    }),
    updateCandidate: (w) => ({
      id: w.candidateInOther,
      name: '改名',
      platform: '某平台',
      deeds: '越权修改的候选人事迹，长度超过二十个字。',
      photos: [],
    }),
    setJuryScores: (w) => ({ campaignId: w.votingInOther, scores: [{ candidateId: w.candidateInOther, score: 90 }] }),
    voidVotes: (w) => ({ campaignId: w.votingInOther, voterIds: ['someone'], reason: '越权作废' }),
    fraudReport: (w) => ({ campaignId: w.votingInOther }),
    announce: (w) => ({ campaignId: w.votingInOther }),
  },
  scheduler: {
    upkeep: () => ({}),
  },
  office: {
    importQuotes: (w) => ({ fileId: 'cloud://local-dev.b/imports/x.csv', orgId: w.orgs.otherDistrict.id }),
    exportCampaign: (w) => ({ campaignId: w.votingInOther }),
  },
};

/** For each other action: a call a second user might make, whose reply must not leak the first user's data. */
const USER_PROBES: Record<string, Record<string, (w: World) => unknown>> = {
  user: {
    login: () => ({}),
    getProfile: () => ({}),
    updateProfile: () => ({ nickname: '路人' }),
    registerWorker: (w) => ({
      realName: '路人甲',
      phone: '13700000000',
      occupation: 'other',
      platform: '无',
      orgId: w.orgs.station.id,
      isPartyMember: false,
      consent: true,
      consentVersion: '2026-11',
    }),
    myPoints: () => ({}),
    listOrgs: () => ({}),
    listStations: () => ({}),
    deleteAccount: () => ({ confirm: true }),
  },
  study: {
    todayQuote: () => ({}),
    listQuotes: () => ({}),
    checkIn: () => ({}),
    favoriteQuote: (w) => ({ quoteId: w.quoteInOther, favorite: true }),
    listFavorites: () => ({}),
    quotePosterCode: () => ({ day: '2026-11-28' }),
    myStudy: () => ({}),
    listLectures: () => ({}),
    getLecture: (w) => ({ id: w.lectureInOther }),
    reportProgress: (w) => ({ lectureId: w.lectureInOther, positionSec: 5 }),
    submitQuiz: (w) => ({ lectureId: w.lectureInOther, answers: [0] }),
  },
  campaign: {
    listCampaigns: () => ({}),
    getCampaign: (w) => ({ id: w.votingInOther }),
    nominate: (w) => ({
      campaignId: w.nominatingInOther,
      category: 'courier',
      relation: 'self',
      nomineeName: '路人乙',
      platform: '某平台',
      phone: '13700000001',
      deeds: '路人乙的事迹描述，长度需要超过二十个字才可以提交。',
      photos: [],
    }),
    myNominations: () => ({}),
    listCandidates: (w) => ({ campaignId: w.votingInOther }),
    getCandidate: (w) => ({ id: w.candidateInOther }),
    vote: (w) => ({ candidateId: w.candidateInOther }),
    myVotes: (w) => ({ campaignId: w.votingInOther }),
    ranking: (w) => ({ campaignId: w.votingInOther, category: 'courier' }),
    results: (w) => ({ campaignId: w.votingInOther }),
    candidatePosterCode: (w) => ({ candidateId: w.candidateInOther }),
  },
};

const PRIVILEGED = new Set(['admin', 'superadmin', 'timer']);

function functionHandlers(): [string, Record<string, ActionDef<unknown, unknown>>][] {
  return loadCloudbaseConfig()
    .functions.map((f) => f.name)
    .filter((name) => existsSync(resolve(__dirname, `../../cloudfunctions/${name}/handlers.ts`)))
    .map((name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(`../../cloudfunctions/${name}/handlers`) as {
        handlers: Record<string, ActionDef<unknown, unknown>>;
      };
      return [name, mod.handlers];
    });
}

const ALL = functionHandlers();
const privileged = ALL.flatMap(([fn, map]) =>
  Object.entries(map)
    .filter(([, def]) => PRIVILEGED.has(def.access))
    .map(([action, def]) => [fn, action, def.access] as const),
);
const open = ALL.flatMap(([fn, map]) =>
  Object.entries(map)
    .filter(([, def]) => !PRIVILEGED.has(def.access))
    .map(([action]) => [fn, action] as const),
);

let h: FunctionsHarness;
let w: World;

beforeAll(async () => {
  h = await startFunctions();
  const orgs = await seedOrgs(h);
  const worker = await registerWorker(h, 'o-worker', orgs.expressBranch.id, {
    realName: '赵保密',
    phone: '13812345678',
  });
  const outsider = await registerWorker(h, 'o-outsider', orgs.otherBranch.id, {
    realName: '钱隐私',
    phone: '13787654321',
    isPartyMember: true,
    branchName: '另一区党支部',
  });
  await makeAdmin(h, 'o-admin', [orgs.district.id]);
  await makeAdmin(h, BRANCH_ADMIN, [orgs.expressBranch.id]);
  const su = h.as(SUPERADMIN);
  const quote = await su.ok<{ id: string }>('study', 'saveQuote', {
    text: '另一区的金句',
    source: '测试',
    orgId: orgs.otherDistrict.id,
  });
  const lecture = await su.ok<{ id: string }>('study', 'saveLecture', {
    title: '另一区的课程',
    speaker: '某讲师',
    kind: 'article',
    durationSec: 60,
    body: '<p>正文</p>',
    series: '测试',
    quiz: [{ question: '题目一', options: ['甲', '乙'], answer: 0 }],
    orgId: orgs.otherDistrict.id,
  });
  await su.ok('study', 'setLecturePublished', { id: lecture.id, published: true });
  // Opened once, so progress and quiz probes reach their real logic.
  await h.as('o-other').ok('user', 'login');
  await h.as('o-other').ok('study', 'getLecture', { id: lecture.id });
  const nominating = await su.ok<{ id: string }>(
    'campaign',
    'saveCampaign',
    campaignInput(orgs.otherDistrict.id, Date.now(), 'nomination'),
  );
  const voting = await campaignWithCandidates(h, SUPERADMIN, orgs, {
    phase: 'voting',
    perCategory: 1,
    overrides: { orgId: orgs.otherDistrict.id },
  });
  // The outsider's nomination carries their real name and phone: it must not leak either.
  const nomination = await h.as('o-outsider').ok<{ id: string }>('campaign', 'nominate', {
    campaignId: nominating.id,
    category: 'courier',
    relation: 'self',
    nomineeName: '钱隐私',
    platform: '某平台',
    phone: '13787654321',
    deeds: '钱隐私的事迹描述，长度需要超过二十个字才可以提交。',
    photos: [],
  });
  w = {
    orgs,
    worker,
    outsider,
    quoteInOther: quote.id,
    lectureInOther: lecture.id,
    nominatingInOther: nominating.id,
    votingInOther: voting.campaign.id,
    candidateInOther: voting.candidates[0]!.id,
    nominationInOther: nomination.id,
  };
});
afterAll(() => h.stop());

describe('every privileged action has a probe', () => {
  it.each(privileged)('%s.%s (%s)', (fn, action) => {
    expect(ADMIN_PROBES[fn]?.[action]).toBeDefined();
  });
  it.each(open)('%s.%s has a privacy probe', (fn, action) => {
    expect(USER_PROBES[fn]?.[action]).toBeDefined();
  });
});

function probeFor(fn: string, action: string): { admin: string; data: unknown } {
  const probe = ADMIN_PROBES[fn]![action]!(w);
  if (probe && typeof probe === 'object' && 'as' in probe) {
    const p = probe as { as: string; data: unknown };
    return { admin: p.as, data: p.data };
  }
  return { admin: 'o-admin', data: probe };
}

describe('a non-admin is refused every privileged action, before its input is even read, and nothing is written', () => {
  it.each(privileged)('%s.%s', async (fn, action) => {
    const before = await snapshotDb(h.emu);
    const { data } = probeFor(fn, action);
    expect(await h.as('o-worker').call(fn, action, data)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.as('o-worker').call(fn, action, { bogus: { $gt: '' } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await snapshotDb(h.emu)).toBe(before);
  });
});

describe('an admin outside the target’s scope is refused, and nothing is written', () => {
  it.each(privileged)('%s.%s', async (fn, action) => {
    const before = await snapshotDb(h.emu);
    const { admin, data } = probeFor(fn, action);
    expect(await h.as(admin).call(fn, action, data)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await snapshotDb(h.emu)).toBe(before);
  });
});

describe('another user’s real name and phone never appear in a reply', () => {
  it.each(open)('%s.%s', async (fn, action) => {
    await h.as('o-other').ok('user', 'login');
    const reply = JSON.stringify(await h.as('o-other').call(fn, action, USER_PROBES[fn]![action]!(w)));
    for (const secret of ['赵保密', '13812345678', '钱隐私', '13787654321']) expect(reply).not.toContain(secret);
  });
});
