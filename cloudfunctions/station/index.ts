// The `station` cloud function: the service-station map (党群服务驿站 / 暖蜂驿站) —
// nearest first for riders, the stations of their sub-tree for organisers.
import type { StationApi } from '../../typings/station';
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction<StationApi>('station', handlers);
