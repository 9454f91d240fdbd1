// Geospatial queries on GeoJSON Points through the SDK's geoNear / geoWithin /
// geoIntersects and the $geoNear stage, with MongoDB's (S2's) distances.
import { type DbHarness, startDb } from './setup';

let h: DbHarness;
/** The SDK's Geo classes (its typings declare only Point). */
interface GeoClasses {
  Point: new (lng: number, lat: number) => object;
  LineString: new (points: object[]) => object;
  Polygon: new (lines: object[]) => object;
  MultiPoint: new (points: object[]) => object;
  MultiLineString: new (lines: object[]) => object;
  MultiPolygon: new (polygons: object[]) => object;
}
const geo = () => h.db.Geo as unknown as GeoClasses;
let P: (lng: number, lat: number) => object;

beforeAll(async () => {
  // As in MongoDB, nearest-first queries need a 2dsphere index (plain: none, to show the refusal).
  const geoIndex = [{ name: 'geo_at', keys: { at: '2dsphere' as const } }];
  h = await startDb({ places: geoIndex, shapes: geoIndex, plain: [] });
  P = (lng, lat) => new (geo().Point)(lng, lat);
  await h.db.collection('places').add([
    { _id: 'canton', city: 'Guangzhou', at: P(113.30593, 23.1361155) },
    { _id: 'baiyun', city: 'Guangzhou', at: P(113.306789, 23.1564721) },
    { _id: 'palace', city: 'Beijing', at: P(116.3949659, 39.9163447) },
    { _id: 'origin', city: 'Null Island', at: P(0, 0) },
    { _id: 'nowhere', city: 'none' },
  ]);
});
afterAll(() => h.emu.stop());

const ids = (data: { _id: string }[]) => data.map((d) => d._id);
const square = (r: number) => {
  const { LineString } = geo();
  return new LineString([P(-r, -r), P(r, -r), P(r, r), P(-r, r), P(-r, -r)]);
};

describe('geo indexes, as MongoDB requires them', () => {
  it('geoNear, and the $geoNear stage, without a 2dsphere index on the field fail as MongoDB does', async () => {
    const plain = h.db.collection('plain');
    await plain.add({ _id: 'p', at: P(0, 0) });
    await expect(plain.where({ at: h.db.command.geoNear({ geometry: P(0, 0) }) }).get()).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('unable to find index for $geoNear query'),
    });
    await expect(
      plain
        .aggregate()
        .geoNear({ distanceField: 'd', near: P(0, 0), spherical: true })
        .end(),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('requires a 2d or 2dsphere index'),
    });
    await expect(
      plain
        .aggregate()
        .geoNear({ distanceField: 'd', near: P(0, 0), spherical: true, key: 'at' })
        .end(),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('no 2dsphere index on "at"'),
    });
  });

  it('the $geoNear stage without key uses the collection’s one 2dsphere index', async () => {
    const { data } = await h.db
      .collection('places')
      .aggregate()
      .geoNear({ distanceField: 'd', near: P(113.3089506, 23.0968251), spherical: true })
      .limit(1)
      .end();
    expect((data as { _id: string }[]).map((d) => d._id)).toEqual(['canton']);
  });
});

describe('geospatial queries', () => {
  const places = () => h.db.collection('places');
  const _ = () => h.db.command;

  it('geoNear answers nearest first, within min/max distance in meters', async () => {
    const near = P(113.3089506, 23.0968251);
    expect(
      ids(
        (
          await places()
            .where({ at: _().geoNear({ geometry: near }) })
            .get()
        ).data,
      ),
    ).toEqual(['canton', 'baiyun', 'palace', 'origin']);
    const within = await places()
      .where({ at: _().geoNear({ geometry: near, minDistance: 5000, maxDistance: 10_000 }) })
      .get();
    expect(ids(within.data)).toEqual(['baiyun']);
  });

  it('geoWithin a polygon (edges are great circles, holes excluded), a multipolygon, a centerSphere', async () => {
    const { Polygon, MultiPolygon, LineString } = geo();
    const chinaBox = new Polygon([new LineString([P(100, 20), P(120, 20), P(120, 45), P(100, 45), P(100, 20)])]);
    expect(
      ids(
        (
          await places()
            .where({ at: _().geoWithin({ geometry: chinaBox }) })
            .get()
        ).data,
      ).sort(),
    ).toEqual(['baiyun', 'canton', 'palace']);
    const withHole = new Polygon([square(2), square(1)]);
    expect(
      (
        await places()
          .where({ at: _().geoWithin({ geometry: withHole }) })
          .count()
      ).total,
    ).toBe(0);
    const both = new MultiPolygon([new Polygon([square(2)]), chinaBox]);
    expect(
      (
        await places()
          .where({ at: _().geoWithin({ geometry: both }) })
          .count()
      ).total,
    ).toBe(4);
    const tenKm = await places()
      .where({ at: _().geoWithin({ centerSphere: [P(113.306, 23.14), 10 / 6378.1] }) })
      .get();
    expect(ids(tenKm.data).sort()).toEqual(['baiyun', 'canton']);
    // Edges are great circles, not parallels: between 60°W and 60°E they bulge towards the
    // pole (to 73.9°N and 79.7°N at 0°), so 65°N is outside and 76°N inside.
    const band = new Polygon([new LineString([P(-60, 60), P(60, 60), P(60, 70), P(-60, 70), P(-60, 60)])]);
    await h.db.collection('shapes').add([
      { _id: 'planar-inside', at: P(0, 65) },
      { _id: 'arc-inside', at: P(0, 76) },
    ]);
    expect(
      ids(
        (
          await h.db
            .collection('shapes')
            .where({ at: _().geoWithin({ geometry: band }) })
            .get()
        ).data,
      ),
    ).toEqual(['arc-inside']);
  });

  it('geoIntersects a stored point with a polygon or a point', async () => {
    const { Polygon } = geo();
    expect(
      ids(
        (
          await places()
            .where({ at: _().geoIntersects({ geometry: new Polygon([square(1)]) }) })
            .get()
        ).data,
      ),
    ).toEqual(['origin']);
    expect(
      ids(
        (
          await places()
            .where({ at: _().geoIntersects({ geometry: P(0, 0) }) })
            .get()
        ).data,
      ),
    ).toEqual(['origin']);
  });

  it('geoIntersects a stored point with lines and points: the line or point meets its S2 leaf cell', async () => {
    const { LineString, MultiLineString, MultiPoint } = geo();
    const intersecting = async (geometry: object) =>
      ids(
        (
          await places()
            .where({ at: _().geoIntersects({ geometry }) })
            .get()
        ).data,
      ).sort();
    // Null Island lies inside a segment of the equator (a great circle), not at a vertex.
    const equator = new LineString([P(-1, 0), P(1, 0)]);
    expect(await intersecting(equator)).toEqual(['origin']);
    expect(await intersecting(new LineString([P(-1, 0.001), P(1, 0.001)]))).toEqual([]);
    const street = new LineString([P(113.30593, 23.1361155), P(113.306789, 23.1564721)]);
    expect(await intersecting(street)).toEqual(['baiyun', 'canton']);
    expect(await intersecting(new MultiLineString([equator, street]))).toEqual(['baiyun', 'canton', 'origin']);
    expect(await intersecting(new MultiPoint([P(0, 0), P(116.3949659, 39.9163447)]))).toEqual(['origin', 'palace']);
  });

  it('geoWithin counts a point on a polygon’s edge or vertex, whichever way the ring turns', async () => {
    const { Polygon, LineString } = geo();
    // Null Island on the western edge (the meridian) of a square, then at the corner of a clockwise triangle.
    const westEdge = new Polygon([new LineString([P(0, -1), P(1, -1), P(1, 1), P(0, 1), P(0, -1)])]);
    const corner = new Polygon([new LineString([P(0, 0), P(0, 1), P(1, 0), P(0, 0)])]);
    for (const geometry of [westEdge, corner]) {
      const { data } = await places()
        .where({ at: _().geoWithin({ geometry }) })
        .get();
      expect(ids(data)).toEqual(['origin']);
    }
  });

  it('a polygon MongoDB refuses is refused with its message', async () => {
    const { Polygon, LineString } = geo();
    const within = (geometry: object) =>
      places()
        .where({ at: _().geoWithin({ geometry }) })
        .get();
    const bowtie = new Polygon([new LineString([P(0, 0), P(1, 1), P(1, 0), P(0, 1), P(0, 0)])]);
    await expect(within(bowtie)).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('Loop is not valid: Edges 0 and 2 cross'),
    });
    const island = new LineString([P(20, 20), P(21, 20), P(21, 21), P(20, 20)]);
    await expect(within(new Polygon([square(1), island]))).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('Secondary loops not contained by first exterior loop'),
    });
    // The SDK refuses an open ring itself; a raw query reaches the database.
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    };
    await expect(
      places()
        .options({ raw: true })
        .where({ at: { $geoWithin: { $geometry: open } } })
        .get(),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining('Loop is not closed, first vertex does not equal last vertex'),
    });
    // A ring around more than a hemisphere (MongoDB would take its smaller side) is not emulated.
    const belt = new Polygon([new LineString([P(-100, 0), P(0, -10), P(100, 0), P(0, 10), P(-100, 0)])]);
    await expect(within(belt)).rejects.toMatchObject({
      code: 'EMULATOR_UNSUPPORTED',
      message: expect.stringContaining('polygons spanning a hemisphere'),
    });
  });

  it('the $geoNear stage gives MongoDB’s distance to the last digit, with query, key and includeLocs', async () => {
    const { data } = await places()
      .aggregate()
      .geoNear({
        distanceField: 'distance',
        spherical: true,
        near: P(113.3089506, 23.0968251),
        query: { city: /zhou/, _id: 'baiyun' },
        key: 'at',
        includeLocs: 'loc',
      })
      .end();
    expect(data).toEqual([
      expect.objectContaining({
        _id: 'baiyun',
        distance: 6643.521654040738,
        loc: { type: 'Point', coordinates: [113.306789, 23.1564721] },
      }),
    ]);
  });

  it('what is not emulated fails loudly; a point off the globe is refused', async () => {
    await h.db.collection('shapes').add({ _id: 'line', at: new (geo().LineString)([P(0, 0), P(1, 1)]) });
    await expect(
      h.db
        .collection('shapes')
        .where({ at: _().geoNear({ geometry: P(0, 0) }) })
        .get(),
    ).rejects.toMatchObject({ code: 'EMULATOR_UNSUPPORTED', message: expect.stringContaining('LineString') });
    await expect(
      places()
        .options({ raw: true })
        .where({ at: { $geoWithin: { $centerSphere: [[-288, 30], 0.1] } } })
        .get(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  });
});
