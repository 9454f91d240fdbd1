// Files clients upload straight to storage, as the functions accept them
// (cloudfunctions/_shared/files.ts). Generated: every field of every action that
// takes a file id refuses one of another environment, naming the field, with
// nothing written. Then, field by field: a user's own uploads must be theirs,
// exist, be of the field's type and size, and (when published) pass WeChat's image
// check; a deleted account's files are deleted. In-process.
import { FILE_RULES } from '../../cloudfunctions/_shared/files';
import { labelsOf } from '../../cloudfunctions/_shared/validation';
import type { z } from 'zod';
import type { MyProfile } from '../../typings/user';
import { SUPERADMIN } from '../support/arrange';
import { campaignInput } from '../support/campaign-fixtures';
import { registerWorker } from '../support/fixtures';
import { MP4, png } from '../support/images';
import { type InProcess, startInProcess } from '../support/in-process';
import { allActions, describeSchema, fieldsOf, pathText } from '../support/schemas';
import { sdkFor } from '../support/sdk';
import {
  buildWorld,
  CALLERS,
  EXAMPLE_CALLERS,
  exampleInput,
  FULL_EXAMPLES,
  OTHER_USER,
  type World,
} from '../support/world';

let ip: InProcess;
let w: World;

beforeAll(async () => {
  ip = await startInProcess();
  w = await buildWorld(ip);
}, 60_000);
afterAll(() => ip.stop());

const upload = async (cloudPath: string, content: Buffer) =>
  (await sdkFor(ip.emu).uploadFile({ cloudPath, fileContent: content })).fileID;
const storedPaths = async () =>
  ((await (await fetch(`${ip.emu.url}/_emulator/storage`)).json()) as { cloudPath: string }[]).map((f) => f.cloudPath);

/** Valid calls that carry each file field (the probes leave most of them out). */
const EXAMPLES: Record<string, (w: World) => Record<string, unknown>> = {
  ...FULL_EXAMPLES,
  'user.updateProfile': () => ({}),
  'study.saveLecture': (x) => ({
    title: '安全骑行',
    speaker: '示例讲师',
    kind: 'video',
    durationSec: 60,
    series: '安全与健康',
    mediaFileId: 'cloud://local-dev.local-1250000000/lectures/v.mp4',
    orgId: x.orgs.otherDistrict.id,
  }),
  'campaign.saveCampaign': (x) =>
    campaignInput(x.orgs.otherDistrict.id, Date.now(), 'voting') as unknown as Record<string, unknown>,
};

const fileFields = allActions().flatMap(({ fn, action, def }) =>
  fieldsOf(describeSchema(def.input))
    .filter((f) => f.kind === 'fileId')
    .map((f) => ({ name: `${fn}.${action}`, fn, action, def, field: f })),
);

describe('every field that takes a file id refuses a file of another environment, naming the field', () => {
  it('finds the fields', () => {
    expect(fileFields.map((f) => `${f.name} ${pathText(f.field.path)}`)).toEqual(
      expect.arrayContaining([
        'user.updateProfile avatarFileId',
        'campaign.nominate photos.0',
        'office.importQuotes fileId',
      ]),
    );
  });

  it.each(fileFields.map((f) => [`${f.name} ${pathText(f.field.path)}`, f] as const))('%s', async (_n, f) => {
    const example = structuredClone(
      (EXAMPLES[f.name] ?? ((x: World) => exampleInput(f.fn, f.action, x) as Record<string, unknown>))(w),
    ) as Record<string, unknown>;
    const [key, index] = f.field.path as [string, number | undefined];
    const foreign = 'cloud://another-env.bucket-1/avatars/x/photo.png';
    example[key] = index === undefined ? foreign : [foreign];
    expect(f.def.input.safeParse(example).success).toBe(true);
    const who =
      EXAMPLE_CALLERS[f.name] ?? (['admin', 'superadmin'].includes(f.def.access) ? CALLERS.admin : OTHER_USER);
    const before = await ip.digest();
    const r = await ip.as(who).call(f.fn, f.action, example);
    const label = labelsOf(f.def.input as z.ZodType)?.[key] ?? key;
    expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining(`「${label}`) });
    expect((r as { message: string }).message).toContain('：不是本小程序存储里的文件');
    expect(await ip.digest()).toBe(before);
  });
});

describe('a user’s avatar', () => {
  let me: MyProfile;
  beforeAll(async () => {
    me = (await ip.as('o-avatar').ok<{ profile: MyProfile }>('user', 'login')).profile;
  });
  const set = (avatarFileId: string) => ip.as('o-avatar').call('user', 'updateProfile', { avatarFileId });

  it.each([
    ['another user’s folder', () => upload(`avatars/${w.worker.userId}/a.png`, png()), '「头像」：不是你上传的文件'],
    ['another folder', () => upload(`nominations/x/a.png`, png()), '「头像」：不是你上传的文件'],
    [
      'no such file',
      async () => `cloud://local-dev.local-1250000000/avatars/${me.userId}/none.png`,
      '「头像」：找不到上传的文件',
    ],
    ['not an image by name', () => upload(`avatars/${me.userId}/a.txt`, Buffer.from('hi')), '「头像」：应为图片'],
    ['not an image inside', () => upload(`avatars/${me.userId}/b.png`, Buffer.from('hi')), '「头像」：内容不是图片'],
    [
      'over 2 MB',
      () => upload(`avatars/${me.userId}/big.png`, png({ size: 2 * 1024 * 1024 + 1 })),
      '「头像」：不能超过 2 MB',
    ],
  ])('in %s is refused, naming the field, nothing written', async (_n, make, message) => {
    const id = await make();
    const before = await ip.digest();
    expect(await set(id)).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining(message),
    });
    expect(await ip.digest()).toBe(before);
  });

  it('its own image is accepted; replacing it deletes the old file', async () => {
    const first = await upload(`avatars/${me.userId}/1.png`, png());
    const second = await upload(`avatars/${me.userId}/2.png`, png());
    expect(await set(first)).toMatchObject({ ok: true, data: { avatarFileId: first } });
    expect(await set(second)).toMatchObject({ ok: true, data: { avatarFileId: second } });
    const paths = await storedPaths();
    expect(paths).toContain(`avatars/${me.userId}/2.png`);
    expect(paths).not.toContain(`avatars/${me.userId}/1.png`);
  });

  it('passes WeChat’s image check, since others see it (a meeting shows who is coming by avatar)', async () => {
    const risky = await upload(`avatars/${me.userId}/risky.png`, png({ text: '违禁词' }));
    const before = await ip.digest();
    expect(await set(risky)).toMatchObject({
      ok: false,
      code: 'CONTENT_REJECTED',
      message: expect.stringContaining('头像'),
    });
    expect(await ip.digest()).toBe(before);
  });
});

describe('nomination photos are published: WeChat’s image check and its 1 MB', () => {
  let me: MyProfile;
  const nominate = (photos: string[]) =>
    ip.as('o-photos').call('campaign', 'nominate', { ...(exampleInput('campaign', 'nominate', w) as object), photos });
  beforeAll(async () => {
    me = (await ip.as('o-photos').ok<{ profile: MyProfile }>('user', 'login')).profile;
  });

  it('an image the check rejects is CONTENT_REJECTED naming the photo, nothing written', async () => {
    const fine = await upload(`nominations/${me.userId}/ok.jpg`, png());
    const risky = await upload(`nominations/${me.userId}/risky.jpg`, png({ text: '违禁词' }));
    const before = await ip.digest();
    expect(await nominate([fine, risky])).toMatchObject({
      ok: false,
      code: 'CONTENT_REJECTED',
      message: '照片第 2 个包含不适宜发布的内容，请更换后再提交',
    });
    expect(await ip.digest()).toBe(before);
  });

  it('over 1 MB is refused before the check', async () => {
    const big = await upload(
      `nominations/${me.userId}/big.jpg`,
      png({ size: FILE_RULES.nominationPhoto.maxBytes + 1 }),
    );
    expect(await nominate([big])).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '输入有误「照片」：不能超过 1 MB',
    });
  });
});

describe('organisers’ published files exist, are what they say, and published images pass the image check', () => {
  const lecture = (over: object) => ({ ...EXAMPLES['study.saveLecture']!(w), ...over });
  const save = (data: object) => ip.as(CALLERS.admin).call('study', 'saveLecture', data);

  it('a lecture’s video that was never uploaded is refused', async () => {
    const r = await save(lecture({ mediaFileId: 'cloud://local-dev.local-1250000000/lectures/missing.mp4' }));
    expect(r).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '输入有误「媒体文件」：找不到上传的文件，请重新上传',
    });
  });

  it('an audio lecture given a video is refused by type', async () => {
    const video = await upload('lectures/talk.mp4', MP4);
    const r = await save(lecture({ kind: 'audio', mediaFileId: video }));
    expect(r).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('「媒体文件」：应为音频') });
  });

  it('a cover the image check rejects is CONTENT_REJECTED; an acceptable one is saved', async () => {
    const video = await upload('lectures/ok.mp4', MP4);
    const risky = await upload('lectures/covers/risky.png', png({ text: '违禁词' }));
    const before = await ip.digest();
    expect(await save(lecture({ mediaFileId: video, coverFileId: risky }))).toMatchObject({
      code: 'CONTENT_REJECTED',
      message: '封面包含不适宜发布的内容，请更换后再提交',
    });
    expect(await ip.digest()).toBe(before);
    const fine = await upload('lectures/covers/fine.png', png());
    expect(await save(lecture({ mediaFileId: video, coverFileId: fine }))).toMatchObject({
      ok: true,
      data: { coverFileId: fine, mediaFileId: video },
    });
  });

  it('a candidate photo over 1 MB, and a campaign cover that is not an image inside, are refused', async () => {
    const big = await upload(`candidates/${w.votingInOther}/big.jpg`, png({ size: 1024 * 1024 + 1 }));
    const add = await ip.as(CALLERS.admin).call('campaign', 'addCandidate', {
      ...(exampleInput('campaign', 'addCandidate', w) as object),
      photos: [big],
    });
    expect(add).toMatchObject({ code: 'INVALID_ARGUMENT', message: '输入有误「照片」：不能超过 1 MB' });
    const fake = await upload('campaigns/covers/fake.jpg', Buffer.from('not an image'));
    const saved = await ip.as(CALLERS.admin).call('campaign', 'saveCampaign', {
      ...campaignInput(w.orgs.otherDistrict.id, Date.now(), 'voting'),
      coverFileId: fake,
    });
    expect(saved).toMatchObject({ code: 'INVALID_ARGUMENT', message: '输入有误「封面」：内容不是图片，请重新上传' });
  });
});

describe('an import sheet', () => {
  it.each([
    ['outside imports/', 'quotes/a.csv', Buffer.from('内容,出处\n学而,论语'), '不在imports/下'],
    ['of another type', 'imports/a.txt', Buffer.from('x'), '应为Excel 或 CSV 表格'],
    ['named .xlsx but not one', 'imports/fake.xlsx', Buffer.from('内容,出处'), '内容不是Excel 或 CSV 表格'],
  ])('%s is refused naming the field', async (_n, path, content, message) => {
    const fileId = await upload(path, content);
    const r = await ip.as(CALLERS.admin).call('office', 'importQuotes', { fileId, orgId: w.orgs.otherDistrict.id });
    expect(r).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining(`「上传的文件」：${message}`),
    });
  });
});

describe('deleting an account deletes its files', () => {
  it('the avatar and the photos of unapproved nominations go; an approved nomination’s photos are a candidate’s and stay', async () => {
    const gone = await registerWorker(ip, 'o-leaving', w.orgs.expressBranch.id, {
      realName: '周离开',
      phone: '13822223333',
    });
    const avatar = await upload(`avatars/${gone.userId}/me.png`, png());
    await ip.as('o-leaving').ok('user', 'updateProfile', { avatarFileId: avatar });
    const pendingPhoto = await upload(`nominations/${gone.userId}/pending.jpg`, png());
    const approvedPhoto = await upload(`nominations/${gone.userId}/approved.jpg`, png());
    const base = exampleInput('campaign', 'nominate', w) as object;
    const approved = await ip.as('o-leaving').ok<{ id: string }>('campaign', 'nominate', {
      ...base,
      nomineeName: '吴师傅',
      photos: [approvedPhoto],
    });
    await ip.as('o-leaving').ok('campaign', 'nominate', { ...base, nomineeName: '郑师傅', photos: [pendingPhoto] });
    await ip.as(SUPERADMIN).ok('campaign', 'reviewNomination', { id: approved.id, approve: true });

    await ip.as('o-leaving').ok('user', 'deleteAccount', { confirm: true });
    const paths = await storedPaths();
    expect(paths).not.toContain(`avatars/${gone.userId}/me.png`);
    expect(paths).not.toContain(`nominations/${gone.userId}/pending.jpg`);
    expect(paths).toContain(`nominations/${gone.userId}/approved.jpg`);
  });
});
