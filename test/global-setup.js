// Builds the cloud functions once before any suite: function and page tests run
// the built bundles in the emulator, as CloudBase would.
const { execFileSync } = require('node:child_process');
const { resolve } = require('node:path');

module.exports = async function globalSetup() {
  const root = resolve(__dirname, '..');
  execFileSync(resolve(root, 'node_modules/.bin/tsx'), [resolve(root, 'scripts/build-functions.ts')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
};
