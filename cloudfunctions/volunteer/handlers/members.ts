// A worker's membership of the team: apply (or apply again after a rejection),
// see it (with the form prefilled from the registration), and show or hide
// themselves on the leaderboards. The status is never an input: an application is
// always pending, and only organisers move it (admin-members.ts).
import * as z from 'zod';
import type { VolunteerTeamApi } from '../../../typings/volunteer-team';
import { requireUser } from '../../_shared/caller';
import { checkTexts, PROFILE } from '../../_shared/content-check';
import { conflict, invalid } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { requireOrg } from '../../_shared/stores/orgs';
import { chinaMobile, form, id, text } from '../../_shared/validation';
import { OCCUPATIONS } from '../../roundtable/rules/kinds';
import { toMember } from '../rules/views';
import { applyAs, getMember, setOnLeaderboard } from '../store/members';

const STILL_OPEN = {
  pending: '你的入队申请正在审核中，请耐心等待',
  approved: '你已经是志愿者队伍的成员了',
  suspended: '你的志愿者身份已被暂停，请联系所在组织恢复',
} as const;

type MemberActions = Pick<VolunteerTeamApi, 'applyMember' | 'myMembership' | 'setLeaderboardVisibility'>;

export const memberHandlers = {
  applyMember: {
    access: 'worker',
    input: form(
      {
        realName: text(20, 2),
        phone: chinaMobile(),
        occupation: z.enum(OCCUPATIONS),
        platform: text(30, 1),
        orgId: id(),
      },
      { realName: '姓名', phone: '手机号', occupation: '职业', platform: '平台/公司', orgId: '所在组织' },
    ),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      const org = await requireOrg(input.orgId);
      if (org.type === 'district') throw invalid('请选择具体的行业党委、街道、支部或驿站');
      await checkTexts(
        caller.openid,
        [
          ['姓名', input.realName],
          ['平台/公司', input.platform],
        ],
        PROFILE,
      );
      const app = {
        realName: input.realName,
        phone: input.phone,
        occupation: input.occupation,
        platform: input.platform,
        orgId: org._id,
        orgName: org.name,
        orgPath: [...org.ancestors, org._id],
      };
      const applied = await applyAs(user._id, app, now);
      if (applied) return toMember(applied);
      const existing = await getMember(user._id);
      throw conflict(STILL_OPEN[existing?.status as keyof typeof STILL_OPEN] ?? '请稍后再试');
    },
  },

  myMembership: {
    access: 'user',
    input: form({}, {}),
    async run({ caller }) {
      const user = requireUser(caller);
      const member = await getMember(user._id);
      const w = user.worker;
      return {
        member: member ? toMember(member) : null,
        registered: !!w,
        prefill: w
          ? { realName: w.realName, phone: w.phone, occupation: w.occupation, platform: w.platform, orgId: w.orgId }
          : null,
        pointsBalance: user.points?.balance ?? 0,
      };
    },
  },

  setLeaderboardVisibility: {
    access: 'worker',
    input: form({ visible: z.boolean() }, { visible: '在排行榜上显示' }),
    async run({ caller, now }, input) {
      const userId = requireUser(caller)._id;
      if (!(await getMember(userId))) throw conflict('请先申请加入志愿者队伍');
      await setOnLeaderboard(userId, input.visible, now);
      return { visible: input.visible };
    },
  },
} satisfies Handlers<MemberActions>;
