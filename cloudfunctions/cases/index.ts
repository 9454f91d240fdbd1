// The `cases` cloud function: demands (诉求) tracked to an answer and 随手拍
// reports that earn 蜂力值, on the case engine (_shared/engines/cases). WeChat's
// message push of a photo's media-check verdict (event wxa_media_check) carries no
// action: it runs mediaCheckResult.
import type { CasesApi } from '../../typings/cases';
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction<CasesApi>('cases', handlers, {
  pushActions: { wxa_media_check: 'mediaCheckResult' },
});
