// The case_reply_templates collection: answers an org's organisers reuse
// (optionally for one category), saved and listed per org.
import type { CaseCategory, ReplyTemplate } from '../../../typings/cases';
import { COLLECTIONS } from '../../_shared/collections';
import { collection, findDocs, getDoc } from '../../_shared/db';
import { notFound } from '../../_shared/errors';

export interface ReplyTemplateDoc {
  _id: string;
  orgId: string;
  title: string;
  text: string;
  category: CaseCategory | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const templates = () => collection(COLLECTIONS.caseReplyTemplates);

export async function requireTemplate(id: string): Promise<ReplyTemplateDoc> {
  const t = await getDoc<ReplyTemplateDoc>(COLLECTIONS.caseReplyTemplates, id);
  if (!t) throw notFound('答复模板');
  return t;
}

export async function addTemplate(fields: Omit<ReplyTemplateDoc, '_id'>): Promise<ReplyTemplateDoc> {
  const { id } = (await templates().add(fields)) as { id: string };
  return { _id: id, ...fields };
}

export async function updateTemplate(
  id: string,
  fields: Pick<ReplyTemplateDoc, 'title' | 'text' | 'category' | 'updatedAt'>,
): Promise<void> {
  await templates().doc(id).update(fields);
}

/** An org's templates, newest first; with a category, those for it and those for every category. */
export async function templatesOf(orgId: string, category?: CaseCategory): Promise<ReplyTemplateDoc[]> {
  const list = await findDocs<ReplyTemplateDoc>(COLLECTIONS.caseReplyTemplates, { orgId }, 200);
  return list
    .filter((t) => !category || !t.category || t.category === category)
    .sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime());
}

export function toTemplate(t: ReplyTemplateDoc): ReplyTemplate {
  return {
    id: t._id,
    orgId: t.orgId,
    title: t.title,
    text: t.text,
    category: t.category,
    updatedAt: new Date(t.updatedAt).toISOString(),
  };
}
