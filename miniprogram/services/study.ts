// The study feature's one service module. It lives in the main package because
// the home page shows today's quote and checks in; the study subpackage's pages,
// worker and organiser, use it too.
import type { OfficeApi } from '../../typings/office';
import type { StudyApi } from '../../typings/study';
import { createApi } from './api';

/** The `study` cloud function: daily quotes (每日金句) and micro lectures (微党课). */
export const studyApi = createApi<StudyApi>('study');

/** Study's part of the organiser-only `office` function: importing quotes from a spreadsheet. */
export const studyOfficeApi = createApi<Pick<OfficeApi, 'importQuotes'>>('office');
