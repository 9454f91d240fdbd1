// Every admin action, newest first (superadmins only; the server refuses others).
import type { AuditEntry } from '../../../../../typings/user';
import { userApi } from '../../../../services/user';
import { formatDateTime } from '../../../../utils/format';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';

interface AuditRow {
  id: string;
  summary: string;
  actor: string;
  targetLabel: string;
  time: string;
}

/** What an entry is about, by its targetType. */
const TARGET_LABELS: Record<string, string> = { user: '用户', org: '组织' };

const toRow = (e: AuditEntry): AuditRow => ({
  id: e.id,
  summary: e.summary,
  actor: e.actorName || '管理员',
  targetLabel: TARGET_LABELS[e.targetType] ?? e.targetType,
  time: formatDateTime(e.createdAt),
});

const lists = listRegistry<AuditEntry, AuditRow>();

Component({
  data: {
    list: initialList<AuditRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: (page, pageSize) => userApi('listAuditLogs', { page, pageSize }),
        toView: toRow,
      });
      lists.of(this).reload();
    },
  },
  methods: {
    ...lists.pageHandlers(),
  },
});
