// The self-report form (pure): what service, what was done, when (Beijing
// minutes, "YYYY-MM-DD HH:mm"), photos; checked as the server checks it — in the
// past, at most 12 hours, within the last 30 days, 10–500 characters, 1–9 photos.
import type { ServiceReportType, SubmitServiceRequest } from '../../../../../typings/volunteer-team';
import type { PickedPhoto } from '../../../../components/photo-picker/index';
import { beijingInstant } from '../../../../utils/format';

export interface ReportForm {
  serviceType: ServiceReportType | '';
  text: string;
  startAt: string;
  endAt: string;
  photos: PickedPhoto[];
}

export const MIN_TEXT = 10;
export const MAX_TEXT = 500;
export const MAX_PHOTOS = 9;
const HOUR_MS = 3_600_000;

export const blankReport = (): ReportForm => ({ serviceType: '', text: '', startAt: '', endAt: '', photos: [] });

/** The first problem in words a rider can act on; null when the report can go. */
export function checkReport(f: ReportForm, now: number): string | null {
  if (!f.serviceType) return '请选择服务类型';
  const length = [...f.text.trim()].length;
  if (length < MIN_TEXT) return `请写清做了什么，至少 ${MIN_TEXT} 个字`;
  if (length > MAX_TEXT) return `服务内容不能超过 ${MAX_TEXT} 个字`;
  const start = Date.parse(beijingInstant(f.startAt));
  const end = Date.parse(beijingInstant(f.endAt));
  if (Number.isNaN(start) || Number.isNaN(end)) return '请选择服务的开始和结束时间';
  if (end <= start) return '结束时间要晚于开始时间';
  if (end > now) return '只能上报已经完成的服务';
  if (end - start > 12 * HOUR_MS) return '一次上报最长 12 小时';
  if (now - start > 30 * 24 * HOUR_MS) return '只能上报 30 天内的服务';
  if (!f.photos.length) return '请至少上传 1 张照片作为凭证';
  return null;
}

export function reportRequest(f: ReportForm): SubmitServiceRequest {
  return {
    serviceType: f.serviceType as ServiceReportType,
    text: f.text.trim(),
    startAt: beijingInstant(f.startAt),
    endAt: beijingInstant(f.endAt),
    photos: f.photos.map((p) => p.fileId),
  };
}
