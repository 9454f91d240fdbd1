// The points shop's part of the organiser-only `office` function: the orders as
// Excel. Beside the feature's service module, typed by the one contract.
import type { OfficeApi } from '../../../../typings/office';
import { createApi } from '../../../services/api';

export const shopOfficeApi = createApi<Pick<OfficeApi, 'exportShopOrders'>>('office');
