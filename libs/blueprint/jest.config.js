module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'blueprint',
  rootDir: __dirname,
};
