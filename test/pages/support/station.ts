// Arrangements for the station page tests: stations made through the real
// functions (test/support/arrange.ts' stationInput, overridden), the phone's
// location world, and what the wx double recorded of location and the map.
import type { SaveStationRequest, StationAdminView } from '../../../typings/station';
import { stationInput, SUPERADMIN } from '../../support/arrange';
import { callAs } from './backend';
import { wxDouble } from './page';
import type { LocationWorld } from './wx-double';

/** A station under `parentId` (stationInput's, with `overrides`), saved by `admin`. */
export function addStation(
  parentId: string,
  overrides: Partial<SaveStationRequest> = {},
  admin = SUPERADMIN,
): Promise<StationAdminView> {
  return callAs<StationAdminView>(admin, 'station', 'saveStation', stationInput(parentId, overrides));
}

/** Sets how the phone answers about location for the rest of the test. */
export function phoneLocation(world: Partial<LocationWorld>): void {
  Object.assign(wxDouble().location, world);
}

/** Location already allowed, at `at`. */
export const allowedAt = (at: { lat: number; lng: number }): Partial<LocationWorld> => ({
  auth: true,
  position: { latitude: at.lat, longitude: at.lng },
});

/** How often the user was asked anything (privacy guide or authorisation). */
export const prompts = () => wxDouble().callsOf('prompt');

/** The calls the page made on its map context, by method. */
export const mapCalls = (method: string) =>
  wxDouble().callsOf(`MapContext.${method}`) as (Record<string, unknown> & { mapId: string })[];
