#!/usr/bin/env node
// Writes the made-up GIAS extracts under test/fixtures/gias/ (Windows-1252, the real column
// layout): an extract of Central Bedfordshire with a few rows of other authorities, and the
// same a year later, for re-import tests. Every school and person in them is fictional.
//
//   node scripts/make-gias-fixtures.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GIAS_HEADER, csvLine, encodeWindows1252, row } from '../bench/gias-columns.mjs';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/gias');
const CB = 'Central Bedfordshire';

function school(urn, la, name, type, status, phase, low, high, extra = {}) {
  return row({
    URN: String(urn),
    'LA (code)': la === CB ? '823' : la === 'Bedford' ? '822' : '821',
    'LA (name)': la,
    EstablishmentNumber: String(urn).slice(-4),
    EstablishmentName: name,
    'TypeOfEstablishment (name)': type,
    'EstablishmentStatus (name)': status,
    'PhaseOfEducation (name)': phase,
    StatutoryLowAge: String(low),
    StatutoryHighAge: String(high),
    'ReligiousCharacter (name)': 'Does not apply',
    'Gender (name)': 'Mixed',
    Town: 'Shefford',
    'Country (name)': 'United Kingdom',
    ...extra,
  });
}
const head = (title, first, last) => ({ 'HeadTitle (name)': title, HeadFirstName: first, HeadLastName: last, HeadPreferredJobTitle: 'Headteacher' });

function extract(year) {
  const later = year === 2027;
  const rows = [
    school(109001, CB, 'Beechwood Lower School', 'Community school', 'Open', 'Primary', 4, 9, head('Mrs', 'Anna', 'Ashworth')),
    school(109002, CB, 'Kestrel Middle School', 'Foundation school', 'Open', 'Middle deemed secondary', 9, 13, later ? head('Ms', 'Kiran', 'Patel') : head('Mr', 'David', 'Dhillon')),
    school(109003, CB, 'Greensand Upper School', 'Academy converter', 'Open', 'Secondary', 13, 18, {
      ...head('Dr', 'Carla', 'Cartwright'),
      'Trusts (name)': later ? 'Chiltern Learning Trust' : 'Greensand Learning Trust',
    }),
    school(109004, CB, later ? 'St Mary\u2019s CofE Academy' : 'St Mary\u2019s Church of England Academy', 'Academy converter', 'Open', 'Primary', 4, 9, {
      ...head('Revd', 'Zoë', 'Brontë'),
      'ReligiousCharacter (name)': 'Church of England',
      'Diocese (name)': 'Diocese of St Albans',
      'Trusts (name)': 'Diocese of St Albans, Academy Trust',
    }),
    ...(later
      ? []
      : [
          school(109005, CB, 'Chênefield Lower School', 'Voluntary controlled school', 'Open', 'Primary', 4, 9, {
            ...head('Mr', 'José', 'Núñez'),
            'ReligiousCharacter (name)': 'Church of England',
            Street: 'The Old School House\nChurch Lane',
          }),
        ]),
    school(109006, CB, 'Oldfield Lower School', 'Community school', 'Closed', 'Primary', 4, 9, { CloseDate: '31-08-2019', 'ReasonEstablishmentClosed (name)': 'Merged' }),
    school(109007, CB, 'Meadowview Special School', 'Community special school', 'Open', 'Not applicable', 2, 19, head('Mr', 'Pavel', 'Pearce')),
    school(109008, CB, 'Ivel Valley Learning Centre', 'Pupil referral unit', 'Open', 'Not applicable', 5, 16, head('Ms', 'Uma', 'Underwood')),
    school(109009, CB, 'Little Acorns Independent School', 'Other independent school', 'Open', 'Not applicable', 3, 11, head('Mrs', 'Ines', 'Ibbs')),
    school(109010, CB, 'Biggleswade Academy', 'Academy sponsor led', later ? 'Closed' : 'Open', 'Secondary', 11, 16, { ...head('Mr', 'Farid', 'Fletcher'), 'Trusts (name)': 'Ivel Learning Trust' }),
    school(109011, CB, 'Our Lady Catholic Primary School', 'Voluntary aided school', 'Open', 'Primary', 3, 9, { ...head('Mrs', 'Chloë', 'O\u2019Brien'), 'ReligiousCharacter (name)': 'Roman Catholic' }),
    school(109013, CB, 'Fairfield Sixth Form College', 'Academy 16-19 converter', 'Open', '16 plus', 16, 19, { ...head('Ms', 'Fern', 'Field'), 'Trusts (name)': 'Ivel Learning Trust' }),
    ...(later ? [school(109014, CB, 'Harlington Lower School', 'Community school', 'Open', 'Primary', 4, 9, head('Mrs', 'Hana', 'Hart'))] : []),
    school(109020, 'Bedford', 'Beechwood Lower School', 'Community school', 'Open', 'Primary', 4, 9, head('Mr', 'Bob', 'Other')),
    school(109021, 'Bedford', 'Castle Upper School', 'Foundation school', 'Open', 'Secondary', 13, 18, head('Ms', 'Cat', 'Castle')),
    school(109030, 'Luton', 'Wardown Primary School', 'Community school', 'Open', 'Primary', 3, 11, head('Mr', 'Will', 'Ward')),
  ];
  return encodeWindows1252(`${[csvLine(GIAS_HEADER), ...rows.map(csvLine)].join('\r\n')}\r\n`);
}

writeFileSync(join(dir, 'edubase-2026.csv'), extract(2026));
writeFileSync(join(dir, 'edubase-2027.csv'), extract(2027));
// One authority only, as GIAS's "find an establishment" download by local authority gives it.
const one = extract(2026)
  .toString('latin1')
  .split('\r\n')
  .filter((l, i) => i === 0 || l.includes(',Bedford,'))
  .join('\r\n');
writeFileSync(join(dir, 'bedford-only.csv'), Buffer.from(one, 'latin1'));
console.error(`wrote the GIAS fixtures in ${dir}`);
