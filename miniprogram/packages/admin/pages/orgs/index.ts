// The organisation tree for admins: add children of the allowed types, edit,
// delete. The server checks scope and the parent/child rule on every save.
// Service stations show in the tree but are kept in 驿站管理 with their records.
import type { OrgType } from '../../../../../typings/org';
import { ROUTES } from '../../../../config/routes';
import { userApi } from '../../../../services/user';
import { errorMessage } from '../../../../utils/errors';
import type { ListStatus } from '../../../../components/list-state/paged-list';
import { ensureLogin, isSuperadmin } from '../../../../utils/session';
import { checkOrgForm, childForm, closedForm, districtForm, editForm, toSaveRequest } from './form';
import { type OrgItem, orgItems } from './tree';
import { reloadHandlers } from '../../../../components/list-state/reload';

Component({
  data: {
    status: 'loading' as ListStatus,
    error: '',
    items: [] as OrgItem[],
    isSuperadmin: false,
    form: closedForm(),
    saving: false,
    formError: '',
  },
  lifetimes: {
    attached() {
      this.load();
    },
  },
  methods: {
    ...reloadHandlers(),
    /** (Re)loads the tree; `quiet` keeps the rows on screen meanwhile. */
    async load(quiet = false): Promise<string | null> {
      if (!quiet || !this.data.items.length) this.setData({ status: 'loading', error: '' });
      try {
        const [profile, tree] = await Promise.all([ensureLogin(), userApi('listOrgs', {})]);
        const items = orgItems(tree, profile);
        this.setData({
          isSuperadmin: isSuperadmin(profile),
          items,
          status: items.length ? 'ready' : 'empty',
          error: '',
        });
        return null;
      } catch (err) {
        const error = errorMessage(err, '加载失败，请稍后再试');
        if (!quiet || !this.data.items.length) this.setData({ status: 'error', error });
        return error;
      }
    },

    itemAt(index: number): OrgItem | undefined {
      return this.data.items[index];
    },
    onAddDistrict() {
      this.setData({ form: districtForm(), formError: '' });
    },
    onAddChild(e: TapEvent<{ index: number }>) {
      const parent = this.itemAt(e.currentTarget.dataset.index);
      if (parent) this.setData({ form: childForm(parent), formError: '' });
    },
    onEdit(e: TapEvent<{ index: number }>) {
      const org = this.itemAt(e.currentTarget.dataset.index);
      if (!org) return;
      const parent = this.data.items.find((o) => o.id === org.parentId);
      this.setData({ form: editForm(org, parent?.name ?? ''), formError: '' });
    },
    onFormName(e: DetailEvent<{ value: string }>) {
      this.setData({ 'form.name': e.detail.value, formError: '' });
    },
    onOpenStations() {
      wx.navigateTo({ url: ROUTES.adminStations });
    },
    onFormType(e: TapEvent<{ value: OrgType }>) {
      this.setData({ 'form.type': e.currentTarget.dataset.value, formError: '' });
    },
    onFormVisible(e: DetailEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.closeForm();
    },
    closeForm() {
      this.setData({ form: closedForm(), formError: '' });
    },
    async onSave() {
      if (this.data.saving) return;
      const form = this.data.form;
      const problem = checkOrgForm(form);
      if (problem) {
        this.setData({ formError: problem });
        return;
      }
      this.setData({ saving: true, formError: '' });
      try {
        await userApi('saveOrg', toSaveRequest(form));
        this.closeForm();
        wx.showToast({ title: form.id ? '已保存' : '已添加', icon: 'success' });
        await this.load(true);
      } catch (err) {
        this.setData({ formError: errorMessage(err, '保存失败，请稍后再试') });
      } finally {
        this.setData({ saving: false });
      }
    },

    async onDelete(e: TapEvent<{ index: number }>) {
      const org = this.itemAt(e.currentTarget.dataset.index);
      if (!org) return;
      const { confirm } = await wx.showModal({
        title: '删除组织',
        content: `确定删除「${org.name}」吗？删除后不可恢复。`,
        confirmText: '删除',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
      try {
        await userApi('deleteOrg', { id: org.id });
        wx.showToast({ title: '已删除', icon: 'success' });
        await this.load(true);
      } catch (err) {
        // CONFLICT explains what still hangs on the org: worth more than a toast.
        wx.showModal({ title: '无法删除', content: errorMessage(err), showCancel: false });
      }
    },
  },
});
