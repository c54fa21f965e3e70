import { describe, expect, it } from 'vitest';
import { identityFromCode, personalCodeProblem } from './person-form';

describe('personal code', () => {
  it('tells the birth date and sex of a valid code', () => {
    expect(personalCodeProblem('39001010000')).toBeNull();
    expect(identityFromCode('39001010000')).toEqual({ birthDate: '1990-01-01', sex: 'male' });
    expect(identityFromCode('60512240009')).toEqual({ birthDate: '2005-12-24', sex: 'female' });
  });

  it('tells nothing for a code that is invalid or has no date', () => {
    expect(identityFromCode('39001010001')).toBeNull();
    expect(identityFromCode('3900101')).toBeNull();
    expect(identityFromCode('')).toBeNull();
  });
});
