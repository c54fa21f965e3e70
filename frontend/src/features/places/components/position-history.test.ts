import { describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { causeLabel, movedUp, moveLabel, POSITION_CAUSES } from './position-history';

const lt = i18n.getFixedT('lt');
const en = i18n.getFixedT('en');

describe('position history', () => {
  it('says every cause the server records, in Lithuanian and English', () => {
    for (const cause of POSITION_CAUSES) {
      expect(causeLabel(lt, { cause })).not.toContain('places.cause');
      expect(causeLabel(en, { cause })).not.toContain('places.cause');
    }
    expect(causeLabel(lt, { cause: 'ahead_joined' })).toBe('Prieš jus įrašytas asmuo su ankstesne sprendimo data');
    expect(causeLabel(en, { cause: 'ahead_admitted' })).toBe('A person ahead of you moved in');
    expect(causeLabel(lt, { cause: 'joined' })).toBe('Įrašytas į eilę');
  });

  it('names the reason of a leaving', () => {
    expect(causeLabel(lt, { cause: 'ahead_left', cause_detail: 'died' })).toBe('Prieš jus buvęs asmuo išbrauktas iš eilės (Mirė)');
    expect(causeLabel(en, { cause: 'left', cause_detail: 'moved_elsewhere' })).toBe('Left the queue (Placed elsewhere)');
    expect(causeLabel(en, { cause: 'left', cause_detail: 'something_new' })).toBe('Left the queue (something_new)');
  });

  it('shows a cause it does not know as the server wrote it', () => {
    expect(causeLabel(lt, { cause: 'capacity_changed' })).toBe('capacity_changed');
  });

  it('shows the move and whether it was forward', () => {
    expect(moveLabel({ from_position: null, to_position: 3 })).toBe('— → 3');
    expect(moveLabel({ from_position: 2, to_position: null })).toBe('2 → —');
    expect(movedUp({ from_position: 3, to_position: 2 })).toBe(true);
    expect(movedUp({ from_position: 2, to_position: 3 })).toBe(false);
    expect(movedUp({ from_position: null, to_position: 1 })).toBe(false);
  });
});
