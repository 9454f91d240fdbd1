// Tool.*: the handshake and the end of a session.
import type { Handlers } from '../protocol';
import type { Context } from './context';

export const toolHandlers = (ctx: Context): Handlers => ({
  // connect() refuses an SDK older than 2.7.3; 'dev' passes.
  'Tool.getInfo': () => ({ SDKVersion: 'dev', platform: 'headless' }),
  'Tool.close': () => {
    setTimeout(() => ctx.shutdown(), 50);
    return {};
  },
});
