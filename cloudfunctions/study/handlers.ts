import type { StudyApi } from '../../typings/study';
import type { Handlers } from '../_shared/function';
import { lectureAdminHandlers } from './handlers/lectures-admin';
import { lectureWorkerHandlers } from './handlers/lectures-worker';
import { quoteAdminHandlers } from './handlers/quotes-admin';
import { quoteWorkerHandlers } from './handlers/quotes-worker';
import { statsHandlers } from './handlers/stats';

export const handlers = {
  ...quoteWorkerHandlers,
  ...lectureWorkerHandlers,
  ...quoteAdminHandlers,
  ...lectureAdminHandlers,
  ...statsHandlers,
} satisfies Handlers<StudyApi>;
