// The screenshots' stand-in for the native <map> (test/screens/map.ts): markers
// where Web Mercator puts them relative to the map's centre and scale, pins that
// would overlap drawn as one numbered cluster, the user's dot only when shown.
import { clusterMarkers, project, renderMap } from '../screens/map';

const CENTRE = { latitude: 30.268, longitude: 120.148 };
const pin = (latitude: number, longitude: number) => ({
  latitude,
  longitude,
  iconPath: '/packages/station/images/marker-open.png',
  width: 32,
  height: 40,
  joinCluster: true,
});

/** Where each element of a kind sits: the px offsets of its calc(50% + …px) position. */
function offsets(html: string, kind: string): [number, number][] {
  return [
    ...html.matchAll(
      new RegExp(
        `wx-map-${kind}" style="[^"]*left:calc\\(50% \\+ (-?[\\d.]+)px\\);top:calc\\(50% \\+ (-?[\\d.]+)px\\)`,
        'g',
      ),
    ),
  ].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('the map stand-in', () => {
  it('projects with Web Mercator: east is right, north is up, each scale doubles the distance', () => {
    const c = project(CENTRE.latitude, CENTRE.longitude, 14);
    const east = project(CENTRE.latitude, CENTRE.longitude + 0.01, 14);
    const north = project(CENTRE.latitude + 0.01, CENTRE.longitude, 14);
    // 0.01° of longitude on a world 256 × 2^14 px wide.
    expect(east.x - c.x).toBeCloseTo((256 * 2 ** 14 * 0.01) / 360, 6);
    expect(north.y).toBeLessThan(c.y);
    const c15 = project(CENTRE.latitude, CENTRE.longitude, 15);
    const east15 = project(CENTRE.latitude, CENTRE.longitude + 0.01, 15);
    expect(east15.x - c15.x).toBeCloseTo(2 * (east.x - c.x), 6);
  });

  it('draws a marker’s image with its bottom centre on its point', () => {
    const { html } = renderMap({ ...CENTRE, scale: 14, markers: [pin(30.268, 120.158)], user: null, gridSize: 40 });
    const dx = project(30.268, 120.158, 14).x - project(CENTRE.latitude, CENTRE.longitude, 14).x;
    expect(offsets(html, 'marker')).toEqual([[Number((dx - 16).toFixed(1)), -40]]);
    expect(html).toContain("background:url('data:image/png;base64,");
    expect(offsets(html, 'cluster')).toEqual([]);
    expect(html).not.toContain('wx-map-user');
  });

  it('merges pins closer than the cluster grid into one bubble with their count; those apart stay pins', () => {
    const markers = [pin(30.268, 120.148), pin(30.2681, 120.1481), pin(30.2682, 120.1479), pin(30.3, 120.2)];
    const { html } = renderMap({ ...CENTRE, scale: 14, markers, user: null, gridSize: 40 });
    expect(offsets(html, 'cluster')).toHaveLength(1);
    expect(html).toMatch(/wx-map-cluster"[^>]*>3</);
    expect(offsets(html, 'marker')).toHaveLength(1);
    // Without initMarkerCluster, every pin is drawn.
    expect(
      offsets(renderMap({ ...CENTRE, scale: 14, markers, user: null, gridSize: null }).html, 'marker'),
    ).toHaveLength(4);
  });

  it('clusters greedily by grid cell around each cluster’s first pin', () => {
    const at = (dx: number, dy: number) => ({ marker: pin(0, 0), dx, dy });
    const clusters = clusterMarkers([at(0, 0), at(30, 10), at(45, 0), at(200, 200)], 40);
    expect(clusters.map((c) => c.members.length)).toEqual([2, 1, 1]);
    expect(clusters[0]).toMatchObject({ dx: 15, dy: 5 });
  });

  it('shows the user’s position as a dot where it is', () => {
    const user = { latitude: 30.268, longitude: 120.148 };
    const { html } = renderMap({ ...CENTRE, scale: 14, markers: [], user, gridSize: 40 });
    expect(offsets(html, 'user')).toEqual([[-8, -8]]);
  });
});
