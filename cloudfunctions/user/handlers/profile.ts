// A user's own account: login, profile, worker registration, deletion.
import type { PrivacyNoticeVersion, UserApi } from '../../../typings/user';
import { requireUser } from '../../_shared/caller';
import { checkTexts } from '../../_shared/content-check';
import { AppError, invalid } from '../../_shared/errors';
import { acceptFile, deleteFiles, FILE_RULES } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
import { eraseRaiser } from '../../_shared/stores/cases';
import { recordStats } from '../../_shared/stores/daily-stats';
import { requireOrg } from '../../_shared/stores/orgs';
import {
  eraseUser,
  findOrCreateUser,
  saveWorker,
  type StoredWorker,
  updateProfileFields,
} from '../../_shared/stores/users';
import * as z from 'zod';
import { chinaMobile, fileId, form, id, text } from '../../_shared/validation';
import { clearUnpublishedPhotos, unpublishedPhotos } from '../../campaign/store/nominations';
import { memberContributions } from '../rules/stats';
import { toMyProfile } from '../rules/views';
import { eraseOrderWorker } from '../../volunteer/store/orders';

const PRIVACY_NOTICE_VERSION: PrivacyNoticeVersion = '2026-11';
const OCCUPATIONS = ['courier', 'food_delivery', 'ride_hailing', 'truck_driver', 'streamer', 'other'] as const;

type ProfileActions = Pick<UserApi, 'login' | 'getProfile' | 'updateProfile' | 'registerWorker' | 'deleteAccount'>;

export const profileHandlers = {
  login: {
    access: 'public',
    input: form({}, {}),
    async run({ caller, now }) {
      if (!caller.openid) throw new AppError('UNAUTHENTICATED', '无法识别用户身份，请在微信中打开小程序');
      const { user, isNew } = await findOrCreateUser(caller.openid, now);
      return { profile: toMyProfile(user, caller.isSuperadmin), isNew };
    },
  },

  getProfile: {
    access: 'user',
    input: form({}, {}),
    run: async ({ caller }) => toMyProfile(requireUser(caller), caller.isSuperadmin),
  },

  updateProfile: {
    access: 'user',
    input: form(
      { nickname: text(20, 1).optional(), avatarFileId: fileId().optional() },
      { nickname: '昵称', avatarFileId: '头像' },
    ),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      if (input.avatarFileId && input.avatarFileId !== user.avatarFileId)
        await acceptFile(caller, input.avatarFileId, FILE_RULES.avatar);
      await checkTexts(caller.openid, [['昵称', input.nickname]], 1);
      await updateProfileFields(user._id, input, now);
      // The avatar it replaces is nobody's any more.
      if (input.avatarFileId && user.avatarFileId && user.avatarFileId !== input.avatarFileId)
        await deleteFiles([user.avatarFileId]).catch(() => undefined);
      return toMyProfile({ ...user, ...input, updatedAt: now }, caller.isSuperadmin);
    },
  },

  registerWorker: {
    access: 'user',
    input: form(
      {
        realName: text(20, 2),
        phone: chinaMobile(),
        occupation: z.enum(OCCUPATIONS),
        platform: text(40, 1),
        orgId: id(),
        isPartyMember: z.boolean(),
        branchName: text(60).optional(),
        consent: z.literal(true, '请阅读并同意隐私政策后再提交'),
        consentVersion: z.literal(PRIVACY_NOTICE_VERSION, '隐私政策已更新，请重新阅读并同意'),
      },
      {
        realName: '姓名',
        phone: '手机号',
        occupation: '职业',
        platform: '平台/公司',
        orgId: '所属组织',
        isPartyMember: '是否党员',
        branchName: '所在党支部',
        consent: '同意隐私政策',
        consentVersion: '隐私政策版本',
      },
    ),
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
          ['所在党支部', input.branchName],
        ],
        1,
      );
      const wasMember = user.worker?.isPartyMember && user.worker.branchName === (input.branchName ?? '');
      const memberStatus = !input.isPartyMember
        ? 'none'
        : wasMember && user.memberStatus === 'verified'
          ? 'verified'
          : 'pending';
      const worker: StoredWorker = {
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
      const member = { memberStatus, memberRejectReason: '' } as const;
      await saveWorker(user._id, worker, member, now);
      // A verified member moving org moves their 亮身份 count; one who declares again leaves it.
      await recordStats(memberContributions(user), memberContributions({ ...user, worker, ...member }), now);
      return toMyProfile({ ...user, worker, ...member, updatedAt: now }, caller.isSuperadmin);
    },
  },

  deleteAccount: {
    access: 'user',
    input: form({ confirm: z.literal(true, '请确认注销') }, { confirm: '确认注销' }),
    async run({ caller, now }) {
      const user = requireUser(caller);
      // The account's files go first: if anything stops half-way, the account is
      // still there to delete again, and nothing points at a file forever lost.
      // Photos of approved nominations are a candidate's now, published by organisers: they stay.
      await deleteFiles([user.avatarFileId, ...(await unpublishedPhotos(user._id))].filter(Boolean));
      await clearUnpublishedPhotos(user._id);
      // Cases keep their history, without the raiser's name, phone or openid.
      await eraseRaiser(user._id);
      // Points-shop orders likewise keep their history, without the worker's name or phone.
      await eraseOrderWorker(user._id);
      // The openid is freed for a fresh account; the record stays, anonymous.
      await eraseUser(user._id, now);
      await recordStats(memberContributions(user), [], now);
      return { deleted: true as const };
    },
  },
} satisfies Handlers<ProfileActions>;
