// A share poster of a day's quote, with the mini-program code the server makes
// for that day, drawn and saved by <share-poster> from this poster's layout
// (./layout).
import type { SharePoster } from '../../../../components/share-poster/index';
import { ROUTES } from '../../../../config/routes';
import { studyApi } from '../../../../services/study';
import { errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { layoutPoster, quotePosterOps } from './layout';

type Status = 'loading' | 'ready' | 'error';

function decode(v: string | undefined): string {
  if (!v) return '';
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    quote: { day: '', text: '', source: '' },
    /** The mini-program code's storage file id, once the server made it. */
    codeFileId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ quote: { day: query.day ?? '', text: decode(query.text), source: decode(query.source) } });
      this.load();
    },
    poster(): SharePoster {
      return this.selectComponent('#poster') as unknown as SharePoster;
    },
    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        await ensureLogin();
        let quote = this.data.quote;
        if (!quote.text || !quote.day) {
          // Opened without a quote (e.g. from a link): today's.
          const today = await studyApi('todayQuote', {});
          quote = { day: today.day, text: today.quote.text, source: today.quote.source };
          this.setData({ quote });
        }
        const { fileId } = await studyApi('quotePosterCode', { day: quote.day });
        this.setData({ codeFileId: fileId });
        await this.poster().draw(({ wrap }) => quotePosterOps(layoutPoster(quote, wrap)), { code: { fileId } });
        this.setData({ status: 'ready' });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '海报生成失败，请重试') });
      }
    },
    onRetry() {
      this.load();
    },
    onShareAppMessage() {
      return { title: this.data.quote.text || '每日金句', path: ROUTES.home };
    },
  },
});
