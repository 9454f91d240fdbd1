// The add/edit form of the quote admin page and the request it becomes.
import type { QuoteAdminView, StudyApi } from '../../../../../typings/study';
import type { OrgChoice } from '../../utils/owner-orgs';

export interface QuoteForm {
  visible: boolean;
  /** Empty when adding. */
  id: string;
  text: string;
  source: string;
  sample: boolean;
  /** The owner org (editing keeps a sub-org owner even if it is not one of the choices). */
  orgId: string;
  orgName: string;
}

export function closedQuoteForm(): QuoteForm {
  return { visible: false, id: '', text: '', source: '', sample: false, orgId: '', orgName: '' };
}

export function newQuoteForm(owner: OrgChoice | undefined): QuoteForm {
  return { ...closedQuoteForm(), visible: true, orgId: owner?.id ?? '', orgName: owner?.name ?? '' };
}

export function editQuoteForm(
  q: Pick<QuoteAdminView, 'id' | 'text' | 'source' | 'sample' | 'orgId'>,
  orgName: string,
): QuoteForm {
  return { visible: true, id: q.id, text: q.text, source: q.source, sample: q.sample, orgId: q.orgId, orgName };
}

/** The first obvious problem, or null (the server checks everything again). */
export function checkQuoteForm(f: QuoteForm): string | null {
  const length = [...f.text.trim()].length;
  if (length < 2) return '请填写金句内容（至少 2 个字）';
  if (length > 200) return '金句内容不能超过 200 个字';
  if (!f.source.trim()) return '请填写出处';
  if (!f.orgId) return '请选择归属组织';
  return null;
}

export function toSaveQuote(f: QuoteForm): StudyApi['saveQuote']['req'] {
  return {
    ...(f.id ? { id: f.id } : {}),
    text: f.text.trim(),
    source: f.source.trim(),
    sample: f.sample,
    orgId: f.orgId,
  };
}
