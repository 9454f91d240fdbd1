// The roundtable feature's one service module, for its worker and organiser pages:
// 小哥圆桌会, skills-training classes and station activities on the sign-up engine —
// lists, a meeting's page, signing up, check-in, minutes, statistics — and the
// organisers' two spreadsheets.
//
// It lives in the subpackage, not in miniprogram/services/: nothing in the main
// package uses it, and main-package JS imported only from subpackages fails
// miniprogram-ci's CONTAINS_OTHER_PKG_JS (docs/client.md).
import type { OfficeApi } from '../../../../typings/office';
import type { RoundtableApi } from '../../../../typings/roundtable';
import { createApi } from '../../../services/api';

/** The `roundtable` cloud function. */
export const roundtableApi = createApi<RoundtableApi>('roundtable');

/** The roundtable's part of the organiser-only `office` function: a meeting's sign-ups and a period's statistics as Excel. */
export const roundtableOfficeApi = createApi<Pick<OfficeApi, 'exportSignUps' | 'exportMeetingStats'>>('office');
