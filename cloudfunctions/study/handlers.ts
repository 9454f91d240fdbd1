import type { StudyApi } from '../../typings/study';
import type { Handlers } from '../_shared/function';
import { lectureAdminHandlers } from './lectures/admin';
import { lectureWorkerHandlers } from './lectures/worker';
import { quoteAdminHandlers } from './quotes/admin';
import { quoteWorkerHandlers } from './quotes/worker';
import { statsHandlers } from './stats';

export const handlers = {
  ...quoteWorkerHandlers,
  ...lectureWorkerHandlers,
  ...quoteAdminHandlers,
  ...lectureAdminHandlers,
  ...statsHandlers,
} satisfies Handlers<StudyApi>;
