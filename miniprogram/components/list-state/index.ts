// Everything around a list's rows: the skeleton while the first page loads, the
// empty state, the error state with 重试, and the footer (loading more, a failed
// page with retry, the end of the list). Binds to a ListView kept by PagedList
// (./paged-list), whose initial state is also this component's default. An
// organiser page also shows `denied` with it: someone signed in who is no
// organiser is told 管理后台仅对管理员开放 instead of the server's refusal with 重试;
// and a worker page shows `unregistered`: what registering opens (empty-text) and 去登记.
import { ROUTES } from '../../config/routes';
import { initialList } from './paged-list';

const initial = initialList<never>();

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    status: { type: String, value: initial.status },
    error: { type: String, value: initial.error },
    emptyText: { type: String, value: '暂无数据' },
    hasMore: { type: Boolean, value: initial.hasMore },
    loadingMore: { type: Boolean, value: initial.loadingMore },
    moreError: { type: String, value: initial.moreError },
  },
  data: {
    skeletonRows: [0, 1, 2],
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
    onMore() {
      this.triggerEvent('more');
    },
    onRegister() {
      wx.navigateTo({ url: ROUTES.register });
    },
  },
});
