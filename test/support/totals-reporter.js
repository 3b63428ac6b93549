import { appendFileSync } from 'node:fs';

/**
 * Prints the plain closing line CI reads ("N passed, N failed"), counting failed suites as failures
 * so a suite that cannot even load is never silent. With RAMPART_TEST_TOTALS_FILE set, it also
 * appends the counts there, so .ci/run can sum several runs.
 */
export default class TotalsReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const file = process.env.RAMPART_TEST_TOTALS_FILE;
    if (file) appendFileSync(file, `${passed} ${failed} ${skipped}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
