// What a capture hands the camera (one JSON file per page state).
import type { ShotFixtures } from './fixtures';

/**
 * The attribute a state's `scrollTo` puts on an element of the captured page: the
 * camera scrolls the page so that element sits at the top of the screen, as
 * wx.pageScrollTo({ selector }) does on a phone.
 */
export const SCROLL_MARK = 'data-shot-scroll-to';

/** What the runner hands the capture (through SCREENS_CONTEXT). */
export interface CaptureContext {
  outDir: string;
  backends: { demo: string; empty: string; down: string };
  fixtures: ShotFixtures;
}

export interface Capture {
  page: string;
  state: string;
  caption: string;
  file: string;
  title: string;
  navBackground: string;
  navText: 'white' | 'black';
  background: string;
  /** Index in the tab bar when the page is a tab page, else -1. */
  tab: number;
  html: string;
  css: string;
  /** Errors thrown or logged while the state was shown. */
  errors: string[];
}
