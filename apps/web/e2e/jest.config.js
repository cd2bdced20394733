// The web app in a real browser (Debian's Chromium through playwright-core) against the real API on a temp
// data directory. The app must be built first (dist/web): nx runs `web:build` before this project's tests.
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'web-e2e',
  rootDir: __dirname,
  // One browser and one API per file; two files at once would only fight over two cores.
  maxWorkers: 1,
};
