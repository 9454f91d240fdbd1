// What the station journey arranges: stations open all day at known distances
// from where the rider stands (the phone's side is support/phone.ts).
import type { StationAdminView } from '../../../typings/station';
import { type Call, stationInput } from '../../support/arrange';

/** Where the rider stands (gcj02). */
export const RIDER_AT = { lat: 29.56, lng: 106.55 };

const ALL_DAY = { allDay: true, periods: [], nightAccess: false };

/** Three stations under `parentId`: about 220 m, 970 m and 3.3 km from RIDER_AT. */
export async function stationsAroundRider(call: Call, admin: string, parentId: string) {
  const save = (name: string, number: string, dLat: number, dLng: number, address: string) =>
    call<StationAdminView>(
      admin,
      'station',
      'saveStation',
      stationInput(parentId, {
        name,
        number,
        address,
        location: { lat: RIDER_AT.lat + dLat, lng: RIDER_AT.lng + dLng },
        hours: ALL_DAY,
      }),
    );
  // Saved farthest first, so the list's order comes from the distances, not from saving.
  const far = await save('北岸快递小哥之家', 'BA-01', 0.03, 0, '北岸路 30 号');
  const mid = await save('滨江党群服务驿站', 'BJ-01', 0, 0.01, '滨江路 8 号');
  const near = await save('城南骑手驿站', 'CN-01', 0.002, 0, '城南街 2 号');
  return { near, mid, far };
}
