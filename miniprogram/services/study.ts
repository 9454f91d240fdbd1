import type { StudyApi } from '../../typings/study';
import { createApi } from './api';

/** The `study` cloud function: daily quotes (每日金句) and micro lectures (微党课). */
export const studyApi = createApi<StudyApi>('study');
