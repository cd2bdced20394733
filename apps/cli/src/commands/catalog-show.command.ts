import { BlueprintException, formatProblem } from '@crm/blueprint';
import { CATALOG_DIRECTORY, decimalText, loadQuoteCatalog, minorDigitsOf } from '@crm/catalog';
import { EXIT_INVALID, EXIT_OK } from '../cli.exception';
import type { CliCommand } from '../cli-command';

/** `crm catalog show`: the quote catalog beside the blueprints, checked as the engine loads it (README, Products and price books). */
export const catalogShowCommand: CliCommand = {
  path: ['catalog', 'show'],
  summary:
    'Check and show the quote catalog (products, every price book version, tax and exchange rates) in\n' +
    `the --blueprints folder's ${CATALOG_DIRECTORY}/ as the engine loads it. No store is touched. Every problem is\n` +
    'printed on stderr with its file and path. Exit 0 when valid, 3 when there is any problem.',
  usage: 'catalog show [--json]',
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  run: async (input) => {
    let catalog;
    try {
      catalog = loadQuoteCatalog(input.blueprintsDir);
    } catch (error) {
      if (!(error instanceof BlueprintException)) throw error;
      for (const problem of error.details.problems) input.io.stderr.write(`${formatProblem(problem)}\n`);
      input.io.stdout.write(`invalid: ${error.details.problems.length} problem(s) in the catalog\n`);
      return EXIT_INVALID;
    }
    if (catalog === null) {
      input.io.stdout.write(`no catalog: ${input.blueprintsDir} has no ${CATALOG_DIRECTORY}/ folder; quotes have no lines\n`);
      return EXIT_OK;
    }
    if (input.values['json'] === true) {
      const { products, priceBooks, taxRates, exchangeRates } = catalog;
      input.io.stdout.write(`${JSON.stringify({ products: [...products.values()], priceBooks, taxRates: taxRates.rates, exchangeRates }, null, 2)}\n`);
      return EXIT_OK;
    }
    input.io.stdout.write(`products: ${[...catalog.products.keys()].join(', ')}\n`);
    for (const book of catalog.priceBooks) {
      const prices = Object.entries(book.prices).map(([sku, minor]) => `${sku} ${decimalText(BigInt(minor), minorDigitsOf(book.currency))}`);
      input.io.stdout.write(`price book ${book.id} v${book.version} ${book.currency} ${book.segment} ${book.validFrom}..${book.validUntil ?? ''}: ${prices.join(', ')}\n`);
    }
    input.io.stdout.write(`tax regions: ${Object.keys(catalog.taxRates.rates).join(', ')}; reporting currency ${catalog.exchangeRates.base}\n`);
    return EXIT_OK;
  },
};
