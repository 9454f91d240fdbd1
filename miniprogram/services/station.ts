// The station feature's service module: 党群服务驿站 near the rider (or by district),
// one station's card, and the organisers' records. In the main package because the
// home page shows the nearest open station; the station subpackage uses it too.
import type { StationApi } from '../../typings/station';
import { createApi } from './api';

/** The `station` cloud function. */
export const stationApi = createApi<StationApi>('station');
