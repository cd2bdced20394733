module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'blueprints',
  rootDir: __dirname,
};
