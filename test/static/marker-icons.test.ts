// The station map's marker icons are exactly what the committed script draws
// (scripts/tab-icons/markers.ts): one per open state, 64 × 80, small, and the
// folder holds nothing else — so they are regenerated with `npm run icons`, not
// hand-edited, and every open state has its pin.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePng } from '../../scripts/tab-icons/icons';
import { MARKER, MARKER_COLOURS, markerIcons } from '../../scripts/tab-icons/markers';

const FOLDER = join(__dirname, '../../miniprogram/packages/station/images');

/** How many opaque pixels of a decoded icon have exactly this colour. */
function count(rgba: Buffer, colour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4)
    if (rgba[i + 3] === 255 && rgba[i] === r && rgba[i + 1] === g && rgba[i + 2] === b) n++;
  return n;
}

describe('station marker icons', () => {
  it('are the pixels the script draws, one per open state, and nothing else is in the folder', () => {
    const drawn = markerIcons();
    expect(Object.keys(drawn).sort()).toEqual(['marker-closed.png', 'marker-door.png', 'marker-open.png']);
    expect(readdirSync(FOLDER).sort()).toEqual(Object.keys(drawn).sort());
    for (const [name, png] of Object.entries(drawn)) {
      const committed = decodePng(readFileSync(join(FOLDER, name)));
      expect([committed.width, committed.height]).toEqual([MARKER.width, MARKER.height]);
      expect(committed.rgba.equals(decodePng(png).rgba)).toBe(true);
      expect(readFileSync(join(FOLDER, name)).length).toBeLessThanOrEqual(4 * 1024);
    }
  });

  it('each pin is mostly its state’s colour, with a white ring, on transparent corners', () => {
    for (const [state, colour] of Object.entries(MARKER_COLOURS)) {
      const { width, rgba } = decodePng(readFileSync(join(FOLDER, `marker-${state}.png`)));
      expect(count(rgba, colour)).toBeGreaterThan(1000);
      expect(count(rgba, '#FFFFFF')).toBeGreaterThan(100);
      expect(rgba[3]).toBe(0); // top-left corner
      expect(rgba[(width - 1) * 4 + 3]).toBe(0); // top-right corner
    }
  });
});
