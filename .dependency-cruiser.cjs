// The project's layers, checked by dependency-cruiser in `npm run lint`
// (docs/architecture.md explains each). A rule names what may not import what;
// test/static/boundaries.test.ts proves each rule fires on a violating fixture.
//
//   typings/ ← cloudfunctions/_shared ← stores ← handler files ← handlers.ts ← index.ts
//   miniprogram: services/transport ← services / feature services ← pages
//   emulator/ stands alone; scripts/dev composes emulator + build + seed.

/** A store: the only code that touches its collections. */
const STORE = '^cloudfunctions/(_shared/stores|[^/]+/store)/';
const HANDLER_FILE = '^cloudfunctions/[^/]+/handlers/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles (type-only imports excepted) make load order matter; break the cycle.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'emulator-stands-alone',
      severity: 'error',
      comment:
        'emulator/ is a local CloudBase: it imports nothing of the project. The dev CLI that composes it with the build and the seed lives in scripts/dev/.',
      from: { path: '^emulator/' },
      to: { pathNot: ['^emulator/', 'node_modules'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'functions-stay-deployable',
      severity: 'error',
      comment: 'Cloud functions are deployed alone: they never import the emulator, scripts, tests or the client.',
      from: { path: '^cloudfunctions/' },
      to: { path: '^(emulator|scripts|test|miniprogram)/' },
    },
    {
      name: 'typings-are-contracts',
      severity: 'error',
      comment: 'typings/ holds contracts shared by both sides; it imports only typings/.',
      from: { path: '^typings/' },
      to: { pathNot: ['^typings/'] },
    },
    {
      name: 'handler-files-are-leaves',
      severity: 'error',
      comment:
        'A handler file reads as access → schema → rules → store; what two handler files share belongs in the store or in the domain rules.',
      from: { path: HANDLER_FILE },
      to: { path: HANDLER_FILE },
    },
    {
      name: 'only-the-handler-map-imports-handlers',
      severity: 'error',
      comment: "Handler files are imported only by their function's handlers.ts.",
      from: { pathNot: ['^cloudfunctions/[^/]+/handlers\\.ts$', '^test/'] },
      to: { path: HANDLER_FILE },
    },
    {
      name: 'only-stores-touch-the-database',
      severity: 'error',
      comment: 'The database handle and the collection names belong to the stores (one home per collection).',
      from: { pathNot: [STORE, '^cloudfunctions/_shared/db\\.ts$', '^test/'] },
      to: { path: '^cloudfunctions/_shared/(db|collections)\\.ts$' },
    },
    {
      name: 'stores-serve-handlers',
      severity: 'error',
      comment: 'A store never reaches up into handlers or a function entry.',
      from: { path: STORE },
      to: { path: ['^cloudfunctions/[^/]+/handlers(\\.ts$|/)', '^cloudfunctions/[^/]+/index\\.ts$'] },
    },
    {
      name: 'domain-rules-are-pure',
      severity: 'error',
      comment:
        'rules/ are plain functions of their inputs: no database, no SDK (a stored shape may be imported as a type).',
      from: { path: '^cloudfunctions/[^/]+/rules/' },
      to: { path: [STORE, '^cloudfunctions/_shared/(db|sdk)\\.ts$', '@cloudbase'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'deploy-does-not-need-the-emulator',
      severity: 'error',
      comment: 'The production deploy reads the manifests through scripts/manifests, never through the emulator.',
      from: { path: '^scripts/deploy/' },
      to: { path: '^emulator/' },
    },
    {
      name: 'client-main-package-stays-out-of-subpackages',
      severity: 'error',
      comment: 'The main package cannot load a subpackage’s code (WeChat loads subpackages on demand).',
      from: { path: '^miniprogram/', pathNot: '^miniprogram/packages/' },
      to: { path: '^miniprogram/packages/' },
    },
    {
      name: 'client-subpackages-are-separate',
      severity: 'error',
      comment: 'A subpackage cannot require another subpackage’s code; shared code goes in the main package.',
      from: { path: '^miniprogram/packages/([^/]+)/' },
      to: { path: '^miniprogram/packages/', pathNot: '^miniprogram/packages/$1/' },
    },
    {
      name: 'client-pages-call-services',
      severity: 'error',
      comment: 'Pages and components talk to the backend only through a service module.',
      from: { path: '^miniprogram/', pathNot: ['^miniprogram/services/', '^miniprogram/packages/[^/]+/services/'] },
      to: { path: '^miniprogram/services/transport\\.ts$' },
    },
    {
      name: 'client-imports-only-types-from-outside',
      severity: 'error',
      comment: 'DevTools compiles only miniprogram/: anything else the client uses must be a type.',
      from: { path: '^miniprogram/' },
      to: {
        pathNot: ['^miniprogram/', 'node_modules'],
        dependencyTypesNot: ['type-only', 'core'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^miniprogram/miniprogram_npm/', '^build/', '^\\.tmp/', '^test/fixtures/layers/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    moduleSystems: ['cjs', 'es6'],
    reporterOptions: { text: { highlightFocused: true } },
  },
};
