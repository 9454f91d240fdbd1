// The `study` cloud function: daily quotes (每日金句) and micro lectures (微党课).
import type { StudyApi } from '../../typings/study';
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction<StudyApi>('study', handlers);
