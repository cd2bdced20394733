module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'command-handler',
  rootDir: __dirname,
};
