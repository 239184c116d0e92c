import { describe, expect, test } from 'vitest';
import { isFiltered, matchesFilter, minuteChoices, readFilter } from '@/lib/domain/curriculum/filters';

const choices = { minutes: [20, 25, 30], modalities: ['video', 'audio', 'sms'], areas: ['child-health', 'wellbeing'] };
const item = { competencies: ['D1.2', 'D4.1'], minutes: 25, modality: 'audio', area: 'child-health' };

describe('list filters', () => {
  test('read from the address; no filter matches everything', () => {
    const { filter, ignored } = readFilter({}, choices);
    expect(isFiltered(filter)).toBe(false);
    expect(ignored).toEqual([]);
    expect(matchesFilter(item, filter)).toBe(true);
  });

  test.each([
    [{ domain: 'D4' }, true],
    [{ domain: 'D3' }, false],
    [{ minutes: '25' }, true],
    [{ minutes: '20' }, false],
    [{ modality: 'audio' }, true],
    [{ modality: 'video' }, false],
    [{ area: 'child-health' }, true],
    [{ area: 'wellbeing' }, false],
    [{ domain: 'D1', minutes: '30', modality: 'audio', area: 'child-health' }, true],
    [{ domain: 'D1', minutes: '30', modality: 'sms', area: 'child-health' }, false],
  ])('%o matches: %s', (params, expected) => {
    const { filter, ignored } = readFilter(params, choices);
    expect(ignored).toEqual([]);
    expect(matchesFilter(item, filter)).toBe(expected);
  });

  test('a value that is not a choice is set aside and named, never applied', () => {
    const { filter, ignored } = readFilter({ domain: 'D9', minutes: '21', modality: 'fax', area: ['nope', 'child-health'], extra: 'x' }, choices);
    expect(ignored).toEqual(['domain', 'minutes', 'modality', 'area']);
    expect(isFiltered(filter)).toBe(false);
  });

  test('the first of a repeated parameter counts', () => {
    expect(readFilter({ domain: ['D2', 'D4'] }, choices).filter.domain).toBe('D2');
  });

  test('minute choices are the distinct durations, smallest first', () => {
    expect(minuteChoices([{ minutes: 30 }, { minutes: 20 }, { minutes: 30 }])).toEqual([20, 30]);
  });
});
