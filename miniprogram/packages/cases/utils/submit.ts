// Sending a demand or a 随手拍 report: on the submit tap the answered notice is
// requested from WeChat first (it must be asked within the tap), what the rider
// accepted goes with the case, and the case's page opens with the confirmation.
import type { MyCase, SubmitCaseRequest } from '../../../../typings/cases';
import { ROUTES } from '../../../config/routes';
import { casesApi } from '../services/cases';
import { askNotices, caseOptions } from './options';

/** Where a user's case photos are uploaded (the server takes only the raiser's own folder). */
export const photoFolder = (userId: string) => `cases/${userId}`;

/**
 * Call synchronously from the submit tap, with the template ids the options gave
 * (loaded when the page opened): asks for the answered notice, then submits.
 */
export function submitWithNotice(req: Omit<SubmitCaseRequest, 'grants'>, templateIds: string[]): Promise<MyCase> {
  return askNotices(templateIds).then((grants) =>
    casesApi('submitCase', { ...req, ...(grants.length ? { grants } : {}) }),
  );
}

/** The raiser's template ids, once the options are in ([] until then: the case goes without asking). */
export async function raiserTemplateIds(): Promise<string[]> {
  try {
    return (await caseOptions()).raiserTemplates.templateIds;
  } catch {
    return [];
  }
}

/** The new case's page, replacing the form, with the confirmation on top. */
export function openSubmitted(c: MyCase): void {
  wx.redirectTo({ url: `${ROUTES.caseDetail}?id=${encodeURIComponent(c.id)}&submitted=1` });
}
