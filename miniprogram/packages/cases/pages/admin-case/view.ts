// What an organiser's case page shows of a CaseAdminView: the raiser's identity
// (owner org's organisers only; never for an anonymous report), every photo with
// its check, the facts an organiser works by, the whole timeline and the actions.
import type { CaseAdminView } from '../../../../../typings/cases';
import { formatDateTime } from '../../../../utils/format';
import { FLAG_LABELS, kindLine, RATING_LABELS } from '../../utils/labels';
import {
  flagTags,
  type PhotoView,
  photosOf,
  stateTag,
  type Tag,
  timelineOf,
  type TimelineView,
} from '../../utils/views';
import { type ActionButton, actionsOf } from './actions';

export interface Fact {
  key: string;
  value: string;
  /** Shown in red (overdue, urgent). */
  alert?: boolean;
}

export interface AdminCaseView {
  id: string;
  version: number;
  isReport: boolean;
  title: string;
  kindLine: string;
  state: Tag;
  flags: Tag[];
  urgent: boolean;
  raiser: { name: string; phone: string } | null;
  /** Why there is no raiser: 匿名上报, 圆桌会记录. */
  raiserNote: string;
  facts: Fact[];
  description: string;
  address: string;
  location: { lat: number; lng: number } | null;
  photos: PhotoView[];
  answer: { text: string; meta: string } | null;
  timeline: TimelineView[];
  actions: ActionButton[];
}

const at = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : '');

function factsOf(c: CaseAdminView): Fact[] {
  const facts: Fact[] = [
    { key: '承办组织', value: c.orgName },
    { key: '提交时间', value: at(c.submittedAt) },
    c.firstResponseAt
      ? { key: '首次响应', value: at(c.firstResponseAt) }
      : { key: '响应期限', value: at(c.respondBy), alert: c.flags.includes('red') },
    {
      key: '答复期限',
      value: `${at(c.dueAt)}${c.urgent ? '（紧急）' : ''}`,
      alert: c.flags.includes('overdue') || c.urgent,
    },
  ];
  if (c.extension) facts.push({ key: '延期', value: `${c.extension.workingDays} 个工作日：${c.extension.reason}` });
  if (c.returned)
    facts.push({ key: '退回', value: `${c.returned.fromOrgName}：${c.returned.reason}（${at(c.returned.at)}）` });
  if (c.verification)
    facts.push({
      key: '核实',
      value: c.verification.valid
        ? `有效${c.verification.points ? `，计 ${c.verification.points} 蜂力值` : '，不计蜂力值'}`
        : `无效${c.verification.note ? `：${c.verification.note}` : ''}`,
    });
  if (c.duplicateOf) facts.push({ key: '重复于', value: `「${c.duplicateOf.title}」` });
  if (c.rejectReason && !c.duplicateOf) facts.push({ key: '驳回原因', value: c.rejectReason });
  if (c.rating) facts.push({ key: '评价', value: RATING_LABELS[c.rating] });
  for (const flag of c.flags)
    if (c.flagsRaised[flag]) facts.push({ key: '预警', value: `${FLAG_LABELS[flag]}，${at(c.flagsRaised[flag])}` });
  if (c.source.kind === 'meeting') facts.push({ key: '来源', value: `小哥圆桌会：${c.source.item}` });
  return facts;
}

export function toAdminView(c: CaseAdminView): AdminCaseView {
  return {
    id: c.id,
    version: c.version,
    isReport: c.kind === 'report',
    title: c.title,
    kindLine: kindLine(c),
    state: stateTag(c.state),
    flags: flagTags(c.flags),
    urgent: c.urgent,
    raiser: c.raiser ? { name: c.raiser.name, phone: c.raiser.phone } : null,
    raiserNote: c.anonymous ? '匿名上报，不显示提出人' : c.source.kind === 'meeting' ? '圆桌会记录的诉求' : '',
    facts: factsOf(c),
    description: c.description,
    address: c.address,
    location: c.location,
    photos: photosOf(c.photos),
    answer: c.answer ? { text: c.answer.text, meta: `${c.answer.orgName} · ${at(c.answer.at)}` } : null,
    timeline: timelineOf(c.timeline, '提出人'),
    actions: actionsOf(c),
  };
}
