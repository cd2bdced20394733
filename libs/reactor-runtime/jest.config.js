module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'reactor-runtime',
  rootDir: __dirname,
};
