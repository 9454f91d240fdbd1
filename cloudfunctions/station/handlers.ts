import type { StationApi } from '../../typings/station';
import type { Handlers } from '../_shared/function';
import { adminHandlers } from './handlers/admin';
import { publicHandlers } from './handlers/public';

export const handlers = { ...publicHandlers, ...adminHandlers } satisfies Handlers<StationApi>;
