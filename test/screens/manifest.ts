// The mini-program's manifests as the screenshots need them: which pages exist
// (app.json, main package first), the window and tab bar, each page's json.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';

export const MINIPROGRAM_DIR = resolve(__dirname, '../../miniprogram');

export interface AppJson {
  pages: string[];
  subpackages: { root: string; pages: string[] }[];
  window: Record<string, string>;
  tabBar: {
    color: string;
    selectedColor: string;
    backgroundColor: string;
    list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[];
  };
}

export interface PageJson {
  usingComponents?: Record<string, string>;
  navigationBarTitleText?: string;
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: 'white' | 'black';
  backgroundColor?: string;
}

export const appJson = (): AppJson => JSON.parse(readFileSync(join(MINIPROGRAM_DIR, 'app.json'), 'utf8')) as AppJson;

export function pageJsonOf(pagePath: string): PageJson {
  const file = join(MINIPROGRAM_DIR, `${pagePath}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PageJson) : {};
}

/** Every page of app.json, main package first. */
export function allPages(): string[] {
  const app = appJson();
  return [...app.pages, ...app.subpackages.flatMap((sp) => sp.pages.map((p) => posix.join(sp.root, p)))];
}
