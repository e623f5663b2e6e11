#!/usr/bin/env node
// A national-size GIAS establishments extract (about 50,000 rows, Windows-1252), made up, with
// the real column layout: the input of bench/schools-import.mjs.
//
//   node bench/gen-gias.mjs OUT.csv [--rows 50000]
import { writeFileSync } from 'node:fs';
import { GIAS_HEADER, csvLine, encodeWindows1252, row } from './gias-columns.mjs';

const args = process.argv.slice(2);
const out = args[0];
if (!out) {
  console.error('usage: node bench/gen-gias.mjs OUT.csv [--rows 50000]');
  process.exit(2);
}
const rows = Number(args[args.indexOf('--rows') + 1] || 50000) || 50000;

const LAS = Array.from({ length: 152 }, (_, i) => (i === 17 ? 'Central Bedfordshire' : `Authority ${String(i + 1).padStart(3, '0')}`));
const TYPES = [
  ['Community school', 'Local authority maintained schools'],
  ['Academy converter', 'Academies'],
  ['Academy sponsor led', 'Academies'],
  ['Voluntary aided school', 'Local authority maintained schools'],
  ['Voluntary controlled school', 'Local authority maintained schools'],
  ['Foundation school', 'Local authority maintained schools'],
  ['Free schools', 'Free Schools'],
  ['Other independent school', 'Independent schools'],
  ['Community special school', 'Special schools'],
  ['Further education', 'Colleges'],
];
const PHASES = [['Primary', 4, 11], ['Secondary', 11, 18], ['Primary', 4, 9], ['Middle deemed secondary', 9, 13], ['Secondary', 13, 18], ['Not applicable', 2, 19]];
const RELIGION = ['Does not apply', 'None', 'Church of England', 'Roman Catholic', 'Does not apply', 'None'];
let rng = 12345;
const rand = (n) => {
  rng = (Math.imul(rng, 1103515245) + 12345) >>> 0;
  return (rng >>> 8) % n;
};

/** GIAS fills most columns: codes with digits, names with words, so rows are about 1.3 KB as in the real file. */
const filler = (h, i) => (h.endsWith('(code)') ? String((i * 7) % 97) : h.endsWith('(name)') ? 'Not applicable' : /Date|Insp/.test(h) ? '01-01-2020' : String((i * 13) % 1000));
const full = (fields, i) => {
  const r = row(fields);
  return r.map((v, k) => (v === '' && GIAS_HEADER[k] !== 'CloseDate' && GIAS_HEADER[k] !== 'Trusts (name)' ? filler(GIAS_HEADER[k], i) : v));
};

const lines = [csvLine(GIAS_HEADER)];
for (let i = 0; i < rows; i++) {
  const la = LAS[rand(LAS.length)];
  const [type, group] = TYPES[rand(TYPES.length)];
  const [phase, low, high] = PHASES[rand(PHASES.length)];
  const status = rand(8) === 0 ? 'Closed' : 'Open';
  lines.push(
    csvLine(
      full({
        URN: String(100000 + i),
        'LA (code)': String(800 + LAS.indexOf(la)),
        'LA (name)': la,
        EstablishmentNumber: String(1000 + rand(8000)),
        EstablishmentName: `${['Oak', 'Ash', 'Elm', 'Café', 'St Mary\u2019s'][rand(5)]} ${['Primary School', 'Academy', 'Lower School', 'High School'][rand(4)]} ${i}`,
        'TypeOfEstablishment (name)': type,
        'EstablishmentTypeGroup (name)': group,
        'EstablishmentStatus (name)': status,
        OpenDate: '01-09-2012',
        CloseDate: status === 'Closed' ? '31-08-2020' : '',
        'PhaseOfEducation (name)': phase,
        StatutoryLowAge: String(low),
        StatutoryHighAge: String(high),
        'Gender (name)': 'Mixed',
        'ReligiousCharacter (name)': RELIGION[rand(RELIGION.length)],
        'Trusts (name)': type.startsWith('Academy') ? `The ${['Ridge', 'Vale', 'River'][rand(3)]} Learning Trust` : '',
        NumberOfPupils: String(100 + rand(1400)),
        Street: `${1 + rand(200)} School Lane`,
        Town: 'Sometown',
        Postcode: 'AB1 2CD',
        SchoolWebsite: 'https://school.example.org',
        TelephoneNum: '01234567890',
        'HeadTitle (name)': ['Mrs', 'Mr', 'Ms', 'Dr'][rand(4)],
        HeadFirstName: ['Zoë', 'José', 'Anna', 'Ben'][rand(4)],
        HeadLastName: `Head${i}`,
        HeadPreferredJobTitle: 'Headteacher',
        'GOR (name)': 'East of England',
        'DistrictAdministrative (name)': la,
        'ParliamentaryConstituency (name)': 'Somewhere, North',
        'UrbanRural (name)': '(England/Wales) Urban city and town',
        Easting: String(500000 + rand(10000)),
        Northing: String(200000 + rand(10000)),
        'Country (name)': 'United Kingdom',
      }, i),
    ),
  );
}
writeFileSync(out, encodeWindows1252(`${lines.join('\r\n')}\r\n`));
console.error(`wrote ${rows} rows to ${out}`);
