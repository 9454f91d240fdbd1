// Two projects: node (domain logic, emulator, cloud functions, tooling) and
// pages (jsdom + miniprogram-simulate with the official WXML compiler).
const swc = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
];
// TDesign in miniprogram_npm ships ES modules.
const swcJs = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } },
];

// 'ts' first: a stale index.js beside index.ts must never win.
const moduleFileExtensions = ['ts', 'js', 'json'];

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/global-setup.js',
  // A hang guard, not a measure (benchmarks measure): the suites drive the real functions through
  // the emulator, and on a loaded 2-core machine a test of dozens of calls can pass 5 s.
  testTimeout: 20_000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      moduleFileExtensions,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/pages/'],
      transform: { '^.+\\.ts$': swc },
    },
    {
      displayName: 'pages',
      testEnvironment: 'jsdom',
      moduleFileExtensions,
      testMatch: ['<rootDir>/test/pages/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/pages/support/setup.ts'],
      transform: { '^.+\\.ts$': swc, 'miniprogram_npm/.+\\.js$': swcJs },
      transformIgnorePatterns: ['/node_modules/'],
      moduleDirectories: ['miniprogram_npm', 'node_modules'],
      moduleNameMapper: {
        '^tdesign-miniprogram/(.*)$': '<rootDir>/miniprogram/miniprogram_npm/tdesign-miniprogram/$1',
      },
    },
    {
      // End-to-end journeys: the real miniprogram-automator client driving the headless
      // runtime (test/headless/) or, with MP_AUTOMATOR=devtools, WeChat DevTools.
      displayName: 'journeys',
      testEnvironment: 'node',
      moduleFileExtensions,
      testMatch: ['<rootDir>/test/journeys/**/*.spec.ts', '<rootDir>/test/headless/**/*.spec.ts'],
      transform: { '^.+\\.ts$': swc },
    },
  ],
};
