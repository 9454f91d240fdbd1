// 队员审核 for organisers: the members of their org sub-tree (the server scopes the
// list and every review), pending applications first; search by name or phone;
// 通过, 不通过 (with a reason the rider sees), 暂停 (with a reason) and 恢复.
import type { AdminVolunteerMember, VolunteerMemberStatus } from '../../../../../typings/volunteer-team';
import type { TagTheme } from '../../../../config/labels';
import { OCCUPATION_LABELS } from '../../../../config/labels';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { errorMessage } from '../../../../utils/errors';
import { formatDateTime } from '../../../../utils/format';
import { ensureLogin, organiserAccess } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { askReason } from '../../utils/ask';
import { hoursOf, MEMBER_LABELS, MEMBER_STATUSES, MEMBER_THEMES, starText } from '../../utils/labels';

type Decision = 'approve' | 'reject' | 'suspend' | 'reinstate';

interface MemberRow {
  userId: string;
  name: string;
  phone: string;
  line: string;
  orgName: string;
  stateLabel: string;
  stateTheme: TagTheme;
  reason: string;
  hoursText: string;
  appliedText: string;
  decisions: { key: Decision; label: string }[];
}

const DECISIONS: Record<VolunteerMemberStatus, { key: Decision; label: string }[]> = {
  pending: [
    { key: 'reject', label: '不通过' },
    { key: 'approve', label: '通过' },
  ],
  rejected: [{ key: 'approve', label: '改为通过' }],
  approved: [{ key: 'suspend', label: '暂停' }],
  suspended: [{ key: 'reinstate', label: '恢复' }],
};

const toRow = (m: AdminVolunteerMember): MemberRow => ({
  userId: m.userId,
  name: m.realName,
  phone: m.phone,
  line: `${OCCUPATION_LABELS[m.occupation]} · ${m.platform}`,
  orgName: m.orgName,
  stateLabel: MEMBER_LABELS[m.status],
  stateTheme: MEMBER_THEMES[m.status],
  reason: m.statusReason,
  // An applicant has no hours yet: the line would say nothing.
  hoursText:
    m.status === 'pending' || m.status === 'rejected'
      ? ''
      : `信用 ${hoursOf(m.hours.creditMinutes)} · 荣誉 ${hoursOf(m.hours.honorMinutes)} 小时 · ${starText(m.hours.star)} · 积分 ${m.pointsBalance} · 参加 ${m.attended} 次`,
  appliedText: `${formatDateTime(m.appliedAt)} 申请`,
  decisions: DECISIONS[m.status],
});

const lists = listRegistry<AdminVolunteerMember, MemberRow>();

/** What each decision asks for first. */
const REASONS: Partial<Record<Decision, { title: string; placeholder: string; confirm: string }>> = {
  reject: { title: '不通过申请', placeholder: '原因，申请人可以看到，如：手机号与登记不一致', confirm: '不通过' },
  suspend: { title: '暂停队员资格', placeholder: '原因，队员可以看到', confirm: '暂停' },
};

Component({
  data: {
    access: 'loading' as 'loading' | 'ready' | 'denied',
    keyword: '',
    statuses: MEMBER_STATUSES.map((value) => ({ value, label: MEMBER_LABELS[value] })),
    status: 'pending' as VolunteerMemberStatus | '',
    busy: false,
    list: initialList<MemberRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const { keyword, status } = this.data;
          return volunteerApi('listMembers', {
            page,
            pageSize,
            ...(keyword ? { keyword } : {}),
            ...(status ? { status } : {}),
          });
        },
        toView: toRow,
      });
      organiserAccess().then((access) => {
        this.setData({ access });
        if (access === 'ready') lists.of(this).reload();
      });
    },
  },
  methods: {
    ...lists.pageHandlers(),
    ...lists.searchHandlers(),
    onStatus(e: TapEvent<{ value: VolunteerMemberStatus | '' }>) {
      const status = e.currentTarget.dataset.value;
      if (status === this.data.status) return;
      this.setData({ status });
      lists.of(this).reload();
    },
    async onDecide(e: TapEvent<{ index: number; decision: Decision }>) {
      const { index, decision } = e.currentTarget.dataset;
      const row = this.data.list.items[index];
      if (!row || this.data.busy) return;
      const ask = REASONS[decision];
      let reason: string | null = null;
      if (ask) {
        reason = await askReason(`${ask.title}：${row.name}`, ask.placeholder, ask.confirm);
        if (!reason) return;
      }
      this.setData({ busy: true });
      try {
        const m = await volunteerApi('reviewMember', {
          userId: row.userId,
          decision,
          ...(reason ? { reason } : {}),
        });
        wx.showToast({ title: `${row.name}：${MEMBER_LABELS[m.status]}`, icon: 'none' });
        lists.of(this).replace(index, toRow(m));
      } catch (err) {
        wx.showModal({ title: '操作未成功', content: errorMessage(err), showCancel: false });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
