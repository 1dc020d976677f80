/**
 * The architecture as rules (`npm run check` runs them; README "Architecture" explains them).
 * Paths are relative to the repository root.
 */
module.exports = {
  forbidden: [
    {
      name: 'db-knows-no-server',
      comment: 'db/ is the schema, migrations and drivers: it must not depend on the app built on it.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^server/' },
    },
    {
      name: 'ai-is-a-leaf',
      comment:
        'server/ai/ (the AI providers) knows no domain, no tRPC and no database. It may read the skills lexicon ' +
        '(server/skills/lexicon.ts, normalize.ts): pure text matching over a catalog passed in, with no I/O.',
      severity: 'error',
      from: { path: '^server/ai/' },
      to: {
        pathNot: ['^server/ai/', '^shared/', '^server/skills/(lexicon|normalize)\\.ts$', '^node_modules/(openai|zod)/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'shared-is-a-leaf',
      comment:
        'shared/ holds the data shapes db/, server/ and web/ all type with (the JSON Resume): plain zod, importing ' +
        'nothing of the app, so any layer may import it.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', '^node_modules/zod/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'lexicon-is-pure',
      comment: 'The lexicon is shared with the AI providers, so it must stay free of the database and the domains.',
      severity: 'error',
      from: { path: '^server/skills/(lexicon|normalize)\\.ts$' },
      to: { path: '^(db/|server/)', pathNot: '^server/skills/(lexicon|normalize)\\.ts$' },
    },
    {
      name: 'web-imports-only-types-from-server',
      comment: 'The SPA shares types with the server (tRPC), never server code.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|db)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-pages-render-web',
      comment:
        "The server renders the public pages with the SPA's own components (decision 0012): only server/pages/ " +
        "may import web/src/, and only the renderer's type and the shared query keys (the components reach " +
        'the server built, through dist/ssr).',
      severity: 'error',
      from: { path: '^(server|db)/', pathNot: '^server/pages/' },
      to: { path: '^web/' },
    },
    {
      name: 'pages-import-no-web-components',
      comment:
        "server/pages/ takes the renderer's type (entry-server.tsx) and plain modules of web/src/lib/, never a component.",
      severity: 'error',
      from: { path: '^server/pages/' },
      to: { path: '^web/', pathNot: ['^web/src/lib/[^/]+\\.ts$', '^web/src/entry-server\\.tsx$'] },
    },
    {
      name: 'matching-does-not-know-experiments',
      comment:
        'Experiments choose an algorithm and re-score through matching; matching takes the algorithm it is given.',
      severity: 'error',
      from: { path: '^server/matching/' },
      to: { path: '^server/experiments/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles between modules (and so none between domain folders).',
      severity: 'error',
      from: { path: '^(server|db|web|shared)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
