// The `campaign` cloud function: "Most Beautiful New Workers" selections.
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction('campaign', handlers);
