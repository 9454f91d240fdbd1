// A small hand-made capture for the camera's tests: one probe page's HTML in the phone frame.
import type { Capture } from '../screens/types';

export function probeCapture(html: string, extra: Partial<Capture> = {}): Capture {
  return {
    page: 'pages/probe/index',
    state: '',
    caption: '',
    file: 'probe',
    title: '示例',
    navBackground: '#C8161D',
    navText: 'white',
    background: '#F5F5F5',
    tab: -1,
    html: `<main>${html}</main>`,
    css: '',
    errors: [],
    ...extra,
  };
}
