// The admin entry. It only decides what to offer: every admin action is checked
// again on the server, within the admin's organisations.
import { ROUTES } from '../../../../config/routes';
import { ROLE_LABELS } from '../../../../config/labels';
import { ensureLogin, isAdmin } from '../../../../utils/session';

type Status = 'loading' | 'ready' | 'denied';

Component({
  data: {
    status: 'loading' as Status,
    isSuperadmin: false,
    roleLabel: '',
    orgCount: 0,
  },
  lifetimes: {
    attached() {
      ensureLogin()
        .then((p) => {
          const isSuperadmin = p.roles.includes('superadmin');
          this.setData({
            status: isAdmin(p) ? 'ready' : 'denied',
            isSuperadmin,
            roleLabel: ROLE_LABELS[isSuperadmin ? 'superadmin' : 'admin'],
            orgCount: p.adminOrgIds.length,
          });
        })
        .catch(() => this.setData({ status: 'denied' }));
    },
  },
  methods: {
    go(e: TapEvent<{ route: keyof typeof ROUTES }>) {
      wx.navigateTo({ url: ROUTES[e.currentTarget.dataset.route] });
    },
  },
});
