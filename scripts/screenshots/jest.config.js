// The capture runs in the page tests' runtime: the `pages` project of jest.config.js
// (jsdom, miniprogram-simulate, the wx double), over the per-page capture files that
// `npm run screenshots` writes into .tmp/screens/tests.
const path = require('node:path');
const { projects } = require('../../jest.config.js');

const pages = projects.find((p) => p.displayName === 'pages');
const root = path.resolve(__dirname, '../..');

/** @type {import('jest').Config} */
module.exports = {
  ...pages,
  displayName: 'screens',
  rootDir: root,
  roots: ['<rootDir>/.tmp/screens/tests'],
  testMatch: ['<rootDir>/.tmp/screens/tests/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 2,
};
