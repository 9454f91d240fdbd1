// The volunteer team's part of the screenshot arrangement, through the real
// functions: the rider applies and is approved, another rider's application
// waits; two activities earlier today — one scanned in and out (credit hours),
// one closed by the organiser by hand (a pending claim) — a self-reported service
// with a photo, and activities ahead (two with sign-up questions), one of them
// signed up for. People are fictional.
import { solidPng } from '../../scripts/seed/png';

type Call = <T = unknown>(openid: string, fn: string, action: string, data?: unknown, at?: string) => Promise<T>;
type Upload = (openid: string, cloudPath: string, content: Buffer) => Promise<string>;

export interface VolunteerShots {
  /** Ahead, the rider signed up. */
  upcoming: string;
  /** Earlier today, the rider scanned in and out. */
  served: string;
  /** Starting in 20 minutes: its check-in and check-out codes can be shown now. */
  checkIn: string;
  /** Ahead with sign-up questions, the rider not signed up: the form, prefilled. */
  form: string;
}

/** The organiser's sign-up questions (the name prefilled from the registration). */
const QUESTIONS = [
  { key: 'name', kind: 'text', label: '姓名', required: true, profileField: 'realName' },
  { key: 'vest', kind: 'single', label: '反光背心尺码', required: true, options: ['M', 'L', 'XL'] },
  { key: 'slots', kind: 'multi', label: '可参加的时段', required: false, options: ['上午', '下午'] },
];

const HOUR = 3_600_000;
const MIN = 60_000;
const iso = (t: number) => new Date(t).toISOString();

interface Viewers {
  rider: string;
  riderId: string;
  organiser: string;
  /** A registered rider who is no viewer. */
  other: string;
  branch: string;
  district: string;
}

export async function arrangeVolunteer(call: Call, upload: Upload, v: Viewers): Promise<VolunteerShots> {
  const now = Date.now();
  const apply = async (openid: string) => {
    const { prefill } = await call<{ prefill: object }>(openid, 'volunteer', 'myMembership', {});
    await call(openid, 'volunteer', 'applyMember', { ...prefill, orgId: v.branch });
  };
  await apply(v.rider);
  await call(v.organiser, 'volunteer', 'reviewMember', { userId: v.riderId, decision: 'approve' });
  await apply(v.other);

  const save = (title: string, serviceType: string, start: number, at: number, extra: object = {}) =>
    call<{ id: string }>(
      v.organiser,
      'volunteer',
      'saveActivity',
      {
        title,
        serviceType,
        description: '（示例内容）集合后分组上岗，请穿好反光背心。',
        venue: { name: '文化路与城北路口', address: '示例市城北路 1 号（演示地址）' },
        startAt: iso(start),
        endAt: iso(start + 2 * HOUR),
        deadline: iso(start - HOUR),
        capacity: 12,
        contact: '王示例',
        contactPhone: '13900008888',
        orgId: v.district,
        ...extra,
      },
      iso(at),
    );
  const code = async (activityId: string, purpose: 'in' | 'out', at: number) =>
    (await call<{ code: string }>(v.organiser, 'volunteer', 'issueCheckInCode', { activityId, purpose }, iso(at))).code;

  // Earlier today: a two-hour traffic duty, in 5 minutes late and out 5 minutes early.
  const servedStart = now - 5 * HOUR;
  const served = await save('早高峰文明交通劝导', 'traffic', servedStart, servedStart - 2 * HOUR);
  await call(v.rider, 'volunteer', 'signUp', { activityId: served.id }, iso(servedStart - 90 * MIN));
  const inAt = servedStart + 5 * MIN;
  await call(
    v.rider,
    'volunteer',
    'checkIn',
    { activityId: served.id, code: await code(served.id, 'in', inAt) },
    iso(inAt),
  );
  const outAt = servedStart + 2 * HOUR - 5 * MIN;
  await call(
    v.rider,
    'volunteer',
    'checkOut',
    { activityId: served.id, code: await code(served.id, 'out', outAt) },
    iso(outAt),
  );

  // A visit the rider left without scanning out: the organiser closed it, a claim waits.
  const visitStart = now - 4 * HOUR;
  const visit = await save('社区独居老人探访', 'care', visitStart, visitStart - 2 * HOUR, { capacity: 6 });
  await call(v.rider, 'volunteer', 'signUp', { activityId: visit.id }, iso(visitStart - 90 * MIN));
  await call(
    v.rider,
    'volunteer',
    'checkIn',
    { activityId: visit.id, code: await code(visit.id, 'in', visitStart) },
    iso(visitStart),
  );
  await call(
    v.organiser,
    'volunteer',
    'manualCheckOut',
    { activityId: visit.id, userId: v.riderId },
    iso(visitStart + 100 * MIN),
  );

  // A self-reported 网格员 duty with its photo.
  const photo = await upload(v.rider, `volunteer/${v.riderId}/shot-duty.png`, solidPng(160, 120, [98, 121, 112]));
  await call(v.rider, 'volunteer', 'submitService', {
    serviceType: 'grid_duty',
    text: '（示例内容）在城北商圈巡查电动车违停和飞线充电，劝导 6 人，发现一处消防通道堵塞已上报。',
    startAt: iso(now - 8 * HOUR),
    endAt: iso(now - 6 * HOUR),
    photos: [photo],
  });

  // Ahead: tomorrow's activities (07:00 and 10:00 Beijing) and the day after's, one signed up for.
  const tomorrow = Date.parse(`${iso(now + 8 * HOUR + 24 * HOUR).slice(0, 10)}T00:00:00+08:00`);
  const upcoming = await save('校门口护学岗', 'traffic', tomorrow + 7 * HOUR, now, { questions: QUESTIONS });
  const form = await save('驿站反诈宣传', 'publicity', tomorrow + 10 * HOUR, now, {
    capacity: 8,
    questions: QUESTIONS,
  });
  await save('暴雨应急转移演练', 'emergency', tomorrow + 38 * HOUR, now, { capacity: 30 });
  const { prefill } = await call<{ prefill: { key: string; values: string[] }[] }>(
    v.rider,
    'volunteer',
    'getActivity',
    { activityId: upcoming.id },
  );
  await call(v.rider, 'volunteer', 'signUp', {
    activityId: upcoming.id,
    answers: [...prefill, { key: 'vest', values: ['L'] }],
  });
  const soon = await save('驿站周边环境清洁', 'community', now + 20 * MIN, now, { deadline: iso(now + 10 * MIN) });
  return { upcoming: upcoming.id, served: served.id, checkIn: soon.id, form: form.id };
}
