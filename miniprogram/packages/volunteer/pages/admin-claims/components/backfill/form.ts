// The backfill form (pure): whose hours, for which ended activity — or, without
// one, what the service was and its span — how many (capped by the activity's
// planned duration or the span), why, and the evidence.
import type { AddHonorHoursRequest } from '../../../../../../../typings/volunteer-team';
import type { PickedPhoto } from '../../../../../../components/photo-picker/index';
import { beijingInstant } from '../../../../../../utils/format';

export interface BackfillForm {
  userId: string;
  memberText: string;
  activityId: string;
  /** The chosen activity's planned minutes (0 without one). */
  activityMinutes: number;
  title: string;
  startAt: string;
  endAt: string;
  hours: string;
  reason: string;
  evidence: PickedPhoto[];
}

export const blankBackfill = (): BackfillForm => ({
  userId: '',
  memberText: '',
  activityId: '',
  activityMinutes: 0,
  title: '',
  startAt: '',
  endAt: '',
  hours: '',
  reason: '',
  evidence: [],
});

const minutesOf = (f: BackfillForm) => Math.round(Number(f.hours.trim()) * 60);

/** The most minutes the form may grant; NaN when the span is not complete. */
export function capMinutes(f: BackfillForm): number {
  if (f.activityId) return f.activityMinutes;
  return (Date.parse(beijingInstant(f.endAt)) - Date.parse(beijingInstant(f.startAt))) / 60_000;
}

export function checkBackfill(f: BackfillForm, now: number): string | null {
  if (!f.userId) return '请先查找并选择队员';
  if (!f.activityId) {
    if (!f.title.trim()) return '请填写服务内容，或选择一个已结束的活动';
    const cap = capMinutes(f);
    if (Number.isNaN(cap)) return '请选择服务的开始和结束时间';
    if (cap <= 0) return '结束时间要晚于开始时间';
    if (Date.parse(beijingInstant(f.endAt)) > now) return '只能补录已经完成的服务';
  }
  const minutes = minutesOf(f);
  if (!Number.isFinite(minutes) || minutes < 1) return '请填写补录的小时数，如 2 或 1.5';
  if (minutes > capMinutes(f)) return f.activityId ? '不能超过活动的计划服务时长' : '不能超过服务时段的长度';
  if ([...f.reason.trim()].length < 2) return '请填写补录理由';
  if (!f.evidence.length) return '请上传至少 1 份凭证（照片、签到表）';
  return null;
}

export function backfillRequest(f: BackfillForm): AddHonorHoursRequest {
  return {
    userId: f.userId,
    ...(f.activityId
      ? { activityId: f.activityId }
      : { title: f.title.trim(), startAt: beijingInstant(f.startAt), endAt: beijingInstant(f.endAt) }),
    minutes: minutesOf(f),
    reason: f.reason.trim(),
    evidence: f.evidence.map((p) => p.fileId),
  };
}
