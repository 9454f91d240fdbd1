// A user's own account: login, profile, worker registration, deletion.
import type { PrivacyNoticeVersion, UserApi } from '../../typings/user';
import { checkTexts } from '../_shared/content-check';
import { COLLECTIONS } from '../_shared/collections';
import { AppError, invalid, isDuplicateKey } from '../_shared/errors';
import type { Handlers } from '../_shared/function';
import { requireOrg } from '../_shared/orgs';
import { db } from '../_shared/sdk';
import { findUserByOpenid, type UserDoc } from '../_shared/users';
import { chinaMobile, fileId, id, text, z } from '../_shared/validation';
import { requireUser } from '../_shared/caller';
import { toMyProfile } from './views';

const PRIVACY_NOTICE_VERSION: PrivacyNoticeVersion = '2026-11';
const OCCUPATIONS = ['courier', 'food_delivery', 'ride_hailing', 'truck_driver', 'streamer', 'other'] as const;

export function newUser(openid: string, now: Date): Omit<UserDoc, '_id'> {
  return {
    openid,
    nickname: '',
    avatarFileId: '',
    status: 'active',
    worker: null,
    memberStatus: 'none',
    memberRejectReason: '',
    adminOrgIds: [],
    points: { balance: 0, earned: 0, spent: 0 },
    createdAt: now,
    updatedAt: now,
  };
}

type ProfileActions = Pick<UserApi, 'login' | 'getProfile' | 'updateProfile' | 'registerWorker' | 'deleteAccount'>;

export const profileHandlers = {
  login: {
    access: 'public',
    input: z.strictObject({}),
    async run({ caller, now }) {
      if (!caller.openid) throw new AppError('UNAUTHENTICATED', '无法识别用户身份，请在微信中打开小程序');
      const existing = await findUserByOpenid(caller.openid);
      if (existing) return { profile: toMyProfile(existing, caller.isSuperadmin), isNew: false };
      try {
        // The unique index on openid makes concurrent first logins create one user.
        const doc = newUser(caller.openid, now);
        const { id: newId } = (await db().collection(COLLECTIONS.users).add(doc)) as { id: string };
        return { profile: toMyProfile({ _id: newId, ...doc }, caller.isSuperadmin), isNew: true };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const winner = await findUserByOpenid(caller.openid);
        if (!winner) throw err;
        return { profile: toMyProfile(winner, caller.isSuperadmin), isNew: false };
      }
    },
  },

  getProfile: {
    access: 'user',
    input: z.strictObject({}),
    run: async ({ caller }) => toMyProfile(requireUser(caller), caller.isSuperadmin),
  },

  updateProfile: {
    access: 'user',
    input: z.strictObject({ nickname: text(20, 1).optional(), avatarFileId: fileId().optional() }),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      await checkTexts(caller.openid, [['昵称', input.nickname]], 1);
      const patch = { ...input, updatedAt: now };
      await db().collection(COLLECTIONS.users).doc(user._id).update(patch);
      return toMyProfile({ ...user, ...patch }, caller.isSuperadmin);
    },
  },

  registerWorker: {
    access: 'user',
    input: z.strictObject({
      realName: text(20, 2),
      phone: chinaMobile(),
      occupation: z.enum(OCCUPATIONS),
      platform: text(40, 1),
      orgId: id(),
      isPartyMember: z.boolean(),
      branchName: text(60).optional(),
      consent: z.literal(true, '请阅读并同意隐私政策后再提交'),
      consentVersion: z.literal(PRIVACY_NOTICE_VERSION, '隐私政策已更新，请重新阅读并同意'),
    }),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      if (input.isPartyMember && !input.branchName) throw invalid('党员请填写所在党支部');
      const org = await requireOrg(input.orgId);
      if (org.type === 'district') throw invalid('请选择具体的行业党委、街道、支部或驿站');
      await checkTexts(
        caller.openid,
        [
          ['姓名', input.realName],
          ['平台/公司', input.platform],
          ['党支部', input.branchName],
        ],
        1,
      );
      const wasMember = user.worker?.isPartyMember && user.worker.branchName === (input.branchName ?? '');
      const memberStatus = !input.isPartyMember
        ? 'none'
        : wasMember && user.memberStatus === 'verified'
          ? 'verified'
          : 'pending';
      const worker = {
        realName: input.realName,
        phone: input.phone,
        occupation: input.occupation,
        platform: input.platform,
        orgId: org._id,
        orgName: org.name,
        orgPath: [...org.ancestors, org._id],
        isPartyMember: input.isPartyMember,
        branchName: input.isPartyMember ? (input.branchName ?? '') : '',
        consentVersion: input.consentVersion,
        consentAt: now,
      };
      const _ = db().command;
      // _.set replaces the whole sub-object (a plain object would merge field by field).
      const patch = { worker: _.set(worker), memberStatus, memberRejectReason: '', updatedAt: now };
      await db().collection(COLLECTIONS.users).doc(user._id).update(patch);
      return toMyProfile(
        { ...user, worker, memberStatus, memberRejectReason: '', updatedAt: now },
        caller.isSuperadmin,
      );
    },
  },

  deleteAccount: {
    access: 'user',
    input: z.strictObject({ confirm: z.literal(true, '请确认注销') }),
    async run({ caller, now }) {
      const user = requireUser(caller);
      // Personal fields are erased; the record stays (anonymous) so ledgers, votes
      // and sign-ups keep their counts. The openid is freed for a fresh account.
      await db()
        .collection(COLLECTIONS.users)
        .doc(user._id)
        .update({
          openid: `deleted:${user._id}`,
          nickname: '已注销用户',
          avatarFileId: '',
          worker: null,
          memberStatus: 'none',
          memberRejectReason: '',
          adminOrgIds: [],
          status: 'deleted',
          deletedAt: now,
          updatedAt: now,
        });
      return { deleted: true as const };
    },
  },
} satisfies Handlers<ProfileActions>;
