// Reference data (service catalogue, rates, case-management terms): the panels its page composes,
// and the query keys of the rates. The service catalogue's keys are shared:
// `serviceTypeKeys` in src/lib/catalogue.ts.

export { catalogueKeys } from './keys';
export { ServiceTypesPanel } from './components/service-types-panel';
export { RatesPanel } from './components/rates-panel';
export { ProcedureParametersPanel } from './components/procedure-parameters-panel';
