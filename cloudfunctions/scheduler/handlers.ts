import type { SchedulerApi } from '../../typings/scheduler';
import type { Handlers } from '../_shared/function';
import { upkeepHandlers } from './handlers/upkeep';

export const handlers = { ...upkeepHandlers } satisfies Handlers<SchedulerApi>;
