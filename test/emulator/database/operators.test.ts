// The aggregation operators CloudBase documents (string, date, array, set,
// conditional, and accumulators used as expressions), each against the result
// MongoDB's documentation gives for it; one $project per family. Operators the
// emulator lacks answer EMULATOR_UNSUPPORTED naming them.
import { type DbHarness, startDb } from './setup';

let h: DbHarness;
const DATE = new Date('2019-05-14T09:38:51.686Z');

beforeAll(async () => {
  h = await startDb({ one: [] });
  await h.db.collection('one').add({
    _id: 'doc',
    name: 'Yuanxin',
    birthday: '1999/12/12',
    date: DATE,
    arr: [3, 1, 2],
    pairs: [
      ['item', 'abc123'],
      ['qty', 25],
    ],
    obj: { item: 'foo', qty: 25 },
    qty: 300,
    nothing: null,
  });
});
afterAll(() => h.emu.stop());

async function project(fields: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { data } = await h.db
    .collection('one')
    .aggregate()
    .project({ _id: 0, ...fields })
    .end();
  return data[0] as Record<string, unknown>;
}

const families: [string, Record<string, [unknown, unknown]>][] = [
  [
    'string',
    {
      concat: [{ $concat: ['$name', ' ', 'Dong'] }, 'Yuanxin Dong'],
      concatNull: [{ $concat: ['a', '$nothing'] }, null],
      indexOfBytes: [{ $indexOfBytes: ['cafétéria', 't'] }, 5],
      indexOfBytesFrom: [{ $indexOfBytes: ['foo.bar.fi', '.', 5] }, 7],
      indexOfBytesRange: [{ $indexOfBytes: ['vanilla', 'll', 0, 2] }, -1],
      indexOfCP: [{ $indexOfCP: ['cafétéria', 't'] }, 4],
      indexOfCPField: [{ $indexOfCP: ['$name', 'a'] }, 2],
      indexOfCPNull: [{ $indexOfCP: ['$nothing', 'a'] }, null],
      split: [{ $split: ['banana split', 'a'] }, ['b', 'n', 'n', ' split']],
      splitHead: [{ $split: ['astronomical', 'astro'] }, ['', 'nomical']],
      strLenBytes: [{ $strLenBytes: 'éclair' }, 7],
      strLenCP: [{ $strLenCP: '寿司' }, 2],
      strcasecmp: [{ $strcasecmp: ['13Q1', '13q4'] }, -1],
      strcasecmpEqual: [{ $strcasecmp: ['13Q4', '13q4'] }, 0],
      substr: [{ $substr: ['$birthday', 0, 4] }, '1999'],
      substrRest: [{ $substr: ['$birthday', 8, -1] }, '12'],
      substrBytesRest: [{ $substrBytes: ['$birthday', 5, -1] }, '12/12'],
      substrPastEnd: [{ $substr: ['abc', -1, 2] }, ''],
      substrOfNumber: [{ $substr: [12345, 1, 2] }, '23'],
      substrCP: [{ $substrCP: ['cafétéria', 5, 4] }, 'éria'],
      toLower: [{ $toLower: 'ABC1' }, 'abc1'],
      toUpperNull: [{ $toUpper: '$nothing' }, ''],
    },
  ],
  [
    'date',
    {
      year: [{ $year: '$date' }, 2019],
      month: [{ $month: '$date' }, 5],
      dayOfMonth: [{ $dayOfMonth: '$date' }, 14],
      dayOfWeek: [{ $dayOfWeek: '$date' }, 3],
      dayOfYear: [{ $dayOfYear: '$date' }, 134],
      hour: [{ $hour: '$date' }, 9],
      hourInShanghai: [{ $hour: { date: '$date', timezone: 'Asia/Shanghai' } }, 17],
      minute: [{ $minute: '$date' }, 38],
      second: [{ $second: '$date' }, 51],
      millisecond: [{ $millisecond: '$date' }, 686],
      week: [{ $week: '$date' }, 19],
      weekZero: [{ $week: new Date('2019-01-05T00:00:00Z') }, 0],
      weekArgumentList: [{ $week: ['$date'] }, 19],
      isoWeek: [{ $isoWeek: '$date' }, 20],
      isoDayOfWeek: [{ $isoDayOfWeek: '$date' }, 2],
      isoWeekYear: [{ $isoWeekYear: new Date('2016-01-01T00:00:00Z') }, 2015],
      dateToString: [{ $dateToString: { date: '$date', format: '%Y-%m-%d %H:%M:%S' } }, '2019-05-14 09:38:51'],
      dateToStringWeek: [{ $dateToString: { date: '$date', format: '%U' } }, '19'],
      dateToStringZone: [{ $dateToString: { date: '$date', format: '%H:%M', timezone: 'Asia/Shanghai' } }, '17:38'],
      dateFromParts: [
        { $dateFromParts: { year: 2017, month: 2, day: 8, hour: 12, timezone: 'America/New_York' } },
        new Date('2017-02-08T17:00:00Z'),
      ],
      dateFromString: [
        { $dateFromString: { dateString: '2017-02-08T12:10:40.787', timezone: 'America/New_York' } },
        new Date('2017-02-08T17:10:40.787Z'),
      ],
    },
  ],
  [
    'array',
    {
      arrayElemAt: [{ $arrayElemAt: ['$arr', -2] }, 1],
      arrayToObject: [{ $arrayToObject: '$pairs' }, { item: 'abc123', qty: 25 }],
      arrayToObjectListed: [{ $arrayToObject: [[['k', 1]]] }, { k: 1 }],
      concatArrays: [{ $concatArrays: [['hello', ' '], ['world']] }, ['hello', ' ', 'world']],
      filter: [{ $filter: { input: '$arr', as: 'n', cond: { $gte: ['$$n', 2] } } }, [3, 2]],
      in: [{ $in: [2, '$arr'] }, true],
      indexOfArray: [{ $indexOfArray: [['a', 'abc', 'b'], 'b'] }, 2],
      isArray: [{ $isArray: ['$arr'] }, true],
      map: [{ $map: { input: '$arr', as: 'x', in: { $add: ['$$x', 1] } } }, [4, 2, 3]],
      objectToArray: [
        { $objectToArray: '$obj' },
        [
          { k: 'item', v: 'foo' },
          { k: 'qty', v: 25 },
        ],
      ],
      range: [{ $range: [10, 0, -2] }, [10, 8, 6, 4, 2]],
      rangeEmpty: [{ $range: [0, 10, -2] }, []],
      reduce: [
        { $reduce: { input: ['a', 'b', 'c'], initialValue: '', in: { $concat: ['$$value', '$$this'] } } },
        'abc',
      ],
      reverseArray: [{ $reverseArray: '$arr' }, [2, 1, 3]],
      reverseArrayListed: [{ $reverseArray: ['$arr'] }, [2, 1, 3]],
      size: [{ $size: ['$arr'] }, 3],
      slice: [{ $slice: ['$arr', -2] }, [1, 2]],
      slicePastStart: [{ $slice: ['$arr', -15, 2] }, [3, 1]],
      zip: [
        { $zip: { inputs: [[1, 2], [3]], useLongestLength: true, defaults: [0, 9] } },
        [
          [1, 3],
          [2, 9],
        ],
      ],
    },
  ],
  [
    'set',
    {
      setDifference: [{ $setDifference: [['a', 'b', 'a'], ['b']] }, ['a']],
      setEquals: [
        {
          $setEquals: [
            ['a', 'b', 'a'],
            ['b', 'a'],
          ],
        },
        true,
      ],
      setIsSubset: [
        {
          $setIsSubset: [
            ['a', 'b', 'a'],
            ['b', 'a', 'c'],
          ],
        },
        true,
      ],
      allElementsTrue: [{ $allElementsTrue: [[true, 1, 'someString']] }, true],
      allElementsTrueNested: [{ $allElementsTrue: [[[false]]] }, true],
      allElementsTrueEmpty: [{ $allElementsTrue: [[]] }, true],
      allElementsTrueFalsy: [{ $allElementsTrue: [[null, false, 0]] }, false],
      anyElementTrueEmpty: [{ $anyElementTrue: [[]] }, false],
    },
  ],
  [
    'conditional and accumulators as expressions',
    {
      cond: [{ $cond: { if: { $gte: ['$qty', 250] }, then: 30, else: 20 } }, 30],
      condList: [{ $cond: [false, 1, 2] }, 2],
      ifNull: [{ $ifNull: ['$missing', 'Unspecified'] }, 'Unspecified'],
      switch: [
        {
          $switch: {
            branches: [
              { case: { $eq: [1, 2] }, then: 'a' },
              { case: true, then: 'b' },
            ],
            default: 'c',
          },
        },
        'b',
      ],
      sum: [{ $sum: '$arr' }, 6],
      sumListed: [{ $sum: ['$arr'] }, 6],
      sumOfScalar: [{ $sum: '$qty' }, 300],
      sumOfSeveral: [{ $sum: ['$qty', 1] }, 301],
      avg: [{ $avg: '$arr' }, 2],
      max: [{ $max: ['$arr'] }, 3],
      min: [{ $min: '$arr' }, 1],
    },
  ],
];

describe('aggregation operators answer as MongoDB documents them', () => {
  it.each(families)('%s', async (_family, cases) => {
    const got = await project(Object.fromEntries(Object.entries(cases).map(([k, [expr]]) => [k, expr])));
    expect(got).toEqual(Object.fromEntries(Object.entries(cases).map(([k, [, want]]) => [k, want])));
  });

  it('an operator MongoDB has but the emulator lacks is EMULATOR_UNSUPPORTED, naming it', async () => {
    await expect(project({ score: { $meta: 'textScore' } })).rejects.toMatchObject({
      code: 'EMULATOR_UNSUPPORTED',
      message: expect.stringContaining('$meta'),
    });
  });

  it('an operator MongoDB does not have is refused as MongoDB refuses it', async () => {
    await expect(project({ x: { $notAnOperator: 1 } })).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
      message: expect.stringContaining("Unrecognized expression '$notAnOperator'"),
    });
  });
});
