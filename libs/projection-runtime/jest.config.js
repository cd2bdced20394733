module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'projection-runtime',
  rootDir: __dirname,
};
