// A stand-in for WeChat's native <map>, which a browser cannot draw: a light
// map-like ground, and the page's markers (their iconPath images) where they are —
// each latitude/longitude projected with Web Mercator relative to the map's
// latitude/longitude/scale (a scale is a zoom level: the world is 256 × 2^scale px
// wide), so a screenshot shows where the stations are. Markers that joinCluster
// and lie within the cluster grid of each other (initMarkerCluster's gridSize)
// are drawn as one numbered bubble, as WeChat's default cluster style does; the
// user's position is the blue dot of show-location. No tiles, no roads that exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MINIPROGRAM_DIR } from './manifest';

export interface MapMarker {
  latitude: number;
  longitude: number;
  iconPath?: string;
  width?: number;
  height?: number;
  joinCluster?: boolean;
  /** Where the image sits on the point: { x: 0.5, y: 1 } (bottom centre) by default, as WeChat does. */
  anchor?: { x: number; y: number };
}

/** What the page did to its maps through their contexts, by map id. */
export interface MapContexts {
  /** initMarkerCluster's gridSize (WeChat's default is 60 px). */
  clusterGrid: Record<string, number>;
}

/** The map's view, from its attributes. */
export interface MapView {
  latitude: number;
  longitude: number;
  scale: number;
  markers: MapMarker[];
  /** Draw the user's position (show-location), when the phone has one. */
  user: { latitude: number; longitude: number } | null;
  /** The cluster grid in px, or null when clustering was never set up. */
  gridSize: number | null;
}

/** Web Mercator: a point's position in px on a world 256 × 2^scale px wide. */
export function project(latitude: number, longitude: number, scale: number): { x: number; y: number } {
  const world = 256 * 2 ** scale;
  const lat = (Math.max(-85.05, Math.min(85.05, latitude)) * Math.PI) / 180;
  return {
    x: ((longitude + 180) / 360) * world,
    y: ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * world,
  };
}

interface Placed {
  marker: MapMarker;
  /** px from the map's centre. */
  dx: number;
  dy: number;
}

export interface Cluster {
  members: Placed[];
  dx: number;
  dy: number;
}

/**
 * Greedy grid clustering, as marker clusterers do: each marker joins the first
 * cluster whose first marker is less than a grid cell away on both axes, else it
 * starts one. A cluster of one is its marker.
 */
export function clusterMarkers(placed: Placed[], gridSize: number): Cluster[] {
  const clusters: (Cluster & { ox: number; oy: number })[] = [];
  for (const p of placed) {
    const home = clusters.find((c) => Math.abs(c.ox - p.dx) < gridSize && Math.abs(c.oy - p.dy) < gridSize);
    if (home) home.members.push(p);
    else clusters.push({ members: [p], dx: p.dx, dy: p.dy, ox: p.dx, oy: p.dy });
  }
  for (const c of clusters) {
    c.dx = c.members.reduce((s, m) => s + m.dx, 0) / c.members.length;
    c.dy = c.members.reduce((s, m) => s + m.dy, 0) / c.members.length;
  }
  return clusters;
}

const images = new Map<string, string>();

/** A marker image of the mini-program (an absolute path in it) as a data URI. */
function imageUri(path: string): string {
  let uri = images.get(path);
  if (uri === undefined) {
    try {
      const type = path.endsWith('.png') ? 'image/png' : path.endsWith('.svg') ? 'image/svg+xml' : 'image/jpeg';
      uri = `data:${type};base64,${readFileSync(join(MINIPROGRAM_DIR, path)).toString('base64')}`;
    } catch {
      uri = '';
    }
    images.set(path, uri);
  }
  return uri;
}

const at = (dx: number, dy: number) => `left:calc(50% + ${dx.toFixed(1)}px);top:calc(50% + ${dy.toFixed(1)}px)`;

// A pale ground with a river, a park and a loose street grid: reads as a map, claims no real place.
const GROUND = [
  'radial-gradient(circle at 78% 22%, #dbead2 0 34px, transparent 35px)',
  'radial-gradient(ellipse 60px 40px at 14% 80%, #dbead2 0 100%, transparent 101%)',
  'linear-gradient(162deg, transparent 57%, #cfe2f1 57%, #cfe2f1 62%, transparent 62%)',
  'linear-gradient(90deg, transparent 34%, #ffffff 34%, #ffffff 35.6%, transparent 35.6%)',
  'linear-gradient(0deg, transparent 41%, #ffffff 41%, #ffffff 43%, transparent 43%)',
  'linear-gradient(28deg, transparent 70%, #fbe7b5 70%, #fbe7b5 71.4%, transparent 71.4%)',
  'repeating-linear-gradient(90deg, transparent 0 46px, rgba(255,255,255,.75) 46px 48px)',
  'repeating-linear-gradient(0deg, transparent 0 38px, rgba(255,255,255,.75) 38px 40px)',
].join(',');

function markerHtml(p: Placed): string {
  const m = p.marker;
  const w = m.width ?? 32;
  const h = m.height ?? 40;
  const ax = m.anchor?.x ?? 0.5;
  const ay = m.anchor?.y ?? 1;
  const src = m.iconPath ? imageUri(m.iconPath) : '';
  const look = src
    ? `background:url('${src}') center/100% 100% no-repeat`
    : 'background:#c8161d;border-radius:50% 50% 50% 0;transform:rotate(-45deg)';
  return `<span class="wx-map-marker" style="position:absolute;${at(p.dx - ax * w, p.dy - ay * h)};width:${w}px;height:${h}px;${look}"></span>`;
}

function clusterHtml(c: Cluster): string {
  const n = c.members.length;
  const size = n >= 100 ? 44 : n >= 10 ? 38 : 32;
  return (
    `<span class="wx-map-cluster" style="position:absolute;${at(c.dx - size / 2, c.dy - size / 2)};width:${size}px;height:${size}px;` +
    `box-sizing:border-box;border-radius:50%;border:3px solid rgba(255,255,255,.9);background:#c8161d;color:#fff;` +
    `font:600 14px/${size - 6}px sans-serif;text-align:center;box-shadow:0 1px 4px rgba(0,0,0,.3)">${n}</span>`
  );
}

/** The inside of the stand-in <map>, and the style its host needs. */
export function renderMap(view: MapView): { style: string; html: string } {
  const centre = project(view.latitude, view.longitude, view.scale);
  const placed: Placed[] = view.markers
    .filter((m) => Number.isFinite(m.latitude) && Number.isFinite(m.longitude))
    .map((marker) => {
      const p = project(marker.latitude, marker.longitude, view.scale);
      return { marker, dx: p.x - centre.x, dy: p.y - centre.y };
    });
  const clustered = view.gridSize ? placed.filter((p) => p.marker.joinCluster) : [];
  const single = placed.filter((p) => !clustered.includes(p));
  const parts: string[] = [];
  for (const c of clusterMarkers(clustered, view.gridSize ?? 0)) {
    if (c.members.length === 1) single.push(c.members[0]!);
    else parts.push(clusterHtml(c));
  }
  // Southern markers overlap northern ones, as on a map.
  single.sort((a, b) => a.dy - b.dy);
  parts.unshift(...single.map(markerHtml));
  if (view.user) {
    const u = project(view.user.latitude, view.user.longitude, view.scale);
    parts.push(
      `<span class="wx-map-user" style="position:absolute;${at(u.x - centre.x - 8, u.y - centre.y - 8)};width:16px;height:16px;` +
        `box-sizing:border-box;border-radius:50%;border:3px solid #fff;background:#2f7cf6;box-shadow:0 0 0 8px rgba(47,124,246,.18)"></span>`,
    );
  }
  return {
    style: `position:relative;overflow:hidden;background-color:#f1efe9;background-image:${GROUND}`,
    html: parts.join(''),
  };
}
