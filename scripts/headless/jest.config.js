// The headless runtime runs as one jest "test" in the page tests' environment (jsdom,
// miniprogram-simulate, the official WXML compiler, the wx double): the same runtime the
// page tests and the screenshots use. `ws` resolves to its Node build only with the
// node export conditions (jsdom's default picks ws/browser.js, which throws).
const path = require('node:path');
const { projects } = require('../../jest.config.js');

const pages = projects.find((p) => p.displayName === 'pages');

/** @type {import('jest').Config} */
module.exports = {
  ...pages,
  displayName: 'headless',
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/test/headless/serve.headless.ts'],
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
};
