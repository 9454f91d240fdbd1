// How the 推荐审核 tab shows a nomination.
import type { NominationAdminView, NominationStatus } from '../../../../../../../typings/campaign';
import type { TagTheme } from '../../../../../../config/labels';
import { displayUrl } from '../../../../../../services/files';
import { formatDateTime } from '../../../../../../utils/format';
import { NOMINATION_STATUS_LABELS, NOMINATION_STATUS_THEMES, RELATION_LABELS } from '../../../../utils/labels';
import { categoryName } from '../../../../utils/views';

export interface NominationRow {
  id: string;
  nomineeName: string;
  /** "最美快递小哥 · 他人推荐" */
  line: string;
  platform: string;
  phone: string;
  nominatorName: string;
  deeds: string;
  photos: string[];
  status: NominationStatus;
  statusLabel: string;
  statusTheme: TagTheme;
  rejectReason: string;
  time: string;
}

export function toNominationRow(n: NominationAdminView, c: Parameters<typeof categoryName>[0]): NominationRow {
  const relation = n.relation === 'employer' ? RELATION_LABELS.employer : `${RELATION_LABELS[n.relation]}推荐`;
  return {
    id: n.id,
    nomineeName: n.nomineeName,
    line: `${categoryName(c, n.category)} · ${relation}`,
    platform: n.platform,
    phone: n.phone,
    nominatorName: n.nominatorName || '未登记的用户',
    deeds: n.deeds,
    photos: n.photos.map(displayUrl),
    status: n.status,
    statusLabel: NOMINATION_STATUS_LABELS[n.status],
    statusTheme: NOMINATION_STATUS_THEMES[n.status],
    rejectReason: n.rejectReason,
    time: formatDateTime(n.createdAt),
  };
}
