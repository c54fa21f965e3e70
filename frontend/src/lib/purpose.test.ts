import { describe, expect, it } from 'vitest';
import { purposeFor } from './purpose';

describe('purposeFor', () => {
  it('follows the reader’s work', () => {
    expect(purposeFor(['social_worker'])).toBe('needs_assessment');
    expect(purposeFor(['division_specialist'])).toBe('decision');
    expect(purposeFor(['case_manager'])).toBe('case_management');
    expect(purposeFor(undefined)).toBe('needs_assessment');
  });
});
