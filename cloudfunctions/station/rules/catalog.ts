// The closed lists a station is described with (the contract's unions, as values
// for the input schemas; the type checks keep both in step).
import type { Facility, ServiceCategory, StationKind } from '../../../typings/station';

export const STATION_KINDS = ['center', 'station', 'point'] as const satisfies readonly StationKind[];

/** 暖心 公益 健康 安全 法律 政务. */
export const SERVICE_CATEGORIES = [
  'care',
  'charity',
  'health',
  'safety',
  'legal',
  'government',
] as const satisfies readonly ServiceCategory[];

export const FACILITIES = [
  'water',
  'charging',
  'rest',
  'toilet',
  'microwave',
  'first_aid',
  'wifi',
  'umbrella',
  'air_pump',
  'parking',
] as const satisfies readonly Facility[];

// Every member of the unions is listed (a new one in typings/station.ts fails the build here).
type Missing<U, L extends readonly unknown[]> = Exclude<U, L[number]>;
const complete: [
  Missing<StationKind, typeof STATION_KINDS>,
  Missing<ServiceCategory, typeof SERVICE_CATEGORIES>,
  Missing<Facility, typeof FACILITIES>,
] extends [never, never, never]
  ? true
  : false = true;
void complete;
