// The 添加/编辑候选人 form of the 候选人 tab, its checks and the fields it sends.
import { displayUrl } from '../../../../../../services/files';
import type { CandidateAdminRow } from './rows';

export interface CandidateForm {
  visible: boolean;
  /** Empty when adding. */
  id: string;
  category: string;
  name: string;
  platform: string;
  deeds: string;
  photos: { fileId: string; url: string }[];
}

export const MAX_PHOTOS = 6;

export function closedCandidateForm(): CandidateForm {
  return { visible: false, id: '', category: '', name: '', platform: '', deeds: '', photos: [] };
}

export function newCandidateForm(category: string): CandidateForm {
  return { ...closedCandidateForm(), visible: true, category };
}

export function editCandidateForm(row: CandidateAdminRow): CandidateForm {
  return {
    visible: true,
    id: row.id,
    category: row.category,
    name: row.name,
    platform: row.platform,
    deeds: row.deeds,
    photos: row.photoIds.map((fileId) => ({ fileId, url: displayUrl(fileId) })),
  };
}

/** The first obvious problem, or null (the server checks everything again). */
export function checkCandidateForm(f: CandidateForm): string | null {
  if (f.name.trim().length < 2) return '请填写姓名（至少 2 个字）';
  if (!f.platform.trim()) return '请填写平台或单位';
  if (f.deeds.trim().length < 20) return '事迹介绍至少 20 个字';
  return null;
}

/** What addCandidate and updateCandidate take from the form. */
export function candidateFields(f: CandidateForm) {
  return {
    name: f.name.trim(),
    platform: f.platform.trim(),
    deeds: f.deeds.trim(),
    photos: f.photos.map((p) => p.fileId),
  };
}
