import { describe, expect, it } from 'vitest';
import { canOpen, navFor } from './navigation';

describe('role-aware navigation', () => {
  it('everyone sees the start page; case roles see cases and people', () => {
    expect(navFor(['social_worker']).map((i) => i.key)).toEqual(['home', 'cases', 'persons', 'places', 'deliveries', 'fees', 'aids']);
    expect(navFor(['division_head']).map((i) => i.key)).toEqual(['home', 'cases', 'persons', 'inbox', 'places', 'deliveries', 'fees', 'fee_reviews', 'aids', 'charges', 'reports']);
    expect(navFor(['case_manager']).map((i) => i.key)).toEqual(['home', 'cases', 'persons', 'fees']);
    expect(navFor(['case_management_head']).map((i) => i.key)).toEqual(['home', 'cases', 'persons']);
    expect(navFor(['division_specialist']).map((i) => i.key)).toEqual(['home', 'persons', 'inbox', 'places', 'deliveries', 'fees', 'fee_reviews', 'aids', 'charges', 'reports']);
  });

  it('keeps cases to the roles that work with them', () => {
    expect(canOpen(['case_manager'], '/cases/123')).toBe(true);
    expect(canOpen(['case_management_head'], '/cases')).toBe(true);
    expect(canOpen(['admin'], '/cases')).toBe(false);
    expect(canOpen(['auditor'], '/cases/123')).toBe(false);
    expect(canOpen(['division_specialist'], '/cases')).toBe(false);
  });

  it('administrators see users, auditors the audit log', () => {
    expect(navFor(['admin']).map((i) => i.key)).toEqual(['home', 'users', 'service_accounts', 'signing', 'catalogue']);
    expect(navFor(['auditor']).map((i) => i.key)).toEqual(['home', 'audit', 'data_subjects']);
    expect(navFor(['data_protection_officer']).map((i) => i.key)).toEqual(['home', 'audit', 'data_subjects']);
    expect(navFor(['admin', 'auditor']).map((i) => i.key)).toEqual(['home', 'users', 'service_accounts', 'signing', 'catalogue', 'audit', 'data_subjects']);
  });

  it('keeps the service accounts screen to administrators', () => {
    expect(canOpen(['admin'], '/service-accounts')).toBe(true);
    for (const role of ['social_worker', 'case_manager', 'division_specialist', 'division_head', 'auditor', 'data_protection_officer'] as const) {
      expect(canOpen([role], '/service-accounts')).toBe(false);
    }
  });

  it('shows places and queues to the roles that read them', () => {
    expect(canOpen(['social_worker'], '/places/shelter')).toBe(true);
    expect(canOpen(['division_specialist'], '/places/abc/long_term_care')).toBe(true);
    expect(canOpen(['case_manager'], '/places')).toBe(false);
    expect(canOpen(['admin'], '/places')).toBe(false);
  });

  it('shows deliveries to the roles with read_deliveries', () => {
    expect(canOpen(['social_worker'], '/deliveries')).toBe(true);
    expect(canOpen(['division_specialist'], '/deliveries')).toBe(true);
    expect(canOpen(['division_head'], '/deliveries')).toBe(true);
    expect(canOpen(['case_manager'], '/deliveries')).toBe(false);
    expect(canOpen(['admin'], '/deliveries')).toBe(false);
    expect(canOpen(['auditor'], '/deliveries')).toBe(false);
  });

  it('shows fees, aids and charges to the roles with quote_fees, read_deliveries and run_charges', () => {
    expect(canOpen(['case_manager'], '/fees/calculator')).toBe(true);
    expect(canOpen(['case_manager'], '/fees/reviews')).toBe(false);
    expect(canOpen(['case_manager'], '/aids')).toBe(false);
    expect(canOpen(['social_worker'], '/aids')).toBe(true);
    expect(canOpen(['social_worker'], '/charges')).toBe(false);
    expect(canOpen(['division_specialist'], '/charges')).toBe(true);
    expect(canOpen(['division_head'], '/fees/reviews')).toBe(true);
    expect(canOpen(['admin'], '/fees/calculator')).toBe(false);
    expect(canOpen(['auditor'], '/charges')).toBe(false);
  });

  it('guards pages by role', () => {
    expect(canOpen(['social_worker'], '/users')).toBe(false);
    expect(canOpen(['admin'], '/users')).toBe(true);
    expect(canOpen(['division_head'], '/audit')).toBe(false);
    expect(canOpen(['division_head'], '/')).toBe(true);
    expect(canOpen(['admin'], '/persons/123')).toBe(false);
    expect(canOpen(['social_worker'], '/persons/123')).toBe(true);
    expect(canOpen(['social_worker'], '/inbox')).toBe(false);
    expect(canOpen(['admin'], '/catalogue')).toBe(true);
    expect(canOpen(['division_head'], '/catalogue')).toBe(false);
    expect(canOpen(['admin'], '/signing-delegations')).toBe(true);
    expect(canOpen(['division_head'], '/signing-delegations')).toBe(false);
  });
});
