// The demo station network (stations-data.ts): each station's org in the tree (the
// ones orgs.ts does not already have) and its record, with its location as a
// GeoJSON point so the map's "nearest first" works on the seeded data.
import { SEED_ORG_IDS } from './orgs';
import { DEMO_STATIONS } from './stations-data';
import type { SeedModule } from './index';

/** The ancestors of every parent a demo station hangs under (orgs.ts's tree). */
const ANCESTORS: Record<string, string[]> = {
  [SEED_ORG_IDS.district]: [],
  [SEED_ORG_IDS.express]: [SEED_ORG_IDS.district],
  [SEED_ORG_IDS.food]: [SEED_ORG_IDS.district],
  [SEED_ORG_IDS.transport]: [SEED_ORG_IDS.district],
  [SEED_ORG_IDS.internet]: [SEED_ORG_IDS.district],
  [SEED_ORG_IDS.streetEast]: [SEED_ORG_IDS.district],
};

function pathAbove(parentId: string): string[] {
  const above = ANCESTORS[parentId];
  if (!above) throw new Error(`demo station parent ${parentId} is not in the seeded tree`);
  return [...above, parentId];
}

export const stationSeed: SeedModule = {
  name: 'stations',
  async run(db, now) {
    let written = 0;
    for (const s of DEMO_STATIONS) {
      const ancestors = pathAbove(s.parentId);
      if (!s.existingOrg) {
        await db.collection('orgs').doc(s.id).set({
          name: s.name,
          type: 'station',
          parentId: s.parentId,
          ancestors,
          sort: s.sort,
          createdAt: now,
          updatedAt: now,
        });
        written++;
      }
      const { id, existingOrg: _existing, lat, lng, ...fields } = s;
      await db
        .collection('stations')
        .doc(id)
        .set({
          ...fields,
          orgPath: [...ancestors, id],
          location: new db.Geo.Point(lng, lat),
          photos: [],
          verifiedAt: now,
          createdAt: now,
          updatedAt: now,
        });
      written++;
    }
    return written;
  },
};
