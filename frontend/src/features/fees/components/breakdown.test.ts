import { describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { breakdownLines, breakdownRules, percent } from './breakdown';

type FeeBreakdown = components['schemas']['FeeBreakdown'];

// The API's answers for a household typed in, with the VRP of 2025 (221).
const HOME_HELP: FeeBreakdown = {
  service_type: 'home_help',
  fee_rule: 'R-FEE-1',
  reference_date: '2025-06-01',
  income: { months: [], members: 1, income_per_member: '800.00', base_income: '800.00', vrp: '221.00', free_limit: '442.00' },
  band: 'from3_to4',
  transport_tier: null,
  cap_rate: '0.1',
  cap_amount: '80.00',
  floor_room: '358.00',
  hours: '20',
  hourly_price: '6.50',
  cost: '130.00',
  fee: '80.00',
  limited_by: 'cap',
  trips: [],
  rates_used: [
    { kind: 'vrp', value: '221', effective_from: '2025-01-01' },
    { kind: 'home_help_hourly_price', value: '6.5', effective_from: '2020-01-01' },
  ],
};

const TRANSPORT: FeeBreakdown = {
  service_type: 'transport',
  fee_rule: 'R-FEE-5',
  reference_date: '2025-06-01',
  income: { months: [], members: 2, income_per_member: '500.00', base_income: '700.00', vrp: '221.00', free_limit: '442.00' },
  band: null,
  transport_tier: 'above2_below3',
  cap_rate: null,
  cap_amount: null,
  floor_room: '116.00',
  hours: null,
  hourly_price: null,
  cost: '16.00',
  fee: '2.50',
  limited_by: 'tariff',
  trips: [
    { km_one_way: '25', km_charged: '50', destination_free: false, per_km: '0.05', cost: '16.00', fare: '2.50', reduction: '0.00', charged: '2.50' },
  ],
  rates_used: [{ kind: 'vrp', value: '221', effective_from: '2025-01-01' }],
};

const keys = (b: FeeBreakdown) => breakdownLines(b, 'lt').map((l) => l.key);

describe('the breakdown of a fee, line by line', () => {
  it('home help: income, VRP with its date, band, hours × price, cost, cap, floor, fee, and what decided it', () => {
    expect(keys(HOME_HELP)).toEqual([
      'members',
      'income_per_member',
      'vrp_from',
      'free_limit',
      'band.from3_to4',
      'hours',
      'cost',
      'cap',
      'floor',
      'fee',
      'limited_by.cap',
    ]);
    const lines = breakdownLines(HOME_HELP, 'lt');
    const vrp = lines.find((l) => l.key === 'vrp_from');
    expect(vrp?.values.date).toBe('2025-01-01');
    expect(String(vrp?.values.amount)).toMatch(/221,00/);
    expect(lines.find((l) => l.key === 'cap')?.values.rate).toBe('10');
    expect(lines.find((l) => l.key === 'hours')?.values.hours).toBe('20');
  });

  it('transport: the tariff, each trip there and back at the tariff, no cap line', () => {
    expect(keys(TRANSPORT)).toEqual([
      'members',
      'income_per_member',
      'vrp_from',
      'free_limit',
      'tier.above2_below3',
      'trip',
      'cost',
      'floor',
      'fee',
      'limited_by.tariff',
    ]);
    const trip = breakdownLines(TRANSPORT, 'en').find((l) => l.key === 'trip');
    expect(trip?.values.km).toBe('50');
    expect(trip?.values.per_km).toBe('€0.05');
  });

  it('a free destination and a floor reduction each get their line', () => {
    const b: FeeBreakdown = {
      ...TRANSPORT,
      trips: [
        { ...TRANSPORT.trips[0]!, destination_free: true },
        { ...TRANSPORT.trips[0]!, reduction: '1.20' },
      ],
    };
    expect(keys(b)).toContain('trip_free');
    expect(keys(b)).toContain('trip_reduction');
  });

  it('names the rules only in the "why" list, each once', () => {
    expect(breakdownRules(HOME_HELP)).toEqual(['R-FEE-1', 'R-FEE-0', 'R-FEE-3', 'R-FEE-2']);
    expect(breakdownRules(TRANSPORT)).toEqual(['R-FEE-5', 'R-FEE-1', 'R-FEE-0', 'R-FEE-4', 'R-FEE-2', 'R-FEE-3']);
  });

  it('shows a share as whole percent', () => {
    expect(percent('0.05')).toBe('5');
    expect(percent('0.2')).toBe('20');
    expect(percent('0.125')).toBe('12.5');
  });
});
