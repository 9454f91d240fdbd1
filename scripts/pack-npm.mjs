// Builds miniprogram/miniprogram_npm the way WeChat DevTools' "构建 npm" does,
// headlessly, with miniprogram-ci's packNpm. Only miniprogram/package.json's
// dependencies are packed.
import { createRequire } from 'node:module';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ci = require('miniprogram-ci');

const project = new ci.Project({
  appid: 'touristappid',
  type: 'miniProgram',
  projectPath: root,
  privateKeyPath: undefined,
  privateKey: 'unused',
  ignores: ['node_modules/**/*'],
});

try {
  const warnings = await ci.packNpm(project, { reporter: () => {} });
  if (warnings.length) console.warn('packNpm warnings:', warnings);
  console.log('› miniprogram_npm built');
} catch (err) {
  console.error('packNpm failed:', err);
  process.exitCode = 1;
}
// miniprogram-ci leaves a file watcher running.
process.exit(process.exitCode ?? 0);
