// Admins find users, review declared party members and (superadmins) grant or
// revoke admin roles. Each action's answer — the fresh AdminUserView — replaces
// its row; the server decides scope and permission every time.
import type { AdminUserView, MemberStatus, Occupation } from '../../../../../typings/user';
import {
  MEMBER_STATUS_LABELS,
  MEMBER_STATUSES,
  OCCUPATION_LABELS,
  OCCUPATIONS,
  ORG_TYPE_LABELS,
} from '../../../../config/labels';
import { listOrgRows, type OrgRow, userApi } from '../../../../services/user';
import { toastError } from '../../../../utils/errors';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { ensureLogin } from '../../../../utils/session';
import { toUserRow, type UserRow } from './rows';

interface OrgChoice {
  id: string;
  name: string;
  typeLabel: string;
  depth: number;
  checked: boolean;
}

interface RolePopup {
  visible: boolean;
  index: number;
  userId: string;
  name: string;
  choices: OrgChoice[];
}

const closedPopup = (): RolePopup => ({ visible: false, index: -1, userId: '', name: '', choices: [] });

const lists = listRegistry<AdminUserView, UserRow>();
/** The orgs per page instance: names for rows, choices for the role popup. */
const orgTrees = new WeakMap<object, Promise<OrgRow[]>>();
const orgNameMaps = new WeakMap<object, Map<string, string>>();

Component({
  data: {
    keyword: '',
    occupation: '' as Occupation | '',
    memberStatus: '' as MemberStatus | '',
    occupationFilters: [
      { value: '', label: '全部职业' },
      ...OCCUPATIONS.map((value) => ({ value, label: OCCUPATION_LABELS[value] })),
    ],
    statusFilters: [
      { value: '', label: '全部' },
      ...MEMBER_STATUSES.map((value) => ({ value, label: MEMBER_STATUS_LABELS[value] })),
    ],
    list: initialList<UserRow>(),
    total: 0,
    isSuperadmin: false,
    /** The user an action is running for (its buttons show loading). */
    acting: '',
    rolePopup: closedPopup(),
  },
  lifetimes: {
    attached() {
      const orgs = listOrgRows().then((rows) => {
        orgNameMaps.set(this, new Map(rows.map((o) => [o.id, o.name])));
        return rows;
      });
      // A failed org load only costs the names; the list itself still loads.
      orgTrees.set(
        this,
        orgs.catch(() => []),
      );
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          const [profile] = await Promise.all([ensureLogin(), orgTrees.get(this)]);
          this.setData({ isSuperadmin: profile.roles.includes('superadmin') });
          const { keyword, occupation, memberStatus } = this.data;
          const res = await userApi('listUsers', {
            page,
            pageSize,
            ...(keyword ? { keyword } : {}),
            ...(occupation ? { occupation } : {}),
            ...(memberStatus ? { memberStatus } : {}),
          });
          this.setData({ total: res.total ?? 0 });
          return res;
        },
        toView: (u) => this.toRow(u),
      });
      lists.of(this).reload();
    },
  },
  methods: {
    ...lists.pageHandlers(),
    ...lists.searchHandlers(),
    toRow(u: AdminUserView): UserRow {
      return toUserRow(u, orgNameMaps.get(this) ?? new Map());
    },

    // --- finding users
    onFilter(e: TapEvent<{ field: 'occupation' | 'memberStatus'; value: string }>) {
      const { field, value } = e.currentTarget.dataset;
      if (this.data[field] === value) return;
      this.setData({ [field]: value });
      lists.of(this).reload();
    },

    /** Runs one action for a row and puts the returned view in its place. */
    async act(index: number, action: () => Promise<AdminUserView>, done: string) {
      const row = this.data.list.items[index];
      if (!row || this.data.acting) return;
      this.setData({ acting: row.userId });
      try {
        const view = await action();
        lists.of(this).replace(index, this.toRow(view));
        wx.showToast({ title: done, icon: 'success' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ acting: '' });
      }
    },

    // --- party membership review
    onApprove(e: TapEvent<{ index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.data.list.items[index];
      if (!row) return;
      this.act(index, () => userApi('verifyMember', { userId: row.userId, approve: true }), '已认证');
    },
    async onReject(e: TapEvent<{ index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.data.list.items[index];
      if (!row || this.data.acting) return;
      const res = await wx.showModal({
        title: `驳回「${row.name}」的党员身份申报`,
        editable: true,
        placeholderText: '请填写驳回原因，申报人可以看到',
        confirmText: '驳回',
      });
      if (!res.confirm) return;
      const reason = (res.content ?? '').trim();
      if (!reason) {
        wx.showToast({ title: '请填写驳回原因', icon: 'none' });
        return;
      }
      this.act(index, () => userApi('verifyMember', { userId: row.userId, approve: false, reason }), '已驳回');
    },

    // --- admin roles (superadmin)
    async onGrant(e: TapEvent<{ index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.data.list.items[index];
      if (!row) return;
      const rows = (await orgTrees.get(this)) ?? [];
      const choices = rows.map((o) => ({
        id: o.id,
        name: o.name,
        typeLabel: ORG_TYPE_LABELS[o.type],
        depth: o.depth,
        checked: row.adminOrgIds.includes(o.id),
      }));
      if (!choices.length) {
        wx.showToast({ title: '还没有组织，请先在组织管理中建立', icon: 'none' });
        return;
      }
      this.setData({ rolePopup: { visible: true, index, userId: row.userId, name: row.name, choices } });
    },
    onRoleOrgToggle(e: DetailEvent<{ checked: boolean }, { index: number }>) {
      this.setData({ [`rolePopup.choices[${e.currentTarget.dataset.index}].checked`]: e.detail.checked });
    },
    onRolePopupVisible(e: DetailEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.closeRolePopup();
    },
    closeRolePopup() {
      this.setData({ rolePopup: closedPopup() });
    },
    onRoleConfirm() {
      const { index, userId, choices } = this.data.rolePopup;
      const adminOrgIds = choices.filter((c) => c.checked).map((c) => c.id);
      if (!adminOrgIds.length) {
        wx.showToast({ title: '请至少选择一个组织', icon: 'none' });
        return;
      }
      this.closeRolePopup();
      this.act(index, () => userApi('setRoles', { userId, admin: true, adminOrgIds }), '已设为管理员');
    },
    async onRevoke(e: TapEvent<{ index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.data.list.items[index];
      if (!row || this.data.acting) return;
      const { confirm } = await wx.showModal({
        title: '撤销管理员',
        content: `撤销后「${row.name}」将不能再管理 ${row.adminOrgNames || '所负责的组织'}。`,
        confirmText: '撤销',
      });
      if (!confirm) return;
      this.act(index, () => userApi('setRoles', { userId: row.userId, admin: false, adminOrgIds: [] }), '已撤销');
    },
  },
});
