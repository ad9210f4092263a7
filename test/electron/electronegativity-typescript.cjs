// Electronegativity parses TypeScript through @typescript-eslint/typescript-estree, which npm hoisted to the root
// where it finds the project's TypeScript 7 (a native compiler with no JS API) instead of the TypeScript 4 that
// Electronegativity ships. This preload points every `require('typescript')` in the scanner's process at that copy.
const Module = require('node:module');
const path = require('node:path');

const scannerDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const typescript = require.resolve('typescript', { paths: [scannerDir] });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === 'typescript' ? typescript : request, ...rest);
};
