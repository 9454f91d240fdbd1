// Location in app.json as WeChat requires it: every location API the code calls is
// declared in requiredPrivateInfos (code that calls an undeclared one cannot be
// submitted), precise and fuzzy location are not both declared (WeChat refuses
// that), and scope.userLocation says what the position is for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MINIPROGRAM = join(__dirname, '../../miniprogram');
const app = JSON.parse(readFileSync(join(MINIPROGRAM, 'app.json'), 'utf8')) as {
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc: string }>;
};

/** The location APIs requiredPrivateInfos governs. */
const LOCATION_APIS = [
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'onLocationChange',
];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (name === 'node_modules' || name === 'miniprogram_npm') continue;
    if (statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

const used = new Set(
  sources(MINIPROGRAM).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/\bwx\.(\w+)\(/g)]
      .map((m) => m[1]!)
      .filter((api) => LOCATION_APIS.includes(api)),
  ),
);

describe('location in app.json', () => {
  it('declares every location API the code calls, and only those', () => {
    expect([...used].sort()).toEqual(['chooseLocation', 'getLocation']);
    expect([...(app.requiredPrivateInfos ?? [])].sort()).toEqual([...used].sort());
  });

  it('declares precise location only, never fuzzy beside it', () => {
    const declared = app.requiredPrivateInfos ?? [];
    expect(declared.includes('getLocation') && declared.includes('getFuzzyLocation')).toBe(false);
  });

  it('says what scope.userLocation is for, within WeChat’s 30 characters', () => {
    const desc = app.permission?.['scope.userLocation']?.desc ?? '';
    expect(desc).toContain('驿站');
    expect([...desc].length).toBeLessThanOrEqual(30);
  });
});
