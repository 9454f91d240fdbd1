import type { RoundtableApi } from '../../typings/roundtable';
import type { Handlers } from '../_shared/function';
import { adminMeetingHandlers } from './handlers/admin-meetings';
import { adminSignUpHandlers } from './handlers/admin-signups';
import { publicHandlers } from './handlers/public';
import { statsHandlers } from './handlers/stats';
import { workerHandlers } from './handlers/worker';

export const handlers = {
  ...publicHandlers,
  ...workerHandlers,
  ...adminMeetingHandlers,
  ...adminSignUpHandlers,
  ...statsHandlers,
} satisfies Handlers<RoundtableApi>;
