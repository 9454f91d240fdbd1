// The organiser's side of a rider's case in a journey, through the cases function:
// answering it, and the case as the organiser's workbench shows it (the raiser,
// every photo, the rating). Deadlines come from the working-day calendar on the
// real clock (the function's own; nothing is pinned).
import type { CaseAdminView } from '../../../typings/cases';
import type { Call } from '../../support/arrange';

export const answerCase = (call: Call, organiser: string, caseId: string, text: string) =>
  call<CaseAdminView>(organiser, 'cases', 'answerCase', { caseId, text });

export const caseAsOrganiser = (call: Call, organiser: string, caseId: string) =>
  call<CaseAdminView>(organiser, 'cases', 'adminGetCase', { caseId });
