// The cases feature's one service module, for its worker and organiser pages:
// demands (诉求) tracked to an answer, 随手拍 reports, the public board (实事共办),
// the organisers' workbench, reply templates, statistics and the export.
//
// It lives in the subpackage, not in miniprogram/services/: nothing in the main
// package uses it, and main-package JS imported only from subpackages fails
// miniprogram-ci's CONTAINS_OTHER_PKG_JS (docs/client.md).
import type { CasesApi } from '../../../../typings/cases';
import type { OfficeApi } from '../../../../typings/office';
import { createApi } from '../../../services/api';

/** The `cases` cloud function. */
export const casesApi = createApi<CasesApi>('cases');

/** The cases' part of the organiser-only `office` function: the spreadsheet export. */
export const casesOfficeApi = createApi<Pick<OfficeApi, 'exportCases'>>('office');
