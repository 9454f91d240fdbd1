// The `office` cloud function: organiser-only spreadsheet imports and exports. The
// only function that bundles a spreadsheet library, so the others start light.
import type { OfficeApi } from '../../typings/office';
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction<OfficeApi>('office', handlers);
