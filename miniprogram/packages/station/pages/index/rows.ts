// What the map page shows of each station: a list row, and a marker on the map.
import type { OpenState, StationSummary } from '../../../../../typings/station';
import type { TagTheme } from '../../../../config/labels';
import { formatDistance, hoursText, OPEN_STATE_LABELS, OPEN_STATE_THEMES } from '../../../../utils/station';
import { KIND_LABELS, serviceLine } from '../../utils/labels';

export interface StationRow {
  id: string;
  name: string;
  kindLabel: string;
  number: string;
  address: string;
  /** The org above it: the list's group header without a position. */
  parentName: string;
  location: { lat: number; lng: number };
  /** "320 米", or '' without a position. */
  distanceText: string;
  openState: OpenState;
  openLabel: string;
  openTheme: TagTheme;
  hoursText: string;
  /** "暖心、健康、法律" */
  serviceLine: string;
}

export function toRow(s: StationSummary): StationRow {
  return {
    id: s.id,
    name: s.name,
    kindLabel: KIND_LABELS[s.kind],
    number: s.number,
    address: s.address,
    parentName: s.parentName,
    location: s.location,
    distanceText: formatDistance(s.distanceM),
    openState: s.openState,
    openLabel: OPEN_STATE_LABELS[s.openState],
    openTheme: OPEN_STATE_THEMES[s.openState],
    hoursText: hoursText(s.hours),
    serviceLine: serviceLine(s.services),
  };
}

/**
 * At most this many markers go on the map. WeChat's <map> fails past about 500
 * markers (DevTools reports the limit; phones drop or stall), and clustering
 * (joinCluster) only groups what is drawn — it does not lift the limit. The list
 * is nearest first (or in district order), so the markers are its first rows.
 */
export const MARKER_LIMIT = 300;

/** A <map> marker. Its id is a number: the row's index + 1 (stationAt maps it back). */
export interface StationMarker {
  id: number;
  latitude: number;
  longitude: number;
  iconPath: string;
  width: number;
  height: number;
  /** Markers near each other on screen merge into one numbered cluster (initMarkerCluster). */
  joinCluster: true;
  callout: { content: string; display: 'BYCLICK'; padding: number; borderRadius: number; fontSize: number };
}

const ICONS: Record<OpenState, string> = {
  open: '/packages/station/images/marker-open.png',
  door: '/packages/station/images/marker-door.png',
  closed: '/packages/station/images/marker-closed.png',
};

/** The rows' markers (the first MARKER_LIMIT); the selected one drawn larger. */
export function toMarkers(rows: StationRow[], selectedId = ''): StationMarker[] {
  return rows.slice(0, MARKER_LIMIT).map((r, i) => {
    const big = r.id === selectedId;
    return {
      id: i + 1,
      latitude: r.location.lat,
      longitude: r.location.lng,
      iconPath: ICONS[r.openState],
      width: big ? 40 : 32,
      height: big ? 50 : 40,
      joinCluster: true,
      callout: { content: r.name, display: 'BYCLICK', padding: 8, borderRadius: 8, fontSize: 13 },
    };
  });
}

/** The row a marker stands for. */
export function rowOfMarker(rows: StationRow[], markerId: number): StationRow | undefined {
  return markerId >= 1 && markerId <= Math.min(rows.length, MARKER_LIMIT) ? rows[markerId - 1] : undefined;
}
