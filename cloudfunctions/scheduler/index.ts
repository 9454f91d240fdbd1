// The `scheduler` cloud function, fired by its timer trigger (cloudbaserc.json):
// periodic upkeep such as recounting votes. Only the platform's timer may run it;
// a timer event carries no action, so it runs `upkeep`.
import type { SchedulerApi } from '../../typings/scheduler';
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction<SchedulerApi>('scheduler', handlers, { timerAction: 'upkeep' });
