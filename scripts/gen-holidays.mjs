// Generates src/core/bank-holidays.generated.ts from the date-holidays package, so that no
// holiday library is loaded when wep runs. Run with `npm run gen:holidays`; a unit test fails
// when the committed table differs from what this script would write.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderHolidayTable } from './holiday-table.mjs';

const out = fileURLToPath(new URL('../src/core/bank-holidays.generated.ts', import.meta.url));
writeFileSync(out, renderHolidayTable());
console.log(`wrote ${out}`);
