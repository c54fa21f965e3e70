// The monthly charges (issue 11): charge runs with their progress, lines,
// differences and exports for the accounting system, and a person's
// charges month by month on their file.

export { chargeKeys } from './keys';
export { ChargesPage } from './components/charges-page';
export { PersonChargesCard } from './components/person-charges-card';
