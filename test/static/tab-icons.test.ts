// The tab bar has icons: a PNG for each tab, normal and selected, 81 × 81, at most
// 40 KB, grey (#666666) and party red (#C8161D) — exactly what the committed
// script (scripts/tab-icons/icons.ts) draws, so they can be regenerated, not hand-edited.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodePng, NORMAL, SELECTED, SIZE, tabIcons } from '../../scripts/tab-icons/icons';

const MINIPROGRAM = join(__dirname, '../../miniprogram');
const app = JSON.parse(readFileSync(join(MINIPROGRAM, 'app.json'), 'utf8')) as {
  tabBar: {
    color: string;
    selectedColor: string;
    list: { pagePath: string; iconPath?: string; selectedIconPath?: string }[];
  };
};
const tabs = app.tabBar.list;

/** The distinct colours of a decoded icon's visible pixels. */
function colours(rgba: Buffer): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] === 0) continue;
    seen.add(`#${[rgba[i]!, rgba[i + 1]!, rgba[i + 2]!].map((c) => c.toString(16).padStart(2, '0')).join('')}`);
  }
  return seen;
}

describe('tab bar icons', () => {
  it('every tab has a normal and a selected icon that exist', () => {
    expect(tabs.map((t) => t.pagePath)).toEqual(['pages/home/index', 'pages/me/index']);
    for (const t of tabs) {
      expect(t.iconPath).toMatch(/^images\/tabbar\/.+\.png$/);
      expect(t.selectedIconPath).toMatch(/^images\/tabbar\/.+\.png$/);
      expect(statSync(join(MINIPROGRAM, t.iconPath!)).isFile()).toBe(true);
      expect(statSync(join(MINIPROGRAM, t.selectedIconPath!)).isFile()).toBe(true);
    }
  });

  it('each is a PNG of 81 × 81 px and at most 40 KB, grey when normal and red when selected', () => {
    expect([app.tabBar.color, app.tabBar.selectedColor]).toEqual([NORMAL, SELECTED]);
    for (const t of tabs) {
      for (const [file, colour] of [
        [t.iconPath!, NORMAL],
        [t.selectedIconPath!, SELECTED],
      ] as const) {
        const png = readFileSync(join(MINIPROGRAM, file));
        expect(png.length).toBeLessThanOrEqual(40 * 1024);
        const { width, height, rgba } = decodePng(png);
        expect([width, height]).toEqual([SIZE, SIZE]);
        expect([...colours(rgba)]).toEqual([colour.toLowerCase()]);
      }
    }
  });

  it('are the pixels the script draws, and nothing else is in the folder', () => {
    const drawn = tabIcons();
    const folder = join(MINIPROGRAM, 'images/tabbar');
    expect(readdirSync(folder).sort()).toEqual(Object.keys(drawn).sort());
    for (const [name, png] of Object.entries(drawn)) {
      const committed = decodePng(readFileSync(join(folder, name))).rgba;
      expect(committed.equals(decodePng(png).rgba)).toBe(true);
    }
  });
});
