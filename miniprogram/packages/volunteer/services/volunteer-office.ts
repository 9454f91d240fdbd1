// The volunteer feature's part of the organiser-only `office` function: the team's
// hours and points, and the points shop's orders, as Excel. Beside the feature's
// service module, typed by the one contract.
import type { OfficeApi } from '../../../../typings/office';
import { createApi } from '../../../services/api';

export const volunteerOfficeApi = createApi<Pick<OfficeApi, 'exportVolunteerHours' | 'exportShopOrders'>>('office');
