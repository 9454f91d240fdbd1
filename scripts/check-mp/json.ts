// What the compilers do not check: JSON syntax, page and component references.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';

interface AppJson {
  pages?: string[];
  subpackages?: { root: string; pages: string[] }[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list?: { pagePath: string }[] };
}

export function checkJson(root: string, jsonFiles: string[]): string[] {
  const errors: string[] = [];
  const parsed = new Map<string, unknown>();
  for (const file of jsonFiles) {
    try {
      parsed.set(file, JSON.parse(readFileSync(join(root, file), 'utf8')));
    } catch (err) {
      errors.push(`${file}: invalid JSON — ${(err as Error).message}`);
    }
  }
  const hasPage = (p: string) =>
    ['.ts', '.js'].some((ext) => existsSync(join(root, p + ext))) && existsSync(join(root, `${p}.wxml`));
  const app = parsed.get('app.json') as AppJson | undefined;
  if (app) {
    const pages = [...(app.pages ?? [])];
    for (const sp of app.subpackages ?? app.subPackages ?? [])
      pages.push(...sp.pages.map((p) => posix.join(sp.root, p)));
    for (const p of pages) if (!hasPage(p)) errors.push(`app.json: page "${p}" has no .ts/.js and .wxml`);
    for (const t of app.tabBar?.list ?? []) {
      if (!(app.pages ?? []).includes(t.pagePath))
        errors.push(`app.json: tabBar page "${t.pagePath}" must be in the main package`);
    }
  }
  const roots = (app?.subpackages ?? app?.subPackages ?? []).map((sp) => sp.root.replace(/\/?$/, '/'));
  const subpackageOf = (path: string) => roots.find((r) => path.startsWith(r)) ?? null;
  for (const [file, json] of parsed) {
    const using = (json as { usingComponents?: Record<string, string> }).usingComponents ?? {};
    for (const [tag, ref] of Object.entries(using)) {
      if (ref.startsWith('plugin://')) continue;
      const base = ref.startsWith('/')
        ? join(root, ref)
        : ref.startsWith('.')
          ? join(root, dirname(file), ref)
          : join(root, 'miniprogram_npm', ref);
      if (!existsSync(`${base}.json`) && !existsSync(join(base, 'index.json'))) {
        errors.push(`${file}: component <${tag}> → "${ref}" not found`);
      }
      // WeChat loads a subpackage on demand: its components serve only that subpackage.
      const target = relative(root, base).split(sep).join('/');
      const owner = subpackageOf(file);
      const targetOwner = subpackageOf(target);
      if (targetOwner && targetOwner !== owner) {
        errors.push(
          `${file}: component <${tag}> → "${ref}" lives in subpackage ${targetOwner}; share it from the main package instead`,
        );
      }
    }
  }
  return errors;
}
