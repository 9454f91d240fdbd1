// miniprogram-ci's offline checkCodeQuality over the transpiled copy.
import { createRequire } from 'node:module';

const require = createRequire(__filename);

export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}

export async function checkQuality(projectPath: string): Promise<QualityItem[]> {
  const ci = require('miniprogram-ci') as {
    Project: new (opts: Record<string, unknown>) => unknown;
    checkCodeQuality(project: unknown): Promise<QualityItem[]>;
  };
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath,
    privateKey: 'unused',
    ignores: ['node_modules/**/*'],
  });
  return ci.checkCodeQuality(project);
}
