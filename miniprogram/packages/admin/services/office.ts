import type { OfficeApi } from '../../../../typings/office';
import { createApi } from '../../../services/api';

/** The `office` cloud function: organiser-only spreadsheet imports and exports. */
export const officeApi = createApi<OfficeApi>('office');
