// What the raiser's case page shows of a MyCase (the admin page has its own view).
import type { MyCase } from '../../../../../typings/cases';
import { formatDateTime, formatMonthDay } from '../../../../utils/format';
import { kindLine, RATING_LABELS, STATE_HINTS, STATE_LABELS } from '../../utils/labels';
import {
  dueText,
  flagWords,
  type PhotoView,
  photosOf,
  reopenRefusal,
  type StageView,
  stagesOf,
  stateTag,
  type Tag,
  timelineOf,
  type TimelineView,
} from '../../utils/views';

export interface DetailView {
  id: string;
  isReport: boolean;
  title: string;
  kindLine: string;
  state: Tag;
  hint: string;
  flagWords: string;
  stages: StageView[];
  orgName: string;
  due: string;
  /** An answer is (again) to come: the due date is worth showing. */
  awaitingAnswer: boolean;
  urgent: boolean;
  submitted: string;
  description: string;
  address: string;
  photos: PhotoView[];
  /** "2 张照片正在审核，通过后显示" or ''. */
  photosHidden: string;
  anonymous: boolean;
  publicOptIn: boolean;
  answer: { text: string; at: string; orgName: string } | null;
  /** "延期 3 个工作日：需要协调供电所" or ''. */
  extension: string;
  rejectReason: string;
  /** "与「和平路口井盖缺失」重复，该事项办理中" or ''. */
  duplicate: string;
  /** "已获得 10 蜂力值" or ''. */
  points: string;
  /** "满意" or ''. */
  rating: string;
  timeline: TimelineView[];
  canConfirm: boolean;
  canRate: boolean;
  canReopen: boolean;
  reopenRefusal: string;
  /** "12月10日前可要求重新办理" or ''. */
  reopenUntil: string;
}

export function toDetail(c: MyCase): DetailView {
  return {
    id: c.id,
    isReport: c.kind === 'report',
    title: c.title,
    kindLine: kindLine(c),
    state: stateTag(c.state),
    hint: STATE_HINTS[c.state],
    flagWords: flagWords(c.flags),
    stages: stagesOf(c.state),
    orgName: c.orgName,
    due: dueText(c),
    awaitingAnswer: !['answered', 'closed', 'rejected'].includes(c.state),
    urgent: c.urgent,
    submitted: formatDateTime(c.submittedAt),
    description: c.description,
    address: c.address,
    photos: photosOf(c.photos),
    photosHidden: c.photosHidden ? `${c.photosHidden} 张照片正在审核，通过后显示` : '',
    anonymous: c.anonymous,
    publicOptIn: c.publicOptIn,
    answer: c.answer ? { text: c.answer.text, at: formatDateTime(c.answer.at), orgName: c.answer.orgName } : null,
    extension: c.extension ? `延期 ${c.extension.workingDays} 个工作日：${c.extension.reason}` : '',
    rejectReason: c.state === 'rejected' && !c.duplicateOf ? c.rejectReason : '',
    duplicate: c.duplicateOf
      ? `与「${c.duplicateOf.title}」重复，请关注该事项的进展（${STATE_LABELS[c.duplicateOf.state]}）`
      : '',
    points: c.points ? `核实有效，已获得 ${c.points} 蜂力值` : '',
    rating: c.rating ? RATING_LABELS[c.rating] : '',
    timeline: timelineOf(c.timeline, '我'),
    canConfirm: c.canConfirm,
    canRate: c.canRate,
    canReopen: c.canReopen,
    reopenRefusal: reopenRefusal(c),
    reopenUntil: c.reopenUntil ? `${formatMonthDay(c.reopenUntil)}前可要求重新办理` : '',
  };
}
