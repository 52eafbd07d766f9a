import { expect, test } from './support/fixtures';
import { formatMatrix, QUICK_COUNTS } from '../scripts/faults/matrix';
import { runFaults } from '../scripts/faults/runner';

// The fault matrix of docs/faults.md with short counts; `npm run faults`
// runs the full ones. Every fault must be survived and leave the wall equal
// to the feed.
test('the fault matrix with short counts: every fault survived, no state mismatch', async ({ browser, site }) => {
  test.setTimeout(300_000);
  const rows = await runFaults({ browser, site: site.url, counts: QUICK_COUNTS });
  console.log(formatMatrix(rows));
  expect(rows.map((r) => r.fault)).toHaveLength(10);
  for (const row of rows) {
    expect.soft(row.injected, row.fault).toBeGreaterThan(0);
    expect.soft(row.survived, `${row.fault}: ${row.notes}`).toBe(row.injected);
    expect.soft(row.mismatches, row.fault).toBe(0);
  }
});
