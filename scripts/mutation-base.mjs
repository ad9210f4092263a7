// What both halves of `npm run mutate` share (stryker.engine.config.mjs, stryker.guards.config.mjs); see scripts/mutate.mjs.

/** Stryker options for one half; `name` picks its vitest config (test/mutation/) and its report folder. */
export function mutationBase(name) {
  return {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: `test/mutation/vitest.${name}.config.ts`, related: false },
    // Each test's coverage decides which tests run against a mutant; mutants of module-level constants, which only
    // a full run could judge, are left out.
    coverageAnalysis: 'perTest',
    ignoreStatic: true,
    // Messages are checked where they matter (a reason naming the reference, the numbers of a shortfall); a mutant
    // that only changes the wording of the others says nothing about the rules, and costs a full run each.
    mutator: { excludedMutations: ['StringLiteral'] },
    concurrency: 2,
    // A mutant that stops an order from settling is caught by the tests' own limit (SETTLE_LIMIT_MS, 6 s here); one
    // that hangs a test past its dry-run time by half again and 5 s counts as detected (Timeout), and costs a restart
    // of the test runner.
    timeoutMS: 5_000,
    timeoutFactor: 1.5,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    clearTextReporter: { allowColor: true, logTests: false, reportScoreTable: true },
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    tempDirName: 'node_modules/.stryker-tmp',
    // Stryker rewrites the tsconfig's paths that point outside the project with TypeScript's JavaScript API, which
    // TypeScript 7 no longer has. Ours points nowhere outside, so it is left alone: Stryker is given no tsconfig.
    tsconfigFile: 'stryker-leaves-tsconfig-alone.json',
    ignorePatterns: ['dist', 'release', 'reports', 'test-results'],
  };
}
