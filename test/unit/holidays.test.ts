/**
 * The generated bank-holiday table against GOV.UK's own list, nation by nation, and against
 * what the generator would write today (so a stale commit is caught).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR } from '../../src/core/bank-holidays.generated.js';
import { bankHolidayRows, NATIONS, type Nation } from '../../src/core/calendar.js';
import { dayOfWeek } from '../../src/core/dates.js';

const root = (rel: string) => fileURLToPath(new URL(`../../${rel}`, import.meta.url));
const govuk = JSON.parse(readFileSync(root('test/fixtures/uk-bank-holidays-2019-2028.json'), 'utf8')) as {
  divisions: Record<string, { date: string; title: string; substitute: boolean }[]>;
};

const tableDates = (nation: Nation, from = 2019, to = 2028) =>
  bankHolidayRows(nation).map((row) => row.slice(0, 10)).filter((d) => Number(d.slice(0, 4)) >= from && Number(d.slice(0, 4)) <= to);

describe('bank-holiday table', () => {
  it('covers 2015-2040', () => {
    expect(HOLIDAY_FIRST_YEAR).toBeLessThanOrEqual(2015);
    expect(HOLIDAY_LAST_YEAR).toBeGreaterThanOrEqual(2040);
    for (const n of NATIONS) {
      const years = new Set(bankHolidayRows(n).map((r) => Number(r.slice(0, 4))));
      for (let y = 2015; y <= 2040; y++) expect(years.has(y), `${n} ${y}`).toBe(true);
    }
  });

  for (const nation of NATIONS) {
    it(`${nation}: the same weekday dates as GOV.UK for 2019-2028`, () => {
      const theirs = govuk.divisions[nation]!.map((e) => e.date).filter((d) => ![0, 6].includes(dayOfWeek(d)));
      expect(tableDates(nation)).toEqual([...theirs].sort());
    });

    it(`${nation}: every row is "YYYY-MM-DD Name" on a weekday, sorted, no duplicates`, () => {
      const rows = bankHolidayRows(nation);
      for (const r of rows) {
        expect(r).toMatch(/^\d{4}-\d{2}-\d{2} \S/);
        expect([0, 6]).not.toContain(dayOfWeek(r.slice(0, 10)));
      }
      const dates = rows.map((r) => r.slice(0, 10));
      expect(dates).toEqual([...new Set(dates)].sort());
    });

    it(`${nation}: GOV.UK's substitute days are in the table (names may differ: Scotland's 2 January 2023)`, () => {
      const dates = new Set(bankHolidayRows(nation).map((r) => r.slice(0, 10)));
      const subs = govuk.divisions[nation]!.filter((x) => x.substitute);
      expect(subs.length).toBeGreaterThan(3);
      for (const e of subs) expect(dates.has(e.date), e.date).toBe(true);
    });
  }

  it('is exactly what scripts/holiday-table.mjs renders now', async () => {
    const mod = (await import(pathToFileURL(root('scripts/holiday-table.mjs')).href)) as { renderHolidayTable(): string };
    expect(readFileSync(root('src/core/bank-holidays.generated.ts'), 'utf8')).toBe(mod.renderHolidayTable());
  });
});
