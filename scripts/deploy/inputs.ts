// Reads what the plan is made of: cloudbaserc.json and database.json through
// scripts/manifests (one parser each, shared with the build and the dev emulator),
// which function sources exist, and the deployer's ADMIN_OPENIDS. Local files only.
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { loadCloudbaseConfig } from '../manifests/cloudbaserc';
import { loadSchema } from '../manifests/database';
import { loadStorageRules } from '../manifests/storage-rules';
import { ADMIN_OPENIDS, type DeployInputs, type DeployScope } from './plan';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');

export interface ProjectFiles {
  root: string;
  /** cloudbaserc.json */
  config: string;
  /** database.json */
  schema: string;
  /** storage.rules.json */
  storageRules: string;
  /** The folder holding <name>/index.ts. */
  sources: string;
}

export function projectFiles(root = PROJECT_ROOT): ProjectFiles {
  return {
    root,
    config: join(root, 'cloudbaserc.json'),
    schema: join(root, 'database.json'),
    storageRules: join(root, 'storage.rules.json'),
    sources: join(root, 'cloudfunctions'),
  };
}

export function loadDeployInputs(opts: {
  files: ProjectFiles;
  envId: string | null;
  only: DeployScope | null;
  env: NodeJS.ProcessEnv;
}): DeployInputs {
  const { files } = opts;
  const config = loadCloudbaseConfig(files.config);
  const collections = loadSchema(files.schema);
  return {
    envId: opts.envId,
    only: opts.only,
    functions: config.functions,
    sourceDir: projectRelative(files.root, files.sources),
    bundleDir: projectRelative(files.root, config.functionRoot),
    presentSources: config.functions
      .map((f) => f.name)
      .filter((name) => existsSync(join(files.sources, name, 'index.ts'))),
    collections,
    storageRules: loadStorageRules(files.storageRules),
    adminOpenids: opts.env[ADMIN_OPENIDS],
  };
}

/** Project-relative with forward slashes when inside the project, else absolute. */
function projectRelative(root: string, path: string): string {
  const rel = relative(root, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return path;
  return rel.split('\\').join('/');
}
