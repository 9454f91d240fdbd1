// The station map's marker icons (<map> markers take an image file): a pin in the
// colour of the station's open state — party red when staffed, orange when the
// door opens by code, grey when closed — with a white ring, drawn like the tab
// icons (signed distances, Node built-ins only). `generate.ts` writes them into the
// station subpackage; test/static/marker-icons.test.ts checks the committed files.
import { circle, encodePng, polygon, rasteriseLayers, type Sdf, union } from './icons';
import type { OpenState } from '../../typings/station';

/** px; shown at half size (32 × 40) on the map, sharp on 2× and 3× screens. */
export const MARKER = { width: 64, height: 80 };

export const MARKER_COLOURS: Record<OpenState, string> = {
  open: '#C8161D',
  door: '#E37318',
  closed: '#8B8B8B',
};

const WHITE = '#FFFFFF';

// A round head over a point at the bottom centre (the marker's anchor).
const head = circle(32, 29, 25);
const point = polygon([
  [12, 44],
  [52, 44],
  [32, 78],
]);
const pin: Sdf = union(head, point);
const edge: Sdf = (x, y) => pin(x, y) - 2; // a white rim, so pins stay apart when they overlap
const ring = circle(32, 29, 11);
const dot = circle(32, 29, 6);

/** The marker files: `marker-<state>.png` → PNG bytes. */
export function markerIcons(): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [state, colour] of Object.entries(MARKER_COLOURS)) {
    const rgba = rasteriseLayers(
      [
        [edge, WHITE],
        [pin, colour],
        [ring, WHITE],
        [dot, colour],
      ],
      MARKER.width,
      MARKER.height,
    );
    out[`marker-${state}.png`] = encodePng(rgba, MARKER.width, MARKER.height);
  }
  return out;
}
